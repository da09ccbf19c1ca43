/**
 * ICE's sheet read with exceljs's full workbook model, as the importer read it before it had its
 * own reader (src/importers/xlsx-cells.ts): an independent reading to compare with.
 */
import ExcelJS from 'exceljs';
import type { IceRow } from '../../src/importers/ice-287g-rows.ts';
import { unwrapSafelink } from '../../src/importers/ice-287g-xlsx.ts';

const HEADINGS: Record<string, keyof IceRow | 'moa' | 'addendum'> = {
  STATE: 'state', 'LAW ENFORCEMENT AGENCY': 'agency', TYPE: 'type', COUNTY: 'county', 'SUPPORT TYPE': 'support_type', SIGNED: 'signed', MOA: 'moa', ADDENDUM: 'addendum',
};
const REQUIRED = ['state', 'agency', 'county', 'support_type', 'signed'];

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
export async function readWithExceljs(bytes: Uint8Array): Promise<{ rows: IceRow[]; modified: string | null }> {
  // Declared and actual unpacked sizes, and the row count, before exceljs allocates anything.

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
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
  throw new Error('no headings');
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
