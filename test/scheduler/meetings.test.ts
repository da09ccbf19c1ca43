import rrule from 'rrule';
import { describe, expect, it } from 'vitest';
import {
  describeRule,
  localToUtc,
  occurrencesBetween,
  ruleStartOn,
  utcToLocal,
  type MeetingException,
  type MeetingSeries,
} from '../../src/domain/meetings.ts';
import { MeetingRuleError, normalizeRrule } from '../../src/domain/meeting-rules.ts';

const series = (over: Partial<MeetingSeries> = {}): MeetingSeries => ({
  id: 1,
  fips: '48453',
  body: 'Commissioners Court',
  startsAt: '2026-01-06T15:00:00.000Z', // Tue 6 Jan 2026, 9:00 CST
  timeZone: 'America/Chicago',
  rrule: 'FREQ=MONTHLY;BYDAY=1TU,3TU',
  durationMinutes: null,
  location: 'Courthouse',
  agendaUrl: null,
  livestreamUrl: null,
  publicComment: null,
  why: null,
  sourceUrl: 'https://example.org',
  sourceTitle: 'example.org',
  revision: 1,
  updatedAt: '2026-01-01T00:00:00.000Z',
  retiredAt: null,
  ...over,
});

const between = (s: MeetingSeries, from: string, to: string, exceptions: MeetingException[] = [], includeCancelled = false) =>
  occurrencesBetween(s, exceptions, new Date(from), new Date(to), { includeCancelled });

describe('meeting recurrence (rrule + luxon)', () => {
  it('GIVEN first and third Tuesdays at 9:00 Central THEN they stay 9:00 local on both sides of the March DST switch', () => {
    const found = between(series(), '2026-03-01T00:00:00Z', '2026-03-31T23:59:59Z');
    expect(found.map((o) => o.start)).toEqual(['2026-03-03T15:00:00.000Z', '2026-03-17T14:00:00.000Z']);
    expect(found.map((o) => utcToLocal(o.start, 'America/Chicago'))).toEqual([
      { date: '2026-03-03', time: '09:00' },
      { date: '2026-03-17', time: '09:00' },
    ]);
  });

  it('GIVEN the same series THEN it stays 9:00 local across the November switch back', () => {
    const found = between(series(), '2026-10-15T00:00:00Z', '2026-11-20T00:00:00Z');
    expect(found.map((o) => [o.start, utcToLocal(o.start, 'America/Chicago').time])).toEqual([
      ['2026-10-20T14:00:00.000Z', '09:00'],
      ['2026-11-03T15:00:00.000Z', '09:00'],
      ['2026-11-17T15:00:00.000Z', '09:00'],
    ]);
  });

  it('GIVEN a series in Phoenix (no DST) THEN the UTC time never moves', () => {
    const s = series({ timeZone: 'America/Phoenix', startsAt: '2026-01-06T16:00:00.000Z' });
    expect(between(s, '2026-03-01T00:00:00Z', '2026-03-31T23:59:59Z').map((o) => o.start)).toEqual(['2026-03-03T16:00:00.000Z', '2026-03-17T16:00:00.000Z']);
  });

  it('GIVEN one occurrence cancelled and one moved out of and another into the window THEN exceptions apply by original start', () => {
    const exceptions: MeetingException[] = [
      { id: 1, meetingId: 1, originalStart: '2026-03-03T15:00:00.000Z', status: 'cancelled', startsAt: null, location: null, note: 'no quorum', sourceUrl: 'https://x.org', revision: 1 },
      { id: 2, meetingId: 1, originalStart: '2026-03-17T14:00:00.000Z', status: 'moved', startsAt: '2026-03-18T19:00:00.000Z', location: 'Annex', note: null, sourceUrl: 'https://x.org', revision: 2 },
      { id: 3, meetingId: 1, originalStart: '2026-02-17T15:00:00.000Z', status: 'moved', startsAt: '2026-03-10T14:00:00.000Z', location: null, note: 'delayed', sourceUrl: 'https://x.org', revision: 1 },
    ];
    const visible = between(series(), '2026-03-01T00:00:00Z', '2026-03-31T23:59:59Z', exceptions);
    expect(visible.map((o) => [o.start, o.status, o.location])).toEqual([
      ['2026-03-10T14:00:00.000Z', 'moved', 'Courthouse'],
      ['2026-03-18T19:00:00.000Z', 'moved', 'Annex'],
    ]);
    const withCancelled = between(series(), '2026-03-01T00:00:00Z', '2026-03-31T23:59:59Z', exceptions, true);
    expect(withCancelled.find((o) => o.status === 'cancelled')).toMatchObject({ originalStart: '2026-03-03T15:00:00.000Z', note: 'no quorum' });
  });

  it('GIVEN a single meeting (no rule) THEN it occurs once', () => {
    const s = series({ rrule: null, startsAt: '2026-05-05T23:00:00.000Z' });
    expect(between(s, '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z').map((o) => o.start)).toEqual(['2026-05-05T23:00:00.000Z']);
    expect(ruleStartOn(s, '2026-05-05')).toBe('2026-05-05T23:00:00.000Z');
  });

  it('GIVEN a local date THEN ruleStartOn finds that day’s occurrence, or nothing', () => {
    expect(ruleStartOn(series(), '2026-03-17')).toBe('2026-03-17T14:00:00.000Z');
    expect(ruleStartOn(series(), '2026-03-18')).toBeUndefined();
  });

  it('GIVEN rule texts THEN valid ones normalize and bad ones say why', () => {
    expect(normalizeRrule('rrule:freq=monthly;byday=1tu,3tu')).toBe('FREQ=MONTHLY;BYDAY=+1TU,+3TU');
    expect(describeRule('FREQ=MONTHLY;BYDAY=+1TU,+3TU')).toMatch(/month/);
    expect(() => normalizeRrule('FREQ=SECONDLY')).toThrow(MeetingRuleError);
    expect(() => normalizeRrule('DTSTART:20260101T000000Z\nRRULE:FREQ=DAILY')).toThrow(/only the RRULE/);
    expect(() => normalizeRrule('BYDAY=TU')).toThrow(/FREQ=/);
  });

  it('GIVEN a local time that does not exist (clocks jump forward) THEN it is refused, not shifted', () => {
    expect(localToUtc('2026-03-08', '09:00', 'America/Chicago')).toBe('2026-03-08T14:00:00.000Z');
    expect(() => localToUtc('2026-03-08', '02:30', 'America/Chicago')).toThrow(/does not exist/);
    expect(() => localToUtc('2026-02-30', '09:00', 'America/Chicago')).toThrow(MeetingRuleError);
  });
});

