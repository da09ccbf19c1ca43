/**
 * The core's command definitions → Discord application commands, in one loop with no
 * per-command code, and a comparison with what Discord already has so that a start only
 * re-registers when something changed.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  Routes,
  type APIApplicationCommandBasicOption,
  type REST,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { CommandRegistry } from '../../src/framework/registry.ts';
import type { CommandDef, OptionDef, Permission } from '../../src/framework/types.ts';
import { PAGE_OPTION } from '../../src/framework/options.ts';
import { choiceLabel, commandDescription, optionDescription } from '../../src/framework/usage.ts';
import type { Language } from '../../src/i18n/index.ts';
import { fitPlain } from './render-markdown.ts';

export type CommandJson = RESTPostAPIChatInputApplicationCommandsJSONBody;

/** Discord shows at most 25 fixed choices; longer lists are offered by autocomplete. */
export const MAX_CHOICES = 25;
const DESCRIPTION = 100;
/** Autocomplete values are at most 100 characters, so typed place names are too. */
const PLACE_TEXT = 100;

/** Discord's locales that get our Spanish: Spain and Latin America. */
export const SPANISH_LOCALES = ['es-ES', 'es-419'] as const;

type Localizations = Partial<Record<(typeof SPANISH_LOCALES)[number], string>>;

/** The same text for every Spanish locale, fitted to Discord's limit; null when it is the English text (nothing to localize). */
function spanish(englishText: string, describe: (language: Language) => string): Localizations | null {
  const text = fitPlain(describe('es'), DESCRIPTION);
  if (describe('es') === englishText) return null;
  return Object.fromEntries(SPANISH_LOCALES.map((locale) => [locale, text]));
}

/** Options whose values Discord asks the bot for while the user types. */
export function usesAutocomplete(option: OptionDef): boolean {
  return option.type === 'county' || option.type === 'state' || (option.type === 'choice' && (option.choices?.length ?? 0) > MAX_CHOICES);
}

function optionJson(command: CommandDef, option: OptionDef): APIApplicationCommandBasicOption {
  const english = optionDescription('en', command, option);
  const localized = spanish(english, (language) => optionDescription(language, command, option));
  const base = {
    name: option.name,
    description: fitPlain(english, DESCRIPTION),
    ...(localized ? { description_localizations: localized } : {}),
    required: option.required,
  };
  switch (option.type) {
    case 'integer':
      return {
        ...base,
        type: ApplicationCommandOptionType.Integer,
        ...(option.min !== undefined ? { min_value: option.min } : {}),
        ...(option.max !== undefined ? { max_value: option.max } : {}),
      };
    case 'attachment':
      return { ...base, type: ApplicationCommandOptionType.Attachment };
    case 'choice':
      if (!usesAutocomplete(option)) {
        const choices = (option.choices ?? []).map((c) => {
          const names = spanish(c.label, (language) => choiceLabel(language, command, option, c));
          return { name: fitPlain(c.label, DESCRIPTION), ...(names ? { name_localizations: names } : {}), value: c.value };
        });
        return { ...base, type: ApplicationCommandOptionType.String, choices };
      }
      return { ...base, type: ApplicationCommandOptionType.String, autocomplete: true };
    case 'county':
    case 'state':
      return { ...base, type: ApplicationCommandOptionType.String, autocomplete: true, max_length: PLACE_TEXT };
    case 'text':
      return { ...base, type: ApplicationCommandOptionType.String };
  }
}

/** The options of a command as Discord sees them: required first (Discord insists), then `page`. */
export function discordOptions(command: CommandDef): OptionDef[] {
  const options = [...command.options.filter((o) => o.required), ...command.options.filter((o) => !o.required)];
  return command.paged && !options.some((o) => o.name === PAGE_OPTION.name) ? [...options, PAGE_OPTION] : options;
}

/** The Discord permission that shows a command to members by default, per core permission. */
const MEMBER_PERMISSIONS: Record<Permission, string | null> = {
  everyone: null,
  'community-manager': String(PermissionFlagsBits.ManageChannels),
  editor: String(PermissionFlagsBits.ManageGuild),
};

