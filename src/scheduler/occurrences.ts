// Every event occurrence the scheduler may remind about in a time range, read from the store:
// recorded elections and their registration deadlines, computed regular elections (per county,
// and grouped per state and date for state-wide subscriptions), and meeting occurrences.
import { DateTime } from 'luxon';
import { todayIn } from '../clock.ts';
import { recordedWinner } from '../queries/election-facts.ts';
import { nextRegularElection, type NextElection } from '../domain/elections.ts';
import { occurrencesBetween, type MeetingOccurrence, type MeetingSeries } from '../domain/meetings.ts';
import type { StateCode } from '../domain/states.ts';
import type { Jurisdiction } from '../domain/types.ts';
import type { RecordedElection } from '../store/recorded-elections.ts';
import type { Store } from '../store/index.ts';
import type { EventKind, EventTime } from '../domain/leads.ts';
import { runAll, type Steps } from './slices.ts';

/** No reminder for a timed event goes out later than this before it starts. */
export const MIN_NOTICE_MS = 10 * 60_000;

export type EventSource =
  | { type: 'election'; election: RecordedElection }
  | { type: 'registration'; election: RecordedElection }
  /** One county's computed election, or (state audience) every county of a state on that date. */
  | { type: 'computed'; next: Extract<NextElection, { kind: 'scheduled' }>; places: Jurisdiction[] }
  | { type: 'meeting'; series: MeetingSeries; occurrence: MeetingOccurrence };

/** One thing that happens once, that a reminder can be about. */
export interface EventOccurrence {
  /** Stable across restarts and ticks; part of the ledger key. A moved event gets a new key. */
  key: string;
  kind: EventKind;
  /** Which subscriptions it reaches: of its county, of its state, or both. */
  audience: 'county' | 'state' | 'both';
  state: StateCode;
  fips: string | null;
  timeZone: string;
  time: EventTime;
  /** When it starts (all-day events: local midnight), epoch ms. */
  at: number;
  /** After this, a reminder is no longer worth sending (all-day: the day is over). */
  meaningfulUntil: number;
  source: EventSource;
}

// A few dates in a few dozen zones cover every county: zone arithmetic is done once for each.
const allDays = new Map<string, { at: number; meaningfulUntil: number }>();

function allDay(date: string, timeZone: string): { at: number; meaningfulUntil: number } {
  const key = `${date} ${timeZone}`;
  let found = allDays.get(key);
  if (!found) {
    const day = DateTime.fromISO(date, { zone: timeZone });
    found = { at: day.toMillis(), meaningfulUntil: day.plus({ days: 1 }).toMillis() };
    if (allDays.size > 10_000) allDays.clear();
    allDays.set(key, found);
  }
  return found;
}

function dateIn(ms: number, timeZone: string): string {
  return todayIn({ now: () => new Date(ms) }, timeZone);
}

