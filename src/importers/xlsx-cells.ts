// A small reader of the SpreadsheetML inside an XLSX, for ICE's sheet: cell text, hyperlink
// targets and date serials. The entries arrive already unpacked and size-checked
// (sheet-limits.ts), so the reader works on a few MB of text at most; exceljs's full workbook
// model took about 55 MB of memory per MB unpacked (`npm run bench`, limits stage), which no
// size limit kept under the chat process's memory target.

/** A cell as read: its text (trimmed) and its link target, if any. */
export interface CellText {
  text: string;
  hyperlink: string;
}

/** One worksheet: rows by number, each its cells by column number (1 = A). */
export type SheetRows = Map<number, Map<number, CellText>>;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text → string (the five named entities and numeric references). */
export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[name] ?? whole;
  });
}

function attributes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const match of text.matchAll(/([\w:]+)\s*=\s*"([^"]*)"/g)) out.set(match[1]!, decodeXml(match[2]!));
  return out;
}

/** The text of every <t> run, phonetic guides (<rPh>) left out. */
function runs(xml: string): string {
  const plain = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let out = '';
  for (const match of plain.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>|<t\b[^>]*\/>/g)) out += decodeXml(match[1] ?? '');
  return out;
}

/** xl/sharedStrings.xml → the strings by index. */
export function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  return [...xml.matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>|<si\b[^>]*\/>/g)].map((m) => runs(m[1] ?? ''));
}

/** A relationships part → target by id. */
export function relationships(xml: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const match of (xml ?? '').matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
    const attrs = attributes(match[1]!);
    if (attrs.has('Id')) out.set(attrs.get('Id')!, attrs.get('Target') ?? '');
  }
  return out;
}

/** 'AB12' → { row: 12, col: 28 }. */
function reference(ref: string): { row: number; col: number } | undefined {
  const match = /^([A-Z]{1,3})(\d{1,7})$/.exec(ref);
  if (!match) return undefined;
  let col = 0;
  for (const letter of match[1]!) col = col * 26 + letter.charCodeAt(0) - 64;
  return { row: Number(match[2]), col };
}

/** An Excel date serial → 'YYYY-MM-DD' (1900 system, or 1904 when the workbook says so). */
export function serialDay(serial: number, date1904: boolean): string {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return new Date(epoch + Math.round(serial * 86_400_000)).toISOString().slice(0, 10);
}

export interface WorksheetInput {
  xml: string;
  strings: readonly string[];
  /** Hyperlink relationship id → target (the sheet's own .rels). */
  links: ReadonlyMap<string, string>;
}

/**
 * The cells of one worksheet. Numbers stay numbers in text ('45922'); the caller turns a date
 * column's serials into days. Formulas give their cached result; errors their code ('#N/A').
 */
export function worksheetRows({ xml, strings, links }: WorksheetInput): { rows: SheetRows; numeric: Set<string> } {
  const rows: SheetRows = new Map();
  /** 'row:col' of cells holding a plain number (a date serial, in ICE's SIGNED column). */
  const numeric = new Set<string>();
  let nextRow = 1;
  for (const rowMatch of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const rowNumber = Number(attributes(rowMatch[1]!).get('r') ?? nextRow);
    nextRow = rowNumber + 1;
    const cells = new Map<number, CellText>();
    let nextCol = 1;
    for (const cellMatch of (rowMatch[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = attributes(cellMatch[1]!);
      const col = reference(attrs.get('r') ?? '')?.col ?? nextCol;
      nextCol = col + 1;
      const body = cellMatch[2] ?? '';
      const value = /<v\b[^>]*>([\s\S]*?)<\/v>/.exec(body)?.[1];
      const type = attrs.get('t') ?? 'n';
      let text = '';
      if (type === 's') text = strings[Number(value)] ?? '';
      else if (type === 'inlineStr') text = runs(/<is\b[^>]*>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? '');
      else if (value !== undefined) text = decodeXml(value);
      if (type === 'n' && value !== undefined && value.trim() !== '' && Number.isFinite(Number(value))) numeric.add(`${rowNumber}:${col}`);
      if (text !== '') cells.set(col, { text: text.trim(), hyperlink: '' });
    }
    rows.set(rowNumber, cells);
  }
  for (const match of xml.matchAll(/<hyperlink\b([^>]*?)\/?>/g)) {
    const attrs = attributes(match[1]!);
    const at = reference(attrs.get('ref')?.split(':')[0] ?? '');
    const target = links.get(attrs.get('r:id') ?? '');
    if (!at || !target) continue;
    const row = rows.get(at.row) ?? new Map<number, CellText>();
    rows.set(at.row, row);
    row.set(at.col, { text: row.get(at.col)?.text ?? '', hyperlink: target.trim() });
  }
  return { rows: new Map([...rows].sort((a, b) => a[0] - b[0])), numeric };
}
