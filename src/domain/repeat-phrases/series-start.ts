// A series' first date must be one of its meetings: a weekly-Tuesday series started on a
// Wednesday would be confirmed for a date it never lists. Refused, offering the first real one.
import { DateTime } from 'luxon';
import { ruleStarts, utcToLocal, type MeetingSeries } from '../meetings.ts';
import type { Language } from '../../i18n/index.ts';
import { RepeatPhraseError } from './errors.ts';
import { readRepeat } from './reading.ts';

type Schedule = Pick<MeetingSeries, 'startsAt' | 'timeZone' | 'rrule'>;

/** The first meeting of a rule on or after a start, UTC ISO; looks at most two years ahead. */
export function firstOccurrence(series: Schedule): string | undefined {
  const from = new Date(series.startsAt);
  return ruleStarts(series, from, new Date(from.getTime() + 2 * 366 * 86_400_000))[0];
}

/** Throws when the start is not one of the rule's meetings, naming the first that is. */
export function checkSeriesStart(series: Schedule, language: Language): void {
  if (!series.rrule) return;
  const first = firstOccurrence(series);
  if (first === series.startsAt || (first && Date.parse(first) === Date.parse(series.startsAt))) return;
  const local = utcToLocal(series.startsAt, series.timeZone);
  const reading = readRepeat(series.rrule, language);
  if (!first) throw new RepeatPhraseError('repeat.no-occurrence', { reading, date: local.date });
  const weekday = DateTime.fromISO(local.date).setLocale(language === 'es' ? 'es' : 'en-US').toFormat('cccc');
  throw new RepeatPhraseError('repeat.not-occurrence', { date: local.date, weekday, reading, first: utcToLocal(first, series.timeZone).date });
}
