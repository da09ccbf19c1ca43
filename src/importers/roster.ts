/**
 * A sheriff roster imported by an editor (`npm run import -- roster FILE.csv`, `import-roster`):
 * each row names the sheriff of one county, with contact details, a source and an as-of date.
 * Rows are editors' entries: they rank with the editors' own and the newest wins; a row never
 * replaces an editor's entry that is as new or newer. A county the roster leaves out keeps its
 * sheriff. One transaction per file (an error rolls everything back); the same file twice is a no-op.
 */
import type { Clock } from '../clock.ts';
import { normalizePhone } from '../domain/phones.ts';
import { parseState, type StateCode } from '../domain/states.ts';
import type { OfficeHolder } from '../domain/types.ts';
import { msg } from '../i18n/index.ts';
import { holderFieldChange } from '../store/change-messages.ts';
import type { Store } from '../store/index.ts';
import { note, runImportBytes, type Dataset, type ImportReport, type LoadResult, type Note, type UnmatchedRow } from './dataset.ts';
import { readRoster, type RosterRow } from './roster-read.ts';
import { matchPlace } from './sheriff-match.ts';
import { isoDate, nameProblem } from './sheriff-rows.ts';

export interface RosterLine {
  place: string;
  fips: string;
  name: string;
  /** The name shown before, for a change. */
  from?: string;
  /** The editors' newer entry kept, for 'kept'. */
  keptDate?: string;
  asOf: string;
}

export interface RosterResult extends LoadResult {
  added: RosterLine[];
  changed: RosterLine[];
  contact: RosterLine[];
  kept: RosterLine[];
  unchanged: number;
}

export interface RosterImportReport extends ImportReport {
  /** Null when nothing was done (the same file, or an older roster of the state). */
  result: RosterResult | null;
}

function sourceTitle(url: string | null, fileName: string): string {
  if (!url) return `Sheriff roster ${fileName}, imported by an editor`;
  try {
    return `Sheriff roster imported by an editor (${new URL(url).hostname.replace(/^www\./, '')})`;
  } catch {
    return `Sheriff roster ${fileName}, imported by an editor`;
  }
}

interface ApplyOptions {
  dataset: string;
  fileName: string;
  by: string;
  at: string;
  today: string;
}

function placeName(office: { name: string }, state: string): string {
  return `${office.name.replace(/ Sheriff's Office$/, '')}, ${state}`;
}

function rowAsOf(value: string | null, today: string): { date: string } | { reason: Note } {
  const date = value ? isoDate(value) : undefined;
  if (!date || Number.isNaN(Date.parse(date))) return { reason: note('roster.reason.bad-date', { value: value ?? '' }) };
  if (date > today) return { reason: note('roster.reason.future-date', { date }) };
  return { date };
}