describe('meeting recurrence: long-running series', () => {
  const { RRule } = rrule;
  /** The rule expanded from its first start, the slow way, as the reference. */
  function reference(text: string, startsAt: string, from: Date, to: Date): string[] {
    const first = utcToLocal(startsAt, 'America/Chicago');
    const [y, m, d] = first.date.split('-').map(Number) as [number, number, number];
    const [hh, mm] = first.time.split(':').map(Number) as [number, number];
    const rule = new RRule({ ...RRule.parseString(text), dtstart: new Date(Date.UTC(y, m - 1, d, hh, mm)) });
    return rule
      .between(new Date(from.getTime() - 2 * 86_400_000), new Date(to.getTime() + 2 * 86_400_000), true)
      .map((f) => localToUtc(f.toISOString().slice(0, 10), f.toISOString().slice(11, 16), 'America/Chicago'))
      .filter((iso) => Date.parse(iso) >= from.getTime() && Date.parse(iso) <= to.getTime());
  }

  it.each([
    'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH',
    'FREQ=WEEKLY',
    'FREQ=MONTHLY;BYDAY=1TU,3TU',
    'FREQ=MONTHLY',
    'FREQ=MONTHLY;BYMONTHDAY=-1',
    'FREQ=MONTHLY;INTERVAL=3;BYSETPOS=-1;BYDAY=MO,TU,WE,TH,FR',
    'FREQ=YEARLY',
    'FREQ=YEARLY;BYMONTH=3',
    'FREQ=DAILY;INTERVAL=10',
    'FREQ=WEEKLY;COUNT=600',
    'FREQ=WEEKLY;UNTIL=20310315T000000Z',
  ])('GIVEN %s recorded in 2020 THEN expanding it in 2031 gives the same dates as iterating from 2020', (rule) => {
    const s = series({ rrule: rule, startsAt: '2020-01-31T15:00:00.000Z' });
    const from = new Date('2031-01-01T00:00:00Z');
    const to = new Date('2031-06-30T00:00:00Z');
    const found = between(s, from.toISOString(), to.toISOString()).map((o) => o.start);
    expect(found.length).toBeGreaterThan(0);
    expect(found).toEqual(reference(rule, s.startsAt, from, to));
  });
});
