import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { countiesDataset } from '../../src/importers/counties.ts';
import { DATA_DIR, runImport } from '../../src/importers/dataset.ts';
import { ice287gDataset, ICE_287G_SOURCE } from '../../src/importers/ice-287g.ts';
import { AGREEMENT_MODELS, agreementCountsByState, agreementCountsInState, agreementListingPage, agreementsInState, type AgreementListing } from '../../src/queries/agreements.ts';
import type { Store } from '../../src/store/index.ts';
import { emptyStore, loadedStore, testClock, TEST_NOW } from '../helpers/store.ts';

/** The shipped file, read here without the importer's code. */
interface CsvRow {
  state: string;
  agency: string;
  support_type: string;
}
const CSV = parse(readFileSync(join(DATA_DIR, ice287gDataset.file), 'utf8'), {
  columns: true,
  trim: true,
  bom: true,
}) as CsvRow[];
const isSheriff = (r: CsvRow) => /sheriff/i.test(r.agency);
const MODEL_OF: Record<string, string> = {
  'Task Force Model': 'task-force',
  'Warrant Service Officer': 'warrant-service-officer',
  'Jail Enforcement Model': 'jail-enforcement',
};
const STATES = [
  ['TX', 'TEXAS'],
  ['FL', 'FLORIDA'],
  ['AL', 'ALABAMA'],
] as const;

