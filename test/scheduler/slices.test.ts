import { describe, expect, it } from 'vitest';
import { dueAt, type EventKind } from '../../src/domain/leads.ts';
import { collectOccurrences, type EventOccurrence } from '../../src/scheduler/occurrences.ts';
import { OccurrenceIndex, ON_TIME_GRACE_MS } from '../../src/scheduler/plan.ts';
import { planAtOnce, wholePlan } from './reference-planner.ts';
import { runAll, runSliced } from '../../src/scheduler/slices.ts';
import { SubscriptionIndex, type SubscriptionView } from '../../src/scheduler/subscription-index.ts';
import type { Store } from '../../src/store/index.ts';
import { addTravisMeeting, channel, placesStore, recordingSender, schedulerFor, SOURCE, subscribe } from './helpers.ts';
import { ManualClock } from './helpers.ts';
import { turnsDuring } from '../helpers/loop-turns.ts';

const DAY = 86_400_000;
const t = (iso: string) => Date.parse(iso);

/** Meetings in two zones (one occurrence moved, one cancelled), a recorded election, and channels with every kind of scope. */
function richStore(): Store {
  const store = placesStore();
  const travis = addTravisMeeting(store);
  addTravisMeeting(store, { fips: '48141', body: 'El Paso County Commissioners Court', startsAt: '2026-01-06T16:00:00.000Z', timeZone: 'America/Denver' });
  addTravisMeeting(store, { fips: '13067', body: 'Cobb County Board of Commissioners', startsAt: '2026-01-08T23:00:00.000Z', timeZone: 'America/New_York', rrule: 'FREQ=MONTHLY;BYDAY=2TH,4TH' });
  const meta = { ...SOURCE, by: 'test:mod', at: '2026-02-02T00:00:00.000Z' };
  store.meetings.setException(travis.id, '2026-03-10T14:00:00.000Z', { status: 'moved', startsAt: '2026-03-11T19:00:00.000Z', location: null, note: null }, meta);
  store.meetings.setException(travis.id, '2026-03-17T14:00:00.000Z', { status: 'cancelled', startsAt: null, location: null, note: null }, meta);
  store.recordedElections.add({ fips: '48141', officeId: null, kind: 'general', date: '2028-11-07', registrationDeadline: '2028-10-10', note: null }, meta);
  const at = '2026-02-01T00:00:00.000Z';
  subscribe(store, channel('travis'), { state: 'TX', fips: '48453' }, at, ['meetings']);
  subscribe(store, channel('travis-custom'), { state: 'TX', fips: '48453' }, at, ['meetings', 'elections'], { meeting: ['1d', '30m'], election: ['14d', 'morning'] });
  subscribe(store, channel('texas'), { state: 'TX', fips: null }, at, ['meetings', 'elections']);
  subscribe(store, channel('el-paso'), { state: 'TX', fips: '48141' }, at, ['elections']);
  subscribe(store, channel('georgia'), { state: 'GA', fips: null }, at, ['meetings', 'elections']);
  subscribe(store, channel('cobb'), { state: 'GA', fips: '13067' }, at, ['meetings', 'elections', 'positions']);
  subscribe(store, channel('late-joiner'), { state: 'TX', fips: '48453' }, '2026-03-06T00:00:00.000Z', ['meetings']);
  return store;
}

/** The windows planned: minutes, a catch-up across the March DST change, and election catch-ups. */
const WINDOWS: [string, string][] = [
  ['2026-02-07T14:59:00Z', '2026-02-07T15:00:00Z'],
  ['2026-03-01T00:00:00Z', '2026-03-12T00:00:00Z'],
  ['2026-03-06T12:00:00Z', '2026-03-10T13:30:00Z'],
  ['2028-10-01T00:00:00Z', '2028-10-09T00:00:00Z'],
  ['2028-10-20T00:00:00Z', '2028-11-08T12:00:00Z'],
];

/**
 * A reference planner written the slow, obvious way (every subscription × every occurrence ×
 * every lead), to check that the indexed planner decides exactly the same.
 */
function referencePlan(store: Store, after: number, now: number): { send: string[]; skip: string[] } {
  const subscriptions = [...new SubscriptionIndex(store.subscriptions.activeRows('discord')).byId.values()];
  const occurrences = collectOccurrences(store, { from: after, to: now + 100 * DAY, now });
  const reaches = (s: SubscriptionView, o: EventOccurrence) =>
    (o.audience !== 'state' && s.fips !== null && s.fips === o.fips) || (o.audience !== 'county' && s.fips === null && s.state === o.state);
  const send: string[] = [];
  const skip: string[] = [];
  for (const s of subscriptions) {
    for (const o of occurrences) {
      if (!reaches(s, o) || (o.kind === 'meeting' ? !s.meetings : !s.elections)) continue;
      const due: { lead: string; at: number }[] = [];
      for (const lead of s.leads[o.kind as EventKind]) {
        const at = dueAt(lead, o.time);
        if (at !== null && at > after && at <= now && at > s.createdAt) due.push({ lead, at });
      }
      if (!due.length) continue;
      due.sort((a, b) => a.at - b.at);
      const last = due.at(-1)!;
      for (const d of due) {
        const row = `${s.channelId} ${o.key} ${d.lead}`;
        if (now >= o.meaningfulUntil) skip.push(`${row}: the event had already started when this was planned`);
        else if (d !== last) skip.push(`${row}: superseded by the ${last.lead} reminder (missed while the bot was down)`);
        else send.push(`${row}${now - d.at > ON_TIME_GRACE_MS ? ' late' : ''}`);
      }
    }
  }
  return { send: send.sort(), skip: skip.sort() };
}

