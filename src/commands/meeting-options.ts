import { msg } from '../i18n/index.ts';
// Options of the meeting commands, and reading them into the facts a moderator states.
import { normalizeRrule } from '../domain/meeting-rules.ts';
import { checkSeriesOccurs } from '../domain/rule-limits.ts';
import { localToUtc, utcToLocal, type MeetingSeries } from '../domain/meetings.ts';
import type { MeetingFacts } from '../store/meetings.ts';
import { checkEventDate, checkText, optionalUrl } from './event-args.ts';
import { UserError } from './errors.ts';
import type { Args, OptionDef } from './types.ts';

export const MEETING_ID_OPTION: OptionDef = { name: 'id', descriptionKey: 'option.meeting-id', type: 'integer', required: true, min: 1 };

/** The options describing a meeting, all optional here (meeting-add makes some required). */
export const MEETING_FIELDS: OptionDef[] = [
  { name: 'body', descriptionKey: 'option.meeting.body', type: 'text', required: false },
  { name: 'date', descriptionKey: 'option.meeting.date', type: 'text', required: false },
  { name: 'time', descriptionKey: 'option.meeting.time', type: 'text', required: false },
  { name: 'repeat', descriptionKey: 'option.meeting.repeat', type: 'text', required: false },
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

/**
 * The series' start and rule from date/time/repeat, keeping what is not given from `current`.
 * The date is within EVENT_YEARS of now, and the rule must give a meeting (rule-limits.ts).
 */
export function scheduleFields(args: Args, timeZone: string, now: Date, current?: Pick<MeetingSeries, 'startsAt' | 'rrule'>): Partial<MeetingFacts> {
  const out: Partial<MeetingFacts> = {};
  if (args.date !== undefined || args.time !== undefined) {
    const was = current ? utcToLocal(current.startsAt, timeZone) : undefined;
    const day = args.date !== undefined ? checkEventDate(String(args.date), 'date', now) : was?.date;
    const time = args.time !== undefined ? String(args.time).trim() : was?.time;
    if (!day || !time) throw new UserError('missing_argument', 'meeting.when-needed', {}, [msg('meeting.when-needed.help', { example: '`date:2026-12-01 time:09:00`' })]);
    out.startsAt = localToUtc(day, time, timeZone);
  }
  if (args.repeat !== undefined) {
    const repeat = String(args.repeat).trim();
    out.rrule = repeat === '-' || repeat.toLowerCase() === 'none' ? null : normalizeRrule(repeat);
  }
  const startsAt = out.startsAt ?? current?.startsAt;
  const rule = out.rrule !== undefined ? out.rrule : (current?.rrule ?? null);
  if (startsAt && (out.startsAt !== undefined || out.rrule !== undefined)) checkSeriesOccurs({ startsAt, timeZone, rrule: rule }, now);
  return out;
}
