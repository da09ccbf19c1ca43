import { STATES } from '../../domain/states.ts';
import { languageFor } from '../../i18n/choose-language.ts';
import { msg, t } from '../../i18n/index.ts';
import { text } from '../../reply.ts';
import { UserError } from '../../user-error.ts';
import { electionDetails, electionHeadline, recordedLine } from '../../present/election-facts.ts';
import { electionFacts } from '../../queries/election-facts.ts';
import { placeName, placeQuery } from '../../present/format.ts';
import { resolvePlaceArgs } from '../../framework/place.ts';
import { noSheriffReply } from '../../present/sheriff-card.ts';

import type { CommandDef } from '../../framework/types.ts';
import { COUNTY_OPTION, STATE_OPTION } from '../../framework/options.ts';

export const electionCommand: CommandDef = {
  name: 'election',
  options: [COUNTY_OPTION, STATE_OPTION],
  permission: 'everyone',
  cacheable: true,
  examples: ['election Travis, TX', 'election Orleans Parish'],
  handler(ctx, args) {
    const { store, clock } = ctx;
    const language = languageFor(ctx);
    const place = resolvePlaceArgs(store, 'election', args);
    if (place.kind === 'state') {
      const rule = store.rules.forState(place.state);
      if (rule?.elected === 'no') return noSheriffReply(place.state, rule, undefined, language);
      throw new UserError('county_needed', 'place.county-needed', { state: STATES[place.state] }, [
        msg('election.county-needed.hint', { election: `election <county>, ${place.state}`, elections: `elections ${place.state}` }),
      ]);
    }
    const j = place.jurisdiction;
    const rule = store.rules.forState(j.state);
    if (rule?.elected === 'no') return noSheriffReply(j.state, rule, j, language);
    const { next, recorded } = electionFacts(store, clock, j);
    const others = recorded.filter((e) => e !== next.recorded);
    return {
      status: 'ok',
      title: t(language, 'election.title', { place: placeName(j) }),
      intro: [electionHeadline(next, language)],
      sections: [
        { lines: electionDetails(next, language) },
        ...(others.length ? [{ heading: t(language, 'election.others'), items: others.map((e) => recordedLine(e, language)) }] : []),
      ],
      notes: [
        [text(t(language, 'format.more')), text(`sheriff ${placeQuery(j)}`, 'code'), text(' · '), text(`elections ${j.state}`, 'code'), text(' · '), text(`calendar ${placeQuery(j)}`, 'code')],
        [text(t(language, 'election.reminders')), text(`subscribe ${placeQuery(j)} elections`, 'code')],
      ],
    };
  },
};
