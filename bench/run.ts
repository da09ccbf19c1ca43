/**
 * Prints the core's latency over the full loaded database and the import time.
 * Targets (issue 2): p99 under 1 ms for `sheriff` and `positions` on a 2-core machine; the
 * same for city and ZIP code lookups (issue 15, bench/places.ts).
 */
import { performance } from 'node:perf_hooks';
import { createRegistry } from '../src/commands/index.ts';
import { runInvocation, type RunContext } from '../src/framework/run.ts';
import { systemClock } from '../src/clock.ts';
import { migrate } from '../src/db/migrate.ts';
import { openDatabase } from '../src/db/open.ts';
import { loadShippedData } from '../src/importers/shipped.ts';
import { silentLogger } from '../src/logger.ts';
import { createStore } from '../src/store/index.ts';
import { benchPlaceTableLoad, benchPlaces } from './places.ts';

// BENCH_ONLY=maps runs only the map renderer's bench.
if (process.env.BENCH_ONLY === 'maps') {
  await import('./maps.ts');
  process.exit(0);
}

// BENCH_ONLY=meetings runs only the meeting sources' stage (a 500-event Legistar import, the calendar feeds).
if (process.env.BENCH_ONLY === 'meetings') {
  await import('./meeting-sources.ts');
  process.exit(0);
}

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 5000);

// BENCH_ONLY=limits runs only the hostile-input stage (bench/limits.ts).
if (process.env.BENCH_ONLY === 'limits') {
  await import('./limits.ts');
  process.exit(0);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * 'cold': before every timed call a write (outside the timing) invalidates every cache that
 * keys on the data (reply cache, agreement queries), so each call does the full work.
 * 'cached': the same question again, as a busy channel asks it.
 */
async function measure(
  name: string,
  ctx: RunContext,
  invocations: { command: string; args: Record<string, string> }[],
  mode: 'cold' | 'cached',
): Promise<void> {
  for (let i = 0; i < 200; i++) await runInvocation(ctx, invocations[i % invocations.length]!);
  const times: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const invocation = invocations[i % invocations.length]!;
    if (mode === 'cold') bump.run(i);
    const start = performance.now();
    const reply = await runInvocation(ctx, invocation);
    times.push(performance.now() - start);
    if (reply.errorCode === 'internal_error') throw new Error(`${name} failed on ${JSON.stringify(invocation)}`);
  }
  times.sort((a, b) => a - b);
  const ms = (v: number) => `${v.toFixed(3)} ms`;
  console.log(`${`${name} (${mode})`.padEnd(38)} n=${ITERATIONS}  p50 ${ms(percentile(times, 50))}  p99 ${ms(percentile(times, 99))}  max ${ms(times.at(-1)!)}`);
}

benchPlaceTableLoad();
const db = openDatabase(':memory:');
migrate(db);
const store = createStore(db);
db.exec('CREATE TEMP TABLE bench_bump (i INTEGER)');
const bump = db.prepare('INSERT INTO bench_bump VALUES (?)');
const importStart = performance.now();
const reports = loadShippedData(store, systemClock);
const importMs = performance.now() - importStart;
console.log(`import of ${reports.length} shipped datasets (${reports.reduce((n, r) => n + r.rowsRead, 0)} rows): ${importMs.toFixed(0)} ms`);
await import('./ice-list.ts');

const registry = createRegistry();
const ctx: RunContext = {
  store,
  clock: systemClock,
  registry,
  logger: silentLogger,
  caller: { id: 'console:bench', platform: 'console', workspaceId: 'local', userId: 'bench', displayName: 'bench', isEditor: false, isCommunityManager: false },
};

const counties = ['Autauga, AL', 'Harris, TX', 'Dona Ana, NM', 'Fairfax County, VA', 'Orleans Parish', 'Prince Georges, MD', 'Maricopa, AZ', 'St. Louis city', 'Cook, IL', 'Travis, Texas'];
const cases: [string, { command: string; args: Record<string, string> }[]][] = [
  ['sheriff <county>', counties.map((county) => ({ command: 'sheriff', args: { county } }))],
  ['positions 287g <state>', ['TX', 'FL', 'AL', 'GA', 'NC'].map((state) => ({ command: 'positions', args: { topic: '287g', state } }))],
  ['positions 287g (all states)', [{ command: 'positions', args: { topic: '287g' } }]],
  ['elections <state>', ['TX', 'VA', 'GA'].map((state) => ({ command: 'elections', args: { state } }))],
];
for (const mode of ['cold', 'cached'] as const) {
  for (const [name, invocations] of cases) await measure(name, ctx, invocations, mode);
}
benchPlaces(store, ITERATIONS);
console.log(`rss ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB`);
db.close();
// BENCH_ONLY=core stops here (the adapters' and reminders' benches take a minute more).
if (process.env.BENCH_ONLY !== 'core') {
  await import('./slack.ts');
  await import('./discord.ts');
  await import('./reminders.ts');
  await import('./maps.ts');
  await import('./limits.ts');
  await import('./meeting-sources.ts');
}