function indexedPlan(store: Store, after: number, now: number): { send: string[]; skip: string[] } {
  const subscriptions = new SubscriptionIndex(store.subscriptions.activeRows('discord'));
  const occurrences = new OccurrenceIndex(collectOccurrences(store, { from: after, to: now + 100 * DAY, now }), subscriptions.catalog);
  const result = wholePlan({ now, after, occurrences, subscriptions });
  const row = (p: { subscription: { channelId: string }; occurrence: { key: string }; lead: string }) => `${p.subscription.channelId} ${p.occurrence.key} ${p.lead}`;
  return { send: result.send.map((p) => `${row(p)}${p.late ? ' late' : ''}`).sort(), skip: result.skip.map((s) => `${row(s)}: ${s.reason}`).sort() };
}

/** The ledger as comparable lines (ids and claim order aside). */
function ledger(store: Store): string[] {
  return store.deliveries
    .all()
    .map((d) => `${d.subscriptionId} ${d.occurrenceKey} ${d.lead} ${d.status}${d.late ? ' late' : ''} due ${d.dueAt} at ${d.claimedAt}${d.detail ? `: ${d.detail}` : ''}`)
    .sort();
}

describe('planner in parts: the same decisions as planning every subscription × occurrence × lead', () => {
  const store = richStore();
  for (const [after, now] of WINDOWS) {
    it(`GIVEN the window ${after} → ${now} THEN the indexed plan equals the reference`, () => {
      const expected = referencePlan(store, t(after), t(now));
      expect(indexedPlan(store, t(after), t(now))).toEqual(expected);
    });
  }

  it('GIVEN the windows THEN the reference has something to compare (sends, catch-up skips and started events)', () => {
    const all = WINDOWS.map(([after, now]) => referencePlan(store, t(after), t(now)));
    expect(all.flatMap((p) => p.send).some((s) => s.endsWith(' late'))).toBe(true);
    expect(all.flatMap((p) => p.skip).some((s) => s.includes('superseded'))).toBe(true);
    expect(all.flatMap((p) => p.skip).some((s) => s.includes('already started'))).toBe(true);
  });
});

