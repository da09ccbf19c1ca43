/**
 * How many places the shipped data names a sheriff for: overall, per state, and in the 50 most
 * populous counties (Census Bureau 2019 county estimates, test/fixtures/largest_counties_census_2019.csv).
 * `npx tsx bench/sheriff-coverage.ts [repo root]` — another root (e.g. /work/main) gives the "before" figures.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(process.argv[2] ?? '.');
const from = async <T>(path: string): Promise<T> => (await import(pathToFileURL(resolve(root, path)).href)) as T;

type StoreModule = typeof import('../src/store/index.ts');
const { openDatabase } = await from<typeof import('../src/db/open.ts')>('src/db/open.ts');
const { migrate } = await from<typeof import('../src/db/migrate.ts')>('src/db/migrate.ts');
const { createStore } = await from<StoreModule>('src/store/index.ts');
const { loadShippedData } = await from<typeof import('../src/importers/shipped.ts')>('src/importers/shipped.ts');
const { fixedClock } = await from<typeof import('../src/clock.ts')>('src/clock.ts');

const db = openDatabase(':memory:');
migrate(db);
const store = createStore(db);
loadShippedData(store, fixedClock('2026-12-03T12:00:00Z'));

const named = new Set<string>();
const byState = new Map<string, { named: number; all: number }>();
for (const j of db.prepare<[], { fips: string; state: string }>('SELECT fips, state FROM jurisdictions').all()) {
  const office = store.offices.sheriffOf(j.fips);
  const has = office ? store.holders.current(office.id) !== undefined : false;
  if (has) named.add(j.fips);
  const counts = byState.get(j.state) ?? { named: 0, all: 0 };
  counts.all++;
  if (has) counts.named++;
  byState.set(j.state, counts);
}
const largest = readFileSync(new URL('../test/fixtures/largest_counties_census_2019.csv', import.meta.url), 'utf8')
  .trim().split('\n').slice(1).map((line) => line.split(','));
const missing = largest.filter(([fips]) => !named.has(fips!)).map(([, state, county]) => `${county} (${state})`);
console.log(`root: ${root}`);
console.log(`places with a sheriff's name: ${named.size} of ${byState.size && [...byState.values()].reduce((n, c) => n + c.all, 0)}`);
console.log(`50 most populous counties with a name: ${largest.length - missing.length} of ${largest.length}`);
console.log(`  without: ${missing.join('; ')}`);
console.log(`per state: ${[...byState].sort().map(([s, c]) => `${s} ${c.named}/${c.all}`).join(', ')}`);
db.close();
