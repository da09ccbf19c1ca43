// STUB: interface agreed with the elections work; the implementation replaces these bodies.
import type { Jurisdiction, StateSheriffRule } from './types.ts';

interface Basis {
  /** The rule in words, e.g. "every 4 years, presidential years; Tuesday after the first Monday in November". */
  basis: string;
  confidence: StateSheriffRule['confidence'];
  sourceUrls: string[];
  /** Known caveats for this county or state (primaries decide, county exceptions…). */
  caveats: string[];
}

/** The next regular sheriff election for a jurisdiction, computed from state law. */
export type NextElection =
  | (Basis & { kind: 'scheduled'; date: string; year: number })
  /** The year follows from the cycle but the rule gives no fixed day (e.g. Louisiana's Saturday elections). */
  | (Basis & { kind: 'year_only'; year: number })
  /** Counties differ and this one's schedule is not known: say so, never invent a date. */
  | (Basis & { kind: 'varies'; reason: string })
  /** The sheriff is not elected here (appointed, or no sheriff at all). */
  | (Basis & { kind: 'not_elected'; reason: string });

export function nextRegularElection(
  _rule: StateSheriffRule | undefined,
  _jurisdiction: Jurisdiction,
  _today: string,
): NextElection {
  throw new Error('not implemented');
}

/** Date of the latest regular sheriff election on or before `today`, if the rule fixes it. */
export function lastRegularElection(
  _rule: StateSheriffRule | undefined,
  _jurisdiction: Jurisdiction,
  _today: string,
): string | null {
  throw new Error('not implemented');
}
