import { createTrust } from '../src/trust/services.ts';
import { readFileSync } from 'node:fs';
/**
 * Reminders: (1) scheduler ticks over 100,000 subscriptions and ~10,000 upcoming event
 * occurrences: the first after a start (first read of the rows), the steady minute, the tick
 * after the daily horizon move and the busiest minute (a state-wide 7-day election reminder),
 * each with its wall time and the longest synchronous block it caused (target ≤ 100 ms: chat
 * replies in the same process wait that long); (2) a fan-out of 10,000 due
 * reminders through the real Discord adapter (discord.js, its 50 requests/s global limit and
 * 429 handling) against the fake Discord with injected 429s, reporting time and whether any
 * reminder was posted twice or lost.
 *
 *   npm run bench                                  (after the other benchmarks)
 *   BENCH_FANOUT=1000 npx tsx bench/reminders.ts   (a shorter fan-out)
 */
import { performance } from 'node:perf_hooks';
import { startDiscord } from '../adapters/discord/index.ts';
import type { App } from '../src/app.ts';
import { fixedClock, type Clock } from '../src/clock.ts';
import { createRegistry } from '../src/commands/index.ts';
import { loadConfig } from '../src/config.ts';
import { migrate } from '../src/db/migrate.ts';
import { openDatabase } from '../src/db/open.ts';
import { localToUtc } from '../src/domain/meetings.ts';
import { loadShippedData } from '../src/importers/shipped.ts';
import { importIce287gList } from '../src/importers/ice-287g-import.ts';
import type { DeliverySender } from '../src/delivery/capabilities.ts';
import { silentLogger } from '../src/logger.ts';
import { Scheduler } from '../src/scheduler/scheduler.ts';
import { createStore, type Store } from '../src/store/index.ts';
import { startFakeDiscord } from '../test/helpers/fake-discord/index.ts';
import { StallMonitor } from './stall-monitor.ts';

const SUBSCRIPTIONS = 100_000;
const SERIES = Number(process.env.BENCH_MEETING_SERIES ?? 2_100);
const FANOUT = Number(process.env.BENCH_FANOUT ?? 10_000);
const MIN = 60_000;
/** Saturday 10 Oct 2026, 9:00 CDT: 24 days before the 2026 general election. */
const NOW = Date.parse('2026-10-10T14:00:00.000Z');

let seed = 20261110;
function random(n: number): number {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return Math.floor(seed / 65_536) % n;
}

function freshStore(): Store {
  const db = openDatabase(':memory:');
  migrate(db);
  const store = createStore(db);
  loadShippedData(store, fixedClock('2026-09-01T00:00:00Z'));
  return store;
}

const meta = { sourceUrl: 'https://example.org/agenda', sourceTitle: 'example.org', by: 'bench', at: '2026-09-01T00:00:00.000Z' };

/** Weekly meetings in SERIES counties, on a random weekday at a random half hour between 8:00 and 19:30. */
function addMeetings(store: Store): void {
  const places = store.jurisdictions.all();
  store.db.transaction(() => {
    for (let i = 0; i < SERIES; i++) {
      const j = places[random(places.length)]!;
      const day = random(5); // Mon..Fri of the week of 5 Jan 2026
      const minutes = 8 * 60 + 30 * random(24);
      const date = `2026-01-${String(5 + day).padStart(2, '0')}`;
      const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      store.meetings.add(
        {
          fips: j.fips, body: 'County Commission', startsAt: localToUtc(date, time, j.timeZone), timeZone: j.timeZone,
          rrule: 'FREQ=WEEKLY', durationMinutes: 120, location: 'Courthouse', agendaUrl: 'https://example.org/agenda', livestreamUrl: null,
          publicComment: null, why: null,
        },
        meta,
      );
    }
  })();
}

/** SUBSCRIPTIONS channel subscriptions: 85% to one county, 15% to a whole state; 5% with their own lead times. */
function addSubscriptions(store: Store, count: number, scope?: { state: string; fips: string }): void {
  const places = store.jurisdictions.all();
  const insert = store.db.prepare(`INSERT INTO subscriptions (platform, workspace_id, channel_id, state, jurisdiction_fips,
      elections, meetings, positions, leads, positions_after_id, created_by, created_at, updated_at)
    VALUES ('discord', ?, ?, ?, ?, ?, ?, ?, ?, 0, 'bench', ?, ?)`);
  const kinds = [[1, 1, 1], [1, 1, 0], [0, 1, 0], [1, 0, 0]] as const;
  store.db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const j = places[random(places.length)]!;
      const statewide = !scope && random(100) < 15;
      const [elections, meetings, positions] = scope ? [0, 1, 0] : kinds[[0, 0, 1, 2, 3][random(5)]!]!;
      const leads = !scope && random(100) < 5 ? JSON.stringify({ meeting: ['1d', '2h'], election: ['14d', '1d'] }) : null;
      insert.run(`guild-${i % 500}`, String(300_000_000_000_000_000n + BigInt(i)), scope?.state ?? j.state, scope ? scope.fips : statewide ? null : j.fips,
        elections, meetings, positions, leads, '2026-09-01T00:00:00.000Z', '2026-09-01T00:00:00.000Z');
    }
  })();
}

