import { describe, it, expect } from 'vitest';
import { cleanPlaceText, nameKeys, parsePlaceText, parseStateText } from '../../src/lookup/place-text.ts';

describe('cleanPlaceText', () => {
  it.each([
    ['Doña Ana', 'dona ana'],
    ["Prince George's County", 'prince georges county'],
    ['Saint Louis', 'st louis'],
    ['Lewis & Clark', 'lewis and clark'],
    ["Travis County Sheriff's Office", 'travis county'],
    ['The Sheriff of Travis County', 'travis county'],
    ['@everyone 🤠', 'everyone'],
    ['sheriff', ''],
  ])('GIVEN %j THEN %j', (text, expected) => {
    expect(cleanPlaceText(text)).toBe(expected);
  });
});

describe('parseStateText', () => {
  it.each([
    ['TX', 'TX'],
    ['texas', 'TX'],
    [' New  Mexico ', 'NM'],
    ['D.C.', 'DC'],
  ])('GIVEN %j THEN %s', (text, code) => {
    expect(parseStateText(text)).toBe(code);
  });

  it.each(['ZZ', 'Narnia', '', 'Arizonia'])('GIVEN %j THEN no state', (text) => {
    expect(parseStateText(text)).toBeUndefined();
  });
});

describe('parsePlaceText', () => {
  it('GIVEN "Dona Ana, New Mexico" THEN one comma split in NM', () => {
    expect(parsePlaceText('Dona Ana, New Mexico')).toEqual({
      whole: 'dona ana new mexico',
      splits: [{ words: 'dona ana', state: 'NM' }],
      badTail: undefined,
      onlyState: undefined,
      saysSheriff: false,
    });
  });

  it('GIVEN "Wood West Virginia" THEN both the one-word (VA) and two-word (WV) splits, shortest first', () => {
    expect(parsePlaceText('Wood West Virginia').splits).toEqual([
      { words: 'wood west', state: 'VA' },
      { words: 'wood', state: 'WV' },
    ]);
  });

  it('GIVEN "Washington" THEN no split, since no county words would remain, and onlyState WA', () => {
    const parsed = parsePlaceText('Washington');
    expect(parsed.splits).toEqual([]);
    expect(parsed.onlyState).toBe('WA');
  });

  it('GIVEN "Texas sheriffs" THEN the sheriff words are dropped and noted', () => {
    expect(parsePlaceText('Texas sheriffs')).toMatchObject({ whole: 'texas', onlyState: 'TX', saysSheriff: true });
  });

  it('GIVEN "Autauga, ZZ" THEN the tail is kept as a bad state', () => {
    expect(parsePlaceText('Autauga, ZZ').badTail).toBe('ZZ');
  });

  it('GIVEN "Fairfax, city" THEN the kind word after the comma is not a bad state', () => {
    expect(parsePlaceText('Fairfax, city').badTail).toBeUndefined();
  });

  it('GIVEN "Travis, TX, USA" THEN the country is dropped and TX split off', () => {
    expect(parsePlaceText('Travis, TX, USA').splits).toEqual([{ words: 'travis', state: 'TX' }]);
  });
});

describe('nameKeys', () => {
  it.each([
    ['st louis city', { base: 'stlouis', full: 'stlouiscity', kindWord: 'city' }],
    ['city of fairfax', { base: 'fairfax', full: 'fairfaxcity', kindWord: 'city' }],
    ['james city county', { base: 'jamescity', full: 'jamescitycounty', kindWord: 'county' }],
    ['orleans parish', { base: 'orleans', full: 'orleansparish', kindWord: 'parish' }],
    ['dona ana', { base: 'donaana', full: 'donaana', kindWord: undefined }],
  ])('GIVEN %j THEN %j', (words, expected) => {
    expect(nameKeys(words)).toEqual(expected);
  });

  it('GIVEN "douglas co" read with "co" as County THEN the county kind; without THEN the plain key', () => {
    expect(nameKeys('douglas co', true)).toEqual({ base: 'douglas', full: 'douglascounty', kindWord: 'county' });
    expect(nameKeys('douglas co')?.base).toBe('douglasco');
    expect(nameKeys('douglas', true)).toBeUndefined();
  });
});
