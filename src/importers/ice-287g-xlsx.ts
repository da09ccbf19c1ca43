/**
 * Reading ICE's 287(g) participating-agencies sheet as ICE publishes it (XLSX) or in the CSV
 * form kept in data/, into the same rows. The XLSX is read with exceljs; ICE's quirks are
 * handled here: trailing spaces in headers and cells, '#N/A' error cells in COUNTY, dates as
 * date cells (or text as typed), and the MOA/ADDENDUM cells as hyperlinks whose target is the
 * document (Outlook "safelinks" wrappers unwrapped to the ice.gov address they carry).
 */
import type ExcelJS from 'exceljs';
import { refusalText } from '../domain/validation.ts';
import type { Language } from '../i18n/index.ts';
import { LocalizedError } from '../i18n/localized-error.ts';
import { readCsv } from './csv.ts';
import type { IceRow } from './ice-287g-rows.ts';
import { checkCsvRows, checkWorkbookSize } from './sheet-limits.ts';

/** ICE's column headings (trimmed, upper case) → our row fields. */
const HEADINGS: Record<string, 'state' | 'agency' | 'type' | 'county' | 'support_type' | 'signed' | 'moa' | 'addendum'> = {
  STATE: 'state',
  'LAW ENFORCEMENT AGENCY': 'agency',
  TYPE: 'type',
  COUNTY: 'county',
  'SUPPORT TYPE': 'support_type',
  SIGNED: 'signed',
  MOA: 'moa',
  ADDENDUM: 'addendum',
};

const REQUIRED = ['state', 'agency', 'county', 'support_type', 'signed'] as const;

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

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** 'xlsx' for a zip container (every .xlsx is one), otherwise 'csv'. */
export function sheetFormat(bytes: Uint8Array): 'xlsx' | 'csv' {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04 ? 'xlsx' : 'csv';
}

export interface IceSheet {
  format: 'xlsx' | 'csv';
  rows: IceRow[];
  /** The workbook's own "last modified" day (XLSX only), 'YYYY-MM-DD'. */
  modified: string | null;
}

/** Reads either form of the sheet into rows. */
export async function readIceSheet(bytes: Uint8Array): Promise<IceSheet> {
  if (sheetFormat(bytes) === 'csv') return { format: 'csv', rows: readIceCsv(Buffer.from(bytes).toString('utf8')), modified: null };
  return { format: 'xlsx', ...(await readIceXlsx(bytes)) };
}

/** The CSV form (data/ice_287g_participating_*.csv): already one column per field. */
export function readIceCsv(text: string): IceRow[] {
  checkCsvRows(text);
  let rows: Record<string, string>[];
  try {
    rows = readCsv(text);
  } catch (error) {
    throw new IceSheetError('import.sheet.not-csv', { error: errorText(error) });
  }
  const first = rows[0];
  if (first && !('agency' in first && 'support_type' in first)) {
    throw new IceSheetError('import.sheet.csv-columns', { columns: Object.keys(first).join(', ') });
  }
  return rows as unknown as IceRow[];
}

/** A Safe Links wrapper ('https://…safelinks.protection.outlook.com/?url=<encoded>&…') → the address it carries. */
export function unwrapSafelink(url: string): string {
  const match = /^https?:\/\/[^/]*safelinks\.protection\.outlook\.com\/\?(.*)$/i.exec(url.trim());
  if (!match) return url.trim();
  const target = new URLSearchParams(match[1]).get('url');
  return target ? target.trim() : url.trim();
}

interface CellText {
  text: string;
  hyperlink: string;
}

function isoDay(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/** A cell's text as printed, and its link target if it has one. */
function cellText(cell: ExcelJS.Cell): CellText {
  const value = cell.value;
  if (value === null || value === undefined) return { text: '', hyperlink: '' };
  if (value instanceof Date) return { text: isoDay(value), hyperlink: '' };
  if (typeof value !== 'object') return { text: String(value).trim(), hyperlink: '' };
  if ('error' in value) return { text: value.error, hyperlink: '' };
  if ('hyperlink' in value) {
    const label = typeof value.text === 'object' ? richText(value.text) : String(value.text ?? '');
    return { text: label.trim(), hyperlink: unwrapSafelink(value.hyperlink) };
  }
  if ('richText' in value) return { text: richText(value).trim(), hyperlink: '' };
  if ('result' in value) {
    const result = value.result;
    if (result instanceof Date) return { text: isoDay(result), hyperlink: '' };
    if (result && typeof result === 'object' && 'error' in result) return { text: result.error, hyperlink: '' };
    return { text: result === undefined ? '' : String(result).trim(), hyperlink: '' };
  }
  return { text: cell.text.trim(), hyperlink: '' };
}

function richText(value: unknown): string {
  const parts = (value as { richText?: { text: string }[] }).richText ?? [];
  return parts.map((part) => part.text).join('');
}

/** The published XLSX: the first sheet whose header row has ICE's headings. */
export async function readIceXlsx(bytes: Uint8Array): Promise<{ rows: IceRow[]; modified: string | null }> {
  // Declared and actual unpacked sizes, and the row count, before exceljs allocates anything.
  checkWorkbookSize(bytes);
  // Loaded on the first XLSX read: most processes never open one, and exceljs is large.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    throw new IceSheetError('import.sheet.not-xlsx', { error: errorText(error) });
  }
  for (const sheet of workbook.worksheets) {
    const columns = headerColumns(sheet);
    if (!columns) continue;
    const rows: IceRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      if (number <= columns.headerRow) return;
      const get = (field: string): CellText => {
        const col = columns.byField.get(field);
        return col === undefined ? { text: '', hyperlink: '' } : cellText(row.getCell(col));
      };
      const moa = get('moa');
      const addendum = get('addendum');
      const iceRow: IceRow = {
        state: get('state').text,
        agency: get('agency').text,
        type: get('type').text,
        county: get('county').text,
        support_type: get('support_type').text,
        signed: get('signed').text,
        moa_cell: moa.text,
        moa_url: moa.hyperlink,
        addendum_cell: addendum.text,
        addendum_url: addendum.hyperlink,
      };
      // Blank rows (ICE's sheets carry some at the end) are not agreements.
      if (Object.values(iceRow).every((v) => v === '')) return;
      rows.push(iceRow);
    });
    const modified = workbook.modified instanceof Date && !Number.isNaN(workbook.modified.getTime()) ? isoDay(workbook.modified) : null;
    return { rows, modified };
  }
  throw new IceSheetError('import.sheet.no-headings');
}

/** Finds the header row among the first ten and maps each heading to its column number. */
function headerColumns(sheet: ExcelJS.Worksheet): { headerRow: number; byField: Map<string, number> } | undefined {
  for (let r = 1; r <= Math.min(10, sheet.rowCount); r++) {
    const byField = new Map<string, number>();
    sheet.getRow(r).eachCell((cell, col) => {
      const field = HEADINGS[cellText(cell).text.toUpperCase().replace(/\s+/g, ' ')];
      if (field && !byField.has(field)) byField.set(field, col);
    });
    if (REQUIRED.every((field) => byField.has(field))) return { headerRow: r, byField };
  }
  return undefined;
}
