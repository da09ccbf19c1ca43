/**
 * Subscriptions end to end on Slack: `/sheriff subscribe`, `subscriptions` and `unsubscribe`
 * through the real Bolt app against the fake Slack, then the real scheduler (injected clock)
 * posting reminders and a change alert with chat.postMessage through the adapter's own
 * sender, once each — across repeated ticks, restarts on the same database, and crashes on
 * either side of the post, which the sender settles by finding its delivery key in history.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app.ts';
import { UserError } from '../../../src/user-error.ts';
import { CommandRegistry } from '../../../src/framework/registry.ts';
import { silentLogger } from '../../../src/logger.ts';
import { Scheduler } from '../../../src/scheduler/scheduler.ts';
import type { Delivery } from '../../../src/store/deliveries.ts';
import type { ApiCall } from '../../helpers/fake-slack/index.ts';
import { TEST_NOW } from '../../helpers/store.ts';
import { addTravisMeeting, ManualClock } from '../../scheduler/helpers.ts';
import { coreApp, dateToken, shown, startHarness, type Answer, type Harness } from './harness.ts';

/** What the core answered, status and error code, whatever the wording. */
let outcome: { status: string; errorCode?: string } | undefined;

function spiedCore(): App {
  const base = coreApp();
  const registry = new CommandRegistry(
    base.registry.all().map((command) => ({
      ...command,
      handler: async (ctx, args) => {
        outcome = undefined;
        try {
          const reply = await command.handler(ctx, args);
          outcome = { status: reply.status, ...(reply.errorCode ? { errorCode: reply.errorCode } : {}) };
          return reply;
        } catch (error) {
          if (error instanceof UserError) outcome = { status: 'user_error', errorCode: error.code };
          throw error;
        }
      },
    })),
  );
  return { ...base, registry, contextFor: (caller, where) => ({ ...base.contextFor(caller, where), registry }) };
}

const TRAVIS = '48453';
const CHANNEL = 'C0NEWS';
const MOD = 'U0MOD';
const MEMBER = 'U0ALICE';
const DELIVERY_EVENT = 'sheriff_watch_delivery';
/** A special election moderators record: Thursday 3 Dec 2026. */
const ELECTION_DAY = '2026-12-03';

let h: Harness;
const clock = new ManualClock('2026-11-24T15:02:00.000Z');

beforeAll(async () => {
  h = await startHarness({ mode: 'http', core: spiedCore(), moderatorIds: [MOD] });
});
afterAll(() => h?.stop());

const store = () => h.core.store;

async function ask(line: string, userId: string): Promise<{ answer: Answer; outcome: typeof outcome }> {
  outcome = undefined;
  const answer = await h.command(line, { user_id: userId, user_name: userId.toLowerCase(), channel_id: CHANNEL, channel_name: 'news' });
  return { answer, outcome };
}

const schedulerNow = () =>
  new Scheduler({ store: store(), clock, logger: silentLogger, senders: [h.bot.sender], hasCommand: (name) => h.core.registry.get(name) !== undefined });

const posts = (): ApiCall[] => h.slack.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === CHANNEL);
const historyLookups = (): ApiCall[] => h.slack.calls.filter((c) => c.method === 'conversations.history' && c.args.channel === CHANNEL);
const keyIn = (call: ApiCall) => (call.args.metadata as { event_type?: string; event_payload?: { key?: string } } | undefined)?.event_payload?.key;
const ledger = (lead?: string): Delivery[] => store().deliveries.all().filter((d) => d.channelId === CHANNEL && (lead === undefined || d.lead === lead));
/** The delivery key the scheduler gives a ledger row (its database prefix, the row id in base 36). */
const keyOf = (row: Delivery) => `sw-${store().deliveries.ensureState('ledger-id', 'unset')}-${row.id.toString(36)}`;
const sendingRow = (id: number, at: string) =>
  store().db.prepare(`UPDATE deliveries SET status = 'sending', message_id = NULL, finished_at = NULL, attempts = attempts + 1, attempted_at = ? WHERE id = ?`).run(at, id);

