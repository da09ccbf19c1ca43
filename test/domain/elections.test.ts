import { beforeAll, describe, expect, it } from 'vitest';
import {
  electionDate,
  electionWindowEnd,
  generalElectionDay,
  isIsoDate,
  nthWeekdayOfMonth,
  parseElectionDayRule,
} from '../../src/domain/election-days.ts';
import { isCycleYear, listedYears, stateCycle } from '../../src/domain/election-cycles.ts';
import { nextRegularElection, sheriffSelection, type NextElection } from '../../src/domain/elections.ts';
import { lastRegularElection } from '../../src/domain/last-elections.ts';
import type { ElectionException } from '../../src/domain/election-exceptions.ts';
import { STATE_CODES } from '../../src/domain/states.ts';
import type { Jurisdiction, StateSheriffRule } from '../../src/domain/types.ts';
import { countiesDataset } from '../../src/importers/counties.ts';
import { runImport } from '../../src/importers/dataset.ts';
import { electionExceptionsDataset } from '../../src/importers/election-exceptions.ts';
import { electionRulesDataset } from '../../src/importers/election-rules.ts';
import type { Store } from '../../src/store/index.ts';
import { emptyStore, testClock } from '../helpers/store.ts';

// ---------------------------------------------------------------------------------------------
// Fixtures for the pure-function tests

function rule(overrides: Partial<StateSheriffRule> = {}): StateSheriffRule {
  return {
    state: 'AL',
    elected: 'yes',
    termYears: 4,
    cycle: 'every 4 years, midterm years: 2018, 2022, 2026, 2030',
    lastRegularYear: 2022,
    nextRegularYear: 2030,
    electionKind: 'partisan (party primary + runoff in spring; November general)',
    electionDayRule: 'Tuesday after the first Monday in November',
    exceptions: 'all 67 counties on the same cycle in 2018 and 2022 results',
    sourceUrls: ['https://example.org/al'],
    confidence: 'high',
    ...overrides,
  };
}

function place(overrides: Partial<Jurisdiction> = {}): Jurisdiction {
  return {
    fips: '01001',
    state: 'AL',
    name: 'Autauga County',
    baseName: 'Autauga',
    kind: 'county',
    matchKey: 'autauga',
    timeZone: 'America/Chicago',
    ...overrides,
  };
}

function exception(overrides: Partial<ElectionException> = {}): ElectionException {
  return {
    state: 'AL',
    fips: '01001',
    appliesToKind: null,
    name: 'Autauga County',
    kind: 'cycle',
    selection: 'elected',
    termYears: null,
    cycleYears: [2024, 2028],
    electionDayRule: null,
    detail: 'presidential years (2024, 2028)',
    basis: 'Autauga: presidential years (2024, 2028)',
    certainty: 'stated',
    ...overrides,
  };
}

function expectScheduled(result: NextElection, date: string): void {
  expect(result.kind).toBe('scheduled');
  if (result.kind === 'scheduled') {
    expect(result.date).toBe(date);
    expect(result.year).toBe(Number(date.slice(0, 4)));
  }
}

// ---------------------------------------------------------------------------------------------

