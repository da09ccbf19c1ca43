// County board meetings: a series is a first start plus an RFC 5545 RRULE kept in the
// meeting's local wall-clock time; single occurrences can be cancelled or moved.
import rrule from 'rrule';
import { MeetingRuleError, usableStoredRule } from './meeting-rules.ts';
import { boundedBetween, MAX_OCCURRENCES } from './rule-budget.ts';
import { DateTime } from 'luxon';
import { localToInstant } from './zone-time.ts';
import type { Language } from '../i18n/index.ts';

const { RRule } = rrule;

/** A meeting series (or one meeting when `rrule` is null), as recorded by a moderator. */
export interface MeetingSeries {
  id: number;
  fips: string;
  /** 'Commissioners Court', 'Board of Supervisors', 'Parish Council'. */
  body: string;
  /** The first (or only) start, UTC ISO. */
  startsAt: string;
  /** IANA zone whose wall-clock time the series keeps (9:00 stays 9:00 across DST). */
  timeZone: string;
  rrule: string | null;
  durationMinutes: number | null;
  location: string | null;
  agendaUrl: string | null;
  livestreamUrl: string | null;
  publicComment: string | null;
  why: string | null;
  sourceUrl: string;
  sourceTitle: string;
  revision: number;
  updatedAt: string;
  retiredAt: string | null;
}

/** One occurrence cancelled or moved. */
export interface MeetingException {
  id: number;
  meetingId: number;
  /** The occurrence as the rule gives it, UTC ISO (the RECURRENCE-ID). */
  originalStart: string;
  status: 'cancelled' | 'moved';
  /** The new start when moved. */
  startsAt: string | null;
  location: string | null;
  note: string | null;
  sourceUrl: string;
  revision: number;
}

export interface MeetingOccurrence {
  meetingId: number;
  /** Stable identity of the occurrence: the rule's start, UTC ISO. */
  originalStart: string;
  /** When it actually starts, UTC ISO (differs from originalStart when moved). */
  start: string;
  status: 'scheduled' | 'moved' | 'cancelled';
  location: string | null;
  note: string | null;
  /** Revision of the exception that applies, 0 when none. */
  exceptionRevision: number;
}

/**
 * A local wall-clock time ('2026-12-01' and '09:00') in a zone → the UTC instant. Refuses
 * times that do not exist (clocks jump forward) instead of silently shifting them.
 */
export function localToUtc(date: string, time: string, timeZone: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new MeetingRuleError('rule.date', { date });
  if (!/^\d{1,2}:\d{2}$/.test(time)) throw new MeetingRuleError('rule.time', { time });
  const local = DateTime.fromISO(`${date}T${time.padStart(5, '0')}`, { zone: timeZone });
  if (!local.isValid) throw new MeetingRuleError('rule.local', { date, time, zone: timeZone });
  if (local.toFormat('yyyy-MM-dd HH:mm') !== `${date} ${time.padStart(5, '0')}`) {
    throw new MeetingRuleError('rule.gap', { date, time, zone: timeZone });
  }
  return local.toUTC().toISO({ suppressMilliseconds: false })!;
}

/** 'YYYY-MM-DD' and 'HH:MM' of an instant in a zone. */
export function utcToLocal(iso: string, timeZone: string): { date: string; time: string } {
  const local = DateTime.fromISO(iso, { zone: 'utc' }).setZone(timeZone);
  return { date: local.toFormat('yyyy-MM-dd'), time: local.toFormat('HH:mm') };
}

/** rrule works in "floating" time: a Date whose UTC fields are the local wall clock. */
function floating(local: DateTime): Date {
  return new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second));
}

function fromFloating(date: Date, timeZone: string): number {
  return localToInstant(timeZone, date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes());
}

const DAY_MS = 86_400_000;

const MONTH_LIKE = new Set([RRule.MONTHLY, RRule.YEARLY]);

/**
 * The rule with its start moved forward by whole periods to just before `near` (all floating
 * time): rrule iterates from the start, so a series recorded years ago would otherwise cost
 * years of iteration on every expansion. Not done for COUNT rules (they count from the start).
 * Defaults rrule takes from the start (weekday, day of month, month) are made explicit first,
 * so moving the start cannot change which days match.
 */
