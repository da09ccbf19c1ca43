import { describe, expect, it } from 'vitest';
import { editorsChannel } from '../../src/delivery/editor-notifier.ts';
import { NoAccessError, PermanentDeliveryError, RetryAfterError } from '../../src/delivery/errors.ts';
import { addTravisMeeting, channel, ManualClock, placesStore, recordingSender, schedulerFor, subscribe } from './helpers.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;

/** Travis County meetings every Tuesday 9:00 CT, one channel subscribed from 1 Feb 2026. */
function setup(options: { dedupe?: boolean } = {}) {
  const store = placesStore();
  addTravisMeeting(store);
  subscribe(store, channel('travis'), { state: 'TX', fips: '48453' }, '2026-02-01T00:00:00.000Z', ['meetings']);
  const clock = new ManualClock('2026-02-01T00:00:00.000Z');
  const sender = recordingSender('discord', options);
  return { store, clock, sender, scheduler: schedulerFor(store, clock, [sender]) };
}

const keysOf = (posted: { reply: { title: string } }[]) => posted.map((p) => p.reply.title);

describe('scheduler: exactly once', () => {
  it('GIVEN a tick every 7 minutes for two weeks THEN each meeting reminder is posted once, at its time', async () => {
    const { clock, sender, scheduler, store } = setup();
    const times: string[] = [];
    for (let i = 0; i < (14 * 24 * 60) / 7; i++) {
      const before = sender.posted.length;
      await scheduler.tick();
      if (sender.posted.length > before) times.push(clock.now().toISOString());
      clock.advance(7 * MIN);
    }
    // Tue 3 Feb: its 3-day lead fell due before the subscription existed, so only its 2h one.
    expect(keysOf(sender.posted)).toEqual([
      'Commissioners Court (Travis County, TX) meets in 2 hours',
      'Commissioners Court (Travis County, TX) meets in 3 days',
      'Commissioners Court (Travis County, TX) meets in 2 hours',
      'Commissioners Court (Travis County, TX) meets in 3 days',
    ]);
    // 2h: Tue 13:00Z; 3d: Sat 15:00Z (9:00 CST); a 7-minute tick posts within 7 minutes.
    expect(times.map((at) => at.slice(0, 13))).toEqual(['2026-02-03T13', '2026-02-07T15', '2026-02-10T13', '2026-02-14T15']);
    expect(new Set(sender.posted.map((p) => p.key)).size).toBe(4);
    expect(store.deliveries.counts()).toEqual({ sent: 4 });
  });

  it('GIVEN two ticks in the same minute, and two schedulers on one database THEN nothing is posted twice', async () => {
    const { clock, sender, scheduler, store } = setup();
    clock.set('2026-02-07T15:00:00.000Z');
    await scheduler.tick();
    await scheduler.tick();
    const other = schedulerFor(store, clock, [sender]);
    await other.tick();
    expect(sender.posted).toHaveLength(1);
  });

  it('GIVEN the same (subscription, occurrence, lead) claimed twice THEN the ledger keeps one row and the database refuses a duplicate', () => {
    const { store } = setup();
    const entry = { subscriptionId: 1, occurrenceKey: 'meeting:1@x', lead: '2h', platform: 'discord', channelId: 'travis', dueAt: '2026-02-10T13:00:00.000Z', late: false };
    expect(store.deliveries.claim(entry, '2026-02-10T13:00:00.000Z')).toBe(1);
    expect(store.deliveries.claim(entry, '2026-02-10T13:00:01.000Z')).toBeUndefined();
    expect(store.deliveries.skip(entry, 'again', '2026-02-10T13:00:01.000Z')).toBeUndefined();
    expect(() =>
      store.db.prepare(`INSERT INTO deliveries (subscription_id, occurrence_key, lead, platform, channel_id, due_at, status, claimed_at)
        VALUES (1, 'meeting:1@x', '2h', 'discord', 'travis', 'x', 'claimed', 'x')`).run(),
    ).toThrow(/UNIQUE/);
  });
});