function schedulerOn(store: Store, clock: Clock, sender: DeliverySender) {
  return new Scheduler({ store, clock, logger: silentLogger, senders: [sender], hasCommand: (n) => n === 'call' });
}

const noSend: DeliverySender = { platform: 'discord', send: async () => ({ messageId: 'x' }) };
const ms = (v: number) => `${v < 10 ? v.toFixed(2) : v.toFixed(1)} ms`;

const block = (b: { wall: number; cpu: number }) => `${ms(b.wall)} (CPU ${ms(b.cpu)})`;

/** Runs a phase with the heartbeat going; returns its wall time, longest block and result. */
async function phase<T>(monitor: StallMonitor, work: () => Promise<T>): Promise<{ wall: number; block: { wall: number; cpu: number }; result: T }> {
  await new Promise((resolve) => setImmediate(resolve));
  monitor.take();
  const start = performance.now();
  const result = await work();
  const wall = performance.now() - start;
  await new Promise((resolve) => setImmediate(resolve));
  return { wall, block: monitor.take(), result };
}

async function tickBenchmark(): Promise<void> {
  const store = freshStore();
  addMeetings(store);
  addSubscriptions(store, SUBSCRIPTIONS);
  const watermark = new Date(NOW - MIN).toISOString();
  store.deliveries.setWatermark('reminders:discord', watermark);
  store.deliveries.setWatermark('alerts:discord', String(store.positionHistory.since(0).at(-1)?.id ?? 0));
  let now = NOW;
  const monitor = new StallMonitor();
  const blocks: { wall: number; cpu: number }[] = [];
  let planningWall = 0;

  // The start: the scheduler is made and its first tick plans (reading every subscription and
  // expanding every occurrence, in slices) — what Scheduler.start() does before delivering.
  let scheduler: Scheduler | undefined;
  const cold = await phase(monitor, async () => {
    scheduler = schedulerOn(store, { now: () => new Date(now) }, noSend);
    return scheduler.plan(now);
  });
  blocks.push(cold.block);
  planningWall += cold.wall;
  const index = scheduler!.cache.occurrencesFor(['discord'], NOW - MIN, now);
  const meetings = index.occurrences.filter((o) => o.kind === 'meeting').length;
  console.log(`reminders: ${SUBSCRIPTIONS} subscriptions × ${index.occurrences.length} upcoming occurrences (${meetings} meetings, ${index.occurrences.length - meetings} elections), ${index.dueCount} due times`);
  console.log(`tick, first after the start (reads every subscription, expands every occurrence): wall ${ms(cold.wall)}, longest block ${block(cold.block)}, ${cold.result.claimed} claimed`);

  const times: number[] = [];
  const warmBlocks: { wall: number; cpu: number }[] = [];
  let claimed = 0;
  for (let i = 0; i < 120; i++) {
    now += MIN;
    const tick = await phase(monitor, () => scheduler!.plan(now));
    claimed += tick.result.claimed;
    times.push(tick.wall);
    warmBlocks.push(tick.block);
    planningWall += tick.wall;
  }
  times.sort((a, b) => a - b);
  warmBlocks.sort((a, b) => a.wall - b.wall);
  blocks.push(warmBlocks.at(-1)!);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  console.log(`tick, warm (one minute each, 120 ticks): wall p50 ${ms(times[60]!)}  mean ${ms(mean)}  p99 ${ms(times[118]!)}  max ${ms(times.at(-1)!)}; longest block p50 ${ms(warmBlocks[60]!.wall)}  max ${block(warmBlocks.at(-1)!)}  (${claimed} claimed)`);

  // The busiest minute: 7 days before 3 Nov 2026, 9:00 Central — every Central-time county voting then, and their states.
  // The occurrences are re-expanded once as the horizon moves (about daily); the tick before it does that.
  const busy = Date.parse('2026-10-27T14:00:00.000Z');
  store.deliveries.setWatermark('reminders:discord', new Date(busy - 2 * MIN).toISOString());
  const moved = await phase(monitor, () => scheduler!.plan(busy - MIN));
  blocks.push(moved.block);
  planningWall += moved.wall;
  console.log(`tick, after the horizon moved (re-expands every occurrence): wall ${ms(moved.wall)}, longest block ${block(moved.block)}, ${moved.result.claimed} claimed`);
  const heavy = await phase(monitor, () => scheduler!.plan(busy));
  blocks.push(heavy.block);
  planningWall += heavy.wall;
  console.log(`tick, busiest minute (state-wide 7-day election reminder): wall ${ms(heavy.wall)}, longest block ${block(heavy.block)}, ${heavy.result.claimed} claimed`);
  // A digest: moderators load an older ICE list over the shipped one (every difference is a
  // position change), and the next tick plans one alert per subscription following positions.
  await importIce287gList(store, { bytes: readFileSync(new URL('../test/fixtures/ice_287g_participating_2025-07-18.csv', import.meta.url)), fileName: 'ice_287g_participating_2025-07-18.csv', clock: { now: () => new Date(busy) }, force: true });
  const digest = await phase(monitor, () => scheduler!.plan(busy + MIN));
  blocks.push(digest.block);
  planningWall += digest.wall;
  console.log(`tick, after an ICE list import (a digest to every subscription following positions in the states it touches): wall ${ms(digest.wall)}, longest block ${block(digest.block)}, ${digest.result.claimed} claimed`);
  console.log(`event loop: longest synchronous block over start → first tick → 120 minutes → horizon move → busiest minute → import digest: ${block(blocks.reduce((a, b) => (b.wall > a.wall ? b : a)))} (target ≤ 100 ms); planning wall time in all: ${ms(planningWall)}`);
  await monitor.stop();
  store.db.close();
}

