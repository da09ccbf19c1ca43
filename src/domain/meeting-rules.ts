// Checking a moderator's RRULE before the rrule library reads it, so that a mistake is told in
// the reader's words: which part, what it may be, an example.
import rrule from 'rrule';
import { DateTime } from 'luxon';
import type { MessageKey } from '../i18n/index.ts';
import { LocalizedError } from '../i18n/localized-error.ts';

const { rrulestr } = rrule;

/** Raised for a recurrence rule or local time that cannot be used; the message says why. */
export class MeetingRuleError extends LocalizedError {
  override name = 'MeetingRuleError';
}

const ALLOWED_FREQ = new Set(['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']);

const DAY = '(?:MO|TU|WE|TH|FR|SA|SU)';
const PART_NAMES = ['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'BYMONTHDAY', 'BYMONTH', 'BYSETPOS', 'WKST'];
/** Each allowed part: what its value must look like, and the message that says so. */
const PART_RULES: Record<string, { ok: (value: string) => boolean; key: MessageKey }> = {
  INTERVAL: { ok: (v) => /^[1-9]\d{0,2}$/.test(v), key: 'rule.number' },
  COUNT: { ok: (v) => /^[1-9]\d{0,3}$/.test(v), key: 'rule.number' },
  UNTIL: { ok: (v) => untilOk(v), key: 'rule.until' },
  BYDAY: { ok: (v) => list(v, (d) => new RegExp(`^([+-]?[1-5])?${DAY}$`).test(d)), key: 'rule.byday' },
  WKST: { ok: (v) => new RegExp(`^${DAY}$`).test(v), key: 'rule.byday' },
  BYMONTHDAY: { ok: (v) => list(v, (d) => inRange(d, 1, 31)), key: 'rule.monthday' },
  BYMONTH: { ok: (v) => list(v, (d) => /^\d+$/.test(d) && inRange(d, 1, 12)), key: 'rule.month' },
  BYSETPOS: { ok: (v) => list(v, (d) => inRange(d, 1, 366)), key: 'rule.setpos' },
};

const list = (value: string, each: (item: string) => boolean) => value.split(',').every((item) => item !== '' && each(item));
/** '5', '+5' or '-5' with 5 between min and max. */
const inRange = (item: string, min: number, max: number) => /^[+-]?\d{1,3}$/.test(item) && Math.abs(Number(item)) >= min && Math.abs(Number(item)) <= max;

function untilOk(value: string): boolean {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/.exec(value);
  if (!match) return false;
  const [year, month, day, hour = 0, minute = 0, second = 0] = match.slice(1).map((n) => (n === undefined ? undefined : Number(n)));
  return DateTime.fromObject({ year, month, day, hour, minute, second }, { zone: 'utc' }).isValid;
}

/**
 * Reads the rule part by part so that a mistake is told in the reader's words (which part, what
 * it may be, an example) rather than in the rrule library's, which can be as unhelpful as
 * "Cannot read properties of undefined".
 */
function checkRuleParts(value: string): void {
  const seen = new Set<string>();
  for (const part of value.split(';')) {
    const match = /^([A-Z]+)=(.+)$/.exec(part);
    if (!match) throw new MeetingRuleError('rule.part', { part });
    const [, name, partValue] = match as unknown as [string, string, string];
    if (!PART_NAMES.includes(name)) throw new MeetingRuleError('rule.property', { name, allowed: PART_NAMES.join(', ') });
    if (seen.has(name)) throw new MeetingRuleError('rule.twice', { name });
    seen.add(name);
    const rule = PART_RULES[name];
    if (rule && !rule.ok(partValue)) throw new MeetingRuleError(rule.key, { name, value: partValue });
  }
  if (seen.has('COUNT') && seen.has('UNTIL')) throw new MeetingRuleError('rule.count-until');
  checkSetPositions(value);
  // A day-by-day rule filtered to some days of the year steps through every day in between
  // (FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29 steps 1,461 days per meeting): say it with MONTHLY or YEARLY.
  const freq = /(?:^|;)FREQ=([A-Z]+)/.exec(value)?.[1];
  const sparse = freq === 'DAILY' ? ['BYMONTH', 'BYMONTHDAY'] : freq === 'WEEKLY' ? ['BYMONTHDAY'] : [];
  const part = sparse.find((name) => seen.has(name));
  if (part) throw new MeetingRuleError('limits.rule.sparse', { part, freq: freq! });
}

/** How many days one period of each frequency can hold: a BYSETPOS past it never matches. */
const SET_SIZE: Record<string, number> = { DAILY: 1, WEEKLY: 7, MONTHLY: 31, YEARLY: 366 };

/**
 * BYSETPOS picks the nth of the days a period matches; a position no period can have
 * (FREQ=DAILY;BYSETPOS=366) never matches, and the rrule library then steps to the year 9999.
 */
function checkSetPositions(value: string): void {
  const setpos = /(?:^|;)BYSETPOS=([^;]+)/.exec(value)?.[1];
  const freq = /(?:^|;)FREQ=([A-Z]+)/.exec(value)?.[1] ?? '';
  const max = SET_SIZE[freq];
  if (!setpos || max === undefined) return;
  const worst = Math.max(...setpos.split(',').map((p) => Math.abs(Number(p))));
  if (worst > max) throw new MeetingRuleError('limits.rule.setpos', { value: setpos, freq, max });
}

const usable = new Map<string, boolean>();

/**
 * Whether a stored rule passes today's checks (cached by its text). Rules stored before a check
 * existed, or written to the database by hand, are not expanded when they fail it.
 */
export function usableStoredRule(rule: string): boolean {
  let found = usable.get(rule);
  if (found === undefined) {
    try {
      normalizeRrule(rule);
      found = true;
    } catch {
      found = false;
    }
    if (usable.size > 10_000) usable.clear();
    usable.set(rule, found);
  }
  return found;
}

/**
 * Checks and normalizes an RRULE value such as 'FREQ=MONTHLY;BYDAY=1TU,3TU' (an 'RRULE:'
 * prefix is accepted). DTSTART is not allowed in it: the series' start gives it.
 */
export function normalizeRrule(text: string): string {
  const value = text.trim().replace(/^RRULE:/i, '').toUpperCase();
  if (!value) throw new MeetingRuleError('rule.empty');
  if (/DTSTART|[\r\n]/.test(value)) throw new MeetingRuleError('rule.only-rrule');
  const freq = /(?:^|;)FREQ=([A-Z]+)/.exec(value)?.[1];
  if (!freq || !ALLOWED_FREQ.has(freq)) {
    throw new MeetingRuleError('rule.freq');
  }
  checkRuleParts(value);
  try {
    const parsed = rrulestr(`RRULE:${value}`, { forceset: false });
    return parsed.toString().replace(/^RRULE:/, '');
  } catch (error) {
    throw new MeetingRuleError('rule.parse', { error: error instanceof Error ? error.message : String(error) });
  }
}
