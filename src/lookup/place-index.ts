/**
 * An in-memory copy of the jurisdictions table for fuzzy suggestions and autocomplete, built
 * once per store: the table only changes when the counties dataset is imported.
 */
import { distance } from 'fastest-levenshtein';
import { compactKey } from '../domain/names.ts';
import type { StateCode } from '../domain/states.ts';
import type { Jurisdiction } from '../domain/types.ts';
import type { Store } from '../store/index.ts';
import { cleanPlaceText, parseStateText, type NameKeys } from './place-text.ts';

interface Entry {
  jurisdiction: Jurisdiction;
  /** Compact normalized display name, kind word kept: 'fairfaxcity', 'stlouiscounty'. */
  nameKey: string;
}

/** Jurisdictions grouped by matchKey, and the keys by length, for fast fuzzy scans. */
interface KeyTable {
  byKey: Map<string, Jurisdiction[]>;
  byLength: Map<number, string[]>;
}

interface PlaceIndex {
  /** Sorted by name, then state. */
  entries: Entry[];
  byState: Map<string, Entry[]>;
  keys: KeyTable;
  keysByState: Map<string, KeyTable>;
  byFips: Map<string, Jurisdiction>;
}

const indexes = new WeakMap<Store, PlaceIndex>();

function keyTable(entries: Entry[]): KeyTable {
  const table: KeyTable = { byKey: new Map(), byLength: new Map() };
  for (const { jurisdiction } of entries) {
    const key = jurisdiction.matchKey;
    const list = table.byKey.get(key);
    if (list) list.push(jurisdiction);
    else {
      table.byKey.set(key, [jurisdiction]);
      const sameLength = table.byLength.get(key.length) ?? [];
      sameLength.push(key);
      table.byLength.set(key.length, sameLength);
    }
  }
  return table;
}

function placeIndex(store: Store): PlaceIndex {
  const cached = indexes.get(store);
  if (cached && cached.entries.length > 0) return cached;
  const entries = store.jurisdictions
    .all()
    .map((jurisdiction) => ({ jurisdiction, nameKey: compactKey(cleanPlaceText(jurisdiction.name)) }))
    .sort((a, b) => compareNames(a.jurisdiction, b.jurisdiction));
  const byState = new Map<string, Entry[]>();
  for (const entry of entries) {
    const list = byState.get(entry.jurisdiction.state) ?? [];
    list.push(entry);
    byState.set(entry.jurisdiction.state, list);
  }
  const keysByState = new Map([...byState].map(([state, list]) => [state, keyTable(list)]));
  const byFips = new Map(entries.map(({ jurisdiction }) => [jurisdiction.fips, jurisdiction]));
  const index = { entries, byState, keys: keyTable(entries), keysByState, byFips };
  indexes.set(store, index);
  return index;
}

/** A jurisdiction by FIPS from memory (lists that name many counties avoid a join). */
export function jurisdictionByFips(store: Store, fips: string): Jurisdiction | undefined {
  return placeIndex(store).byFips.get(fips);
}

/** Builds the index now (e.g. at startup) so the first lookup that needs it stays fast. */
export function preparePlaceIndex(store: Store): void {
  placeIndex(store);
}

/** Drops the cached index; call after re-importing jurisdictions into a long-lived store. */
export function forgetPlaceIndex(store: Store): void {
  indexes.delete(store);
}

const collator = new Intl.Collator('en');

function compareNames(a: Jurisdiction, b: Jurisdiction): number {
  return collator.compare(a.name, b.name) || a.state.localeCompare(b.state) || a.fips.localeCompare(b.fips);
}

/** By state, then FIPS: the order candidate lists are shown in. */
export function compareByState(a: Jurisdiction, b: Jurisdiction): number {
  return a.state.localeCompare(b.state) || a.fips.localeCompare(b.fips);
}

