import { describe, expect, it } from 'vitest';
import { commandJson, commandsJson, MAX_CHOICES, sameCommands, usesAutocomplete } from '../../../adapters/discord/command-registration.ts';
import { createRegistry } from '../../../src/commands/index.ts';
import { CommandRegistry } from '../../../src/framework/registry.ts';
import { commandDescription, optionDescription } from '../../../src/framework/usage.ts';
import type { CommandDef, OptionType } from '../../../src/framework/types.ts';
import { text } from '../../../src/reply.ts';

/** Discord's option type numbers, written out independently of discord.js. */
const DISCORD_TYPE: Record<OptionType, number> = { county: 3, state: 3, choice: 3, text: 3, integer: 4, attachment: 11 };
const MANAGE_GUILD = String(1 << 5);
const MANAGE_CHANNELS = String(1 << 4);

const moderatorOnly: CommandDef = {
  name: 'record-test',
  // Test-only moderator command; any catalog entry describes it.
  descriptionKey: 'command.about.description',
  options: [
    { name: 'note', descriptionKey: 'option.note', type: 'text', required: false },
    { name: 'county', descriptionKey: 'option.note', type: 'county', required: true },
    { name: 'file', descriptionKey: 'option.note', type: 'attachment', required: true },
    { name: 'many', descriptionKey: 'option.note', type: 'choice', required: false, choices: Array.from({ length: 30 }, (_, i) => ({ value: `v${i}`, label: `Value ${i}` })) },
  ],
  permission: 'editor',
  examples: [],
  handler: () => ({ status: 'ok', title: 'x', sections: [], notes: [[text('x')]] }),
};

