// A rule read back in plain words ("every second Tuesday of the month, 9:00 AM Central Time"),
// so that whoever typed a repeat sees what the bot understood. Rules outside these shapes fall
// back to the rrule library's reading.
import { DateTime } from 'luxon';
import { describeRule } from '../meetings.ts';
import { t, type Language, type MessageKey } from '../../i18n/index.ts';
import { WEEKDAY_ORDER, type Weekday } from './lexicon.ts';

const join = (items: string[], language: Language) =>
  items.length < 2 ? (items[0] ?? '') : t(language, 'list.and', { some: items.slice(0, -1).join(', '), last: items.at(-1)! });

const dayName = (day: string, language: Language) => t(language, `reading.day.${day}` as MessageKey);

/** The rule's parts by name, or undefined when a part is not one this reading knows. */
function parts(rule: string): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const part of rule.replace(/^RRULE:/i, '').split(';')) {
    const [name, value] = part.split('=');
    if (!name || value === undefined || !['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY', 'UNTIL', 'COUNT', 'WKST'].includes(name)) return undefined;
    out[name] = value;
  }
  return out;
}

function core(p: Record<string, string>, language: Language): string | undefined {
  const n = Number(p.INTERVAL ?? 1);
  const days = p.BYDAY?.split(',') ?? [];
  const plain = days.every((d) => /^[A-Z]{2}$/.test(d));
  const nths = days.map((d) => /^([+-]?\d)([A-Z]{2})$/.exec(d));
  switch (p.FREQ) {
    case 'DAILY':
      return days.length || p.BYMONTHDAY ? undefined : n === 1 ? t(language, 'reading.every-day') : t(language, 'reading.every-days', { n });
    case 'WEEKLY': {
      if (p.BYMONTHDAY || !plain) return undefined;
      if (!days.length) return t(language, n === 1 ? 'reading.every-week' : n === 2 ? 'reading.every-other-week' : 'reading.every-weeks', { n });
      const sorted = [...days].sort((a, b) => WEEKDAY_ORDER.indexOf(a as Weekday) - WEEKDAY_ORDER.indexOf(b as Weekday));
      const text = sorted.join(',') === 'MO,TU,WE,TH,FR' ? t(language, 'reading.weekdays') : join(sorted.map((d) => dayName(d, language)), language);
      return t(language, n === 1 ? 'reading.weekly-on' : n === 2 ? 'reading.other-weekly-on' : 'reading.weeks-on', { days: text, n });
    }
    case 'MONTHLY': {
      if (days.length && p.BYMONTHDAY) return undefined;
      if (p.BYMONTHDAY) {
        const all = p.BYMONTHDAY.split(',');
        const numbers = all.filter((d) => d !== '-1');
        // Spanish says "el día 1 y 15", English "the 1st and 15th".
        const list = language === 'es' ? (numbers.length ? [`día ${join(numbers, language)}`] : []) : numbers.map((d) => d + suffix(Number(d)));
        if (all.includes('-1')) list.push(t(language, 'reading.last-day'));
        return t(language, n === 1 ? 'reading.monthly-day' : 'reading.months-day', { days: join(list, language), n });
      }
      if (!days.length) return n === 1 ? t(language, 'reading.every-month') : t(language, 'reading.every-months', { n });
      if (nths.some((m) => !m) || !['1', '2', '3', '4', '5', '-1'].includes(nths[0]![1]!.replace('+', ''))) return undefined;
      const weekday = nths[0]![2]!;
      if (nths.some((m) => m![2] !== weekday)) return undefined;
      const nth = join(nths.map((m) => t(language, `reading.nth.${m![1]!.replace('+', '')}` as MessageKey)), language);
      return t(language, n === 1 ? 'reading.monthly-nth' : 'reading.months-nth', { nth, day: dayName(weekday, language), n });
    }
    case 'YEARLY':
      return days.length || p.BYMONTHDAY ? undefined : n === 1 ? t(language, 'reading.every-year') : t(language, 'reading.every-years', { n });
    default:
      return undefined;
  }
}

function suffix(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

/** The zone as people say it: 'Central Time', 'hora central'. */
export function zoneName(timeZone: string, language: Language, at = new Date()): string {
  const parts = new Intl.DateTimeFormat(language === 'es' ? 'es-US' : 'en-US', { timeZone, timeZoneName: 'longGeneric' }).formatToParts(at);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/** '09:00' → '9:00 AM' (English) or '9:00' (Spanish). */
export function clockText(time: string, language: Language): string {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const at = DateTime.fromObject({ hour, minute });
  return language === 'es' ? at.toFormat('H:mm') : at.toFormat('h:mm a');
}

/**
 * The rule in plain words, with the time of day and zone when given; a single meeting (no rule)
 * reads as such.
 */
export function readRepeat(rule: string | null, language: Language, when?: { time: string; timeZone: string }): string {
  const p = rule ? parts(rule) : undefined;
  const plain = p && core(p, language);
  let text = plain ?? describeRule(rule, language);
  if (plain && p.UNTIL) {
    const until = /^(\d{4})(\d{2})(\d{2})/.exec(p.UNTIL);
    if (until) text = t(language, 'reading.until', { rule: text, date: `${until[1]}-${until[2]}-${until[3]}` });
  }
  if (plain && p.COUNT) text = t(language, 'reading.count', { rule: text, n: p.COUNT });
  if (when) text = t(language, 'reading.at', { rule: text, time: clockText(when.time, language), zone: zoneName(when.timeZone, language) });
  return text;
}
