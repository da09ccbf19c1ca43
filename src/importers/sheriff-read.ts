/** Reads each sheriff-file layout into one common row shape; no matching or judging here. */
import { cell, readCsv } from './csv.ts';
import type { SheriffSource } from './sheriff-sources.ts';

/** One input row, as printed (cells trimmed, empty → null). */
export interface SheriffRow {
  /** 1-based line in a CSV file (the header is line 1), or record number in a JSON file. */
  row: number;
  text: string;
  /** As given: a code ('TX') or, in the signer list, a name ('TEXAS'). */
  state: string;
  /** County or city as printed. */
  place: string;
  /** The sheriff's name as printed, '' when the source gives none. */
  name: string;
  party: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  website: string | null;
  /** As printed: 'YYYY-MM-DD' in the standard files, 'MM/DD/YYYY' in the VSA file. */
  tookOffice: string | null;
  /** From the row where the file has the column, else from the source table. */
  sourceKind: string;
  sourceDate: string;
  /** Set when the row is deliberately not used, with the reason. */
  skip?: string;
}

export interface ReadResult {
  rows: SheriffRow[];
  /** A source URL the file itself states (FDLE's _meta.source). */
  sourceUrl?: string;
}

type Fields = Pick<SheriffRow, 'row' | 'text' | 'state' | 'place' | 'name'> & Partial<SheriffRow>;

function sheriffRow(source: SheriffSource, fields: Fields): SheriffRow {
  return {
    party: null,
    phone: null,
    email: null,
    address: null,
    website: null,
    tookOffice: null,
    sourceKind: source.sourceKind ?? '',
    sourceDate: source.sourceDate ?? '',
    ...fields,
  };
}

function readCsvRows(source: SheriffSource, text: string): SheriffRow[] {
  return readCsv(text).map((record, index) => {
    const c = (column: string): string | null => cell(record[column]);
    const base = {
      row: index + 2,
      text: Object.values(record).join(','),
      state: c('state') ?? '',
      place: c('county') ?? c('jurisdiction') ?? '',
      name: c('sheriff') ?? '',
      party: c('party'),
      phone: c('phone'),
      address: c('address'),
      tookOffice: c('took_office'),
    };
    if (source.layout !== 'standard') return sheriffRow(source, base);
    return sheriffRow(source, {
      ...base,
      email: c('email'),
      website: c('website'),
      sourceKind: c('source_kind') ?? '',
      sourceDate: c('source_date') ?? '',
    });
  });
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? cell(value) : null;
}

function records(value: unknown, what: string): Record<string, unknown>[] {
  if (!Array.isArray(value)) throw new Error(`expected ${what} to be an array`);
  return value.map((item) => (item && typeof item === 'object' ? (item as Record<string, unknown>) : {}));
}

function readFdle(source: SheriffSource, json: string): ReadResult {
  const file = JSON.parse(json) as { _meta?: { source?: unknown }; sheriffs?: unknown };
  const rows = records(file.sheriffs, 'sheriffs').map((record, index) =>
    sheriffRow(source, {
      row: index + 1,
      text: JSON.stringify(record),
      state: source.state ?? '',
      place: text(record.county) ?? '',
      name: text(record.sheriff) ?? '',
      phone: text(record.phone),
      email: text(record.email),
    }),
  );
  const url = text(file._meta?.source);
  return url ? { rows, sourceUrl: url } : { rows };
}

/** Only a sheriff's office signed by its sheriff names a sheriff; every other row says why not. */
function signerSkip(record: Record<string, unknown>, name: string | null): string | undefined {
  const agency = text(record.agency) ?? '(no agency)';
  const type = text(record.agency_type);
  if (type !== 'sheriff') return `not a sheriff's office (${type ?? 'no agency type'}): ${agency}`;
  const title = text(record.signer_title);
  if (name && title !== 'Sheriff') return `signer title is ${title ?? 'missing'}, not Sheriff: ${agency}`;
  return undefined;
}

function readSigners(source: SheriffSource, json: string): ReadResult {
  const rows = records(JSON.parse(json), 'the signer list').map((record, index) => {
    const name = text(record.signer_name);
    const skip = signerSkip(record, name);
    return sheriffRow(source, {
      row: index + 1,
      text: JSON.stringify(record),
      state: text(record.state) ?? '',
      place: text(record.county) ?? '',
      name: name ?? '',
      ...(skip ? { skip } : {}),
    });
  });
  return { rows };
}

export function readSheriffFile(source: SheriffSource, fileText: string): ReadResult {
  switch (source.layout) {
    case 'fdle-json':
      return readFdle(source, fileText);
    case 'signers-json':
      return readSigners(source, fileText);
    default:
      return { rows: readCsvRows(source, fileText) };
  }
}
