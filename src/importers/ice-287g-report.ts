/** The text report of one ICE list import: what changed, then rows read, notes and unmatched rows. */
import { changeLines, countsLine } from './ice-287g-diff.ts';
import type { ListImportReport } from './ice-287g-import.ts';
import { t, type Language } from '../i18n/index.ts';

/** Why nothing was done, or undefined when the list was applied. */
export function skippedLine(report: ListImportReport, language: Language = 'en'): string | undefined {
  if (!report.skipped) return undefined;
  const params = { version: report.version, file: report.fileName, previous: report.previousVersion ?? '' };
  return t(language, report.skipReason === 'older_version' ? 'import.skipped.older' : 'import.skipped.same', params);
}

export function formatListReport(report: ListImportReport): string {
  const skipped = skippedLine(report);
  if (skipped || !report.diff) return skipped ?? '';
  const lines = changeLines(report.diff);
  const section = (title: string, items: string[]) => (items.length ? ['', `${title} (${items.length}):`, ...items.map((i) => `  ${i}`)] : []);
  return [
    `ICE 287(g) list of ${report.version} (date from the ${report.dateFrom}; ${report.format.toUpperCase()}, ${report.fileName}) ` +
      `against ${report.diff.previousVersion ? `the list of ${report.diff.previousVersion}` : 'an empty record'}:`,
    `  ${countsLine(report.diff)}`,
    ...section('Added', lines.added),
    ...section('Ended (no longer listed)', lines.ended),
    ...section('Changed', lines.changed),
    '',
    `${report.rowsRead} rows read, ${report.rowsMatched} matched, ${report.unmatched.length} unmatched.`,
    ...report.notes.map((note) => `  note: ${note}`),
    ...report.unmatched.map((row) => `  unmatched row ${row.row}: ${row.reason} — ${row.text}`),
  ].join('\n');
}
