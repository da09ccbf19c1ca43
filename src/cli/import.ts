import { systemClock } from '../clock.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { migrate, SchemaError } from '../db/migrate.ts';
import { openDatabase } from '../db/open.ts';
import type { ImportReport } from '../importers/dataset.ts';
import { runImport } from '../importers/dataset.ts';
import { SHIPPED_DATASETS } from '../importers/shipped.ts';
import { createStore } from '../store/index.ts';

const USAGE = 'usage: npm run import [-- --force]   (loads the datasets shipped in data/)';

/** The printed import report: counts, notes, and every unmatched row. */
export function formatReport(report: ImportReport): string {
  const head = `${report.title} (${report.version}, ${report.fileName})`;
  if (report.skipped) return `${head}: already loaded from this exact file; nothing to do.`;
  const lines = [
    `${head}: ${report.rowsRead} rows read, ${report.rowsMatched} matched, ${report.unmatched.length} unmatched.`,
    ...report.notes.map((note) => `  note: ${note}`),
    ...report.unmatched.map((row) => `  unmatched row ${row.row}: ${row.reason} — ${row.text}`),
  ];
  return lines.join('\n');
}

function main(argv: string[]): number {
  const force = argv.includes('--force');
  const unknown = argv.filter((a) => a !== '--force');
  if (unknown.length) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  const db = openDatabase(config.DATABASE_PATH);
  try {
    migrate(db);
    const store = createStore(db);
    for (const dataset of SHIPPED_DATASETS) {
      process.stdout.write(`${formatReport(runImport(store, dataset, { clock: systemClock, force }))}\n`);
    }
    return 0;
  } finally {
    db.close();
  }
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  const known = error instanceof ConfigError || error instanceof SchemaError;
  process.stderr.write(`import failed: ${known ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
}
