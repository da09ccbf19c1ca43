/** The text report of one ICE list import: what changed, then rows read, notes and unmatched rows. */
import { noteText, type Note } from './dataset.ts';
import { changeLines, countsLine } from './ice-287g-diff.ts';
import type { ListImportReport } from './ice-287g-import.ts';
import { guardLines, type GuardCounts } from './list-guard.ts';
import { t, type Language, type MessageKey } from '../i18n/index.ts';

/** What the retire-most guard judged a report by. */
export function guardCounts(report: ListImportReport): GuardCounts {
  return { agreementsBefore: report.agreementsBefore ?? 0, ended: report.diff?.ended.length ?? 0, rowsRead: report.rowsRead, unplaced: report.unmatched.length };
}

/** Why nothing was done, or undefined when the list was applied. */
export function skippedLine(report: ListImportReport, language: Language = 'en'): string | undefined {
  if (!report.skipped) return undefined;
  if (report.skipReason === 'retires_most' || report.skipReason === 'unplaced_most') {
    return guardLines(report.skipReason, guardCounts(report), language).join(' ');
  }
  const params = { version: report.version, file: report.fileName, previous: report.previousVersion ?? '' };
  return t(language, report.skipReason === 'older_version' ? 'import.skipped.older' : 'import.skipped.same', params);
}

const DATE_FROM = {
  option: 'import.date-from.option',
  'file name': 'import.date-from.file-name',
  workbook: 'import.date-from.workbook',
  server: 'import.date-from.server',
} as const satisfies Record<ListImportReport['dateFrom'], MessageKey>;

/** Where the list's date came from, in the language ('the file name', 'del nombre del archivo'). */
export function dateFromText(report: Pick<ListImportReport, 'dateFrom'>, language: Language = 'en'): string {
  return t(language, DATE_FROM[report.dateFrom]);
}

/** The keys of the importer's counts note (againstNote in ice-287g.ts). */
const AGAINST_KEYS = new Set<string>(['import.note.against', 'import.note.against.empty']);

/**
 * The attached report file: every change, rows read, notes and unplaced rows, in the language.
 * The importer's notes and reasons are messages written in the language; ICE's own wording of a
 * row is quoted as it is, and a note stored as plain text (an import recorded before notes were
 * messages) is shown as it was stored.
 */
export function formatListReport(report: ListImportReport, language: Language = 'en'): string {
  const skipped = skippedLine(report, language);
  const section = (title: string, items: string[]) => (items.length ? ['', `${title} (${items.length}):`, ...items.map((i) => `  ${i}`)] : []);
  if (skipped && report.diff && (report.skipReason === 'retires_most' || report.skipReason === 'unplaced_most')) {
    const unplaced = report.unmatched.map((row) => `  ${t(language, 'report.unmatched', { row: row.row, reason: noteText(row.reason, language), text: row.text })}`);
    return [skipped, ...section(t(language, 'report.ended'), changeLines(report.diff, language).ended), ...(unplaced.length ? ['', ...unplaced] : [])].join('\n');
  }
  if (skipped || !report.diff) return skipped ?? '';
  const lines = changeLines(report.diff, language);
  // The importer's first note repeats the header's counts; the header says it in the language.
  const notes = language === 'en' ? report.notes : report.notes.filter((note: Note) => typeof note === 'string' || !AGAINST_KEYS.has(note.key));
  const against = report.diff.previousVersion ? t(language, 'report.against', { version: report.diff.previousVersion }) : t(language, 'report.against.empty');
  return [
    t(language, 'report.header', { version: report.version, from: dateFromText(report, language), format: report.format.toUpperCase(), file: report.fileName, against }),
    `  ${countsLine(report.diff, language)}`,
    ...section(t(language, 'import.added'), lines.added),
    ...section(t(language, 'report.ended'), lines.ended),
    ...section(t(language, 'import.changed'), lines.changed),
    '',
    t(language, 'report.rows', { rows: report.rowsRead, matched: report.rowsMatched, unmatched: report.unmatched.length }),
    ...notes.map((note) => `  ${t(language, 'report.note', { note: noteText(note, language) })}`),
    ...report.unmatched.map((row) => `  ${t(language, 'report.unmatched', { row: row.row, reason: noteText(row.reason, language), text: row.text })}`),
  ].join('\n');
}
