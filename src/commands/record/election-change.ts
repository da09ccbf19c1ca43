import { languageFor } from '../../i18n/choose-language.ts';
import { msg, t } from '../../i18n/index.ts';
import { electionName } from '../../present/reminder.ts';
import { date, link, text } from '../../reply.ts';
import type { ElectionFacts, RecordedElection } from '../../store/recorded-elections.ts';
import { ELECTION_KIND_OPTION, REGISTRATION_OPTION } from './election-add.ts';
import { UserError } from '../../user-error.ts';
import { checkEventDate, checkText, writeMeta } from './event-args.ts';
import { eventFips, submitEvent } from './event-submit.ts';
import { electionOf } from '../../moderation/event-change.ts';
import type { Language } from '../../i18n/index.ts';
import type { Reply } from '../../reply.ts';
import type { CommandDef, OptionDef } from '../../framework/types.ts';
import { EVENT_REVISION_OPTION, EVENT_SOURCE_OPTION, NOTE_OPTION } from '../../framework/options.ts';

export const ELECTION_ID_OPTION: OptionDef = { name: 'id', descriptionKey: 'option.election-id', type: 'integer', required: true, min: 1 };

export const electionChangeCommand: CommandDef = {
  name: 'election-change',
  options: [
    ELECTION_ID_OPTION,
    { ...ELECTION_KIND_OPTION, required: false },
    { name: 'date', type: 'text', required: false },
    REGISTRATION_OPTION,
    NOTE_OPTION,
    EVENT_SOURCE_OPTION,
    EVENT_REVISION_OPTION,
  ],
  permission: 'everyone',
  examples: ['election-change 1 date:2028-11-08 source:https://www.votetravis.gov/', 'election-change 1 registration:- source:https://www.votetravis.gov/'],
  handler(ctx, args) {
    const language = languageFor(ctx);
    const patch: Partial<ElectionFacts> = {};
    if (args.kind !== undefined) patch.kind = String(args.kind) as ElectionFacts['kind'];
    if (args.date !== undefined) patch.date = checkEventDate(String(args.date), 'election date', ctx.clock.now());
    if (args.registration !== undefined) {
      patch.registrationDeadline = String(args.registration).trim() === '-' ? null : checkEventDate(String(args.registration), 'registration deadline', ctx.clock.now());
    }
    if (args.note !== undefined) patch.note = checkText(args.note, 'note', true) ?? null;
    if (!Object.keys(patch).length) {
      throw new UserError('nothing_to_change', 'event.nothing', {}, [msg('election-change.nothing.help', { command: '`election-change 1 date:2028-11-08 source:https://…`' })]);
    }
    const meta = writeMeta(ctx, args);
    const fips = eventFips(ctx, 'election-change', 'election', Number(args.id));
    const current = ctx.store.recordedElections.byId(Number(args.id));
    const electionDate = patch.date ?? current?.date;
    const registration = patch.registrationDeadline === undefined ? current?.registrationDeadline : patch.registrationDeadline;
    if (registration && electionDate && registration > electionDate) {
      throw new UserError('bad_date', 'election-change.registration-after', {}, [msg('election.registration-after.help', { registration, date: electionDate })]);
    }
    const change = { kind: 'election_change' as const, fips, id: Number(args.id), patch, sourceUrl: meta.sourceUrl, sourceTitle: meta.sourceTitle };
    return submitEvent(ctx, 'election-change', change, meta, (result) => changed(language, electionOf(result)));
  },
};

function changed(language: Language, e: RecordedElection): Reply {
  const kind = electionName(e.kind, language);
  return {
    status: 'ok',
    title: t(language, 'election-change.title', { id: e.id, revision: e.revision }),
    intro: [[text(`${kind.charAt(0).toUpperCase()}${kind.slice(1)}: `), date(e.date), ...(e.registrationDeadline ? [text(t(language, 'election.register-by')), date(e.registrationDeadline)] : [])]],
    sections: [{ lines: [[text(t(language, 'reminder.source')), link(e.sourceTitle, e.sourceUrl)]] }],
    notes: [[text(t(language, 'election-change.note'))]],
  };
}
