import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeInvocation } from '../../../adapters/slack/actions.ts';
import { Moderators, slackCaller, slackConversation, type UsergroupsClient } from '../../../adapters/slack/identity.ts';
import type { App } from '../../../src/app.ts';
import { helpCommand } from '../../../src/commands/about/help.ts';
import { CommandRegistry } from '../../../src/framework/registry.ts';
import type { CommandDef } from '../../../src/framework/types.ts';
import { silentLogger } from '../../../src/logger.ts';
import { en } from '../../../src/i18n/en.ts';
import { text } from '../../../src/reply.ts';
import { captureLogger, coreApp, shown, startHarness, type Harness } from './harness.ts';

/** No moderator command exists yet: this one exists only in this test. */
const retract: CommandDef = {
  name: 'test-retract',
  // Test-only: a command only moderators may run; any catalog entry describes it.
  descriptionKey: 'command.about.description',
  options: [],
  permission: 'editor',
  examples: ['test-retract'],
  handler: ({ caller, conversation }) => ({
    status: 'ok',
    title: `Retracted by ${caller.displayName}`,
    intro: [[text(`caller=${caller.id} workspace=${conversation?.workspaceId} channel=${conversation?.channelId} manages=${caller.isCommunityManager}`)]],
    sections: [],
    notes: [],
  }),
};

function coreWithRetract(logger = silentLogger): App {
  const base = coreApp(logger);
  const registry: CommandRegistry = new CommandRegistry([
    ...base.registry.all().filter((c) => c.name !== 'help'),
    helpCommand(() => registry),
    retract,
  ]);
  return { ...base, registry, contextFor: (caller, where) => ({ ...base.contextFor(caller, where), registry }) };
}

describe('Slack moderators: SLACK_MODERATOR_IDS and SLACK_MODERATOR_GROUP', () => {
  let h: Harness;
  const log = captureLogger();
  beforeAll(async () => {
    h = await startHarness({ mode: 'http', core: coreWithRetract(log.logger), moderatorIds: ['U0MOD'], moderatorGroup: 'S0MODS' });
    h.slack.usergroups.set('S0MODS', ['U0GROUP']);
  });
  afterAll(async () => h.stop());

  it('GIVEN a user listed in SLACK_MODERATOR_IDS THEN the moderator command runs, with the Slack identity and place', async () => {
    const answer = await h.command('test-retract', { user_id: 'U0MOD', user_name: 'mod' });
    expect(answer.response_type).toBe('in_channel');
    expect(answer.blocks?.[0]).toMatchObject({ type: 'header', text: { text: 'Retracted by mod' } });
    expect(shown(answer)).toContain('caller=slack:U0MOD workspace=T0FAKE channel=C0GENERAL manages=true');
  });

  it('GIVEN a user who is neither listed nor in the group THEN it is refused privately and the handler does not run', async () => {
    const answer = await h.command('test-retract', { user_id: 'U0BOB', user_name: 'bob' });
    expect(answer.response_type).toBe('ephemeral');
    expect(shown(answer)).toContain('Moderators only');
    expect(shown(answer)).not.toContain('Retracted');
  });

  it('GIVEN a member of the moderator group THEN the command runs, and the group is read once for several commands', async () => {
    const before = h.slack.calls.filter((c) => c.method === 'usergroups.users.list').length;
    const first = await h.command('test-retract', { user_id: 'U0GROUP', user_name: 'grouped' });
    const second = await h.command('test-retract', { user_id: 'U0GROUP', user_name: 'grouped' });
    const denied = await h.command('test-retract', { user_id: 'U0OTHER' });
    expect([first.response_type, second.response_type, denied.response_type]).toEqual(['in_channel', 'in_channel', 'ephemeral']);
    const lookups = h.slack.calls.filter((c) => c.method === 'usergroups.users.list');
    expect(lookups.length - before).toBeLessThanOrEqual(1);
    expect(lookups.at(-1)?.args).toMatchObject({ usergroup: 'S0MODS' });
    expect(lookups.at(-1)?.token).toBe('xoxb-test');
  });

  it('GIVEN a non-moderator pressing a button that runs the moderator command THEN it is refused as well', async () => {
    const url = await h.press('sw:choice:0', encodeInvocation({ command: 'test-retract', args: {} })!, { user_id: 'U0BOB' });
    const answer = (await h.slack.responseTo(url)).body;
    expect(answer.response_type).toBe('ephemeral');
    expect(shown(answer)).toContain('Moderators only');
  });

  it('GIVEN a non-moderator THEN help does not list the moderator command; a moderator sees it marked', async () => {
    const plain = await h.command('help test-retract', { user_id: 'U0BOB' });
    expect(plain.response_type).toBe('ephemeral');
    const mod = await h.command('help test-retract', { user_id: 'U0MOD' });
    expect(mod.response_type).toBe('in_channel');
    expect(shown(mod)).toContain(en['command.about.description']);
  });
});

