import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { countiesDataset } from '../../src/importers/counties.ts';
import { DATA_DIR, runImport, type ImportReport } from '../../src/importers/dataset.ts';
import { SHERIFF_DATASETS } from '../../src/importers/sheriff-datasets.ts';
import { SHERIFF_SOURCES } from '../../src/importers/sheriff-sources.ts';
import { SHIPPED_DATASETS } from '../../src/importers/shipped.ts';
import type { Store } from '../../src/store/index.ts';
import { emptyStore, testClock } from '../helpers/store.ts';

/** A data/ CSV read straight from disk, independently of the importer's reader. */
function csvRows(file: string): Record<string, string>[] {
  const text = readFileSync(join(DATA_DIR, file), 'utf8');
  return parse(text, { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
}

interface Signer {
  state: string;
  county: string | null;
  agency_type: string;
  signer_name: string | null;
  signer_title: string | null;
}

function signers(): Signer[] {
  return JSON.parse(readFileSync(join(DATA_DIR, 'sheriff_287g_signers_2026-01.json'), 'utf8')) as Signer[];
}

/** MEDSL cells that are vote-tally labels, found by reading the files. */
const TALLY_LABELS = new Set(['CONTEST TOTAL', 'CONTEST TOTALS', 'CAST VOTES']);

function loadAll(): { store: Store; reports: Map<string, ImportReport> } {
  const store = emptyStore();
  runImport(store, countiesDataset, { clock: testClock });
  const reports = new Map(SHERIFF_DATASETS.map((d) => [d.key, runImport(store, d, { clock: testClock })]));
  return { store, reports };
}

let store: Store;
let reports: Map<string, ImportReport>;
beforeAll(() => {
  ({ store, reports } = loadAll());
});

function report(key: string): ImportReport {
  const found = reports.get(key);
  if (!found) throw new Error(`no report for ${key}`);
  return found;
}

const csvSources = SHERIFF_SOURCES.filter((s) => s.file.endsWith('.csv'));

describe('sheriff datasets: what is matched', () => {
  it('GIVEN the sheriff files THEN there is one dataset per file: 32 standard CSVs, GA, TN, VA, FL and the signer list', () => {
    expect(SHERIFF_DATASETS).toHaveLength(37);
    expect(new Set(SHERIFF_DATASETS.map((d) => d.key)).size).toBe(37);
    expect(new Set(SHERIFF_DATASETS.map((d) => d.file)).size).toBe(37);
    expect(csvSources.filter((s) => s.layout === 'standard')).toHaveLength(32);
    for (const d of SHERIFF_DATASETS) expect(d.version).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it.each(csvSources.map((s) => [s.key, s.file]))(
    'GIVEN %s (%s) THEN every row with a name is matched and every other row is reported',
    (key, file) => {
      const rows = csvRows(file);
      const named = rows.filter((r) => r.sheriff!.trim() !== '' && !TALLY_LABELS.has(r.sheriff!.trim()));
      const result = report(key);
      expect(result.rowsRead).toBe(rows.length);
      expect(result.rowsMatched).toBe(named.length);
      expect(result.unmatched).toHaveLength(rows.length - named.length);
    },
  );

  it.each([
    ['sheriffs-tx', 253],
    ['sheriffs-ga', 159],
    ['sheriffs-va', 123],
    ['sheriffs-ms', 79],
    ['sheriffs-la', 64],
    ['sheriffs-tn', 94],
    ['sheriffs-fl', 67],
    ['sheriffs-ok', 76],
    // Added 2026-12-03 (shared/data/SOURCES.md): counties per state as that file counts them.
    ['sheriffs-mi', 79],
    ['sheriffs-pa', 30],
    ['sheriffs-az', 12],
    ['sheriffs-or', 27],
    ['sheriffs-nj', 5],
  ])('GIVEN %s THEN %i rows are matched', (key, count) => {
    expect(report(key).rowsMatched).toBe(count);
  });

  it('GIVEN the Mississippi file THEN its three nameless counties are reported as "no name in source"', () => {
    expect(report('sheriffs-ms').unmatched.map((u) => [u.text.split(',')[1], u.reason])).toEqual([
      ['Humphreys', 'no name in source'],
      ['Washington', 'no name in source'],
      ['Webster', 'no name in source'],
    ]);
  });

  it('GIVEN the Texas and Oklahoma files THEN Zapata and Coal (emptied in the files) are the only unmatched rows', () => {
    expect(report('sheriffs-tx').unmatched).toEqual([expect.objectContaining({ row: 254, reason: 'no name in source' })]);
    expect(report('sheriffs-ok').unmatched).toEqual([expect.objectContaining({ row: 16, reason: 'no name in source' })]);
  });

  it('GIVEN MEDSL rows whose winner cell is a tally label THEN they are reported, not loaded as a name', () => {
    expect(report('sheriffs-ut').unmatched[0]!.reason).toContain('"CONTEST TOTALS"');
  });

  it('GIVEN the OpenElections files that replace the MEDSL Oregon and New Jersey files THEN Clackamas and Camden are named', () => {
    expect(report('sheriffs-or').unmatched).toEqual([]);
    expect(report('sheriffs-nj').unmatched).toEqual([]);
    expect(store.holders.current(store.offices.sheriffOf('41005')!.id)!.name).toBe('Angela Brandenburg');
    expect(store.holders.current(store.offices.sheriffOf('34007')!.id)!.name).toBe('Chuck Billingham');
  });

  it('GIVEN the signer list THEN only sheriffs signed as Sheriff are used and two known-bad names are refused', () => {
    const all = signers();
    const usable = all.filter((s) => s.agency_type === 'sheriff' && s.signer_title === 'Sheriff' && s.signer_name);
    const result = report('signers-287g');
    expect(result.rowsRead).toBe(all.length);
    expect(usable).toHaveLength(476);
    expect(result.rowsMatched).toBe(usable.length - 2);
    expect(result.unmatched).toHaveLength(all.length - usable.length + 2);
    const refused = result.unmatched.filter((u) => /known error|conflicts/.test(String(u.reason)));
    expect(refused.map((u) => u.reason)).toEqual([
      expect.stringMatching(/^Otto H\. Hanak: known error/),
      expect.stringMatching(/^Antionette V\. Irving: conflicts with the VSA directory/),
    ]);
    const others = all.filter((s) => s.agency_type !== 'sheriff').length;
    expect(result.unmatched.filter((u) => String(u.reason).startsWith("not a sheriff's office"))).toHaveLength(others);
  });

  it('GIVEN any sheriff dataset THEN matched plus unmatched rows add up to the rows read', () => {
    for (const [key, result] of reports) {
      expect(result.rowsMatched + result.unmatched.length, key).toBe(result.rowsRead);
      for (const u of result.unmatched) expect(u.reason, key).not.toBe('');
    }
  });

  it('GIVEN a file that leaves places out THEN the report names them', () => {
    expect(report('sheriffs-tn').notes).toContain("No sheriff's name from this file for 1 of 95 places in TN: Fentress County.");
    expect(report('sheriffs-ga').notes).toContain('row 98: GSA prints "Mcduffle" (typo for McDuffie County).');
  });
});

describe('sheriff datasets: loading again', () => {
  it('GIVEN the same files loaded twice THEN the second load is skipped and, forced, changes nothing', () => {
    const fresh = loadAll().store;
    const count = (): unknown => fresh.db.prepare('SELECT count(*) AS n, count(retired_at) AS retired FROM office_holders').get();
    const offices = (): unknown => fresh.db.prepare('SELECT count(*) AS n FROM offices').get();
    const before = { holders: count(), offices: offices() };

    const again = SHERIFF_DATASETS.map((d) => runImport(fresh, d, { clock: testClock }));
    expect(again.every((r) => r.skipped)).toBe(true);

    const forced = SHERIFF_DATASETS.map((d) => runImport(fresh, d, { clock: testClock, force: true }));
    expect(forced.map((r) => r.rowsMatched)).toEqual(SHERIFF_DATASETS.map((d) => report(d.key).rowsMatched));
    expect({ holders: count(), offices: offices() }).toEqual(before);
  });
});

describe('shipped datasets', () => {
  it('GIVEN the shipped list THEN the sheriff datasets load after the counties, together and in order', () => {
    const keys = SHIPPED_DATASETS.map((d) => d.key);
    const first = keys.indexOf(SHERIFF_DATASETS[0]!.key);
    expect(keys.indexOf('counties')).toBeGreaterThanOrEqual(0);
    expect(first).toBeGreaterThan(keys.indexOf('counties'));
    expect(keys.slice(first, first + SHERIFF_DATASETS.length)).toEqual(SHERIFF_DATASETS.map((d) => d.key));
  });
});
