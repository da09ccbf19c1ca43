// How large a sheet may be before it is read. ICE's real list is about 280 KB as published
// (about 1.2 MB unpacked) with about 2,600 rows; these limits leave room for years of growth and
// refuse what is out of proportion before the XLSX library allocates anything for it.
import { refusalText } from '../domain/validation.ts';
import type { Language } from '../i18n/index.ts';
import { LocalizedError } from '../i18n/localized-error.ts';
import { readZipDirectory, verifyZipSizes, ZipDirectoryError } from './zip-directory.ts';

/**
 * Raised when a file is not ICE's sheet; the message says what was expected (`.message` in
 * English for the CLI and logs, `text(language)` for the reader in chat).
 */
export class IceSheetError extends LocalizedError {
  override name = 'IceSheetError';

  /** A date the moderator gave is refused with its field's name ('list date') in the language too. */
  override text(language: Language): string {
    return refusalText({ ok: false, message: this.message, key: this.key, params: this.params }, language);
  }
}

/** A sheet file as uploaded or given to the CLI (ICE's: about 280 KB). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Unpacked size of a whole workbook (ICE's: about 1.2 MB). */
export const MAX_UNPACKED_BYTES = 5 * 1024 * 1024;
/** Rows of a sheet (ICE's: about 2,600). */
export const MAX_ROWS = 6_000;

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;
const MB = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** Counts '<row' tags (a row of SpreadsheetML) in an unpacked worksheet, stopping past `stop`. */
function countRows(xml: Buffer, stop: number): number {
  let count = 0;
  for (let at = xml.indexOf('<row'); at >= 0 && count <= stop; at = xml.indexOf('<row', at + 4)) {
    const next = xml[at + 4];
    if (next === 0x20 || next === 0x3e || next === 0x2f) count++; // '<row ', '<row>', '<row/>'
  }
  return count;
}

/**
 * Refuses a workbook whose zip directory declares more than MAX_UNPACKED_BYTES, whose entries
 * unpack to more than they declare, or whose worksheets hold more than MAX_ROWS rows. The
 * unpacking is capped entry by entry, so it costs at most MAX_UNPACKED_BYTES of memory.
 * Returns the unpacked entries by name.
 */
export function checkWorkbookSize(bytes: Uint8Array): Map<string, Buffer> {
  let entries;
  try {
    entries = readZipDirectory(bytes);
  } catch (error) {
    throw new IceSheetError('import.sheet.not-xlsx', { error: error instanceof Error ? error.message : String(error) });
  }
  const declared = entries.reduce((sum, e) => sum + e.unpacked, 0);
  if (declared > MAX_UNPACKED_BYTES) {
    const largest = entries.reduce((a, b) => (b.unpacked > a.unpacked ? b : a));
    throw new IceSheetError('limits.sheet.too-big', { size: MB(declared), part: `${largest.name}: ${MB(largest.unpacked)} MB` });
  }
  let rows = 0;
  const unpacked = new Map<string, Buffer>();
  try {
    verifyZipSizes(bytes, entries, (name, data) => {
      unpacked.set(name, data);
      if (WORKSHEET.test(name)) rows = Math.max(rows, countRows(data, MAX_ROWS));
    });
  } catch (error) {
    if (error instanceof ZipDirectoryError) throw new IceSheetError('import.sheet.not-xlsx', { error: error.message });
    throw error;
  }
  if (rows > MAX_ROWS) throw new IceSheetError('limits.sheet.too-many-rows', { rows: MAX_ROWS + 1, max: MAX_ROWS });
  return unpacked;
}

/** Refuses a CSV with more than MAX_ROWS lines before it is parsed. */
export function checkCsvRows(text: string): void {
  let lines = 0;
  for (let at = text.indexOf('\n'); at >= 0 && lines <= MAX_ROWS + 1; at = text.indexOf('\n', at + 1)) lines++;
  if (lines > MAX_ROWS + 1) throw new IceSheetError('limits.sheet.too-many-rows', { rows: MAX_ROWS + 1, max: MAX_ROWS });
}
