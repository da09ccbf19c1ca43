/**
 * Hostile-input limits (issue 13): the ICE list import in the chat process — the longest the
 * event loop was blocked and the peak RSS — for ICE's real sheet and for the largest workbook the
 * limits admit; and what `meetings` costs for the worst recurrence rules it accepts.
 * Run alone: BENCH_ONLY=limits npm run bench (BENCH_LIMITS=largest: only the largest workbook;
 * BENCH_LIMITS=imports: the imports without the meetings part)
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../src/clock.ts';
import { createRegistry } from '../src/commands/index.ts';
import { MAX_SERIES_PER_COUNTY } from '../src/commands/record/meeting-add.ts';
import { runLine, type RunContext } from '../src/framework/run.ts';
import { migrate } from '../src/db/migrate.ts';
import { openDatabase } from '../src/db/open.ts';
import { expansionWork } from '../src/domain/rule-budget.ts';
import { prepareIce287gList, applyIce287gList } from '../src/importers/ice-287g-import.ts';
import { runListJobOffThread } from '../src/importers/list-off-thread.ts';
import { MAX_ROWS, MAX_UNPACKED_BYTES, checkWorkbookSize } from '../src/importers/sheet-limits.ts';
import { loadShippedData } from '../src/importers/shipped.ts';
import { silentLogger } from '../src/logger.ts';
import { createStore, type Store } from '../src/store/index.ts';
import { readZipDirectory } from '../src/importers/zip-directory.ts';
import { StallMonitor } from './stall-monitor.ts';

const NOW = '2026-12-03T15:00:00.000Z';
const clock = fixedClock(NOW);
const dir = mkdtempSync(join(tmpdir(), 'sw-bench-limits-'));
const MB = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** A database file with the shipped data, as a running bot has: loaded once, copied for each stage. */
function fileStore(name: string): Store {
  const loaded = join(dir, 'loaded.db');
  if (!existsSync(loaded)) {
    const db = openDatabase(loaded);
    migrate(db);
    loadShippedData(createStore(db), clock);
    db.close();
  }
  copyFileSync(loaded, join(dir, name));
  return createStore(openDatabase(join(dir, name)));
}

/**
 * Runs `work` while measuring the longest event-loop block (StallMonitor: the longest gap between
 * turns, with the process CPU time spent in it — on a busy machine a gap with little CPU is the
 * machine's, not the bot's) and the peak RSS (sampled every ms).
 */
async function watch(work: () => Promise<unknown>): Promise<Watched> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 1);
  const stall = new StallMonitor();
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  // One more turn, so a block at the very end is measured too.
  await new Promise((resolve) => setTimeout(resolve, 5));
  const block = stall.take();
  await stall.stop();
  clearInterval(timer);
  return { ms, blockMs: block.wall, blockCpuMs: block.cpu, peakMiB: peak / 1024 / 1024, beforeMiB: before / 1024 / 1024 };
}

interface Watched {
  ms: number;
  blockMs: number;
  blockCpuMs: number;
  peakMiB: number;
  beforeMiB: number;
}

/** The largest workbook the limits admit, made in another process (bench/largest-sheet.ts). */
function largestAdmitted(): Buffer {
  const out = join(dir, 'largest.xlsx');
  const made = spawnSync(process.execPath, ['--import', 'tsx', new URL('./largest-sheet.ts', import.meta.url).pathname, out], { stdio: 'inherit' });
  if (made.status !== 0) throw new Error(`bench/largest-sheet.ts failed (${made.status})`);
  return readFileSync(out);
}

/** Chat as an editor under REQUIRE_REVIEW, on a store of this bench. */
function editor(store: Store, id: string): RunContext {
  return { store, clock, registry: createRegistry(), logger: silentLogger, caller: { id, platform: 'console', workspaceId: 'local', userId: id.split(':')[1]!, displayName: id.split(':')[1]!, isEditor: true, isCommunityManager: true }, requireReview: true };
}

const line = (label: string, r: Watched) =>
  console.log(`${label.padEnd(58)} ${(r.ms / 1000).toFixed(2)} s, longest event-loop block ${r.blockMs.toFixed(0)} ms (CPU ${r.blockCpuMs.toFixed(0)} ms), peak RSS ${r.peakMiB.toFixed(0)} MiB (${r.beforeMiB.toFixed(0)} before)`);

