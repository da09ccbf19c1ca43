/**
 * The city and ZIP code → county table (data/us_places.tsv, data/us_zips.tsv; see
 * data/SOURCES.md), read once on first use. ZIP rows stay as their raw text until asked for,
 * which keeps the table to a few MB.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compactKey } from '../domain/names.ts';
import { isStateCode, type StateCode } from '../domain/states.ts';
import { DATA_DIR } from '../importers/dataset.ts';
import { cleanPlaceText } from './place-text.ts';

/** A city, town or census-designated place and the counties it lies in, main county first. */
export interface CityRow {
  name: string;
  state: StateCode;
  population: number;
  counties: string[];
}

/** A ZIP code, its post office's place name and the counties its addresses fall in, main first. */
export interface ZipRow {
  zip: string;
  place: string;
  state: StateCode | undefined;
  counties: string[];
}

interface Table {
  /** By name key ('stlouis'), most populous first. */
  cities: Map<string, CityRow[]>;
  /** Name keys, sorted, for prefix search. */
  keys: string[];
  zips: Map<string, string>;
}

let table: Table | undefined;

/** The key a place name is found by: the same cleaning as typed county text. */
export function cityKey(name: string): string {
  return compactKey(cleanPlaceText(name));
}

function rows(file: string): string[][] {
  return readFileSync(join(DATA_DIR, file), 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.split('\t'));
}

function load(): Table {
  const cities = new Map<string, CityRow[]>();
  for (const [name = '', state = '', population = '', counties = ''] of rows('us_places.tsv')) {
    if (!isStateCode(state)) continue;
    const key = cityKey(name);
    const list = cities.get(key) ?? [];
    list.push({ name, state, population: Number(population), counties: counties.split(' ') });
    cities.set(key, list);
  }
  for (const list of cities.values()) list.sort((a, b) => b.population - a.population);
  const zips = new Map<string, string>();
  for (const [zip = '', ...rest] of rows('us_zips.tsv')) zips.set(zip, rest.join('\t'));
  return { cities, keys: [...cities.keys()].sort(), zips };
}

function placeTable(): Table {
  table ??= load();
  return table;
}

/** Reads the table now (at start-up) so the first city lookup stays fast. */
export function preparePlaceTable(): void {
  placeTable();
}

/** Places whose name has this key, in the state if given; most populous first. */
export function citiesNamed(key: string, state?: StateCode): CityRow[] {
  const list = placeTable().cities.get(key) ?? [];
  return state ? list.filter((c) => c.state === state) : list;
}

/** Places whose name key starts with the prefix key, most populous first. */
export function citiesStartingWith(prefix: string, state: StateCode | undefined, limit: number): CityRow[] {
  if (!prefix) return [];
  const { keys, cities } = placeTable();
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (keys[mid]! < prefix) low = mid + 1;
    else high = mid;
  }
  const found: CityRow[] = [];
  for (let i = low; i < keys.length && keys[i]!.startsWith(prefix) && found.length < 2000; i++) {
    found.push(...cities.get(keys[i]!)!.filter((c) => !state || c.state === state));
  }
  return found.sort((a, b) => b.population - a.population).slice(0, limit);
}

/** A 5-digit ZIP code's row, or undefined when the table has no such ZIP. */
export function zipRow(zip: string): ZipRow | undefined {
  const raw = placeTable().zips.get(zip);
  if (raw === undefined) return undefined;
  const [place = '', state = '', counties = ''] = raw.split('\t');
  return { zip, place, state: isStateCode(state) ? state : undefined, counties: counties.split(' ') };
}