async function fanOutBenchmark(): Promise<void> {
  const store = freshStore();
  addMeetings(store);
  const travis = store.jurisdictions.byFips('48453')!;
  const series = store.meetings.add(
    { fips: travis.fips, body: 'Commissioners Court', startsAt: '2026-01-06T15:00:00.000Z', timeZone: travis.timeZone, rrule: 'FREQ=WEEKLY;BYDAY=TU', durationMinutes: 120, location: '700 Lavaca St', agendaUrl: null, livestreamUrl: null, publicComment: null, why: '287(g) renewal' },
    meta,
  );
  addSubscriptions(store, FANOUT, { state: 'TX', fips: travis.fips });
  const due = Date.parse('2026-10-10T14:00:00.000Z'); // Sat 9:00 CDT: 3 days before Tue 13 Oct
  store.deliveries.setWatermark('reminders:discord', new Date(due - MIN).toISOString());
  store.deliveries.setWatermark('alerts:discord', String(store.positionHistory.since(0).at(-1)?.id ?? 0));

  const fake = await startFakeDiscord();
  const registry = createRegistry();
  const app: App = {
    db: store.db, store, registry, clock: fixedClock(new Date(due).toISOString()), logger: silentLogger,
    trust: createTrust(fixedClock(new Date(due).toISOString()), silentLogger),
    contextFor: (caller, where) => ({ store, clock: fixedClock(new Date(due).toISOString()), caller, registry, logger: silentLogger, ...where }),
    close: () => undefined,
  };
  const adapter = await startDiscord(app, loadConfig({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl }));
  let sends = 0;
  const sender = {
    ...adapter.sender,
    // Discord-like trouble: every 1,000th post starts a burst of three 429s (1 s), one of them global.
    send: (channelId: string, reply: Parameters<typeof adapter.sender.send>[1], options: { key: string }) => {
      if (++sends % 1000 === 0) fake.rateLimit({ method: 'POST', path: /^\/channels\/\d+\/messages$/, retryAfter: 1, times: 3, global: sends % 3000 === 0 });
      return adapter.sender.send(channelId, reply, options);
    },
  };
  const scheduler = schedulerOn(store, fixedClock(new Date(due).toISOString()), sender);
  console.log(`fan-out: ${FANOUT} reminders through the Discord adapter (discord.js: 50 requests/s global) to the fake Discord; takes about ${Math.ceil(FANOUT / 50)} s`);
  const start = performance.now();
  const report = await scheduler.tick();
  const seconds = (performance.now() - start) / 1000;

  const posts = fake.calls.filter((c) => c.method === 'POST' && /^\/channels\/\d+\/messages$/.test(c.path));
  const created = new Map<string, number>();
  for (const key of fake.state.nonces.keys()) {
    const channel = key.split(':')[0]!;
    created.set(channel, (created.get(channel) ?? 0) + 1);
  }
  const subs = store.subscriptions.active('discord').filter((s) => s.fips === travis.fips);
  const twice = [...created.values()].filter((n) => n > 1).length;
  const lost = subs.filter((s) => !created.has(s.channelId)).length;
  const counts = store.deliveries.counts();
  console.log(
    `fan-out: ${report.claimed} claimed, ${seconds.toFixed(1)} s (${(report.claimed / seconds).toFixed(0)}/s); ` +
      `${posts.length} POSTs, ${posts.filter((c) => c.status === 429).length} answered 429; ledger ${JSON.stringify(counts)}; ` +
      `sent twice: ${twice}; lost: ${lost}; meeting #${series.id}`,
  );
  await adapter.stop();
  await fake.stop();
  store.db.close();
}

await tickBenchmark();
if (FANOUT > 0) await fanOutBenchmark();
