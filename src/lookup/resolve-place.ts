import type { Jurisdiction } from '../domain/types.ts';
import type { StateCode } from '../domain/states.ts';
import type { Store } from '../store/index.ts';
import { closestPlaces, compareByState, fitsKindWord } from './place-index.ts';
import { MAX_PLACE_TEXT, nameKeys, parsePlaceText, parseStateText, type NameKeys } from './place-text.ts';

export { forgetPlaceIndex, preparePlaceIndex, searchPlaces } from './place-index.ts';

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

/** Former or everyday names that only make sense together with their state. */
const OTHER_NAMES = new Map<string, Partial<Record<StateCode, string>>>([
  ['dade', { FL: 'miamidade' }],
  ['miami', { FL: 'miamidade' }],
  ['shannon', { SD: 'oglalalakota' }],
  ['wadehampton', { AK: 'kusilvak' }],
  ['washington', { DC: 'districtofcolumbia' }],
]);

type Scope = (StateCode | undefined)[];

interface Attempt {
  words: string;
  scope: Scope;
}

/**
 * Resolves county text (and an optional state) to one jurisdiction, or says why not. Tries,
 * in order: the whole text as a county name (in the state field's state), then the text with
 * a state split off ("Fairfax, VA", "Dona Ana New Mexico"); a trailing "Co" is read as
 * "County" first unless written "CO".
 * Never throws on user input.
 */
export function resolvePlace(store: Store, input: PlaceInput): PlaceResult {
  const county = typeof input?.county === 'string' ? input.county : '';
  const stateText = typeof input?.state === 'string' ? input.state.trim() : '';
  const field = stateText ? parseStateText(stateText) : undefined;
  if (stateText && !field) return { kind: 'bad_state', text: stateText };
  const query = county.trim();
  const notFound = (state: StateCode | undefined, suggestions: Jurisdiction[]): PlaceResult =>
    state ? { kind: 'not_found', query, state, suggestions } : { kind: 'not_found', query, suggestions };
  if (!query || query.length > MAX_PLACE_TEXT) return notFound(field, []);

  const parsed = parsePlaceText(query);
  if (!parsed.whole) return notFound(field, []);
  const onlyState = parsed.onlyState && (!field || field === parsed.onlyState) ? parsed.onlyState : undefined;
  if (onlyState && parsed.saysSheriff) return { kind: 'state_only', state: onlyState };
  const attempts: Attempt[] = [
    { words: parsed.whole, scope: [field] },
    ...parsed.splits.map((split) => ({
      words: split.words,
      // The field and the text disagree: offer what fits in either, never pick one silently.
      scope: field && field !== split.state ? [split.state, field] : [split.state],
    })),
  ];
  // "Douglas CO" names Colorado; "Douglas Co." / "douglas co" more likely abbreviate County
  // (and then every Douglas County, Colorado's among them, is offered).
  const passes = /\bCO\s*$/.test(query) ? [false, true] : [true, false];
  for (const coAsCounty of passes) {
    for (const attempt of attempts) {
      const keys = nameKeys(attempt.words, coAsCounty);
      const matches = keys ? exactMatches(store, keys, attempt.scope) : [];
      if (matches.length === 1) return { kind: 'found', jurisdiction: matches[0]! };
      if (matches.length > 1) return { kind: 'ambiguous', query, candidates: matches };
    }
  }

  if (onlyState) return { kind: 'state_only', state: onlyState };
  if (parsed.badTail !== undefined) return { kind: 'bad_state', text: parsed.badTail };
  const best = attempts[1] ?? attempts[0]!;
  const keys = nameKeys(best.words);
  if (!keys) return notFound(best.scope[0], []);
  return notFound(best.scope[0], suggestionsFor(store, keys, best.scope));
}

/** Jurisdictions whose key is exactly the text's, narrowed by the kind word, sorted by state. */
function exactMatches(store: Store, keys: NameKeys, scope: Scope): Jurisdiction[] {
  const found = new Map<string, Jurisdiction>();
  for (const state of scope) {
    const add = (list: Jurisdiction[]): void => list.forEach((j) => found.set(j.fips, j));
    if (keys.full !== keys.base) add(store.jurisdictions.byKey(keys.full, state));
    add(byKindWord(store.jurisdictions.byKey(keys.base, state), keys.kindWord));
    const other = state && OTHER_NAMES.get(keys.base)?.[state];
    if (found.size === 0 && other) add(store.jurisdictions.byKey(other, state));
  }
  return [...found.values()].sort(compareByState);
}

/**
 * "Fairfax County" → the county, "Fairfax city" → the city. A kind word that fits none is
 * forgiven when it cannot mean a different place: "Orleans County, LA" → Orleans Parish,
 * "Denver city" → Denver County (one government); but "Franklin city, PA" fits nothing.
 */
function byKindWord(list: Jurisdiction[], kindWord: string | undefined): Jurisdiction[] {
  if (!kindWord) return list;
  const fitting = list.filter((j) => fitsKindWord(j, kindWord));
  if (fitting.length > 0) return fitting;
  if (kindWord === 'city') return list.filter((j) => j.kind === 'consolidated_city_county');
  return list.filter((j) => j.kind !== 'independent_city');
}

/** Close names in scope; failing that, the same name in other states ("Autauga, TX"). */
function suggestionsFor(store: Store, keys: NameKeys, scope: Scope): Jurisdiction[] {
  const close = closestPlaces(store, keys, scope);
  if (close.length > 0 || scope.includes(undefined)) return close;
  const elsewhere = exactMatches(store, keys, [undefined]);
  return elsewhere.length <= 5 ? elsewhere : [];
}
