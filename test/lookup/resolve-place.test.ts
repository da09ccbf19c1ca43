import { describe, it, expect } from 'vitest';
import { resolvePlace, type PlaceInput, type PlaceResult } from '../../src/lookup/resolve-place.ts';
import { stateName } from '../../src/domain/states.ts';
import { loadedStore } from '../helpers/store.ts';

const store = loadedStore();

/** 'Name, ST' of a found place, or the result kind when nothing single was found. */
function place(county: string, state?: string): string {
  const result = resolvePlace(store, { county, state });
  return result.kind === 'found' ? `${result.jurisdiction.name}, ${result.jurisdiction.state}` : result.kind;
}

/** The candidates of an ambiguous result as 'Name, ST', or [] for any other result. */
function candidates(input: PlaceInput): string[] {
  const result: PlaceResult = resolvePlace(store, input);
  return result.kind === 'ambiguous' ? result.candidates.map((j) => `${j.name}, ${j.state}`) : [];
}

describe('resolvePlace: how people write a county and its state', () => {
  it.each([
    ['Autauga', 'AL'],
    ['autauga county', 'Alabama'],
    ['AUTAUGA', 'alabama'],
    ['Autauga', ' al '],
  ])('GIVEN county "%s" and state field "%s" THEN Autauga County, AL', (county, state) => {
    expect(place(county, state)).toBe('Autauga County, AL');
  });

  it.each(['Autauga, AL', 'Autauga AL', 'Autauga County Alabama', 'autauga county, alabama', 'Autauga, AL, USA', 'Autauga Co'])(
    'GIVEN "%s" THEN Autauga County, AL',
    (county) => {
      expect(place(county)).toBe('Autauga County, AL');
    },
  );

  it('GIVEN "Dona Ana, New Mexico" THEN Doña Ana County, NM', () => {
    expect(place('Dona Ana, New Mexico')).toBe('Doña Ana County, NM');
  });

  it('GIVEN "Wood West Virginia" (two-word state, no comma) THEN Wood County, WV', () => {
    expect(place('Wood West Virginia')).toBe('Wood County, WV');
  });

  it('GIVEN "Iowa County, WI" THEN Iowa County in Wisconsin, not the state of Iowa', () => {
    expect(place('Iowa County, WI')).toBe('Iowa County, WI');
  });

  it('GIVEN "Iowa" with state field WI THEN Iowa County, WI (the name is not split off as a state)', () => {
    expect(place('Iowa', 'WI')).toBe('Iowa County, WI');
  });

  it('GIVEN "Washington" alone THEN ambiguous over every Washington County, sorted by state', () => {
    const names = candidates({ county: 'Washington' });
    expect(names.length).toBeGreaterThan(25);
    expect(names[0]).toBe('Washington County, AL');
    expect(names).toContain('Washington Parish, LA');
    const states = names.map((name) => name.slice(-2));
    expect(states).toEqual([...states].sort());
  });

  it.each(['Jefferson', 'Orange'])('GIVEN "%s" without a state THEN ambiguous, never a guess', (county) => {
    expect(candidates({ county }).length).toBeGreaterThan(5);
  });

  it.each([
    ['Dona Ana', 'Doña Ana County, NM'],
    ['DOÑA ANA COUNTY', 'Doña Ana County, NM'],
    ['Prince Georges', "Prince George's County, MD"],
    ['OBrien', "O'Brien County, IA"],
    ['o brien county, iowa', "O'Brien County, IA"],
    ['Saint Louis city', 'St. Louis city, MO'],
    ['St Mary\u2019s', "St. Mary's County, MD"],
    ['Saint Marys', "St. Mary's County, MD"],
    ['St. Mary', 'St. Mary Parish, LA'],
    ['Ste. Genevieve', 'Ste. Genevieve County, MO'],
    ['Sainte Genevieve', 'Ste. Genevieve County, MO'],
    ['De Kalb, IL', 'DeKalb County, IL'],
    ['Miami Dade', 'Miami-Dade County, FL'],
    ['Lewis & Clark', 'Lewis and Clark County, MT'],
  ])('GIVEN "%s" THEN %s', (county, expected) => {
    expect(place(county)).toBe(expected);
  });

  it.each([
    ['Orleans Parish', 'Orleans Parish, LA'],
    ['Orleans, LA', 'Orleans Parish, LA'],
    ['Orleans County, LA', 'Orleans Parish, LA'],
    ['Lafayette, LA', 'Lafayette Parish, LA'],
    ['Washington Parish', 'Washington Parish, LA'],
  ])('GIVEN Louisiana "%s" THEN %s', (county, expected) => {
    expect(place(county)).toBe(expected);
  });

  it('GIVEN "Orleans County" THEN the counties named so (NY, VT), not Orleans Parish', () => {
    expect(candidates({ county: 'Orleans County' })).toEqual(['Orleans County, NY', 'Orleans County, VT']);
  });

  it.each([
    ['Travis County Sheriff\u2019s Office', 'Travis County, TX'],
    ['Sheriff of Travis County, TX', 'Travis County, TX'],
    ['Washington, D.C.', 'District of Columbia, DC'],
    ['Dade, FL', 'Miami-Dade County, FL'],
  ])('GIVEN everyday wording "%s" THEN %s', (county, expected) => {
    expect(place(county)).toBe(expected);
  });
});

