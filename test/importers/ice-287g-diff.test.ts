import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { countiesDataset } from '../../src/importers/counties.ts';
import { runImport } from '../../src/importers/dataset.ts';
import { diffCounts } from '../../src/importers/ice-287g-diff.ts';
import { importIce287gList, previewIce287gList, versionFromFileName, type ListImportReport } from '../../src/importers/ice-287g-import.ts';
import { readIceCsv, readIceXlsx, sheetFormat, unwrapSafelink } from '../../src/importers/ice-287g-xlsx.ts';
import type { Store } from '../../src/store/index.ts';
import { emptyStore, testClock } from '../helpers/store.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));
/** The 2026-01-23 list in CSV form is the shipped dataset itself. */
const shipped = (name: string) => readFileSync(new URL(`../../data/${name}`, import.meta.url));

const JULY_XLSX = 'ice_287g_participating_2025-07-18.xlsx';
const JULY_CSV = 'ice_287g_participating_2025-07-18.csv';
const JANUARY_XLSX = 'ice_287g_participating_2026-01-23.xlsx';
const JANUARY_CSV = 'ice_287g_participating_2026-01-23.csv';

function countiesOnly(): Store {
  const store = emptyStore();
  runImport(store, countiesDataset, { clock: testClock });
  return store;
}

const historyCount = (store: Store) => (store.db.prepare('SELECT count(*) AS n FROM position_history').get() as { n: number }).n;

