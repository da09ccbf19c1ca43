/**
 * The core's preflight through the real Bolt app: every spelling of a command is found by the
 * same core function, the core alone decides who may run it, and a command that needs a file
 * gets Slack's own hint wherever Slack cannot carry one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeInvocation } from '../../../adapters/slack/actions.ts';
import type { App } from '../../../src/app.ts';
import { appMention, type ApiCall } from '../../helpers/fake-slack/index.ts';
import { blockTexts, coreApp, shown, startHarness, type Harness } from './harness.ts';

const SLASH_HINT = '`import-287g` needs a file, and Slack cannot send one with a slash command';
const MENTION_HINT = '`import-287g` needs a file in the same message';

describe('Slack: the core preflight', () => {
  let h: Harness;
  let core: App;
  beforeAll(async () => {
    core = coreApp();
    h = await startHarness({ mode: 'http', core, moderatorIds: ['U0MOD'] });
  });
  afterAll(async () => h.stop());

  async function mention(text: string, user: string, files?: unknown[]): Promise<ApiCall> {
    const payload = appMention({ text: `<@U0BOT> ${text}`, user, ...(files ? { files } : {}) });
    const ts = (payload.event as { ts: string }).ts;
    await h.event(payload);
    return h.slack.calls.waitFor((c) => (c.method === 'chat.postMessage' || c.method === 'chat.postEphemeral') && c.args.thread_ts === ts, 20_000);
  }
  const mentionText = (call: ApiCall) => blockTexts({ blocks: call.args.blocks as unknown[] }).join('\n');

  it('GIVEN `/sheriff import roster` and `/sheriff import-roster` (a file is required) from a moderator THEN both get the upload-with-a-mention hint, privately', async () => {
    const before = core.store.db.prepare('SELECT count(*) AS n FROM imports').get();
    for (const text of ['import roster', 'import-roster', 'IMPORT roster']) {
      const answer = await h.command(text, { user_id: 'U0MOD' });
      expect(answer.response_type, text).toBe('ephemeral');
      expect(shown(answer), text).toContain(SLASH_HINT.replace('import-287g', 'import-roster'));
      expect(shown(answer), text).toContain('write `@Sheriff Watch import-roster` as the message');
    }
    expect(core.store.db.prepare('SELECT count(*) AS n FROM imports').get()).toEqual(before);
  });

  it('GIVEN `/sheriff import 287g` from a member THEN the refusal comes first, not the hint', async () => {
    const answer = await h.command('import 287g', { user_id: 'U0BOB' });
    expect(answer.response_type).toBe('ephemeral');
    expect(shown(answer)).toContain('Moderators only');
    expect(shown(answer)).not.toContain(SLASH_HINT);
  });

  it('GIVEN a mention of either spelling without a file THEN the moderator hears to attach it to that message', async () => {
    for (const text of ['import roster', 'import-roster']) {
      const answer = await mention(text, 'U0MOD');
      expect(answer.method, text).toBe('chat.postEphemeral');
      expect(mentionText(answer), text).toContain(MENTION_HINT.replace('import-287g', 'import-roster'));
    }
  });

  it('GIVEN a mention with a file THEN the file reaches the command; from a member it is refused and never downloaded', async () => {
    const file = h.slack.hostFile({ name: 'notes.csv', bytes: Buffer.from('name,phone\nA,1\n') });
    const refused = await mention('import-287g', 'U0BOB', [file]);
    expect(mentionText(refused)).toContain('Moderators only');
    expect(h.slack.downloads.filter((d) => d.fileId === file.id)).toEqual([]);
    const read = await mention('import 287g', 'U0MOD', [file]);
    expect(mentionText(read)).toMatch(/Could not read "notes.csv"/);
    expect(h.slack.downloads.filter((d) => d.fileId === file.id)).toHaveLength(1);
  });

  it('GIVEN a community-manager command THEN a member is refused in a channel and may run it in a direct message with the bot', async () => {
    const refused = await h.command('language en', { user_id: 'U0BOB' });
    expect(refused.response_type).toBe('ephemeral');
    expect(shown(refused)).toContain('Moderators or channel managers only');
    const direct = await h.command('language en', { user_id: 'U0BOB', channel_id: 'D0BOB', channel_name: 'directmessage' });
    expect(direct.response_type).toBe('in_channel');
    expect(core.store.languages.get({ platform: 'slack', workspaceId: 'T0FAKE', channelId: 'D0BOB' })).toBe('en');
  });

  it('GIVEN a misspelled command and a button for a command the bot no longer has THEN the core says which, privately', async () => {
    const typo = await h.command('imprt-287g 2026-01-23', { user_id: 'U0MOD' });
    expect(typo.response_type).toBe('ephemeral');
    expect(shown(typo)).toContain('Unknown command "imprt-287g"');
    expect(shown(typo)).toContain('Did you mean `import-287g`?');
    const url = await h.press('sw:choice:0', encodeInvocation({ command: 'retired-command', args: {} })!, { user_id: 'U0MOD' });
    const answer = (await h.slack.responseTo(url)).body;
    expect(answer.response_type).toBe('ephemeral');
    expect(shown(answer)).toContain('Unknown command "retired-command"');
  });
});
