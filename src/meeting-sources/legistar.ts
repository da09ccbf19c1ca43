// Legistar's public web API (https://webapi.legistar.com/v1/{client}/events): OData $filter,
// $orderby and $top/$skip paging (at most 1,000 rows a page). Dates and times are local strings
// without a zone ("2026-12-08T00:00:00", "9:30 AM"), read in the county's zone by the importer.
// A client name that does not exist answers 500 "LegistarConnectionString setting is not set up
// in InSite for client: …"; a client that needs a token answers 403 without one.
import { parseClockTime } from '../domain/repeat-phrases/parse.ts';
import { httpGet } from './http-get.ts';
import { legistarClient } from './legistar-client.ts';
import { SourceError, type AgendaItem, type ImportWindow, type MeetingSourceAdapter, type SourceEvent, type SourceLink } from './types.ts';

const PAGE = 1000;
/** A window holds a few hundred events at most; more pages than this means the filter was ignored. */
const MAX_PAGES = 20;

interface LegistarEvent {
  EventId: number;
  EventBodyName?: string | null;
  EventDate?: string | null;
  EventTime?: string | null;
  EventLocation?: string | null;
  EventAgendaFile?: string | null;
  EventMinutesFile?: string | null;
  EventVideoPath?: string | null;
  EventInSiteURL?: string | null;
  EventAgendaStatusName?: string | null;
  EventComment?: string | null;
  EventAgendaLastPublishedUTC?: string | null;
}

interface LegistarEventItem {
  EventItemAgendaNumber?: string | null;
  EventItemTitle?: string | null;
  EventItemMatterName?: string | null;
}

/** The API's base; tests point it at a local server. */
let apiBase = 'https://webapi.legistar.com/v1';
export function setLegistarBase(base: string): void {
  apiBase = base.replace(/\/$/, '');
}

const odataString = (value: string) => `'${value.replace(/'/g, "''")}'`;

function address(link: SourceLink, path: string, query: Record<string, string>): { url: string; shown: string } {
  const params = new URLSearchParams(query);
  const shown = `${apiBase}/${encodeURIComponent(link.locator)}${path}?${params}`;
  if (link.token) params.set('token', link.token);
  return { url: `${apiBase}/${encodeURIComponent(link.locator)}${path}?${params}`, shown };
}

async function getJson(link: SourceLink, path: string, query: Record<string, string>): Promise<unknown> {
  const { url, shown } = address(link, path, query);
  const answer = await httpGet(url, shown);
  if (answer.status === 401 || answer.status === 403) throw new SourceError('token', `${shown}: HTTP ${answer.status}`);
  if (answer.status === 404 || /LegistarConnectionString|not set up in InSite/i.test(answer.text)) throw new SourceError('not-found', `${shown}: HTTP ${answer.status}`);
  if (answer.status !== 200) throw new SourceError('down', `${shown}: HTTP ${answer.status}`);
  try {
    return JSON.parse(answer.text);
  } catch {
    throw new SourceError('malformed', `${shown}: not JSON`);
  }
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);
const url = (value: unknown): string | null => {
  const raw = text(value);
  return raw && /^https?:\/\//i.test(raw) ? raw : null;
};

/**
 * A body the county's Legistar does not list would import nothing, silently, forever: refused
 * with the bodies it does list (GET /bodies: BodyId, BodyName, BodyActiveFlag…).
 */
async function checkBody(link: SourceLink, body: string): Promise<void> {
  const rows = await getJson(link, '/bodies', {});
  if (!Array.isArray(rows)) throw new SourceError('malformed', 'bodies: not a list');
  const names = [...new Set((rows as { BodyName?: unknown }[]).map((r) => text(r?.BodyName)).filter((n): n is string => n !== null))].sort();
  if (!names.includes(body)) throw new SourceError('no-body', body, names);
}

/** An event row → the importer's shape; undefined without an id or a date, an empty time when none can be read (never guessed). */
function toEvent(row: LegistarEvent): SourceEvent | undefined {
  const date = /^(\d{4}-\d{2}-\d{2})/.exec(row.EventDate ?? '')?.[1];
  if (!date || typeof row.EventId !== 'number') return undefined;
  let time = '';
  try {
    time = parseClockTime(row.EventTime ?? '');
  } catch {
    // Left empty: the importer counts it as unreadable rather than inventing a time.
  }
  const status = `${row.EventAgendaStatusName ?? ''} ${row.EventComment ?? ''}`;
  return {
    externalId: String(row.EventId),
    body: text(row.EventBodyName) ?? 'County board',
    date,
    time,
    location: text(row.EventLocation),
    agendaUrl: url(row.EventAgendaFile),
    minutesUrl: url(row.EventMinutesFile),
    videoUrl: url(row.EventVideoPath),
    detailUrl: url(row.EventInSiteURL),
    cancelled: /\bcancel(?:l?ed|lation)\b/i.test(status),
    comment: text(row.EventComment),
    agendaVersion: url(row.EventAgendaFile) ? (text(row.EventAgendaLastPublishedUTC) ?? url(row.EventAgendaFile)) : null,
  };
}

export const legistarSource: MeetingSourceAdapter = {
  kind: 'legistar',
  checkLocator: legistarClient,
  async events(link, window: ImportWindow) {
    if (link.body) await checkBody(link, link.body);
    const filter = [`EventDate ge datetime'${window.from}'`, `EventDate lt datetime'${window.to}'`, ...(link.body ? [`EventBodyName eq ${odataString(link.body)}`] : [])].join(' and ');
    const events: SourceEvent[] = [];
    for (let page = 0; page < MAX_PAGES; page++) {
      const rows = await getJson(link, '/events', { $filter: filter, $orderby: 'EventDate,EventId', $top: String(PAGE), $skip: String(page * PAGE) });
      if (!Array.isArray(rows)) throw new SourceError('malformed', 'events: not a list');
      for (const row of rows as LegistarEvent[]) {
        const event = row && typeof row === 'object' ? toEvent(row) : undefined;
        // The API may ignore part of a filter; the window and body are checked again here.
        if (event && event.date >= window.from && event.date < window.to && (!link.body || event.body === link.body)) events.push(event);
      }
      if (rows.length < PAGE) return events;
    }
    throw new SourceError('malformed', `more than ${MAX_PAGES * PAGE} events in the window`);
  },
  async agendaItems(link, event) {
    const rows = await getJson(link, `/events/${encodeURIComponent(event.externalId)}/eventitems`, {});
    if (!Array.isArray(rows)) throw new SourceError('malformed', 'eventitems: not a list');
    const items: AgendaItem[] = [];
    for (const row of rows as LegistarEventItem[]) {
      const title = [text(row?.EventItemTitle), text(row?.EventItemMatterName)].filter(Boolean).join(' — ');
      if (title) items.push({ number: text(row.EventItemAgendaNumber), title });
    }
    return items;
  },
  publicUrl(link) {
    return `https://${link.locator}.legistar.com/Calendar.aspx`;
  },
};
