/**
 * Hostile-input limits (issue 13): the ICE list import in the chat process — the longest the
 * event loop was blocked and the peak RSS — for ICE's real sheet and for the largest workbook the
 * limits admit; and what `meetings` costs for the worst recurrence rules it accepts.
 * Run alone: BENCH_ONLY=limits npm run bench
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
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

const NOW = '2026-12-03T15:00:00.000Z';
const clock = fixedClock(NOW);
const dir = mkdtempSync(join(tmpdir(), 'sw-bench-limits-'));
const MB = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

function fileStore(name: string): Store {
  const db = openDatabase(join(dir, name));
  migrate(db);
  const store = createStore(db);
  loadShippedData(store, clock);
  return store;
}

/** Runs `work` while measuring the longest gap between 1 ms timer turns and the peak RSS. */
async function watch(work: () => Promise<unknown>): Promise<{ ms: number; blockMs: number; peakMiB: number }> {
  let last = performance.now();
  let block = 0;
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    const now = performance.now();
    block = Math.max(block, now - last - 1);
    last = now;
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 1);
  const started = performance.now();
  last = started;
  await work();
  const ms = performance.now() - started;
  // One more turn, so a block at the very end is measured too.
  await new Promise((resolve) => setTimeout(resolve, 5));
  clearInterval(timer);
  return { ms, blockMs: block, peakMiB: peak / 1024 / 1024 };
}

/** A workbook with ICE's headings, as close to the limits as they admit: rows and unpacked size. */
async function largestAdmitted(pad: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  sheet.addRow(['STATE', 'LAW ENFORCEMENT AGENCY', 'TYPE', 'COUNTY', 'SUPPORT TYPE', 'SIGNED', 'MOA', 'ADDENDUM']);
  const rows = MAX_ROWS - 10;
  for (let i = 0; i < rows; i++) {
    sheet.addRow(['TEXAS', `Agency ${i} ${'x'.repeat(pad)}`, 'County', 'Travis County', 'Task Force Model', new Date(Date.UTC(2025, 0, 1 + (i % 300))), { text: 'link', hyperlink: `https://www.ice.gov/doclib/287gMOA/${i}.pdf` }, '']);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const line = (label: string, r: { ms: number; blockMs: number; peakMiB: number }) =>
  console.log(`${label.padEnd(58)} ${(r.ms / 1000).toFixed(2)} s, longest event-loop block ${r.blockMs.toFixed(0)} ms, peak RSS ${r.peakMiB.toFixed(0)} MiB`);

console.log(`RSS before: ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB`);
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
}

// 2. The largest workbook the limits admit.
{
  // The widest agency names that still fit MAX_UNPACKED_BYTES at MAX_ROWS rows.
  let big = await largestAdmitted(0);
  for (const pad of [320, 160, 80, 40, 20]) {
    const candidate = await largestAdmitted(pad);
    if (readZipDirectory(candidate).reduce((n, e) => n + e.unpacked, 0) <= MAX_UNPACKED_BYTES) {
      big = candidate;
      break;
    }
  }
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

// 3. `meetings` for the worst rules moderators can record, as many series in one county as allowed.
{
  const db = openDatabase(':memory:');
  migrate(db);
  const store = createStore(db);
  loadShippedData(store, clock);
  const registry = createRegistry();
  const ctx: RunContext = { store, clock, registry, logger: silentLogger, caller: { id: 'console:bench', platform: 'console', workspaceId: 'local', userId: 'bench', displayName: 'bench', isEditor: true, isCommunityManager: false } };
  const worst = ['FREQ=DAILY', 'FREQ=DAILY;COUNT=9999', 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29', 'FREQ=WEEKLY;BYMONTH=2', 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1'];
  for (const rule of worst) {
    const fips = store.jurisdictions.all().find((j) => j.name === 'Travis County')!.fips;
    for (const m of store.meetings.liveFor(fips)) store.db.prepare('UPDATE meetings SET retired_at = ? WHERE id = ?').run(NOW, m.id);
    for (let i = 0; i < MAX_SERIES_PER_COUNTY; i++) {
      // The earliest start each rule may have: ten years back, a COUNT rule 120 days back.
      const date = rule.includes('COUNT') ? '2026-08-06' : '2016-12-04';
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
