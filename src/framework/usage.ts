import { en } from '../i18n/en.ts';
import { t, type Language, type MessageKey } from '../i18n/index.ts';
import type { CommandDef, OptionChoice, OptionDef } from './types.ts';

function optionUsage(option: OptionDef, next: OptionDef | undefined): string {
  if (option.type === 'county' && next?.type === 'state') return `<${option.name}>[, <${next.name}>]`;
  const body = option.choices && option.choices.length <= 3 ? option.choices.map((c) => c.value).join('|') : option.name;
  return option.required ? `<${body}>` : `[<${body}>]`;
}

/** The free-text form of a command, e.g. 'sheriff <county>[, <state>]'. */
export function usage(command: CommandDef): string {
  const parts = [command.name];
  command.options.forEach((option, index) => {
    const previous = command.options[index - 1];
    if (option.type === 'state' && previous?.type === 'county') return;
    parts.push(optionUsage(option, command.options[index + 1]));
  });
  if (command.paged) parts.push('[page <n>]');
  return parts.join(' ');
}

function messageKey(key: string): MessageKey | undefined {
  return Object.hasOwn(en, key) ? (key as MessageKey) : undefined;
}

/** Where a command's description lives in the catalogs: `command.<name>.description`. */
export function commandDescriptionKey(command: CommandDef): string {
  return command.descriptionKey ?? `command.${command.name}.description`;
}

/** Where an option's description lives: its shared entry (options.ts), else `command.<name>.option.<option>`. */
export function optionDescriptionKey(command: CommandDef, option: OptionDef): string {
  return option.descriptionKey ?? `command.${command.name}.option.${option.name}`;
}

/** Where a fixed choice's label lives: its own entry (a topic's name), else `<the option's key>.choice.<value>`. */
export function choiceLabelKey(command: CommandDef, option: OptionDef, choice: Pick<OptionChoice, 'value' | 'labelKey'>): string {
  return choice.labelKey ?? `${optionDescriptionKey(command, option)}.choice.${choice.value}`;
}

/** A catalog entry the registry is built on; a missing one is a programming error (the registry checks at start). */
function required(language: Language, key: string): string {
  const known = messageKey(key);
  if (!known) throw new Error(`No catalog entry "${key}"`);
  return t(language, known);
}

/**
 * The command's description in the language. Descriptions live only in the catalogs: help,
 * the App Home and every adapter's registration read them here.
 */
export function commandDescription(language: Language, command: CommandDef): string {
  return required(language, commandDescriptionKey(command));
}

/** An option's description in the language. */
export function optionDescription(language: Language, command: CommandDef, option: OptionDef): string {
  return required(language, optionDescriptionKey(command, option));
}

/** A fixed choice's label in the language; the label in code when the catalog has none (long generated lists). */
export function choiceLabel(language: Language, command: CommandDef, option: OptionDef, choice: OptionChoice): string {
  const key = messageKey(choiceLabelKey(command, option, choice));
  return key ? t(language, key) : choice.label;
}

/** One choice as typed, with its label in the language when that says more: 'partial (En parte / con condiciones)'. */
export function choiceText(language: Language, command: CommandDef, option: OptionDef, choice: OptionChoice): string {
  const label = choiceLabel(language, command, option, choice);
  return label.toLowerCase() === choice.value.toLowerCase() ? choice.value : `${choice.value} (${label})`;
}

/**
 * What a choice option accepts, for error messages. The values are what is typed, and they are
 * English words: an English reader gets them as they are ('yes, no, partial, …'), a reader of
 * another language each with its label ('yes (Sí), no, partial (En parte / con condiciones), …').
 */
export function allowedChoices(language: Language, command: CommandDef | undefined, option: OptionDef): string {
  const choices = option.choices ?? [];
  return command && language !== 'en' ? choices.map((c) => choiceText(language, command, option, c)).join(', ') : choices.map((c) => c.value).join(', ');
}
