import { describe, it, expect } from 'vitest';
import { forgetPlaceIndex, resolvePlace, searchPlaces } from '../../src/lookup/resolve-place.ts';
import type { Jurisdiction } from '../../src/domain/types.ts';
import { emptyStore, loadedStore } from '../helpers/store.ts';

const store = loadedStore();

function names(list: Jurisdiction[]): string[] {
  return list.map((j) => `${j.name}, ${j.state}`);
}

function jurisdiction(fips: string, name: string, matchKey: string): Jurisdiction {
  return { fips, state: 'AL', name, baseName: name, kind: 'county', matchKey, timeZone: 'America/Chicago' };
}

describe('searchPlaces', () => {
  it('GIVEN "st lo" THEN the St. Louis city and counties', () => {
    expect(names(searchPlaces(store, 'st lo'))).toEqual(['St. Louis city, MO', 'St. Louis County, MN', 'St. Louis County, MO']);
  });

  it('GIVEN "saint lo" with state MO THEN only Missouri', () => {
    expect(names(searchPlaces(store, 'saint lo', 'MO'))).toEqual(['St. Louis city, MO', 'St. Louis County, MO']);
  });

  it('GIVEN "fairfax c" THEN the prefix matches the kind word too', () => {
    expect(names(searchPlaces(store, 'fairfax c'))).toEqual(['Fairfax city, VA', 'Fairfax County, VA']);
  });

  it('GIVEN "dona" THEN Doña Ana County first, then names that contain it', () => {
    const found = names(searchPlaces(store, 'dona'));
    expect(found[0]).toBe('Doña Ana County, NM');
    expect(found).toContain('McDonald County, MO');
  });

  it('GIVEN "Fairfax, V" while typing THEN the words before the comma are searched', () => {
    expect(names(searchPlaces(store, 'Fairfax, V'))).toEqual(['Fairfax city, VA', 'Fairfax County, VA']);
  });

  it('GIVEN "wash, texas" THEN narrowed to Texas by the text', () => {
    expect(names(searchPlaces(store, 'wash, texas'))).toEqual(['Washington County, TX']);
  });

  it('GIVEN an exact name "lee" THEN exact matches come before longer names', () => {
    const found = searchPlaces(store, 'lee', undefined, 50);
    const firstLonger = found.findIndex((j) => j.matchKey !== 'lee');
    expect(firstLonger).toBeGreaterThan(0);
    expect(found.slice(firstLonger).every((j) => j.matchKey !== 'lee')).toBe(true);
  });

  it('GIVEN the default limit THEN at most 25; GIVEN limit 3 THEN 3', () => {
    expect(searchPlaces(store, 'c')).toHaveLength(25);
    expect(searchPlaces(store, 'c', undefined, 3)).toHaveLength(3);
  });

  it('GIVEN an empty prefix and state DE THEN every Delaware county by name', () => {
    expect(names(searchPlaces(store, '', 'DE'))).toEqual(['Kent County, DE', 'New Castle County, DE', 'Sussex County, DE']);
  });

  it.each([
    ['wash', 'ZZ'],
    ['zzyzx', undefined],
    ['x'.repeat(500), undefined],
  ])('GIVEN prefix %j and state %j THEN nothing', (prefix, state) => {
    expect(searchPlaces(store, prefix, state)).toEqual([]);
  });

  it('GIVEN limit 0 or a negative limit THEN nothing', () => {
    expect(searchPlaces(store, 'wash', undefined, 0)).toEqual([]);
    expect(searchPlaces(store, 'wash', undefined, -1)).toEqual([]);
  });
});

describe('the in-memory place index', () => {
  it('GIVEN a store searched while empty THEN jurisdictions imported later are still found', () => {
    const fresh = emptyStore();
    expect(searchPlaces(fresh, 'auta')).toEqual([]);
    fresh.jurisdictions.upsert(jurisdiction('01001', 'Autauga County', 'autauga'));
    expect(names(searchPlaces(fresh, 'auta'))).toEqual(['Autauga County, AL']);
  });

  it('GIVEN a re-import into a store already indexed THEN forgetPlaceIndex makes the new rows searchable', () => {
    const fresh = emptyStore();
    fresh.jurisdictions.upsert(jurisdiction('01001', 'Autauga County', 'autauga'));
    expect(searchPlaces(fresh, 'bald')).toEqual([]);
    fresh.jurisdictions.upsert(jurisdiction('01003', 'Baldwin County', 'baldwin'));
    forgetPlaceIndex(fresh);
    expect(names(searchPlaces(fresh, 'bald'))).toEqual(['Baldwin County, AL']);
    expect(resolvePlace(fresh, { county: 'Baldwn, AL' })).toMatchObject({ kind: 'not_found', suggestions: [{ fips: '01003' }] });
  });
});