function expectPostedOnce(row: Delivery): ApiCall {
  expect(row.status).toBe('sent');
  const mine = posts().filter((c) => keyIn(c) === keyOf(row));
  expect(mine).toHaveLength(1);
  expect(mine[0]!.args.metadata).toEqual({ event_type: DELIVERY_EVENT, event_payload: { key: keyOf(row) } });
  return mine[0]!;
}

describe('Slack: subscription commands', () => {
  it('GIVEN a plain member THEN `/sheriff subscribe` is refused ephemerally and nothing is stored', async () => {
    const { answer, outcome: result } = await ask('subscribe Travis, TX meetings', MEMBER);
    expect(answer.response_type).toBe('ephemeral');
    // The preflight refuses before the command runs.
    expect(result).toBeUndefined();
    expect(shown(answer)).toContain('Moderators or channel managers only');
    expect(store().subscriptions.forChannel('slack', CHANNEL)).toEqual([]);
  });

  it('GIVEN a moderator and `/sheriff subscribe Travis, TX elections meetings positions` THEN the channel is subscribed to that county and those kinds', async () => {
    const { answer, outcome: result } = await ask('subscribe Travis, TX elections meetings positions', MOD);
    expect(result).toEqual({ status: 'ok' });
    expect(answer.response_type).toBe('in_channel');
    expect(shown(answer)).toContain('Travis County');
    const [subscription, ...others] = store().subscriptions.forChannel('slack', CHANNEL);
    expect(others).toEqual([]);
    expect(subscription).toMatchObject({ workspaceId: 'T0FAKE', state: 'TX', fips: TRAVIS, kinds: ['elections', 'meetings', 'agenda', 'positions'], createdBy: `slack:${MOD}`, createdAt: new Date(TEST_NOW).toISOString(), endedAt: null });
  });

  it('GIVEN the subscription THEN `/sheriff subscriptions` (asked by anyone) lists Travis County for this channel', async () => {
    const { answer, outcome: result } = await ask('subscriptions', MEMBER);
    expect(result).toEqual({ status: 'ok' });
    expect(shown(answer)).toContain('Travis County');
    expect(h.slack.problems).toEqual([]);
  });
});

