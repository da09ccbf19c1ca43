import { describe, expect, it } from 'vitest';
import type { Jurisdiction } from '../../src/domain/types.ts';
import { resolvePlace, type PlaceResult } from '../../src/lookup/resolve-place.ts';
import { loadedStore } from '../helpers/store.ts';
import { censusPlaces, geonamesCounty, geonamesZips, plainName, seeded, type CensusPlace } from './source-tables.ts';

const store = loadedStore();
const census = censusPlaces();
const geonames = geonamesCounty();
/** County codes changed since the sources' vintage (Census "substantial changes to counties"). */
const CHANGED: Record<string, string> = { '46113': '46102', '02270': '02158', '02261': '02063', '51515': '51019' };

const stateFips = new Map(store.jurisdictions.all().map((j) => [j.state as string, j.fips.slice(0, 2)]));
const kindless = (name: string): string => plainName(name).replace(/(city|county|parish|borough|censusarea|municipality)$/, '');
const sameCounty = (censusName: string, j: Jurisdiction): boolean =>
  kindless(censusName) === kindless(j.baseName) && (!/city$/i.test(censusName.trim()) || j.kind === 'independent_city');

function read(county: string, state?: string): PlaceResult {
  return resolvePlace(store, { county, state, places: true });
}

function found(county: string, state?: string): { main: Jurisdiction; all: Jurisdiction[]; result: PlaceResult } {
  const result = read(county, state);
  if (result.kind !== 'found') throw new Error(`${county}: ${result.kind}`);
  return { main: result.jurisdiction, all: [result.jurisdiction, ...(result.note?.others ?? [])], result };
}

/** The main county per GeoNames, when GeoNames has the place; the Census file decides membership. */
function expectedMain(place: CensusPlace): string | undefined {
  const code = geonames.get(`${plainName(place.name)}|${place.state}`);
  if (!code) return undefined;
  const fips = `${stateFips.get(place.state)}${code}`;
  return CHANGED[fips] ?? fips;
}

function expectCensusCounties(place: CensusPlace, all: Jurisdiction[]): void {
  expect(all.map((j) => j.state)).toEqual(all.map(() => place.state));
  for (const j of all) expect(place.counties.some((c) => sameCounty(c, j)), `${j.name} in ${place.counties.join(';')}`).toBe(true);
  expect(all).toHaveLength(place.counties.length);
}

describe('GIVEN the 100 most populous US cities (Census 2020)', () => {
  it.each(census.slice(0, 100).map((p) => [`${p.name}, ${p.state}`, p] as const))('"%s" THEN its main county, and every county the Census lists', (text, place) => {
    const read1 = read(text);
    // Baltimore, St. Louis, Richmond (VA): a county and an independent city share the name; both are offered.
    if (read1.kind === 'ambiguous') {
      expect(read1.candidates.some((j) => j.fips === expectedMain(place))).toBe(true);
      return;
    }
    const { main, all } = found(text);
    const geo = expectedMain(place);
    // Where GeoNames places the city in one of the Census counties, that is the main one.
    if (geo && place.counties.some((c) => sameCounty(c, store.jurisdictions.byFips(geo)!))) expect(main.fips).toBe(geo);
    expectCensusCounties(place, all);
  });
});

describe('GIVEN 100 further places drawn with a fixed seed from the Census file', () => {
  const names = new Map<string, number>();
  for (const p of census) names.set(`${plainName(p.name)}|${p.state}`, (names.get(`${plainName(p.name)}|${p.state}`) ?? 0) + 1);
  // Left out: names a county of the state also has (the county answers; see the same-name tests)
  // and names two places of a state share (the bigger answers).
  const countyNames = new Set(store.jurisdictions.all().map((j) => `${kindless(j.baseName)}|${j.state}`));
  const pool = census.slice(100).filter(
    (p) =>
      p.population >= 1000 &&
      names.get(`${plainName(p.name)}|${p.state}`) === 1 &&
      !countyNames.has(`${kindless(p.name)}|${p.state}`),
  );
  const random = seeded(15);
  const sample = Array.from({ length: 100 }, () => pool[Math.floor(random() * pool.length)]!);
  it.each(sample.map((p) => [`${p.name}, ${p.state}`, p] as const))('"%s" THEN a county the Census lists for it', (text, place) => {
    const { main, all } = found(text);
    const geo = expectedMain(place);
    if (geo && place.counties.some((c) => sameCounty(c, store.jurisdictions.byFips(geo)!))) expect(main.fips).toBe(geo);
    expectCensusCounties(place, all);
  });
});