describe('scheduler: what it has read stays current', () => {
  it('GIVEN a subscription, a meeting and a lead-time change made after the first tick THEN the next ticks see them', async () => {
    const { clock, sender, scheduler, store } = setup();
    clock.set('2026-02-05T00:00:00.000Z');
    await scheduler.tick();
    subscribe(store, channel('newcomer'), { state: 'TX', fips: '48453' }, clock.now().toISOString(), ['meetings']);
    addTravisMeeting(store, { body: 'Special Session', rrule: null, startsAt: '2026-02-09T18:00:00.000Z' }, clock.now().toISOString());
    store.subscriptions.subscribe(channel('travis'), { state: 'TX', fips: '48453' }, { kinds: ['meetings'], leads: { meeting: ['90m'] } }, { by: 'test:mod', at: clock.now().toISOString() });
    clock.set('2026-02-07T15:00:00.000Z');
    await scheduler.tick();
    // The special session's 3-day lead fell due in between (on the 6th): a catch-up, marked late.
    expect(sender.posted.map((p) => `${p.channelId}: ${p.reply.title}`).sort()).toEqual([
      'newcomer: Commissioners Court (Travis County, TX) meets in 3 days',
      'newcomer: Special Session (Travis County, TX) meets in 2 days',
    ]);
    clock.set('2026-02-09T16:00:00.000Z');
    await scheduler.tick();
    clock.set('2026-02-09T16:30:00.000Z');
    await scheduler.tick();
    expect(sender.posted.slice(2).map((p) => `${p.channelId}: ${p.reply.title}`)).toEqual([
      'newcomer: Special Session (Travis County, TX) meets in 2 hours',
      'travis: Special Session (Travis County, TX) meets in 90 minutes',
    ]);
  });
});

