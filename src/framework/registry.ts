import { LANGUAGES, type Language } from '../i18n/index.ts';
import type { CommandDef } from './types.ts';
import { commandDescription, optionDescription } from './usage.ts';

/** Discord's limit for a command's or an option's description. */
export const MAX_DESCRIPTION = 100;

function checkDescription(name: string, describe: (language: Language) => string): void {
  for (const language of LANGUAGES) {
    if (describe(language).length > MAX_DESCRIPTION) throw new Error(`Description of "${name}" (${language}) is over ${MAX_DESCRIPTION} characters`);
  }
}

/** Every command, by name. Duplicate names are a programming error caught at start. */
export class CommandRegistry {
  private readonly byName = new Map<string, CommandDef>();

  constructor(commands: readonly CommandDef[]) {
    for (const command of commands) {
      if (!/^[a-z][a-z0-9-]{0,31}$/.test(command.name)) throw new Error(`Bad command name "${command.name}"`);
      if (this.byName.has(command.name)) throw new Error(`Duplicate command name "${command.name}"`);
      checkDescription(command.name, (language) => commandDescription(language, command));
      const optionNames = new Set<string>();
      for (const option of command.options) {
        if (optionNames.has(option.name)) throw new Error(`Duplicate option "${option.name}" in "${command.name}"`);
        optionNames.add(option.name);
        checkDescription(`${command.name} ${option.name}`, (language) => optionDescription(language, command, option));
      }
      this.byName.set(command.name, command);
    }
  }

  get(name: string): CommandDef | undefined {
    return this.byName.get(name);
  }

  all(): CommandDef[] {
    return [...this.byName.values()];
  }
}
