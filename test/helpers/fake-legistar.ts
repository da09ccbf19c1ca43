// A local stand-in for webapi.legistar.com that answers as the real API does (shapes from public
// documentation of it: /v1/{client}/events with OData $filter/$orderby/$top/$skip, at most 1,000
// rows a page, dates as local strings without a zone; /bodies; 500 "LegistarConnectionString…" for a
// client that does not exist; 403 without the token a client requires).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { setLegistarBase } from '../../src/meeting-sources/legistar.ts';

export interface FakeEvent {
  EventId: number;
  EventGuid?: string;
  EventBodyId?: number;
  EventBodyName: string;
  EventDate: string;
  EventTime: string | null;
  EventLocation?: string | null;
  EventAgendaFile?: string | null;
  EventMinutesFile?: string | null;
  EventVideoPath?: string | null;
  EventInSiteURL?: string | null;
  EventAgendaStatusName?: string | null;
  EventMinutesStatusName?: string | null;
  EventComment?: string | null;
  EventAgendaLastPublishedUTC?: string | null;
  EventItems?: unknown[];
}

export interface FakeClient {
  events: FakeEvent[];
  items?: Map<number, { EventItemId: number; EventItemAgendaNumber: string | null; EventItemTitle: string | null; EventItemMatterName?: string | null }[]>;
  token?: string;
  /** Answer events with this text instead of JSON. */
  raw?: string;
}

export interface FakeLegistar {
  base: string;
  clients: Map<string, FakeClient>;
  requests: string[];
  close(): Promise<void>;
}

/** A Legistar-shaped event, with the fields real responses carry. */
export function legistarEvent(id: number, date: string, time: string | null, extra: Partial<FakeEvent> = {}): FakeEvent {
  return {
    EventId: id,
    EventGuid: `GUID-${id}`,
    EventBodyId: 138,
    EventBodyName: 'Board of Commissioners',
    EventDate: `${date}T00:00:00`,
    EventTime: time,
    EventLocation: 'County Building, 118 N. Clark Street, Room 567',
    EventAgendaFile: null,
    EventMinutesFile: null,
    EventVideoPath: null,
    EventInSiteURL: `https://example-county.legistar.com/MeetingDetail.aspx?LEGID=${id}`,
    EventAgendaStatusName: 'Draft',
    EventMinutesStatusName: 'Draft',
    EventComment: null,
    EventAgendaLastPublishedUTC: null,
    EventItems: [],
    ...extra,
  };
}

function filtered(events: FakeEvent[], filter: string): FakeEvent[] {
  const ge = /EventDate ge datetime'([\d-]+)'/.exec(filter)?.[1];
  const lt = /EventDate lt datetime'([\d-]+)'/.exec(filter)?.[1];
  const body = /EventBodyName eq '((?:[^']|'')*)'/.exec(filter)?.[1]?.replace(/''/g, "'");
  return events.filter((e) => (!ge || e.EventDate.slice(0, 10) >= ge) && (!lt || e.EventDate.slice(0, 10) < lt) && (!body || e.EventBodyName === body));
}

export async function startFakeLegistar(): Promise<FakeLegistar> {
  const clients = new Map<string, FakeClient>();
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname + url.search);
    const match = /^\/v1\/([^/]+)\/(?:events(?:\/(\d+)\/eventitems)?|(bodies))$/.exec(url.pathname);
    const client = match ? clients.get(decodeURIComponent(match[1]!)) : undefined;
    const send = (status: number, body: string) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(body);
    };
    if (!match || !client) return send(500, JSON.stringify({ Message: `LegistarConnectionString setting is not set up in InSite for client: ${match?.[1] ?? ''}` }));
    if (client.token && url.searchParams.get('token') !== client.token) return send(403, JSON.stringify({ Message: 'Key or Token is required' }));
    if (client.raw !== undefined) return send(200, client.raw);
    if (match[2]) return send(200, JSON.stringify(client.items?.get(Number(match[2])) ?? []));
    if (match[3]) {
      // The bodies its events name, as /bodies lists them.
      const names = [...new Set(client.events.map((e) => e.EventBodyName))];
      return send(200, JSON.stringify(names.map((BodyName, i) => ({ BodyId: 100 + i, BodyName, BodyActiveFlag: 1, BodyTypeName: 'Primary Legislative Body' }))));
    }
    const rows = filtered(client.events, url.searchParams.get('$filter') ?? '').sort((a, b) => a.EventDate.localeCompare(b.EventDate) || a.EventId - b.EventId);
    const skip = Number(url.searchParams.get('$skip') ?? 0);
    const top = Math.min(Number(url.searchParams.get('$top') ?? 1000), 1000);
    send(200, JSON.stringify(rows.slice(skip, skip + top)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}/v1`,
    clients,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The fake for one test file, with the importer pointed at it (and back at the real API after). */
export function useFakeLegistar(): () => FakeLegistar {
  let fake: FakeLegistar | undefined;
  beforeAll(async () => {
    fake = await startFakeLegistar();
    setLegistarBase(fake.base);
  });
  afterAll(async () => {
    setLegistarBase('https://webapi.legistar.com/v1');
    await fake?.close();
  });
  return () => fake!;
}
