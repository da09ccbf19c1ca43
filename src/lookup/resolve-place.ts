import type { Jurisdiction } from '../domain/types.ts';
import type { StateCode } from '../domain/states.ts';
import type { Store } from '../store/index.ts';
import { closestPlaces, compareByState, fitsKindWord } from './place-index.ts';
import { MAX_PLACE_TEXT, nameKeys, parsePlaceText, parseStateText, type NameKeys } from './place-text.ts';
import { cityAlternatives, cityReading, citiesFor, clearLeader, prefersCity, readZip, zipInText, type Offer, type PlaceNote } from './resolve-city.ts';
import { closestState } from './state-typos.ts';

export { forgetPlaceIndex, preparePlaceIndex, searchPlaces } from './place-index.ts';

/** What a user's county text (and optional state text) resolves to. */
export type PlaceResult =
  /** `note`: the text was read as a city or ZIP code, or a city shares the county's name. */
  | { kind: 'found'; jurisdiction: Jurisdiction; note?: PlaceNote }
  /** Several jurisdictions fit: offer them, never guess. `cities`: same-named cities, offered too. */
  | { kind: 'ambiguous'; query: string; candidates: Jurisdiction[]; cities?: Offer[] }
  /** The text named only a state ("Connecticut", "sheriff TX"). */
  | { kind: 'state_only'; state: StateCode }
  /** Nothing fits; `suggestions` are the closest names, best first (one = "did you mean"). */
  | { kind: 'not_found'; query: string; state?: StateCode; suggestions: Jurisdiction[]; zip?: string; stateGiven?: boolean }
  /** The state text is not a US state; `suggestion` is a state it is close to ("Texs"). */
  | { kind: 'bad_state'; text: string; suggestion?: StateCode };

export interface PlaceInput {
  /** What the user typed for the county; may carry the state too ("Fairfax, VA"). */
  county: string;
  /** A separate state option (Discord), code or name. */
  state?: string | undefined;
  /** Also read the text as a city, town or ZIP code (commands everyone uses; moderators name counties). */
  places?: boolean;
}

/** Former or everyday names that only make sense together with their state. */
const OTHER_NAMES = new Map<string, Partial<Record<StateCode, string>>>([
  ['dade', { FL: 'miamidade' }],
  ['miami', { FL: 'miamidade' }],
  ['shannon', { SD: 'oglalalakota' }],
  ['wadehampton', { AK: 'kusilvak' }],
  ['washington', { DC: 'districtofcolumbia' }],
]);

/** Short names said with "County" and no state: "LA County". */
const COUNTY_NICKNAMES = new Map<string, { key: string; state: StateCode }>([['la', { key: 'losangeles', state: 'CA' }]]);

/** The counties the text named, and how it was read. */
interface Named {
  matches: Jurisdiction[];
  attempt: Attempt;
  keys: NameKeys;
  coAsCounty: boolean;
}

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
  if (stateText && !field) return badState(stateText);
  const query = county.trim();
  const notFound = (state: StateCode | undefined, suggestions: Jurisdiction[], stateGiven = false): PlaceResult =>
    ({ kind: 'not_found', query, ...(state ? { state } : {}), suggestions, ...(stateGiven ? { stateGiven } : {}) });
  if (!query || query.length > MAX_PLACE_TEXT) return notFound(field, []);
  const places = input.places === true;
  const zip = places ? zipInText(query) : undefined;
  if (zip) {
    const reading = readZip(store, zip);
    return reading.kind === 'found' ? reading : { kind: 'not_found', query, suggestions: [], zip };
  }

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
  let named: Named | undefined;
  search: for (const coAsCounty of passes) {
    for (const attempt of attempts) {
      const keys = nameKeys(attempt.words, coAsCounty);
      const matches = keys ? exactMatches(store, keys, attempt.scope) : [];
      if (keys && matches.length > 0) {
        named = { matches, attempt, keys, coAsCounty };
        break search;
      }
    }
  }
  const asCity = places && (!onlyState || named) ? cityResult(store, query, attempts, named) : undefined;
  if (asCity) return asCity;
  if (named?.matches.length === 1) return { kind: 'found', jurisdiction: named.matches[0]! };
  if (named) return { kind: 'ambiguous', query, candidates: named.matches };

  if (onlyState) return { kind: 'state_only', state: onlyState };
  if (parsed.badTail !== undefined) return badState(parsed.badTail);
  const best = attempts[1] ?? attempts[0]!;
  const keys = nameKeys(best.words);
  const stateGiven = best.scope[0] !== undefined;
  if (!keys) return notFound(best.scope[0], [], stateGiven);
  const suggestions = suggestionsFor(store, keys, best.scope);
  // "Calif", "Texs": a state name mistyped on its own.
  const state = suggestions.length === 0 && !stateGiven ? closestState(query) : undefined;
  if (state) return { kind: 'bad_state', text: query, suggestion: state };
  return notFound(best.scope[0], suggestions, stateGiven);
}

function badState(text: string): PlaceResult {
  const suggestion = closestState(text);
  return suggestion ? { kind: 'bad_state', text, suggestion } : { kind: 'bad_state', text };
}

/**
 * The text read as a city: where no county has the name, where the words said "city", or where
 * a big city of the name lies in another county ("Houston, TX"). A county answer gets a note
 * when a big city elsewhere shares its name ("Raleigh" → Raleigh County, WV, or Raleigh, NC?).
 */
function cityResult(store: Store, query: string, attempts: Attempt[], county: Named | undefined): PlaceResult | undefined {
  // A kind word other than "city" names a county: "Harris County" never means a city ("Aurora, CO" is no "Aurora Co.").
  if (county && !county.coAsCounty && county.keys.kindWord && county.keys.kindWord !== 'city') return undefined;
  for (const attempt of attempts) {
    const state = attempt.scope.length === 1 ? attempt.scope[0] : undefined;
    const cities = citiesFor(attempt.words, state);
    if (cities.length === 0) continue;
    // Counties of the name in other states do not compete with a city in the state the text named.
    const countyMatches = (county?.matches ?? []).filter((j) => !state || j.state === state);
    const saidCity = nameKeys(attempt.words)?.kindWord === 'city';
    // "New York": the county of the name, and the city reaches into four more.
    if (countyMatches.length === 1 && cities[0]!.counties[0] === countyMatches[0]!.fips && cities[0]!.counties.length > 1) {
      const reading = cityReading(store, cities, []);
      if (reading) return { kind: 'found', ...reading };
    }
    if (!prefersCity(cities, countyMatches, saidCity)) {
      const only = countyMatches.length === 1 ? countyMatches[0]! : undefined;
      const note = only ? cityAlternatives(cities, only) : undefined;
      return only ? { kind: 'found', jurisdiction: only, ...(note ? { note } : {}) } : undefined;
    }
    const leading = clearLeader(cities);
    if (!leading) {
      const offers = cities.slice(0, 25).map((c) => ({ label: `${c.name}, ${c.state}`, county: c.name, state: c.state }));
      return { kind: 'ambiguous', query, candidates: countyMatches, cities: offers };
    }
    const reading = cityReading(store, leading, countyMatches);
    if (reading) return { kind: 'found', ...reading };
  }
  return undefined;
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
    const nickname = keys.kindWord === 'county' ? COUNTY_NICKNAMES.get(keys.base) : undefined;
    if (found.size === 0 && nickname && (!state || state === nickname.state)) add(store.jurisdictions.byKey(nickname.key, nickname.state));
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
