import { msg } from '../i18n/index.ts';
// Options of the meeting commands, and reading them into the facts a moderator states.
import { normalizeRrule } from '../domain/meeting-rules.ts';
import { localToUtc, utcToLocal, type MeetingSeries } from '../domain/meetings.ts';
import type { MeetingFacts } from '../store/meetings.ts';
import { checkDate, checkText, optionalUrl } from './event-args.ts';
import { UserError } from './errors.ts';
import type { Args, OptionDef } from './types.ts';

export const MEETING_ID_OPTION: OptionDef = { name: 'id', description: 'The meeting number (#) as `meetings` shows it', type: 'integer', required: true, min: 1 };

/** The options describing a meeting, all optional here (meeting-add makes some required). */
export const MEETING_FIELDS: OptionDef[] = [
  { name: 'body', description: 'Who meets: Commissioners Court, Board of Supervisors, Parish Council…', type: 'text', required: false },
  { name: 'date', description: 'Date of the (first) meeting, YYYY-MM-DD, local', type: 'text', required: false },
  { name: 'time', description: 'Start time, HH:MM (24-hour), local to the county', type: 'text', required: false },
  { name: 'repeat', description: 'RFC 5545 RRULE, e.g. FREQ=MONTHLY;BYDAY=1TU,3TU (none: one meeting)', type: 'text', required: false },
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

/** The series' start and rule from date/time/repeat, keeping what is not given from `current`. */
export function scheduleFields(args: Args, timeZone: string, current?: Pick<MeetingSeries, 'startsAt' | 'rrule'>): Partial<MeetingFacts> {
  const out: Partial<MeetingFacts> = {};
  if (args.date !== undefined || args.time !== undefined) {
    const was = current ? utcToLocal(current.startsAt, timeZone) : undefined;
    const day = args.date !== undefined ? checkDate(String(args.date), 'date') : was?.date;
    const time = args.time !== undefined ? String(args.time).trim() : was?.time;
    if (!day || !time) throw new UserError('missing_argument', 'meeting.when-needed', {}, [msg('meeting.when-needed.help', { example: '`date:2026-12-01 time:09:00`' })]);
    out.startsAt = localToUtc(day, time, timeZone);
  }
  if (args.repeat !== undefined) {
    const repeat = String(args.repeat).trim();
    out.rrule = repeat === '-' || repeat.toLowerCase() === 'none' ? null : normalizeRrule(repeat);
  }
  return out;
}
