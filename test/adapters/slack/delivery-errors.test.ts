/**
 * Slack's refusals of a post become the core's delivery errors in the adapter, and the
 * editors' channel the operator names hears when a channel is lost — through Bolt's Web API
 * client against the fake Slack.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app.ts';
import { AccessRevokedError, ChannelNotFoundError, NoAccessError, PermanentDeliveryError, RetryAfterError } from '../../../src/delivery/errors.ts';
import { silentLogger } from '../../../src/logger.ts';
import { Scheduler } from '../../../src/scheduler/scheduler.ts';
import { addTravisMeeting, channel, ManualClock, subscribe } from '../../scheduler/helpers.ts';
import { CommandRegistry } from '../../../src/framework/registry.ts';
import type { CommandDef } from '../../../src/framework/types.ts';
import { coreApp, shown, startHarness, type Harness } from './harness.ts';

const EDITORS = 'C0EDITORS';
/** What Slack answers chat.postMessage for each of these channels. */
const REFUSED: Record<string, string> = {
  C0GONE: 'channel_not_found', C0OUT: 'not_in_channel', C0OLD: 'is_archived', C0ODD: 'msg_too_long', C0LOST: 'channel_not_found',
  C0REVOKED: 'token_revoked', C0BADAUTH: 'invalid_auth', C0INACTIVE: 'account_inactive',
};

/** Test-only: what issue 12's proposals will do — a command that tells the editors something. */
const tellCommand: CommandDef = {
  name: 'tell-editors-test',
  descriptionKey: 'command.about.description',
  options: [],
  permission: 'everyone',
  examples: [],
  handler: async ({ caller, editors }) => {
    await editors?.tellEditors({ status: 'ok', title: `Proposal from ${caller.id}`, sections: [], notes: [] }, { key: 'proposal-1' });
    return { status: 'ok', title: editors ? 'Told the editors' : 'No editors channel', sections: [], notes: [] };
  },
};

let h: Harness;
let core: App;
let posted = 0;
beforeAll(async () => {
  const base = coreApp();
  const registry = new CommandRegistry([...base.registry.all(), tellCommand]);
  core = { ...base, registry, contextFor: (caller, where) => ({ ...base.contextFor(caller, where), registry }) };
  h = await startHarness({ mode: 'http', core, editorChannelId: EDITORS });
  h.slack.onMethod('chat.postMessage', (call) => {
    const error = REFUSED[String(call.args.channel)];
    return error ? { ok: false, error } : { ok: true, channel: call.args.channel, ts: `1.${++posted}` };
  });
});
afterAll(async () => h.stop());

const reply = { status: 'ok' as const, title: 'Reminder', sections: [], notes: [] };

describe('Slack: delivery errors are mapped in the adapter', () => {
  it.each([
    ['C0GONE', ChannelNotFoundError, 'channel_gone'],
    ['C0OUT', NoAccessError, 'no_access'],
    ['C0OLD', PermanentDeliveryError, 'archived'],
    // The workspace's token no longer works: nothing there can be posted (every subscription there pauses).
    ['C0REVOKED', AccessRevokedError, 'access_revoked'],
    ['C0BADAUTH', AccessRevokedError, 'access_revoked'],
    ['C0INACTIVE', AccessRevokedError, 'access_revoked'],
  ] as const)('GIVEN Slack refuses a post to %s THEN the sender throws %o (%s)', async (channelId, type, reason) => {
    const error = await h.bot.sender.send(channelId, reply, { key: `k-${channelId}` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
    expect((error as PermanentDeliveryError).reason).toBe(reason);
    expect((error as Error).message).toBe(`Slack ${REFUSED[channelId]} for channel ${channelId}`);
  });

  it('GIVEN an error Slack gives for the message itself THEN it stays a plain (transient) error, never a permanent one', async () => {
    const error = await h.bot.sender.send('C0ODD', reply, { key: 'k-odd' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(PermanentDeliveryError);
    expect(error).not.toBeInstanceOf(RetryAfterError);
    expect((error as Error).message).toContain('msg_too_long');
  });
});

describe('Slack: the editors\' channel', () => {
  it('GIVEN SLACK_EDITOR_CHANNEL_ID THEN the adapter tells the editors there, with the delivery key in the metadata', async () => {
    expect(h.bot.editors?.channelId).toBe(EDITORS);
    await h.bot.editors!.tellEditors({ ...reply, title: 'For the editors' }, { key: 'editors-1' });
    const post = await h.slack.calls.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === EDITORS);
    expect(String(post.args.text)).toContain('For the editors');
    expect(JSON.stringify(post.args.metadata)).toContain('editors-1');
  });

  it('GIVEN a command that tells the editors THEN the context carries the editors\' channel and the post lands there', async () => {
    const answer = await h.command('tell-editors-test', { user_id: 'U0ANA' });
    expect(shown(answer)).toContain('Told the editors');
    const post = await h.slack.calls.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === EDITORS && String(c.args.text).includes('Proposal from slack:U0ANA'));
    expect(JSON.stringify(post.args.metadata)).toContain('proposal-1');
  });

  it('GIVEN a subscribed channel Slack says is gone THEN the subscription pauses and the notice is posted in the editors\' channel', async () => {
    addTravisMeeting(core.store);
    subscribe(core.store, channel('C0LOST', 'T0FAKE', 'slack'), { state: 'TX', fips: '48453' }, '2026-02-01T00:00:00.000Z', ['meetings']);
    const clock = new ManualClock('2026-02-07T15:00:00.000Z');
    const scheduler = new Scheduler({ store: core.store, clock, logger: silentLogger, senders: [h.bot.sender], editors: { slack: h.bot.editors! }, hasCommand: () => true });
    await scheduler.tick();
    expect(core.store.subscriptions.forChannel('slack', 'C0LOST')[0]!.pausedReason).toBe('the channel was deleted or the bot can no longer see it');
    const notice = h.slack.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === EDITORS).at(-1)!;
    expect(String(notice.args.text)).toContain('Reminders paused for a channel');
    expect(JSON.stringify(notice.args.blocks)).toContain('C0LOST');
  });
});