describe('Slack: reminders and alerts through the adapter sender', () => {
  it('GIVEN a moderator records a Travis position after subscribing THEN one change alert is posted with its key in the metadata, once across ticks and a restart', async () => {
    const scheduler = schedulerNow();
    await scheduler.start();
    expect(posts()).toHaveLength(0);

    const set = await ask('position-set Travis, TX detainers no https://www.example.org/travis-detainers', MOD);
    expect(set.outcome).toEqual({ status: 'ok' });

    clock.set('2026-11-24T15:03:00.000Z');
    await scheduler.tick();
    await scheduler.tick();
    await schedulerNow().start();

    const alerts = ledger('change');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ status: 'sent', late: false });
    expect(posts()).toHaveLength(1);
    const post = expectPostedOnce(alerts[0]!);
    expect(alerts[0]!.messageId).toMatch(/^\d+\.\d+$/);
    expect(String(post.args.text)).toContain('Travis County');
    expect(h.slack.problems).toEqual([]);
  });

  it('GIVEN a moderator records a Travis special election THEN its 7-day reminder is posted once, with the election date, across two ticks and a restart', async () => {
    const added = await ask(`election-add Travis, TX kind:special date:${ELECTION_DAY} source:https://www.example.org/travis-special`, MOD);
    expect(added.outcome).toEqual({ status: 'ok' });
    clock.set('2026-11-26T15:00:00.000Z'); // Thursday 9:00 CST, 7 days before
    const scheduler = schedulerNow();
    await scheduler.tick();
    await scheduler.tick();
    await schedulerNow().start();

    const rows = ledger('7d');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'sent', late: false, dueAt: '2026-11-26T15:00:00.000Z' });
    expect(rows[0]!.occurrenceKey).toContain(ELECTION_DAY);
    expect(posts()).toHaveLength(2);
    const post = expectPostedOnce(rows[0]!);
    expect(String(post.args.text)).toContain('Travis County');
    expect(shown({ blocks: post.args.blocks as unknown[] })).toContain(dateToken(ELECTION_DAY));
    expect(h.slack.problems).toEqual([]);
  });

  it('GIVEN a Travis meeting and its 3-day lead THEN the reminder is posted once via chat.postMessage, across two ticks and a restart', async () => {
    addTravisMeeting(store(), { rrule: null, startsAt: '2026-12-01T15:00:00.000Z', body: 'Commissioners Court' }, '2026-11-24T15:00:00.000Z');
    clock.set('2026-11-28T15:00:00.000Z'); // Saturday 9:00 CST, 3 days before
    const scheduler = schedulerNow();
    await scheduler.tick();
    await scheduler.tick();
    const restarted = schedulerNow();
    await restarted.start();
    await restarted.tick();

    const rows = ledger('3d');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'sent', late: false, dueAt: '2026-11-28T15:00:00.000Z' });
    expect(posts()).toHaveLength(3);
    const post = expectPostedOnce(rows[0]!);
    expect(String(post.args.text)).toContain('Travis County');
    expect(h.slack.problems).toEqual([]);
  });

  it('GIVEN a crash after Slack posted the reminder but before it was recorded THEN the restart finds the key in channel history, records it sent and posts nothing again', async () => {
    const [row] = ledger('3d');
    const ts = row!.messageId;
    // The crash: the message is in the channel, the ledger still says 'sending' (as the deliverer leaves it).
    sendingRow(row!.id, clock.now().toISOString());
    const lookups = historyLookups().length;
    clock.advance(10 * 60_000); // long past any dedupe window: only the lookup can save it
    await schedulerNow().start();

    expect(historyLookups().length).toBeGreaterThan(lookups);
    expect(historyLookups().at(-1)!.args.include_all_metadata).toBeTruthy();
    expect(store().deliveries.byId(row!.id)).toMatchObject({ status: 'sent', messageId: ts });
    expect(posts()).toHaveLength(3);
    expectPostedOnce(row!);
  });

  it('GIVEN a crash after the 2-hour reminder was marked sending but before Slack got it THEN the restart finds no such post and sends it once', async () => {
    clock.set('2026-12-01T13:00:00.000Z');
    const crashed = schedulerNow();
    expect((await crashed.plan(clock.now().getTime())).claimed).toBe(1);
    const [row] = ledger('2h');
    expect(row!.status).toBe('claimed');
    expect(store().deliveries.markSending(row!.id, clock.now().toISOString())).toBe(true);
    // …and the process dies here, before chat.postMessage.
    expect(posts().filter((c) => keyIn(c) === keyOf(row!))).toHaveLength(0);

    clock.advance(60_000);
    const restarted = schedulerNow();
    await restarted.start();
    await restarted.tick();

    expect(posts()).toHaveLength(4);
    const post = expectPostedOnce(store().deliveries.byId(row!.id)!);
    expect(store().deliveries.byId(row!.id)!.status).toBe('sent');
    expect(String(post.args.text)).toContain('Travis County');
  });

  it('GIVEN `/sheriff unsubscribe Travis, TX` THEN the subscription ends, the listing no longer shows it, and the next meeting gets no reminder here', async () => {
    const refused = await ask('unsubscribe Travis, TX', MEMBER);
    expect(refused.answer.response_type).toBe('ephemeral');
    expect(refused.outcome).toBeUndefined();
    expect(shown(refused.answer)).toContain('Moderators or channel managers only');
    expect(store().subscriptions.forChannel('slack', CHANNEL)).toHaveLength(1);

    const { answer, outcome: result } = await ask('unsubscribe Travis, TX', MOD);
    expect(result).toEqual({ status: 'ok' });
    expect(answer.response_type).toBe('in_channel');
    expect(store().subscriptions.forChannel('slack', CHANNEL)).toEqual([]);
    expect(shown((await ask('subscriptions', MEMBER)).answer)).not.toContain('Travis County');

    addTravisMeeting(store(), { rrule: null, startsAt: '2026-12-08T15:00:00.000Z', body: 'Commissioners Court' }, '2026-12-01T13:00:00.000Z');
    const before = posts().length;
    clock.set('2026-12-05T15:00:00.000Z');
    await schedulerNow().start();
    clock.set('2026-12-08T13:00:00.000Z');
    await schedulerNow().tick();
    expect(posts()).toHaveLength(before);
  });
});
