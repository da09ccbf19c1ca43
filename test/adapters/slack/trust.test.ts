/**
 * The trust model through the real Bolt app on the fake Slack: the editors' workspace is the bot
 * token's (T0FAKE); a workspace admin of another workspace (a Slack Connect channel) manages
 * their channel's subscriptions but only proposes record changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src/app.ts';
import { silentLogger } from '../../../src/logger.ts';
import { NO_LIMITS } from '../../helpers/app.ts';
import { recordSnapshot } from '../../helpers/record-snapshot.ts';
import { testClock } from '../../helpers/store.ts';
import { shown, startHarness, type Harness } from './harness.ts';

const OTHER = { team_id: 'T0OTHER', channel_id: 'C0SHARED', channel_name: 'shared', user_id: 'U0ADMIN', user_name: 'admin' };
const EDITOR = { team_id: 'T0FAKE', user_id: 'U0EDITOR', user_name: 'editor' };

describe('Slack: editors, community managers and proposals', () => {
  let h: Harness;
  let core: App;
  beforeAll(async () => {
    core = createApp({ databasePath: ':memory:', clock: testClock, logger: silentLogger, trust: NO_LIMITS });
    h = await startHarness({ mode: 'http', core, moderatorIds: ['U0EDITOR', 'U0LISTED'], editorChannelId: 'C0EDITORS' });
    h.slack.users.set('U0ADMIN', { is_admin: true, team_id: 'T0OTHER' });
    core.trust.notices.register(h.bot.sender, h.bot.editors);
  });
  afterAll(() => h?.stop());

  it('GIVEN a workspace admin outside the editors’ workspace THEN they manage their channel’s subscriptions; a plain member there does not', async () => {
    expect(shown(await h.command('subscribe Travis, TX', { ...OTHER, user_id: 'U0MEMBER', user_name: 'member' }))).toMatch(/manage|gestion/i);
    expect(core.store.subscriptions.forChannel('slack', 'C0SHARED')).toHaveLength(0);
    const answer = await h.command('subscribe Travis, TX', OTHER);
    expect(answer.response_type).toBe('in_channel');
    expect(shown(answer)).toContain('Travis County');
    expect(core.store.subscriptions.forChannel('slack', 'C0SHARED')).toHaveLength(1);
  });

  it('GIVEN that admin THEN a record change only becomes a proposal and the record is unchanged; a moderator listed but writing from that workspace cannot approve', async () => {
    const before = recordSnapshot(core.store);
    const answer = await h.command('position set Travis, TX detainers no https://www.kut.org/memo', OTHER);
    expect(shown(answer)).toMatch(/Proposed: change #1 waits for an editor/);
    expect(recordSnapshot(core.store)).toEqual(before);
    await core.trust.notices.settled();
    const notice = h.slack.calls.items.find((c) => c.method === 'chat.postMessage' && c.args.channel === 'C0EDITORS');
    expect(JSON.stringify(notice?.args.blocks)).toContain('Proposal #1: Travis County, TX');
    expect(shown(await h.command('approve 1', OTHER))).toContain('Moderators only');
    expect(shown(await h.command('approve 1', { ...OTHER, user_id: 'U0LISTED', user_name: 'listed' }))).toContain('Moderators only');
  });

  it('GIVEN an editor of the editors’ workspace THEN approving applies it and the proposer hears it in their channel', async () => {
    const answer = await h.command('approve 1', EDITOR);
    expect(shown(answer)).toContain('Approved #1: Travis County, TX');
    const office = core.store.offices.sheriffOf('48453')!;
    expect(core.store.positions.live(office.id).filter((p) => p.topic === 'detainers').map((p) => p.value)).toEqual(['no']);
    await core.trust.notices.settled();
    const told = h.slack.calls.items.find((c) => c.method === 'chat.postMessage' && c.args.channel === 'C0SHARED');
    expect(JSON.stringify(told?.args.blocks)).toContain('Proposal #1 was approved');
  });
});
