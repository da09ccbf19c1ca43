// Importing a linked calendar: each event in the window becomes (or updates) one meeting in the
// same store as hand-recorded ones, through the same writes, so history, reminders and calendars
// follow. Moved, cancelled and deleted events are noticed; a re-import of the same data changes
// nothing.
import { DateTime } from 'luxon';
import type { Clock } from '../clock.ts';
import { todayIn } from '../clock.ts';
import { matchAgenda } from '../domain/agenda-watch.ts';
import { localToUtc } from '../domain/meetings.ts';
import type { Jurisdiction } from '../domain/types.ts';
import type { Logger } from '../logger.ts';
import type { MeetingSource, SourceEventLink } from '../store/meeting-sources.ts';
import type { Store } from '../store/index.ts';
import type { WriteMeta } from '../store/recorded-elections.ts';
import { MEETING_SOURCES } from './registry.ts';
import { SourceError, type AgendaItem, type MeetingSourceAdapter, type SourceEvent, type SourceLink } from './types.ts';

/** Meetings are imported this far ahead (and from today). */
export const IMPORT_DAYS = 120;
/**
 * Meetings already imported are read again this long after they took place, for the minutes
 * and video the county publishes afterwards; a past meeting is never added.
 */
export const MINUTES_LOOKBACK_DAYS = 45;
/** Agendas read per sync at most (each is one request); the rest wait for the next sync. */
const MAX_AGENDAS = 40;

export interface SyncReport {
  outcome: 'ok' | SourceError['kind'];
  added: number;
  moved: number;
  changed: number;
  cancelled: number;
  deleted: number;
  unchanged: number;
  /** Events left out because their date or time could not be read. */
  unreadable: number;
  /** When the named body is not the source's ('no-body'): the bodies it lists. */
  bodies?: string[];
}

/** An agenda read during a sync, for agenda watch. */
export interface AgendaRead {
  meetingId: number;
  event: SourceEvent;
  items: AgendaItem[];
}

export interface SyncOptions {
  logger?: Logger;
  /** Called with each agenda read for the first time or republished, after the meetings are saved. */
  onAgenda?: (read: AgendaRead) => void;
}

const linkOf = (source: MeetingSource): SourceLink => ({ kind: source.kind, locator: source.locator, body: source.body, token: source.token });

function fingerprint(e: SourceEvent): string {
  return JSON.stringify([e.body, e.date, e.time, e.location, e.agendaUrl, e.minutesUrl, e.videoUrl, e.cancelled]);
}

/** The source's name as history shows it: 'Legistar (cook-county)'. Never the token. */
export function sourceTitle(source: Pick<MeetingSource, 'kind' | 'locator'>): string {
  return source.kind === 'legistar' ? `Legistar (${source.locator})` : `${new URL(source.locator).host} calendar`;
}

async function readAgendas(adapter: MeetingSourceAdapter, link: SourceLink, events: SourceEvent[], links: Map<string, SourceEventLink>, logger?: Logger): Promise<Map<string, AgendaItem[]>> {
  const read = new Map<string, AgendaItem[]>();
  if (!adapter.agendaItems) return read;
  const due = events.filter((e) => e.agendaVersion && !e.cancelled && links.get(e.externalId)?.agendaKey !== e.agendaVersion).slice(0, MAX_AGENDAS);
  for (const event of due) {
    try {
      read.set(event.externalId, await adapter.agendaItems(link, event));
    } catch (error) {
      // Tried again at the next sync: the agenda key is saved only once read.
      logger?.warn({ err: error instanceof SourceError ? error.message : String(error), event: event.externalId }, 'agenda items could not be read');
    }
  }
  return read;
}

/** Imports one linked source; a source that cannot be read changes nothing and says why. */
export async function syncSource(store: Store, clock: Clock, source: MeetingSource, options: SyncOptions = {}): Promise<SyncReport> {
  const report: SyncReport = { outcome: 'ok', added: 0, moved: 0, changed: 0, cancelled: 0, deleted: 0, unchanged: 0, unreadable: 0 };
  const adapter = MEETING_SOURCES.get(source.kind);
  const j = store.jurisdictions.byFips(source.fips);
  if (!adapter || !j) throw new Error(`meeting source #${source.id}: unknown kind ${source.kind} or county ${source.fips}`);
  const now = clock.now();
  const today = todayIn(clock, j.timeZone);
  const from = DateTime.fromISO(today).minus({ days: MINUTES_LOOKBACK_DAYS }).toISODate()!;
  const to = DateTime.fromISO(today).plus({ days: IMPORT_DAYS }).toISODate()!;
  const link = linkOf(source);
  let events: SourceEvent[];
  try {
    events = await adapter.events(link, { from, to }, j.timeZone);
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    report.outcome = error.kind;
    if (error.kind === 'no-body') report.bodies = [...error.bodies];
    store.meetingSources.recordSync(source.id, now.toISOString(), error.kind, report);
    options.logger?.warn({ source: source.id, err: error.message }, 'meeting source could not be read');
    return report;
  }
  const links = new Map(store.meetingSources.links(source.id).map((l) => [l.externalId, l]));
  // Past events only bring the minutes and video of meetings imported before.
  events = events.filter((e) => e.date >= today || links.has(e.externalId));
  const agendas = await readAgendas(adapter, link, events.filter((e) => e.date >= today), links, options.logger);
  const reads: AgendaRead[] = [];
  store.meetingSources.transaction(() => {
    const seen = new Set<string>();
    for (const event of events) {
      seen.add(event.externalId);
      const meetingId = apply(store, j, source, adapter, event, links.get(event.externalId), now, report, agendas.get(event.externalId));
      const items = agendas.get(event.externalId);
      if (meetingId === undefined || !items) continue;
      reads.push({ meetingId, event, items });
      const matches = matchAgenda(items);
      // One alert per meeting, ever: a republished agenda or a re-import adds nothing.
      if (matches.length) {
        store.agendaAlerts.add({ meetingId, fips: j.fips, matches, itemCount: items.length, agendaUrl: event.agendaUrl, publicComment: publicCommentOf(event), foundAt: now.toISOString() });
      }
    }
    for (const gone of links.values()) {
      if (seen.has(gone.externalId) || gone.status === 'deleted') continue;
      const series = store.meetings.byId(gone.meetingId);
      // Only meetings still ahead and inside the window are judged deleted; older ones simply left it.
      if (!series || series.retiredAt || Date.parse(series.startsAt) < now.getTime() || series.startsAt.slice(0, 10) >= to) continue;
      store.meetings.setException(series.id, series.startsAt, { status: 'cancelled', startsAt: null, location: null, note: 'no longer on the county’s calendar' }, meta(source, adapter, null, now));
      store.meetingSources.saveLink({ ...gone, status: 'deleted' });
      report.deleted++;
    }
    store.meetingSources.recordSync(source.id, now.toISOString(), 'ok', report);
  });
  for (const read of reads) options.onAgenda?.(read);
  return report;
}

