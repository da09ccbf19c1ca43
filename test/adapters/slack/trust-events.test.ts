/**
 * Through the real Bolt app on the fake Slack: elections and meetings from a workspace that is
 * not the editors' become proposals; history names each workspace by its name in both
 * languages; per-user limits hold for slash commands and buttons.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src/app.ts';
import { silentLogger } from '../../../src/logger.ts';
import { NO_LIMITS } from '../../helpers/app.ts';
import { recordSnapshot } from '../../helpers/record-snapshot.ts';
import { testClock } from '../../helpers/store.ts';
import { buttons, shown, startHarness, type Harness } from './harness.ts';

const OTHER = { team_id: 'T0OTHER', team_domain: 'other-org', channel_id: 'C0SHARED', channel_name: 'shared', user_id: 'U0ADMIN', user_name: 'admin' };
const EDITOR = { team_id: 'T0FAKE', user_id: 'U0EDITOR', user_name: 'editor' };
const idOf = (text: string) => Number(/#(\d+)/.exec(text)![1]);

describe('Slack: elections and meetings proposed from another workspace', () => {
  let h: Harness;
  let core: App;
  beforeAll(async () => {
    core = createApp({ databasePath: ':memory:', clock: testClock, logger: silentLogger, trust: NO_LIMITS });
    h = await startHarness({ mode: 'http', core, moderatorIds: ['U0EDITOR'], editorChannelId: 'C0EDITORS' });
    h.slack.users.set('U0ADMIN', { is_admin: true, team_id: 'T0OTHER' });
    core.trust.notices.register(h.bot.sender, h.bot.editors);
  });
  afterAll(() => h?.stop());

  it('GIVEN a workspace admin elsewhere THEN election-add and meeting-add wait for an editor, who sees them in pending and approves; the proposer hears it', async () => {
    const before = recordSnapshot(core.store);
    const election = shown(await h.command('election-add Travis, TX kind:special date:2027-05-01 source:https://www.votetravis.gov/special', OTHER));
    expect(election).toMatch(/Proposed: change #\d+ waits for an editor/);
    const meeting = shown(await h.command('meeting-add Travis, TX body:"Commissioners Court" date:2026-12-01 time:09:00 source:https://www.traviscountytx.gov/cc', OTHER));
    expect(recordSnapshot(core.store)).toEqual(before);
    await core.trust.notices.settled();
    const notices = h.slack.calls.items.filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'C0EDITORS').map((c) => JSON.stringify(c.args.blocks));
    expect(notices.some((n) => n.includes('Travis County, TX · new special election on 2027-05-01'))).toBe(true);
    const pending = shown(await h.command('pending', EDITOR));
    expect(pending).toContain('new meeting of Commissioners Court, first at 2026-12-01 09:00');
    expect(pending).toContain('from Slack · other-org');
    expect(shown(await h.command(`approve ${idOf(election)}`, EDITOR))).toContain(`Approved #${idOf(election)}: Travis County, TX`);
    expect(shown(await h.command(`approve ${idOf(meeting)}`, EDITOR))).toContain(`Approved #${idOf(meeting)}: Travis County, TX`);
    expect(core.store.recordedElections.upcomingFor('48453', '2026-11-24').map((e) => e.date)).toEqual(['2027-05-01']);
    expect(core.store.meetings.liveFor('48453').map((m) => m.body)).toEqual(['Commissioners Court']);
    await core.trust.notices.settled();
    const told = h.slack.calls.items.filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'C0SHARED').map((c) => JSON.stringify(c.args.blocks));
    expect(told.filter((b) => /Proposal #\d+ was approved/.test(b))).toHaveLength(2);
  });

  it('GIVEN changes from both workspaces THEN history names each by its name, in English and in Spanish', async () => {
    expect(shown(await h.command('position set Travis, TX detainers no https://www.kut.org/memo', EDITOR))).toContain('Recorded: Travis County, TX');
    const english = shown(await h.command('history Travis, TX', EDITOR));
    expect(english).toMatch(/by slack:U0ADMIN from Slack · other-org/);
    expect(english).toMatch(/by slack:U0EDITOR from Slack · Fake/);
    expect(shown(await h.command('language es', OTHER))).toBeTruthy();
    const spanish = shown(await h.command('history Travis, TX', OTHER));
    expect(spanish).toMatch(/por slack:U0ADMIN desde Slack · other-org/);
    expect(spanish).toMatch(/por slack:U0EDITOR desde Slack · Fake/);
  });
});

describe('Slack: per-user limits', () => {
  let h: Harness;
  beforeAll(async () => {
    // 3 per 30 s; the test clock stands still, so a refused request waits the whole window.
    const core = createApp({ databasePath: ':memory:', clock: testClock, logger: silentLogger, trust: { ...NO_LIMITS, commands: { count: 3, windowMs: 30_000 } } });
    h = await startHarness({ mode: 'http', core });
  });
  afterAll(() => h?.stop());

  it('GIVEN a fourth slash command within 30 s THEN a private "try again in 30 s"; another user of the same workspace is not limited', async () => {
    const who = { user_id: 'U0SCRIPT', user_name: 'script' };
    for (let i = 0; i < 3; i++) expect(shown(await h.command('sheriff Travis, TX', who))).toContain('Sheriff of Travis County');
    const refused = await h.command('sheriff Travis, TX', who);
    expect(refused.response_type).toBe('ephemeral');
    expect(shown(refused)).toContain('Too many requests');
    expect(shown(refused)).toContain('Try again in 30 s.');
    const other = await h.command('sheriff Travis, TX', { user_id: 'U0PERSON', user_name: 'person' });
    expect(shown(other)).toContain('Sheriff of Travis County');
  });

  it('GIVEN button presses THEN they count too, and the refused press is answered privately', async () => {
    const who = { user_id: 'U0CLICKER', user_name: 'clicker' };
    const first = await h.command('positions 287g TX', who);
    const next = buttons(first).find((b) => /Next/.test(b.text.text))!;
    expect((await h.click(first, next.action_id, { user_id: 'U0CLICKER' })).first.replace_original).toBe(true);
    expect((await h.click(first, next.action_id, { user_id: 'U0CLICKER' })).first.replace_original).toBe(true);
    const refused = (await h.click(first, next.action_id, { user_id: 'U0CLICKER' })).first;
    expect(refused.response_type).toBe('ephemeral');
    expect(shown(refused)).toContain('Try again in 30 s.');
    // The same button pressed by someone else in the workspace still works.
    expect((await h.click(first, next.action_id, { user_id: 'U0OTHER' })).first.replace_original).toBe(true);
  });
});