describe('slash commands from the core definitions', () => {
  it('GIVEN every core command THEN each becomes a slash command with its name, description and typed options', () => {
    const registry = createRegistry();
    const json = commandsJson(registry);
    expect(json.map((c) => c.name)).toEqual(registry.all().map((c) => c.name));
    for (const def of registry.all()) {
      const command = json.find((c) => c.name === def.name)!;
      expect(command.description).toBe(commandDescription('en', def));
      expect(command.default_member_permissions).toBe({ editor: MANAGE_GUILD, 'community-manager': MANAGE_CHANNELS, everyone: null }[def.permission]);
      for (const option of def.options) {
        const registered = command.options!.find((o) => o.name === option.name)! as unknown as Record<string, unknown>;
        expect(registered.type, `${def.name} ${option.name}`).toBe(DISCORD_TYPE[option.type]);
        expect(registered.required).toBe(option.required);
        expect(registered.description).toBe(optionDescription('en', def, option));
        expect(Boolean(registered.autocomplete)).toBe(usesAutocomplete(option));
        const choices = registered.choices as { name: string; value: string }[] | undefined;
        if (option.type === 'choice' && !usesAutocomplete(option)) expect(choices?.map((c) => c.value)).toEqual(option.choices!.map((c) => c.value));
        else expect(choices).toBeUndefined();
      }
      // Discord's limits: 25 options, names 1–32 lowercase, descriptions 1–100, 4,000 characters in all.
      const options = command.options! as unknown as { name: string; description: string; choices?: { name: string; value: string }[] }[];
      expect(options.length).toBeLessThanOrEqual(25);
      for (const o of options) {
        expect(o.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
        expect(o.description.length).toBeGreaterThan(0);
        expect(o.description.length).toBeLessThanOrEqual(100);
      }
      const size = command.name.length + command.description.length +
        options.reduce((n, o) => n + o.name.length + o.description.length + (o.choices ?? []).reduce((m, c) => m + c.name.length + c.value.length, 0), 0);
      expect(size, def.name).toBeLessThanOrEqual(4000);
      const page = command.options!.find((o) => o.name === 'page');
      expect(Boolean(page), def.name).toBe(Boolean(def.paged));
      expect(command.options!.length).toBe(def.options.length + (def.paged ? 1 : 0));
    }
  });

  it('GIVEN every core command THEN its description and each option\'s carry the Spanish for es-ES and es-419, within 100 characters', () => {
    const registry = createRegistry();
    for (const command of commandsJson(registry)) {
      const def = registry.get(command.name)!;
      const spanish = commandDescription('es', def);
      expect(command.description_localizations, def.name).toEqual({ 'es-ES': spanish, 'es-419': spanish });
      for (const option of def.options) {
        const registered = command.options!.find((o) => o.name === option.name)!;
        const text = optionDescription('es', def, option);
        expect(text.length, `${def.name} ${option.name}`).toBeLessThanOrEqual(100);
        if (text !== optionDescription('en', def, option)) expect(registered.description_localizations, `${def.name} ${option.name}`).toEqual({ 'es-ES': text, 'es-419': text });
      }
      const page = command.options!.find((o) => o.name === 'page');
      if (page) expect(page.description_localizations).toEqual({ 'es-ES': 'Número de página (por defecto 1)', 'es-419': 'Número de página (por defecto 1)' });
    }
    const topic = commandsJson(registry).find((c) => c.name === 'positions')!.options!.find((o) => o.name === 'topic') as unknown as {
      choices: { name: string; name_localizations?: Record<string, string>; value: string }[];
    };
    expect(topic.choices.find((c) => c.value === '287g')).toMatchObject({ name: '287(g) agreement', name_localizations: { 'es-ES': 'Acuerdo 287(g)', 'es-419': 'Acuerdo 287(g)' } });
    // Descriptions come only from the catalogs: a command without an entry is refused at start.
    expect(() => new CommandRegistry([{ ...moderatorOnly, descriptionKey: undefined }])).toThrow('No catalog entry "command.record-test.description"');
  });

  it('GIVEN the sheriff command THEN county and state autocomplete, county required, state optional', () => {
    const sheriff = commandsJson(createRegistry()).find((c) => c.name === 'sheriff')!;
    expect(sheriff.options).toEqual([
      expect.objectContaining({ name: 'county', type: 3, required: true, autocomplete: true }),
      expect.objectContaining({ name: 'state', type: 3, required: false, autocomplete: true }),
    ]);
    const positions = commandsJson(createRegistry()).find((c) => c.name === 'positions')!;
    const topic = positions.options!.find((o) => o.name === 'topic') as unknown as { choices: { name: string; value: string }[] };
    expect(topic.choices.map((c) => c.value)).toContain('287g');
    expect(topic.choices.length).toBeLessThanOrEqual(MAX_CHOICES);
  });

  it('GIVEN a moderator command THEN it is hidden behind Manage Server, required options come first, and long choice lists autocomplete', () => {
    const json = commandJson(moderatorOnly);
    expect(json.default_member_permissions).toBe(MANAGE_GUILD);
    expect(json.options!.map((o) => [o.name, o.required])).toEqual([['county', true], ['file', true], ['note', false], ['many', false]]);
    expect(json.options!.find((o) => o.name === 'file')!.type).toBe(11);
    expect(json.options!.find((o) => o.name === 'many')).toMatchObject({ autocomplete: true });
    expect(json.options!.find((o) => o.name === 'many')).not.toHaveProperty('choices');
  });

  it('GIVEN what Discord returns for our commands (ids, versions, false defaults left out) THEN they compare equal; any real change does not', () => {
    const wanted = commandsJson(createRegistry());
    const returned = wanted.map((c, i) => ({
      ...c,
      id: `9${i}`,
      application_id: '1',
      version: '2',
      dm_permission: true,
      name_localizations: null,
      options: c.options?.map((o) => Object.fromEntries(Object.entries(o).filter(([key, value]) => !((key === 'required' || key === 'autocomplete') && value === false)))),
    }));
    expect(sameCommands(wanted, [...returned].reverse())).toBe(true);
    expect(sameCommands(wanted, returned.slice(1))).toBe(false);
    expect(sameCommands(wanted, returned.map((c, i) => (i === 0 ? { ...c, description: `${c.description}!` } : c)))).toBe(false);
    expect(sameCommands(wanted, returned.map((c, i) => (i === 0 ? { ...c, default_member_permissions: MANAGE_GUILD } : c)))).toBe(false);
    // Spanish text is part of the comparison: a changed or missing translation registers again.
    expect(sameCommands(wanted, returned.map((c, i) => (i === 0 ? { ...c, description_localizations: { 'es-ES': 'otra', 'es-419': 'otra' } } : c)))).toBe(false);
    expect(sameCommands(wanted, returned.map((c, i) => (i === 0 ? { ...c, description_localizations: null } : c)))).toBe(false);
    const reordered = returned.map((c) => ({ ...c, description_localizations: { 'es-419': c.description_localizations!['es-419'], 'es-ES': c.description_localizations!['es-ES'] } }));
    expect(sameCommands(wanted, reordered)).toBe(true);
    const positions = returned.findIndex((c) => c.name === 'positions');
    const renamedChoice = returned.map((c, i) =>
      i === positions
        ? { ...c, options: c.options?.map((o) => (o.name === 'topic' ? { ...o, choices: (o as { choices: object[] }).choices.map((ch) => ({ ...ch, name_localizations: { 'es-ES': 'x', 'es-419': 'x' } })) } : o)) }
        : c,
    );
    expect(sameCommands(wanted, renamedChoice)).toBe(false);
    expect(sameCommands([...wanted, commandJson(moderatorOnly)], returned)).toBe(false);
  });
});
