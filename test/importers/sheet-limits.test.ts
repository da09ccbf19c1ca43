/**
 * Hostile sheets: zip bombs (honest and lying directories), sheets with far too many rows, lists
 * that would retire most of the record or cannot be placed, dangerous links and impossible
 * signing dates — through the chat command as a moderator sends them, and the worker thread.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.ts';
import { migrate } from '../../src/db/migrate.ts';
import { importIce287gList } from '../../src/importers/ice-287g-import.ts';
import { IceSheetError } from '../../src/importers/ice-287g-xlsx.ts';
import { readCsv } from '../../src/importers/csv.ts';
import { readIceXlsx } from '../../src/importers/ice-287g-xlsx.ts';
import { readWithExceljs } from '../helpers/exceljs-ice-sheet.ts';
import { MAX_ROWS, MAX_UNPACKED_BYTES, checkWorkbookSize } from '../../src/importers/sheet-limits.ts';
import { loadShippedData } from '../../src/importers/shipped.ts';
import { createStore, type Store } from '../../src/store/index.ts';
import { conversation, type Answer } from '../helpers/conversation.ts';
import { emptyStore, loadedStore, testClock } from '../helpers/store.ts';
import { countiesDataset } from '../../src/importers/counties.ts';
import { makeZip, sheetXml } from '../helpers/zip.ts';

const LISTED = readCsv(readFileSync(new URL('../../data/ice_287g_participating_2026-05-18.csv', import.meta.url), 'utf8'));
const COLUMNS = Object.keys(LISTED[0]!);
const HEADER = COLUMNS.join(',');
const line = (row: Record<string, string>) => COLUMNS.map((c) => `"${(row[c] ?? '').replace(/"/g, '""')}"`).join(',');
const LISTED_ROWS = LISTED.map(line);

function moderator(store: Store) {
  const chat = conversation({ store, moderator: true });
  chat.ctx.requireReview = false;
  return async (fileName: string, data: Buffer, extra = ''): Promise<Answer> => {
    chat.ctx.attachments = { file: { filename: fileName, data } };
    return chat.ask(`import 287g ${fileName}${extra}`);
  };
}

function refusal(bytes: Buffer): string {
  try {
    checkWorkbookSize(bytes);
  } catch (error) {
    if (error instanceof IceSheetError) return error.message;
    throw error;
  }
  return 'accepted';
}

let madeBomb: Buffer | undefined;
/** 300,000 rows, about 45 MB unpacked, under 2 MB packed: made once. */
const bomb = () => (madeBomb ??= makeZip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'xl/worksheets/sheet1.xml', data: sheetXml(300_000, 'y'.repeat(90)) }]));

const agreements = (store: Store) => store.positions.byTopic('287g').filter((p) => p.value !== 'none').length;

describe('a workbook is measured before it is unpacked', () => {
  it('GIVEN a zip bomb (under 2 MB declaring 45 MB: 300,000 rows) THEN refused from its directory, saying the size', () => {
    expect(bomb().length).toBeLessThan(2 * 1024 * 1024);
    expect(refusal(bomb())).toMatch(/^This workbook unpacks to \d+\.\d MB \(xl\/worksheets\/sheet1\.xml: \d+\.\d MB\)/);
  });

  it('GIVEN a directory that lies (declares 1 KB, unpacks to 13 MB) THEN refused as not readable, the inflation stopped at 1 KB', () => {
    const liar = makeZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(MAX_UNPACKED_BYTES + 1024 * 1024, 0x20), declared: 1024 }]);
    expect(refusal(liar)).toMatch(/not a readable XLSX workbook \(entry xl\/worksheets\/sheet1\.xml unpacks to more than it declares/);
  });

  it('GIVEN a small workbook with more rows than any ICE list THEN refused for its rows', () => {
    const rows = makeZip([{ name: 'xl/worksheets/sheet1.xml', data: sheetXml(MAX_ROWS + 5) }]);
    expect(refusal(rows)).toBe(`This sheet has ${MAX_ROWS + 1} rows or more; ICE's list has about 2,600 and at most ${MAX_ROWS} are read. Send ICE's sheet as published.`);
  });

  it("GIVEN ICE's real published workbooks THEN accepted", () => {
    for (const name of ['ice_287g_participating_2025-07-18.xlsx', 'ice_287g_participating_2026-01-23.xlsx']) {
      expect(refusal(readFileSync(new URL(`../fixtures/${name}`, import.meta.url)))).toBe('accepted');
    }
  });

  it('GIVEN the zip bomb uploaded in chat THEN the moderator is told why and the record is untouched', async () => {
    const store = loadedStore({ fresh: true });
    const before = agreements(store);
    const { reply, text } = await moderator(store)('list_2026-06-01.xlsx', bomb());
    expect(reply.status).toBe('user_error');
    expect(text).toContain('This workbook unpacks to');
    expect(agreements(store)).toBe(before);
  });
});

