import { STATES } from '../domain/states.ts';
import { text } from '../reply.ts';
import { UserError } from './errors.ts';
import { electionDetails, electionFacts, electionHeadline, recordedLine } from './election-facts.ts';
import { placeName, placeQuery } from './format.ts';
import { resolvePlaceArgs } from './place.ts';
import { noSheriffReply } from './sheriff-card.ts';
import { COUNTY_OPTION, STATE_OPTION } from './sheriff.ts';
import type { CommandDef } from './types.ts';

export const electionCommand: CommandDef = {
  name: 'election',
  description: "The county's next regular sheriff election",
  options: [COUNTY_OPTION, STATE_OPTION],
  permission: 'everyone',
  cacheable: true,
  examples: ['election Travis, TX', 'election Orleans Parish'],
  handler({ store, clock }, args) {
    const place = resolvePlaceArgs(store, 'election', args);
    if (place.kind === 'state') {
      const rule = store.rules.forState(place.state);
      if (rule?.elected === 'no') return noSheriffReply(place.state, rule);
      throw new UserError('county_needed', `Which county in ${STATES[place.state]}?`, [
        `Example: \`election <county>, ${place.state}\`, or \`elections ${place.state}\` for the whole state.`,
      ]);
    }
    const j = place.jurisdiction;
    const rule = store.rules.forState(j.state);
    if (rule?.elected === 'no') return noSheriffReply(j.state, rule, j);
    const { next, recorded } = electionFacts(store, clock, j);
    const others = recorded.filter((e) => e !== next.recorded);
    return {
      status: 'ok',
      title: `Sheriff election: ${placeName(j)}`,
      intro: [electionHeadline(next)],
      sections: [
        { lines: electionDetails(next) },
        ...(others.length ? [{ heading: 'Other recorded elections', items: others.map(recordedLine) }] : []),
      ],
      notes: [
        [text('More: '), text(`sheriff ${placeQuery(j)}`, 'code'), text(' · '), text(`elections ${j.state}`, 'code'), text(' · '), text(`calendar ${placeQuery(j)}`, 'code')],
        [text('Reminders in this channel: '), text(`subscribe ${placeQuery(j)} elections`, 'code')],
      ],
    };
  },
};
