/**
 * The city and ZIP code → county table (data/us_places.tsv, data/us_zips.tsv; see
 * data/SOURCES.md), read once. Rows stay as the files' text, found by offset and parsed when
 * asked for: objects for 58,000 rows would cost several times the files' 1.5 MB.
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
  /** The city file's text; rows are parsed when asked for. */
  cityText: string;
  /** Name key ('stlouis') → offsets of its rows in cityText. */
  cities: Map<string, number[]>;
  /** Name keys, sorted, for prefix search. */
  keys: string[];
  /** The ZIP file's text, rows sorted by ZIP, and where each row starts. */
  zipText: string;
  zipStarts: Uint32Array;
}

let table: Table | undefined;

/** The key a place name is found by: the same cleaning as typed county text. */
export function cityKey(name: string): string {
  return compactKey(cleanPlaceText(name));
}

/** Where each data row (not a # comment) starts. */
function rowStarts(text: string): number[] {
  const starts: number[] = [];
  for (let at = 0; at < text.length; ) {
    const end = text.indexOf('\n', at);
    const next = end === -1 ? text.length : end + 1;
    if (text[at] !== '#' && next - at > 1) starts.push(at);
    at = next;
  }
  return starts;
}

function rowAt(text: string, start: number): string[] {
  const end = text.indexOf('\n', start);
  return text.slice(start, end === -1 ? text.length : end).split('\t');
}

function load(): Table {
  const cityText = readFileSync(join(DATA_DIR, 'us_places.tsv'), 'utf8');
  const cities = new Map<string, number[]>();
  for (const start of rowStarts(cityText)) {
    // The key is written by the build script with cityKey, so start-up does no text cleaning.
    const key = cityText.slice(start, cityText.indexOf('\t', start));
    const list = cities.get(key);
    if (list) list.push(start);
    else cities.set(key, [start]);
  }
  const zipText = readFileSync(join(DATA_DIR, 'us_zips.tsv'), 'utf8');
  return { cityText, cities, keys: [...cities.keys()].sort(), zipText, zipStarts: Uint32Array.from(rowStarts(zipText)) };
}

function cityRows(offsets: number[]): CityRow[] {
  const { cityText } = placeTable();
  return offsets
    .map((start) => rowAt(cityText, start))
    .filter(([, , state]) => isStateCode(state ?? ''))
    .map(([, name = '', state = '', population = '', counties = '']) => ({ name, state: state as StateCode, population: Number(population), counties: counties.split(' ') }))
    .sort((a, b) => b.population - a.population);
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
  const list = cityRows(placeTable().cities.get(key) ?? []);
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
    found.push(...cityRows(cities.get(keys[i]!)!).filter((c) => !state || c.state === state));
  }
  return found.sort((a, b) => b.population - a.population).slice(0, limit);
}

/** A 5-digit ZIP code's row, or undefined when the table has no such ZIP. */
export function zipRow(zip: string): ZipRow | undefined {
  const { zipText, zipStarts } = placeTable();
  let low = 0;
  let high = zipStarts.length - 1;
  let start = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const here = zipText.slice(zipStarts[mid]!, zipStarts[mid]! + 5);
    if (here === zip) {
      start = zipStarts[mid]!;
      break;
    }
    if (here < zip) low = mid + 1;
    else high = mid - 1;
  }
  if (start === -1) return undefined;
  const [, place = '', state = '', counties = ''] = rowAt(zipText, start);
  return { zip, place, state: isStateCode(state) ? state : undefined, counties: counties.split(' ') };
}
