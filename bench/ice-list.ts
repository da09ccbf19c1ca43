/**
 * The import time of ICE's 2026-05-18 list over the 2026-01-23 one (as a bot that shipped the
 * January list loads it), from the shipped CSV and from ICE's XLSX as the watcher downloads it.
 * Run alone: BENCH_ONLY=ice-list npm run bench (also part of `npm run bench`).
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { systemClock } from '../src/clock.ts';
import { migrate } from '../src/db/migrate.ts';
import { openDatabase } from '../src/db/open.ts';
import { countiesDataset } from '../src/importers/counties.ts';
import { runImport } from '../src/importers/dataset.ts';
import { importIce287gList } from '../src/importers/ice-287g-import.ts';
import { ICE_287G_SHIPPED } from '../src/importers/ice-287g.ts';
import { createStore } from '../src/store/index.ts';

function januaryStore() {
  const db = openDatabase(':memory:');
  migrate(db);
  const store = createStore(db);
  runImport(store, countiesDataset, { clock: systemClock });
  runImport(store, ICE_287G_SHIPPED[0]!, { clock: systemClock });
  return store;
}

/** Wall time and this process's CPU time since `from`: on a busy machine the two part ways. */
function took(from: { wall: number; cpu: NodeJS.CpuUsage }): string {
  const cpu = process.cpuUsage(from.cpu);
  return `${(performance.now() - from.wall).toFixed(0)} ms (CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms)`;
}
const mark = () => ({ wall: performance.now(), cpu: process.cpuUsage() });

console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`);
const csv = januaryStore();
let started = mark();
const report = runImport(csv, ICE_287G_SHIPPED[1]!, { clock: systemClock });
console.log(`ICE list 2026-05-18 over 2026-01-23, shipped CSV (${report.rowsRead} rows): ${took(started)}`);
csv.db.close();

const xlsx = januaryStore();
started = mark();
const list = await importIce287gList(xlsx, {
  bytes: readFileSync(new URL('../test/fixtures/ice_287g_participating_2026-05-18.xlsx', import.meta.url)),
  fileName: 'participatingAgencies05182026am.xlsx',
  clock: systemClock,
});
console.log(`ICE list 2026-05-18 over 2026-01-23, ICE's XLSX read and applied (${list.rowsRead} rows): ${took(started)}`);
xlsx.db.close();
