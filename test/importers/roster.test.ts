/**
 * The roster importer: a good file, flexible header names, wrong columns, unknown counties,
 * counties left out (never retired), the same file twice, an editor's newer entry kept, the
 * history it writes, and a failure halfway that rolls everything back. Names in these rosters
 * are made up for the tests ("Pat Example"); the shipped Texas list is the record they change.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { countiesDataset } from '../../src/importers/counties.ts';
import { runImport } from '../../src/importers/dataset.ts';
import { readRoster, RosterFileError } from '../../src/importers/roster-read.ts';
import { importRoster } from '../../src/importers/roster.ts';
import { SHERIFF_DATASETS } from '../../src/importers/sheriff-datasets.ts';
import type { Store } from '../../src/store/index.ts';
import { conversation } from '../helpers/conversation.ts';
import { emptyStore, testClock } from '../helpers/store.ts';

const ROSTER = [
  'state,county,sheriff,phone,email,website,address,source_url,as_of',
  'TX,Travis,Pat Example,512-854-9770,,https://www.traviscountytx.gov/sheriff,,https://example.org/tx-directory,2026-11-01',
  'TX,Harris County,Ed Gonzalez,713-221-6000,,,,https://example.org/tx-directory,2026-11-01',
  'TX,Bexar,Robin Sample,210-335-6000,,,,https://example.org/tx-directory,2026-11-01',
  'TX,Nowhere,Casey Nobody,,,,,https://example.org/tx-directory,2026-11-01',
  'TX,Travis,Someone Else,,,,,https://example.org/tx-directory,2026-11-01',
  'TX,Lubbock,Jo Future,,,,,https://example.org/tx-directory,2027-01-01',
].join('\n');

/** Counties and the shipped Texas list (pbtx.com, 2026-01-24): the record a Texas roster updates. */
function texasStore(): Store {
  const store = emptyStore();
  runImport(store, countiesDataset, { clock: testClock });
  runImport(store, SHERIFF_DATASETS.find((d) => d.key === 'sheriffs-tx')!, { clock: testClock });
  return store;
}

const nameIn = (store: Store, fips: string) => store.holders.current(store.offices.sheriffOf(fips)!.id)?.name;