describe('election-day date math', () => {
  it('GIVEN 2026, 2027 and 2028 THEN the Tuesday after the first Monday in November is Nov 3, Nov 2 and Nov 7', () => {
    expect(generalElectionDay(2026)).toBe('2026-11-03');
    expect(generalElectionDay(2027)).toBe('2027-11-02');
    expect(generalElectionDay(2028)).toBe('2028-11-07');
  });

  it('GIVEN a November that starts on a Tuesday THEN election day is the 8th, never the 1st', () => {
    expect(generalElectionDay(2022)).toBe('2022-11-08');
    expect(generalElectionDay(2016)).toBe('2016-11-08');
    expect(generalElectionDay(2024)).toBe('2024-11-05');
  });

  it('GIVEN August 2030 THEN its first Thursday is 2030-08-01', () => {
    expect(nthWeekdayOfMonth(2030, 8, 4, 1)).toBe('2030-08-01');
    expect(nthWeekdayOfMonth(2026, 8, 4, 1)).toBe('2026-08-06');
  });

  it('GIVEN n = -1 or a fifth weekday THEN the last weekday is found, or null when there is none', () => {
    expect(nthWeekdayOfMonth(2026, 11, 4, -1)).toBe('2026-11-26');
    expect(nthWeekdayOfMonth(2026, 2, 1, 5)).toBeNull();
  });

  it('GIVEN day rules in words THEN they read as the November general, an n-th weekday, or unfixed', () => {
    expect(parseElectionDayRule('Tuesday after the first Monday in November (odd years)')).toEqual({ kind: 'general_november' });
    expect(parseElectionDayRule('first Thursday in August (county general election)')).toEqual({
      kind: 'nth_weekday',
      n: 1,
      weekday: 4,
      month: 8,
    });
    expect(parseElectionDayRule('Saturday elections: primary in October, runoff in November (2023: Oct 14 and Nov 18)')).toEqual({
      kind: 'unfixed',
      lastMonth: 11,
    });
    expect(parseElectionDayRule('spring city election: March first round, May runoff')).toEqual({ kind: 'unfixed', lastMonth: 5 });
    expect(parseElectionDayRule('n/a')).toEqual({ kind: 'unfixed', lastMonth: 12 });
  });

  it('GIVEN a primary-or-November rule (Oregon) THEN the November general is the day used', () => {
    const day = parseElectionDayRule('May primary (third Tuesday in May); else Tuesday after the first Monday in November');
    expect(electionDate(day, 2028)).toBe('2028-11-07');
  });

  it('GIVEN an unfixed rule THEN there is no date and the window ends with the last month it names', () => {
    const day = parseElectionDayRule('spring city election: March first round, May runoff');
    expect(electionDate(day, 2027)).toBeNull();
    expect(electionWindowEnd(day, 2027)).toBe('2027-05-31');
  });

  it('GIVEN date strings THEN only real YYYY-MM-DD dates pass', () => {
    expect(isIsoDate('2026-11-24')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2026-11-24T00:00:00Z')).toBe(false);
  });
});

describe('cycles', () => {
  it('GIVEN cycle texts with parenthesised numbers THEN only the listed years outside parentheses are read', () => {
    expect(listedYears('every 4 years, midterm years (1982 + 4n): 2018, 2022, 2026, 2030')).toEqual([2018, 2022, 2026, 2030]);
    expect(
      listedYears(
        'was gubernatorial years (2018, 2022); AB 759 (2022) moved it to the presidential cycle: 2028, 2032 (one-time 6-year term for those elected 2022)',
      ),
    ).toEqual([2028, 2032]);
  });

  it('GIVEN a cycle whose gap is not a whole term (California 2022 → 2028) THEN no year in between is on it', () => {
    const cycle = { known: [2022, 2028, 2032], step: 4 };
    expect([2018, 2022, 2026, 2028, 2032, 2036].map((y) => isCycleYear(cycle, y))).toEqual([true, true, false, true, true, true]);
  });

  it('GIVEN two interleaved cycles in one text (Virginia, Pennsylvania) or a "varies" text THEN there is no single state cycle', () => {
    const va = rule({ state: 'VA', cycle: 'every 4 years, odd years: counties 2019, 2023, 2027; independent cities 2021, 2025, 2029', lastRegularYear: 2025 });
    const nj = rule({ state: 'NJ', termYears: 3, cycle: 'every 3 years, staggered: each county on its own 3-year cycle' });
    expect(stateCycle(va).ok).toBe(false);
    expect(stateCycle(nj).ok).toBe(false);
    expect(stateCycle(rule()).ok).toBe(true);
  });
});

describe('nextRegularElection and lastRegularElection (pure)', () => {
  it('GIVEN AL on 2026-11-02, the day before its election THEN the next election is 2026-11-03', () => {
    expectScheduled(nextRegularElection(rule(), place(), '2026-11-02'), '2026-11-03');
    expect(lastRegularElection(rule(), place(), '2026-11-02')).toBe('2022-11-08');
  });

  it('GIVEN AL on 2026-11-04, the day after its election THEN the next election is 2030-11-05 and the last 2026-11-03', () => {
    const next = nextRegularElection(rule(), place(), '2026-11-04');
    expectScheduled(next, '2030-11-05');
    expect(next.caveats.join(' ')).toMatch(/Assumes the 2026 election was held on schedule/);
    expect(lastRegularElection(rule(), place(), '2026-11-04')).toBe('2026-11-03');
  });

  it('GIVEN election day itself THEN it is both the next and the last election', () => {
    expectScheduled(nextRegularElection(rule(), place(), '2026-11-03'), '2026-11-03');
    expect(lastRegularElection(rule(), place(), '2026-11-03')).toBe('2026-11-03');
  });

  it('GIVEN a stored next year that is wrong THEN the cycle from the last year and term is used, not the stored year', () => {
    const next = nextRegularElection(rule({ nextRegularYear: 2031 }), place(), '2026-11-24');
    expectScheduled(next, '2030-11-05');
  });

  it('GIVEN a result THEN it carries the basis in words, confidence, sources and the primary caveat', () => {
    const next = nextRegularElection(rule(), place(), '2026-11-24');
    expect(next.basis).toBe('Alabama: every 4 years, midterm years: 2018, 2022, 2026, 2030; Tuesday after the first Monday in November');
    expect(next.confidence).toBe('high');
    expect(next.sourceUrls).toEqual(['https://example.org/al']);
    expect(next.caveats).toEqual(expect.arrayContaining([expect.stringMatching(/party primary, not the general election, often decides/)]));
  });

  it('GIVEN a state whose sheriffs are not elected THEN not_elected with the rule exceptions text as the reason', () => {
    const ak = rule({ state: 'AK', elected: 'no', termYears: null, lastRegularYear: null, exceptions: 'no county governments and no sheriffs' });
    const next = nextRegularElection(ak, place({ state: 'AK', fips: '02020' }), '2026-11-24');
    expect(next).toMatchObject({ kind: 'not_elected', reason: 'no county governments and no sheriffs' });
    expect(lastRegularElection(ak, place({ state: 'AK', fips: '02020' }), '2026-11-24')).toBeNull();
  });

  it('GIVEN no rule for the state THEN varies with a reason, never a date', () => {
    const next = nextRegularElection(undefined, place(), '2026-11-24');
    expect(next).toMatchObject({ kind: 'varies', confidence: 'low' });
    expect(lastRegularElection(undefined, place(), '2026-11-24')).toBeNull();
    expect(sheriffSelection(undefined, place()).selection).toBe('unknown');
  });

  it('GIVEN a county exception with its own cycle THEN it overrides the state cycle', () => {
    const next = nextRegularElection(rule(), place(), '2026-11-24', exception());
    expectScheduled(next, '2028-11-07');
    expect(next.basis).toMatch(/^Autauga County: presidential years/);
    expect(lastRegularElection(rule(), place(), '2026-11-24', exception())).toBe('2024-11-05');
  });

  it('GIVEN an exception for another county THEN it is ignored', () => {
    expectScheduled(nextRegularElection(rule(), place(), '2026-11-24', exception({ fips: '01003' })), '2030-11-05');
  });

  it('GIVEN a guessed or inferred exception THEN the confidence drops and a caveat quotes the basis', () => {
    const guess = nextRegularElection(rule(), place(), '2026-11-24', exception({ certainty: 'guess' }));
    expect(guess.confidence).toBe('low');
    expect(guess.caveats.join(' ')).toMatch(/a guess in the compiled rules.*Autauga: presidential years/);
    expect(nextRegularElection(rule(), place(), '2026-11-24', exception({ certainty: 'inferred' })).confidence).toBe('medium');
  });

  it('GIVEN a not_elected exception THEN not_elected with its reason, and the selection it names', () => {
    const ex = exception({ kind: 'not_elected', selection: 'appointed', cycleYears: [], detail: 'the sheriff is appointed' });
    expect(nextRegularElection(rule(), place(), '2026-11-24', ex)).toMatchObject({ kind: 'not_elected', reason: 'the sheriff is appointed' });
    expect(lastRegularElection(rule(), place(), '2026-11-24', ex)).toBeNull();
    expect(sheriffSelection(rule(), place(), ex)).toEqual({ selection: 'appointed', reason: 'the sheriff is appointed' });
  });

  it('GIVEN a Saturday-election rule (Louisiana) THEN only the year is given, and no last date', () => {
    const la = rule({
      state: 'LA',
      cycle: 'every 4 years, odd years with statewide elections: 2019, 2023, 2027',
      lastRegularYear: 2023,
      electionDayRule: 'Saturday elections: primary in October, runoff in November (2023: Oct 14 and Nov 18)',
    });
    const j = place({ state: 'LA', fips: '22001' });
    expect(nextRegularElection(la, j, '2026-11-24')).toMatchObject({ kind: 'year_only', year: 2027 });
    expect(nextRegularElection(la, j, '2027-11-15')).toMatchObject({ kind: 'year_only', year: 2027 });
    expect(nextRegularElection(la, j, '2027-12-01')).toMatchObject({ kind: 'year_only', year: 2031 });
    expect(lastRegularElection(la, j, '2026-11-24')).toBeNull();
  });

  it('GIVEN a malformed today THEN it throws a RangeError', () => {
    expect(() => nextRegularElection(rule(), place(), '24/11/2026')).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------
// The shipped rules and exceptions, on the day the rules were compiled

const TODAY = '2026-11-24';
let store: Store;

beforeAll(() => {
  store = emptyStore();
  for (const dataset of [countiesDataset, electionRulesDataset, electionExceptionsDataset]) runImport(store, dataset, { clock: testClock });
});

function facts(fips: string): { next: NextElection; last: string | null; j: Jurisdiction } {
  const j = store.jurisdictions.byFips(fips);
  if (!j) throw new Error(`no jurisdiction ${fips}`);
  const rule = store.rules.forState(j.state);
  const ex = store.electionExceptions.forJurisdiction(j);
  return { next: nextRegularElection(rule, j, TODAY, ex), last: lastRegularElection(rule, j, TODAY, ex), j };
}

describe('shipped rules on 2026-11-24', () => {
  it('GIVEN every state row THEN a county of that state gets a result with basis, confidence and sources, without throwing', () => {
    for (const state of STATE_CODES) {
      const j = store.jurisdictions.inState(state)[0];
      expect(j, state).toBeDefined();
      const rule = store.rules.forState(state);
      expect(rule, state).toBeDefined();
      const ex = store.electionExceptions.forJurisdiction(j!);
      const next = nextRegularElection(rule, j!, TODAY, ex);
      expect(['scheduled', 'year_only', 'varies', 'not_elected'], state).toContain(next.kind);
      expect(next.basis.length, state).toBeGreaterThan(0);
      expect(next.sourceUrls.length, state).toBeGreaterThan(0);
      expect(() => lastRegularElection(rule, j!, TODAY, ex)).not.toThrow();
      expect(() => sheriffSelection(rule, j!, ex)).not.toThrow();
    }
  });

  it('GIVEN every jurisdiction in the country THEN none throws and no scheduled date is in the past', () => {
    for (const j of store.jurisdictions.all()) {
      const rule = store.rules.forState(j.state);
      const next = nextRegularElection(rule, j, TODAY, store.electionExceptions.forJurisdiction(j));
      if (next.kind === 'scheduled') expect(next.date >= TODAY, j.fips).toBe(true);
    }
  });

  it('GIVEN Alabama THEN 2026-11-03 has passed and the next is 2030-11-05', () => {
    expectScheduled(facts('01001').next, '2030-11-05');
    expect(facts('01001').last).toBe('2026-11-03');
  });

  it('GIVEN Texas THEN the next is 2028-11-07 and the last 2024-11-05', () => {
    const harris = facts('48201');
    expectScheduled(harris.next, '2028-11-07');
    expect(harris.last).toBe('2024-11-05');
  });

  it('GIVEN Virginia THEN counties vote 2027-11-02 and independent cities 2029-11-06', () => {
    const fairfaxCounty = facts('51059');
    expect(fairfaxCounty.j.kind).toBe('county');
    expectScheduled(fairfaxCounty.next, '2027-11-02');
    expect(fairfaxCounty.last).toBe('2023-11-07');
    const richmondCity = facts('51760');
    expect(richmondCity.j.kind).toBe('independent_city');
    expectScheduled(richmondCity.next, '2029-11-06');
    expect(richmondCity.last).toBe('2025-11-04');
  });

  it('GIVEN Tennessee THEN the next is the first Thursday in August 2030', () => {
    expectScheduled(facts('47157').next, '2030-08-01');
    expect(facts('47157').last).toBe('2026-08-06');
  });

  it('GIVEN Louisiana THEN the year 2027 only; Orleans Parish on the city cycle, 2029', () => {
    expect(facts('22033').next).toMatchObject({ kind: 'year_only', year: 2027 });
    expect(facts('22071').next).toMatchObject({ kind: 'year_only', year: 2029 });
  });

  it('GIVEN New Hampshire with 2-year terms THEN the next is 2028-11-07', () => {
    expectScheduled(facts('33011').next, '2028-11-07');
  });

  it('GIVEN California, whose cycle moved from 2022 to 2028 THEN the next is 2028-11-07, the last 2022-11-08, with a caveat', () => {
    const la = facts('06037');
    expectScheduled(la.next, '2028-11-07');
    expect(la.last).toBe('2022-11-08');
    expect(la.next.caveats.join(' ')).toMatch(/cycle changed: the regular election after 2022 is in 2028/);
    expect(la.next.caveats.join(' ')).toMatch(/elected outright/);
  });

  it('GIVEN Massachusetts with 6-year terms THEN the next is 2028-11-07', () => {
    expectScheduled(facts('25025').next, '2028-11-07');
  });

  it.each([
    ['AK', '02020'],
    ['CT', '09003'],
    ['HI', '15003'],
    ['RI', '44007'],
    ['DC', '11001'],
  ])('GIVEN %s, where sheriffs are not elected THEN not_elected with a reason saying who does the job', (state, fips) => {
    const { next, last } = facts(fips);
    expect(next.kind).toBe('not_elected');
    if (next.kind === 'not_elected') expect(next.reason).toBe(store.rules.forState(state)!.exceptions);
    expect(last).toBeNull();
  });

  it('GIVEN the not-elected states THEN their selection reads none for no sheriff and appointed for Rhode Island', () => {
    const selection = (fips: string): string => {
      const j = store.jurisdictions.byFips(fips)!;
      return sheriffSelection(store.rules.forState(j.state), j).selection;
    };
    expect(['02020', '09003', '15003', '11001'].map(selection)).toEqual(['none', 'none', 'none', 'none']);
    expect(selection('44007')).toBe('appointed');
    expect(selection('01001')).toBe('elected');
  });

  it('GIVEN New York and Oregon counties without an exception row THEN varies with a reason, never a date', () => {
    for (const fips of ['36001', '41051']) {
      const { next, last } = facts(fips);
      expect(next.kind, fips).toBe('varies');
      if (next.kind === 'varies') expect(next.reason).toMatch(/different years/);
      expect(last).toBeNull();
    }
  });

  it('GIVEN county exception rows THEN they override the state rule', () => {
    expect(facts('08031').next.kind).toBe('not_elected'); // Denver
    expect(facts('20161').next.kind).toBe('not_elected'); // Riley
    expect(facts('53033').next.kind).toBe('not_elected'); // King, WA
    expectScheduled(facts('53053').next, '2028-11-07'); // Pierce
    expectScheduled(facts('53061').next, '2027-11-02'); // Snohomish
    expectScheduled(facts('53063').next, '2030-11-05'); // Spokane, on the state cycle
    expect(facts('12031').next).toMatchObject({ kind: 'year_only', year: 2027 }); // Duval
    expectScheduled(facts('12086').next, '2028-11-07'); // Miami-Dade, with a note
    expect(facts('12086').next.caveats.join(' ')).toMatch(/elected sheriff since Nov 2024/);
    expectScheduled(facts('23011').next, '2028-11-07'); // Kennebec
    expectScheduled(facts('23005').next, '2030-11-05'); // Cumberland, ME
    expect(facts('36061').next.kind).toBe('not_elected'); // New York County
    expect(facts('42095').next.kind).toBe('not_elected'); // Northampton
    expectScheduled(facts('42003').next, '2029-11-06'); // Allegheny, 2025 group
    expectScheduled(facts('42101').next, '2027-11-02'); // Philadelphia, 2027 group
    expectScheduled(facts('34001').next, '2029-11-06'); // Atlantic, NJ 2026 group
    expectScheduled(facts('34003').next, '2027-11-02'); // Bergen, NJ 2027 group
    expectScheduled(facts('34023').next, '2028-11-07'); // Middlesex, NJ 2028 group (guess)
    expect(facts('34023').next.confidence).toBe('low');
  });

  it('GIVEN guessed and inferred rows THEN their results say so', () => {
    const nassau = facts('36059').next;
    expect(nassau).toMatchObject({ kind: 'not_elected', confidence: 'low' });
    if (nassau.kind === 'not_elected') expect(nassau.reason).toMatch(/a guess/);
    const stLouis = facts('29189').next;
    expect(stLouis).toMatchObject({ kind: 'not_elected', confidence: 'medium' });
    expectScheduled(facts('35015').next, '2028-11-07'); // Eddy, NM (inferred)
    expect(facts('35015').next.confidence).toBe('medium');
    expect(facts('30093').next.confidence).toBe('low'); // Butte-Silver Bow (guess)
  });

  it('GIVEN selections from exception rows THEN appointed, none or unknown with the reason', () => {
    const selection = (fips: string): ReturnType<typeof sheriffSelection> => {
      const j = store.jurisdictions.byFips(fips)!;
      return sheriffSelection(store.rules.forState(j.state), j, store.electionExceptions.forJurisdiction(j));
    };
    expect(selection('53033').selection).toBe('appointed');
    expect(selection('20161').selection).toBe('none');
    expect(selection('08031')).toMatchObject({ selection: 'unknown', reason: expect.stringMatching(/does not elect a sheriff/) });
    expect(selection('12086')).toEqual({ selection: 'elected' });
    expect(selection('32003').selection).toBe('elected');
  });
});
