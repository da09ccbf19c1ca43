import type { CommandDef } from './types.ts';

/** Every command, by name. Duplicate names are a programming error caught at start. */
export class CommandRegistry {
  private readonly byName = new Map<string, CommandDef>();

  constructor(commands: readonly CommandDef[]) {
    for (const command of commands) {
      if (!/^[a-z][a-z0-9-]{0,31}$/.test(command.name)) throw new Error(`Bad command name "${command.name}"`);
      if (this.byName.has(command.name)) throw new Error(`Duplicate command name "${command.name}"`);
      if (command.description.length > 100) throw new Error(`Description of "${command.name}" is over 100 characters`);
      const optionNames = new Set<string>();
      for (const option of command.options) {
        if (optionNames.has(option.name)) throw new Error(`Duplicate option "${option.name}" in "${command.name}"`);
        optionNames.add(option.name);
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
