import { aboutCommand } from './about.ts';
import { electionCommand } from './election.ts';
import { electionsCommand } from './elections.ts';
import { helpCommand } from './help.ts';
import { positionsCommand } from './positions.ts';
import { CommandRegistry } from './registry.ts';
import { sheriffCommand } from './sheriff.ts';

/** Every command the bot has; each adapter derives its registration from this list. */
export function createRegistry(): CommandRegistry {
  const registry: CommandRegistry = new CommandRegistry([
    sheriffCommand,
    positionsCommand,
    electionCommand,
    electionsCommand,
    helpCommand(() => registry),
    aboutCommand,
  ]);
  return registry;
}
