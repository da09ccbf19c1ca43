import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { STATE_CODES } from '../../src/domain/states.ts';
import { countiesDataset } from '../../src/importers/counties.ts';
import { DATA_DIR, runImport, type ImportReport } from '../../src/importers/dataset.ts';
import { electionExceptionsDataset, parseExceptionRow } from '../../src/importers/election-exceptions.ts';
import { electionRulesDataset, parseRuleRow } from '../../src/importers/election-rules.ts';
import { readCsv } from '../../src/importers/csv.ts';
import { SHIPPED_DATASETS } from '../../src/importers/shipped.ts';
import type { Store } from '../../src/store/index.ts';
import { emptyStore, testClock } from '../helpers/store.ts';

let store: Store;
let rulesReport: ImportReport;
let exceptionsReport: ImportReport;

beforeAll(() => {
  store = emptyStore();
  runImport(store, countiesDataset, { clock: testClock });
  rulesReport = runImport(store, electionRulesDataset, { clock: testClock });
  exceptionsReport = runImport(store, electionExceptionsDataset, { clock: testClock });
});

describe('election-rules dataset', () => {
  it('GIVEN the shipped rules file THEN all 51 rows load, one per state and DC, with nothing unmatched', () => {
    expect(rulesReport).toMatchObject({ dataset: 'election-rules', version: '2026-11-24', rowsRead: 51, rowsMatched: 51, unmatched: [], notes: [] });
    for (const state of STATE_CODES) expect(store.rules.forState(state), state).toBeDefined();
  });

  it('GIVEN the dataset THEN it is described as the project’s compilation', () => {
    expect(electionRulesDataset.title).toBe('Sheriff election rules by state (compiled)');
    expect(electionRulesDataset.origin).toMatch(/compilation.*state.*election offices.*MEDSL/is);
  });

  it('GIVEN a row with two sources THEN source_url is split on " | " and a comma inside a URL is kept', () => {
    expect(store.rules.forState('AL')!.sourceUrls).toEqual([
      'http://boltsmag.org/whats-on-the-ballot/prosecutors-and-sheriffs-in-2022/',
      'https://github.com/MEDSL/2022-elections-official',
    ]);
    expect(store.rules.forState('WI')!.sourceUrls[1]).toBe('https://docs.legis.wisconsin.gov/document/amends/2005/REG/AJR3-ASA1,3,24');
  });

  it('GIVEN a state without elected sheriffs THEN empty numbers are null and the text columns are kept', () => {
    expect(store.rules.forState('CT')).toMatchObject({
      elected: 'no',
      termYears: null,
      lastRegularYear: null,
      nextRegularYear: null,
      cycle: 'n/a',
      confidence: 'high',
    });
    expect(store.rules.forState('TN')).toMatchObject({
      elected: 'yes',
      termYears: 4,
      lastRegularYear: 2022,
      electionDayRule: 'first Thursday in August (county general election)',
    });
  });

  it('GIVEN malformed rows THEN each is refused with a reason', () => {
    const good = readCsv(readFileSync(join(DATA_DIR, 'sheriff_election_rules_by_state.csv'), 'utf8'))[1]!;
    expect(parseRuleRow({ ...good, state: 'XX' })).toMatch(/unknown state/);
    expect(parseRuleRow({ ...good, has_elected_county_sheriffs: 'maybe' })).toMatch(/yes, some or no/);
    expect(parseRuleRow({ ...good, term_years: 'four' })).toMatch(/whole numbers/);
    expect(parseRuleRow({ ...good, confidence: 'certain' })).toMatch(/confidence/);
    expect(parseRuleRow({ ...good, last_regular_election_year: '' })).toMatch(/needs term_years/);
  });

  it('GIVEN the same file twice THEN the second import is skipped', () => {
    expect(runImport(store, electionRulesDataset, { clock: testClock }).skipped).toBe(true);
  });
});