function ruleNear(text: string, dtstart: Date, near: Date): InstanceType<typeof RRule> {
  const options = RRule.parseString(text);
  const interval = options.interval ?? 1;
  if (options.count || near <= dtstart) return new RRule({ ...options, dtstart });
  const freq = options.freq!;
  const hasDay = options.byweekday !== undefined || options.bymonthday !== undefined || options.byyearday !== undefined || options.byweekno !== undefined;
  const explicit = { ...options };
  if (freq === RRule.WEEKLY && !hasDay) explicit.byweekday = [(dtstart.getUTCDay() + 6) % 7];
  if (freq === RRule.MONTHLY && !hasDay) explicit.bymonthday = [dtstart.getUTCDate()];
  if (freq === RRule.YEARLY && !hasDay) {
    explicit.bymonthday = [dtstart.getUTCDate()];
    if (options.bymonth === undefined) explicit.bymonth = [dtstart.getUTCMonth() + 1];
  }
  let start: Date;
  if (MONTH_LIKE.has(freq)) {
    const months = freq === RRule.YEARLY ? 12 * interval : interval;
    const between = (near.getUTCFullYear() - dtstart.getUTCFullYear()) * 12 + near.getUTCMonth() - dtstart.getUTCMonth();
    const steps = Math.max(0, Math.floor(between / months) - 1);
    start = new Date(Date.UTC(dtstart.getUTCFullYear(), dtstart.getUTCMonth() + steps * months, 1, dtstart.getUTCHours(), dtstart.getUTCMinutes(), dtstart.getUTCSeconds()));
  } else {
    const period = (freq === RRule.WEEKLY ? 7 : 1) * interval * DAY_MS;
    const steps = Math.max(0, Math.floor((near.getTime() - dtstart.getTime()) / period) - 1);
    start = new Date(dtstart.getTime() + steps * period);
  }
  if (start <= dtstart) return new RRule({ ...options, dtstart });
  return new RRule({ ...explicit, dtstart: start });
}

/**
 * The rule's starts (UTC ISO) in [from, to], before exceptions, at most `limit` of them. The work
 * is bounded whatever rule is stored (rule-budget.ts); a stored rule that today's checks refuse
 * (stored before them, or written to the database directly) has no starts.
 */
export function ruleStarts(series: Pick<MeetingSeries, 'startsAt' | 'timeZone' | 'rrule'>, from: Date, to: Date, limit = MAX_OCCURRENCES): string[] {
  if (!series.rrule) {
    const at = Date.parse(series.startsAt);
    return at >= from.getTime() && at <= to.getTime() ? [new Date(at).toISOString()] : [];
  }
  if (!usableStoredRule(series.rrule)) return [];
  const first = DateTime.fromISO(series.startsAt, { zone: 'utc' }).setZone(series.timeZone);
  if (!first.isValid) return [];
  const rule = ruleNear(series.rrule, floating(first), new Date(from.getTime() - DAY_MS));
  // A floating window a day wider on each side covers every UTC offset.
  const candidates = boundedBetween(rule, new Date(from.getTime() - DAY_MS), new Date(to.getTime() + DAY_MS), limit + 2).dates;
  const starts: string[] = [];
  for (const candidate of candidates) {
    const ms = fromFloating(candidate, series.timeZone);
    if (ms >= from.getTime() && ms <= to.getTime()) starts.push(new Date(ms).toISOString());
  }
  return starts.slice(0, limit);
}

/** Whether `originalStart` is one of the rule's starts (for validating a cancel or move). */
export function isRuleStart(series: Pick<MeetingSeries, 'startsAt' | 'timeZone' | 'rrule'>, originalStart: string): boolean {
  const at = new Date(originalStart);
  return ruleStarts(series, at, at).length === 1;
}

