import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countiesDataset } from '../../src/importers/counties.ts';
import { DATA_DIR, runImport, type ImportReport } from '../../src/importers/dataset.ts';
import { ICE_287G_SHIPPED, ice287gSource } from '../../src/importers/ice-287g.ts';

/** This file tests the importer on the January 2026 list (the older shipped one). */
const ice287gDataset = ICE_287G_SHIPPED[0]!;
const ICE_287G_SOURCE = ice287gSource('2026-01-23');
import type { Store } from '../../src/store/index.ts';
import { emptyStore, testClock } from '../helpers/store.ts';

/** The shipped file, read here without the importer's code. */
interface CsvRow {
  state: string;
  agency: string;
  type: string;
  county: string;
  support_type: string;
  signed: string;
  moa_url: string;
  addendum_url: string;
}
const FILE = ice287gDataset.file;
const CSV_TEXT = readFileSync(join(DATA_DIR, FILE), 'utf8');
const CSV = parse(CSV_TEXT, { columns: true, trim: true, bom: true }) as CsvRow[];
const HEADER = CSV_TEXT.slice(0, CSV_TEXT.indexOf('\n') + 1);
const EOL = HEADER.endsWith('\r\n') ? '\r\n' : '\n';
const isSheriff = (r: CsvRow) => /sheriff/i.test(r.agency);
const MODEL_OF: Record<string, string> = {
  'Task Force Model': 'task-force',
  'Warrant Service Officer': 'warrant-service-officer',
  'Jail Enforcement Model': 'jail-enforcement',
};

