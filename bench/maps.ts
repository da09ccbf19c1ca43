/**
 * Map rendering: wall time from the store to PNG bytes for Texas (254 counties), county maps
 * and the national map, as renderMap draws them (what the map says read here, the drawing on a
 * worker thread) without its cache of finished PNGs; the first render of each (thread start,
 * shapes projected and labels laid out, all kept afterwards) apart; the event loop meanwhile;
 * and the RSS the drawing thread adds. Targets (issue 18), on a 2-core machine: a state under
 * 300 ms p99, the nation under 1.5 s, no event-loop block over 100 ms.
 *
 *   BENCH_ONLY=maps npm run bench
 *
 * The event loop is watched by monitorEventLoopDelay (a libuv timer, not a busy heartbeat that
 * would take a core from the drawing thread): its max is the longest delay, whatever caused it.
 * On a shared machine the process also waits for a core; the longest stretch of main-thread
 * code per map (content, hand-off to the thread) is timed apart, with the CPU this thread spent
 * in it (Linux's per-thread count): the part the bot itself causes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import { systemClock } from '../src/clock.ts';
import { migrate } from '../src/db/migrate.ts';
import { openDatabase } from '../src/db/open.ts';
import type { StateCode } from '../src/domain/states.ts';
import { loadShippedData } from '../src/importers/shipped.ts';
import type { MapSubject } from '../src/maps/map-content.ts';
import { createStore } from '../src/store/index.ts';

const ITERATIONS = Number(process.env.BENCH_MAP_ITERATIONS ?? 40);
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

const db = openDatabase(':memory:');
migrate(db);
const store = createStore(db);
loadShippedData(store, systemClock);
globalThis.gc?.();
const rssBefore = process.memoryUsage().rss;

const { mapContent } = await import('../src/maps/map-content.ts');
const { drawOffThread } = await import('../src/maps/render-map.ts');
const { closeMapRenderers } = await import('../src/maps/render-pool.ts');

/** The main thread's [on a core, waiting for one] in ms (Linux: the scheduler's counts for this thread; elsewhere NaN). */
function mainThreadTimes(): [number, number] {
  try {
    const [run, wait] = readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ').map(Number);
    return [run! / 1e6, wait! / 1e6];
  } catch {
    return [NaN, NaN];
  }
}

/** Each thread's [on a core, waiting for one] in ms, by thread id (Linux); empty elsewhere. */
function threadTimes(): Map<string, [number, number]> {
  const times = new Map<string, [number, number]>();
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      const [run, wait] = readFileSync(`/proc/self/task/${tid}/schedstat`, 'utf8').split(' ').map(Number);
      times.set(tid, [run! / 1e6, wait! / 1e6]);
    }
  } catch {
    // not Linux, or a thread ended between the listing and the read: no estimate for this render
  }
  return times;
}

/**
 * How long the drawing thread waited for a core during a render: it is the thread (besides the
 * main one) that ran longest in it. Wall time minus this and the main thread's wait in its own
 * stretch is what the render would take with a core free for each: the idle machine's figure.
 */
function drawerWaited(before: Map<string, [number, number]>, after: Map<string, [number, number]>): number {
  const delta = (tid: string) => {
    const [[runBefore, waitBefore], [run, wait]] = [before.get(tid) ?? [0, 0], after.get(tid)!];
    return [run - runBefore, wait - waitBefore] as const;
  };
  const drawer = [...after.keys()].filter((tid) => tid !== String(process.pid)).sort((x, y) => delta(y)[0] - delta(x)[0])[0];
  return drawer ? delta(drawer)[1] : NaN;
}

interface Stretch {
  wall: number;
  cpu: number;
  /** Time this thread waited for a core in the stretch. */
  waited: number;
}
const longer = (a: Stretch, b: Stretch) => (b.wall > a.wall ? b : a);

/** Store → PNG as renderMap does it; returns the PNG's size and the main thread's synchronous stretch. */
async function draw(subject: MapSubject): Promise<{ bytes: number; onLoop: Stretch }> {
  const [start, [run, wait]] = [performance.now(), mainThreadTimes()];
  const drawing = drawOffThread(mapContent(store, subject, '287g', 'en')); // content, then handed to the thread
  const [runAfter, waitAfter] = mainThreadTimes();
  const onLoop = { wall: performance.now() - start, cpu: runAfter - run, waited: waitAfter - wait };
  return { bytes: (await drawing).png.byteLength, onLoop };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (v: number) => `${v.toFixed(0)} ms`;

async function measure(name: string, subjects: MapSubject[], iterations: number): Promise<void> {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const firstStart = performance.now();
  let { bytes, onLoop: longestOnLoop } = await draw(subjects[0]!);
  const first = performance.now() - firstStart;
  for (const subject of subjects.slice(1)) longestOnLoop = longer(longestOnLoop, (await draw(subject)).onLoop); // every subject once
  const firstDelay = delay.max / 1e6;
  delay.reset();
  const times: number[] = [];
  const cpu: number[] = [];
  const unwaited: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const threads = threadTimes();
    const start = performance.now();
    const startCpu = process.cpuUsage();
    const drawn = await draw(subjects[i % subjects.length]!);
    const wall = performance.now() - start;
    times.push(wall);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
    unwaited.push(wall - drawn.onLoop.waited - drawerWaited(threads, threadTimes()));
    bytes = drawn.bytes;
    longestOnLoop = longer(longestOnLoop, drawn.onLoop);
  }
  delay.disable();
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  unwaited.sort((a, b) => a - b);
  console.log(
    `map ${name.padEnd(28)} n=${iterations}  first ${ms(first)}  p50 ${ms(percentile(times, 50))}  p99 ${ms(percentile(times, 99))}  max ${ms(times.at(-1)!)}  png ${(bytes / 1024).toFixed(0)} KiB`,
  );
  // CPU time (main and drawing thread together) does not grow when other work shares the machine; wall time does.
  console.log(`    CPU per render (all threads): p50 ${ms(percentile(cpu, 50))}  p99 ${ms(percentile(cpu, 99))}`);
  console.log(`    wall minus the waits for a core on its path (the idle machine's figure): p50 ${ms(percentile(unwaited, 50))}  p99 ${ms(percentile(unwaited, 99))}`);
  console.log(
    `    event loop: longest delay ${ms(firstDelay)} during the first renders, then ${ms(delay.max / 1e6)} (p99 ${ms(delay.percentile(99) / 1e6)}); longest main-thread stretch per map ${ms(longestOnLoop.wall)} (this thread's CPU in it ${ms(longestOnLoop.cpu)})`,
  );
}

console.log(`map bench: load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} on this machine`);
const counties = ['48453', '48201', '06037', '17031', '13121', '51059', '12086', '04013'].map((fips) => ({ kind: 'county' as const, county: store.jurisdictions.byFips(fips)! }));
await measure('Texas (254 counties)', [{ kind: 'state', state: 'TX' as StateCode }], ITERATIONS);
await measure('county and its neighbours', counties, ITERATIONS);
await measure('United States', [{ kind: 'nation' }], Math.max(10, Math.floor(ITERATIONS / 4)));
globalThis.gc?.();
const rssWithThread = process.memoryUsage().rss;
await closeMapRenderers();
globalThis.gc?.();
console.log(
  `map rss: ${mib(rssBefore)} with the data loaded → ${mib(rssWithThread)} with the drawing thread after these maps (+${mib(rssWithThread - rssBefore)}); ${mib(process.memoryUsage().rss)} once it is closed`,
);
console.log(`map bench: load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} at the end`);
db.close();
