/**
 * The ICE list watcher against a stand-in for ice.gov on 127.0.0.1, serving a page and ICE's
 * real sheets: a changed list is imported once and then not downloaded again; every failure
 * (403, 404, no link, not a sheet, a list the import refuses, a server that never answers)
 * replaces nothing, is recorded with its reason and retried at the next check.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { countiesDataset } from '../../src/importers/counties.ts';
import { noteText, runImport } from '../../src/importers/dataset.ts';
import { fetchIce287gList, findListLink, type FetchOutcome, type IceFetchSettings } from '../../src/importers/ice-287g-fetch.ts';
import { ICE_287G_KEY, ICE_287G_SHIPPED } from '../../src/importers/ice-287g.ts';
import { silentLogger } from '../../src/logger.ts';
import type { Reply } from '../../src/reply.ts';
import { startIceWatch } from '../../src/scheduler/ice-watch.ts';
import type { Store } from '../../src/store/index.ts';
import { startFakeIce, type FakeIce } from '../helpers/fake-ice.ts';
import { emptyStore, testClock } from '../helpers/store.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));
const MAY = fixture('ice_287g_participating_2026-05-18.xlsx');
const JULY_2025 = fixture('ice_287g_participating_2025-07-18.xlsx');
/** ICE's own name for the May sheet (the date in it is the list's date). */
const MAY_NAME = 'participatingAgencies05182026am.xlsx';
const MAY_ROWS = (parse(readFileSync(new URL('../../data/ice_287g_participating_2026-05-18.csv', import.meta.url)), { columns: true }) as unknown[]).length;

/** Counties and the shipped January 2026 list: a bot that has not yet seen the May list. */
function januaryStore(): Store {
  const store = emptyStore();
  runImport(store, countiesDataset, { clock: testClock });
  runImport(store, ICE_287G_SHIPPED[0]!, { clock: testClock });
  return store;
}

const settings = (ice: FakeIce, timeoutMs = 5_000): IceFetchSettings => ({ pageUrl: ice.pageUrl, userAgent: 'sheriff-watch-test', timeoutMs, maxBytes: 10 * 1024 * 1024 });

function failed(outcome: FetchOutcome): { key: string; text: string } {
  if (outcome.outcome !== 'failed') throw new Error(`expected a failure, got ${outcome.outcome}`);
  return { key: outcome.reason.key, text: noteText(outcome.reason, 'en') };
}

describe('ICE list watcher: a changed list', () => {
  let ice: FakeIce;
  let store: Store;
  beforeAll(async () => {
    ice = await startFakeIce({ bytes: MAY, fileName: MAY_NAME });
    store = januaryStore();
  });
  afterAll(() => ice.close());

  it('GIVEN ICE links a newer sheet THEN it is imported, the diff is against the January list and the check keeps its ETag', async () => {
    const outcome = await fetchIce287gList(store, settings(ice), fixedClock('2026-12-03T08:00:00Z'));
    expect(outcome.outcome).toBe('imported');
    if (outcome.outcome !== 'imported') return;
    expect(outcome.report.version).toBe('2026-05-18');
    expect(outcome.report.dateFrom).toBe('file name');
    expect(outcome.report.rowsRead).toBe(MAY_ROWS);
    expect(outcome.report.diff?.previousVersion).toBe('2026-01-23');
    expect(outcome.report.diff?.added.length).toBeGreaterThan(0);
    expect(store.imports.latest(ICE_287G_KEY)?.version).toBe('2026-05-18');
    expect(outcome.check).toMatchObject({ outcome: 'imported', version: '2026-05-18', fileUrl: ice.pageUrl.replace('/287g', `/doclib/${MAY_NAME}`) });
    expect(outcome.check.etag).toMatch(/^"[0-9a-f]{16}"$/);
    expect(ice.downloads()).toBe(1);
  });

  it('GIVEN the same sheet at the next check THEN a conditional request gets 304: nothing downloaded, the list confirmed', async () => {
    const outcome = await fetchIce287gList(store, settings(ice), fixedClock('2026-12-04T08:00:00Z'));
    expect(outcome).toMatchObject({ outcome: 'unchanged', version: '2026-05-18' });
    expect(ice.log.at(-1)).toBe('file 304');
    expect(ice.downloads()).toBe(1);
    expect(store.listChecks.latestConfirmed(ICE_287G_KEY)?.checkedAt).toBe('2026-12-04T08:00:00.000Z');
  });

  it('GIVEN the server forgets its ETag but sends the same bytes THEN the content hash says unchanged and nothing is replaced', async () => {
    ice.state.etag = '"another"';
    const imports = store.imports.latest(ICE_287G_KEY)!.id;
    const outcome = await fetchIce287gList(store, settings(ice), testClock);
    expect(outcome.outcome).toBe('unchanged');
    expect(ice.downloads()).toBe(2);
    expect(store.imports.latest(ICE_287G_KEY)!.id).toBe(imports);
    delete ice.state.etag;
  });
});

