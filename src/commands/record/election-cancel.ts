import { languageFor } from '../../i18n/choose-language.ts';
import { t } from '../../i18n/index.ts';
import { electionName } from '../../present/reminder.ts';
import { date, link, text } from '../../reply.ts';
import { ELECTION_ID_OPTION } from './election-change.ts';
import { checkText, writeMeta } from './event-args.ts';
import { eventFips, submitEvent } from './event-submit.ts';
import { electionOf } from '../../moderation/event-change.ts';
import type { CommandDef } from '../../framework/types.ts';
import { EVENT_REVISION_OPTION, EVENT_SOURCE_OPTION, NOTE_OPTION } from '../../framework/options.ts';

export const electionCancelCommand: CommandDef = {
  name: 'election-cancel',
  options: [ELECTION_ID_OPTION, EVENT_SOURCE_OPTION, { ...NOTE_OPTION, descriptionKey: 'command.election-cancel.option.note' }, EVENT_REVISION_OPTION],
  permission: 'everyone',
  examples: ['election-cancel 1 source:https://www.votetravis.gov/notice note:"court order"'],
  handler(ctx, args) {
    const language = languageFor(ctx);
    const meta = writeMeta(ctx, args);
    const reason = checkText(args.note, 'note', true) ?? null;
    const fips = eventFips(ctx, 'election-cancel', 'election', Number(args.id));
    const change = { kind: 'election_cancel' as const, fips, id: Number(args.id), reason, sourceUrl: meta.sourceUrl, sourceTitle: meta.sourceTitle };
    return submitEvent(ctx, 'election-cancel', change, meta, (result) => {
      const e = electionOf(result);
      return {
        status: 'ok',
        title: t(language, 'election-cancel.title', { id: e.id }),
        intro: [[text(t(language, 'election-cancel.of', { election: electionName(e.kind, language) })), date(e.date), text(t(language, 'election-cancel.off'))]],
        sections: [{ lines: [[text(t(language, 'reminder.source')), link(e.sourceTitle, e.sourceUrl)]] }],
        notes: [[text(t(language, 'event.kept'))]],
      };
    });
  },
};