/** Distinct sheriff's offices ICE lists in a state, by the place in their name ("walker county"). */
function sheriffPlaces(stateName: string): Set<string> {
  return new Set(
    CSV.filter((r) => r.state === stateName && isSheriff(r)).map((r) =>
      r.agency.toLowerCase().replace(/[’']/g, '').replace(/\s*sheriff.*$/, ''),
    ),
  );
}

function loadFresh(): { store: Store; report: ImportReport } {
  const store = emptyStore();
  runImport(store, countiesDataset, { clock: testClock });
  return { store, report: runImport(store, ice287gDataset, { clock: testClock }) };
}

function count(store: Store, sql: string, ...params: unknown[]): number {
  return (store.db.prepare(sql).pluck().get(...params) as number) ?? 0;
}

const LIVE = `SELECT count(*) FROM positions WHERE topic = '287g' AND retired_at IS NULL`;
const HISTORY = `SELECT count(*) FROM position_history`;

describe('ice-287g importer on the shipped list', () => {
  let store: Store;
  let report: ImportReport;
  beforeAll(() => {
    ({ store, report } = loadFresh());
  });

  it('GIVEN the shipped CSV WHEN read on its own THEN it has the rows and models SOURCES.md describes', () => {
    expect(CSV).toHaveLength(1314);
    expect(CSV.filter(isSheriff)).toHaveLength(818);
    expect(CSV.filter((r) => /^#?N\/?A$/.test(r.county)).length).toBeGreaterThanOrEqual(240);
    const models = CSV.map((r) => MODEL_OF[r.support_type]);
    expect(models.filter((m) => m === 'task-force')).toHaveLength(719);
    expect(models.filter((m) => m === 'warrant-service-officer')).toHaveLength(448);
    expect(models.filter((m) => m === 'jail-enforcement')).toHaveLength(147);
  });

  it('GIVEN the list loaded THEN every row is matched or listed as unmatched with its row number and reason', () => {
    expect(report.skipped).toBe(false);
    expect(report.rowsRead).toBe(1314);
    expect(report.rowsMatched + report.unmatched.length).toBe(1314);
    // Guam is not a state the bot covers; nothing else is left out.
    expect(report.unmatched).toEqual([
      { row: 486, text: expect.stringContaining('GUAM | Office Of The Attorney General'), reason: "unknown state 'GUAM'" },
    ]);
    const recorded = store.imports.latest('ice-287g')!;
    expect([recorded.rowsRead, recorded.rowsMatched, recorded.rowsUnmatched]).toEqual([1314, 1313, 1]);
  });

  it('GIVEN the list loaded THEN all 818 sheriff rows are placed in a county and ICE misspellings are reported', () => {
    const unmatchedSheriffRows = report.unmatched.filter((u) => /sheriff/i.test(u.text)).length;
    const sheriffPositions = count(store, `${LIVE} AND office_id IN (SELECT id FROM offices WHERE kind = 'sheriff')`);
    // No agency is listed twice for one model, so each sheriff row is one position.
    expect(report.notes.filter((n) => String(n).includes('both list'))).toEqual([]);
    expect(sheriffPositions + unmatchedSheriffRows).toBe(818);
    expect(count(store, `SELECT count(*) FROM offices WHERE kind = 'sheriff' AND jurisdiction_fips IS NULL`)).toBe(0);
    expect(report.notes).toContainEqual(expect.stringMatching(/Frankin County.*names no one county.*Franklin County/));
    expect(report.notes).toContainEqual(expect.stringMatching(/Berrian County.*Berrien County/));
  });

  it('GIVEN the list loaded THEN each model has one live position per matched row (719 / 448 / 147 less the unmatched)', () => {
    const unmatchedRows = new Set(report.unmatched.map((u) => u.row));
    const expected: Record<string, number> = {};
    CSV.forEach((r, i) => {
      if (unmatchedRows.has(i + 2)) return;
      const model = MODEL_OF[r.support_type]!;
      expected[model] = (expected[model] ?? 0) + 1;
    });
    expect(expected).toEqual({ 'task-force': 718, 'warrant-service-officer': 448, 'jail-enforcement': 147 });
    const live = store.db
      .prepare(`SELECT value, count(*) AS n FROM positions WHERE topic = '287g' AND retired_at IS NULL GROUP BY value`)
      .all() as { value: string; n: number }[];
    expect(Object.fromEntries(live.map((r) => [r.value, r.n]))).toEqual(expected);
    expect(count(store, `${LIVE} AND slot <> value`)).toBe(0);
  });

  it.each([
    ['TX', 'TEXAS'],
    ['FL', 'FLORIDA'],
    ['AL', 'ALABAMA'],
  ])('GIVEN the list loaded THEN %s has one sheriff office per sheriff ICE lists there', (code, name) => {
    const offices = new Set(
      store.positions.byTopic('287g', code).filter((p) => p.office.kind === 'sheriff').map((p) => p.office.id),
    );
    expect(offices.size).toBe(sheriffPlaces(name).size);
  });

  it('GIVEN Autauga County AL WHEN loaded THEN its sheriff has Jail Enforcement and Task Force signed 2025-09-22 with the MOA', () => {
    const [autauga] = store.jurisdictions.byKey('autauga', 'AL');
    const office = store.offices.sheriffOf(autauga!.fips)!;
    expect(office.name).toBe("Autauga County Sheriff's Office");
    const live = store.positions.live(office.id);
    const csvRow = (model: string) =>
      CSV.find((r) => r.agency === "Autauga County Sheriff's Office" && r.support_type === model)!;
    for (const [slot, model] of [
      ['jail-enforcement', 'Jail Enforcement Model'],
      ['task-force', 'Task Force Model'],
    ] as const) {
      const position = live.find((p) => p.slot === slot)!;
      expect(position).toMatchObject({
        topic: '287g',
        value: slot,
        effectiveDate: '2025-09-22',
        documentUrl: csvRow(model).moa_url,
        detail: "ICE lists: Autauga County Sheriff's Office",
        source: ICE_287G_SOURCE,
        dataset: 'ice-287g',
        recordedBy: 'import:ice-287g',
      });
      expect(position.documentUrl).toMatch(/^https:\/\/www\.ice\.gov\/doclib\/287gMOA\/Autauga/);
    }
  });

  it('GIVEN an agreement with an addendum THEN the addendum link is in the detail beside the name ICE prints', () => {
    const row = CSV.find((r) => r.agency === "Alachua County Sheriff's Office" && r.addendum_url)!;
    const office = store.offices.sheriffOf(store.jurisdictions.byKey('alachua', 'FL')[0]!.fips)!;
    const position = store.positions.live(office.id).find((p) => p.slot === 'warrant-service-officer')!;
    expect(position.detail).toBe(`ICE lists: Alachua County Sheriff's Office; addendum: ${row.addendum_url}`);
  });

  it('GIVEN a Virginia independent city and Louisiana parishes THEN their sheriffs map to the city and the parishes', () => {
    const hopewell = store.jurisdictions.byKey('hopewell', 'VA')[0]!;
    expect(hopewell.kind).toBe('independent_city');
    expect(store.offices.sheriffOf(hopewell.fips)?.name).toBe("Hopewell City Sheriff's Office");
    expect(store.positions.live(store.offices.sheriffOf(hopewell.fips)!.id)[0]!.detail).toBe(
      "ICE lists: Hopewell County Sheriff's Office",
    );
    const richmondCounty = store.jurisdictions.byKey('richmond', 'VA').find((j) => j.kind === 'county')!;
    expect(store.positions.live(store.offices.sheriffOf(richmondCounty.fips)!.id)).toHaveLength(1);
    for (const parish of ['ouachita', 'calcasieu', 'stcharles']) {
      const [j] = store.jurisdictions.byKey(parish, 'LA');
      expect(j!.name).toMatch(/Parish$/);
      expect(store.positions.live(store.offices.sheriffOf(j!.fips)!.id).length).toBeGreaterThan(0);
    }
  });

  it('GIVEN agencies that are not sheriffs THEN they are kept under their ICE name in their state, with their kind', () => {
    expect(store.offices.byName('FL', 'Florida Department of Law Enforcement')).toMatchObject({ kind: 'state', jurisdictionFips: null });
    const nassau = store.jurisdictions.byKey('nassau', 'NY')[0]!;
    expect(store.offices.byName('NY', 'Nassau County Police Department')).toMatchObject({ kind: 'police', jurisdictionFips: nassau.fips });
    expect(store.offices.byName('FL', 'Orange County Corrections Department')?.kind).toBe('corrections');
    expect(store.offices.byName('TX', 'Bexar County Constable Precinct 3')?.kind).toBe('other');
    const fdle = store.offices.byName('FL', 'Florida Department of Law Enforcement')!;
    expect(store.positions.live(fdle.id).map((p) => p.value)).toEqual(['task-force']);
    // Every non-Guam (state, agency) pair of a non-sheriff row is an office.
    const pairs = new Set(CSV.filter((r) => !isSheriff(r) && r.state !== 'GUAM').map((r) => `${r.state}|${r.agency}`));
    expect(count(store, `SELECT count(*) FROM offices WHERE kind <> 'sheriff'`)).toBe(pairs.size);
  });

  it('GIVEN the one MOA link ICE wrapped in a browser-extension URL THEN the ice.gov address is kept and the fix noted', () => {
    const urls = store.db.prepare(`SELECT document_url FROM positions`).pluck().all() as string[];
    expect(urls.filter((u) => !/^https?:\/\/www\.ice\.gov\//.test(u))).toEqual([]);
    expect(report.notes).toContainEqual(expect.stringContaining('chrome-extension://'));
  });

  it('GIVEN the first load THEN nothing is retired', () => {
    expect(count(store, `SELECT count(*) FROM position_history WHERE action = 'retired'`)).toBe(0);
    expect(count(store, `SELECT count(*) FROM positions WHERE retired_at IS NOT NULL`)).toBe(0);
  });
});

describe('ice-287g importer on reload', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ice-287g-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('GIVEN the list loaded WHEN loaded again THEN counts are the same and no history row is added', () => {
    const { store, report } = loadFresh();
    const before = [count(store, LIVE), count(store, HISTORY), count(store, 'SELECT count(*) FROM offices')];
    expect(runImport(store, ice287gDataset, { clock: testClock }).skipped).toBe(true);
    const again = runImport(store, ice287gDataset, { clock: testClock, force: true });
    expect(again.skipped).toBe(false);
    expect([again.rowsRead, again.rowsMatched, again.unmatched.length]).toEqual([
      report.rowsRead,
      report.rowsMatched,
      report.unmatched.length,
    ]);
    expect([count(store, LIVE), count(store, HISTORY), count(store, 'SELECT count(*) FROM offices')]).toEqual(before);
  });

  it('GIVEN the list loaded WHEN a newer copy lacks one agreement THEN that agreement is retired with a history row', () => {
    const { store } = loadFresh();
    const autauga = store.offices.sheriffOf(store.jurisdictions.byKey('autauga', 'AL')[0]!.fips)!;
    const taskForce = store.positions.live(autauga.id).find((p) => p.slot === 'task-force')!;
    const lines = CSV_TEXT.split('\n');
    const dropped = lines.filter((l) => !/^ALABAMA,Autauga County Sheriff's Office,.*,Task Force Model,/.test(l));
    expect(dropped).toHaveLength(lines.length - 1);
    writeFileSync(join(dir, FILE), dropped.join('\n'));
    const liveBefore = count(store, LIVE);

    const report = runImport(store, ice287gDataset, { clock: testClock, dir });

    expect(report.rowsRead).toBe(1313);
    expect(count(store, LIVE)).toBe(liveBefore - 1);
    expect(store.positions.live(autauga.id).map((p) => p.slot)).toEqual(['jail-enforcement', 'warrant-service-officer']);
    const history = store.db
      .prepare(`SELECT action, old_value, source_title, changed_by FROM position_history WHERE position_id = ? ORDER BY id`)
      .all(taskForce.id);
    expect(history).toEqual([
      { action: 'created', old_value: null, source_title: ICE_287G_SOURCE.title, changed_by: 'import:ice-287g' },
      { action: 'retired', old_value: 'task-force', source_title: ICE_287G_SOURCE.title, changed_by: 'import:ice-287g' },
    ]);
    expect(count(store, `SELECT count(*) FROM position_history WHERE action = 'retired'`)).toBe(1);
    expect(report.notes).toContainEqual(expect.stringContaining('1 agreement(s) from an earlier list'));
  });

  it('GIVEN rows that repeat a model, name no state, name an unknown model or an unknown county THEN each is handled and said', () => {
    const store = emptyStore();
    runImport(store, countiesDataset, { clock: testClock });
    const rows = [
      "TEXAS,Harris County Sheriff's Office,County,Harris County,Task Force Model,2025-02-01,link,https://www.ice.gov/a.pdf,,",
      "TEXAS,Harris County Sheriff's Office,County,Harris County,Task Force Model,2025-06-01,link,https://www.ice.gov/b.pdf,,",
      "PUERTO RICO,San Juan Police Department,Municipality,#N/A,Task Force Model,2025-06-01,link,https://www.ice.gov/c.pdf,,",
      "TEXAS,Travis County Sheriff's Office,County,Travis County,Border Model,2025-06-01,link,https://www.ice.gov/d.pdf,,",
      "TEXAS,Springfield County Sheriff's Office,County,Springfield County,Task Force Model,2025-06-01,link,https://www.ice.gov/e.pdf,,",
    ];
    writeFileSync(join(dir, FILE), HEADER + rows.join(EOL) + EOL);

    const report = runImport(store, ice287gDataset, { clock: testClock, dir });

    expect([report.rowsRead, report.rowsMatched]).toEqual([5, 2]);
    expect(report.unmatched.map((u) => [u.row, u.reason])).toEqual([
      [4, "unknown state 'PUERTO RICO'"],
      [5, "unknown support type 'Border Model'"],
      [6, "sheriff's office not placed: no county 'Springfield County' in TX"],
    ]);
    expect(report.notes).toContainEqual(expect.stringContaining('kept row 3 (signed 2025-06-01) over row 2 (signed 2025-02-01)'));
    const harris = store.offices.sheriffOf(store.jurisdictions.byKey('harris', 'TX')[0]!.fips)!;
    expect(store.positions.live(harris.id)).toMatchObject([
      { slot: 'task-force', effectiveDate: '2025-06-01', documentUrl: 'https://www.ice.gov/b.pdf' },
    ]);
  });
});
