import { STATES, type StateCode } from '../../domain/states.ts';
import type { Jurisdiction } from '../../domain/types.ts';
import { languageFor } from '../../i18n/choose-language.ts';
import { t, type Language } from '../../i18n/index.ts';
import { date, text, type Rich } from '../../reply.ts';
import { confidenceLabel, electionDetails, recordedLine } from '../../present/election-facts.ts';
import { electionFactsInState, type NextElectionView } from '../../queries/election-facts.ts';
import { STATE_OPTION } from '../../framework/options.ts';
import { paginate } from '../../framework/paging.ts';
import { noSheriffReply } from '../../present/sheriff-card.ts';
import type { CommandDef } from '../../framework/types.ts';

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

function groupLine(group: Group, total: number, language: Language): Rich {
  const { next, places } = group;
  const who = places.length === total
    ? t(language, 'elections.all', { count: total })
    : places.length <= NAMES_LISTED
      ? places.map((p) => p.name).join(', ')
      : t(language, 'elections.some', { count: places.length, names: places.slice(0, 3).map((p) => p.name).join(', ') });
  if (next.recorded) return [date(next.recorded.date), text(' — '), text(who), text(t(language, 'elections.recorded'), 'italic')];
  const head: Rich =
    next.kind === 'scheduled'
      ? [date(next.date)]
      : next.kind === 'year_only'
        ? [text(t(language, 'elections.year', { year: next.year }))]
        : next.kind === 'varies'
          ? [text(t(language, 'elections.varies', { reason: next.reason }))]
          : [text(t(language, 'elections.not-elected', { reason: next.reason }))];
  return [...head, text(' — '), text(who), text(t(language, 'elections.confidence', { confidence: confidenceLabel(next.confidence, language) }), 'italic')];
}

export const electionsCommand: CommandDef = {
  name: 'elections',
  options: [{ ...STATE_OPTION, required: true }],
  permission: 'everyone',
  cacheable: true,
  paged: true,
  examples: ['elections GA', 'elections Virginia'],
  handler(ctx, args) {
    const { store, clock } = ctx;
    const language = languageFor(ctx);
    const state = args.state as StateCode;
    const rule = store.rules.forState(state);
    if (rule?.elected === 'no') return noSheriffReply(state, rule, undefined, language);
    const places = store.jurisdictions.inState(state);
    const groups = new Map<string, Group>();
    const byFips = new Map(places.map((j) => [j.fips, j]));
    const otherRecorded: Rich[] = [];
    const facts = electionFactsInState(store, clock, state, places);
    for (const j of places) {
      const { next, recorded } = facts.get(j.fips)!;
      for (const e of recorded) if (e !== next.recorded) otherRecorded.push([text(`${byFips.get(e.fips)?.name ?? e.fips}: `), ...recordedLine(e, language)]);
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
      title: t(language, 'elections.title', { state: STATES[state] }),
      intro: [[text(t(language, 'election.computed'), 'italic')]],
      sections: [
        { items: page.items.map((g) => groupLine(g, places.length, language)) },
        ...(otherRecorded.length ? [{ heading: t(language, 'election.others'), items: otherRecorded.slice(0, 20) }] : []),
        { heading: t(language, 'elections.how'), lines: electionDetails({ ...biggest.next, recorded: undefined }, language) },
      ],
      notes: [[text(t(language, 'elections.one-county')), text(`election <county>, ${state}`, 'code')]],
      ...(page.paging ? { paging: page.paging } : {}),
    };
  },
};
