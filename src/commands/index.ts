import { aboutCommand } from './about.ts';
import { callCommand } from './call.ts';
import { electionCommand } from './election.ts';
import { electionsCommand } from './elections.ts';
import { helpCommand } from './help.ts';
import { historyCommand } from './history.ts';
import { holderRemoveCommand } from './holder-remove.ts';
import { holderSetCommand } from './holder-set.ts';
import { import287gCommand } from './import-287g.ts';
import { languageCommand } from './language.ts';
import { letterCommand } from './letter.ts';
import { pendingCommand } from './pending.ts';
import { positionRemoveCommand } from './position-remove.ts';
import { positionSetCommand } from './position-set.ts';
import { positionsCommand } from './positions.ts';
import { CommandRegistry } from './registry.ts';
import { approveCommand, rejectCommand } from './review.ts';
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
    // Moderators keep the record true (see README, "Moderators").
    positionSetCommand,
    positionRemoveCommand,
    holderSetCommand,
    holderRemoveCommand,
    historyCommand,
    pendingCommand,
    approveCommand,
    rejectCommand,
    import287gCommand,
  ]);
  return registry;
}
