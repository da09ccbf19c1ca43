import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { systemClock } from '../clock.ts';
import { fetchOutcomeText } from '../present/list-report.ts';
import { MAX_FILE_BYTES as MAX_LIST_BYTES } from '../importers/sheet-limits.ts';
import { ConfigError, iceFetchSettings, loadConfig } from '../config.ts';
import { migrate, SchemaError } from '../db/migrate.ts';
import { databaseFailure, DatabaseStartError } from '../db/startup-failure.ts';
import { openDatabase } from '../db/open.ts';
import type { ImportReport } from '../importers/dataset.ts';
import { runImport } from '../importers/dataset.ts';
import { fetchIce287gList } from '../importers/ice-287g-fetch.ts';
import { importIce287gList } from '../importers/ice-287g-import.ts';
import { formatListReport } from '../importers/ice-287g-report.ts';
import { IceSheetError } from '../importers/ice-287g-xlsx.ts';
import { RosterFileError } from '../importers/roster-read.ts';
import { formatRosterReport } from '../importers/roster-report.ts';
import { importRoster } from '../importers/roster.ts';
import { SHIPPED_DATASETS } from '../importers/shipped.ts';
import { MAX_FILE_BYTES } from '../importers/sheet-limits.ts';
import { createStore } from '../store/index.ts';

const USAGE = [
  'usage: npm run import [-- --force]                                      load the datasets shipped in data/',
  '       npm run import -- ice-287g <file.xlsx|file.csv> [--date YYYY-MM-DD] [--force]',
  "                                                                        load a newer ICE 287(g) list and print what changed",
  "       npm run import -- ice-287g --fetch                               fetch ICE's current list from ICE_287G_URL (only when it changed)",
  '       npm run import -- roster <file.csv> [--force]                    load a sheriff roster (see the README) and print what changed',
].join('\n');

/** The printed import report: counts, notes, and every unmatched row. */
export function formatReport(report: ImportReport): string {
  const head = `${report.title} (${report.version}, ${report.fileName})`;
  if (report.skipped && report.skipReason === 'older_version') {
    return `${head}: the list of ${report.previousVersion} is newer and already loaded; nothing to do (--force loads this one anyway).`;
  }
  if (report.skipped) return `${head}: already loaded from this exact file; nothing to do.`;
  const lines = [
    `${head}: ${report.rowsRead} rows read, ${report.rowsMatched} matched, ${report.unmatched.length} unmatched.`,
    ...report.notes.map((note) => `  note: ${note}`),
    ...report.unmatched.map((row) => `  unmatched row ${row.row}: ${row.reason} — ${row.text}`),
  ];
  return lines.join('\n');
}

interface ListArgs {
  /** Absent with --fetch. */
  file?: string;
  fetch: boolean;
  date?: string;
  force: boolean;
}

function parseListArgs(argv: string[]): ListArgs | undefined {
  const rest = [...argv];
  let date: string | undefined;
  let force = false;
  let fetch = false;
  const files: string[] = [];
  while (rest.length) {
    const arg = rest.shift()!;
    if (arg === '--force') force = true;
    else if (arg === '--fetch') fetch = true;
    else if (arg === '--date') date = rest.shift();
    else if (arg.startsWith('--date=')) date = arg.slice('--date='.length);
    else if (arg.startsWith('--')) return undefined;
    else files.push(arg);
  }
  if (fetch) return files.length === 0 && date === undefined && !force ? { fetch, force } : undefined;
  if (files.length !== 1 || (date !== undefined && !date)) return undefined;
  return { file: files[0]!, fetch, force, ...(date ? { date } : {}) };
}

/** A progress line on a terminal, rewritten in place; nothing when stderr is a file or a pipe. */
function progressOnTty(): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (done, total) => {
    process.stderr.write(`\r  applying… ${Math.round((done / total) * 100)}% (${done}/${total})`);
    if (done === total) process.stderr.write('\r\x1b[K');
  };
}

