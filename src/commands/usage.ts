import { en } from '../i18n/en.ts';
import { t, type Language, type MessageKey } from '../i18n/index.ts';
import type { CommandDef, OptionDef } from './types.ts';

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

/** The command's description in the language (the catalog's `command.<name>.description`). */
export function commandDescription(language: Language, command: CommandDef): string {
  const key = messageKey(`command.${command.name}.description`);
  return key ? t(language, key) : command.description;
}

/** An option's description in the language (the catalog's `command.<name>.option.<option>`). */
export function optionDescription(language: Language, command: CommandDef, option: OptionDef): string {
  const key = messageKey(`command.${command.name}.option.${option.name}`);
  return key ? t(language, key) : option.description;
}

/** A fixed choice's label in the language (the catalog's `command.<name>.option.<option>.choice.<value>`). */
export function choiceLabel(language: Language, command: CommandDef, option: OptionDef, choice: { value: string; label: string }): string {
  const key = messageKey(`command.${command.name}.option.${option.name}.choice.${choice.value}`);
  return key ? t(language, key) : choice.label;
}

/** One choice as typed, with its label in the language when that says more: 'partial (En parte / con condiciones)'. */
export function choiceText(language: Language, command: CommandDef, option: OptionDef, choice: { value: string; label: string }): string {
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