console.log(`RSS before: ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`);
// 1. ICE's real sheet, in the chat process (worker thread), and inline as before for comparison.
if (process.env.BENCH_LIMITS !== 'largest') {
const shipped = readFileSync(new URL('../test/fixtures/ice_287g_participating_2026-01-23.xlsx', import.meta.url));
const july = readFileSync(new URL('../test/fixtures/ice_287g_participating_2025-07-18.xlsx', import.meta.url));
{
  const store = fileStore('shipped.db');
  const job = (bytes: Buffer, fileName: string) => ({ mode: 'apply' as const, bytes, fileName, now: NOW, force: true });
  line(`import, ICE's sheet (${Math.round(shipped.length / 1024)} KB), worker thread`, await watch(() => runListJobOffThread(store, job(shipped, 'ice_287g_participating_2026-01-23.xlsx'))));
  line(`import, ICE's July sheet (${Math.round(july.length / 1024)} KB), worker thread`, await watch(() => runListJobOffThread(store, job(july, 'participatingAgencies07182025pm.xlsx'))));
  line(`import, ICE's sheet, inline on the event loop (as before)`, await watch(async () => applyIce287gList(store, await prepareIce287gList({ bytes: shipped, fileName: 'ice_287g_participating_2026-01-23.xlsx' }), { clock, force: true })));
  store.db.close();
}
// Approving a queued import: ICE's July sheet, forced past the retire-most guard, queued by one editor, approved by another.
{
  const store = fileStore('approve.db');
  const ana = editor(store, 'console:ana');
  ana.attachments = { file: { filename: 'participatingAgencies07182025pm.xlsx', data: july } };
  const queued = await runLine(ana, 'import-287g participatingAgencies07182025pm.xlsx force');
  if (!queued.title.startsWith('Waiting for review')) throw new Error(`not queued: ${queued.title}`);
  let title = '';
  line(`approve a queued import (July sheet, forced), worker thread`, await watch(async () => {
    title = (await runLine(editor(store, 'console:ben'), `approve ${store.pending.open()[0]!.id}`)).title;
  }));
  console.log(`  ${title}`);
  store.db.close();
}
}

// 2. The largest workbook the limits admit.
{
  const big = largestAdmitted();
  checkWorkbookSize(big);
  const unpacked = readZipDirectory(big).reduce((n, e) => n + e.unpacked, 0);
  const store = fileStore('largest.db');
  const label = `import, largest admitted (${MB(big.length)} MB, ${MB(unpacked)}/${MB(MAX_UNPACKED_BYTES)} MB unpacked, ${MAX_ROWS - 10} rows)`;
  let outcome = '';
  line(label, await watch(async () => {
    const { report } = await runListJobOffThread(store, { mode: 'apply', bytes: big, fileName: 'largest_2026-12-01.xlsx', now: NOW });
    outcome = `${report.rowsRead} rows read, ${report.skipped ? `not applied (${report.skipReason})` : 'applied'}`;
  }));
  console.log(`  ${outcome}`);
  store.db.close();
}

// 3. `meetings` for the worst rules moderators can record, as many series in one county as allowed (BENCH_LIMITS=imports skips it).
if (process.env.BENCH_LIMITS !== 'imports') {
  const db = openDatabase(':memory:');
  migrate(db);
  const store = createStore(db);
  loadShippedData(store, clock);
  const registry = createRegistry();
  const ctx: RunContext = { store, clock, registry, logger: silentLogger, caller: { id: 'console:bench', platform: 'console', workspaceId: 'local', userId: 'bench', displayName: 'bench', isEditor: true, isCommunityManager: false } };
  // Each rule with the earliest start it may have (ten years back, a COUNT rule 120 days back);
  // a start must be one of the rule's own occurrences.
  const worst: [string, string][] = [
    ['FREQ=DAILY', '2016-12-04'],
    ['FREQ=DAILY;COUNT=9999', '2026-08-06'],
    ['FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29', '2020-02-29'],
    ['FREQ=WEEKLY;BYMONTH=2', '2017-02-05'],
    ['FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1', '2016-12-30'],
  ];
  for (const [rule, date] of worst) {
    const fips = store.jurisdictions.all().find((j) => j.name === 'Travis County')!.fips;
    for (const m of store.meetings.liveFor(fips)) store.db.prepare('UPDATE meetings SET retired_at = ? WHERE id = ?').run(NOW, m.id);
    for (let i = 0; i < MAX_SERIES_PER_COUNTY; i++) {
      const reply = await runLine(ctx, `meeting-add Travis, TX body:"Court ${i}" date:${date} time:09:00 repeat:${rule} source:https://example.org/a`);
      if (reply.status !== 'ok') throw new Error(`${rule} refused: ${reply.title}`);
    }
    const times: number[] = [];
    const periods = expansionWork.periods;
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      await runLine(ctx, 'meetings Travis, TX');
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    console.log(`meetings Travis, TX with ${MAX_SERIES_PER_COUNTY} series of ${rule.padEnd(44)} p50 ${times[10]!.toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms, ${Math.round((expansionWork.periods - periods) / 20 / MAX_SERIES_PER_COUNTY)} periods per series`);
  }
  db.close();
}
rmSync(dir, { recursive: true, force: true });