describe('roster import', () => {
  let store: Store;
  let dallasBefore: string | undefined;
  let bexarEditor: string;
  beforeAll(async () => {
    store = texasStore();
    dallasBefore = nameIn(store, '48113');
    // An editor recorded Bexar's sheriff on the tests' today (2026-11-24), after the roster's 2026-11-01.
    const editor = conversation({ store, moderator: true });
    editor.ctx.requireReview = false;
    // A name is on record already (pbtx.com): the change asks to be confirmed against it.
    const asked = await editor.ask('holder-set Bexar, TX name https://example.org/bexar-news Alex Editor');
    const confirm = /→ {2}(holder-set .+)$/m.exec(asked.text)![1]!;
    await editor.ask(confirm);
    bexarEditor = nameIn(store, '48029')!;
  });

  it('GIVEN a good roster THEN new and changed names are recorded with the row\'s source and date, and the report says so', () => {
    const report = importRoster(store, { bytes: Buffer.from(ROSTER), fileName: 'tx-roster.csv', clock: testClock, by: 'test:editor' });
    const r = report.result!;
    expect(report.dataset).toBe('roster-tx');
    expect(r.rowsRead).toBe(6);
    expect(r.changed.map((l) => [l.place, l.from, l.name])).toEqual([['Travis County, TX', expect.any(String), 'Pat Example']]);
    expect(r.contact.map((l) => l.place)).toEqual(['Harris County, TX']);
    const travis = store.holders.current(store.offices.sheriffOf('48453')!.id)!;
    expect(travis).toMatchObject({ name: 'Pat Example', phone: '512-854-9770', source: { url: 'https://example.org/tx-directory', date: '2026-11-01' } });
  });

  it('GIVEN rows for a county that does not exist, a county twice and a future date THEN each is reported, not loaded', () => {
    const report = importRoster(store, { bytes: Buffer.from(`${ROSTER}\n`), fileName: 'tx-roster-again.csv', clock: testClock, force: true });
    const reasons = report.result!.unmatched.map((u) => [u.row, typeof u.reason === 'string' ? u.reason : u.reason.key]);
    expect(reasons).toEqual([
      [5, 'roster.reason.place'],
      [6, 'roster.reason.repeated'],
      [7, 'roster.reason.future-date'],
    ]);
    expect(nameIn(store, '48303')).not.toBe('Jo Future'); // Lubbock
  });

  it("GIVEN an editor's entry newer than the roster row THEN the editor's entry is kept and reported", () => {
    expect(bexarEditor).toBe('Alex Editor');
    expect(nameIn(store, '48029')).toBe('Alex Editor');
    const report = importRoster(store, { bytes: Buffer.from(ROSTER.replace('2026-11-01', '2026-11-02')), fileName: 'tx-roster-3.csv', clock: testClock });
    expect(report.result!.kept.map((l) => [l.place, l.name, l.keptDate])).toEqual([['Bexar County, TX', 'Alex Editor', '2026-11-24']]);
  });

  it('GIVEN counties the roster leaves out THEN their sheriffs stay on record', () => {
    expect(dallasBefore).toBeTruthy();
    expect(nameIn(store, '48113')).toBe(dallasBefore);
  });

  it('GIVEN the same file twice THEN the second import does nothing', () => {
    const newer = Buffer.from(ROSTER.replaceAll('2026-11-01', '2026-11-05'));
    expect(importRoster(store, { bytes: newer, fileName: 'tx-roster-4.csv', clock: testClock }).skipped).toBe(false);
    const count = () => store.db.prepare('SELECT count(*) AS n FROM office_holders').get();
    const before = count();
    const again = importRoster(store, { bytes: newer, fileName: 'tx-roster-4.csv', clock: testClock });
    expect(again).toMatchObject({ skipped: true, skipReason: 'same_file', result: null });
    expect(count()).toEqual(before);
  });

  it("GIVEN the import THEN `history` shows the name change with the roster's source", async () => {
    const { text } = await conversation({ store, moderator: true }).ask('history Travis, TX');
    expect(text).toContain('Pat Example');
    expect(text).toContain('https://example.org/tx-directory');
  });
});

describe('roster files', () => {
  it('GIVEN other header names (Parish, Name, Telephone, Date) THEN they are read as the roster columns', () => {
    const rows = readRoster('Parish,Name,Telephone,Source URL,State,Date\nCaddo,Pat Example,318-675-2170,https://example.org,LA,2026-10-01');
    expect(rows[0]!.values).toMatchObject({ county: 'Caddo', sheriff: 'Pat Example', phone: '318-675-2170', state: 'LA', as_of: '2026-10-01', source_url: 'https://example.org' });
  });

  it('GIVEN wrong columns THEN the file is refused, naming what is missing, and nothing is written', () => {
    expect(() => readRoster('county,name\nTravis,Pat Example')).toThrow(RosterFileError);
    expect(() => readRoster('county,name\nTravis,Pat Example')).toThrow(/state, as_of missing/);
  });

  it('GIVEN a wrong file attached in chat THEN the editor is told why, in their language', async () => {
    const store = emptyStore();
    const editor = conversation({ store, moderator: true, locale: 'es' });
    editor.ctx.attachments = { file: { filename: 'lista.csv', data: Buffer.from('condado,nombre\nTravis,Pat') } };
    const { reply, text } = await editor.ask('import-roster lista.csv');
    expect(reply.status).toBe('user_error');
    expect(text).toContain('lista.csv no es una lista de sheriffs');
    expect(text).toContain('faltan state, county, sheriff, as_of');
  });

  it('GIVEN a failure halfway through THEN the whole roster is rolled back', () => {
    const store = texasStore();
    const travis = nameIn(store, '48453');
    let calls = 0;
    const append = store.changes.append.bind(store.changes);
    store.changes.append = (change) => {
      if (++calls === 2) throw new Error('disk full');
      return append(change);
    };
    expect(() => importRoster(store, { bytes: Buffer.from(ROSTER), fileName: 'tx.csv', clock: testClock })).toThrow('disk full');
    expect(nameIn(store, '48453')).toBe(travis);
    expect(store.imports.latest('roster-tx')).toBeUndefined();
  });
});
