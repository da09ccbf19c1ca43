import { aboutCommand } from './about.ts';
import { calendarCommand } from './calendar.ts';
import { callCommand } from './call.ts';
import { electionCommand } from './election.ts';
import { electionAddCommand } from './election-add.ts';
import { electionCancelCommand } from './election-cancel.ts';
import { electionChangeCommand } from './election-change.ts';
import { electionsCommand } from './elections.ts';
import { helpCommand } from './help.ts';
import { historyCommand } from './history.ts';
import { holderRemoveCommand } from './holder-remove.ts';
import { holderSetCommand } from './holder-set.ts';
import { import287gCommand } from './import-287g.ts';
import { importRosterCommand } from './import-roster.ts';
import { languageCommand } from './language.ts';
import { mapCommand } from './map.ts';
import { letterCommand } from './letter.ts';
import { meetingAddCommand } from './meeting-add.ts';
import { meetingCancelCommand } from './meeting-cancel.ts';
import { meetingChangeCommand } from './meeting-change.ts';
import { meetingSourceCommand } from './meeting-source.ts';
import { meetingsCommand } from './meetings.ts';
import { pendingCommand } from './pending.ts';
import { positionRemoveCommand } from './position-remove.ts';
import { positionSetCommand } from './position-set.ts';
import { positionsCommand } from './positions.ts';
import { CommandRegistry } from './registry.ts';
import { approveCommand, rejectCommand } from './review.ts';
import { redactCommand } from './redact.ts';
import { revertCommand } from './revert.ts';
import { sheriffCommand } from './sheriff.ts';
import { statusCommand } from './status.ts';
import { subscribeCommand } from './subscribe.ts';
import { subscriptionsCommand } from './subscriptions.ts';
import { unsubscribeCommand } from './unsubscribe.ts';

/** Every command the bot has; each adapter derives its registration from this list. */
export function createRegistry(): CommandRegistry {
  const registry: CommandRegistry = new CommandRegistry([
    sheriffCommand,
    statusCommand,
    callCommand,
    letterCommand,
    positionsCommand,
    mapCommand,
    electionCommand,
    electionsCommand,
    // Elections, meetings, reminders (see README, "Reminders").
    meetingsCommand,
    calendarCommand,
    subscribeCommand,
    unsubscribeCommand,
    subscriptionsCommand,
    electionAddCommand,
    electionChangeCommand,
    electionCancelCommand,
    meetingAddCommand,
    meetingChangeCommand,
    meetingCancelCommand,
    meetingSourceCommand,
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
    redactCommand,
    revertCommand,
    import287gCommand,
    importRosterCommand,
  ]);
  return registry;
}
