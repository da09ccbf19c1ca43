import { beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { syncAll, syncSource } from '../../src/meeting-sources/sync.ts';
import { syncDue } from '../../src/meeting-sources/daily.ts';
import { conversation } from '../helpers/conversation.ts';
import { setLegistarBase } from '../../src/meeting-sources/legistar.ts';
import { legistarEvent, startFakeLegistar, useFakeLegistar } from '../helpers/fake-legistar.ts';
import { placesStore } from '../scheduler/helpers.ts';

const LINK = 'meeting-source Cook, IL legistar cook-county "Board of Commissioners"';
const fake = useFakeLegistar();

beforeEach(() => {
  fake().clients.clear();
  fake().requests.length = 0;
});

describe('Legistar meetings imported into the county’s meetings', () => {
  it('GIVEN new, then moved, cancelled and deleted events THEN meetings, history and the counts follow, and a re-import changes nothing', async () => {
    fake().clients.set('cook-county', {
      events: [
        legistarEvent(101, '2026-12-08', '10:00 AM'),
        legistarEvent(102, '2026-12-15', '9:30 AM', {
          EventAgendaFile: 'https://example-county.legistar.com/View.ashx?M=A&ID=102',
          EventMinutesFile: 'https://example-county.legistar.com/View.ashx?M=M&ID=102',
          EventVideoPath: 'https://example-county.granicus.com/player/clip/102',
        }),
        legistarEvent(103, '2027-01-12', '10:00 AM'),
        legistarEvent(104, '2026-12-10', '1:00 PM', { EventBodyName: 'Finance Committee' }),
      ],
    });
    const store = placesStore();
    const chat = conversation({ store, moderator: true });
    const linked = await chat.ask(LINK);
    expect(linked.reply.title).toBe('Linked: Cook County, Illinois ← Legistar (cook-county)');
    expect(linked.text).toContain('3 added, 0 moved, 0 changed, 0 cancelled, 0 no longer listed, 0 unchanged');
    const meetings = await chat.ask('meetings Cook, IL');
    // 10:00 and 9:30 Central in December are 16:00 and 15:30 UTC, shown in local time.
    expect(meetings.text).toContain('2026-12-08 10:00 CST — Board of Commissioners');
    expect(meetings.text).toContain('2026-12-15 09:30 CST — Board of Commissioners');
    expect(meetings.text).not.toContain('Finance Committee');
    const withAgenda = store.meetings.liveFor('17031').find((m) => m.startsAt === '2026-12-15T15:30:00.000Z')!;
    expect(withAgenda.agendaUrl).toBe('https://example-county.legistar.com/View.ashx?M=A&ID=102');
    expect(withAgenda.livestreamUrl).toBe('https://example-county.granicus.com/player/clip/102');
    expect(store.meetingSources.linkOfMeeting(withAgenda.id)!.minutesUrl).toBe('https://example-county.legistar.com/View.ashx?M=M&ID=102');

    const client = fake().clients.get('cook-county')!;
    client.events = [
      legistarEvent(101, '2026-12-09', '2:00 PM'),
      legistarEvent(102, '2026-12-15', '9:30 AM', { EventAgendaStatusName: 'Cancelled', EventAgendaFile: 'https://example-county.legistar.com/View.ashx?M=A&ID=102', EventMinutesFile: 'https://example-county.legistar.com/View.ashx?M=M&ID=102', EventVideoPath: 'https://example-county.granicus.com/player/clip/102' }),
    ];
    const later = fixedClock('2026-11-25T11:00:00Z');
    const source = store.meetingSources.liveFor('17031')[0]!;
    const report = await syncSource(store, later, source);
    expect(report).toMatchObject({ outcome: 'ok', added: 0, moved: 1, cancelled: 1, deleted: 1, unchanged: 0 });
    const after = await chat.ask('meetings Cook, IL');
    expect(after.text).toContain('2026-12-09 14:00 CST — Board of Commissioners');
    expect(after.text).toContain('2026-12-15 09:30 CST — Board of Commissioners — CANCELLED');
    expect(after.text).toContain('2027-01-12 10:00 CST — Board of Commissioners — CANCELLED');
    const history = await chat.ask('history Cook, IL');
    expect(history.text).toContain('2026-12-08 10:00 CST → 2026-12-09 14:00 CST');
    expect(history.text).toContain('import:legistar');

    const changesBefore = store.changes.forJurisdiction('17031', 1000).length;
    const again = await syncSource(store, fixedClock('2026-11-26T11:00:00Z'), source);
    expect(again).toMatchObject({ added: 0, moved: 0, changed: 0, cancelled: 0, deleted: 0, unchanged: 2 });
    expect(store.changes.forJurisdiction('17031', 1000).length).toBe(changesBefore);
  });

  it('GIVEN 2,500 events in the window THEN every page is read ($top 1,000, $skip) and all are imported', async () => {
    const events = Array.from({ length: 2500 }, (_, i) => legistarEvent(5000 + i, `2026-12-${String(1 + (i % 28)).padStart(2, '0')}`, `${1 + (i % 11)}:00 PM`, { EventBodyName: 'Board of Commissioners' }));
    fake().clients.set('cook-county', { events });
    const store = placesStore();
    const { text } = await conversation({ store, moderator: true }).ask(LINK);
    expect(text).toContain('2500 added');
    const pages = fake().requests.filter((r) => r.startsWith('/v1/cook-county/events?'));
    expect(pages.map((r) => new URL(r, 'http://x').searchParams.get('$skip'))).toEqual(['0', '1000', '2000']);
  });

  it('GIVEN a client of 10,000 events over fourteen years THEN only the import window is asked for and imported', async () => {
    const events = Array.from({ length: 10_000 }, (_, i) => {
      const day = new Date(Date.UTC(2020, 0, 1) + i * 43_200_000 * 1.02).toISOString().slice(0, 10);
      return legistarEvent(20_000 + i, day, '10:00 AM');
    });
    // Counted independently of the importer: 2026-11-24 (today) up to 120 days later.
    const inWindow = events.filter((e) => e.EventDate.slice(0, 10) >= '2026-11-24' && e.EventDate.slice(0, 10) < '2027-03-24').length;
    fake().clients.set('cook-county', { events });
    const store = placesStore();
    const { text } = await conversation({ store, moderator: true }).ask(LINK);
    expect(inWindow).toBeGreaterThan(100);
    expect(text).toContain(`${inWindow} added`);
    expect(fake().requests.filter((r) => r.startsWith('/v1/cook-county/events?'))).toHaveLength(1);
  });

  it('GIVEN a client that requires a token THEN without it nothing is linked; with it the import runs and the token appears in no reply, record or history', async () => {
    fake().clients.set('cook-county', { token: 'sekret-123', events: [legistarEvent(1, '2026-12-08', '10:00 AM')] });
    const store = placesStore();
    const chat = conversation({ store, moderator: true });
    const refused = await chat.ask(LINK);
    expect(refused.reply.status).toBe('user_error');
    expect(refused.text).toContain('refused without a token');
    expect(store.meetingSources.liveFor('17031')).toHaveLength(0);
    const linked = await chat.ask(`${LINK} token:sekret-123`);
    expect(linked.text).toContain('1 added');
    expect(linked.text).toContain('never shown');
    expect(fake().requests.some((r) => r.includes('token=sekret-123'))).toBe(true);
    const everything = [linked.text, (await chat.ask('meetings Cook, IL')).text, (await chat.ask('history Cook, IL')).text, (await chat.ask('meeting-source Cook, IL')).text, JSON.stringify(store.meetings.liveFor('17031'))].join('\n');
    expect(everything).not.toContain('sekret');
  });

  it.each([
    ['a client name that does not exist', 'no-such-county', undefined, 'does not know that calendar'],
    ['malformed JSON', 'cook-county', '[{"EventId": 1, "EventDate": ', 'not a calendar'],
    ['an answer that is not a list', 'cook-county', '{"Message":"An error has occurred."}', 'not a calendar'],
  ])('GIVEN %s THEN refused saying so, nothing linked or imported', async (_what, client, raw, message) => {
    fake().clients.set('cook-county', { events: [legistarEvent(1, '2026-12-08', '10:00 AM')], ...(raw !== undefined ? { raw } : {}) });
    const store = placesStore();
    const { reply, text } = await conversation({ store, moderator: true }).ask(`meeting-source Cook, IL legistar ${client}`);
    expect(reply.status).toBe('user_error');
    expect(text).toContain(message);
    expect(store.meetings.liveFor('17031')).toHaveLength(0);
    expect(store.meetingSources.liveFor('17031')).toHaveLength(0);
  });

  it('GIVEN a body the county’s Legistar does not list THEN refused with the bodies it does list, nothing linked; the body as listed imports', async () => {
    fake().clients.set('cook-county', { events: [legistarEvent(1, '2026-12-08', '10:00 AM'), legistarEvent(2, '2026-12-10', '1:00 PM', { EventBodyName: 'Finance Committee' })] });
    const store = placesStore();
    const chat = conversation({ store, moderator: true });
    const { reply, text } = await chat.ask('meeting-source Cook, IL legistar cook-county "Board of Comissioners"');
    expect(reply.errorCode).toBe('source_no_body');
    expect(text).toContain('no body named "Board of Comissioners"');
    expect(text).toContain('It lists: "Board of Commissioners", "Finance Committee".');
    expect(store.meetingSources.liveFor('17031')).toEqual([]);
    expect(store.meetings.liveFor('17031')).toEqual([]);
    expect(fake().requests.some((r) => r.startsWith('/v1/cook-county/events?'))).toBe(false);
    const fixed = await chat.ask('meeting-source Cook, IL legistar cook-county "Finance Committee"');
    expect(fixed.text).toContain('1 added');
    expect(store.meetings.liveFor('17031').map((m) => m.body)).toEqual(['Finance Committee']);
  });

  it('GIVEN the API is down THEN the link is refused; a linked source that goes down keeps its meetings and records the outcome', async () => {
    fake().clients.set('cook-county', { events: [legistarEvent(1, '2026-12-08', '10:00 AM')] });
    const store = placesStore();
    const chat = conversation({ store, moderator: true });
    await chat.ask(LINK);
    const down = await startFakeLegistar();
    await down.close();
    setLegistarBase(down.base);
    try {
      const report = await syncSource(store, fixedClock('2026-11-25T11:00:00Z'), store.meetingSources.liveFor('17031')[0]!);
      expect(report.outcome).toBe('down');
      expect(store.meetings.liveFor('17031')).toHaveLength(1);
      expect(store.meetingSources.liveFor('17031')[0]!.lastOutcome).toBe('down');
      const { text } = await chat.ask('meeting-source Cook, IL legistar other-county');
      expect(text).toContain('did not answer');
    } finally {
      setLegistarBase(fake().base);
    }
  });

  it('GIVEN an event without a readable time THEN it is left out and counted, not given an invented time', async () => {
    fake().clients.set('cook-county', { events: [legistarEvent(1, '2026-12-08', null), legistarEvent(2, '2026-12-09', 'TBD'), legistarEvent(3, '2026-12-10', '10:00 AM')] });
    const store = placesStore();
    const { text } = await conversation({ store, moderator: true }).ask(LINK);
    expect(text).toContain('1 added');
    expect(text).toContain('2 without a readable date or time');
  });

  it('GIVEN a linked source THEN the daily run is due only a day after the last import, and picks up a new meeting', async () => {
    fake().clients.set('cook-county', { events: [legistarEvent(1, '2026-12-08', '10:00 AM')] });
    const store = placesStore();
    await conversation({ store, moderator: true }).ask(LINK);
    expect(syncDue(store, fixedClock('2026-11-25T14:59:00Z'))).toBe(false);
    const nextDay = fixedClock('2026-11-25T15:00:00Z');
    expect(syncDue(store, nextDay)).toBe(true);
    fake().clients.get('cook-county')!.events.push(legistarEvent(2, '2026-12-22', '10:00 AM'));
    const reports = await syncAll(store, nextDay);
    expect([...reports.values()]).toMatchObject([{ outcome: 'ok', added: 1, unchanged: 1 }]);
    expect(syncDue(store, nextDay)).toBe(false);
  });
});
