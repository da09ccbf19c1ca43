import { todayIn, type Clock } from '../clock.ts';
import { nextRegularElection, type NextElection } from '../domain/elections.ts';
import { lastRegularElection } from '../domain/last-elections.ts';
import type { Jurisdiction } from '../domain/types.ts';
import type { RecordedElection } from '../store/recorded-elections.ts';
import type { Store } from '../store/index.ts';

/**
 * The computed next regular election; `recorded` is set when moderators recorded the date of
 * the same race (a general election in the computed year, or any upcoming general election
 * where the rule gives no year): the recorded date wins.
 */
export type NextElectionView = NextElection & { recorded?: RecordedElection };

export interface ElectionFacts {
  next: NextElectionView;
  /** The latest regular election on or before today, when the rule fixes its date. */
  last: string | null;
  today: string;
  /** Upcoming elections recorded by moderators with a source, soonest first. */
  recorded: RecordedElection[];
}

/** The next and last regular sheriff election of a jurisdiction, on its local calendar. */
export function electionFacts(store: Store, clock: Clock, j: Jurisdiction): ElectionFacts {
  const today = todayIn(clock, j.timeZone);
  const rule = store.rules.forState(j.state);
  const exception = store.electionExceptions.forJurisdiction(j);
  const computed = nextRegularElection(rule, j, today, exception);
  const recorded = store.recordedElections.upcomingFor(j.fips, today);
  const winner = recordedWinner(computed, recorded);
  return {
    next: winner ? { ...computed, recorded: winner } : computed,
    last: lastRegularElection(rule, j, today, exception),
    today,
    recorded,
  };
}

/** What `elections <state>` shows of one jurisdiction: the next election and the recorded ones. */
export type StateElectionFacts = Pick<ElectionFacts, 'next' | 'recorded'>;

/**
 * electionFacts' next and recorded elections for every jurisdiction of one state, with the
 * state's rows read once (exceptions, recorded elections) and "today" worked out once per zone.
 */
export function electionFactsInState(store: Store, clock: Clock, state: string, places: readonly Jurisdiction[]): Map<string, StateElectionFacts> {
  const rule = store.rules.forState(state);
  const exceptionOf = store.electionExceptions.resolverForState(state);
  const todays = new Map<string, string>();
  for (const j of places) if (!todays.has(j.timeZone)) todays.set(j.timeZone, todayIn(clock, j.timeZone));
  const earliest = [...todays.values()].sort()[0];
  const recordedByFips = new Map<string, RecordedElection[]>();
  for (const e of earliest ? store.recordedElections.upcoming(earliest, state) : []) {
    const list = recordedByFips.get(e.fips) ?? [];
    list.push(e);
    recordedByFips.set(e.fips, list);
  }
  const facts = new Map<string, StateElectionFacts>();
  for (const j of places) {
    const today = todays.get(j.timeZone)!;
    const computed = nextRegularElection(rule, j, today, exceptionOf(j));
    const recorded = (recordedByFips.get(j.fips) ?? []).filter((e) => e.date >= today);
    const winner = recordedWinner(computed, recorded);
    facts.set(j.fips, { next: winner ? { ...computed, recorded: winner } : computed, recorded });
  }
  return facts;
}

/** The recorded election that replaces the computed one for the same race, if any. */
export function recordedWinner(computed: NextElection, recorded: readonly RecordedElection[]): RecordedElection | undefined {
  if (computed.kind === 'not_elected') return undefined;
  const generals = recorded.filter((e) => e.kind === 'general');
  if (computed.kind === 'varies') return generals[0];
  return generals.find((e) => Number(e.date.slice(0, 4)) === computed.year);
}
