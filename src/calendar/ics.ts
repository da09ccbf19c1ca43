// An .ics calendar of a county's (or a state's) sheriff elections and county board meetings.
// UIDs are stable, so importing a newer file updates events instead of duplicating them;
// cancelled events stay in the file with STATUS:CANCELLED so calendars drop them.
import ical, { ICalEventStatus, type ICalCalendar } from 'ical-generator';
import { DateTime } from 'luxon';
import type { Clock } from '../clock.ts';
import { todayIn } from '../clock.ts';
import { recordedWinner } from '../queries/election-facts.ts';
import { nextRegularElection } from '../domain/elections.ts';
import { occurrencesBetween, type MeetingSeries } from '../domain/meetings.ts';
import { readRepeat } from '../domain/repeat-phrases/reading.ts';
import { MINUTES_LOOKBACK_DAYS } from '../meeting-sources/sync.ts';
import { STATES, type StateCode } from '../domain/states.ts';
import type { Jurisdiction } from '../domain/types.ts';
import type { TextAttachment } from '../reply.ts';
import type { RecordedElection } from '../store/recorded-elections.ts';
import type { Store } from '../store/index.ts';
import { t, type Language } from '../i18n/index.ts';
import { electionName } from '../present/reminder.ts';

const UID_DOMAIN = 'sheriff-watch';
/** Meetings are listed this far ahead. */
const MEETING_HORIZON_DAYS = 366;
/** Past meetings whose minutes are published stay in the calendar as long as the importer looks back for minutes. */
const MINUTES_KEPT_DAYS = MINUTES_LOOKBACK_DAYS;

export type CalendarScope = { kind: 'jurisdiction'; jurisdiction: Jurisdiction } | { kind: 'state'; state: StateCode };

export interface CalendarSummary {
  /** Election days (recorded and computed). */
  elections: number;
  /** Voter-registration deadlines, counted apart from elections. */
  deadlines: number;
  meetings: number;
  cancelled: number;
}

const day = (date: string) => DateTime.fromISO(date, { zone: 'utc' });

const capitalize = (words: string): string => words.charAt(0).toUpperCase() + words.slice(1);

/** Adds an election's events; returns how many of each kind. */
function recordedEvents(cal: ICalCalendar, e: RecordedElection, j: Jurisdiction, language: Language): { elections: number; deadlines: number } {
  const status = e.retiredAt ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED;
  const stamp = new Date(e.updatedAt);
  cal.createEvent({
    id: `election-${e.id}@${UID_DOMAIN}`,
    start: day(e.date),
    allDay: true,
    summary: t(language, 'ics.election', { election: capitalize(electionName(e.kind, language)), place: `${j.name}, ${j.state}` }),
    description: [
      e.note,
      t(language, 'ics.source', { source: `${e.sourceTitle} ${e.sourceUrl}` }),
      e.registrationDeadline ? t(language, 'ics.registration-deadline', { date: e.registrationDeadline }) : null,
    ].filter(Boolean).join('\n'),
    url: e.sourceUrl,
    sequence: e.revision,
    stamp,
    status,
  });
  if (!e.registrationDeadline) return { elections: 1, deadlines: 0 };
  cal.createEvent({
    id: `registration-${e.id}@${UID_DOMAIN}`,
    start: day(e.registrationDeadline),
    allDay: true,
    summary: t(language, 'ics.registration', { election: electionName(e.kind, language), date: e.date, place: `${j.name}, ${j.state}` }),
    description: t(language, 'ics.source', { source: `${e.sourceTitle} ${e.sourceUrl}` }),
    url: e.sourceUrl,
    sequence: e.revision,
    stamp,
    status,
  });
  return { elections: 1, deadlines: 1 };
}

/** `from` for meetings; `minutesFrom` (earlier) for those whose minutes are published. */
interface MeetingWindow {
  from: Date;
  minutesFrom: Date;
  to: Date;
}

