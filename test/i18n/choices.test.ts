import { describe, expect, it } from 'vitest';
import { commandJson } from '../../adapters/discord/command-registration.ts';
import { createRegistry } from '../../src/commands/index.ts';
import { UserError } from '../../src/user-error.ts';
import { validateArgs } from '../../src/framework/parse.ts';
import { choiceLabel } from '../../src/framework/usage.ts';
import { catalog } from '../../src/i18n/index.ts';
import { en } from '../../src/i18n/en.ts';
import { plain } from '../../src/reply.ts';
import { conversation } from '../helpers/conversation.ts';
import { loadedStore } from '../helpers/store.ts';

const registry = createRegistry();
const command = (name: string) => registry.get(name)!;

function refusal(name: string, args: Record<string, string>, language: 'en' | 'es'): string {
  try {
    validateArgs(command(name), args);
  } catch (error) {
    if (error instanceof UserError) {
      const reply = error.toReply(language);
      return [reply.title, ...(reply.intro ?? []).map(plain)].join('\n');
    }
    throw error;
  }
  throw new Error('accepted');
}

describe('choice labels live in the catalogs', () => {
  it('GIVEN every fixed choice of every command THEN its label in code is the English catalog entry, and Spanish has its own', () => {
    const es = catalog('es');
    let checked = 0;
    for (const def of registry.all()) {
      for (const option of def.options.filter((o) => o.type === 'choice')) {
        for (const choice of option.choices ?? []) {
          const key: string = choice.labelKey ?? `${option.descriptionKey ?? `command.${def.name}.option.${option.name}`}.choice.${choice.value}`;
          expect(Object.hasOwn(en, key), key).toBe(true);
          expect(choice.label, key).toBe(en[key as keyof typeof en]);
          expect(choiceLabel('es', def, option, choice), key).toBe(es[key as keyof typeof es]);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});

describe('choices shown to a Spanish reader', () => {
  it('GIVEN help for position-set and holder-set in Spanish THEN each value is listed with its Spanish label', async () => {
    const es = conversation({ store: loadedStore(), moderator: true, locale: 'es' });
    const position = (await es.ask('help position-set')).text;
    expect(position).toContain('Valores de value');
    expect(position).toContain('partial` — En parte / con condiciones');
    expect(position).toContain('unknown` — Desconocido (se consultó, sin respuesta)');
    expect(position).toContain('none` — Sin acuerdo 287(g)');
    expect(position).toContain('Valores de topic');
    expect(position).toContain('detainers` — Retiene a personas con solicitudes de detención de ICE sin orden judicial');
    for (const english of ['Partly / with conditions', 'Unknown (checked, no answer)', 'No 287(g) agreement', 'Values of', 'Holds people on ICE']) expect(position).not.toContain(english);
    const holder = (await es.ask('help holder-set')).text;
    expect(holder).toContain('Valores de field');
    expect(holder).toContain('address` — Dirección postal o física');
    expect(holder).toContain('selection` — Elegido o designado');
    expect(holder).not.toContain('Mailing or street address');
    const english = (await conversation({ store: loadedStore(), moderator: true }).ask('help position-set')).text;
    expect(english).toContain('Values of value');
    expect(english).toContain('partial` — Partly / with conditions');
  });

  it('GIVEN a value that is not allowed THEN the Spanish error lists the values with Spanish labels; English lists the values', () => {
    const place = { county: 'Travis, TX', source: 'https://www.tcso.org/contact' };
    const field = refusal('holder-set', { ...place, field: 'fax', value: '1' }, 'es');
    expect(field).toContain('"fax" no es un valor válido de field');
    expect(field).toContain('Elija uno de: name (Nombre completo), party (Partido), selection (Elegido o designado)');
    expect(field).toContain('address (Dirección postal o física)');
    expect(field).not.toContain('Full name');
    expect(refusal('holder-set', { ...place, field: 'fax', value: '1' }, 'en')).toContain('Choose one of: name, party, selection, took-office');
    const value = refusal('position-set', { ...place, topic: 'detainers', value: 'maybe' }, 'es');
    expect(value).toContain('yes (Sí), no, partial (En parte / con condiciones), unknown (Desconocido (se consultó, sin respuesta))');
    expect(value).not.toContain('Partly');
  });

  it('GIVEN a value the topic does not take THEN the Spanish refusal labels the allowed values too', async () => {
    const es = conversation({ store: loadedStore({ fresh: true }), moderator: true, locale: 'es' });
    const { text } = await es.ask('position set Travis, TX 287g yes https://www.ice.gov/287g');
    expect(text).toContain('jail-enforcement (287(g) Control en la Cárcel (Jail Enforcement))');
    expect(text).toContain('none (Sin acuerdo 287(g))');
  });

  it('GIVEN the Discord registration payload THEN position-set and holder-set choices carry Spanish names for es-ES and es-419, values unchanged', () => {
    const value = commandJson(command('position-set')).options!.find((o) => o.name === 'value') as unknown as { choices: { name: string; value: string; name_localizations?: Record<string, string> }[] };
    const partial = value.choices.find((c) => c.value === 'partial')!;
    expect(partial.name).toBe('Partly / with conditions');
    expect(partial.name_localizations).toEqual({ 'es-ES': 'En parte / con condiciones', 'es-419': 'En parte / con condiciones' });
    expect(value.choices.map((c) => c.value)).toEqual(['yes', 'no', 'partial', 'unknown', 'jail-enforcement', 'task-force', 'warrant-service-officer', 'none']);
    // 'No' is the same word in both languages: nothing to localize.
    expect(value.choices.find((c) => c.value === 'no')!.name_localizations).toBeUndefined();
    const field = commandJson(command('holder-set')).options!.find((o) => o.name === 'field') as unknown as { choices: { name: string; value: string; name_localizations?: Record<string, string> }[] };
    expect(field.choices.find((c) => c.value === 'phone')!.name_localizations).toEqual({ 'es-ES': 'Teléfono', 'es-419': 'Teléfono' });
    expect(field.choices.find((c) => c.value === 'address')!.name_localizations?.['es-419']).toBe('Dirección postal o física');
  });
});

describe('language outside a chat', () => {
  it('GIVEN `language es` with no channel THEN the refusal is in Spanish; in English for `language en`', async () => {
    const es = await conversation({ store: loadedStore(), moderator: true }).ask('language es');
    expect(es.reply.errorCode).toBe('no_conversation');
    expect(es.text).toContain('Aquí no hay canal');
    expect(es.text).toContain('El idioma se elige por canal o por servidor');
    expect(es.text).not.toContain('No channel here');
    const english = await conversation({ store: loadedStore(), moderator: true }).ask('language en');
    expect(english.text).toContain('No channel here');
  });
});
