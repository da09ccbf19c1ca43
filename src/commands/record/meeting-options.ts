import { msg } from '../../i18n/index.ts';
// Options of the meeting commands, and reading them into the facts a moderator states.
import { normalizeRrule } from '../../domain/meeting-rules.ts';
import { checkSeriesOccurs } from '../../domain/rule-limits.ts';
import { localToUtc, utcToLocal, type MeetingSeries } from '../../domain/meetings.ts';
import { parseClockTime, parseRepeat, RepeatPhraseError } from '../../domain/repeat-phrases/parse.ts';
import { firstOccurrence } from '../../domain/repeat-phrases/series-start.ts';
import type { MeetingFacts } from '../../store/meetings.ts';
import { checkEventDate, checkText, optionalUrl } from './event-args.ts';
import { UserError } from '../../user-error.ts';
import type { Args, OptionDef } from '../../framework/types.ts';

export const MEETING_ID_OPTION: OptionDef = { name: 'id', descriptionKey: 'option.meeting-id', type: 'integer', required: true, min: 1 };

/** The options describing a meeting, all optional here (meeting-add makes some required). */
export const MEETING_FIELDS: OptionDef[] = [
  { name: 'body', descriptionKey: 'option.meeting.body', type: 'text', required: false },
  { name: 'date', descriptionKey: 'option.meeting.date', type: 'text', required: false },
  { name: 'time', descriptionKey: 'option.meeting.time', type: 'text', required: false, words: true },
  { name: 'repeat', descriptionKey: 'option.meeting.repeat', type: 'text', required: false, words: true },
  { name: 'minutes', descriptionKey: 'option.meeting.minutes', type: 'integer', required: false, min: 1, max: 1440 },
  { name: 'location', descriptionKey: 'option.meeting.location', type: 'text', required: false },
  { name: 'agenda', descriptionKey: 'option.meeting.agenda', type: 'text', required: false },
  { name: 'livestream', descriptionKey: 'option.meeting.livestream', type: 'text', required: false },
  { name: 'comment', descriptionKey: 'option.meeting.comment', type: 'text', required: false },
  { name: 'why', descriptionKey: 'option.meeting.why', type: 'text', required: false },
];

/** Fields other than the schedule, as given (undefined = not given, null = cleared with '-'). */
export function detailFields(args: Args): Partial<MeetingFacts> {
  const out: Partial<MeetingFacts> = {};
  const body = checkText(args.body, 'body');
  if (body === null) throw new UserError('missing_argument', 'meeting.body-needed', {}, [msg('meeting.body-needed.help', { example: '`body:"Commissioners Court"`' })]);
  if (body !== undefined) out.body = body;
  if (args.minutes !== undefined) out.durationMinutes = Number(args.minutes);
  const location = checkText(args.location, 'location');
  if (location !== undefined) out.location = location;
  const agenda = optionalUrl(args.agenda, 'agenda link');
  if (agenda !== undefined) out.agendaUrl = agenda;
  const livestream = optionalUrl(args.livestream, 'livestream link');
  if (livestream !== undefined) out.livestreamUrl = livestream;
  const comment = checkText(args.comment, 'public comment instructions', true);
  if (comment !== undefined) out.publicComment = comment;
  const why = checkText(args.why, 'reason it matters', true);
  if (why !== undefined) out.why = why;
  return out;
}

/** A repeat as typed: an RRULE ('FREQ=…') or words ('every 2nd Tuesday at 9am'); '-' or 'none' clears it. */
export function readRepeatOption(raw: string): { rrule: string | null; time?: string } {
  const repeat = raw.trim();
  if (repeat === '-' || repeat.toLowerCase() === 'none') return { rrule: null };
  if (/(^|;|RRULE:)\s*FREQ=/i.test(repeat)) return { rrule: normalizeRrule(repeat) };
  const parsed = parseRepeat(repeat);
  return { rrule: normalizeRrule(parsed.rrule), ...(parsed.time ? { time: parsed.time } : {}) };
}

/**
 * The series' start and rule from date/time/repeat, keeping what is not given from `current`.
 * A time may come with the repeat ('every Tuesday at 9am'); without a date, a new series starts
 * at its first meeting from today on. The date is within EVENT_YEARS of now, and the rule must give a
 * meeting (rule-limits.ts).
 */
export function scheduleFields(args: Args, timeZone: string, now: Date, current?: Pick<MeetingSeries, 'startsAt' | 'rrule'>): Partial<MeetingFacts> {
  const out: Partial<MeetingFacts> = {};
  const repeat = args.repeat !== undefined ? readRepeatOption(String(args.repeat)) : undefined;
  if (repeat) out.rrule = repeat.rrule;
  const typedTime = args.time !== undefined ? parseClockTime(String(args.time)) : undefined;
  if (typedTime && repeat?.time && typedTime !== repeat.time) {
    throw new RepeatPhraseError('repeat.time-differs', { phrase: repeat.time, time: typedTime });
  }
  const newTime = typedTime ?? repeat?.time;
  if (args.date !== undefined || newTime !== undefined) {
    const was = current ? utcToLocal(current.startsAt, timeZone) : undefined;
    const today = utcToLocal(now.toISOString(), timeZone).date;
    const day = args.date !== undefined ? checkEventDate(String(args.date), 'date', now) : (was?.date ?? (repeat?.rrule ? today : undefined));
    const time = newTime ?? was?.time;
    if (!day || !time) throw new UserError('missing_argument', 'meeting.when-needed', {}, [msg('meeting.when-needed.help', { example: '`date:2026-12-01 time:09:00`' })]);
    out.startsAt = localToUtc(day, time, timeZone);
    if (args.date === undefined && !was && repeat?.rrule) {
      out.startsAt = firstOccurrence({ startsAt: out.startsAt, timeZone, rrule: repeat.rrule }) ?? out.startsAt;
    }
  }
  const startsAt = out.startsAt ?? current?.startsAt;
  const rule = out.rrule !== undefined ? out.rrule : (current?.rrule ?? null);
  if (startsAt && (out.startsAt !== undefined || out.rrule !== undefined)) checkSeriesOccurs({ startsAt, timeZone, rrule: rule }, now);
  return out;
}
