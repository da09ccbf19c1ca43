import { describe, expect, it } from 'vitest';
import { matchAgenda } from '../../src/domain/agenda-watch.ts';
import { syncSource } from '../../src/meeting-sources/sync.ts';
import { conversation } from '../helpers/conversation.ts';
import { legistarEvent, useFakeLegistar } from '../helpers/fake-legistar.ts';
import { channel, ManualClock, placesStore, recordingSender, schedulerFor, subscribe } from '../scheduler/helpers.ts';

const COOK = '17031';
const AGENDA = 'https://example-county.legistar.com/View.ashx?M=A&ID=201';

describe('the agenda watch keywords', () => {
  it.each([
    ['Intergovernmental agreement under Section 287(g) with U.S. Immigration and Customs Enforcement', ['287(g)', 'immigration']],
    ['Report from ICE on detainers lodged at the county jail', ['ICE', 'detainers']],
    ['Renewal of the jail food services contract', ['jail or detention contract']],
    ["Transfer of funds within the Sheriff's budget", ["sheriff's budget"]],
    ['Contrato de la cárcel con el gobierno federal', ['jail or detention contract']],
    ['Informe sobre inmigración en el condado', ['immigration']],
  ])('GIVEN "%s" THEN it matches %s', (title, keywords) => {
    expect(matchAgenda([{ number: '1', title }])[0]!.keywords).toEqual(keywords);
  });

  it.each(['Police pension board appointments', 'Office of the County Clerk report', 'NOTICE OF PUBLIC HEARING', 'Approval of minutes', 'Price of ice for the fair'])('GIVEN "%s" THEN nothing matches', (title) => {
    expect(matchAgenda([{ number: '1', title }])).toEqual([]);
  });
});

describe('agenda watch alerts', () => {
  const fake = useFakeLegistar();

  it('GIVEN an imported agenda with a 287(g) item THEN each channel following the county’s meetings gets one alert; "Police" and "office" items are not listed; a re-import alerts nothing', async () => {
    const items = [
      { EventItemId: 1, EventItemAgendaNumber: '26-0101', EventItemTitle: 'Police pension board appointments' },
      { EventItemId: 2, EventItemAgendaNumber: '26-0102', EventItemTitle: 'Office of the County Clerk quarterly report' },
      { EventItemId: 3, EventItemAgendaNumber: '26-0103', EventItemTitle: 'Resolution opposing a 287(g) agreement between the Sheriff and ICE' },
      ...Array.from({ length: 6 }, (_, i) => ({ EventItemId: 10 + i, EventItemAgendaNumber: `26-02${i}`, EventItemTitle: `Immigration legal services grant, part ${i + 1}` })),
    ];
    fake().clients.set('cook-county', {
      events: [legistarEvent(201, '2026-12-08', '10:00 AM', { EventAgendaFile: AGENDA, EventAgendaStatusName: 'Final', EventAgendaLastPublishedUTC: '2026-11-20T18:00:00', EventComment: 'Public comment: sign up at cookcountyil.gov/speak by 5 PM the day before' })],
      items: new Map([[201, items]]),
    });
    const store = placesStore();
    const clock = new ManualClock('2026-11-24T15:00:00.000Z');
    subscribe(store, channel('cook-meetings'), { state: 'IL', fips: COOK }, '2026-11-01T00:00:00.000Z', ['meetings', 'agenda']);
    subscribe(store, channel('illinois'), { state: 'IL', fips: null }, '2026-11-01T00:00:00.000Z', ['meetings', 'agenda']);
    subscribe(store, channel('cook-positions'), { state: 'IL', fips: COOK }, '2026-11-01T00:00:00.000Z', ['positions']);
    const sender = recordingSender();
    const scheduler = schedulerFor(store, clock, [sender]);
    await scheduler.tick();
    const chat = conversation({ store, moderator: true });
    await chat.ask('meeting-source Cook, IL legistar cook-county "Board of Commissioners"');
    await scheduler.tick();
    const agendaPosts = sender.posted.filter((p) => p.key && p.text.startsWith('Agenda watch'));
    expect(agendaPosts.map((p) => p.channelId).sort()).toEqual(['cook-meetings', 'illinois']);
    const text = agendaPosts[0]!.text;
    expect(text).toContain('Agenda watch: Board of Commissioners, Cook County, IL');
    expect(text).toContain('7 of the 9 agenda items mention immigration enforcement');
    expect(text).toContain('26-0103 Resolution opposing a 287(g) agreement between the Sheriff and ICE');
    expect(text).not.toContain('Police pension');
    expect(text).not.toContain('County Clerk');
    // Five listed, the other two behind the agenda link.
    expect(text).toContain('… and 2 more');
    expect(text).toContain(AGENDA);
    expect(text).toContain('Public comment: Public comment: sign up at cookcountyil.gov/speak by 5 PM the day before');

    // The agenda republished and imported again: no second alert.
    fake().clients.get('cook-county')!.events[0]!.EventAgendaLastPublishedUTC = '2026-11-25T09:00:00';
    clock.set('2026-11-25T15:00:00.000Z');
    await syncSource(store, clock, store.meetingSources.liveFor(COOK)[0]!);
    await syncSource(store, clock, store.meetingSources.liveFor(COOK)[0]!);
    await scheduler.tick();
    expect(sender.posted.filter((p) => p.text.startsWith('Agenda watch'))).toHaveLength(2);
    expect(store.deliveries.all().filter((d) => d.lead === 'agenda')).toHaveLength(2);
  });
});
