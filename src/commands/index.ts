import { aboutCommand } from './about.ts';
import { callCommand } from './call.ts';
import { electionCommand } from './election.ts';
import { electionsCommand } from './elections.ts';
import { helpCommand } from './help.ts';
import { languageCommand } from './language.ts';
import { letterCommand } from './letter.ts';
import { positionsCommand } from './positions.ts';
import { CommandRegistry } from './registry.ts';
import { sheriffCommand } from './sheriff.ts';
import { statusCommand } from './status.ts';

/** Every command the bot has; each adapter derives its registration from this list. */
export function createRegistry(): CommandRegistry {
  const registry: CommandRegistry = new CommandRegistry([
    sheriffCommand,
    statusCommand,
    callCommand,
    letterCommand,
    positionsCommand,
    electionCommand,
    electionsCommand,
    helpCommand(() => registry),
    aboutCommand,
    languageCommand,
  ]);
  return registry;
}
