/**
 * Minutes and video of imported meetings, from Legistar's own fields (EventAgendaFile,
 * EventVideoPath, EventMinutesFile): shown in `meetings`, in reminders and in the calendar feed
 * (DESCRIPTION and URL), and picked up when the county publishes the minutes after the meeting.
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../../src/calendar/ics.ts';
import { syncSource } from '../../src/meeting-sources/sync.ts';
import { conversation } from '../helpers/conversation.ts';
import { legistarEvent, useFakeLegistar } from '../helpers/fake-legistar.ts';
import { channel, ManualClock, placesStore, recordingSender, schedulerFor, subscribe } from '../scheduler/helpers.ts';

const COOK = '17031';
const AGENDA = 'https://example-county.legistar.com/View.ashx?M=A&ID=401&GUID=AAAA';
const VIDEO = 'https://example-county.granicus.com/MediaPlayer.php?view_id=2&clip_id=401';
const MINUTES = 'https://example-county.legistar.com/View.ashx?M=M&ID=401&GUID=AAAA';
const MINUTES_402 = 'https://example-county.legistar.com/View.ashx?M=M&ID=402&GUID=BBBB';

const fake = useFakeLegistar();

const vevents = (content: string) => new ICAL.Component(ICAL.parse(content)).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));

describe('minutes and video of imported meetings', () => {
  it('GIVEN a Legistar meeting with agenda and video, minutes published after it THEN `meetings`, the reminder and the calendar show each link the source gives', async () => {
    fake().clients.set('cook-county', {
      events: [
        legistarEvent(401, '2026-12-08', '10:00 AM', { EventAgendaFile: AGENDA, EventVideoPath: VIDEO }),
        legistarEvent(402, '2026-12-15', '10:00 AM', { EventMinutesFile: MINUTES_402 }),
      ],
    });
    const store = placesStore();
    const chat = conversation({ store, moderator: true });
    await chat.ask('meeting-source Cook, IL legistar cook-county');
    const [m401, m402] = store.meetings.liveFor(COOK);

    const before = await chat.ask('meetings Cook, IL');
    const line401 = before.text.split('\n').find((l) => l.includes(`#${m401!.id} Board of Commissioners`))!;
    expect(line401).toContain(`agenda <${AGENDA}>`);
    expect(line401).toContain(`livestream <${VIDEO}>`);
    expect(line401).not.toContain('minutes');
    expect(before.text.split('\n').find((l) => l.includes(`#${m402!.id} Board of Commissioners`))).toContain(`minutes <${MINUTES_402}>`);

    // The 3-day reminder of the 15 December meeting carries its minutes link.
    const clock = new ManualClock('2026-11-24T15:00:00.000Z');
    subscribe(store, channel('cook'), { state: 'IL', fips: COOK }, '2026-11-24T15:00:00.000Z', ['meetings']);
    const sender = recordingSender();
    const scheduler = schedulerFor(store, clock, [sender]);
    await scheduler.tick();
    clock.set('2026-12-12T16:00:00.000Z');
    await scheduler.tick();
    const reminder = sender.posted.find((p) => p.reply.sections.some((s) => s.fields?.some((f) => f.label === 'Minutes')))!;
    expect(reminder.text).toContain(`Minutes: ${MINUTES_402}`);
    expect(reminder.text).toContain('Board of Commissioners');

    // After the 8 December meeting the county publishes its minutes; the next daily import finds them.
    fake().clients.get('cook-county')!.events[0]!.EventMinutesFile = MINUTES;
    clock.set('2026-12-20T12:00:00.000Z');
    const report = await syncSource(store, clock, store.meetingSources.liveFor(COOK)[0]!);
    expect(report).toMatchObject({ outcome: 'ok', added: 0, changed: 1, unchanged: 1, deleted: 0 });
    expect((await chat.ask('meetings Cook, IL')).text.split('\n').find((l) => l.includes(`#${m401!.id} Board of Commissioners`))).toContain(`minutes <${MINUTES}>`);

    const { attachment } = buildCalendar(store, clock, { kind: 'jurisdiction', jurisdiction: store.jurisdictions.byFips(COOK)! });
    const events = vevents(attachment.content);
    const past = events.find((e) => e.startDate.toJSDate().toISOString() === '2026-12-08T16:00:00.000Z')!;
    const description = String(past.component.getFirstPropertyValue('description'));
    expect(description).toContain(`Agenda: ${AGENDA}`);
    expect(description).toContain(`Livestream: ${VIDEO}`);
    expect(description).toContain(`Minutes: ${MINUTES}`);
    expect(past.component.getFirstPropertyValue('url')).toBe(MINUTES);
  });

  it('GIVEN a past Legistar meeting the bot never imported THEN the look-back for minutes does not add it', async () => {
    fake().clients.set('cook-county', { events: [legistarEvent(501, '2026-11-10', '10:00 AM', { EventMinutesFile: MINUTES }), legistarEvent(502, '2026-12-01', '10:00 AM')] });
    const store = placesStore();
    const { text } = await conversation({ store, moderator: true }).ask('meeting-source Cook, IL legistar cook-county');
    expect(text).toContain('1 added');
    expect(store.meetings.liveFor(COOK).map((m) => m.startsAt)).toEqual(['2026-12-01T16:00:00.000Z']);
  });
});