/** Per state: distinct sheriff's offices (by the place in their name), other agencies, rows. */
function expectedFor(stateName: string) {
  const rows = CSV.filter((r) => r.state === stateName);
  const place = (r: CsvRow) => r.agency.toLowerCase().replace(/[’']/g, '').replace(/\s*sheriff.*$/, '');
  const byModel: Record<string, number> = { 'jail-enforcement': 0, 'task-force': 0, 'warrant-service-officer': 0 };
  for (const r of rows) byModel[MODEL_OF[r.support_type]!]! += 1;
  return {
    sheriffs: new Set(rows.filter(isSheriff).map(place)).size,
    sheriffRows: rows.filter(isSheriff).length,
    others: new Set(rows.filter((r) => !isSheriff(r)).map((r) => r.agency)).size,
    rows: rows.length,
    byModel,
  };
}

function loadIce(): Store {
  const store = emptyStore();
  runImport(store, countiesDataset, { clock: testClock });
  runImport(store, ice287gDataset, { clock: testClock });
  return store;
}

describe('agreementsInState', () => {
  let store: Store;
  beforeAll(() => {
    store = loadIce();
  });

  it.each(STATES)('GIVEN the ICE list loaded WHEN asked for %s THEN sheriffs and other agencies match the CSV', (code, name) => {
    const expected = expectedFor(name);
    const { sheriffs, others } = agreementsInState(store, code);
    expect(sheriffs).toHaveLength(expected.sheriffs);
    expect(others).toHaveLength(expected.others);
    expect(sheriffs.flatMap((s) => s.agreements)).toHaveLength(expected.sheriffRows);
    expect([...sheriffs, ...others].flatMap((s) => s.agreements)).toHaveLength(expected.rows);
    for (const s of sheriffs) {
      expect(s.office.kind).toBe('sheriff');
      expect(s.jurisdiction.state).toBe(code);
      expect(s.office.jurisdictionFips).toBe(s.jurisdiction.fips);
      expect(s.agreements.every((a) => a.officeId === s.office.id && a.topic === '287g')).toBe(true);
    }
    expect(others.every((o) => o.office.kind !== 'sheriff' && o.office.state === code)).toBe(true);
  });

  it('GIVEN TX WHEN asked THEN both lists are sorted by office name and each office lists its models by slot', () => {
    const { sheriffs, others } = agreementsInState(store, 'TX');
    for (const list of [sheriffs, others]) {
      const names = list.map((s) => s.office.name);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    }
    for (const s of sheriffs) {
      const slots = s.agreements.map((a) => a.slot);
      expect(slots).toEqual([...slots].sort());
    }
  });

  it('GIVEN Autauga AL WHEN AL is asked THEN its entry carries the county and both 2025-09-22 agreements with their source', () => {
    const autauga = agreementsInState(store, 'AL').sheriffs.find((s) => s.jurisdiction.name === 'Autauga County')!;
    expect(autauga.office.name).toBe("Autauga County Sheriff's Office");
    expect(autauga.agreements.map((a) => [a.slot, a.effectiveDate])).toEqual([
      ['jail-enforcement', '2025-09-22'],
      ['task-force', '2025-09-22'],
      ['warrant-service-officer', '2025-09-22'],
    ]);
    expect(autauga.agreements[0]!.source).toEqual(ICE_287G_SOURCE);
    expect(autauga.agreements[0]!.documentUrl).toMatch(/^https:\/\/www\.ice\.gov\/doclib\/287gMOA\//);
  });

  it('GIVEN a state with no agreements or an unknown code WHEN asked THEN both lists are empty', () => {
    expect(agreementsInState(store, 'VT')).toEqual({ sheriffs: [], others: [] });
    expect(agreementsInState(store, 'ZZ')).toEqual({ sheriffs: [], others: [] });
  });

  it('GIVEN an answer WHEN a caller tries to change it THEN it is frozen, so a shared answer stays right', () => {
    const answer = agreementsInState(store, 'TX');
    expect(Object.isFrozen(answer)).toBe(true);
    expect(Object.isFrozen(answer.sheriffs)).toBe(true);
    expect(agreementsInState(store, 'TX')).toBe(answer);
  });
});

describe('agreementCountsByState', () => {
  let store: Store;
  beforeAll(() => {
    store = loadIce();
  });

  it.each(STATES)('GIVEN the ICE list loaded THEN %s counts offices, agreements and models as the CSV does', (code, name) => {
    const expected = expectedFor(name);
    const row = agreementCountsByState(store).find((r) => r.state === code)!;
    expect(row).toEqual({
      state: code,
      sheriffOffices: expected.sheriffs,
      otherOffices: expected.others,
      agreements: expected.rows,
      byModel: expected.byModel,
    });
  });

  it('GIVEN the ICE list loaded THEN every state with an agreement is listed once, by code, adding up to the live positions', () => {
    const counts = agreementCountsByState(store);
    const states = counts.map((r) => r.state);
    expect(states).toEqual([...states].sort());
    // Guam and the Northern Mariana Islands have no counties: their rows are reported, not placed.
    const territories = new Set(['GUAM', 'NORTHERN MARIANA ISLANDS']);
    const inStates = CSV.filter((r) => !territories.has(r.state));
    expect(new Set(states).size).toBe(new Set(inStates.map((r) => r.state)).size);
    const total = counts.reduce((n, r) => n + r.agreements, 0);
    expect(total).toBe(inStates.length);
    expect(counts.every((r) => Object.values(r.byModel).reduce((a, b) => a + b, 0) === r.agreements)).toBe(true);
  });
});

describe('agreements after the data changes', () => {
  it('GIVEN answers already given WHEN an agreement is retired THEN the next answers leave it out', () => {
    const store = loadIce();
    const before = agreementsInState(store, 'AL');
    const countsBefore = agreementCountsByState(store).find((r) => r.state === 'AL')!;
    const autauga = before.sheriffs.find((s) => s.jurisdiction.name === 'Autauga County')!;
    const taskForce = autauga.agreements.find((a) => a.slot === 'task-force')!;

    store.positions.retire(taskForce, { source: ICE_287G_SOURCE, by: 'test', at: TEST_NOW });

    const after = agreementsInState(store, 'AL').sheriffs.find((s) => s.jurisdiction.name === 'Autauga County')!;
    expect(after.agreements.map((a) => a.slot)).toEqual(['jail-enforcement', 'warrant-service-officer']);
    const countsAfter = agreementCountsByState(store).find((r) => r.state === 'AL')!;
    expect(countsAfter.agreements).toBe(countsBefore.agreements - 1);
    expect(countsAfter.byModel['task-force']).toBe(countsBefore.byModel['task-force']! - 1);
  });

  it("GIVEN a moderator records 'none' for a sheriff THEN that office is not listed as having an agreement", () => {
    const store = loadIce();
    const [travis] = store.jurisdictions.byKey('travis', 'TX');
    const office = store.offices.ensureSheriff(travis!);
    const before = agreementsInState(store, 'TX').sheriffs.length;
    store.positions.record({
      officeId: office.id,
      topic: '287g',
      slot: '',
      value: 'none',
      detail: null,
      effectiveDate: null,
      documentUrl: null,
      source: { title: 'Moderator', url: null, date: '2026-11-01' },
      dataset: null,
      by: 'test',
      at: TEST_NOW,
    });
    const { sheriffs } = agreementsInState(store, 'TX');
    expect(sheriffs).toHaveLength(before);
    expect(sheriffs.some((s) => s.office.id === office.id)).toBe(false);
  });
});

describe('agreementListingPage and agreementCountsInState', () => {
  it('GIVEN every state THEN the pages together name the same offices, models and dates as the full query, in the same order', () => {
    const store = loadedStore();
    for (const state of ['TX', 'FL', 'AL', 'VA', 'LA']) {
      const full = agreementsInState(store, state);
      const pages: AgreementListing[] = [];
      for (let offset = 0; offset < full.sheriffs.length + full.others.length; offset += 15) pages.push(...agreementListingPage(store, state, offset, 15));
      const summary = (name: string, sheriff: boolean, agreements: readonly { value: string; effectiveDate: string | null }[]) => ({
        name,
        sheriff,
        agreements: agreements.map((a) => ({ value: a.value, effectiveDate: a.effectiveDate })),
      });
      expect(pages).toEqual([
        ...full.sheriffs.map((s) => summary(s.jurisdiction.name, true, s.agreements)),
        ...full.others.map((o) => summary(o.office.name, false, o.agreements)),
      ]);
      const counts = agreementCountsInState(store, state);
      expect(counts.sheriffOffices).toBe(full.sheriffs.length);
      expect(counts.otherOffices).toBe(full.others.length);
      const sheriffAgreements = full.sheriffs.flatMap((s) => s.agreements);
      expect(counts.sheriffModels).toEqual(
        AGREEMENT_MODELS.map((value) => ({ value, agreements: sheriffAgreements.filter((a) => a.value === value).length })).filter((m) => m.agreements > 0),
      );
    }
  });

  it('GIVEN a page past the end THEN it is empty; a state with no agreement THEN zero counts', () => {
    const store = loadedStore();
    expect(agreementListingPage(store, 'TX', 10_000, 15)).toEqual([]);
    expect(agreementCountsInState(store, 'VT')).toEqual({ sheriffOffices: 0, otherOffices: 0, sheriffModels: [] });
  });
});