/** `roster <file.csv> [--force]`. */
function parseRosterArgs(argv: string[]): { file: string; force: boolean } | undefined {
  const files = argv.filter((a) => !a.startsWith('--'));
  if (files.length !== 1 || argv.some((a) => a.startsWith('--') && a !== '--force')) return undefined;
  return { file: files[0]!, force: argv.includes('--force') };
}

async function main(argv: string[]): Promise<number> {
  const list = argv[0] === 'ice-287g' ? parseListArgs(argv.slice(1)) : undefined;
  const roster = argv[0] === 'roster' ? parseRosterArgs(argv.slice(1)) : undefined;
  const force = argv.includes('--force');
  const command = argv[0] === 'ice-287g' || argv[0] === 'roster';
  if ((argv[0] === 'ice-287g' && !list) || (argv[0] === 'roster' && !roster) || (!command && argv.some((a) => a !== '--force'))) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  let db: ReturnType<typeof openDatabase>;
  try {
    db = openDatabase(config.DATABASE_PATH);
  } catch (error) {
    throw databaseFailure(error, config.DATABASE_PATH) ?? error;
  }
  try {
    try {
      migrate(db);
    } catch (error) {
      throw databaseFailure(error, config.DATABASE_PATH) ?? error;
    }
    const store = createStore(db);
    if (roster) {
      const report = importRoster(store, { bytes: readFileSync(roster.file), fileName: basename(roster.file), clock: systemClock, by: 'import:roster', force: roster.force });
      process.stdout.write(`${formatRosterReport(report, 'en')}\n`);
      return 0;
    }
    if (list?.fetch) {
      const started = performance.now();
      const outcome = await fetchIce287gList(store, iceFetchSettings(config, MAX_LIST_BYTES), systemClock);
      process.stdout.write(`${outcome.outcome === 'imported' ? formatListReport(outcome.report, 'en') : fetchOutcomeText(outcome)}\n`);
      process.stdout.write(`(${Math.round(performance.now() - started)} ms)\n`);
      return outcome.outcome === 'failed' ? 1 : 0;
    }
    if (list?.file) {
      const started = performance.now();
      const onProgress = progressOnTty();
      if (statSync(list.file).size > MAX_FILE_BYTES) {
        process.stderr.write(`import failed: ${list.file} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB; ICE's list is about 280 KB.\n`);
        return 1;
      }
      const report = await importIce287gList(store, {
        bytes: readFileSync(list.file),
        fileName: basename(list.file),
        clock: systemClock,
        force: list.force,
        ...(list.date ? { date: list.date } : {}),
        ...(onProgress ? { onProgress } : {}),
      });
      process.stdout.write(`${formatListReport(report, 'en')}\n`);
      process.stdout.write(`(${Math.round(performance.now() - started)} ms)\n`);
      // Stopped by the retire-most guard: nothing applied, which a script should not take for success.
      return report.skipReason === 'retires_most' || report.skipReason === 'unplaced_most' ? 3 : 0;
    }
    for (const dataset of SHIPPED_DATASETS) {
      process.stdout.write(`${formatReport(runImport(store, dataset, { clock: systemClock, force }))}\n`);
    }
    return 0;
  } finally {
    db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (caught: unknown) => {
    // A database error while importing (a full disk) is said like one at start.
    const error = databaseFailure(caught, process.env.DATABASE_PATH ?? 'the database') ?? caught;
    const known = error instanceof ConfigError || error instanceof SchemaError || error instanceof IceSheetError || error instanceof DatabaseStartError || error instanceof RosterFileError;
    const missing = error instanceof Error && 'code' in error && error.code === 'ENOENT';
    const message = error instanceof Error ? error.message.replace(/\s*\n\s*/g, ' ') : String(error);
    process.stderr.write(`import failed: ${known || missing ? message : `unexpected error: ${message}`}\n`);
    if (/^(debug|trace)$/.test(process.env.LOG_LEVEL ?? '') && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exitCode = 1;
  },
);
