import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../src/framework/types.ts';
import type { Store } from '../../src/store/index.ts';
import { conversation } from '../helpers/conversation.ts';
import { placesStore } from '../scheduler/helpers.ts';

const SRC = 'source:https://www.traviscountytx.gov/commissioners-court';
const where = (channelId: string): Conversation => ({ platform: 'discord', workspaceId: 'guild-1', channelId });
const spanish = (store: Store, channelId: string) => store.languages.set({ platform: 'discord', workspaceId: 'guild-1', channelId }, 'es', 'test:mod', '2026-01-01T00:00:00.000Z');

describe('subscriptions, meetings and calendar in Spanish', () => {
  it('GIVEN a Spanish channel THEN subscribe, subscriptions and unsubscribe answer in Spanish; an English channel stays English', async () => {
    const store = placesStore();
    spanish(store, 'es');
    const es = conversation({ store, moderator: true, conversation: where('es') });
    const en = conversation({ store, moderator: true, conversation: where('en') });
    const member = await conversation({ store, conversation: where('es') }).ask('subscribe Travis, TX');
    expect(member.reply.title).toBe('Solo moderadores o administradores del canal');
    const subscribed = await es.ask('subscribe Travis, TX');
    expect(subscribed.reply.title).toBe('Suscripción creada');
    expect(subscribed.text).toContain('Este canal recibe:');
    expect(subscribed.text).toContain('Travis County, TX — elecciones (30d, 7d, 1d, morning; fechas límite de registro 5d), reuniones (3d, 2h), alertas de agenda, cambios de postura');
    expect(subscribed.text).toContain('Para cancelar: `unsubscribe Travis County, TX`');
    expect((await en.ask('subscribe Texas elections')).reply.title).toBe('Subscribed');
    const list = await es.ask('subscriptions');
    expect(list.reply.title).toBe('Suscripciones');
    expect(list.text).toContain('-- Este canal\n  • Travis County, TX — elecciones');
    expect(list.text).toContain('-- Otros canales de aquí\n  • canal en: Texas — elections');
    expect((await en.ask('subscriptions')).text).toContain('-- This channel\n  • Texas — elections (30d, 7d, 1d, morning; registration deadlines 5d)');
    const some = await es.ask('unsubscribe Travis, TX positions');
    expect(some.reply.title).toBe('Suscripción modificada');
    const gone = await es.ask('unsubscribe Travis, TX');
    expect(gone.reply.title).toBe('Suscripción cancelada');
    expect(gone.text).toContain('No habrá más recordatorios aquí para Travis County, TX.');
  });

  it('GIVEN recorded meetings THEN `meetings` and `calendar` (the .ics too) answer in the channel’s language', async () => {
    const store = placesStore();
    spanish(store, 'es');
    const mod = conversation({ store, moderator: true, conversation: where('en') });
    await mod.ask(`meeting-add Travis, TX body:"Commissioners Court" date:2026-12-01 time:09:00 repeat:FREQ=MONTHLY;BYDAY=1TU,3TU location:"700 Lavaca St, Austin" why:"287(g) renewal on the agenda" agenda:https://example.org/agenda ${SRC}`);
    const es = conversation({ store, conversation: where('es') });
    const meetings = await es.ask('meetings Travis, TX');
    expect(meetings.reply.title).toBe('Reuniones de la junta del condado: Travis County, Texas');
    expect(meetings.text).toContain('-- Próximas fechas\n  • 2026-12-01 09:00 CST — Commissioners Court · 700 Lavaca St, Austin');
    expect(meetings.text).toContain('#1 Commissioners Court (rev. 1): el primer y tercer martes de cada mes, a las 9:00 hora central · por qué importa: 287(g) renewal on the agenda · orden del día <https://example.org/agenda>');
    expect(meetings.text).toContain('Las horas son las locales del condado.');
    expect((await mod.ask('meetings Travis, TX')).reply.title).toBe('County board meetings: Travis County, Texas');

    const calendar = await es.ask('calendar Travis, TX');
    expect(calendar.reply.title).toBe('Calendario: sheriff-watch-travis-county-tx.ics');
    expect(calendar.text).toMatch(/\d+ fechas? de elecci[oó]n(es)?, \d+ reuniones\. Impórtelo en cualquier aplicación de calendario/);
    const ics = calendar.reply.attachments?.[0]?.content ?? '';
    expect(ics).toContain('SUMMARY:Commissioners Court — Travis County\\, TX');
    expect(ics).toContain('Por qué importa: 287(g) renewal on the agenda');
    expect(ics).toContain('Fuente: ');
    const english = await mod.ask('calendar Travis, TX');
    expect(english.text).toMatch(/\d+ meetings\. Import it into any calendar app/);
    expect(english.reply.attachments?.[0]?.content).toContain('Why it matters: 287(g) renewal on the agenda');
  });

  it('GIVEN a Spanish moderator THEN election and meeting commands answer in Spanish', async () => {
    const store = placesStore();
    const es = conversation({ store, moderator: true, locale: 'es-MX' });
    const added = await es.ask('election-add Travis, TX kind:special date:2027-03-09 registration:2027-02-22 source:https://www.votetravis.gov/');
    expect(added.reply.title).toBe('Registrada: elección especial del sheriff en Travis County, TX');
    expect(added.text).toMatch(/Día de la elección: 2027-03-09.* · regístrese a más tardar el 2027-02-22/);
    const late = await es.ask('election-change 1 registration:2027-04-01 source:https://www.votetravis.gov/');
    expect(late.reply.title).toBe('La fecha límite de registro quedaría después de la elección');
    const stale = await es.ask('election-change 1 date:2027-03-10 revision:7 source:https://www.votetravis.gov/');
    expect(stale.reply.title).toBe('Alguien cambió antes la elección #1');
    expect((await es.ask('election-cancel 1 source:https://www.votetravis.gov/')).reply.title).toBe('Cancelada: elección #1');
    const meeting = await es.ask(`meeting-add Travis, TX body:"Commissioners Court" date:2026-12-01 time:09:00 repeat:FREQ=WEEKLY;BYDAY=TU ${SRC}`);
    expect(meeting.reply.title).toBe('Registrada: Commissioners Court, Travis County, TX (reunión #1)');
    expect(meeting.text).toContain('cada martes, a las 9:00 hora central');
    expect((await es.ask(`meeting-cancel 1 on:2026-12-16 ${SRC}`)).reply.title).toBe('La reunión #1 no tiene sesión el 2026-12-16');
    expect((await es.ask(`meeting-cancel 1 on:2026-12-15 ${SRC}`)).reply.title).toBe('Cancelada: Commissioners Court del 2026-12-15');
    const time = await es.ask(`meeting-add Travis, TX body:"Commissioners Court" date:2026-12-01 time:9xm ${SRC}`);
    expect(time.text).toContain('"9xm" no es una hora. Escríbala como 2 pm');
    const leads = await conversation({ store, moderator: true, locale: 'es', conversation: where('es-leads') }).ask('subscribe Cobb, GA election-leads:2h');
    expect(leads.reply.title).toBe('Esas anticipaciones para elecciones no sirven');
    expect(leads.text).toContain('Para las elecciones se usan días enteros: use días (por ejemplo 7d) o morning.');
    const bad = await es.ask(`meeting-change 1 agenda:javascript:alert(1) ${SRC}`);
    expect(bad.reply.title).toBe('El campo «enlace al orden del día» debe ser un enlace http(s)');
  });
});
