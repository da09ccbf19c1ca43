import { aboutCommand } from './about/about.ts';
import { calendarCommand } from './lookup/calendar.ts';
import { callCommand } from './lookup/call.ts';
import { electionCommand } from './lookup/election.ts';
import { electionAddCommand } from './record/election-add.ts';
import { electionCancelCommand } from './record/election-cancel.ts';
import { electionChangeCommand } from './record/election-change.ts';
import { electionsCommand } from './lookup/elections.ts';
import { helpCommand } from './about/help.ts';
import { historyCommand } from './review/history.ts';
import { holderRemoveCommand } from './record/holder-remove.ts';
import { holderSetCommand } from './record/holder-set.ts';
import { import287gCommand } from './record/import-287g.ts';
import { importRosterCommand } from './record/import-roster.ts';
import { languageCommand } from './channel/language.ts';
import { mapCommand } from './lookup/map.ts';
import { letterCommand } from './lookup/letter.ts';
import { meetingAddCommand } from './record/meeting-add.ts';
import { meetingCancelCommand } from './record/meeting-cancel.ts';
import { meetingChangeCommand } from './record/meeting-change.ts';
import { meetingSourceCommand } from './record/meeting-source.ts';
import { meetingsCommand } from './lookup/meetings.ts';
import { pendingCommand } from './review/pending.ts';
import { positionRemoveCommand } from './record/position-remove.ts';
import { positionSetCommand } from './record/position-set.ts';
import { positionsCommand } from './lookup/positions.ts';
import { CommandRegistry } from '../framework/registry.ts';
import { approveCommand, rejectCommand } from './review/review.ts';
import { redactCommand } from './review/redact.ts';
import { revertCommand } from './review/revert.ts';
import { sheriffCommand } from './lookup/sheriff.ts';
import { statusCommand } from './lookup/status.ts';
import { subscribeCommand } from './channel/subscribe.ts';
import { subscriptionsCommand } from './channel/subscriptions.ts';
import { unsubscribeCommand } from './channel/unsubscribe.ts';

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
