/**
 * What the editors hear from the ICE list watcher: a failure once (not at every check while it
 * lasts), a different failure again, the recovery; and a refusal stored as a message, so `about`
 * says it in the reader's language. Against a stand-in for ice.gov on 127.0.0.1.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countiesDataset } from '../../src/importers/counties.ts';
import { runImport } from '../../src/importers/dataset.ts';
import type { IceFetchSettings } from '../../src/importers/ice-287g-fetch.ts';
import { ICE_287G_KEY, ICE_287G_SHIPPED } from '../../src/importers/ice-287g.ts';
import { silentLogger } from '../../src/logger.ts';
import { plain, type Reply } from '../../src/reply.ts';
import { checkAndReport } from '../../src/scheduler/ice-watch.ts';
import type { Store } from '../../src/store/index.ts';
import { conversation } from '../helpers/conversation.ts';
import { startFakeIce, type FakeIce } from '../helpers/fake-ice.ts';
import { emptyStore, testClock } from '../helpers/store.ts';
import { fixedClock } from '../../src/clock.ts';
import { prepareIce287gList } from '../../src/importers/ice-287g-import.ts';
import { dateFromText } from '../../src/importers/ice-287g-report.ts';

const MAY = readFileSync(new URL('../fixtures/ice_287g_participating_2026-05-18.xlsx', import.meta.url));
const MAY_NAME = 'participatingAgencies05182026am.xlsx';
const MAY_ROWS = readFileSync(new URL('../../data/ice_287g_participating_2026-05-18.csv', import.meta.url), 'utf8').trim().split('\n').length - 1;

const settings = (ice: FakeIce): IceFetchSettings => ({ pageUrl: ice.pageUrl, userAgent: 'sheriff-watch-test', timeoutMs: 5_000, maxBytes: 10 * 1024 * 1024 });
const textOf = (reply: Reply) => [reply.title, ...(reply.intro ?? []).map(plain), ...reply.notes.map(plain)].join('\n');

describe('the watcher tells the editors once per failure, and when it recovers', () => {
  let ice: FakeIce;
  let store: Store;
  const told: Reply[] = [];
  let day = 1;
  /** One scheduled check, a day after the last. */
  const check = () =>
    checkAndReport({
      store,
      clock: fixedClock(`2026-12-${String(day++).padStart(2, '0')}T08:00:00Z`),
      logger: silentLogger,
      settings: settings(ice),
      retryHours: 24,
      tellEditors: async (reply) => void told.push(reply),
    });
  beforeAll(async () => {
    ice = await startFakeIce({ bytes: MAY, fileName: MAY_NAME });
    store = emptyStore();
    runImport(store, countiesDataset, { clock: testClock });
    runImport(store, ICE_287G_SHIPPED[0]!, { clock: testClock });
  });
  afterAll(() => ice.close());

  it('GIVEN ICE refuses three checks in a row THEN the editors are told once; every check is recorded', async () => {
    ice.state.page = 'forbidden';
    for (let i = 0; i < 3; i++) expect((await check()).outcome).toBe('failed');
    expect(told).toHaveLength(1);
    expect(textOf(told[0]!)).toContain('HTTP 403');
    expect(store.listChecks.failingSince(ICE_287G_KEY)?.checkedAt).toBe('2026-12-01T08:00:00.000Z');
  });

  it('GIVEN a different failure THEN told again; GIVEN it lasts THEN not', async () => {
    ice.state.page = 'ok';
    ice.state.file = 'missing';
    await check();
    await check();
    expect(told).toHaveLength(2);
    expect(textOf(told[1]!)).toContain(`${MAY_NAME} answered HTTP 404`);
  });

  it('GIVEN the list can be fetched again THEN the import report says the checks work again since when they failed', async () => {
    ice.state.file = 'ok';
    expect((await check()).outcome).toBe('imported');
    expect(told).toHaveLength(3);
    expect(told[2]!.title).toBe("ICE's 287(g) list of 2026-05-18, fetched from ice.gov and loaded");
    expect(textOf(told[2]!)).toContain("Checks of ICE's page work again (they had failed since 2026-12-01).");
    expect(store.listChecks.failingSince(ICE_287G_KEY)).toBeUndefined();
  });

  it('GIVEN an unchanged list THEN nothing is said; GIVEN a failure and then the same list THEN the recovery alone is told', async () => {
    expect((await check()).outcome).toBe('unchanged');
    expect(told).toHaveLength(3);
    ice.state.page = 'no-link';
    await check();
    ice.state.page = 'ok';
    expect((await check()).outcome).toBe('unchanged');
    expect(told.map((r) => r.title).slice(3)).toEqual(["Could not update ICE's 287(g) list", "ICE's 287(g) list can be checked again"]);
    expect(textOf(told[4]!)).toContain('still the list of 2026-05-18');
  });
});

describe("a refusal is stored as a message and shown in the reader's language", () => {
  let ice: FakeIce;
  beforeAll(async () => {
    ice = await startFakeIce({ bytes: MAY, fileName: MAY_NAME });
  });
  afterAll(() => ice.close());

  it('GIVEN a list the guard refuses (no counties to place it in) THEN the check keeps the key and counts; `about` in Spanish says it in Spanish', async () => {
    const store = emptyStore();
    const told: Reply[] = [];
    await checkAndReport({ store, clock: testClock, logger: silentLogger, settings: settings(ice), tellEditors: async (reply) => void told.push(reply) });
    const reason = store.listChecks.latest(ICE_287G_KEY)!.reason;
    expect(reason).toMatchObject({ key: 'watch.fail.import', params: { error: { key: 'watch.fail.unplaced-most', params: { rows: MAY_ROWS } } } });
    expect(textOf(told[0]!)).toContain(`of its ${MAY_ROWS} rows could not be placed in a county or agency`);
    const es = await conversation({ store, locale: 'es' }).ask('about');
    expect(es.text).toContain(`de sus ${MAY_ROWS} filas no se pudieron ubicar en un condado o una agencia`);
    expect(es.text).not.toContain('could not be placed');
    const en = await conversation({ store }).ask('about');
    expect(en.text).toContain(`of its ${MAY_ROWS} rows could not be placed`);
  });
});

describe("the list's date of last resort", () => {
  it("GIVEN a file whose name and content carry no date THEN the server's Last-Modified day dates it, and the report says so", async () => {
    const csv = readFileSync(new URL('../../data/ice_287g_participating_2026-05-18.csv', import.meta.url));
    const list = await prepareIce287gList({ bytes: csv, fileName: 'participatingAgencies.csv', fallbackDate: '2026-05-18' });
    expect(list).toMatchObject({ version: '2026-05-18', dateFrom: 'server' });
    expect(dateFromText(list, 'es')).toBe('de la fecha Last-Modified del servidor');
    await expect(prepareIce287gList({ bytes: csv, fileName: 'participatingAgencies.csv' })).rejects.toThrow(/participatingAgencies\.csv/);
  });
});