// ---------------------------------------------------------------------------------------------
// The expected difference, computed from the two CSV files with csv-parse and nothing of the
// importer: an agreement is (state, agency, model); a sheriff's office is named by the place in
// its name, so "Sheriff's Office" / "Sheriff's Department" / "Metropolitan …" are one office.
// ---------------------------------------------------------------------------------------------
type CsvRow = Record<string, string>;
const words = (s: string) => s.toLowerCase().replace(/['’]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
/** ICE's misspelling in the July list ('Lampass County Sheriff's Office'), spelled right in January. */
const RENAMED: Record<string, string> = { 'lampass county': 'lampasas county' };
/**
 * Rows no office can be given (the importer reports them as unmatched, asserted below): Guam is
 * not a state, and the July list names "Madison County Sheriff's Office" in COUNTY "Macon County".
 */
const unplaceable = (r: CsvRow) => r.state === 'GUAM' || (r.agency!.startsWith('Madison County') && r.county === 'Macon County');
const modelOf = (s: string) => (/jail/i.test(s) ? 'JEM' : /task/i.test(s) ? 'TFM' : 'WSO');

function officeKey(r: CsvRow): string {
  if (!/sheriff/i.test(r.agency!)) return `${r.state}|${words(r.agency!)}`;
  const place = words(r.agency!.replace(/\s*sheriff.*$/i, '').replace(/^metropolitan\s+/i, ''));
  return `${r.state}|${RENAMED[place] ?? place}`;
}

/** office|model → newest signed date ('' when unreadable). */
function agreements(csv: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of parse(csv, { columns: true, trim: true, bom: true }) as CsvRow[]) {
    if (unplaceable(r)) continue;
    const key = `${officeKey(r)}|${modelOf(r.support_type!)}`;
    const signed = /^\d{4}-\d{2}-\d{2}$/.test(r.signed!) ? r.signed! : '';
    if (!out.has(key) || signed > out.get(key)!) out.set(key, signed);
  }
  return out;
}

function expectedDiff(before: Map<string, string>, after: Map<string, string>) {
  const added = [...after.keys()].filter((k) => !before.has(k));
  const ended = [...before.keys()].filter((k) => !after.has(k));
  const signed = [...after.keys()].filter((k) => before.has(k) && before.get(k) !== after.get(k));
  // One office that dropped one model and gained another changed its model.
  const office = (k: string) => k.split('|').slice(0, 2).join('|');
  const gained = new Map<string, number>();
  for (const k of added) gained.set(office(k), (gained.get(office(k)) ?? 0) + 1);
  let modelChanges = 0;
  for (const k of ended) {
    const n = gained.get(office(k)) ?? 0;
    if (n > 0) {
      modelChanges++;
      gained.set(office(k), n - 1);
    }
  }
  return { added: added.length - modelChanges, ended: ended.length - modelChanges, changed: signed.length + modelChanges, modelChanges };
}

const JULY = agreements(fixture(JULY_CSV));
const JANUARY = agreements(shipped(JANUARY_CSV));
const EXPECTED = expectedDiff(JULY, JANUARY);

describe('reading ICE 287(g) sheets', () => {
  it('GIVEN the published July XLSX THEN it reads exactly the rows of its CSV conversion', async () => {
    const { rows, modified } = await readIceXlsx(fixture(JULY_XLSX));
    expect(rows).toEqual(readIceCsv(fixture(JULY_CSV).toString('utf8')));
    expect(rows).toHaveLength(832);
    expect(modified).toBe('2025-07-18');
  });

  it('GIVEN the published January XLSX THEN it reads exactly the rows of the shipped CSV', async () => {
    const { rows } = await readIceXlsx(fixture(JANUARY_XLSX));
    expect(rows).toEqual(readIceCsv(shipped(JANUARY_CSV).toString('utf8')));
  });

  it("GIVEN ICE's quirks THEN trailing spaces are trimmed, #N/A is kept as printed, hyperlinks become URLs", async () => {
    const { rows } = await readIceXlsx(fixture(JANUARY_XLSX));
    const autauga = rows.find((r) => r.agency === "Autauga County Sheriff's Office" && r.support_type === 'Jail Enforcement Model');
    expect(autauga).toMatchObject({ type: 'County', signed: '2025-09-22', moa_cell: 'link' });
    expect(autauga?.moa_url).toBe('https://www.ice.gov/doclib/287gMOA/AutaugaCoSheriffsOfficeAL_JEM_MOA_09222025.pdf');
    expect(rows.filter((r) => r.county === '#N/A').length).toBeGreaterThan(200);
    const july = (await readIceXlsx(fixture(JULY_XLSX))).rows;
    const colbert = july.find((r) => r.agency.startsWith('Colbert') && r.support_type === 'Warrant Service Officer');
    expect(colbert?.moa_url).toBe('https://www.ice.gov/doclib/287gMOA/ColbertCoSheriffsOfficeAL_WSO_MOA_05.08.25.pdf');
    // A date typed as text instead of a date cell is kept as printed (and reported by the importer).
    expect(july.find((r) => r.agency.startsWith('Tooele') && r.support_type === 'Warrant Service Officer')?.signed).toBe('7/72025');
  });

  it('GIVEN an Outlook safelink THEN the address it carries; any other URL THEN unchanged', () => {
    expect(unwrapSafelink('https://gcc02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.ice.gov%2Fa.pdf&data=05%7C02')).toBe(
      'https://www.ice.gov/a.pdf',
    );
    expect(unwrapSafelink(' https://www.ice.gov/a.pdf ')).toBe('https://www.ice.gov/a.pdf');
  });

  it('GIVEN file bytes THEN XLSX is told from CSV by content, not name', () => {
    expect(sheetFormat(fixture(JULY_XLSX))).toBe('xlsx');
    expect(sheetFormat(fixture(JULY_CSV))).toBe('csv');
  });

  it('GIVEN file names THEN the list date comes from the ISO date or from ICE’s MMDDYYYY name', () => {
    expect(versionFromFileName(JANUARY_XLSX)).toBe('2026-01-23');
    expect(versionFromFileName('participatingAgencies07182025pm.xlsx')).toBe('2025-07-18');
    expect(versionFromFileName('participatingAgencies.xlsx')).toBeNull();
    expect(versionFromFileName('list_2025-02-30.csv')).toBeNull();
  });

  it('GIVEN a CSV that is not ICE’s list THEN a message that names the columns it needs', () => {
    expect(() => readIceCsv('name,phone\nA,1\n')).toThrow(/needs state, agency, type, county, support_type/);
  });
});

describe('importing the real pair: the 2025-07-18 list, then the 2026-01-23 list', () => {
  let store: Store;
  let july: ListImportReport;
  let january: ListImportReport;
  let historyBefore: number;

  beforeAll(async () => {
    store = countiesOnly();
    july = await importIce287gList(store, { bytes: fixture(JULY_XLSX), fileName: JULY_XLSX, clock: testClock });
    historyBefore = historyCount(store);
    january = await importIce287gList(store, { bytes: fixture(JANUARY_XLSX), fileName: JANUARY_XLSX, clock: testClock });
  });

  it('GIVEN an empty record THEN every placed July agreement is added, and the unplaceable row is reported', () => {
    expect(july.version).toBe('2025-07-18');
    expect(july.dateFrom).toBe('file name');
    expect(diffCounts(july.diff!)).toMatchObject({ added: JULY.size, ended: 0, changed: 0 });
    expect(july.unmatched.map((u) => u.text)).toEqual([expect.stringMatching(/^TENNESSEE \| Madison County Sheriff's Office \| .* \| Macon County/)]);
  });

  it('GIVEN the January list THEN added / ended / changed are the counts computed from the CSVs', () => {
    expect(EXPECTED).toEqual({ added: 516, ended: 34, changed: 45, modelChanges: 1 }); // the figures, for the record
    const counts = diffCounts(january.diff!);
    expect({ added: counts.added, ended: counts.ended, changed: counts.changed }).toEqual({
      added: EXPECTED.added,
      ended: EXPECTED.ended,
      changed: EXPECTED.changed,
    });
    expect(january.diff!.changed.filter((c) => c.what === 'model')).toHaveLength(EXPECTED.modelChanges);
    expect(january.diff!.previousVersion).toBe('2025-07-18');
    expect(january.unmatched.map((u) => u.text)).toEqual([expect.stringMatching(/^GUAM \|/)]);
  });

  it('GIVEN the January list THEN every change is a position_history row of this import, citing the list', () => {
    const rows = store.db
      .prepare('SELECT action, changed_by, changed_at, source_title, source_url FROM position_history WHERE id > ?')
      .all(historyBefore) as { action: string; changed_by: string; changed_at: string; source_title: string; source_url: string }[];
    const d = january.diff!;
    const signedChanges = d.changed.filter((c) => c.what === 'signed').length;
    // A model change retires one slot and creates another; a new date or link replaces the row.
    expect(rows).toHaveLength(d.added.length + d.ended.length + 2 * EXPECTED.modelChanges + signedChanges + d.relinked.length);
    expect(new Set(rows.map((r) => `${r.changed_by}|${r.changed_at}`))).toEqual(new Set([`import:ice-287g|${testClock.now().toISOString()}`]));
    expect(new Set(rows.map((r) => r.source_title))).toEqual(new Set(['ICE 287(g) participating agencies list, 2026-01-23']));
    expect(rows.filter((r) => r.action === 'retired')).toHaveLength(d.ended.length + EXPECTED.modelChanges);
  });

  it('GIVEN a signed date that changed THEN history carries the old and new date', () => {
    const change = january.diff!.changed.find((c) => c.what === 'signed')!;
    const row = store.db
      .prepare(`SELECT old_effective_date, new_effective_date FROM position_history
        WHERE office_id = ? AND slot = ? AND action = 'changed' ORDER BY id DESC LIMIT 1`)
      .get(change.to.officeId, change.to.model);
    expect(row).toEqual({ old_effective_date: change.from.signed, new_effective_date: change.to.signed });
  });

  it('GIVEN the same file again THEN nothing changes', async () => {
    const before = historyCount(store);
    const again = await importIce287gList(store, { bytes: fixture(JANUARY_XLSX), fileName: JANUARY_XLSX, clock: testClock });
    expect(again).toMatchObject({ skipped: true, skipReason: 'same_file', diff: null });
    expect(historyCount(store)).toBe(before);
  });

  it('GIVEN the same list as CSV THEN it is read again and changes nothing: XLSX and CSV agree', async () => {
    const before = historyCount(store);
    const csv = await importIce287gList(store, { bytes: shipped(JANUARY_CSV), fileName: JANUARY_CSV, clock: testClock });
    expect(csv.skipped).toBe(false);
    expect(diffCounts(csv.diff!)).toEqual({ added: 0, ended: 0, changed: 0, relinked: 0, unchanged: january.rowsMatched });
    expect(historyCount(store)).toBe(before);
  });

  it('GIVEN the older July list after January THEN it is refused unless forced', async () => {
    const older = await importIce287gList(store, { bytes: fixture(JULY_CSV), fileName: JULY_CSV, clock: testClock });
    expect(older).toMatchObject({ skipped: true, skipReason: 'older_version', previousVersion: '2026-01-23' });
  });
});

describe('the same pair read as CSV', () => {
  it('GIVEN the CSV forms THEN the same difference as the XLSX forms', async () => {
    const store = countiesOnly();
    await importIce287gList(store, { bytes: fixture(JULY_CSV), fileName: JULY_CSV, clock: testClock });
    const january = await importIce287gList(store, { bytes: shipped(JANUARY_CSV), fileName: JANUARY_CSV, clock: testClock });
    expect(diffCounts(january.diff!)).toMatchObject({ added: EXPECTED.added, ended: EXPECTED.ended, changed: EXPECTED.changed });
  });
});

describe('previewing and dating a list', () => {
  it('GIVEN a preview THEN the same difference as the import, and nothing written', async () => {
    const store = countiesOnly();
    await importIce287gList(store, { bytes: fixture(JULY_XLSX), fileName: JULY_XLSX, clock: testClock });
    const history = historyCount(store);
    const imports = store.imports.latest('ice-287g')!.id;
    const preview = await previewIce287gList(store, { bytes: fixture(JANUARY_XLSX), fileName: JANUARY_XLSX, clock: testClock });
    expect(diffCounts(preview.diff!)).toMatchObject({ added: EXPECTED.added, ended: EXPECTED.ended, changed: EXPECTED.changed });
    expect(historyCount(store)).toBe(history);
    expect(store.imports.latest('ice-287g')!.id).toBe(imports);
  });

  it('GIVEN a CSV with no date in its name THEN the import asks for the date; WITH one THEN it is used', async () => {
    const store = countiesOnly();
    await expect(importIce287gList(store, { bytes: fixture(JULY_CSV), fileName: 'list.csv', clock: testClock })).rejects.toThrow(
      /has no date .* give the date ICE published it/,
    );
    await expect(importIce287gList(store, { bytes: fixture(JULY_CSV), fileName: 'list.csv', date: '2025-7-18', clock: testClock })).rejects.toThrow(
      /YYYY-MM-DD/,
    );
    const dated = await importIce287gList(store, { bytes: fixture(JULY_CSV), fileName: 'list.csv', date: '2025-07-18', clock: testClock });
    expect(dated).toMatchObject({ version: '2025-07-18', dateFrom: 'option' });
  });

  it('GIVEN an XLSX with no date in its name THEN the workbook’s own modified date', async () => {
    const store = countiesOnly();
    const report = await importIce287gList(store, { bytes: fixture(JULY_XLSX), fileName: 'participatingAgencies.xlsx', clock: testClock });
    expect(report).toMatchObject({ version: '2025-07-18', dateFrom: 'workbook' });
  });

  it('GIVEN a moderator recorded "no agreement" and the list shows one THEN the list wins and history keeps both', async () => {
    const store = countiesOnly();
    const travis = store.offices.ensureSheriff(store.jurisdictions.byFips('48453')!);
    store.positions.record({
      officeId: travis.id, topic: '287g', slot: '', value: 'none', detail: null, effectiveDate: null, documentUrl: null,
      source: { title: 'kut.org', url: 'https://www.kut.org/x', date: '2025-01-01' }, dataset: null, by: 'test:mod', at: '2025-01-01T00:00:00Z',
    });
    const rows = [{ state: 'TEXAS', agency: "Travis County Sheriff's Office", type: 'County', county: 'Travis County', support_type: 'Task Force Model',
      signed: '2025-06-01', moa_cell: 'link', moa_url: 'https://www.ice.gov/doclib/287gMOA/x.pdf', addendum_cell: '', addendum_url: '' }];
    const csv = `state,agency,type,county,support_type,signed,moa_cell,moa_url,addendum_cell,addendum_url\n${rows.map((r) => Object.values(r).map((v) => `"${v}"`).join(',')).join('\n')}\n`;
    const report = await importIce287gList(store, { bytes: Buffer.from(csv), fileName: 'list_2025-07-01.csv', clock: testClock });
    expect(report.diff!.superseded.map((s) => s.office)).toEqual(["Travis County Sheriff's Office"]);
    expect(store.positions.live(travis.id).map((p) => p.value)).toEqual(['task-force']);
    const actions = store.positionHistory.forOffice(travis.id).map((h) => `${h.action}:${h.oldValue ?? ''}→${h.newValue ?? ''}`);
    expect(actions).toEqual(['retired:none→', 'created:→task-force', 'created:→none']);
  });
});