describe('election-exceptions dataset', () => {
  it('GIVEN the shipped exceptions file THEN every row matches a county (or a kind) and none is unmatched', () => {
    expect(exceptionsReport.unmatched).toEqual([]);
    expect(exceptionsReport.rowsRead).toBe(exceptionsReport.rowsMatched);
    expect(store.electionExceptions.all()).toHaveLength(exceptionsReport.rowsMatched);
  });

  it('GIVEN New Jersey and Pennsylvania THEN every county has a row', () => {
    for (const state of ['NJ', 'PA']) {
      for (const j of store.jurisdictions.inState(state)) expect(store.electionExceptions.forJurisdiction(j), j.name).toBeDefined();
    }
  });

  it('GIVEN Virginia THEN cities and counties find the row for their kind', () => {
    const richmondCity = store.jurisdictions.byFips('51760')!;
    const fairfaxCounty = store.jurisdictions.byFips('51059')!;
    expect(store.electionExceptions.forJurisdiction(richmondCity)).toMatchObject({ appliesToKind: 'independent_city', cycleYears: [2021, 2025, 2029] });
    expect(store.electionExceptions.forJurisdiction(fairfaxCounty)).toMatchObject({ appliesToKind: 'county', cycleYears: [2019, 2023, 2027] });
  });

  it('GIVEN the rows the brief names THEN each is present with its kind and certainty', () => {
    const row = (fips: string) => store.electionExceptions.forJurisdiction(store.jurisdictions.byFips(fips)!);
    expect(row('08031')).toMatchObject({ kind: 'not_elected', certainty: 'stated' }); // Denver
    expect(row('08014')).toMatchObject({ kind: 'not_elected' }); // Broomfield
    expect(row('20161')).toMatchObject({ kind: 'not_elected', selection: 'none' }); // Riley
    expect(row('53033')).toMatchObject({ kind: 'not_elected', selection: 'appointed' }); // King
    expect(row('53053')).toMatchObject({ kind: 'cycle', cycleYears: [2024, 2028] }); // Pierce
    expect(row('53073')).toMatchObject({ kind: 'cycle', cycleYears: [2023, 2027] }); // Whatcom
    expect(row('22071')).toMatchObject({ kind: 'cycle', cycleYears: [2021, 2025, 2029] }); // Orleans
    expect(row('12031')).toMatchObject({ kind: 'cycle', cycleYears: [2023, 2027] }); // Duval
    expect(row('12086')).toMatchObject({ kind: 'note', selection: 'elected' }); // Miami-Dade
    expect(row('23023')).toMatchObject({ kind: 'cycle', cycleYears: [2024, 2028] }); // Sagadahoc
    expect(row('30093')).toMatchObject({ kind: 'cycle', certainty: 'guess' }); // Butte-Silver Bow
    expect(row('35027')).toMatchObject({ kind: 'cycle', certainty: 'inferred' }); // Lincoln, NM
    expect(row('29189')).toMatchObject({ kind: 'not_elected', certainty: 'inferred' }); // St. Louis County
    expect(row('29183')).toMatchObject({ kind: 'cycle', cycleYears: [2018, 2022, 2026, 2030] }); // St. Charles
    expect(row('34015')).toMatchObject({ cycleYears: [2024, 2027], termYears: 3, certainty: 'inferred' }); // Gloucester
    expect(row('34005')).toMatchObject({ cycleYears: [2025, 2028], termYears: 3, certainty: 'guess' }); // Burlington
    expect(row('36047')).toMatchObject({ kind: 'not_elected', selection: 'appointed', certainty: 'stated' }); // Kings
    expect(row('36119')).toMatchObject({ kind: 'not_elected', certainty: 'guess' }); // Westchester
    expect(row('32003')).toMatchObject({ kind: 'note', selection: 'elected' }); // Clark, NV
  });

  it('GIVEN a row whose FIPS names another county or state THEN it is refused, and the rest still load', () => {
    const fresh = emptyStore();
    runImport(fresh, countiesDataset, { clock: testClock });
    const header = 'state,county,fips,applies_to_kind,kind,selection,term_years,cycle_years,election_day_rule,detail,basis,certainty';
    const text = [
      header,
      'WA,Pierce County,53053,,cycle,elected,,2024/2028,,presidential years,Pierce: presidential years (2024 2028),stated',
      'WA,Pierce County,53033,,cycle,elected,,2024/2028,,presidential years,wrong fips,stated',
      'OR,Pierce County,53053,,cycle,elected,,2024/2028,,presidential years,wrong state,stated',
      'WA,Nowhere County,,,cycle,elected,,2024/2028,,x,neither fips nor kind,stated',
    ].join('\n');
    const result = electionExceptionsDataset.load({ store: fresh, text, by: 'test', at: '2026-11-24T15:00:00Z' });
    expect(result.rowsMatched).toBe(1);
    expect(result.unmatched.map((u) => u.reason)).toEqual([
      expect.stringMatching(/is King County, not Pierce County/),
      expect.stringMatching(/is in WA, not OR/),
      expect.stringMatching(/exactly one of fips and applies_to_kind/),
    ]);
  });

  it('GIVEN inconsistent columns THEN parseExceptionRow says what is wrong', () => {
    const base = {
      state: 'WA', county: 'King County', fips: '53033', applies_to_kind: '', kind: 'not_elected', selection: 'appointed',
      term_years: '', cycle_years: '', election_day_rule: '', detail: 'appointed', basis: 'King: appointed', certainty: 'stated',
    };
    expect(parseExceptionRow(base)).toMatchObject({ fips: '53033', kind: 'not_elected', cycleYears: [], termYears: null });
    expect(parseExceptionRow({ ...base, selection: 'elected' })).toMatch(/cannot have selection "elected"/);
    expect(parseExceptionRow({ ...base, kind: 'cycle' })).toMatch(/use kind not_elected/);
    expect(parseExceptionRow({ ...base, certainty: 'sure' })).toMatch(/certainty/);
    expect(parseExceptionRow({ ...base, cycle_years: '2024, 2028' })).toMatch(/cycle_years/);
    expect(parseExceptionRow({ ...base, kind: 'cycle', selection: 'elected' })).toMatch(/needs cycle_years or election_day_rule/);
  });

  it('GIVEN the file loaded again with force THEN rows are replaced, not duplicated', () => {
    const before = store.electionExceptions.all().length;
    runImport(store, electionExceptionsDataset, { clock: testClock, force: true });
    expect(store.electionExceptions.all()).toHaveLength(before);
  });
});

describe('shipped datasets', () => {
  it('GIVEN the shipped list THEN the election rules load right after the counties, then their exceptions', () => {
    const keys = SHIPPED_DATASETS.map((d) => d.key);
    const at = keys.indexOf('election-rules');
    expect(keys[at - 1]).toBe('counties');
    expect(keys[at + 1]).toBe('election-exceptions');
  });
});