describe('resolvePlace: independent cities and names with "City"', () => {
  it.each([
    ['Fairfax', 'VA', ['Fairfax County, VA', 'Fairfax city, VA']],
    ['Fairfax, VA', undefined, ['Fairfax County, VA', 'Fairfax city, VA']],
    ['Baltimore, MD', undefined, ['Baltimore County, MD', 'Baltimore city, MD']],
    ['St. Louis, MO', undefined, ['St. Louis County, MO', 'St. Louis city, MO']],
    ['Roanoke, Virginia', undefined, ['Roanoke County, VA', 'Roanoke city, VA']],
  ])('GIVEN "%s" state %s THEN ambiguous between the county and the city', (county, state, expected) => {
    expect(candidates({ county, state })).toEqual(expected);
  });

  it.each([
    ['Fairfax County, VA', 'Fairfax County, VA'],
    ['Fairfax city, VA', 'Fairfax city, VA'],
    ['City of Fairfax, VA', 'Fairfax city, VA'],
    ['Fairfax, city', 'Fairfax city, VA'],
    ['Baltimore city', 'Baltimore city, MD'],
    ['Baltimore County', 'Baltimore County, MD'],
    ['St. Louis city', 'St. Louis city, MO'],
    ['Richmond city, VA', 'Richmond city, VA'],
    ['Franklin city', 'Franklin city, VA'],
    ['James City, VA', 'James City County, VA'],
    ['James City County', 'James City County, VA'],
    ['Charles City', 'Charles City County, VA'],
    ['Carson City', 'Carson City, NV'],
    ['Denver city', 'Denver County, CO'],
  ])('GIVEN "%s" THEN %s', (county, expected) => {
    expect(place(county)).toBe(expected);
  });

  it('GIVEN "St. Louis County" without a state THEN ambiguous between the MN and MO counties only', () => {
    expect(candidates({ county: 'St. Louis County' })).toEqual(['St. Louis County, MN', 'St. Louis County, MO']);
  });
});

describe('resolvePlace: the state field and a state in the text', () => {
  it('GIVEN text state and field state agree THEN found', () => {
    expect(place('Autauga, AL', 'Alabama')).toBe('Autauga County, AL');
  });

  it('GIVEN field WI and text "Iowa County" (its trailing words are the name) THEN the field wins', () => {
    expect(place('Iowa County', 'WI')).toBe('Iowa County, WI');
  });

  it('GIVEN text "Washington Iowa" and a different field VA THEN both readings are offered', () => {
    expect(candidates({ county: 'Washington Iowa', state: 'VA' })).toEqual(['Washington County, IA', 'Washington County, VA']);
  });

  it('GIVEN text "Autauga, AL" and field TX THEN the only place that fits is found', () => {
    expect(place('Autauga, AL', 'TX')).toBe('Autauga County, AL');
  });

  it('GIVEN "Douglas CO" (capital code) THEN Colorado; "Douglas Co." THEN every Douglas County', () => {
    expect(place('Douglas CO')).toBe('Douglas County, CO');
    expect(candidates({ county: 'Douglas Co.' })).toContain('Douglas County, NE');
    expect(place('Douglas Co., NE')).toBe('Douglas County, NE');
  });
});

describe('resolvePlace: every jurisdiction round-trips', () => {
  const all = store.jurisdictions.all();

  it('GIVEN the full list THEN it has 3,143 counties and equivalents', () => {
    expect(all).toHaveLength(3143);
  });

  it('GIVEN each display name with its state field (as the ambiguity choices re-run) THEN that jurisdiction', () => {
    const misses = all.filter((j) => {
      const result = resolvePlace(store, { county: j.name, state: j.state });
      return result.kind !== 'found' || result.jurisdiction.fips !== j.fips;
    });
    expect(misses.map((j) => j.name)).toEqual([]);
  });

  it('GIVEN each "Name, ST" and "NAME State Name" typed as one text THEN that jurisdiction', () => {
    const misses = all.filter((j) =>
      [`${j.name}, ${j.state}`, `${j.name.toUpperCase()} ${stateName(j.state)}`].some((county) => {
        const result = resolvePlace(store, { county });
        return result.kind !== 'found' || result.jurisdiction.fips !== j.fips;
      }),
    );
    expect(misses.map((j) => j.name)).toEqual([]);
  });
});
