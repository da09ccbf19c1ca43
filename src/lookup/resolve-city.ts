/**
 * Reads county text as a city, town or ZIP code when that is what people meant ("Houston,
 * TX", "Brooklyn", "77002"), using the place table. Pure apart from the table and the store.
 */
import { parseState, type StateCode } from '../domain/states.ts';
import type { Jurisdiction } from '../domain/types.ts';
import type { Store } from '../store/index.ts';
import { jurisdictionByFips } from './place-index.ts';
import { citiesNamed, cityKey, zipRow, type CityRow } from './place-table.ts';
import { cleanPlaceText, nameKeys } from './place-text.ts';

/** A runnable alternative: text that resolves to it again, and how to show it. */
export interface Offer {
  label: string;
  county: string;
  state: StateCode;
}

/** How the answer read the text, shown above it so a wrong reading is one tap from right. */
export interface PlaceNote {
  /** 'city' and 'zip': the text named a place in the county; 'county': it named the county, and a city shares the name. */
  kind: 'city' | 'zip' | 'county';
  /** 'Houston, TX', '77002' */
  place: string;
  /** ZIP only: the post office's place ('Houston, TX'). */
  postOffice?: string;
  /** The other counties the city or ZIP reaches into. */
  others: Jurisdiction[];
  /** ZIP only: the source gives one county, and ZIP codes can cross county lines. */
  mayCross?: boolean;
  /** Readings the answer did not choose: a county of the same name, same-named cities elsewhere. */
  alternatives: Offer[];
}

/** A city this big is what a bare name means even where a county shares it ("Houston, TX"). */
const BIG_CITY = 100_000;
/** Without a state, the biggest same-named city wins only when it is this many times bigger. */
const CLEAR_LEAD = 3;
const MAX_ALTERNATIVES = 5;

export const cityLabel = (city: CityRow): string => `${city.name}, ${city.state}`;

/** A ZIP code alone ("77002", "zip 77002-1234", "77002 TX"): its digits, else undefined. */
export function zipInText(text: string): string | undefined {
  const match = /^\D*?(\d{5})(?:-\d{4})?\D*$/.exec(text.trim());
  if (!match) return undefined;
  const rest = cleanPlaceText(text.replace(/\d{5}(?:-\d{4})?/, ' ')).replace(/^zip(?: code)?\b/, '').trim();
  return !rest || parseState(rest) ? match[1] : undefined;
}

export type ZipReading = { kind: 'found'; jurisdiction: Jurisdiction; note: PlaceNote } | { kind: 'unknown'; zip: string };

export function readZip(store: Store, zip: string): ZipReading {
  const row = zipRow(zip);
  const counties = (row?.counties ?? []).map((fips) => jurisdictionByFips(store, fips)).filter((j): j is Jurisdiction => !!j);
  const [main, ...others] = counties;
  if (!row || !main) return { kind: 'unknown', zip };
  const postOffice = row.place && row.state ? `${row.place}, ${row.state}` : undefined;
  return {
    kind: 'found',
    jurisdiction: main,
    note: { kind: 'zip', place: zip, ...(postOffice ? { postOffice } : {}), others, mayCross: others.length === 0, alternatives: [] },
  };
}

/** Cities named by the words, in the state if given; "Carson City" and "Houston city" both work. */
export function citiesFor(words: string, state: StateCode | undefined): CityRow[] {
  const keys = nameKeys(words);
  if (!keys) return [];
  const whole = citiesNamed(cityKey(words), state);
  if (whole.length > 0 || keys.kindWord !== 'city') return whole;
  return citiesNamed(keys.base, state);
}

/** The county, and the note, for a city; undefined when the table's county is unknown to the store. */
export function cityReading(store: Store, cities: CityRow[], countyMatches: Jurisdiction[]): { jurisdiction: Jurisdiction; note: PlaceNote } | undefined {
  const [city, ...rest] = cities;
  if (!city) return undefined;
  const counties = city.counties.map((fips) => jurisdictionByFips(store, fips)).filter((j): j is Jurisdiction => !!j);
  const [main, ...others] = counties;
  if (!main) return undefined;
  const alternatives = [
    ...countyMatches.filter((j) => j.fips !== main.fips).map((j) => ({ label: `${j.name}, ${j.state}`, county: j.name, state: j.state })),
    ...rest.map((c) => ({ label: cityLabel(c), county: cityOffer(c), state: c.state })),
  ];
  return { jurisdiction: main, note: { kind: 'city', place: cityLabel(city), others, alternatives: alternatives.slice(0, MAX_ALTERNATIVES) } };
}

/** Text that reads back as this city even where a county shares its name. */
function cityOffer(city: CityRow): string {
  return / city$/i.test(city.name) ? city.name : `${city.name} city`;
}

/**
 * Whether a bare name should mean the city rather than the county (or counties) of that name:
 * yes for a big city in another county ("Houston, TX" → Harris), or when the words said "city".
 */
export function prefersCity(cities: CityRow[], countyMatches: Jurisdiction[], saidCity: boolean): boolean {
  const [city] = cities;
  if (!city) return false;
  if (countyMatches.some((j) => city.counties[0] === j.fips)) return false;
  return saidCity || countyMatches.length === 0 || city.population >= BIG_CITY;
}

/** Same-named cities in several states: the biggest, when it clearly leads; else undefined (ask). */
export function clearLeader(cities: CityRow[]): CityRow[] | undefined {
  const [first, second] = cities;
  if (!first) return undefined;
  if (!second || second.state === first.state || first.population >= CLEAR_LEAD * second.population) return cities;
  return undefined;
}

/** The note for a county answer when a city elsewhere shares the name ("Raleigh County, WV" vs Raleigh, NC). */
export function cityAlternatives(cities: CityRow[], chosen: Jurisdiction): PlaceNote | undefined {
  // A city of the name in the county's own state ("Franklin, TN" is in Williamson County), or a big one elsewhere.
  const elsewhere = cities
    .filter((c) => c.counties[0] !== chosen.fips && (c.state === chosen.state || c.population >= BIG_CITY / 2))
    .slice(0, MAX_ALTERNATIVES);
  if (elsewhere.length === 0) return undefined;
  return {
    kind: 'county',
    place: `${chosen.name}, ${chosen.state}`,
    others: [],
    alternatives: elsewhere.map((c) => ({ label: cityLabel(c), county: cityOffer(c), state: c.state })),
  };
}
