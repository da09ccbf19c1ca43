/**
 * Reading a sheriff roster a group made from its sheriffs' association or state directory: a
 * CSV with a header row. Header names are matched loosely (case, spaces, '-' and '_' ignored)
 * against the aliases below; state, county, sheriff and as_of are required.
 */
import { LocalizedError } from '../i18n/localized-error.ts';
import { readCsv } from './csv.ts';

export const ROSTER_FIELDS = ['state', 'county', 'sheriff', 'phone', 'email', 'website', 'address', 'source_url', 'as_of'] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

/** Accepted header names per field (documented in the README). */
export const ROSTER_HEADERS: Record<RosterField, readonly string[]> = {
  state: ['state', 'st', 'state code'],
  county: ['county', 'parish', 'borough', 'jurisdiction', 'county name', 'place'],
  sheriff: ['sheriff', 'name', 'sheriff name', 'full name'],
  phone: ['phone', 'telephone', 'phone number', 'office phone', 'tel'],
  email: ['email', 'e-mail', 'email address'],
  website: ['website', 'web', 'url', 'web site', 'site'],
  address: ['address', 'mailing address', 'office address', 'street address'],
  source_url: ['source url', 'source', 'source link'],
  as_of: ['as of', 'date', 'as of date', 'updated', 'source date'],
};

const REQUIRED: readonly RosterField[] = ['state', 'county', 'sheriff', 'as_of'];

/** The file is not a roster (its reason is a catalog message, shown in the reader's language). */
export class RosterFileError extends LocalizedError {
  override name = 'RosterFileError';
}

export interface RosterRow {
  /** Line in the file (the header is line 1). */
  row: number;
  text: string;
  values: Record<RosterField, string | null>;
}

const squash = (header: string) => header.toLowerCase().replace(/[\s_\-.]+/g, ' ').trim();

/** Which field each of the file's headers is, or why the headers do not make a roster. */
export function mapHeaders(headers: readonly string[]): Map<string, RosterField> {
  const mapped = new Map<string, RosterField>();
  for (const header of headers) {
    const field = ROSTER_FIELDS.find((f) => ROSTER_HEADERS[f].includes(squash(header)));
    if (field && ![...mapped.values()].includes(field)) mapped.set(header, field);
  }
  const missing = REQUIRED.filter((f) => ![...mapped.values()].includes(f));
  if (missing.length) {
    throw new RosterFileError('roster.columns', { missing: missing.join(', '), found: headers.join(', ') || '—', accepted: REQUIRED.join(', ') });
  }
  return mapped;
}

export function readRoster(text: string): RosterRow[] {
  let records: Record<string, string>[];
  try {
    records = readCsv(text);
  } catch (error) {
    throw new RosterFileError('roster.not-csv', { error: error instanceof Error ? error.message : String(error) });
  }
  if (records.length === 0) throw new RosterFileError('roster.empty');
  const mapped = mapHeaders(Object.keys(records[0]!));
  return records.map((record, index) => {
    const values = Object.fromEntries(ROSTER_FIELDS.map((f) => [f, null])) as Record<RosterField, string | null>;
    for (const [header, field] of mapped) {
      const value = record[header]?.trim();
      values[field] = value ? value : null;
    }
    return { row: index + 2, text: Object.values(record).join(','), values };
  });
}
