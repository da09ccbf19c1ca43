import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { calendarFeedRoute, setPublicUrl } from '../../src/http/calendar-feed.ts';
import { startHttpServer, type RunningHttp } from '../../src/http/routes.ts';
import { conversation } from '../helpers/conversation.ts';
import { testClock } from '../helpers/store.ts';
import { placesStore } from '../scheduler/helpers.ts';

const SRC = 'source:https://www.traviscountytx.gov/commissioners-court';
let server: RunningHttp | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
  setPublicUrl(undefined);
});

async function serve(perMinute?: number) {
  const store = placesStore();
  server = await startHttpServer([calendarFeedRoute({ store, clock: testClock }, perMinute ? { perMinute } : {})], 0, '127.0.0.1');
  return { store, base: `http://127.0.0.1:${server.port}` };
}

/** The VEVENTs of a feed, read by a real iCalendar parser. */
function events(body: string) {
  return new ICAL.Component(ICAL.parse(body)).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
}

describe('calendar feeds over HTTP', () => {
  it('GIVEN a county THEN its feed parses, carries its meetings with stable UIDs, honours ETag and shows a change', async () => {
    const { store, base } = await serve();
    const chat = conversation({ store, moderator: true });
    await chat.ask(`meeting-add Travis, TX body:"Commissioners Court" date:2026-12-01 time:9am repeat:every tuesday ${SRC}`);
    const first = await fetch(`${base}/calendar/travis-county-tx.ics`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(first.headers.get('cache-control')).toBe('public, max-age=900');
    const body = await first.text();
    const parsed = events(body);
    const meetings = parsed.filter((e) => e.summary.startsWith('Commissioners Court'));
    // Weekly from 2026-12-01 for the year ahead (to 2027-11-25): 52 Tuesdays.
    expect(meetings).toHaveLength(52);
    expect(meetings[0]!.startDate.toJSDate().toISOString()).toBe('2026-12-01T15:00:00.000Z');
    expect(body).not.toMatch(/test:user|console:|discord:/);
    const etag = first.headers.get('etag')!;
    const again = await fetch(`${base}/calendar/travis-county-tx.ics`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    const uids = meetings.map((e) => e.uid);

    await chat.ask(`meeting-cancel 1 on:2026-12-08 ${SRC}`);
    const changed = await fetch(`${base}/calendar/travis-county-tx.ics`, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    const after = events(await changed.text()).filter((e) => e.summary.startsWith('Commissioners Court'));
    expect(after.map((e) => e.uid)).toEqual(uids);
    const cancelled = after.find((e) => e.startDate.toJSDate().toISOString() === '2026-12-08T15:00:00.000Z')!;
    expect(cancelled.component.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('GIVEN a state by name or code THEN its feed is served; an unknown place is a 404', async () => {
    const { base } = await serve();
    const texas = await fetch(`${base}/calendar/texas.ics`);
    expect(texas.status).toBe(200);
    expect(events(await texas.text()).length).toBeGreaterThan(0);
    expect((await fetch(`${base}/calendar/tx.ics`)).status).toBe(200);
    expect((await fetch(`${base}/calendar/atlantis-county-zz.ics`)).status).toBe(404);
    expect((await fetch(`${base}/elsewhere`)).status).toBe(404);
  });

  it('GIVEN one client asking too often THEN it is told to slow down (429 with Retry-After)', async () => {
    const { base } = await serve(3);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(`${base}/calendar/texas.ics`)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('GIVEN PUBLIC_URL THEN `calendar` answers with the webcal:// and https:// addresses besides the file', async () => {
    setPublicUrl('https://bot.example.org');
    const { text, reply } = await conversation({ store: placesStore() }).ask('calendar Travis, TX');
    expect(text).toContain('webcal://bot.example.org/calendar/travis-county-tx.ics');
    expect(text).toContain('https://bot.example.org/calendar/travis-county-tx.ics');
    expect(reply.attachments).toHaveLength(1);
  });
});
