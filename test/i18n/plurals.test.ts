import { describe, expect, it } from 'vitest';
import { catalog, LANGUAGES, msg, t, type Language, type PluralKey } from '../../src/i18n/index.ts';
import { en } from '../../src/i18n/en.ts';
import { conversation } from '../helpers/conversation.ts';
import { loadedStore } from '../helpers/store.ts';

/** Every plural message: a key with `.one` and `.other` forms in the English catalog. */
const PLURALS = Object.keys(en)
  .filter((key) => key.endsWith('.other') && Object.hasOwn(en, key.replace(/\.other$/, '.one')))
  .map((key) => key.replace(/\.other$/, '') as PluralKey);

const fill = (message: string, count: number) => message.replaceAll('{count}', String(count));

describe('plural forms chosen by Intl.PluralRules', () => {
  it('GIVEN the catalogs THEN the hand-written plurals are keys with .one and .other forms in both languages', () => {
    expect(PLURALS).toEqual(expect.arrayContaining(['history.count', 'pending.title', 'calendar.elections', 'calendar.meetings', 'calendar.cancelled', 'positions.state.others', 'reminder.counties', 'alert.digest.title']));
    for (const language of LANGUAGES) for (const key of PLURALS) expect(Object.hasOwn(catalog(language), `${key}.one`), `${language} ${key}`).toBe(true);
  });

  it.each(LANGUAGES)('GIVEN %s and counts 0, 1, 2, 21 and a million THEN one is singular and every other count plural', (language: Language) => {
    const messages = catalog(language) as Record<string, string>;
    for (const key of PLURALS) {
      expect(t(language, key, { count: 1 }), key).toBe(fill(messages[`${key}.one`]!, 1));
      for (const count of [0, 2, 21, 1_000_000]) expect(t(language, key, { count }), `${key} ${count}`).toBe(fill(messages[`${key}.other`]!, count));
    }
  });

  it('GIVEN concrete messages THEN the English and Spanish forms read right', () => {
    expect(t('en', 'pending.title', { count: 1 })).toBe('1 change waiting for review');
    expect(t('en', 'pending.title', { count: 3 })).toBe('3 changes waiting for review');
    expect(t('es', 'pending.title', { count: 1 })).toBe('1 cambio en espera de revisión');
    expect(t('es', 'pending.title', { count: 0 })).toBe('0 cambios en espera de revisión');
    expect(t('es', 'calendar.meetings', { count: 1 })).toBe('1 reunión');
    expect(t('es', 'calendar.meetings', { count: 12 })).toBe('12 reuniones');
  });

  it('GIVEN a message whose parameter is itself a message THEN both are written in the reader\'s language', () => {
    expect(t('en', 'event.not-date', { what: msg('field.election date') })).toBe('The election date is not a date');
    expect(t('es', 'event.not-date', { what: msg('field.election date') })).toBe('El campo «fecha de la elección» no es una fecha');
  });

  it('GIVEN history of a county with no entry, one, then two THEN the count line is plural, singular, then plural, in each language', async () => {
    const store = loadedStore({ fresh: true });
    const moderator = conversation({ store, moderator: true });
    const spanish = conversation({ store, moderator: true, locale: 'es' });
    expect((await moderator.ask('history Travis, TX')).text).toContain('0 entries, newest first');
    expect((await spanish.ask('history Travis, TX')).text).toContain('0 entradas, de la más reciente');
    await moderator.ask('position-set Travis, TX detainers no https://www.tcso.org/');
    expect((await moderator.ask('history Travis, TX')).text).toContain('1 entry, newest first');
    expect((await spanish.ask('history Travis, TX')).text).toContain('1 entrada, de la más reciente');
    await moderator.ask('position-set Travis, TX ice-as-police no https://www.tcso.org/');
    expect((await moderator.ask('history Travis, TX')).text).toContain('2 entries, newest first');
    expect((await spanish.ask('history Travis, TX')).text).toContain('2 entradas, de la más reciente');
  });
});
