import { describe, expect, it } from 'vitest';
import { displayPersonName, isAllCaps } from '../../src/domain/person-names.ts';

describe('displayPersonName', () => {
  it.each([
    ['DANIEL GUIDA', 'Daniel Guida'],
    ['JEFFREY L VANDEWATER', 'JEFFREY L VANDEWATER'],
    ['NORMAN R BARLOW', 'Norman R Barlow'],
    ['MICHAEL R. ELMORE', 'Michael R. Elmore'],
    ['B.J HEDGECOCK', 'B.J Hedgecock'],
    ['K.C. HAMP', 'K.C. Hamp'],
  ])('GIVEN simple capitals or initials %j THEN it shows %j', (printed, shown) => {
    expect(displayPersonName(printed)).toBe(shown);
  });

  it.each([
    ['ROBERT GERDES JR', 'Robert Gerdes Jr.'],
    ['JAMES A. GULLEY, JR.', 'James A. Gulley, Jr.'],
    ['CARTER WEAVER SR', 'Carter Weaver Sr.'],
    ['MAURICE ROBERT REDHORN II', 'Maurice Robert Redhorn II'],
    ['TOMMIE JOHNSON III', 'Tommie Johnson III'],
    ['JAMES BAILEY, SR.', 'James Bailey, Sr.'],
  ])('GIVEN a name with a suffix %j THEN the suffix is written Jr./Sr./II/III: %j', (printed, shown) => {
    expect(displayPersonName(printed)).toBe(shown);
  });

  it.each([
    ['DAVID MCDANIEL', 'Mc prefix'],
    ['BRYAN MCJUNKINS', 'Mc prefix'],
    ['ANGUS MACLEOD', 'Mac prefix'],
    ['JOHN DEGEORGE', 'glued De prefix'],
    ['CLINT LEMIEUX', 'glued Le prefix'],
    ['LEROY RAVENELL', 'LeRoy or Leroy'],
    ['JAMIE VAN VOORST', 'separate Van particle'],
    ['JORGE DE LA CRUZ', 'separate De/La particles'],
    ["PATRICK O'BRIEN", "O' prefix"],
    ['ROBERT "BOB" NORRIS', 'quoted nickname'],
    ['MARTIN “MARTY” STANWICK', 'curly-quoted nickname'],
    ['(INTERIM) KEITH FRUTIGER', 'bracketed note'],
    ['DJ LONG', 'letters without a vowel (initials?)'],
    ['BRETT VP MASON', 'letters without a vowel (initials?)'],
    ['JR PATTERSON', 'JR not at the end'],
    ['ED LESTER', 'Le before 3+ letters: held back even though Lester is plain'],
  ])('GIVEN %j (%s) THEN the printed capitals are kept for the whole name', (printed) => {
    expect(displayPersonName(printed)).toBe(printed);
  });

  it.each([
    ['DEAN KRUGER', 'Dean Kruger'],
    ['TIM LANE', 'Tim Lane'],
    ['GLENN VANCE', 'Glenn Vance'],
    ['MATT MACK', 'Matt Mack'],
  ])('GIVEN a name that only looks like a prefix %j THEN it shows %j', (printed, shown) => {
    expect(displayPersonName(printed)).toBe(shown);
  });

  it('GIVEN a hyphenated surname in capitals THEN each part is title-cased', () => {
    expect(displayPersonName('JASON WARDLOW-HERRERA')).toBe('Jason Wardlow-Herrera');
  });

  it('GIVEN a hyphenated surname with an ambiguous part THEN the capitals are kept', () => {
    expect(displayPersonName('ANN SMITH-MCKAY')).toBe('ANN SMITH-MCKAY');
  });

  it('GIVEN accented capitals THEN the lower-case letters keep their accents', () => {
    expect(displayPersonName('RENÉ THIBODEAUX')).toBe('René Thibodeaux');
  });

  it.each([
    ['Chad D. Scott'],
    ['Eddie W. WIlliams'],
    ['"Stitch" Guillory'],
    ['L.J. "Jimmy" Ayers , III'],
    ['DeWayne C. Smith'],
    ['JR Patterson'],
  ])('GIVEN a mixed-case name %j THEN it is unchanged', (printed) => {
    expect(displayPersonName(printed)).toBe(printed);
  });

  it('GIVEN surrounding spaces THEN they are trimmed', () => {
    expect(displayPersonName('  Mark Harrell ')).toBe('Mark Harrell');
    expect(displayPersonName(' DANIEL GUIDA ')).toBe('Daniel Guida');
  });
});

describe('isAllCaps', () => {
  it('GIVEN names THEN only those with capitals and no lower-case letters count', () => {
    expect(isAllCaps('DANIEL GUIDA')).toBe(true);
    expect(isAllCaps('B.J HEDGECOCK')).toBe(true);
    expect(isAllCaps('Daniel Guida')).toBe(false);
    expect(isAllCaps('')).toBe(false);
    expect(isAllCaps('123')).toBe(false);
  });
});