/** The source's remark when it is about public comment (Legistar puts sign-up notes in EventComment). */
function publicCommentOf(event: SourceEvent): string | null {
  return event.comment && /public comment|comentario p[uú]blico|speak|testimony/i.test(event.comment) ? event.comment : null;
}

function meta(source: MeetingSource, adapter: MeetingSourceAdapter, event: SourceEvent | null, now: Date): WriteMeta {
  return { by: `import:${source.kind}`, at: now.toISOString(), sourceUrl: event?.detailUrl ?? adapter.publicUrl(linkOf(source)), sourceTitle: sourceTitle(source) };
}

/** One event → its meeting (added, changed, moved or cancelled); returns the meeting id. */
function apply(store: Store, j: Jurisdiction, source: MeetingSource, adapter: MeetingSourceAdapter, event: SourceEvent, link: SourceEventLink | undefined, now: Date, report: SyncReport, agenda: AgendaItem[] | undefined): number | undefined {
  let startsAt: string;
  try {
    startsAt = localToUtc(event.date, event.time, j.timeZone);
  } catch {
    report.unreadable++;
    return undefined;
  }
  const write = meta(source, adapter, event, now);
  const facts = { body: event.body, startsAt, location: event.location, agendaUrl: event.agendaUrl, livestreamUrl: event.videoUrl };
  const print = fingerprint(event);
  const agendaKey = agenda ? event.agendaVersion : (link?.agendaKey ?? null);
  if (!link) {
    const series = store.meetings.add({ ...facts, fips: j.fips, timeZone: j.timeZone, rrule: null, durationMinutes: null, publicComment: null, why: null }, write);
    if (event.cancelled) store.meetings.setException(series.id, series.startsAt, { status: 'cancelled', startsAt: null, location: null, note: event.comment }, write);
    store.meetingSources.saveLink({ sourceId: source.id, externalId: event.externalId, meetingId: series.id, fingerprint: print, minutesUrl: event.minutesUrl, status: event.cancelled ? 'cancelled' : 'scheduled', agendaKey });
    report.added++;
    return series.id;
  }
  const series = store.meetings.byId(link.meetingId);
  if (!series || series.retiredAt) return undefined; // an editor cancelled it by hand: the import leaves it alone
  if (link.fingerprint === print && link.status !== 'deleted') {
    if (agendaKey !== link.agendaKey) store.meetingSources.saveLink({ ...link, agendaKey });
    report.unchanged++;
    return series.id;
  }
  const changedFacts = Object.fromEntries(Object.entries(facts).filter(([key, value]) => series[key as keyof typeof facts] !== value));
  if (Object.keys(changedFacts).length) {
    store.meetings.change(series.id, changedFacts, write);
    if (changedFacts.startsAt) report.moved++;
    else if (!event.cancelled || link.status === 'cancelled') report.changed++;
  }
  if (event.cancelled && link.status !== 'cancelled') {
    store.meetings.setException(series.id, startsAt, { status: 'cancelled', startsAt: null, location: null, note: event.comment }, write);
    report.cancelled++;
  } else if (!Object.keys(changedFacts).length) {
    report.changed++; // the minutes were published (kept with the link, shown wherever the meeting is)
  }
  store.meetingSources.saveLink({ ...link, fingerprint: print, minutesUrl: event.minutesUrl, status: event.cancelled ? 'cancelled' : 'scheduled', agendaKey });
  return series.id;
}

/** Syncs every linked source one after the other (the daily run). */
export async function syncAll(store: Store, clock: Clock, options: SyncOptions = {}): Promise<Map<number, SyncReport>> {
  const reports = new Map<number, SyncReport>();
  for (const source of store.meetingSources.live()) {
    try {
      reports.set(source.id, await syncSource(store, clock, source, options));
    } catch (error) {
      options.logger?.error({ err: error, source: source.id }, 'meeting source sync failed');
    }
  }
  return reports;
}
