// STUB: interface agreed with the lookup work; the implementation replaces this body.
import type { Jurisdiction } from '../domain/types.ts';
import type { StateCode } from '../domain/states.ts';
import type { Store } from '../store/index.ts';

/** What a user's county text (and optional state text) resolves to. */
export type PlaceResult =
  | { kind: 'found'; jurisdiction: Jurisdiction }
  /** Several jurisdictions fit: offer them, never guess. */
  | { kind: 'ambiguous'; query: string; candidates: Jurisdiction[] }
  /** The text named only a state ("Connecticut", "sheriff TX"). */
  | { kind: 'state_only'; state: StateCode }
  /** Nothing fits; `suggestions` are the closest names, best first (one = "did you mean"). */
  | { kind: 'not_found'; query: string; state?: StateCode; suggestions: Jurisdiction[] }
  /** The state text is not a US state. */
  | { kind: 'bad_state'; text: string };

export interface PlaceInput {
  /** What the user typed for the county; may carry the state too ("Fairfax, VA"). */
  county: string;
  /** A separate state option (Discord), code or name. */
  state?: string | undefined;
}

export function resolvePlace(_store: Store, _input: PlaceInput): PlaceResult {
  throw new Error('not implemented');
}