/** The rule's occurrence on a local date, if there is one (moderators name occurrences by date). */
export function ruleStartOn(series: Pick<MeetingSeries, 'startsAt' | 'timeZone' | 'rrule'>, localDate: string): string | undefined {
  const day = DateTime.fromISO(localDate, { zone: series.timeZone });
  if (!day.isValid) return undefined;
  return ruleStarts(series, day.startOf('day').toJSDate(), day.endOf('day').toJSDate())[0];
}

/**
 * Occurrences starting in [from, to]: the rule's starts with exceptions applied, plus moved
 * occurrences that land in the window from outside it. Cancelled ones are included (status
 * 'cancelled') only when asked, e.g. for calendars.
 */
export function occurrencesBetween(
  series: MeetingSeries,
  exceptions: readonly MeetingException[],
  from: Date,
  to: Date,
  options: { includeCancelled?: boolean; limit?: number } = {},
): MeetingOccurrence[] {
  if (series.retiredAt) return [];
  const byOriginal = new Map(exceptions.map((e) => [new Date(e.originalStart).toISOString(), e]));
  const result: MeetingOccurrence[] = [];
  const seen = new Set<string>();
  const push = (originalStart: string, exception: MeetingException | undefined) => {
    seen.add(originalStart);
    if (exception?.status === 'cancelled') {
      if (options.includeCancelled) {
        result.push({ meetingId: series.id, originalStart, start: originalStart, status: 'cancelled', location: exception.location ?? series.location, note: exception.note, exceptionRevision: exception.revision });
      }
      return;
    }
    if (exception?.status === 'moved' && exception.startsAt) {
      const moved = Date.parse(exception.startsAt);
      if (moved < from.getTime() || moved > to.getTime()) return;
      result.push({ meetingId: series.id, originalStart, start: new Date(moved).toISOString(), status: 'moved', location: exception.location ?? series.location, note: exception.note, exceptionRevision: exception.revision });
      return;
    }
    result.push({ meetingId: series.id, originalStart, start: originalStart, status: 'scheduled', location: series.location, note: null, exceptionRevision: 0 });
  };
  for (const start of ruleStarts(series, from, to, options.limit)) push(start, byOriginal.get(start));
  for (const [original, exception] of byOriginal) {
    if (seen.has(original) || exception.status !== 'moved') continue;
    if (!isRuleStart(series, original)) continue;
    push(original, exception);
  }
  return result.sort((a, b) => a.start.localeCompare(b.start));
}

/** A short English reading of the rule, e.g. 'every month on the 1st Tuesday and 3rd Tuesday'. */
export function describeRule(rule: string | null, language: Language = 'en'): string {
  if (!rule) return language === 'es' ? 'una sola reunión' : 'one meeting';
  try {
    const parsed = new RRule(RRule.parseString(rule));
    return language === 'es' ? parsed.toText((word) => SPANISH_RULE_WORDS[String(word)] ?? String(word), SPANISH_DATES) : parsed.toText();
  } catch {
    return rule;
  }
}

/** Words of rrule's English rule descriptions, in Spanish (word order stays rrule's). */
const SPANISH_RULE_WORDS: Record<string, string> = {
  every: 'cada', until: 'hasta el', day: 'día', days: 'días', week: 'semana', weeks: 'semanas', on: 'el', in: 'en',
  'on the': 'el', for: 'por', and: 'y', or: 'o', at: 'a las', last: 'último', st: '.º', nd: '.º', rd: '.º', th: '.º',
  hour: 'hora', hours: 'horas', minute: 'minuto', minutes: 'minutos', month: 'mes', months: 'meses', year: 'año', years: 'años',
  times: 'veces', time: 'vez', weekday: 'día entre semana', weekdays: 'días entre semana',
  Monday: 'lunes', Tuesday: 'martes', Wednesday: 'miércoles', Thursday: 'jueves', Friday: 'viernes', Saturday: 'sábado', Sunday: 'domingo',
  January: 'enero', February: 'febrero', March: 'marzo', April: 'abril', May: 'mayo', June: 'junio', July: 'julio',
  August: 'agosto', September: 'septiembre', October: 'octubre', November: 'noviembre', December: 'diciembre',
};

const SPANISH_DATES = {
  dayNames: ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'],
  monthNames: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  tokens: {},
};
