/**
 * Slack in HTTP mode: the calendar feeds are served by Bolt's own HTTP receiver, on the port
 * Slack's requests arrive on (one public address, one open port).
 */
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarFeedRoute } from '../../../src/http/calendar-feed.ts';
import { conversation } from '../../helpers/conversation.ts';
import { coreApp, shown, startHarness, type Harness } from './harness.ts';

const SRC = 'source:https://www.traviscountytx.gov/commissioners-court';
let h: Harness;

beforeAll(async () => {
  const core = coreApp();
  h = await startHarness({ mode: 'http', core, routes: [calendarFeedRoute(core)] });
});
afterAll(() => h?.stop());

describe('GIVEN Slack in HTTP mode with the calendar feeds', () => {
  it('THEN a feed and a slash command are answered on the same port', async () => {
    await conversation({ store: h.core.store, moderator: true }).ask(`meeting-add Travis, TX body:"Commissioners Court" date:2026-12-01 time:9am repeat:first tuesday ${SRC}`);
    const base = new URL(h.eventsUrl).origin;
    const feed = await fetch(`${base}/calendar/travis-county-tx.ics`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const events = new ICAL.Component(ICAL.parse(await feed.text())).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    const meetings = events.filter((e) => e.summary.startsWith('Commissioners Court'));
    // First Tuesdays from 2026-12-01 for the year ahead: Dec 2026 … Nov 2027.
    expect(meetings).toHaveLength(12);
    expect(meetings[0]!.startDate.toJSDate().toISOString()).toBe('2026-12-01T15:00:00.000Z');
    expect((await fetch(`${base}/calendar/nowhere-county-zz.ics`)).status).toBe(404);

    const answer = await h.command('meetings Travis, TX');
    expect(shown(answer)).toContain('Commissioners Court');
  });
});