describe('a list that would retire most of the record', () => {
  const partial = () => Buffer.from([HEADER, ...LISTED_ROWS.slice(0, 100)].join('\n'));

  it('GIVEN a list keeping 100 of the rows THEN nothing is applied, the reply says how many it would end and how to force', async () => {
    const store = loadedStore({ fresh: true });
    const before = agreements(store);
    const { reply, text } = await moderator(store)('ice_287g_participating_2026-06-01.csv', partial());
    expect(reply.status).toBe('ok');
    expect(text).toMatch(new RegExp(`Not applied: this list would end (\\d+) of the ${before} agreements on record and keep only (\\d+)`));
    const [, ended, kept] = /would end (\d+) of the \d+ agreements on record and keep only (\d+)/.exec(text)!;
    expect(Number(ended) + Number(kept)).toBe(before);
    expect(text).toContain('load it again with force');
    expect(reply.attachments![0]!.content).toContain('Ended (no longer listed) (');
    expect(agreements(store)).toBe(before);
    expect(store.imports.latest('ice-287g')!.version).toBe('2026-05-18');
  });

  it('GIVEN the same list with force THEN it is applied', async () => {
    const store = loadedStore({ fresh: true });
    const { text } = await moderator(store)('ice_287g_participating_2026-06-01.csv', partial(), ' force');
    expect(text).not.toContain('Not applied');
    expect(store.imports.latest('ice-287g')!.version).toBe('2026-06-01');
    expect(agreements(store)).toBeLessThan(200);
  });

  it('GIVEN a list whose rows mostly name no known state THEN not applied, on an empty record too', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => `NARNIA,Agency ${i} Police Department,Municipality,#N/A,Task Force Model,2025-01-0${(i % 9) + 1},,,,`);
    const report = await importIce287gList(createStoreWithCounties(), { bytes: Buffer.from([HEADER, ...rows].join('\n')), fileName: 'x_2026-06-01.csv', clock: testClock });
    expect(report.skipped).toBe(true);
    expect(report.skipReason).toBe('unplaced_most');
  });
});

function createStoreWithCounties(): Store {
  const store = emptyStore();
  loadShippedData(store, testClock, [countiesDataset]);
  return store;
}

describe('links and dates from a sheet', () => {
  it('GIVEN MOA links that are javascript:, data: or file: and a signing date after the list THEN none is recorded, each is noted', async () => {
    const store = loadedStore({ fresh: true });
    const dangerous = ['javascript:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', 'file:///etc/passwd'];
    const rows = LISTED.map((row, i) => line({ ...row, ...(i < 3 ? { moa_url: dangerous[i]! } : {}), ...(i === 3 ? { signed: '2099-12-31' } : {}) }));
    const report = await importIce287gList(store, { bytes: Buffer.from([HEADER, ...rows].join('\n')), fileName: 'ice_287g_participating_2026-06-01.csv', clock: testClock });
    expect(report.skipped).toBe(false);
    const urls = store.positions.byTopic('287g').map((p) => p.documentUrl ?? '');
    for (const bad of dangerous) expect(urls).not.toContain(bad);
    expect(urls.every((u) => u === '' || /^https?:\/\//.test(u))).toBe(true);
    expect(store.positions.byTopic('287g').map((p) => p.effectiveDate)).not.toContain('2099-12-31');
    const notes = report.notes.map((n) => (typeof n === 'string' ? n : n.key));
    expect(notes.filter((k) => k === 'limits.note.link-dropped')).toHaveLength(3);
    expect(notes).toContain('limits.note.signed-future');
  });
});

describe('the import in a worker thread', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sw-import-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('GIVEN a database file THEN the chat import runs in a worker with its own connection and the chat process sees the result', async () => {
    const db = openDatabase(join(dir, 'bot.db'));
    migrate(db);
    const store = createStore(db);
    loadShippedData(store, testClock);
    const july = readFileSync(new URL('../fixtures/ice_287g_participating_2025-07-18.xlsx', import.meta.url));
    const { text } = await moderator(store)('participatingAgencies07182025pm.xlsx', july, ' force');
    expect(text).toContain("Imported ICE's 287(g) list of 2025-07-18");
    expect(store.imports.latest('ice-287g')!.version).toBe('2025-07-18');
    db.close();
  });
});

describe("the importer's own XLSX reader", () => {
  it.each(['ice_287g_participating_2025-07-18.xlsx', 'ice_287g_participating_2026-01-23.xlsx'])(
    "GIVEN ICE's published %s THEN the same rows and date as exceljs's full reading",
    async (name) => {
      const bytes = readFileSync(new URL(`../fixtures/${name}`, import.meta.url));
      const ours = await readIceXlsx(bytes);
      const theirs = await readWithExceljs(bytes);
      expect(ours.rows.length).toBeGreaterThan(800);
      expect(ours).toEqual(theirs);
    },
  );
});
