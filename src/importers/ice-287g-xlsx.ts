/**
 * Reading ICE's 287(g) participating-agencies sheet as ICE publishes it (XLSX) or in the CSV
 * form kept in data/, into the same rows. The XLSX is size-checked (sheet-limits.ts) and read
 * by xlsx-cells.ts; ICE's quirks are handled here: trailing spaces in headers and cells, '#N/A'
 * error cells in COUNTY, dates as date serials (or text as typed), and the MOA/ADDENDUM cells as
 * hyperlinks whose target is the
 * document (Outlook "safelinks" wrappers unwrapped to the ice.gov address they carry).
 */
import { readCsv } from './csv.ts';
import type { IceRow } from './ice-287g-rows.ts';
import { checkCsvRows, checkWorkbookSize, IceSheetError } from './sheet-limits.ts';
import { relationships, serialDay, sharedStrings, worksheetRows, type CellText, type SheetRows } from './xlsx-cells.ts';

export { IceSheetError };

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

function isoDay(value: Date): string {
  return value.toISOString().slice(0, 10);
}

const text = (entries: ReadonlyMap<string, Buffer>, name: string) => entries.get(name)?.toString('utf8');

/** 'worksheets/sheet1.xml' from xl/ (or '/xl/worksheets/sheet1.xml') → the zip entry name. */
function partName(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}

/** The workbook's worksheets in tab order, as zip entry names. */
function worksheetNames(entries: ReadonlyMap<string, Buffer>): string[] {
  const rels = relationships(text(entries, 'xl/_rels/workbook.xml.rels'));
  const listed = [...(text(entries, 'xl/workbook.xml') ?? '').matchAll(/<sheet\b[^>]*?r:id="([^"]+)"[^>]*\/?>/g)]
    .map((m) => rels.get(m[1]!))
    .filter((target): target is string => !!target)
    .map(partName);
  const found = listed.filter((name) => entries.has(name));
  return found.length ? found : [...entries.keys()].filter((name) => /^xl\/worksheets\/[^/]+\.xml$/.test(name)).sort();
}

/** The published XLSX: the first sheet whose header row has ICE's headings. */
export async function readIceXlsx(bytes: Uint8Array): Promise<{ rows: IceRow[]; modified: string | null }> {
  // Declared and actual unpacked sizes, and the row count, before anything is parsed.
  const entries = checkWorkbookSize(bytes);
  if (!entries.has('xl/workbook.xml')) throw new IceSheetError('import.sheet.not-xlsx', { error: 'no xl/workbook.xml in the file' });
  const workbook = text(entries, 'xl/workbook.xml')!;
  const date1904 = /<workbookPr\b[^>]*date1904="(?:1|true)"/.test(workbook);
  const strings = sharedStrings(text(entries, 'xl/sharedStrings.xml'));
  for (const name of worksheetNames(entries)) {
    const relsName = name.replace(/([^/]+)$/, '_rels/$1.rels');
    const { rows: sheet, numeric } = worksheetRows({ xml: text(entries, name)!, strings, links: relationships(text(entries, relsName)) });
    const columns = headerColumns(sheet);
    if (!columns) continue;
    const rows: IceRow[] = [];
    for (const [number, cells] of sheet) {
      if (number <= columns.headerRow) continue;
      const get = (field: string): CellText => {
        const col = columns.byField.get(field);
        const cell = col === undefined ? undefined : cells.get(col);
        if (!cell) return { text: '', hyperlink: '' };
        // ICE's SIGNED cells are dates: numbers in the sheet (days since 1900), text when typed as text.
        if (field === 'signed' && numeric.has(`${number}:${col}`)) return { text: serialDay(Number(cell.text), date1904), hyperlink: '' };
        return { text: cell.text, hyperlink: cell.hyperlink ? unwrapSafelink(cell.hyperlink) : '' };
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
      if (Object.values(iceRow).every((v) => v === '')) continue;
      rows.push(iceRow);
    }
    const stamp = /<dcterms:modified\b[^>]*>([^<]+)<\/dcterms:modified>/.exec(text(entries, 'docProps/core.xml') ?? '')?.[1];
    const modified = stamp && !Number.isNaN(Date.parse(stamp)) ? isoDay(new Date(stamp)) : null;
    return { rows, modified };
  }
  throw new IceSheetError('import.sheet.no-headings');
}

/** Finds the header row among the first ten and maps each heading to its column number. */
function headerColumns(sheet: SheetRows): { headerRow: number; byField: Map<string, number> } | undefined {
  for (let r = 1; r <= 10; r++) {
    const byField = new Map<string, number>();
    for (const [col, cell] of [...(sheet.get(r) ?? new Map<number, CellText>())].sort((a, b) => a[0] - b[0])) {
      const field = HEADINGS[cell.text.toUpperCase().replace(/\s+/g, ' ')];
      if (field && !byField.has(field)) byField.set(field, col);
    }
    if (REQUIRED.every((field) => byField.has(field))) return { headerRow: r, byField };
  }
  return undefined;
}
