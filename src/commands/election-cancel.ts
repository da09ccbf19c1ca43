import { date, link, text } from '../reply.ts';
import { ELECTION_ID_OPTION } from './election-change.ts';
import { checkText, NOTE_OPTION, REVISION_OPTION, SOURCE_OPTION, storeWrite, writeMeta } from './event-args.ts';
import type { CommandDef } from './types.ts';

export const electionCancelCommand: CommandDef = {
  name: 'election-cancel',
  description: 'Cancel a recorded election, with the source that says so (moderators)',
  options: [ELECTION_ID_OPTION, SOURCE_OPTION, { ...NOTE_OPTION, description: 'Why, e.g. "candidate unopposed; race removed from the ballot"' }, REVISION_OPTION],
  permission: 'moderator',
  examples: ['election-cancel 1 source:https://www.votetravis.gov/notice note:"court order"'],
  handler(ctx, args) {
    const meta = writeMeta(ctx, args);
    const reason = checkText(args.note, 'note') ?? null;
    const e = storeWrite('election-cancel', () => ctx.store.recordedElections.cancel(Number(args.id), { ...meta, reason }));
    return {
      status: 'ok',
      title: `Cancelled: election #${e.id}`,
      intro: [[text(`The sheriff ${e.kind} election of `), date(e.date), text(' is cancelled. Its reminders stop; calendars show it cancelled.')]],
      sections: [{ lines: [[text('Source: '), link(e.sourceTitle, e.sourceUrl)]] }],
      notes: [[text('The record and its history are kept.')]],
    };
  },
};
