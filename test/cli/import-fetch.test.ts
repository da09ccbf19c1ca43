/**
 * `npm run import -- ice-287g --fetch` against a stand-in for ice.gov: the first run imports the
 * sheet the page links to and prints the diff; the second says nothing changed and downloads nothing.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.ts';
import { openDatabase } from '../../src/db/open.ts';
import { countiesDataset } from '../../src/importers/counties.ts';
import { runImport } from '../../src/importers/dataset.ts';
import { ICE_287G_SHIPPED } from '../../src/importers/ice-287g.ts';
import { createStore } from '../../src/store/index.ts';
import { startFakeIce, type FakeIce } from '../helpers/fake-ice.ts';
import { testClock } from '../helpers/store.ts';

const run = promisify(execFile);
const MAY = readFileSync(new URL('../fixtures/ice_287g_participating_2026-05-18.xlsx', import.meta.url));

describe('npm run import -- ice-287g --fetch', () => {
  let ice: FakeIce;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    ice = await startFakeIce({ bytes: MAY, fileName: 'participatingAgencies05182026am.xlsx' });
    dir = mkdtempSync(join(tmpdir(), 'sw-fetch-'));
    const db = openDatabase(join(dir, 'bot.db'));
    migrate(db);
    const store = createStore(db);
    runImport(store, countiesDataset, { clock: testClock });
    runImport(store, ICE_287G_SHIPPED[0]!, { clock: testClock });
    db.close();
    env = { ...process.env, DATABASE_PATH: join(dir, 'bot.db'), ICE_287G_URL: ice.pageUrl, LOG_LEVEL: 'silent' };
  });
  afterAll(async () => {
    await ice.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const fetchOnce = () => run(process.execPath, ['--import', 'tsx', 'src/cli/import.ts', 'ice-287g', '--fetch'], { env, cwd: new URL('../..', import.meta.url).pathname });

  it('GIVEN ICE_287G_URL at a page linking the May sheet THEN the first run imports it and prints the diff against January; the second downloads nothing', async () => {
    const first = await fetchOnce();
    expect(first.stdout).toMatch(/^ICE 287\(g\) list of 2026-05-18/m);
    expect(first.stdout).toContain('against the list of 2026-01-23');
    expect(ice.downloads()).toBe(1);

    const second = await fetchOnce();
    expect(second.stdout).toContain("ICE's 287(g) list is unchanged (still the list of 2026-05-18); nothing was downloaded or replaced.");
    expect(ice.downloads()).toBe(1);
    expect(ice.log.at(-1)).toBe('file 304');
  }, 60_000);
});
