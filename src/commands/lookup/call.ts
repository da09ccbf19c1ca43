import { languageFor } from '../../i18n/choose-language.ts';
import { t } from '../../i18n/index.ts';
import { topicVerdicts } from '../../queries/verdicts.ts';
import { link, text, type Rich } from '../../reply.ts';
import { isReply, recordForCommand } from '../../framework/action-place.ts';
import { buildCallScript } from '../../present/call-script.ts';
import { iceFreshnessLines } from '../../present/freshness-lines.ts';
import { phoneSpans } from '../../present/phone-span.ts';
import { placeName, placeQuery, richMessage, sourceLine } from '../../present/format.ts';
import type { CommandDef } from '../../framework/types.ts';
import { COUNTY_OPTION, STATE_OPTION } from '../../framework/options.ts';

export const callCommand: CommandDef = {
  name: 'call',
  options: [COUNTY_OPTION, STATE_OPTION],
  permission: 'everyone',
  cacheable: true,
  examples: ['call Autauga, AL', 'call Travis, TX'],
  handler(ctx, args) {
    const record = recordForCommand(ctx, 'call', args);
    if (isReply(record)) return record;
    const language = languageFor(ctx);
    const script = buildCallScript(record, topicVerdicts(ctx.store, record, language), language);
    const { phone, email, website } = record.contact;
    const reach: Rich[] = [];
    if (phone) reach.push(richMessage(language, 'call.phone', { phone: phoneSpans(phone.value, language) }));
    else {
      reach.push([text(t(language, 'call.no-phone'))]);
      reach.push(website ? [text(t(language, 'call.no-phone.website')), link(website.value, website.value)] : [text(t(language, 'call.no-phone.directory'))]);
    }
    if (email) reach.push([text(t(language, 'call.email', { email: email.value }))]);
    const contactSources = [...new Map([phone, email].filter((d) => d !== undefined).map((d) => [`${d.source.title}|${d.source.date}`, d.source])).values()]
      .map((source) => sourceLine('·', source, language));
    const query = placeQuery(record.jurisdiction);
    return {
      status: 'ok',
      title: t(language, 'call.title', { place: placeName(record.jurisdiction) }),
      intro: reach,
      sections: [
        { heading: t(language, 'call.heading.script'), lines: script.paragraphs.map((p): Rich => [text(p)]) },
        { heading: t(language, 'call.sources'), items: script.sources.map((s, i) => sourceLine(`[${i + 1}]`, s, language)) },
      ],
      notes: [...contactSources, ...iceFreshnessLines(ctx.store, ctx.clock, language), [text(t(language, 'call.more', { letter: `letter ${query}`, sheriff: `sheriff ${query}` }))]],
    };
  },
};
