// Subscribable calendars: GET /calendar/<county-or-state>.ics serves what `calendar` attaches,
// kept current. ETag (over the events, not the DTSTAMP that changes every build), Cache-Control,
// a per-client rate limit, and a 404 for a place it does not know. No personal data: only the
// public record (events, places, sources), never who recorded them.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { buildCalendar, type CalendarScope } from '../calendar/ics.ts';
import type { Clock } from '../clock.ts';
import { STATES, type StateCode } from '../domain/states.ts';
import type { Jurisdiction } from '../domain/types.ts';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/index.ts';
import type { HttpRoute } from './routes.ts';

export const FEED_PREFIX = '/calendar/';
const PER_MINUTE = 30;

/** 'Travis County, TX' → 'travis-county-tx'; 'Texas' → 'texas' (the names `calendar` gives its files). */
export function slugOf(name: string): string {
  return name.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export const countySlug = (j: Pick<Jurisdiction, 'name' | 'state'>) => slugOf(`${j.name}, ${j.state}`);

/** The feed's addresses for a place, when the bot has a public URL. */
export function feedAddresses(publicUrl: string, slug: string): { https: string; webcal: string } {
  const https = `${publicUrl.replace(/\/$/, '')}${FEED_PREFIX}${slug}.ics`;
  return { https, webcal: https.replace(/^https?:\/\//, 'webcal://') };
}

function scopeIndex(store: Store): Map<string, CalendarScope> {
  const index = new Map<string, CalendarScope>();
  for (const [code, name] of Object.entries(STATES)) {
    const scope: CalendarScope = { kind: 'state', state: code as StateCode };
    index.set(slugOf(name), scope);
    index.set(code.toLowerCase(), scope);
  }
  for (const j of store.jurisdictions.all()) index.set(countySlug(j), { kind: 'jurisdiction', jurisdiction: j });
  return index;
}

/** A fixed window of requests per client address. */
class RateLimit {
  private readonly hits = new Map<string, { windowStart: number; count: number }>();
  constructor(private readonly perMinute: number) {}
  allow(client: string, now: number): boolean {
    const hit = this.hits.get(client);
    if (!hit || now - hit.windowStart >= 60_000) {
      if (this.hits.size > 10_000) this.hits.clear();
      this.hits.set(client, { windowStart: now, count: 1 });
      return true;
    }
    hit.count++;
    return hit.count <= this.perMinute;
  }
}

export function calendarFeedRoute(deps: { store: Store; clock: Clock; logger?: Logger }, options: { perMinute?: number } = {}): HttpRoute {
  let index: Map<string, CalendarScope> | undefined;
  const limit = new RateLimit(options.perMinute ?? PER_MINUTE);
  const cache = new Map<string, { version: string; body: string; etag: string }>();
  const latestChange = deps.store.db.prepare<[], { id: number }>('SELECT max(id) AS id FROM change_log');
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const now = deps.clock.now().getTime();
    if (!limit.allow(req.socket.remoteAddress ?? 'unknown', now)) {
      res.writeHead(429, { 'retry-after': '60', 'content-type': 'text/plain; charset=utf-8' });
      res.end('Too many requests; calendar apps need not refresh more than hourly.\n');
      return;
    }
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const slug = /^\/calendar\/([a-z0-9-]+)\.ics$/.exec(path)?.[1];
    index ??= scopeIndex(deps.store);
    const scope = slug ? index.get(slug) : undefined;
    if (!scope) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('No such county or state. Addresses look like /calendar/travis-county-tx.ics or /calendar/texas.ics.\n');
      return;
    }
    // Every write to meetings and elections appends to change_log: its newest id (and the day,
    // for computed elections) says whether a built calendar is still current.
    const version = `${slug} ${new Date(now).toISOString().slice(0, 10)} ${latestChange.get()?.id ?? 0}`;
    let built = cache.get(slug!);
    try {
      if (built?.version !== version) {
        const body = buildCalendar(deps.store, deps.clock, scope).attachment.content as string;
        built = { version, body, etag: `"${createHash('sha256').update(body.replace(/^DTSTAMP:.*$/gm, '')).digest('base64url').slice(0, 27)}"` };
        if (cache.size > 500) cache.clear();
        cache.set(slug!, built);
      }
    } catch (error) {
      deps.logger?.error({ err: error, path }, 'calendar feed failed');
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The calendar could not be built; try again later.\n');
      return;
    }
    const { body, etag } = built;
    const headers = { etag, 'cache-control': 'public, max-age=900' };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(200, { ...headers, 'content-type': 'text/calendar; charset=utf-8' });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  return { path: FEED_PREFIX, method: ['GET', 'HEAD'], handler };
}

/** The bot's public base URL (PUBLIC_URL), set once at start; undefined when feeds are not served. */
let publicBase: string | undefined;
export function setPublicUrl(url: string | undefined): void {
  publicBase = url;
}
export function publicUrl(): string | undefined {
  return publicBase;
}
