import { STATES, type StateCode } from '../domain/states.ts';
import type { Jurisdiction } from '../domain/types.ts';
import { date, text, type Rich } from '../reply.ts';
import { COMPUTED_LABEL, electionDetails, electionFacts, recordedLine, type NextElectionView } from './election-facts.ts';
import { paginate } from './paging.ts';
import { noSheriffReply } from './sheriff-card.ts';
import type { CommandDef } from './types.ts';

interface Group {
  key: string;
  next: NextElectionView;
  places: Jurisdiction[];
}

/** At most this many names are listed in a group; larger groups are counted. */
const NAMES_LISTED = 12;

function groupKey(next: NextElectionView): string {
  if (next.recorded) return `1 ${next.recorded.date} recorded`;
  switch (next.kind) {
    case 'scheduled':
      return `1 ${next.date}`;
    case 'year_only':
      return `2 ${next.year}`;
    case 'varies':
      return `3 ${next.reason}`;
    case 'not_elected':
      return `4 ${next.reason}`;
  }
}

function groupLine(group: Group, total: number): Rich {
  const { next, places } = group;
  const who = places.length === total
    ? `all ${total} counties`
    : places.length <= NAMES_LISTED
      ? places.map((p) => p.name).join(', ')
      : `${places.length} places, e.g. ${places.slice(0, 3).map((p) => p.name).join(', ')}`;
  if (next.recorded) return [date(next.recorded.date), text(' — '), text(who), text(' · recorded with a source', 'italic')];
  const head: Rich =
    next.kind === 'scheduled'
      ? [date(next.date)]
      : next.kind === 'year_only'
        ? [text(`${next.year} (no fixed day in the rule)`)]
        : next.kind === 'varies'
          ? [text(`Not known: ${next.reason}`)]
          : [text(`Not elected: ${next.reason}`)];
  return [...head, text(' — '), text(who), text(` · confidence: ${next.confidence}`, 'italic')];
}

export const electionsCommand: CommandDef = {
  name: 'elections',
  description: "Next regular sheriff elections across a state",
  options: [{ name: 'state', description: 'State, as a code (TX) or name (Texas)', type: 'state', required: true }],
  permission: 'everyone',
  cacheable: true,
  paged: true,
  examples: ['elections GA', 'elections Virginia'],
  handler({ store, clock }, args) {
    const state = args.state as StateCode;
    const rule = store.rules.forState(state);
    if (rule?.elected === 'no') return noSheriffReply(state, rule);
    const places = store.jurisdictions.inState(state);
    const groups = new Map<string, Group>();
    const byFips = new Map(places.map((j) => [j.fips, j]));
    const otherRecorded: Rich[] = [];
    for (const j of places) {
      const { next, recorded } = electionFacts(store, clock, j);
      for (const e of recorded) if (e !== next.recorded) otherRecorded.push([text(`${byFips.get(e.fips)?.name ?? e.fips}: `), ...recordedLine(e)]);
      const key = groupKey(next);
      const group = groups.get(key) ?? { key, next, places: [] };
      group.places.push(j);
      groups.set(key, group);
    }
    const sorted = [...groups.values()].sort((a, b) => a.key.localeCompare(b.key));
    const page = paginate(sorted, args.page as number | undefined, { command: 'elections', args: { state } });
    const computedGroups = sorted.filter((g) => !g.next.recorded);
    const biggest = (computedGroups.length ? computedGroups : sorted).reduce((a, b) => (b.places.length > a.places.length ? b : a));
    return {
      status: 'ok',
      title: `Sheriff elections in ${STATES[state]}`,
      intro: [[text(COMPUTED_LABEL, 'italic')]],
      sections: [
        { items: page.items.map((g) => groupLine(g, places.length)) },
        ...(otherRecorded.length ? [{ heading: 'Other recorded elections', items: otherRecorded.slice(0, 20) }] : []),
        { heading: 'How this is computed', lines: electionDetails({ ...biggest.next, recorded: undefined }) },
      ],
      notes: [[text('For one county: '), text(`election <county>, ${state}`, 'code')]],
      ...(page.paging ? { paging: page.paging } : {}),
    };
  },
};
