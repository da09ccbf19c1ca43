import { describe, expect, it } from 'vitest';
import { PermanentDeliveryError } from '../../src/delivery/errors.ts';
import type { Store } from '../../src/store/index.ts';
import { addTravisMeeting, channel, ManualClock, placesStore, recordingSender, schedulerFor, subscribe } from './helpers.ts';

const TRAVIS = '48453';

function spanish(store: Store, channelId: string, workspaceId = 'guild-1') {
  store.languages.set({ platform: 'discord', workspaceId, channelId }, 'es', 'test:mod', '2026-01-01T00:00:00.000Z');
}

describe('reminders and alerts in the language of the channel they go to', () => {
  it('GIVEN a Spanish channel and an English one subscribed to meetings THEN each reminder is written in its channel’s language', async () => {
    const store = placesStore();
    addTravisMeeting(store);
    subscribe(store, channel('es'), { state: 'TX', fips: TRAVIS }, '2026-02-01T00:00:00.000Z', ['meetings']);
    subscribe(store, channel('en'), { state: 'TX', fips: TRAVIS }, '2026-02-01T00:00:00.000Z', ['meetings']);
    spanish(store, 'es');
    const clock = new ManualClock('2026-02-07T15:00:00.000Z');
    const sender = recordingSender();
    await schedulerFor(store, clock, [sender]).tick();
    const es = sender.posted.filter((p) => p.channelId === 'es');
    const en = sender.posted.filter((p) => p.channelId === 'en');
    expect(es.length).toBeGreaterThan(0);
    expect(es.map((p) => p.reply.title)).toContain('Commissioners Court (Travis County, TX) se reúne en 3 días');
    expect(en.map((p) => p.reply.title)).toContain('Commissioners Court (Travis County, TX) meets in 3 days');
    const text = es.find((p) => p.reply.title.endsWith('en 3 días'))!.text;
    expect(text).toContain('Dónde: 700 Lavaca St, Austin');
    expect(text).toContain('Por qué importa: 287(g) renewal on the agenda');
    expect(text).toContain('cada semana el martes');
    expect(text).toContain('Para dejar de recibirlos: unsubscribe Travis County, TX meetings');
    expect(en.find((p) => p.reply.title.endsWith('in 3 days'))!.text).toContain('Where: 700 Lavaca St, Austin');
  });

  it('GIVEN a server set to Spanish and a channel of another server THEN a change alert is in Spanish there and English here', async () => {
    const store = placesStore();
    const j = store.jurisdictions.byFips(TRAVIS)!;
    const office = store.offices.ensureSheriff(j);
    subscribe(store, channel('es', 'guild-es'), { state: 'TX', fips: TRAVIS }, '2026-03-01T00:00:00.000Z', ['positions']);
    subscribe(store, channel('en'), { state: 'TX', fips: TRAVIS }, '2026-03-01T00:00:00.000Z', ['positions']);
    spanish(store, '', 'guild-es');
    const clock = new ManualClock('2026-03-01T12:00:00.000Z');
    store.positions.record({
      officeId: office.id, topic: 'detainers', slot: '', value: 'yes', detail: null, effectiveDate: null, documentUrl: null,
      source: { title: 'Sheriff press release', url: 'https://example.org/source', date: '2026-03-01' }, dataset: null, by: 'discord:42', at: clock.now().toISOString(),
    });
    const sender = recordingSender();
    await schedulerFor(store, clock, [sender]).tick();
    const byChannel = Object.fromEntries(sender.posted.map((p) => [p.channelId, p.text]));
    expect(byChannel.es).toContain("Cambio: Travis County Sheriff's Office");
    expect(byChannel.es).toContain('Retiene a personas con solicitudes de detención de ICE sin orden judicial: sin registrar → Sí');
    expect(byChannel.es).toContain('Fuente: Sheriff press release');
    expect(byChannel.es).toContain('Su postura y cómo contactarlos: sheriff Travis County, TX');
    expect(byChannel.en).toContain("Changed: Travis County Sheriff's Office");
    expect(byChannel.en).toContain('Holds people on ICE detainers without a judicial warrant: not recorded → Yes');
  });

  it('GIVEN a channel is gone THEN the paused notice is written in the language of the channel it goes to', async () => {
    const store = placesStore();
    addTravisMeeting(store);
    subscribe(store, channel('travis'), { state: 'TX', fips: TRAVIS }, '2026-02-01T00:00:00.000Z', ['meetings']);
    subscribe(store, channel('general'), { state: 'TX', fips: TRAVIS }, '2026-02-01T00:00:00.000Z', ['meetings']);
    spanish(store, 'general');
    const clock = new ManualClock('2026-02-07T15:00:00.000Z');
    const sender = recordingSender();
    sender.failures.set('travis', () => new PermanentDeliveryError('channel_gone', 'Unknown Channel'));
    await schedulerFor(store, clock, [sender]).tick();
    const notice = sender.posted.find((p) => p.reply.title === 'Recordatorios pausados en un canal');
    expect(notice?.channelId).toBe('general');
    expect(notice?.text).toContain('Sheriff Watch no pudo publicar en el canal travis: el canal fue eliminado o el bot ya no puede verlo.');
    expect(notice?.text).toContain('subscribe Travis County, TX');
  });
});