export function applyRoster(store: Store, rows: RosterRow[], options: ApplyOptions): RosterResult {
  const result: RosterResult = { rowsRead: rows.length, rowsMatched: 0, unmatched: [], notes: [], added: [], changed: [], contact: [], kept: [], unchanged: 0 };
  const reject = (row: RosterRow, reason: Note) => result.unmatched.push({ row: row.row, text: row.text, reason } satisfies UnmatchedRow);
  const seen = new Map<string, number>();
  for (const row of rows) {
    const v = row.values;
    const state = parseState(v.state ?? '') as StateCode | undefined;
    if (!state) {
      reject(row, note('import.reason.unknown-state', { state: v.state ?? '' }));
      continue;
    }
    const asOf = rowAsOf(v.as_of, options.today);
    if ('reason' in asOf) {
      reject(row, asOf.reason);
      continue;
    }
    const name = v.sheriff ?? '';
    const problem = nameProblem({ row: row.row, text: row.text, state, place: v.county ?? '', name, party: null, phone: null, email: null, address: null, website: null, tookOffice: null, sourceKind: '', sourceDate: '' }, state);
    if (problem) {
      reject(row, note('roster.reason.name', { reason: problem }));
      continue;
    }
    const place = matchPlace(store, state, v.county ?? '', 'county');
    if ('reason' in place) {
      reject(row, note('roster.reason.place', { reason: place.reason }));
      continue;
    }
    const j = place.jurisdiction;
    const earlier = seen.get(j.fips);
    if (earlier !== undefined) {
      reject(row, note('roster.reason.repeated', { row: earlier, place: `${j.name}, ${state}` }));
      continue;
    }
    seen.set(j.fips, row.row);
    result.rowsMatched++;
    const office = store.offices.ensureSheriff(j);
    const line: RosterLine = { place: placeName({ name: j.name }, state), fips: j.fips, name, asOf: asOf.date };
    const editors = store.holders.records(office.id).find((r) => r.sourceKind === 'moderator' && r.dataset !== options.dataset && r.source.date >= asOf.date);
    if (editors) {
      result.kept.push({ ...line, name: editors.name, keptDate: editors.source.date });
      continue;
    }
    if (v.phone && !normalizePhone(v.phone).tel) result.notes.push(note('roster.note.phone', { row: row.row, phone: v.phone }));
    const before = store.holders.current(office.id);
    const holder: Omit<OfficeHolder, 'id'> & { dataset: string } = {
      officeId: office.id,
      name,
      nameAsPrinted: name,
      party: null,
      selection: 'unknown',
      tookOffice: null,
      termEnd: null,
      phone: v.phone,
      email: v.email,
      address: v.address,
      website: v.website,
      sourceKind: 'moderator',
      source: { title: sourceTitle(v.source_url, options.fileName), url: v.source_url, date: asOf.date },
      dataset: options.dataset,
      recordedBy: options.by,
      recordedAt: options.at,
    };
    const recorded = store.holders.recordFromDataset(holder);
    if (recorded === 'unchanged') {
      result.unchanged++;
      continue;
    }
    const kind = !before ? 'added' : before.name !== name ? 'changed' : 'contact';
    result[kind].push(kind === 'changed' ? { ...line, from: before!.name } : line);
    const after = store.holders.current(office.id);
    store.changes.append({
      entity: 'office_holder',
      entityId: after?.id ?? 0,
      jurisdictionFips: j.fips,
      officeId: office.id,
      action: before ? 'changed' : 'created',
      message: kind === 'contact' ? msg('change-log.roster.contact', { date: asOf.date }) : holderFieldChange('name', before?.name ?? null, name),
      before: before ?? null,
      after: after ?? null,
      sourceUrl: v.source_url,
      sourceTitle: holder.source.title,
      by: options.by,
      at: options.at,
    });
  }
  return result;
}

export interface RosterImportOptions {
  bytes: Uint8Array;
  fileName: string;
  clock: Clock;
  /** Who imports, e.g. 'import:roster' (CLI) or the editor's id. */
  by?: string;
  force?: boolean;
}

/** Reads, applies and records a roster in one transaction (throws RosterFileError for a file that is not one). */
export function importRoster(store: Store, options: RosterImportOptions): RosterImportReport {
  const rows = readRoster(Buffer.from(options.bytes).toString('utf8'));
  const states = new Set(rows.map((r) => parseState(r.values.state ?? '')).filter(Boolean));
  const only = states.size === 1 ? [...states][0]! : null;
  const key = only ? `roster-${only.toLowerCase()}` : 'roster';
  const dates = rows.map((r) => (r.values.as_of ? isoDate(r.values.as_of) : undefined)).filter((d): d is string => Boolean(d)).sort();
  const today = options.clock.now().toISOString().slice(0, 10);
  let result: RosterResult | null = null;
  const dataset: Dataset = {
    key,
    title: `Sheriff roster${only ? ` (${only})` : ''}`,
    version: dates.filter((d) => d <= today).at(-1) ?? today,
    file: options.fileName,
    origin: `A roster imported by an editor (${options.fileName})`,
    load: ({ store: s, by, at }) => {
      result = applyRoster(s, rows, { dataset: key, fileName: options.fileName, by: options.by ?? by, at, today });
      return result;
    },
  };
  const report = runImportBytes(store, dataset, options.bytes, { clock: options.clock, ...(options.force ? { force: true } : {}) });
  return { ...report, result };
}
