/**
 * Map rendering: wall time from the store to PNG bytes (content, SVG, resvg) for Texas (254
 * counties), county maps and the national map; the first render of each (which also projects
 * the shapes, kept afterwards) apart; the longest the event loop was held meanwhile; and the
 * RSS that loading and using the map libraries adds. Targets (issue 18), on a 2-core machine:
 * a state under 300 ms p99, the nation under 1.5 s, no event-loop block over 100 ms.
 *
 *   BENCH_ONLY=maps npm run bench
 */
import { performance } from 'node:perf_hooks';
import { systemClock } from '../src/clock.ts';
import { migrate } from '../src/db/migrate.ts';
import { openDatabase } from '../src/db/open.ts';
import type { StateCode } from '../src/domain/states.ts';
import { loadShippedData } from '../src/importers/shipped.ts';
import type { MapSubject } from '../src/maps/map-content.ts';
import { createStore } from '../src/store/index.ts';
import { StallMonitor } from './stall-monitor.ts';

const ITERATIONS = Number(process.env.BENCH_MAP_ITERATIONS ?? 40);
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

const db = openDatabase(':memory:');
migrate(db);
const store = createStore(db);
loadShippedData(store, systemClock);
globalThis.gc?.();
const rssBefore = process.memoryUsage().rss;

const { mapContent } = await import('../src/maps/map-content.ts');
const { closeMapRenderers, drawOffThread } = await import('../src/maps/render-map.ts');

/** Store → PNG, as renderMap does it (content here, drawing on a worker thread), without its cache of finished PNGs. */
async function draw(subject: MapSubject): Promise<number> {
  const { png } = await drawOffThread(mapContent(store, subject, '287g', 'en'));
  return png.byteLength;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (v: number) => `${v.toFixed(0)} ms`;

const monitor = new StallMonitor();
const block = (b: { wall: number; cpu: number }) => `${ms(b.wall)} (process CPU in it ${ms(b.cpu)})`;

async function measure(name: string, subjects: MapSubject[], iterations: number): Promise<void> {
  monitor.take();
  const firstStart = performance.now();
  let bytes = await draw(subjects[0]!);
  const first = performance.now() - firstStart;
  for (const subject of subjects.slice(1)) await draw(subject); // project every subject once
  const firstBlock = monitor.take();
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    bytes = await draw(subjects[i % subjects.length]!);
    times.push(performance.now() - start);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  console.log(
    `map ${name.padEnd(28)} n=${iterations}  first ${ms(first)}  p50 ${ms(percentile(times, 50))}  p99 ${ms(percentile(times, 99))}  max ${ms(times.at(-1)!)}  png ${(bytes / 1024).toFixed(0)} KiB`,
  );
  // CPU time (main thread and resvg's worker together) does not grow when other work shares the machine; wall time does.
  console.log(`    CPU per render (all threads): p50 ${ms(percentile(cpu, 50))}  p99 ${ms(percentile(cpu, 99))}`);
  console.log(`    longest event-loop block: first renders ${block(firstBlock)}, then ${block(monitor.take())}`);
}

const counties = ['48453', '48201', '06037', '17031', '13121', '51059', '12086', '04013'].map((fips) => ({ kind: 'county' as const, county: store.jurisdictions.byFips(fips)! }));
await measure('Texas (254 counties)', [{ kind: 'state', state: 'TX' as StateCode }], ITERATIONS);
await measure('county and its neighbours', counties, ITERATIONS);
await measure('United States', [{ kind: 'nation' }], Math.max(10, Math.floor(ITERATIONS / 4)));
await monitor.stop();
globalThis.gc?.();
const rssWithThreads = process.memoryUsage().rss;
await closeMapRenderers();
const rssAfter = process.memoryUsage().rss;
console.log(
  `map rss: ${mib(rssBefore)} with the data loaded → ${mib(rssWithThreads)} with the drawing thread after these maps (+${mib(rssWithThreads - rssBefore)}); ${mib(rssAfter)} once it is closed`,
);
db.close();