describe('ICE list watcher: failures replace nothing and are retried', () => {
  let ice: FakeIce;
  let store: Store;
  let january: string;
  beforeAll(async () => {
    ice = await startFakeIce({ bytes: MAY, fileName: MAY_NAME });
    store = januaryStore();
    january = store.imports.latest(ICE_287G_KEY)!.checksum;
  });
  afterAll(() => ice.close());

  const unchanged = () => {
    expect(store.imports.latest(ICE_287G_KEY)).toMatchObject({ version: '2026-01-23', checksum: january });
  };

  it('GIVEN ICE answers 403 THEN the failure says it was refused and what to try', async () => {
    ice.state.page = 'forbidden';
    const outcome = await fetchIce287gList(store, settings(ice), testClock);
    expect(failed(outcome)).toMatchObject({ key: 'watch.fail.refused', text: expect.stringContaining('HTTP 403') });
    expect(store.listChecks.latest(ICE_287G_KEY)).toMatchObject({ outcome: 'failed', reason: { key: 'watch.fail.refused' } });
    unchanged();
    ice.state.page = 'ok';
  });

  it('GIVEN the linked file is gone (404) THEN the failure names the address and the status', async () => {
    ice.state.file = 'missing';
    expect(failed(await fetchIce287gList(store, settings(ice), testClock))).toMatchObject({ key: 'watch.fail.status', text: expect.stringMatching(/participatingAgencies05182026am\.xlsx answered HTTP 404/) });
    unchanged();
    ice.state.file = 'ok';
  });

  it('GIVEN a page with no participating-agencies link THEN the failure says ICE may have changed the page', async () => {
    ice.state.page = 'no-link';
    expect(failed(await fetchIce287gList(store, settings(ice), testClock))).toMatchObject({ key: 'watch.fail.no-link' });
    expect(ice.downloads()).toBe(0);
    unchanged();
    ice.state.page = 'ok';
  });

  it('GIVEN the link serves something that is not a sheet THEN it is refused as not ICE\'s list', async () => {
    ice.state.bytes = Buffer.from('<html>Please enable JavaScript</html>');
    expect(failed(await fetchIce287gList(store, settings(ice), testClock))).toMatchObject({ key: 'watch.fail.not-list' });
    unchanged();
    ice.state.bytes = MAY;
  });

  it('GIVEN a list the import refuses (older than the loaded one) THEN nothing is replaced and the dates are named', async () => {
    ice.state.bytes = JULY_2025;
    ice.state.fileName = 'participatingAgencies07182025pm.xlsx';
    expect(failed(await fetchIce287gList(store, settings(ice), testClock)).text).toContain('dated 2025-07-18, older than the loaded list of 2026-01-23');
    unchanged();
    ice.state.bytes = MAY;
    ice.state.fileName = MAY_NAME;
  });

  it('GIVEN a server that never answers THEN the check ends at its timeout', async () => {
    ice.state.page = 'slow';
    const started = Date.now();
    expect(failed(await fetchIce287gList(store, settings(ice, 300), testClock))).toMatchObject({ key: 'watch.fail.timeout', text: expect.stringContaining('0.3 seconds') });
    expect(Date.now() - started).toBeLessThan(5_000);
    unchanged();
    ice.state.page = 'ok';
  });

  it('GIVEN the failures THEN the next check retries and imports the list', async () => {
    const outcome = await fetchIce287gList(store, settings(ice), testClock);
    expect(outcome.outcome).toBe('imported');
    expect(store.imports.latest(ICE_287G_KEY)?.version).toBe('2026-05-18');
  });
});

