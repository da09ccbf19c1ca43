import { describe, expect, it } from 'vitest';
import { runInvocation } from '../../src/framework/run.ts';
import { plain, type Choice, type Rich } from '../../src/reply.ts';
import type { Store } from '../../src/store/index.ts';
import { conversation } from '../helpers/conversation.ts';
import { loadedStore } from '../helpers/store.ts';
import { testCaller } from '../helpers/caller.ts';

/** A moderator writing from a Spanish Discord client (locale es-419). */
function as(store: Store, id: string, options: { review?: boolean; locale?: string } = {}) {
  const chat = conversation({ store, moderator: true, locale: options.locale ?? 'es-419' });
  chat.ctx.caller = testCaller(id, { moderator: true });
  chat.ctx.requireReview = options.review ?? false;
  return {
    ...chat,
    press: (choice: Choice | undefined) => {
      if (!choice) throw new Error('no such choice');
      return runInvocation(chat.ctx, choice.invocation);
    },
  };
}

const shown = (lines: Rich[] | undefined) => (lines ?? []).map((l) => plain(l)).join('\n');

describe('moderators in Spanish', () => {
  it('GIVEN a recorded value THEN the confirmation, the conflict, the result and the history are in Spanish', async () => {
    const store = loadedStore({ fresh: true });
    const ana = as(store, 'test:ana');
    const ben = as(store, 'test:ben');
    const first = await ana.ask('position set Harris, TX jail-access no https://example.org/a');
    expect(first.reply.title).toBe('Registrado: Harris County, TX');
    expect(first.text).toContain('Antes: jail-access: nada registrado (se desconoce)');
    expect(first.text).toContain('Ahora: jail-access: No (según example.org, 2026-11-24)');

    const anaSees = await ana.ask('position set Harris, TX jail-access partial https://example.org/b interviews by appointment');
    expect(anaSees.reply.title).toBe('Confirme el cambio');
    expect(anaSees.text).toContain('Cambio: Harris County, TX · jail-access → En parte / con condiciones (fuente https://example.org/b, vigente al 2026-11-24; nota: interviews by appointment)');
    expect(anaSees.reply.choices?.[0]?.label).toBe('Confirmar');
    const benSees = await ben.ask('position set Harris, TX jail-access yes https://example.org/c');
    await ben.press(benSees.reply.choices?.[0]);
    const conflict = await ana.press(anaSees.reply.choices?.[0]);
    expect(conflict).toMatchObject({ status: 'user_error', errorCode: 'conflict', title: 'Alguien lo cambió antes — no se guardó nada' });
    const intro = shown(conflict.intro);
    expect(intro).toMatch(/Usted partió de una versión que ya no es la actual\. Ahora es la #\d+, cambiada por test:ben el /);
    expect(intro).toContain('jail-access: Sí (según example.org, 2026-11-24)');
    expect(intro).toContain('Su cambio, sin guardar: Harris County, TX · jail-access → En parte / con condiciones');
    expect(conflict.choices?.[0]?.label).toMatch(/^Aplicar sobre #\d+$/);

    const again = await ana.ask('position set Harris, TX jail-access yes https://example.org/c');
    expect(again.reply.title).toBe('Ya registrado: Harris County, TX');
    expect(again.text).toContain('jail-access ya es Sí (example.org, 2026-11-24). No se cambió nada.');

    const refused = await ana.ask('position set Harris, TX jail-access yes https://example.org/c 2099-01-01');
    expect(refused.reply.title).toBe('Ese valor no está permitido');
    expect(refused.text).toContain('El campo «fecha de vigencia» 2099-01-01 está en el futuro; puede ser 2026-11-24 como máximo.');

    const history = await ana.ask('history Harris, TX');
    expect(history.reply.title).toBe('Historial: Harris County, Texas');
    expect(history.text).toContain('entradas, de la más reciente a la más antigua.');
    expect(history.text).toContain('jail-access: No → Sí · por test:ben · según example.org');
    expect(history.text).toMatch(/Versiones actuales: .*jail-access #\d+/);
    expect(history.text).toContain('La ficha: ');

    const english = await as(store, 'test:cy', { locale: 'en-US' }).ask('history Harris, TX');
    expect(english.reply.title).toBe('History: Harris County, Texas');
    expect(english.text).toContain('jail-access: No → Yes · by test:ben · per example.org');
  });

  it('GIVEN the two-person rule THEN waiting, pending, approve and reject speak Spanish', async () => {
    const store = loadedStore({ fresh: true });
    const ana = as(store, 'test:ana', { review: true });
    const ben = as(store, 'test:ben', { review: true });
    const waiting = await ana.ask('position set Travis, TX detainers no https://www.kut.org/memo policy memo');
    expect(waiting.reply.title).toBe('En espera de revisión: cambio #1');
    expect(waiting.text).toContain('Otro moderador lo aprueba con `approve 1` (vea `pending`); hasta entonces, el registro público no cambia.');

    const pending = await ben.ask('pending');
    expect(pending.reply.title).toBe('1 cambio en espera de revisión');
    expect(pending.text).toMatch(/#1 Travis County, TX · detainers → No \(fuente https:\/\/www\.kut\.org\/memo.* — propuesto por ana \(test:ana\) el /);
    expect(pending.text).toContain('La regla de dos personas está activa');
    expect(pending.reply.choices?.map((c) => c.label)).toEqual(['Aprobar #1', 'Rechazar #1']);
    expect((await ana.ask('pending')).reply.choices?.map((c) => c.label)).toEqual(['Retirar #1']);

    const own = await ana.ask('approve 1');
    expect(own.reply.title).toBe('Usted propuso el cambio #1');

    const approved = await ben.ask('approve 1');
    expect(approved.reply.title).toBe('Aprobado #1: Travis County, TX');
    expect(approved.text).toContain('Ahora: detainers: No — policy memo (según kut.org, 2026-11-24)');

    const twice = await ben.ask('approve 1');
    expect(twice.reply.title).toBe('El cambio #1 ya fue aprobado');

    await ana.ask('position set Travis, TX jail-access yes https://www.kut.org/memo');
    const rejected = await ben.ask('reject 2 no source for this');
    expect(rejected.reply.title).toBe('Rechazado: cambio #2');
    expect(rejected.text).toContain('No se cambió nada en el registro; la propuesta queda en el historial.');
  });
});
