// County departures from a state's sheriff election rule (data/sheriff_election_exceptions.csv).
import type { StateCode } from './states.ts';
import type { Jurisdiction, JurisdictionKind, Selection } from './types.ts';

/**
 * Where one county (or every jurisdiction of one kind in a state) departs from its state's
 * rule, as compiled in data/sheriff_election_exceptions.csv.
 */
export interface ElectionException {
  state: StateCode;
  /** The county's FIPS; null when the row covers every jurisdiction of `appliesToKind` in the state. */
  fips: string | null;
  appliesToKind: JurisdictionKind | null;
  /** 'Pierce County', or e.g. 'Virginia independent cities' for a kind-wide row. */
  name: string;
  /** not_elected: appointed or no sheriff; cycle: own cycle years or day; note: state schedule applies, with a remark. */
  kind: 'not_elected' | 'cycle' | 'note';
  selection: Selection;
  /** Term length when it differs from the state's; null = the state's. */
  termYears: number | null;
  /** Known election years on this county's cycle (kind 'cycle'); extended by the term length. */
  cycleYears: number[];
  /** The county's own election-day rule; null = the state's. */
  electionDayRule: string | null;
  /** What differs, in words. */
  detail: string;
  /** The words of the rules file this row rests on. */
  basis: string;
  certainty: 'stated' | 'inferred' | 'guess';
}

/** True when the exception row is about this jurisdiction (by FIPS, or by state and kind). */
export function exceptionApplies(exception: ElectionException, jurisdiction: Pick<Jurisdiction, 'fips' | 'state' | 'kind'>): boolean {
  if (exception.fips !== null) return exception.fips === jurisdiction.fips;
  return exception.state === jurisdiction.state && exception.appliesToKind === jurisdiction.kind;
}