describe('ICE list watcher: a list the import guards refuse', () => {
  let ice: FakeIce;
  beforeAll(async () => {
    ice = await startFakeIce({ bytes: MAY, fileName: MAY_NAME });
  });
  afterAll(() => ice.close());

  it('GIVEN a record where most of the list cannot be placed (no counties loaded) THEN the guard refuses it, nothing is recorded, and the check says why', async () => {
    const store = emptyStore();
    const outcome = await fetchIce287gList(store, settings(ice), testClock);
    expect(failed(outcome)).toMatchObject({ key: 'watch.fail.import' });
    expect(store.imports.latest(ICE_287G_KEY)).toBeUndefined();
    expect(store.positions.byTopic('287g')).toEqual([]);
    expect(store.listChecks.latest(ICE_287G_KEY)?.outcome).toBe('failed');
  });
});

describe('ICE list watcher: scheduling', () => {
  let ice: FakeIce;
  beforeAll(async () => {
    ice = await startFakeIce({ bytes: Buffer.from('not a sheet'), fileName: MAY_NAME });
  });
  afterAll(() => ice.close());

  it('GIVEN ICE_287G_CHECK_HOURS=0 THEN no check runs and ICE is never asked', () => {
    const watch = startIceWatch({ store: emptyStore(), clock: testClock, logger: silentLogger, settings: settings(ice), hours: 0, tellEditors: async () => {} });
    expect(watch.first).toBeUndefined();
    watch.stop();
    expect(ice.log).toEqual([]);
  });

  it('GIVEN the watcher starts THEN it checks at once and tells the editors why nothing was replaced', async () => {
    const told: { reply: Reply; key: string }[] = [];
    const store = emptyStore();
    const watch = startIceWatch({ store, clock: testClock, logger: silentLogger, settings: settings(ice), hours: 24, tellEditors: async (reply, key) => void told.push({ reply, key }) });
    const outcome = await watch.first;
    watch.stop();
    expect(outcome?.outcome).toBe('failed');
    expect(told).toHaveLength(1);
    expect(told[0]!.key).toMatch(/^ice-check-\d+$/);
    expect(told[0]!.key.length).toBeLessThanOrEqual(25);
    expect(told[0]!.reply.title).toBe("Could not update ICE's 287(g) list");
    expect(told[0]!.reply.notes.map((line) => line.map((s) => ('text' in s ? s.text : '')).join(''))).toContain('The next check retries in 24 hours.');
  });
});

describe('finding the sheet on ICE\'s page', () => {
  it.each([
    ['<a href="/doclib/about/287g/participatingAgencies10092026.xlsx">Participating</a>', 'https://www.ice.gov/doclib/about/287g/participatingAgencies10092026.xlsx'],
    ['<a href="/doclib/pendingAgencies.xlsx">Pending</a><a class="x" href="https://www.ice.gov/a.xlsx?v=2">Participating agencies</a>', 'https://www.ice.gov/a.xlsx?v=2'],
    ['<a href="/doclib/pendingAgencies.xlsx">Pending</a>', undefined],
    ['<a href="javascript:participating.xlsx">Participating</a>', undefined],
  ])('GIVEN %s THEN the link is %s', (html, expected) => {
    expect(findListLink(html, 'https://www.ice.gov/identify-and-arrest/287g')).toBe(expected);
  });
});