describe('scheduler: the sliced plan', () => {
  /** Ticks at these times on two copies of the same data: at once, and in slices of 0 ms (yielding after every step). */
  const TICKS = ['2026-02-07T15:00:00Z', '2026-03-12T00:00:00Z', '2026-03-12T00:01:00Z', '2026-03-16T13:00:00Z', '2028-11-08T12:00:00Z'];

  it('GIVEN the same data and the same ticks THEN the sliced plan records exactly the ledger and watermarks of the plan made at once', async () => {
    const once = richStore();
    const sliced = richStore();
    const clock = new ManualClock(TICKS[0]!);
    const b = schedulerFor(sliced, clock, [recordingSender()]);
    for (const time of TICKS) {
      clock.set(time);
      const expected = planAtOnce(once, ['discord'], t(time));
      expect(await b.plan(t(time), 0)).toEqual(expected);
    }
    expect(ledger(once).length).toBeGreaterThan(10);
    expect(ledger(sliced)).toEqual(ledger(once));
    expect(sliced.deliveries.watermark('reminders:discord')).toBe(once.deliveries.watermark('reminders:discord'));
  });

  it('GIVEN an import digest and a moderator change reaching 300 channels THEN the sliced plan claims their alerts in several transactions and records the ledger and watermarks of the plan made at once', async () => {
    const withChanges = () => {
      const store = placesStore();
      for (let i = 0; i < 300; i++) subscribe(store, channel(`tx-${i}`), { state: 'TX', fips: i % 3 ? null : '48453' }, '2026-03-01T00:00:00.000Z', ['positions']);
      const at = '2026-03-11T23:00:00.000Z';
      const source = { title: 'ICE 287(g) participating agencies', url: 'https://www.ice.gov/287g', date: '2026-03-11' };
      for (const fips of ['48453', '48201', '48029']) {
        const office = store.offices.ensureSheriff(store.jurisdictions.byFips(fips)!);
        store.positions.record({ officeId: office.id, topic: '287g', slot: 'task-force', value: 'task-force', detail: null, effectiveDate: '2026-03-01', documentUrl: null, source, dataset: 'ice-287g', by: 'import:ice-287g', at });
      }
      const travis = store.offices.ensureSheriff(store.jurisdictions.byFips('48453')!);
      store.positions.record({ officeId: travis.id, topic: 'detainers', slot: '', value: 'no', detail: null, effectiveDate: null, documentUrl: null, source: { ...source, title: 'Sheriff press release' }, dataset: null, by: 'discord:mod', at: '2026-03-11T23:30:00.000Z' });
      return store;
    };
    const once = withChanges();
    const sliced = withChanges();
    const clock = new ManualClock('2026-03-12T00:00:00Z');
    const expected = planAtOnce(once, ['discord'], t('2026-03-12T00:00:00Z'));
    const claimMany = sliced.deliveries.claimMany.bind(sliced.deliveries);
    let transactions = 0;
    sliced.deliveries.claimMany = (...args) => {
      if (args[0].length) transactions++;
      return claimMany(...args);
    };
    expect(await schedulerFor(sliced, clock, [recordingSender()]).plan(t('2026-03-12T00:00:00Z'), 0)).toEqual(expected);
    // The digest reaches all 300; the Travis change reaches the 100 Travis channels and the 200 state-wide ones.
    expect(expected.claimed).toBe(300 + 300);
    expect(transactions).toBeGreaterThan(1);
    expect(ledger(sliced)).toEqual(ledger(once));
    expect(sliced.deliveries.watermark('alerts:discord')).toBe(once.deliveries.watermark('alerts:discord'));
    expect(sliced.deliveries.watermark('alerts:discord')).not.toBeUndefined();
  });

  it('GIVEN a cold start THEN the plan hands the event loop back many times before it is done', async () => {
    const store = richStore();
    const clock = new ManualClock('2026-03-12T00:00:00Z');
    const scheduler = schedulerFor(store, clock, [recordingSender()]);
    const { value: report, turns } = await turnsDuring(() => scheduler.plan(t('2026-03-12T00:00:00Z'), 0));
    expect(report.claimed).toBeGreaterThan(0);
    expect(turns).toBeGreaterThan(100);
  });

  it('GIVEN subscriptions change while the plan reads them page by page THEN it plans with the changes', async () => {
    const store = richStore();
    // More than a page of subscriptions, so the read spans several turns of the event loop.
    const insert = store.db.prepare(`INSERT INTO subscriptions (platform, workspace_id, channel_id, state, jurisdiction_fips,
        elections, meetings, positions, leads, positions_after_id, created_by, created_at, updated_at)
      VALUES ('discord', 'guild-2', ?, 'GA', '13121', 1, 0, 0, NULL, 0, 'test', '2026-02-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z')`);
    store.db.transaction(() => {
      for (let i = 0; i < 4500; i++) insert.run(`filler-${i}`);
    })();
    const clock = new ManualClock('2026-02-07T15:00:00Z');
    const scheduler = schedulerFor(store, clock, [recordingSender()]);
    let added = 0;
    setImmediate(() => {
      store.subscriptions.end(1, { by: 'test:mod', at: '2026-02-07T14:00:00.000Z' }); // 'travis', on the first page
      added = subscribe(store, channel('travis-new'), { state: 'TX', fips: '48453' }, '2026-02-07T14:00:00.000Z', ['meetings']).id;
    });
    await scheduler.plan(t('2026-02-07T15:00:00Z'), 0);
    expect(added).toBeGreaterThan(0);
    const claimedFor = store.deliveries.all().filter((d) => d.occurrenceKey === 'meeting:1@2026-02-10T15:00:00.000Z').map((d) => d.channelId).sort();
    expect(claimedFor).toEqual(['texas', 'travis-new']);
  });

  it('GIVEN the process stops between two claim transactions THEN the watermark stays and the next plan records the rest, each reminder once', async () => {
    const reference = richStore();
    const store = richStore();
    const now = t('2026-03-12T00:00:00Z');
    const clock = new ManualClock('2026-03-12T00:00:00Z');
    store.deliveries.setWatermark('reminders:discord', '2026-03-01T00:00:00.000Z');
    reference.deliveries.setWatermark('reminders:discord', '2026-03-01T00:00:00.000Z');
    planAtOnce(reference, ['discord'], now);

    const claimMany = store.deliveries.claimMany.bind(store.deliveries);
    let calls = 0;
    store.deliveries.claimMany = (...args) => {
      if (++calls > 4) throw new Error('killed');
      return claimMany(...args);
    };
    await expect(schedulerFor(store, clock, [recordingSender()]).plan(now, 0)).rejects.toThrow('killed');
    const partial = ledger(store).length;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(ledger(reference).length);
    expect(store.deliveries.watermark('reminders:discord')).toBe('2026-03-01T00:00:00.000Z');

    store.deliveries.claimMany = claimMany;
    await schedulerFor(store, clock, [recordingSender()]).plan(now, 0);
    expect(ledger(store)).toEqual(ledger(reference));
  });
});

describe('slices', () => {
  function* counting(n: number) {
    let sum = 0;
    for (let i = 1; i <= n; i++) {
      sum += i;
      yield;
    }
    return sum;
  }

  it('GIVEN steps THEN run at once or in slices they return the same result', async () => {
    expect(runAll(counting(100))).toBe(5050);
    expect(await runSliced(counting(100), 0)).toBe(5050);
  });
});