export function commandJson(command: CommandDef): CommandJson {
  const english = commandDescription('en', command);
  const localized = spanish(english, (language) => commandDescription(language, command));
  return {
    type: ApplicationCommandType.ChatInput,
    name: command.name,
    description: fitPlain(english, DESCRIPTION),
    ...(localized ? { description_localizations: localized } : {}),
    options: discordOptions(command).map((option) => optionJson(command, option)),
    // Hidden from members without the permission that makes them an editor or a community
    // manager (server admins can allow a role in Integrations); the core decides on every use.
    default_member_permissions: MEMBER_PERMISSIONS[command.permission],
    contexts: [InteractionContextType.Guild],
    integration_types: [ApplicationIntegrationType.GuildInstall],
    nsfw: false,
  };
}

export function commandsJson(registry: CommandRegistry): CommandJson[] {
  return registry.all().map(commandJson);
}

type Loose = Record<string, unknown>;

/** Localizations in a fixed key order; none and {} are the same. */
function localizations(value: unknown): Loose | null {
  const entries = Object.entries((value ?? {}) as Loose).sort(([a], [b]) => a.localeCompare(b));
  return entries.length ? Object.fromEntries(entries) : null;
}
const or = <T>(value: unknown, fallback: T) => (value === undefined || value === null ? fallback : value);

/** The fields we set, with Discord's defaults filled in, so ours and Discord's compare equal. */
function canonicalOption(o: Loose): Loose {
  return {
    type: o.type,
    name: o.name,
    description: o.description,
    description_localizations: localizations(o.description_localizations),
    required: or(o.required, false),
    autocomplete: or(o.autocomplete, false),
    choices: ((o.choices ?? []) as Loose[]).map((c) => ({ name: c.name, name_localizations: localizations(c.name_localizations), value: c.value })),
    min_value: or(o.min_value, null),
    max_value: or(o.max_value, null),
    min_length: or(o.min_length, null),
    max_length: or(o.max_length, null),
    options: ((o.options ?? []) as Loose[]).map(canonicalOption),
  };
}

function canonical(c: Loose): Loose {
  return {
    type: or(c.type, ApplicationCommandType.ChatInput),
    name: c.name,
    description: c.description,
    description_localizations: localizations(c.description_localizations),
    options: ((c.options ?? []) as Loose[]).map(canonicalOption),
    default_member_permissions: or(c.default_member_permissions, null),
    contexts: [...(or(c.contexts, []) as number[])].sort(),
    integration_types: [...(or(c.integration_types, [ApplicationIntegrationType.GuildInstall]) as number[])].sort(),
    nsfw: or(c.nsfw, false),
  };
}

const canonicalList = (list: Loose[]) =>
  JSON.stringify(list.map(canonical).sort((a, b) => String(a.name).localeCompare(String(b.name))));

/** Whether Discord's commands already match ours (ignoring ids, versions and defaults). */
export function sameCommands(wanted: readonly CommandJson[], existing: readonly unknown[]): boolean {
  return canonicalList(wanted as unknown as Loose[]) === canonicalList(existing as Loose[]);
}

export interface SyncTarget {
  applicationId: string;
  /** Register to this guild only (instant updates); otherwise globally. */
  guildId?: string | undefined;
}

export interface SyncResult {
  scope: string;
  count: number;
  changed: boolean;
}

/** Registers the commands unless Discord already has exactly these (or when `force`). */
export async function syncCommands(rest: REST, registry: CommandRegistry, target: SyncTarget, force = false): Promise<SyncResult> {
  const route = target.guildId ? Routes.applicationGuildCommands(target.applicationId, target.guildId) : Routes.applicationCommands(target.applicationId);
  const scope = target.guildId ? `guild ${target.guildId}` : 'global';
  const wanted = commandsJson(registry);
  if (!force) {
    // Discord leaves the localizations out of the list unless asked for them.
    const existing = (await rest.get(route, { query: new URLSearchParams({ with_localizations: 'true' }) })) as unknown[];
    if (sameCommands(wanted, existing)) return { scope, count: wanted.length, changed: false };
  }
  await rest.put(route, { body: wanted });
  return { scope, count: wanted.length, changed: true };
}
