// A plain .ics address a county publishes: each event (each occurrence of a repeating one, with
// its moved or cancelled exceptions) in the import window becomes a meeting. Read with ical.js.
import ICAL from 'ical.js';
import { utcToLocal } from '../domain/meetings.ts';
import { httpGet } from './http-get.ts';
import { SourceError, type ImportWindow, type MeetingSourceAdapter, type SourceEvent } from './types.ts';

/** A repeating event yields at most this many occurrences (a daily rule with no end stops here). */
const MAX_OCCURRENCES = 1000;

const pad = (n: number) => String(n).padStart(2, '0');
const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);

/** The local date and time of an iCalendar time in the county's zone (floating times are taken as local). */
function local(time: ICAL.Time, timeZone: string): { date: string; time: string } {
  if (time.zone === ICAL.Timezone.localTimezone || !time.zone) {
    return { date: `${time.year}-${pad(time.month)}-${pad(time.day)}`, time: `${pad(time.hour)}:${pad(time.minute)}` };
  }
  return utcToLocal(time.toJSDate().toISOString(), timeZone);
}

function toEvent(event: ICAL.Event, start: ICAL.Time, externalId: string, timeZone: string, occurrence?: ICAL.Event): SourceEvent {
  const item = occurrence ?? event;
  const { date, time: clock } = local(start, timeZone);
  const time = start.isDate ? '' : clock; // all day: no time is published, none is invented
  const status = text(item.component.getFirstPropertyValue('status'));
  const link = text(item.component.getFirstPropertyValue('url'));
  return {
    externalId,
    body: text(item.summary) ?? 'County board',
    date,
    time,
    location: text(item.location),
    agendaUrl: link && /^https?:\/\//.test(link) ? link : null,
    minutesUrl: null,
    videoUrl: null,
    detailUrl: link && /^https?:\/\//.test(link) ? link : null,
    cancelled: status?.toUpperCase() === 'CANCELLED',
    comment: null,
    agendaVersion: null,
  };
}

/** Events of a calendar text whose local date is in the window. */
export function eventsOfCalendar(calendar: string, window: ImportWindow, timeZone: string, body: string | null): SourceEvent[] {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(calendar));
  } catch {
    throw new SourceError('malformed', 'not an iCalendar file');
  }
  if (root.name !== 'vcalendar') throw new SourceError('malformed', 'not an iCalendar file');
  for (const zone of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const masters = new Map<string, ICAL.Event>();
  const overrides: ICAL.Event[] = [];
  for (const component of root.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(component);
    if (!event.uid) continue;
    if (event.isRecurrenceException()) overrides.push(event);
    else masters.set(event.uid, event);
  }
  for (const override of overrides) masters.get(override.uid)?.relateException(override);
  const out: SourceEvent[] = [];
  const keep = (e: SourceEvent | undefined) => {
    if (e && e.date >= window.from && e.date < window.to && (!body || e.body === body)) out.push(e);
  };
  for (const [uid, event] of masters) {
    if (!event.isRecurring()) {
      keep(toEvent(event, event.startDate, uid, timeZone));
      continue;
    }
    const iterator = event.iterator();
    for (let i = 0, next = iterator.next(); next && i < MAX_OCCURRENCES; i++, next = iterator.next()) {
      const details = event.getOccurrenceDetails(next);
      const originalDate = local(details.recurrenceId, timeZone).date;
      if (originalDate >= window.to && local(details.startDate, timeZone).date >= window.to) break;
      keep(toEvent(event, details.startDate, `${uid}@${details.recurrenceId.toString()}`, timeZone, details.item === event ? undefined : details.item));
    }
  }
  return out;
}

export const icsSource: MeetingSourceAdapter = {
    kind: 'ics',
    checkLocator(locator) {
      const raw = locator.trim().replace(/^webcal:\/\//i, 'https://');
      let parsed: URL;
      try {
        parsed = new URL(raw);
      } catch {
        throw new SourceError('not-found', 'address');
      }
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new SourceError('not-found', 'address');
      return parsed.toString();
    },
    async events(link, window, timeZone) {
      const answer = await httpGet(link.locator, link.locator, 'text/calendar');
      if (answer.status === 404 || answer.status === 410) throw new SourceError('not-found', `${link.locator}: HTTP ${answer.status}`);
      if (answer.status === 401 || answer.status === 403) throw new SourceError('token', `${link.locator}: HTTP ${answer.status}`);
      if (answer.status !== 200) throw new SourceError('down', `${link.locator}: HTTP ${answer.status}`);
      return eventsOfCalendar(answer.text, window, timeZone, link.body);
    },
    publicUrl(link) {
      return link.locator;
    },
};