/** Whether a jurisdiction fits the kind word the user typed ('city', 'county', 'parish', …). */
export function fitsKindWord(j: Jurisdiction, kindWord: string): boolean {
  if (kindWord === 'city') return j.kind === 'independent_city' || / city$/i.test(j.name);
  return j.name.toLowerCase().endsWith(` ${kindWord}`);
}

function maxDistance(length: number): number {
  return length <= 4 ? 1 : length <= 8 ? 2 : 3;
}

const MAX_SUGGESTIONS = 5;

/**
 * Names close to the keys, best first, scoped to the states when given. When one name is
 * clearly closest, only its jurisdictions come back (one, usually: "did you mean …?").
 */
export function closestPlaces(store: Store, keys: NameKeys, states: (StateCode | undefined)[]): Jurisdiction[] {
  const index = placeIndex(store);
  const tables = states.includes(undefined)
    ? [index.keys]
    : states.flatMap((state) => index.keysByState.get(state!) ?? []);
  const limit = maxDistance(keys.base.length);
  const wanted = keys.full === keys.base ? [keys.base] : [keys.base, keys.full];
  const distances = new Map<string, number>();
  for (const table of tables) {
    for (const key of wanted) {
      for (let length = key.length - limit; length <= key.length + limit; length++) {
        for (const candidate of table.byLength.get(length) ?? []) {
          const d = distance(key, candidate);
          if (d <= limit && d < (distances.get(candidate) ?? Infinity)) distances.set(candidate, d);
        }
      }
    }
  }
  const scored: { j: Jurisdiction; score: number }[] = [];
  for (const table of tables) {
    for (const [key, d] of distances) {
      for (const j of table.byKey.get(key) ?? []) {
        scored.push({ j, score: d + (keys.kindWord && !fitsKindWord(j, keys.kindWord) ? 0.5 : 0) });
      }
    }
  }
  scored.sort((a, b) => a.score - b.score || compareByState(a.j, b.j));
  const [first] = scored;
  if (!first) return [];
  const bestKey = first.j.matchKey;
  const rival = scored.find((s) => s.j.matchKey !== bestKey);
  if (!rival || rival.score >= Math.floor(first.score) + 1) {
    const group = scored.filter((s) => s.j.matchKey === bestKey && s.score === first.score);
    return group.slice(0, MAX_SUGGESTIONS).map((s) => s.j);
  }
  return scored.slice(0, MAX_SUGGESTIONS).map((s) => s.j);
}

/**
 * Autocomplete: jurisdictions whose name starts with the prefix ("st lo", "dona", "fairfax c"),
 * then those containing it, narrowed to the state when given (an unknown state gives none).
 */
export function searchPlaces(store: Store, prefix: string, state?: string, limit = 25): Jurisdiction[] {
  if (typeof prefix !== 'string' || !(limit > 0) || prefix.length > 200) return [];
  // "Fairfax, VA" or, while typing, "Fairfax, V": the words before the comma are the name.
  const parts = prefix.split(',');
  const words = parts.length > 1 ? parts.slice(0, -1).join(' ') : prefix;
  const stateText = state?.trim() ? state : parts.length > 1 ? parts.at(-1)! : '';
  const scopeState = stateText ? parseStateText(stateText) : undefined;
  if (state?.trim() && !scopeState) return [];
  const key = compactKey(cleanPlaceText(words));
  const index = placeIndex(store);
  const scope = scopeState ? (index.byState.get(scopeState) ?? []) : index.entries;
  const exact: Jurisdiction[] = [];
  const starts: Jurisdiction[] = [];
  const contains: Jurisdiction[] = [];
  for (const { jurisdiction: j, nameKey } of scope) {
    if (j.matchKey === key) exact.push(j);
    else if (j.matchKey.startsWith(key) || nameKey.startsWith(key)) starts.push(j);
    else if (key.length >= 3 && nameKey.includes(key)) contains.push(j);
  }
  return [...exact, ...starts, ...contains].slice(0, Math.floor(limit));
}