describe('GIVEN 100 ZIP codes drawn with a fixed seed from the GeoNames postal file', () => {
  // Connecticut's ZIPs carry its 2022 planning regions, which are not counties (and it has no county sheriffs).
  const zips = geonamesZips().filter((z) => stateFips.has(z.state) && z.state !== 'CT');
  const random = seeded(77002);
  const sample = Array.from({ length: 100 }, () => zips[Math.floor(random() * zips.length)]!);
  it.each(sample.map((z) => [z.zip, z] as const))('%s THEN the county GeoNames gives, with a note on county lines', (zip, z) => {
    const { main, result } = found(zip);
    const fips = `${stateFips.get(z.state)}${z.county}`;
    expect(main.fips).toBe(CHANGED[fips] ?? fips);
    expect(result.kind === 'found' && result.note?.kind).toBe('zip');
    if (result.kind === 'found' && result.note?.others.length === 0) expect(result.note.mayCross).toBe(true);
  });
});

describe('GIVEN places in several counties', () => {
  it.each([
    ['Houston, TX', 'Harris County', ['Fort Bend County', 'Montgomery County']],
    ['Kansas City, MO', 'Jackson County', ['Clay County', 'Platte County', 'Cass County']],
    ['Atlanta', 'Fulton County', ['DeKalb County']],
    ['New York', 'New York County', ['Bronx County', 'Kings County', 'Queens County', 'Richmond County']],
  ])('"%s" THEN %s, offering %j', (text, main, others) => {
    const { all } = found(text);
    expect(all[0]!.name).toBe(main);
    expect(all.slice(1).map((j) => j.name).sort()).toEqual([...others].sort());
  });

  it.each([
    ['Brooklyn', '36047'],
    ['Manhattan', '36061'],
    ['Queens', '36081'],
    ['The Bronx', '36005'],
    ['Staten Island', '36085'],
  ])('GIVEN the borough "%s" THEN its own county (%s)', (text, fips) => {
    expect(found(text).main.fips).toBe(fips);
  });
});

describe('GIVEN a city and a county that share a name', () => {
  it.each([
    ['Houston, TX', '48201', 'Houston County, TX'],
    ['Raleigh', '37183', 'Raleigh County, WV'],
    ['Miami', '12086', 'Miami County, OH'],
  ])('"%s" THEN the city\'s county (%s), and %s is offered', (text, fips, other) => {
    const { main, result } = found(text);
    expect(main.fips).toBe(fips);
    expect(result.kind === 'found' && result.note?.alternatives.map((a) => `${a.county}, ${a.state}`)).toContain(other);
  });

  it('GIVEN "Harris County" THEN the county, never a city', () => {
    expect(found('Harris County, TX').main.fips).toBe('48201');
  });
});

describe('GIVEN independent cities and consolidated governments', () => {
  it.each([
    ['Baltimore city', '24510'],
    ['St. Louis city', '29510'],
    ['Carson City', '32510'],
    ['Richmond city, VA', '51760'],
    ['Virginia Beach', '51810'],
    ['Baltimore, MD', undefined],
  ])('"%s" THEN %s as before', (text, fips) => {
    const result = read(text);
    if (fips) expect(result.kind === 'found' && result.jurisdiction.fips).toBe(fips);
    else expect(result.kind).toBe('ambiguous'); // Baltimore County or Baltimore city: offered, not guessed
  });
});

describe('GIVEN the misses of issue 15', () => {
  it.each([
    ['LA County', '06037'],
    ['Phoenix', '04013'],
    ['Seattle', '53033'],
    ['Chicago', '17031'],
    ['77002', '48201'],
  ])('"%s" THEN %s', (text, fips) => {
    expect(found(text).main.fips).toBe(fips);
  });

  it.each([
    ['Harris, Texs', 'TX', undefined],
    ['Calif', 'CA', undefined],
    ['Harris', 'TX', 'Texs'],
  ])('GIVEN the state typo in "%s" THEN %s is suggested', (text: string, state: string, field: string | undefined) => {
    const result = field ? read(text, field) : read(text);
    expect(result).toMatchObject({ kind: 'bad_state', suggestion: state });
  });

  it('GIVEN an unknown ZIP code THEN not found, as a ZIP', () => {
    expect(read('00000')).toMatchObject({ kind: 'not_found', zip: '00000' });
  });
});

describe('GIVEN a county whose name a smaller city of its state shares', () => {
  it('GIVEN "Franklin, TN" THEN Franklin County, offering the city of Franklin (Williamson County)', () => {
    const result = read('Franklin, TN');
    expect(result.kind === 'found' && result.jurisdiction.name).toBe('Franklin County');
    expect(result.kind === 'found' && result.note).toMatchObject({ kind: 'county', alternatives: [{ label: 'Franklin, TN' }] });
  });
});
