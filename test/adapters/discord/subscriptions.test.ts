/**
 * Subscriptions end to end on Discord: /subscribe, /subscriptions and /unsubscribe through
 * the real discord.js client against the fake Discord, then the real scheduler (injected
 * clock) posting reminders and a change alert through the adapter's own sender, once each —
 * across repeated ticks, a restart on the same database, and a crash between the post and
 * its record (resent within the nonce window, deduplicated by Discord).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistry } from '../../../src/commands/index.ts';
import { UserError } from '../../../src/user-error.ts';
import { CommandRegistry } from '../../../src/framework/registry.ts';
import { silentLogger } from '../../../src/logger.ts';
import { Scheduler } from '../../../src/scheduler/scheduler.ts';
import type { Delivery } from '../../../src/store/deliveries.ts';
import type { Store } from '../../../src/store/index.ts';
import { MEMBER_PERMISSIONS, type RestCall } from '../../helpers/fake-discord/index.ts';
import { loadedStore, TEST_NOW } from '../../helpers/store.ts';
import { addTravisMeeting, ManualClock } from '../../scheduler/helpers.ts';
import { dateStamp, embedText, EPHEMERAL, messageOf, startHarness, type Embed, type Harness } from './harness.ts';

/** What the core answered, status and error code, whatever the wording. */
let outcome: { status: string; errorCode?: string } | undefined;
const spied = new CommandRegistry(
  createRegistry().all().map((command) => ({
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

const TRAVIS = '48453';
const MOD_ROLE = 'Sheriff Watch moderators';
/** The one Travis County meeting the reminders are about: Tue 1 Dec 2026, 9:00 CST. */
const MEETING_START = '2026-12-01T15:00:00.000Z';
/** A special election moderators record: Thursday 3 Dec 2026. */
const ELECTION_DAY = '2026-12-03';

let h: Harness;
let store: Store;
let channelId: string;
let moderator: { id: string; roles: string[] };
const member = { id: '300000000000000050', permissions: MEMBER_PERMISSIONS };
const clock = new ManualClock('2026-11-24T15:02:00.000Z');

beforeAll(async () => {
  store = loadedStore({ fresh: true });
  h = await startHarness({ store, registry: spied, env: { DISCORD_MODERATOR_ROLE: MOD_ROLE } });
  channelId = h.fake.guild.channelIds[0]!;
  moderator = { id: '300000000000000040', roles: [h.fake.guild.roles[0]!.id] };
});
afterAll(() => h?.stop());

async function ask(name: string, values: Record<string, string>, who: object) {
  outcome = undefined;
  const message = messageOf(await h.fake.sendCommand(name, values, { member: who, channelId }).callback);
  return { message, outcome, text: message.embeds.map(embedText).join('\n') };
}

const schedulerNow = () =>
  new Scheduler({ store, clock, logger: silentLogger, senders: [h.adapter.sender], hasCommand: (name) => h.app.registry.get(name) !== undefined });

const posts = (): RestCall[] => h.fake.channelPosts(channelId);
const bodyOf = (call: RestCall) => call.body as { embeds: Embed[]; nonce?: string; enforce_nonce?: boolean; allowed_mentions?: unknown };
const ledger = (lead?: string): Delivery[] => store.deliveries.all().filter((d) => d.channelId === channelId && (lead === undefined || d.lead === lead));
/** The delivery key the scheduler gives a ledger row (its database prefix, the row id in base 36). */
const keyOf = (row: Delivery) => `sw-${store.deliveries.ensureState('ledger-id', 'unset')}-${row.id.toString(36)}`;
/** Messages Discord actually holds in the channel (a repeated nonce returns the first one). */
const storedMessages = () => [...h.fake.state.nonces.keys()].filter((k) => k.startsWith(`${channelId}:`));

function expectPostedOnce(row: Delivery, call: RestCall): void {
  const body = bodyOf(call);
  expect(row.status).toBe('sent');
  expect(body.nonce).toBe(keyOf(row));
  expect(body.nonce!.length).toBeLessThanOrEqual(25);
  expect(body.enforce_nonce).toBe(true);
  expect(body.allowed_mentions).toEqual({ parse: [] });
  expect(posts().filter((c) => bodyOf(c).nonce === body.nonce)).toHaveLength(1);
}

describe('Discord: subscription commands', () => {
  it('GIVEN a plain member THEN /subscribe is refused ephemerally and nothing is stored', async () => {
    const { message, outcome: result } = await ask('subscribe', { county: 'Travis', state: 'TX', meetings: 'meetings' }, member);
    expect(message.flags).toBe(EPHEMERAL);
    // The preflight refuses before the command runs.
    expect(result).toBeUndefined();
    expect(message.embeds[0]!.title).toBe('Moderators or channel managers only');
    expect(store.subscriptions.forChannel('discord', channelId)).toEqual([]);
  });

  it('GIVEN a moderator and /subscribe Travis TX with meetings and positions THEN the channel is subscribed to that county and those kinds', async () => {
    const values = { county: 'Travis', state: 'TX', elections: 'elections', meetings: 'meetings', positions: 'positions' };
    const { message, outcome: result, text } = await ask('subscribe', values, moderator);
    expect(result).toEqual({ status: 'ok' });
    expect(message.flags ?? 0).toBe(0);
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(text).toContain('Travis County');
    const [subscription, ...others] = store.subscriptions.forChannel('discord', channelId);
    expect(others).toEqual([]);
    expect(subscription).toMatchObject({ workspaceId: h.fake.guild.id, state: 'TX', fips: TRAVIS, kinds: ['elections', 'meetings', 'agenda', 'positions'], createdBy: `discord:${moderator.id}`, createdAt: new Date(TEST_NOW).toISOString(), endedAt: null, pausedAt: null });
  });

  it('GIVEN the subscription THEN /subscriptions (asked by anyone) lists Travis County for this channel', async () => {
    const { message, outcome: result, text } = await ask('subscriptions', {}, member);
    expect(result).toEqual({ status: 'ok' });
    expect(message.flags ?? 0).toBe(0);
    expect(text).toContain('Travis County');
  });
});

describe('Discord: reminders and alerts through the adapter sender', () => {
  it('GIVEN a moderator records a Travis position after subscribing THEN one change alert is posted to the channel, once across ticks and a restart', async () => {
    const scheduler = schedulerNow();
    await scheduler.start();
    expect(posts()).toHaveLength(0);

    const set = await ask('position-set', { county: 'Travis', state: 'TX', topic: 'detainers', value: 'no', source: 'https://www.example.org/travis-detainers' }, moderator);
    expect(set.outcome).toEqual({ status: 'ok' });

    clock.set('2026-11-24T15:03:00.000Z');
    await scheduler.tick();
    await scheduler.tick();
    await schedulerNow().start();

    const alerts = ledger('change');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ status: 'sent', late: false });
    expect(posts()).toHaveLength(1);
    expectPostedOnce(alerts[0]!, posts()[0]!);
    expect(embedText(bodyOf(posts()[0]!).embeds[0]!)).toContain('Travis County');
  });

  it('GIVEN a moderator records a Travis special election THEN its 7-day reminder is posted once, with the election date, across two ticks and a restart', async () => {
    const added = await ask('election-add', { county: 'Travis', state: 'TX', kind: 'special', date: ELECTION_DAY, source: 'https://www.example.org/travis-special' }, moderator);
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
    expectPostedOnce(rows[0]!, posts()[1]!);
    const shownText = embedText(bodyOf(posts()[1]!).embeds[0]!);
    expect(shownText).toContain('Travis County');
    expect(shownText).toContain(dateStamp(ELECTION_DAY));
  });

  it('GIVEN a Travis meeting and its 3-day lead THEN the reminder is posted once with nonce, enforce_nonce and no mentions, across two ticks and a restart', async () => {
    addTravisMeeting(store, { rrule: null, startsAt: MEETING_START, body: 'Commissioners Court' }, '2026-11-24T15:00:00.000Z');
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
    expect(rows[0]!.occurrenceKey).toContain('meeting');
    expect(posts()).toHaveLength(3);
    expectPostedOnce(rows[0]!, posts()[2]!);
    expect(embedText(bodyOf(posts()[2]!).embeds[0]!)).toContain('Travis County');
    expect(storedMessages()).toHaveLength(3);
  });

  it('GIVEN a crash after Discord posted the 2-hour reminder but before it was recorded THEN the restart resends with the same nonce and Discord keeps one message', async () => {
    clock.set('2026-12-01T13:00:00.000Z');
    const scheduler = schedulerNow();
    await scheduler.tick();
    const [row] = ledger('2h');
    expect(row).toMatchObject({ status: 'sent' });
    const firstMessageId = row!.messageId;
    expect(storedMessages()).toHaveLength(4);

    // The crash: the post went out, but the ledger still says 'sending' (as the deliverer leaves it).
    store.db.prepare(`UPDATE deliveries SET status = 'sending', message_id = NULL, finished_at = NULL, attempted_at = ? WHERE id = ?`).run(clock.now().toISOString(), row!.id);
    clock.advance(30_000); // back within Discord's nonce window
    await schedulerNow().start();

    const after = store.deliveries.byId(row!.id)!;
    expect(after.status).toBe('sent');
    expect(after.messageId).toBe(firstMessageId);
    const sameKey = posts().filter((c) => bodyOf(c).nonce === keyOf(row!));
    expect(sameKey).toHaveLength(2); // asked twice, with one nonce …
    expect(storedMessages()).toHaveLength(4); // … and Discord holds one message for it
  });

  it('GIVEN /unsubscribe THEN the subscription ends, /subscriptions no longer lists it, and the next meeting gets no reminder here', async () => {
    const { outcome: result, message } = await ask('unsubscribe', { county: 'Travis', state: 'TX' }, moderator);
    expect(result).toEqual({ status: 'ok' });
    expect(message.flags ?? 0).toBe(0);
    expect(store.subscriptions.forChannel('discord', channelId)).toEqual([]);
    const listed = await ask('subscriptions', {}, member);
    expect(listed.text).not.toContain('Travis County');

    addTravisMeeting(store, { rrule: null, startsAt: '2026-12-08T15:00:00.000Z', body: 'Commissioners Court' }, '2026-12-01T13:00:00.000Z');
    const before = posts().length;
    clock.set('2026-12-05T15:00:00.000Z');
    await schedulerNow().start();
    clock.set('2026-12-08T13:00:00.000Z');
    await schedulerNow().tick();
    expect(posts()).toHaveLength(before);
  });

  it('GIVEN a plain member THEN /unsubscribe is refused ephemerally', async () => {
    await ask('subscribe', { county: 'Travis', state: 'TX', meetings: 'meetings' }, moderator);
    const { message, outcome: result } = await ask('unsubscribe', { county: 'Travis', state: 'TX' }, member);
    expect(message.flags).toBe(EPHEMERAL);
    // The preflight refuses before the command runs.
    expect(result).toBeUndefined();
    expect(message.embeds[0]!.title).toBe('Moderators or channel managers only');
    expect(store.subscriptions.forChannel('discord', channelId)).toHaveLength(1);
  });
});
