import { msg } from '../i18n/index.ts';
// Options of the meeting commands, and reading them into the facts a moderator states.
import { normalizeRrule } from '../domain/meeting-rules.ts';
import { localToUtc, utcToLocal, type MeetingSeries } from '../domain/meetings.ts';
import { parseClockTime, parseRepeat, RepeatPhraseError } from '../domain/repeat-phrases/parse.ts';
import { firstOccurrence } from '../domain/repeat-phrases/series-start.ts';
import type { MeetingFacts } from '../store/meetings.ts';
import { checkDate, checkText, optionalUrl } from './event-args.ts';
import { UserError } from './errors.ts';
import type { Args, OptionDef } from './types.ts';

export const MEETING_ID_OPTION: OptionDef = { name: 'id', description: 'The meeting number (#) as `meetings` shows it', type: 'integer', required: true, min: 1 };

/** The options describing a meeting, all optional here (meeting-add makes some required). */
export const MEETING_FIELDS: OptionDef[] = [
  { name: 'body', description: 'Who meets: Commissioners Court, Board of Supervisors, Parish Council…', type: 'text', required: false },
  { name: 'date', description: 'Date of the (first) meeting, YYYY-MM-DD, local', type: 'text', required: false },
  { name: 'time', description: 'Start time, local to the county: 9am, 2pm, 14:00, 6:30 p.m.', type: 'text', required: false, words: true },
  { name: 'repeat', description: 'How it repeats: every 2nd Tuesday at 9am, first and third Thursday, or an RRULE', type: 'text', required: false, words: true },
  { name: 'minutes', description: 'How long it usually lasts, in minutes', type: 'integer', required: false, min: 1, max: 1440 },
  { name: 'location', description: 'Where: room and address', type: 'text', required: false },
  { name: 'agenda', description: 'Agenda link (http/https)', type: 'text', required: false },
  { name: 'livestream', description: 'Livestream link (http/https)', type: 'text', required: false },
  { name: 'comment', description: 'How to give public comment (sign-up link or instructions)', type: 'text', required: false },
  { name: 'why', description: 'Why it matters, e.g. "287(g) renewal on the agenda"', type: 'text', required: false },
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
  const comment = checkText(args.comment, 'public comment instructions');
  if (comment !== undefined) out.publicComment = comment;
  const why = checkText(args.why, 'reason it matters');
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
 * at its first meeting from `today` on.
 */
export function scheduleFields(args: Args, timeZone: string, current?: Pick<MeetingSeries, 'startsAt' | 'rrule'>, today?: string): Partial<MeetingFacts> {
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
    const day = args.date !== undefined ? checkDate(String(args.date), 'date') : (was?.date ?? (repeat?.rrule ? today : undefined));
    const time = newTime ?? was?.time;
    if (!day || !time) throw new UserError('missing_argument', 'meeting.when-needed', {}, [msg('meeting.when-needed.help', { example: '`date:2026-12-01 time:09:00`' })]);
    out.startsAt = localToUtc(day, time, timeZone);
    if (args.date === undefined && !was && repeat?.rrule) {
      out.startsAt = firstOccurrence({ startsAt: out.startsAt, timeZone, rrule: repeat.rrule }) ?? out.startsAt;
    }
  }
  return out;
}
