import { describe, expect, it } from 'vitest';
import { collectOccurrences } from '../../src/scheduler/occurrences.ts';
import { OccurrenceIndex } from '../../src/scheduler/plan.ts';
import { wholePlan } from './reference-planner.ts';
import { SubscriptionIndex } from '../../src/scheduler/subscription-index.ts';
import type { Store } from '../../src/store/index.ts';
import { addTravisMeeting, channel, placesStore, SOURCE, subscribe } from './helpers.ts';

const MIN = 60_000;
const DAY = 86_400_000;
const t = (iso: string) => Date.parse(iso);

/** What is due: a pure function of (now, the watermark, the rows). */
function plan(store: Store, afterIso: string, nowIso: string) {
  const now = t(nowIso);
  const after = t(afterIso);
  const subscriptions = new SubscriptionIndex(store.subscriptions.activeRows('discord'));
  const occurrences = new OccurrenceIndex(collectOccurrences(store, { from: after, to: now + 40 * DAY, now }), subscriptions.catalog);
  const result = wholePlan({ now, after, occurrences, subscriptions });
  const row = (p: { subscription: { channelId: string }; occurrence: { key: string }; lead: string }) => `${p.subscription.channelId} ${p.occurrence.key} ${p.lead}`;
  return {
    send: result.send.map((p) => `${row(p)}${p.late ? ' late' : ''}`),
    skip: result.skip.map((s) => `${row(s)}: ${s.reason}`),
  };
}

// Weekly Tuesday 9:00 CT; Tue 2026-02-10 is 15:00Z (CST). Its 3d lead is Sat 2026-02-07 15:00Z; 2h is 13:00Z.
const MEETING = 'meeting:1@2026-02-10T15:00:00.000Z';

describe('planner: what is due', () => {
  const store = placesStore();
  addTravisMeeting(store);
  subscribe(store, channel('travis'), { state: 'TX', fips: '48453' }, '2026-02-01T00:00:00.000Z', ['meetings']);

  it('GIVEN the minute a lead falls due THEN that reminder is due, on time; a minute earlier nothing is', () => {
    expect(plan(store, '2026-02-07T14:58:00Z', '2026-02-07T14:59:00Z').send).toEqual([]);
    expect(plan(store, '2026-02-07T14:59:00Z', '2026-02-07T15:00:00Z')).toEqual({ send: [`travis ${MEETING} 3d`], skip: [] });
  });

  it('GIVEN a tick a few minutes late (within the grace) THEN it is still on time', () => {
    expect(plan(store, '2026-02-07T14:59:00Z', '2026-02-07T15:04:00Z').send).toEqual([`travis ${MEETING} 3d`]);
  });

  it('GIVEN the bot was down across both leads and the meeting is still ahead THEN only the latest lead goes, marked late, and the earlier one is recorded as skipped', () => {
    const result = plan(store, '2026-02-06T00:00:00Z', '2026-02-10T14:00:00Z');
    expect(result.send).toEqual([`travis ${MEETING} 2h late`]);
    expect(result.skip).toEqual([`travis ${MEETING} 3d: superseded by the 2h reminder (missed while the bot was down)`]);
  });

  it('GIVEN the bot came back after the meeting started THEN nothing is sent and both leads are recorded as skipped', () => {
    const result = plan(store, '2026-02-06T00:00:00Z', '2026-02-10T15:30:00Z');
    expect(result.send).toEqual([]);
    expect(result.skip.filter((s) => s.includes(MEETING))).toHaveLength(2);
    expect(result.skip[0]).toMatch(/already started/);
  });

  it('GIVEN less than 10 minutes before the start THEN a missed reminder is no longer meaningful', () => {
    const result = plan(store, '2026-02-10T12:00:00Z', '2026-02-10T14:55:00Z');
    expect(result.send).toEqual([]);
    expect(result.skip).toEqual([`travis ${MEETING} 2h: the event had already started when this was planned`]);
  });

  it('GIVEN a lead that fell due before the subscription existed THEN it is not considered at all', () => {
    const s = placesStore();
    addTravisMeeting(s);
    subscribe(s, channel('late-joiner'), { state: 'TX', fips: '48453' }, '2026-02-08T00:00:00.000Z', ['meetings']);
    expect(plan(s, '2026-02-01T00:00:00Z', '2026-02-10T13:00:00Z')).toEqual({ send: [`late-joiner ${MEETING} 2h`], skip: [] });
  });

  it('GIVEN a subscription with its own meeting leads THEN those are used instead of the defaults', () => {
    const s = placesStore();
    addTravisMeeting(s);
    subscribe(s, channel('custom'), { state: 'TX', fips: '48453' }, '2026-02-01T00:00:00.000Z', ['meetings'], { meeting: ['1d', '30m'] });
    expect(plan(s, '2026-02-07T14:59:00Z', '2026-02-07T15:00:00Z').send).toEqual([]);
    expect(plan(s, '2026-02-09T14:59:00Z', '2026-02-09T15:00:00Z').send).toEqual([`custom ${MEETING} 1d`]);
    expect(plan(s, '2026-02-10T14:29:00Z', '2026-02-10T14:30:00Z').send).toEqual([`custom ${MEETING} 30m`]);
  });

  it('GIVEN a subscription to elections only THEN meetings are not due for it', () => {
    const s = placesStore();
    addTravisMeeting(s);
    subscribe(s, channel('elections-only'), { state: 'TX', fips: '48453' }, '2026-02-01T00:00:00.000Z', ['elections']);
    expect(plan(s, '2026-02-07T14:59:00Z', '2026-02-07T15:00:00Z').send).toEqual([]);
  });

  it('GIVEN a moved occurrence THEN its reminders follow the new time under a new key', () => {
    const s = placesStore();
    const series = addTravisMeeting(s);
    subscribe(s, channel('travis'), { state: 'TX', fips: '48453' }, '2026-02-01T00:00:00.000Z', ['meetings']);
    s.meetings.setException(series.id, '2026-02-10T15:00:00.000Z', { status: 'moved', startsAt: '2026-02-11T20:00:00.000Z', location: null, note: null }, { ...SOURCE, by: 'test:mod', at: '2026-02-02T00:00:00.000Z' });
    const moved = 'meeting:1@2026-02-10T15:00:00.000Z>2026-02-11T20:00:00.000Z';
    expect(plan(s, '2026-02-07T14:59:00Z', '2026-02-07T15:00:00Z').send).toEqual([]);
    expect(plan(s, '2026-02-08T19:59:00Z', '2026-02-08T20:00:00Z').send).toEqual([`travis ${moved} 3d`]);
  });

  it('GIVEN a cancelled occurrence THEN nothing is due for it', () => {
    const s = placesStore();
    const series = addTravisMeeting(s);
    subscribe(s, channel('travis'), { state: 'TX', fips: '48453' }, '2026-02-01T00:00:00.000Z', ['meetings']);
    s.meetings.setException(series.id, '2026-02-10T15:00:00.000Z', { status: 'cancelled', startsAt: null, location: null, note: null }, { ...SOURCE, by: 'test:mod', at: '2026-02-02T00:00:00.000Z' });
    expect(plan(s, '2026-02-07T14:59:00Z', '2026-02-07T15:00:00Z').send).toEqual([]);
    expect(plan(s, '2026-02-14T14:59:00Z', '2026-02-14T15:00:00Z').send).toEqual(['travis meeting:1@2026-02-17T15:00:00.000Z 3d']);
  });
});