describe('Slack conversation: who manages the channel', () => {
  const who = (channelId: string, channelName: string) => ({ userId: 'U1', userName: '', teamId: 'T1', channelId, channelName });
  it('GIVEN a channel, a direct message, and a moderator THEN only the last two count as managing it; only the moderator edits', () => {
    expect(slackConversation(who('C1', 'general'))).toEqual({ platform: 'slack', workspaceId: 'T1', channelId: 'C1' });
    expect(slackCaller(who('C1', 'general'), false)).toEqual({
      id: 'slack:U1', platform: 'slack', workspaceId: 'T1', userId: 'U1', displayName: 'U1', isEditor: false, isCommunityManager: false,
    });
    expect(slackCaller(who('D1', 'directmessage'), false)).toMatchObject({ isEditor: false, isCommunityManager: true });
    expect(slackCaller(who('C1', 'general'), true)).toMatchObject({ isEditor: true, isCommunityManager: true });
  });

  it("GIVEN a distributed app without SLACK_EDITOR_TEAM_ID (null) THEN a listed moderator manages channels but edits nowhere", () => {
    expect(slackCaller(who('C1', 'general'), true, { editorTeamId: null })).toMatchObject({ isEditor: false, isCommunityManager: true });
    expect(slackCaller(who('C1', 'general'), true, { editorTeamId: 'T1' })).toMatchObject({ isEditor: true });
    expect(slackCaller(who('C1', 'general'), true, { editorTeamId: 'T2' })).toMatchObject({ isEditor: false });
  });
});

describe('Slack moderators: the group cache and failures', () => {
  const client = (answers: (() => Promise<{ ok?: boolean; users?: string[]; error?: string }>)[]) => {
    let calls = 0;
    const c: UsergroupsClient = { usergroups: { users: { list: () => answers[Math.min(calls++, answers.length - 1)]!() } } };
    return { client: c, calls: () => calls };
  };

  it('GIVEN the cache has expired THEN the group is read again and a removed member loses the rights', async () => {
    let now = 0;
    const api = client([async () => ({ ok: true, users: ['U1'] }), async () => ({ ok: true, users: [] })]);
    const moderators = new Moderators({ ids: [], group: 'S1', client: api.client, logger: silentLogger, ttlMs: 1_000, now: () => now });
    expect(await moderators.isModerator('U1')).toBe(true);
    now = 999;
    expect(await moderators.isModerator('U1')).toBe(true);
    expect(api.calls()).toBe(1);
    now = 1_000;
    expect(await moderators.isModerator('U1')).toBe(false);
    expect(api.calls()).toBe(2);
  });

  it('GIVEN concurrent checks THEN the group is read once', async () => {
    const api = client([async () => ({ ok: true, users: ['U1'] })]);
    const moderators = new Moderators({ ids: [], group: 'S1', client: api.client, logger: silentLogger });
    expect(await Promise.all([moderators.isModerator('U1'), moderators.isModerator('U2'), moderators.isModerator('U1')])).toEqual([true, false, true]);
    expect(api.calls()).toBe(1);
  });

  it('GIVEN the group lookup fails THEN nobody gains rights, the error is logged, and the last known members are kept', async () => {
    let now = 0;
    const log = captureLogger();
    const api = client([async () => ({ ok: true, users: ['U1'] }), async () => Promise.reject(new Error('network down')), async () => ({ ok: false, error: 'no_such_subteam' })]);
    const moderators = new Moderators({ ids: ['U0'], group: 'S1', client: api.client, logger: log.logger, ttlMs: 10, failureTtlMs: 10, now: () => now });
    expect(await moderators.isModerator('U1')).toBe(true);
    now = 10;
    expect(await moderators.isModerator('U1')).toBe(true);
    expect(await moderators.isModerator('U2')).toBe(false);
    expect(await moderators.isModerator('U0')).toBe(true);
    const entry = await log.lines.waitFor((line) => line.msg === 'could not read the Slack moderator group');
    expect(entry).toMatchObject({ level: 50, usergroup: 'S1', keptMembers: 1 });
    expect(api.calls()).toBe(2);
  });

  it('GIVEN no group is configured THEN only the listed ids are moderators and Slack is never asked', async () => {
    const api = client([async () => ({ ok: true, users: ['U1'] })]);
    const moderators = new Moderators({ ids: ['U0'], client: api.client, logger: silentLogger });
    expect([await moderators.isModerator('U0'), await moderators.isModerator('U1')]).toEqual([true, false]);
    expect(api.calls()).toBe(0);
  });
});
