import { languageFor } from '../../i18n/choose-language.ts';
import { msg, t } from '../../i18n/index.ts';
import { todayIn } from '../../clock.ts';
import { electionName } from '../../present/reminder.ts';
import { date, link, text } from '../../reply.ts';
import { ELECTION_KINDS, type ElectionKind, type RecordedElection } from '../../store/recorded-elections.ts';
import { UserError } from '../../user-error.ts';
import { checkEventDate, checkText, writeMeta } from './event-args.ts';
import { placeQuery } from '../../present/format.ts';
import { countyOrState } from '../../framework/scope-place.ts';
import { submitEvent } from './event-submit.ts';
import { electionOf } from '../../moderation/event-change.ts';
import type { Jurisdiction } from '../../domain/types.ts';
import type { Language } from '../../i18n/index.ts';
import type { Reply } from '../../reply.ts';

import type { CommandDef, OptionDef } from '../../framework/types.ts';
import { COUNTY_OPTION, EVENT_SOURCE_OPTION, NOTE_OPTION, STATE_OPTION } from '../../framework/options.ts';

export const ELECTION_KIND_OPTION: OptionDef = {
  name: 'kind',
  descriptionKey: 'option.election-kind',
  type: 'choice',
  required: true,
  choices: ELECTION_KINDS.map((k) => ({ value: k, label: k })),
};

export const REGISTRATION_OPTION: OptionDef = {
  name: 'registration',
  descriptionKey: 'option.registration',
  type: 'text',
  required: false,
};

export const electionAddCommand: CommandDef = {
  name: 'election-add',
  options: [
    COUNTY_OPTION,
    STATE_OPTION,
    ELECTION_KIND_OPTION,
    { name: 'date', type: 'text', required: true },
    REGISTRATION_OPTION,
    NOTE_OPTION,
    EVENT_SOURCE_OPTION,
  ],
  // Everyone may propose; only an editor's change is applied at once (see submitEvent).
  permission: 'everyone',
  examples: [
    'election-add Travis, TX kind:general date:2028-11-07 registration:2028-10-10 source:https://www.votetravis.gov/',
    'election-add Orleans Parish kind:special date:2027-03-20 source:https://www.sos.la.gov/ note:"vacancy"',
  ],
  handler(ctx, args) {
    const language = languageFor(ctx);
    const place = countyOrState(ctx.store, 'election-add', args);
    if (place.kind !== 'jurisdiction') {
      throw new UserError('county_needed', 'meetings.which-county', {}, [
        msg('election-add.county.help', { command: '`election-add Travis, TX kind:general date:2028-11-07 source:https://…`' }),
      ]);
    }
    const j = place.jurisdiction;
    const electionDate = checkEventDate(String(args.date), 'election date', ctx.clock.now());
    if (electionDate < todayIn(ctx.clock, j.timeZone)) throw new UserError('date_past', 'election-add.past', {}, [msg('election-add.past.help', { date: electionDate, county: j.name })]);
    const registration = args.registration === undefined ? null : checkEventDate(String(args.registration), 'registration deadline', ctx.clock.now());
    if (registration && registration > electionDate) {
      throw new UserError('bad_date', 'election.registration-after', {}, [msg('election.registration-after.help', { registration, date: electionDate })]);
    }
    const meta = writeMeta(ctx, args);
    const office = ctx.store.offices.sheriffOf(j.fips);
    const facts = { kind: String(args.kind) as ElectionKind, date: electionDate, registrationDeadline: registration, note: checkText(args.note, 'note', true) ?? null };
    const change = { kind: 'election_add' as const, fips: j.fips, officeId: office?.id ?? null, facts, sourceUrl: meta.sourceUrl, sourceTitle: meta.sourceTitle };
    return submitEvent(ctx, 'election-add', change, meta, (result) => added(language, j, electionOf(result)));
  },
};

function added(language: Language, j: Jurisdiction, e: RecordedElection): Reply {
  return {
    status: 'ok',
    title: t(language, 'election-add.title', { election: electionName(e.kind, language), place: `${j.name}, ${j.state}` }),
    intro: [[text(t(language, 'election.day')), date(e.date), ...(e.registrationDeadline ? [text(t(language, 'election.register-by')), date(e.registrationDeadline)] : [])]],
    sections: [{ lines: [[text(t(language, 'reminder.source')), link(e.sourceTitle, e.sourceUrl)], [text(t(language, 'election-add.id', { id: e.id, revision: e.revision }))]] }],
    notes: [
      [text(t(language, 'election-add.change')), text(`election-change ${e.id} date:YYYY-MM-DD source:<link>`, 'code')],
      [text(t(language, 'election-add.see')), text(`election ${placeQuery(j)}`, 'code')],
    ],
  };
}