describe('planner: a state with two time zones (Texas: Central, and Mountain in El Paso)', () => {
  const store = placesStore();
  // Both at 9:00 local on Tue 2026-02-10: Austin 15:00Z (CST), El Paso 16:00Z (MST).
  addTravisMeeting(store);
  addTravisMeeting(store, { fips: '48141', body: 'El Paso County Commissioners Court', startsAt: '2026-01-06T16:00:00.000Z', timeZone: 'America/Denver' });
  subscribe(store, channel('texas'), { state: 'TX', fips: null }, '2026-02-01T00:00:00.000Z', ['meetings', 'elections']);
  subscribe(store, channel('el-paso'), { state: 'TX', fips: '48141' }, '2026-02-01T00:00:00.000Z', ['elections']);

  it('GIVEN a state subscription THEN each county’s meeting is due two hours before its own local 9:00', () => {
    expect(plan(store, '2026-02-10T12:59:00Z', '2026-02-10T13:00:00Z').send).toEqual([`texas ${MEETING} 2h`]);
    expect(plan(store, '2026-02-10T13:59:00Z', '2026-02-10T14:00:00Z').send).toEqual(['texas meeting:2@2026-02-10T16:00:00.000Z 2h']);
  });

  it('GIVEN the computed 2028 general election THEN the state channel gets one reminder for the whole state, in Central time, and El Paso’s channel its own at 9:00 Mountain', () => {
    // 30 days before 2028-11-07: 2028-10-08 at 9:00 CDT (14:00Z) and 9:00 MDT (15:00Z).
    expect(plan(store, '2028-10-08T13:59:00Z', '2028-10-08T14:00:00Z').send).toEqual(['texas computed:TX@2028-11-07 30d']);
    expect(plan(store, '2028-10-08T14:59:00Z', '2028-10-08T15:00:00Z').send).toEqual(['el-paso computed:48141@2028-11-07 30d']);
  });

  it('GIVEN a recorded general election for the same race THEN it replaces the computed one for that county and leaves the state group', () => {
    const s = placesStore();
    subscribe(s, channel('texas'), { state: 'TX', fips: null }, '2026-02-01T00:00:00.000Z', ['elections']);
    subscribe(s, channel('el-paso'), { state: 'TX', fips: '48141' }, '2026-02-01T00:00:00.000Z', ['elections']);
    const e = s.recordedElections.add(
      { fips: '48141', officeId: null, kind: 'general', date: '2028-11-07', registrationDeadline: '2028-10-10', note: null },
      { ...SOURCE, by: 'test:mod', at: '2026-03-01T00:00:00.000Z' },
    );
    expect(plan(s, '2028-10-08T13:59:00Z', '2028-10-08T14:00:00Z').send).toEqual(['texas computed:TX@2028-11-07 30d']);
    const mountain = plan(s, '2028-10-08T14:59:00Z', '2028-10-08T15:00:00Z').send;
    expect(mountain.sort()).toEqual([`el-paso election:${e.id}@2028-11-07 30d`, `texas election:${e.id}@2028-11-07 30d`]);
    // The registration deadline has its own 5-day lead, at 9:00 Mountain.
    expect(plan(s, '2028-10-05T14:59:00Z', '2028-10-05T15:00:00Z').send).toEqual(expect.arrayContaining([`el-paso registration:${e.id}@2028-10-10 5d`]));
  });
});

describe('planner: minutes', () => {
  it('GIVEN MIN THEN it is a minute (sanity for the helpers)', () => {
    expect(t('2026-01-01T00:01:00Z') - t('2026-01-01T00:00:00Z')).toBe(MIN);
  });
});
