/**
 * One scheduler per database: two processes' worth of schedulers (two connections to one file)
 * started together and staggered. Only the lease holder recovers, plans and sends; the ledger
 * records every reminder sent exactly once, none 'uncertain'.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.ts';
import { openDatabase } from '../../src/db/open.ts';
import type { DeliverySender } from '../../src/delivery/capabilities.ts';
import { countiesDataset } from '../../src/importers/counties.ts';
import { electionRulesDataset } from '../../src/importers/election-rules.ts';
import { loadShippedData } from '../../src/importers/shipped.ts';
import { silentLogger } from '../../src/logger.ts';
import { LeasedScheduler } from '../../src/scheduler/cron.ts';
import { LEASE_TTL_MS, SchedulerLease } from '../../src/scheduler/lease.ts';
import { Scheduler } from '../../src/scheduler/scheduler.ts';
import { createStore, type Store } from '../../src/store/index.ts';
import { testClock } from '../helpers/store.ts';
import { addTravisMeeting, channel, ManualClock, subscribe } from './helpers.ts';

const CHANNELS = 300;
/** Saturday 7 Feb 2026, 9:00 CST: the 3-day reminder of Tuesday's meeting is due in every channel. */
const NOW = '2026-02-07T15:00:00.000Z';

const dirs: string[] = [];
const stores: Store[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function prepare(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sw-lease-'));
  dirs.push(dir);
  const path = join(dir, 'bot.db');
  const db = openDatabase(path);
  migrate(db);
  const store = createStore(db);
  loadShippedData(store, testClock, [countiesDataset, electionRulesDataset]);
  addTravisMeeting(store);
  for (let i = 0; i < CHANNELS; i++) subscribe(store, channel(`c${i}`), { state: 'TX', fips: '48453' }, '2026-02-04T00:00:00.000Z', ['meetings']);
  db.close();
  return path;
}

/** One platform, shared by both processes: every post by key, each send yielding to the other process. */
function sharedSender() {
  const posts = new Map<string, number>();
  let onPost: (() => void) | undefined;
  const sender: DeliverySender = {
    platform: 'discord',
    async send(_channelId, _reply, { key }) {
      await new Promise((resolve) => setImmediate(resolve));
      posts.set(key, (posts.get(key) ?? 0) + 1);
      onPost?.();
      return { messageId: key };
    },
  };
  const posted = (n: number) => new Promise<void>((resolve) => (onPost = () => posts.size >= n && resolve()));
  return { sender, posts, posted };
}

function process(path: string, clock: ManualClock, sender: DeliverySender): LeasedScheduler {
  const store = createStore(openDatabase(path));
  stores.push(store);
  const lease = new SchedulerLease(store, clock);
  const scheduler = new Scheduler({ store, clock, logger: silentLogger, senders: [sender], hasCommand: () => true, holdsLease: () => lease.holds });
  return new LeasedScheduler(scheduler, silentLogger, lease);
}

function ledger(path: string): Record<string, number> {
  const db = openDatabase(path);
  const rows = db.prepare('SELECT status, count(*) AS n FROM deliveries GROUP BY status').all() as { status: string; n: number }[];
  db.close();
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

describe('two schedulers on one database file', () => {
  it('GIVEN two started together THEN one schedules, the other waits, and every reminder is sent once', async () => {
    const path = prepare();
    const clock = new ManualClock(NOW);
    const { sender, posts } = sharedSender();
    const [a, b] = [process(path, clock, sender), process(path, clock, sender)];
    const steps = await Promise.all([a.step(), b.step()]);
    expect(steps.sort()).toEqual(['started', 'waiting']);
    expect(posts.size).toBe(CHANNELS);
    expect([...posts.values()].every((n) => n === 1)).toBe(true);
    expect(ledger(path)).toEqual({ sent: CHANNELS });
  });

  it('GIVEN the second started while the first is sending THEN it waits, sends nothing, marks nothing uncertain; it takes over when the first stops', async () => {
    const path = prepare();
    const clock = new ManualClock(NOW);
    const { sender, posts, posted } = sharedSender();
    const a = process(path, clock, sender);
    const first = a.step();
    await posted(10);
    const b = process(path, clock, sender);
    expect(await b.step()).toBe('waiting');
    expect(await first).toBe('started');
    expect(ledger(path)).toEqual({ sent: CHANNELS });
    await a.stop();
    expect(await b.step()).toBe('started');
    // Two hours before Tuesday's meeting: the next lead, sent by the new holder, once each.
    clock.set('2026-02-10T13:00:00.000Z');
    expect(await b.step()).toBe('ticked');
    expect(await a.step()).toBe('waiting');
    expect(posts.size).toBe(2 * CHANNELS);
    expect([...posts.values()].every((n) => n === 1)).toBe(true);
    expect(ledger(path)).toEqual({ sent: 2 * CHANNELS });
  });

  it('GIVEN the holder dies without releasing THEN the other takes over once the lease expires', async () => {
    const path = prepare();
    const clock = new ManualClock(NOW);
    const { sender } = sharedSender();
    const a = process(path, clock, sender);
    expect(await a.step()).toBe('started');
    const b = process(path, clock, sender);
    clock.advance(LEASE_TTL_MS - 1_000);
    expect(await b.step()).toBe('waiting');
    clock.advance(2_000);
    expect(await b.step()).toBe('started');
    expect(a.lease.holds).toBe(false);
  });
});