describe('scheduler: quiet minutes', () => {
  it('GIVEN minutes with nothing due THEN a tick writes nothing (other caches keyed on writes stay warm), and the next reminder still goes on time', async () => {
    const { clock, sender, scheduler, store } = setup();
    clock.set('2026-02-07T14:40:00.000Z');
    await scheduler.tick();
    const writes = () => (store.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    const before = writes();
    for (let i = 0; i < 14; i++) {
      clock.advance(MIN);
      await scheduler.tick();
    }
    expect(writes()).toBe(before);
    clock.set('2026-02-07T15:00:00.000Z');
    await scheduler.tick();
    expect(sender.posted.map((p) => p.reply.title)).toEqual(['Commissioners Court (Travis County, TX) meets in 3 days']);
    expect(store.deliveries.all().find((d) => d.lead === '3d')?.late).toBe(false);
  });
});

describe('scheduler: downtime', () => {
  it('GIVEN the bot was down from Saturday until an hour before the meeting THEN on start it sends the 2h reminder marked late and records the 3d one as skipped', async () => {
    const { clock, sender, scheduler, store } = setup();
    clock.set('2026-02-07T12:00:00.000Z');
    await scheduler.tick(); // last tick before going down
    clock.set('2026-02-10T14:00:00.000Z');
    const restarted = schedulerFor(store, clock, [sender]);
    await restarted.start();
    expect(keysOf(sender.posted)).toEqual(['Commissioners Court (Travis County, TX) meets in 60 minutes']);
    expect(sender.posted[0]!.text).toContain('Sent late: the bot was offline when this reminder was due.');
    const rows = store.deliveries.all().filter((r) => r.occurrenceKey === 'meeting:1@2026-02-10T15:00:00.000Z');
    expect(rows.map((r) => [r.lead, r.status, r.late])).toEqual([
      ['2h', 'sent', true],
      ['3d', 'skipped', true],
    ]);
    expect(rows[1]!.detail).toMatch(/superseded by the 2h reminder/);
  });

  it('GIVEN the bot came back after the meeting THEN nothing is sent and the missed reminders are recorded', async () => {
    const { clock, sender, scheduler, store } = setup();
    clock.set('2026-02-07T12:00:00.000Z');
    await scheduler.tick();
    clock.set('2026-02-10T18:00:00.000Z');
    await schedulerFor(store, clock, [sender]).start();
    expect(sender.posted).toHaveLength(0);
    const missed = store.deliveries.all().filter((r) => r.occurrenceKey === 'meeting:1@2026-02-10T15:00:00.000Z');
    expect(missed.map((r) => [r.lead, r.status, r.detail])).toEqual([
      ['3d', 'skipped', 'the event had already started when this was planned'],
      ['2h', 'skipped', 'the event had already started when this was planned'],
    ]);
  });
});

describe('scheduler: a channel that is gone', () => {
  function twoChannels() {
    const s = setup();
    subscribe(s.store, channel('general'), { state: 'TX', fips: '48453' }, '2026-02-01T00:00:00.000Z', ['meetings']);
    s.clock.set('2026-02-07T15:00:00.000Z');
    return s;
  }

  it('GIVEN the channel was deleted THEN its subscription pauses, a moderator is told in another subscribed channel, the other channel still gets its reminder, and it is never retried', async () => {
    const { sender, scheduler, store, clock } = twoChannels();
    sender.failures.set('travis', () => new PermanentDeliveryError('channel_gone', 'Unknown Channel'));
    await scheduler.tick();
    const titles = sender.posted.map((p) => `${p.channelId}: ${p.reply.title}`);
    expect(titles).toEqual(['general: Commissioners Court (Travis County, TX) meets in 3 days', 'general: Reminders paused for a channel']);
    expect(sender.posted[1]!.text).toContain('could not post to channel travis: the channel was deleted or the bot can no longer see it');
    expect(sender.posted[1]!.text).toContain('subscribe Travis County, TX');
    const travis = store.subscriptions.forChannel('discord', 'travis')[0]!;
    expect(travis.pausedAt).not.toBeNull();
    expect(store.changes.forEntity('subscription', travis.id).at(-1)?.summary).toMatch(/paused/);

    const attempts = sender.attempts.length;
    clock.set('2026-02-10T13:00:00.000Z');
    await scheduler.tick();
    expect(sender.attempts.length).toBe(attempts + 1); // only general's 2h reminder
    expect(sender.posted.at(-1)!.channelId).toBe('general');
  });

  it('GIVEN the adapter throws NoAccessError THEN it is permanent too; a platform code the adapter did not map is only transient', async () => {
    const { sender, scheduler, store } = twoChannels();
    sender.failures.set('travis', () => new NoAccessError('Missing Access'));
    await scheduler.tick();
    expect(store.subscriptions.forChannel('discord', 'travis')[0]!.pausedReason).toBe('the bot lost permission to post there');
    expect(store.deliveries.all().find((d) => d.channelId === 'travis')?.status).toBe('failed');

    const other = twoChannels();
    other.sender.failures.set('travis', () => Object.assign(new Error('Missing Access'), { code: 50001 }));
    await other.scheduler.tick();
    expect(other.store.subscriptions.forChannel('discord', 'travis')[0]!.pausedAt).toBeNull();
    expect(other.store.deliveries.all().find((d) => d.channelId === 'travis')?.status).toBe('retry');
  });

  it('GIVEN the platform asks to wait (RetryAfterError) THEN the delivery is retried after exactly that wait', async () => {
    const { sender, scheduler, store, clock } = twoChannels();
    sender.failures.set('travis', () => new RetryAfterError(90_000, 'rate limited'));
    await scheduler.tick();
    const row = store.deliveries.all().find((d) => d.channelId === 'travis')!;
    expect(row.status).toBe('retry');
    expect(Date.parse(row.nextAttemptAt!) - clock.now().getTime()).toBe(90_000);
  });

  it('GIVEN no other channel and no editors\' channel THEN the notice is recorded as skipped, with why', async () => {
    const { sender, scheduler, store, clock } = setup();
    clock.set('2026-02-07T15:00:00.000Z');
    sender.failures.set('travis', () => new PermanentDeliveryError('no_access', 'Missing Permissions'));
    await scheduler.tick();
    const notice = store.deliveries.all().find((d) => d.lead === 'notice');
    expect(notice?.status).toBe('skipped');
    expect(notice?.detail).toMatch(/no editors' channel/);
  });

  it('GIVEN the operator named an editors\' channel THEN the notice goes there, even when another channel is subscribed', async () => {
    const { sender, store, clock } = twoChannels();
    sender.failures.set('travis', () => new PermanentDeliveryError('channel_gone', 'Unknown Channel'));
    await schedulerFor(store, clock, [sender], { editors: { discord: editorsChannel(sender, 'editors')! } }).tick();
    expect(sender.posted.filter((p) => p.reply.title === 'Reminders paused for a channel').map((p) => p.channelId)).toEqual(['editors']);
    expect(store.deliveries.all().find((d) => d.lead === 'notice')).toMatchObject({ channelId: 'editors', status: 'sent' });
  });

  it('GIVEN the editors\' channel is the one lost THEN the notice goes to another subscribed channel instead', async () => {
    const { sender, store, clock } = twoChannels();
    sender.failures.set('travis', () => new PermanentDeliveryError('channel_gone', 'Unknown Channel'));
    await schedulerFor(store, clock, [sender], { editors: { discord: editorsChannel(sender, 'travis')! } }).tick();
    expect(store.deliveries.all().find((d) => d.lead === 'notice')).toMatchObject({ channelId: 'general', status: 'sent' });
  });

  it('GIVEN a paused subscription THEN subscribing again in that channel resumes it without replaying what was missed', async () => {
    const { sender, scheduler, store, clock } = setup();
    clock.set('2026-02-07T15:00:00.000Z');
    sender.failures.set('travis', () => new PermanentDeliveryError('channel_gone', 'Unknown Channel'));
    await scheduler.tick();
    sender.failures.clear();
    clock.set('2026-02-09T00:00:00.000Z');
    const { outcome } = store.subscriptions.subscribe(channel('travis'), { state: 'TX', fips: '48453' }, { kinds: ['meetings'], leads: null }, { by: 'test:mod', at: clock.now().toISOString() });
    expect(outcome).toBe('resumed');
    clock.set('2026-02-10T13:00:00.000Z');
    await scheduler.tick();
    expect(sender.posted.map((p) => p.reply.title)).toEqual(['Commissioners Court (Travis County, TX) meets in 2 hours']);
  });
});

describe('scheduler: transient failures', () => {
  it('GIVEN a send that fails twice THEN it is retried after 1 and 5 minutes and posted once', async () => {
    const { sender, scheduler, store, clock } = setup();
    clock.set('2026-02-07T15:00:00.000Z');
    let failures = 2;
    sender.failures.set('travis', () => {
      if (--failures === 0) sender.failures.clear();
      return new Error('socket hang up');
    });
    await scheduler.tick();
    expect(store.deliveries.all()[0]).toMatchObject({ status: 'retry', nextAttemptAt: '2026-02-07T15:01:00.000Z', detail: 'socket hang up' });
    clock.advance(MIN);
    await scheduler.tick();
    expect(store.deliveries.all()[0]).toMatchObject({ status: 'retry', attempts: 2, nextAttemptAt: '2026-02-07T15:06:00.000Z' });
    clock.advance(5 * MIN);
    await scheduler.tick();
    expect(store.deliveries.all()[0]).toMatchObject({ status: 'sent', attempts: 3 });
    expect(sender.posted).toHaveLength(1);
  });

  it('GIVEN a send that always fails THEN it is given up after the attempt limit, not retried forever', async () => {
    const { sender, store, clock } = setup();
    const scheduler = schedulerFor(store, clock, [sender], { maxAttempts: 3 });
    clock.set('2026-02-07T15:00:00.000Z');
    sender.failures.set('travis', () => new Error('503 Service Unavailable'));
    for (let i = 0; i < 12; i++) {
      await scheduler.tick();
      clock.advance(10 * MIN);
    }
    expect(sender.attempts).toHaveLength(3);
    expect(store.deliveries.all()[0]).toMatchObject({ status: 'failed', attempts: 3 });
    expect(store.deliveries.all()[0]!.detail).toMatch(/gave up after 3 attempts/);
  });
});

describe('scheduler: retries that must not post twice', () => {
  it('GIVEN a send that posted but lost its answer, and a retry whose lookup fails THEN it is not sent again (uncertain)', async () => {
    const { sender, store, clock } = setup();
    clock.set('2026-02-07T15:00:00.000Z');
    let first = true;
    // A sender with a lookup (as Slack's) whose lookup is failing.
    const slackLike = Object.assign(sender, {
      findDelivered: async () => {
        throw new Error('ratelimited');
      },
    });
    const original = slackLike.send.bind(slackLike);
    slackLike.send = async (channelId, reply, options) => {
      const result = await original(channelId, reply, options);
      if (first) {
        first = false;
        throw new Error('socket hang up');
      }
      return result;
    };
    const scheduler = schedulerFor(store, clock, [slackLike]);
    await scheduler.tick();
    expect(store.deliveries.all()[0]).toMatchObject({ status: 'retry' });
    clock.advance(MIN);
    await scheduler.tick();
    expect(sender.posted).toHaveLength(1);
    expect(store.deliveries.all()[0]).toMatchObject({ status: 'uncertain' });
  });

  it('GIVEN a Discord-like sender (nonce window, no lookup) THEN retries come within the window, and past it nothing is resent', async () => {
    const { sender, store, clock } = setup({ dedupe: true });
    clock.set('2026-02-07T15:00:00.000Z');
    sender.failures.set('travis', () => new Error('socket hang up'));
    const scheduler = schedulerFor(store, clock, [sender]);
    await scheduler.tick();
    const retryAt = Date.parse(store.deliveries.all()[0]!.nextAttemptAt!);
    expect(retryAt - clock.now().getTime()).toBeLessThanOrEqual(sender.dedupeWindowMs! / 5);
    clock.advance(sender.dedupeWindowMs!);
    await scheduler.tick();
    expect(store.deliveries.all()[0]).toMatchObject({ status: 'uncertain' });
    expect(sender.attempts).toHaveLength(1);
  });
});

describe('scheduler: a crash between "sending" and the outcome', () => {
  /** Claims the 3d reminder and leaves it marked 'sending', as a kill -9 mid-post would. */
  async function interrupted(options: { dedupe?: boolean } = {}) {
    const s = setup(options);
    s.clock.set('2026-02-07T15:00:00.000Z');
    await s.scheduler.plan(s.clock.now().getTime());
    const row = s.store.deliveries.all()[0]!;
    expect(s.store.deliveries.markSending(row.id, s.clock.now().toISOString())).toBe(true);
    return { ...s, row };
  }

  it('GIVEN Discord-like dedupe (nonce) and a restart within its window THEN it is sent again with the same key and the platform keeps one message', async () => {
    const { store, clock, sender, row } = await interrupted({ dedupe: true });
    const key = `sw-${store.deliveries.watermark('ledger-id')}-${row.id.toString(36)}`;
    await sender.send('travis', { status: 'ok', title: 'posted before the crash', sections: [], notes: [] }, { key });
    clock.advance(2 * MIN);
    await schedulerFor(store, clock, [sender]).start();
    expect(sender.posted).toHaveLength(1);
    expect(sender.attempts).toEqual([key, key]);
    expect(store.deliveries.byId(row.id)).toMatchObject({ status: 'sent', messageId: 'm1' });
  });

  it('GIVEN a platform that cannot deduplicate or look up THEN the row is marked uncertain and not sent again', async () => {
    const { store, clock, sender, row } = await interrupted();
    clock.advance(2 * MIN);
    await schedulerFor(store, clock, [sender]).start();
    expect(sender.attempts).toEqual([]);
    expect(store.deliveries.byId(row.id)?.status).toBe('uncertain');
  });

  it('GIVEN a sender that can look up a posted key (Slack metadata) THEN a found post is recorded as sent, and a missing one is sent', async () => {
    const found = await interrupted();
    const lookup = Object.assign(found.sender, { findDelivered: async () => ({ messageId: 'ts-1' }) });
    await schedulerFor(found.store, found.clock, [lookup]).start();
    expect(found.store.deliveries.byId(found.row.id)).toMatchObject({ status: 'sent', messageId: 'ts-1' });
    expect(found.sender.attempts).toEqual([]);

    const missing = await interrupted();
    const none = Object.assign(missing.sender, { findDelivered: async () => null });
    await schedulerFor(missing.store, missing.clock, [none]).start();
    expect(missing.sender.posted).toHaveLength(1);
    expect(missing.store.deliveries.byId(missing.row.id)?.status).toBe('sent');
  });

  it('GIVEN rows claimed but not yet attempted when the process died THEN they are sent after the restart', async () => {
    const { store, clock, sender, scheduler } = setup();
    clock.set('2026-02-07T15:00:00.000Z');
    await scheduler.plan(clock.now().getTime());
    clock.advance(HOUR);
    await schedulerFor(store, clock, [sender]).start();
    expect(sender.posted).toHaveLength(1);
    expect(store.deliveries.all()[0]).toMatchObject({ status: 'sent', late: true });
  });

  it('GIVEN the channel unsubscribed between the claim and the send THEN it is skipped', async () => {
    const { store, clock, sender, scheduler } = setup();
    clock.set('2026-02-07T15:00:00.000Z');
    await scheduler.plan(clock.now().getTime());
    store.subscriptions.end(1, { by: 'test:mod', at: clock.now().toISOString() });
    await scheduler.tick();
    expect(sender.posted).toHaveLength(0);
    expect(store.deliveries.all()[0]).toMatchObject({ status: 'skipped', detail: 'unsubscribed before it was sent' });
  });
});