function mostCommonZone(places: Jurisdiction[]): string {
  const counts = new Map<string, number>();
  for (const p of places) counts.set(p.timeZone, (counts.get(p.timeZone) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
}

function electionOccurrences(e: RecordedElection, j: Jurisdiction): EventOccurrence[] {
  const out: EventOccurrence[] = [];
  const base = { audience: 'both' as const, state: j.state, fips: j.fips, timeZone: j.timeZone };
  out.push({
    ...base,
    key: `election:${e.id}@${e.date}`,
    kind: 'election',
    time: { date: e.date, timeZone: j.timeZone },
    ...allDay(e.date, j.timeZone),
    source: { type: 'election', election: e },
  });
  if (e.registrationDeadline) {
    out.push({
      ...base,
      key: `registration:${e.id}@${e.registrationDeadline}`,
      kind: 'registration',
      time: { date: e.registrationDeadline, timeZone: j.timeZone },
      ...allDay(e.registrationDeadline, j.timeZone),
      source: { type: 'registration', election: e },
    });
  }
  return out;
}

/** The occurrence of one meeting (used for keys and for re-reading claimed rows). */
export function meetingOccurrence(series: MeetingSeries, occurrence: MeetingOccurrence, j: Jurisdiction): EventOccurrence {
  const moved = occurrence.start !== occurrence.originalStart ? `>${occurrence.start}` : '';
  const at = Date.parse(occurrence.start);
  return {
    key: `meeting:${series.id}@${occurrence.originalStart}${moved}`,
    kind: 'meeting',
    audience: 'both',
    state: j.state,
    fips: j.fips,
    timeZone: series.timeZone,
    time: { start: occurrence.start, timeZone: series.timeZone },
    at,
    meaningfulUntil: at - MIN_NOTICE_MS,
    source: { type: 'meeting', series, occurrence },
  };
}

/**
 * Occurrences whose event falls in [from, to] (epoch ms), everywhere. Computed elections are
 * taken as of the start of the range and as of `now`, so one that happened during downtime is
 * still seen (and its reminders recorded as skipped).
 */
export function collectOccurrences(store: Store, range: { from: number; to: number; now: number }): EventOccurrence[] {
  return runAll(collectOccurrenceSteps(store, range));
}

/** The same, as steps (one county, one meeting series each) for a planner that runs in slices. */
export function* collectOccurrenceSteps(store: Store, range: { from: number; to: number; now: number }): Steps<EventOccurrence[]> {
  const places = store.jurisdictions.all();
  const byFips = new Map(places.map((j) => [j.fips, j]));
  const out: EventOccurrence[] = [];
  // Every lead of a timed event is before its start; an all-day event's lie before its day ends.
  const inRange = (o: { at: number; meaningfulUntil: number }) => Math.max(o.at, o.meaningfulUntil) >= range.from && o.at <= range.to;

  const fromDate = new Date(range.from - 86_400_000).toISOString().slice(0, 10);
  const recorded = new Map<string, RecordedElection[]>();
  for (const e of store.recordedElections.upcoming(fromDate)) {
    yield;
    const j = byFips.get(e.fips);
    if (!j) continue;
    for (const o of electionOccurrences(e, j)) if (inRange(o)) out.push(o);
    const list = recorded.get(e.fips) ?? [];
    list.push(e);
    recorded.set(e.fips, list);
  }

  const groups = new Map<string, { next: Extract<NextElection, { kind: 'scheduled' }>; places: Jurisdiction[] }>();
  const daysByZone = new Map<string, string[]>();
  for (const j of places) {
    yield;
    const rule = store.rules.forState(j.state);
    if (!rule || rule.elected === 'no') continue;
    const exception = store.electionExceptions.forJurisdiction(j);
    let days = daysByZone.get(j.timeZone);
    if (!days) {
      days = [...new Set([dateIn(range.from, j.timeZone), dateIn(range.now, j.timeZone)])];
      daysByZone.set(j.timeZone, days);
    }
    const seen = new Set<string>();
    for (const today of days) {
      const next = nextRegularElection(rule, j, today, exception);
      if (next.kind !== 'scheduled' || seen.has(next.date)) continue;
      seen.add(next.date);
      const upcoming = (recorded.get(j.fips) ?? []).filter((e) => e.date >= today);
      if (recordedWinner(next, upcoming)) continue; // the recorded date replaces the computed one
      const o = allDay(next.date, j.timeZone);
      if (!inRange(o)) continue;
      out.push({
        key: `computed:${j.fips}@${next.date}`,
        kind: 'election',
        audience: 'county',
        state: j.state,
        fips: j.fips,
        timeZone: j.timeZone,
        time: { date: next.date, timeZone: j.timeZone },
        ...o,
        source: { type: 'computed', next, places: [j] },
      });
      const groupKey = `${j.state}@${next.date}`;
      const group = groups.get(groupKey) ?? { next, places: [] };
      group.places.push(j);
      groups.set(groupKey, group);
    }
  }
  for (const [groupKey, group] of groups) {
    const first = group.places[0]!;
    const timeZone = mostCommonZone(group.places);
    out.push({
      key: `computed:${groupKey}`,
      kind: 'election',
      audience: 'state',
      state: first.state,
      fips: null,
      timeZone,
      time: { date: group.next.date, timeZone },
      ...allDay(group.next.date, timeZone),
      source: { type: 'computed', next: group.next, places: group.places },
    });
  }

  yield;
  const exceptions = store.meetings.allExceptions();
  const from = new Date(range.from);
  const to = new Date(range.to);
  yield;
  for (const series of store.meetings.live()) {
    yield;
    const j = byFips.get(series.fips);
    if (!j) continue;
    for (const occurrence of occurrencesBetween(series, exceptions.get(series.id) ?? [], from, to)) {
      out.push(meetingOccurrence(series, occurrence, j));
    }
  }
  return out;
}
