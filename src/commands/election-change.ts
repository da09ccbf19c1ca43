import { date, link, text } from '../reply.ts';
import type { ElectionFacts } from '../store/recorded-elections.ts';
import { ELECTION_KIND_OPTION, REGISTRATION_OPTION } from './election-add.ts';
import { UserError } from './errors.ts';
import { checkDate, checkText, NOTE_OPTION, REVISION_OPTION, SOURCE_OPTION, storeWrite, writeMeta } from './event-args.ts';
import type { CommandDef, OptionDef } from './types.ts';

export const ELECTION_ID_OPTION: OptionDef = { name: 'id', description: 'The election number (#) as `election` shows it', type: 'integer', required: true, min: 1 };

export const electionChangeCommand: CommandDef = {
  name: 'election-change',
  description: 'Correct a recorded election: date, kind, registration deadline or note (moderators)',
  options: [
    ELECTION_ID_OPTION,
    { ...ELECTION_KIND_OPTION, required: false },
    { name: 'date', description: 'New election day, YYYY-MM-DD', type: 'text', required: false },
    REGISTRATION_OPTION,
    NOTE_OPTION,
    SOURCE_OPTION,
    REVISION_OPTION,
  ],
  permission: 'moderator',
  examples: ['election-change 1 date:2028-11-08 source:https://www.votetravis.gov/', 'election-change 1 registration:- source:https://www.votetravis.gov/'],
  handler(ctx, args) {
    const patch: Partial<ElectionFacts> = {};
    if (args.kind !== undefined) patch.kind = String(args.kind) as ElectionFacts['kind'];
    if (args.date !== undefined) patch.date = checkDate(String(args.date), 'election date');
    if (args.registration !== undefined) {
      patch.registrationDeadline = String(args.registration).trim() === '-' ? null : checkDate(String(args.registration), 'registration deadline');
    }
    if (args.note !== undefined) patch.note = checkText(args.note, 'note') ?? null;
    if (!Object.keys(patch).length) {
      throw new UserError('nothing_to_change', 'Nothing to change', ['Give at least one of kind, date, registration, note, e.g. `election-change 1 date:2028-11-08 source:https://…`.']);
    }
    const meta = writeMeta(ctx, args);
    const current = ctx.store.recordedElections.byId(Number(args.id));
    const electionDate = patch.date ?? current?.date;
    const registration = patch.registrationDeadline === undefined ? current?.registrationDeadline : patch.registrationDeadline;
    if (registration && electionDate && registration > electionDate) {
      throw new UserError('bad_date', 'The registration deadline would be after the election', [`${registration} is after ${electionDate}.`]);
    }
    const e = storeWrite('election-change', () => ctx.store.recordedElections.change(Number(args.id), patch, meta));
    return {
      status: 'ok',
      title: `Changed: election #${e.id} (revision ${e.revision})`,
      intro: [[text(`Sheriff ${e.kind} election: `), date(e.date), ...(e.registrationDeadline ? [text(' · register by '), date(e.registrationDeadline)] : [])]],
      sections: [{ lines: [[text('Source: '), link(e.sourceTitle, e.sourceUrl)]] }],
      notes: [[text('Reminders follow the new date; ones already sent for the old date stay sent.')]],
    };
  },
};
