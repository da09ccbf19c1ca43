import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversation } from '../helpers/conversation.ts';
import { placesStore } from '../scheduler/helpers.ts';

// A county calendar as such servers publish it: a weekly series in the county's zone, one
// occurrence moved (RECURRENCE-ID), one cancelled, and a one-off meeting in UTC.
const CALENDAR = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Example County//Agenda Center//EN',
  'BEGIN:VTIMEZONE',
  'TZID:America/Chicago',
  'BEGIN:STANDARD',
  'DTSTART:19701101T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU',
  'TZOFFSETFROM:-0500',
  'TZOFFSETTO:-0600',
  'END:STANDARD',
  'BEGIN:DAYLIGHT',
  'DTSTART:19700308T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU',
  'TZOFFSETFROM:-0600',
  'TZOFFSETTO:-0500',
  'END:DAYLIGHT',
  'END:VTIMEZONE',
  'BEGIN:VEVENT',
  'UID:court-weekly@example.org',
  'DTSTAMP:20261101T000000Z',
  'DTSTART;TZID=America/Chicago:20261201T090000',
  'DTEND;TZID=America/Chicago:20261201T120000',
  'RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=4',
  'SUMMARY:Commissioners Court',
  'LOCATION:700 Lavaca St\\, Austin',
  'URL:https://example.org/court',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:court-weekly@example.org',
  'DTSTAMP:20261101T000000Z',
  'RECURRENCE-ID;TZID=America/Chicago:20261208T090000',
  'DTSTART;TZID=America/Chicago:20261209T140000',
  'DTEND;TZID=America/Chicago:20261209T170000',
  'SUMMARY:Commissioners Court',
  'LOCATION:700 Lavaca St\\, Austin',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:court-weekly@example.org',
  'DTSTAMP:20261101T000000Z',
  'RECURRENCE-ID;TZID=America/Chicago:20261215T090000',
  'DTSTART;TZID=America/Chicago:20261215T090000',
  'STATUS:CANCELLED',
  'SUMMARY:Commissioners Court',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:budget-hearing@example.org',
  'DTSTAMP:20261101T000000Z',
  'DTSTART:20270105T000000Z',
  'SUMMARY:Commissioners Court',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/court.ics') {
      res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8' });
      res.end(CALENDAR);
    } else if (req.url === '/not-a-calendar.ics') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>Agenda Center</html>');
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('a county’s plain .ics address as a meeting source', () => {
  it('GIVEN a weekly series with a moved and a cancelled occurrence and a one-off THEN each lands as a meeting in local time', async () => {
    const store = placesStore();
    const chat = conversation({ store, moderator: true });
    const linked = await chat.ask(`meeting-source Travis, TX ics ${base}/court.ics`);
    expect(linked.reply.status).toBe('ok');
    // Four weekly occurrences (one moved, one cancelled) and the one-off.
    expect(linked.text).toContain('5 added');
    const { text } = await chat.ask('meetings Travis, TX');
    expect(text).toContain('2026-12-01 09:00 CST — Commissioners Court');
    expect(text).toContain('2026-12-09 14:00 CST — Commissioners Court');
    expect(text).not.toContain('2026-12-08 09:00 CST');
    expect(text).toContain('2026-12-15 09:00 CST — Commissioners Court — CANCELLED');
    expect(text).toContain('2026-12-22 09:00 CST — Commissioners Court');
    // 2027-01-05 00:00 UTC is the evening before in Austin.
    expect(text).toContain('2027-01-04 18:00 CST — Commissioners Court');
    const again = await chat.ask(`meeting-source Travis, TX ics ${base}/court.ics`);
    expect(again.text).toContain('0 added, 0 moved, 0 changed, 0 cancelled, 0 no longer listed, 5 unchanged');
  });

  it.each([
    ['/missing.ics', 'does not know that calendar'],
    ['/not-a-calendar.ics', 'not a calendar'],
  ])('GIVEN %s THEN refused saying so', async (path, message) => {
    const store = placesStore();
    const { reply, text } = await conversation({ store, moderator: true }).ask(`meeting-source Travis, TX ics ${base}${path}`);
    expect(reply.status).toBe('user_error');
    expect(text).toContain(message);
  });
});