function meetingEvents(cal: ICalCalendar, series: MeetingSeries, store: Store, j: Jurisdiction, window: MeetingWindow, summary: CalendarSummary, language: Language): void {
  const exceptions = store.meetings.exceptionsFor(series.id);
  const minutes = store.meetingSources.minutesOf(series.id);
  // A meeting with minutes is over: its minutes are where the calendar entry points.
  const url = minutes ?? series.agendaUrl ?? series.livestreamUrl;
  const from = minutes ? window.minutesFrom : window.from;
  const description = [
    series.why ? t(language, 'ics.why', { why: series.why }) : null,
    series.agendaUrl ? t(language, 'ics.agenda', { url: series.agendaUrl }) : null,
    series.livestreamUrl ? t(language, 'ics.livestream', { url: series.livestreamUrl }) : null,
    minutes ? t(language, 'ics.minutes', { url: minutes }) : null,
    series.publicComment ? t(language, 'ics.public-comment', { text: series.publicComment }) : null,
    `${readRepeat(series.rrule, language)} (${series.timeZone})`,
    t(language, 'ics.source', { source: `${series.sourceTitle} ${series.sourceUrl}` }),
  ].filter(Boolean).join('\n');
  for (const occ of occurrencesBetween(series, exceptions, from, window.to, { includeCancelled: true })) {
    const start = new Date(occ.start);
    const cancelled = occ.status === 'cancelled';
    if (cancelled) summary.cancelled++;
    else summary.meetings++;
    cal.createEvent({
      id: `meeting-${series.id}-${occ.originalStart.replace(/[-:]/g, '').replace(/\.\d{3}/, '')}@${UID_DOMAIN}`,
      start,
      ...(series.durationMinutes ? { end: new Date(start.getTime() + series.durationMinutes * 60_000) } : {}),
      summary: `${series.body} — ${j.name}, ${j.state}${occ.status === 'moved' ? t(language, 'ics.moved') : ''}`,
      description: occ.note ? `${occ.note}\n${description}` : description,
      ...(occ.location ? { location: occ.location } : {}),
      ...(url ? { url } : {}),
      sequence: series.revision + occ.exceptionRevision,
      stamp: new Date(series.updatedAt),
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
}

/** The calendar file for a county or a state. */
export function buildCalendar(store: Store, clock: Clock, scope: CalendarScope, language: Language = 'en'): { attachment: TextAttachment; summary: CalendarSummary } {
  const places = scope.kind === 'jurisdiction' ? [scope.jurisdiction] : store.jurisdictions.inState(scope.state);
  const name = scope.kind === 'jurisdiction' ? `${scope.jurisdiction.name}, ${scope.jurisdiction.state}` : STATES[scope.state];
  const cal = ical({ name: `Sheriff Watch: ${name}`, prodId: { company: 'Sheriff Watch', product: 'calendar', language: language.toUpperCase() } });
  const summary: CalendarSummary = { elections: 0, deadlines: 0, meetings: 0, cancelled: 0 };
  const now = clock.now();
  const statewide = new Map<string, Jurisdiction[]>();

  for (const j of places) {
    const today = todayIn(clock, j.timeZone);
    const recorded = store.recordedElections.forCalendar(today, { fips: j.fips });
    for (const e of recorded) {
      const n = recordedEvents(cal, e, j, language);
      if (e.retiredAt) summary.cancelled += n.elections + n.deadlines;
      else {
        summary.elections += n.elections;
        summary.deadlines += n.deadlines;
      }
    }
    const rule = store.rules.forState(j.state);
    if (!rule || rule.elected === 'no') continue;
    const next = nextRegularElection(rule, j, today, store.electionExceptions.forJurisdiction(j));
    if (next.kind !== 'scheduled' || recordedWinner(next, recorded.filter((e) => !e.retiredAt))) continue;
    if (scope.kind === 'state') {
      statewide.set(next.date, [...(statewide.get(next.date) ?? []), j]);
      continue;
    }
    summary.elections++;
    cal.createEvent({
      id: `computed-${j.fips}-${next.year}@${UID_DOMAIN}`,
      start: day(next.date),
      allDay: true,
      summary: t(language, 'ics.computed', { place: `${j.name}, ${j.state}` }),
      description: `${t(language, 'reminder.computed')}\n${t(language, 'reminder.rule', { basis: next.basis })}`,
      stamp: now,
    });
  }
  for (const [date, group] of statewide) {
    summary.elections++;
    const names = group.length > 20 ? t(language, 'ics.counties', { n: group.length }) : group.map((p) => p.name).join(', ');
    cal.createEvent({
      id: `computed-${group[0]!.state}-${date}@${UID_DOMAIN}`,
      start: day(date),
      allDay: true,
      summary: t(language, 'ics.computed.many', { places: `${names}, ${group[0]!.state}` }),
      description: t(language, 'ics.computed.many.description', { counties: group.map((p) => p.name).join(', ') }),
      stamp: now,
    });
  }

  const window: MeetingWindow = {
    from: new Date(now.getTime() - 86_400_000),
    minutesFrom: new Date(now.getTime() - MINUTES_KEPT_DAYS * 86_400_000),
    to: new Date(now.getTime() + MEETING_HORIZON_DAYS * 86_400_000),
  };
  const byFips = new Map(places.map((j) => [j.fips, j]));
  const series = scope.kind === 'jurisdiction' ? store.meetings.liveFor(scope.jurisdiction.fips) : store.meetings.live(scope.state);
  for (const s of series) meetingEvents(cal, s, store, byFips.get(s.fips)!, window, summary, language);

  const slug = name.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return {
    attachment: { filename: `sheriff-watch-${slug}.ics`, contentType: 'text/calendar; charset=utf-8', content: cal.toString() },
    summary,
  };
}
