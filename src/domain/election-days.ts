/**
 * Calendar arithmetic for election-day rules such as "Tuesday after the first Monday in
 * November". Pure functions on 'YYYY-MM-DD' strings; no time zones are involved.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written 'YYYY-MM-DD'. */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The year of a 'YYYY-MM-DD' date. */
export function yearOf(isoDate: string): number {
  return Number(isoDate.slice(0, 4));
}

/** Number of days in a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The n-th given weekday of a month ('first Thursday in August' = n 1, weekday 4, month 8);
 * n = -1 is the last one. Returns null when the month has no such day (a fifth Monday).
 */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, n: number): string | null {
  const last = daysInMonth(year, month);
  if (n === -1) {
    const offset = (weekdayOf(year, month, last) - weekday + 7) % 7;
    return isoDate(year, month, last - offset);
  }
  const first = 1 + ((weekday - weekdayOf(year, month, 1) + 7) % 7);
  const day = first + (n - 1) * 7;
  return n >= 1 && day <= last ? isoDate(year, month, day) : null;
}

/** The federal general election day: the Tuesday after the first Monday in November (Nov 2–8). */
export function generalElectionDay(year: number): string {
  const firstMonday = nthWeekdayOfMonth(year, 11, 1, 1)!;
  return isoDate(year, 11, Number(firstMonday.slice(8)) + 1);
}

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
] as const;
const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, last: -1 };

/** How an election day is fixed, read from a rule written in words. */
export type ElectionDayRule =
  /** The Tuesday after the first Monday in November. */
  | { kind: 'general_november' }
  /** The n-th weekday of a month, e.g. the first Thursday in August. */
  | { kind: 'nth_weekday'; n: number; weekday: number; month: number }
  /** No fixed day (Saturday elections, a city calendar…); the election is over by the end of `lastMonth`. */
  | { kind: 'unfixed'; lastMonth: number };

const MONTH_PATTERN = new RegExp(`\\b(${MONTHS.map((m) => `${m.slice(0, 3)}(?:${m.slice(3)})?`).join('|')})\\b`, 'gi');

/** The latest month named in the text ('Oct', 'November'), or 12 when none is named. */
function latestMonthNamed(text: string): number {
  const months = [...text.matchAll(MONTH_PATTERN)].map((m) => MONTHS.findIndex((name) => name.startsWith(m[1]!.toLowerCase())) + 1);
  return months.length ? Math.max(...months) : 12;
}

/**
 * Reads an election-day rule such as "Tuesday after the first Monday in November (odd years)",
 * "first Thursday in August (county general election)" or "Saturday elections: primary in
 * October, runoff in November". Saturday elections and anything not recognised are 'unfixed':
 * only the year can be given. Where a rule names both a primary and the November general
 * (California, Oregon), the November general is the day returned.
 */
export function parseElectionDayRule(text: string): ElectionDayRule {
  // A few dozen distinct texts, read for every county of a state: each is parsed once.
  let rule = parsedDayRules.get(text);
  if (!rule) {
    rule = Object.freeze(readElectionDayRule(text));
    parsedDayRules.set(text, rule);
  }
  return rule;
}

const parsedDayRules = new Map<string, ElectionDayRule>();
const NTH_WEEKDAY = new RegExp(`\\b(${Object.keys(ORDINALS).join('|')}) (${WEEKDAYS.join('|')}) (?:in|of) (${MONTHS.join('|')})\\b`);

function readElectionDayRule(text: string): ElectionDayRule {
  const lower = text.toLowerCase();
  if (/\bsaturday\b/.test(lower)) return { kind: 'unfixed', lastMonth: latestMonthNamed(lower) };
  if (/tuesday after the first monday in november/.test(lower)) return { kind: 'general_november' };
  const nth = NTH_WEEKDAY.exec(lower);
  if (nth) {
    return {
      kind: 'nth_weekday',
      n: ORDINALS[nth[1]!]!,
      weekday: WEEKDAYS.indexOf(nth[2] as (typeof WEEKDAYS)[number]),
      month: MONTHS.indexOf(nth[3] as (typeof MONTHS)[number]) + 1,
    };
  }
  return { kind: 'unfixed', lastMonth: latestMonthNamed(lower) };
}

/** The election date in a year under a rule, or null when the rule fixes no day. */
export function electionDate(rule: ElectionDayRule, year: number): string | null {
  switch (rule.kind) {
    case 'general_november':
      return generalElectionDay(year);
    case 'nth_weekday':
      return nthWeekdayOfMonth(year, rule.month, rule.weekday, rule.n);
    case 'unfixed':
      return null;
  }
}

/**
 * The last day on which the year's election can still be ahead: the election day itself, or
 * for an unfixed rule the end of the latest month the rule names (else 31 December).
 */
export function electionWindowEnd(rule: ElectionDayRule, year: number): string {
  const fixed = electionDate(rule, year);
  if (fixed) return fixed;
  const month = rule.kind === 'unfixed' ? rule.lastMonth : 12;
  return isoDate(year, month, daysInMonth(year, month));
}
