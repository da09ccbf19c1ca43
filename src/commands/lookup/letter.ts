import { languageFor } from '../../i18n/choose-language.ts';
import { t } from '../../i18n/index.ts';
import { topicVerdicts } from '../../queries/verdicts.ts';
import { text, type Rich } from '../../reply.ts';
import { isReply, recordForCommand } from '../../framework/action-place.ts';
import type { Source } from '../../domain/types.ts';
import { sourceRef } from '../../present/call-script.ts';
import { placeName, sourceLine } from '../../present/format.ts';

import type { CommandDef } from '../../framework/types.ts';
import { COUNTY_OPTION, STATE_OPTION } from '../../framework/options.ts';

/** The call script as an email to the sheriff, ready to copy. */
export const letterCommand: CommandDef = {
  name: 'letter',
  options: [COUNTY_OPTION, STATE_OPTION],
  permission: 'everyone',
  cacheable: true,
  examples: ['letter Natrona, WY', 'letter Travis, TX'],
  handler(ctx, args) {
    const record = recordForCommand(ctx, 'letter', args);
    if (isReply(record)) return record;
    const language = languageFor(ctx);
    const place = placeName(record.jurisdiction);
    const verdicts = topicVerdicts(ctx.store, record, language);
    const knownVerdicts = verdicts.filter((v) => v.known && v.source);
    const sources: Source[] = [];
    const refs = knownVerdicts.map((v) => sourceRef(sources, v.source!));
    const asks = [...new Set(knownVerdicts.map((v) => v.ask!)), t(language, 'letter.writing'), t(language, 'letter.statistics')];
    const questions = verdicts.filter((v) => !v.known && v.question).map((v) => v.question!);
    const body = [
      t(language, 'letter.subject', { place }),
      '',
      record.holder && !record.holderMayHaveChanged ? t(language, 'letter.salutation.named', { sheriff: record.holder.name }) : t(language, 'letter.salutation.unnamed'),
      '',
      t(language, 'letter.intro', { place }),
      '',
      t(language, 'letter.record'),
      ...knownVerdicts.map((v, i) => `- ${v.verdict} [${refs[i]}]`),
      '',
      t(language, 'letter.asks'),
      ...asks.map((ask) => `- ${ask}`),
      ...(questions.length ? ['', t(language, 'letter.questions'), ...questions.map((q) => `- ${q}`)] : []),
      '',
      t(language, 'letter.closing'),
      '',
      t(language, 'letter.signature', { place }),
    ];
    const email = record.contact.email;
    return {
      status: 'ok',
      title: t(language, 'letter.title', { place }),
      intro: [[text(email ? t(language, 'letter.to', { email: email.value }) : t(language, 'letter.no-email'))]],
      sections: [
        { lines: [[text(body.join('\n'), 'code')]] },
        { heading: t(language, 'call.sources'), items: sources.map((s, i): Rich => sourceLine(`[${i + 1}]`, s, language)) },
      ],
      notes: email ? [sourceLine('·', email.source, language)] : [],
    };
  },
};
