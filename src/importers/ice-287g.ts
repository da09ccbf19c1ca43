import { parseState, type StateCode } from '../domain/states.ts';
import { modelFromIceSupportType } from '../domain/topics.ts';
import type { Office, Source } from '../domain/types.ts';
import type { MessageKey } from '../i18n/index.ts';
import type { Store } from '../store/index.ts';
import type { PositionWithOffice } from '../store/positions.ts';
import { note, noteText, type Dataset, type ImportContext, type LoadResult, type Note, type UnmatchedRow } from './dataset.ts';
import { countsLine, pairModelChanges, type AgreementChange, type AgreementRef, type Ice287gDiff } from './ice-287g-diff.ts';
import {
  agencyKind,
  countyCell,
  isSheriffAgency,
  moaUrl,
  nearlyNamed,
  resolveJurisdiction,
  resolveSheriff,
  type IceRow,
} from './ice-287g-rows.ts';
import { readIceCsv } from './ice-287g-xlsx.ts';
import { cleanRead } from '../domain/text-policy.ts';

export const ICE_287G_KEY = 'ice-287g';
/** The newest list shipped in data/. */
export const ICE_287G_VERSION = '2026-05-18';
export const ICE_287G_TOPIC = '287g';
export const ICE_287G_PAGE = 'https://www.ice.gov/identify-and-arrest/287g';

/** The list every position from one file cites: ICE's list of that date. */
export function ice287gSource(version: string): Source {
  return { title: `ICE 287(g) participating agencies list, ${version}`, url: ICE_287G_PAGE, date: version };
}

/** The list every position from the newest shipped file cites. */
export const ICE_287G_SOURCE: Source = ice287gSource(ICE_287G_VERSION);

/** One row that maps to an office and a model. */
interface Agreement {
  row: number;
  office: Office;
  model: string;
  signed: string | null;
  documentUrl: string | null;
  detail: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function rowText(row: IceRow): string {
  return [row.state, row.agency, row.type, row.county, row.support_type, row.signed].join(' | ');
}

/** The office a row belongs to, or why it has none. */
/** An agency name with case, punctuation and apostrophes ignored: 'Miami Dade …' = 'Miami-Dade …'. */
function agencyKey(state: string, name: string): string {
  return `${state}|${name.toLowerCase().replace(/['’]/g, '').replace(/[^a-z0-9]+/g, ' ').trim()}`;
}

/** Agencies (other than sheriff's offices) already on record: agencyKey → office id. */
type KnownAgencies = Map<string, number>;

function officeFor(store: Store, state: StateCode, row: IceRow, known: KnownAgencies): { office: Office; note?: Note } | { reason: Note } {
  if (isSheriffAgency(row.agency)) {
    const found = resolveSheriff(store, state, row);
    if (!found.jurisdiction) return { reason: note('import.reason.sheriff-not-placed', { reason: found.reason }) };
    const office = store.offices.ensureSheriff(found.jurisdiction);
    return found.note ? { office, note: note('import.note.agency', { agency: row.agency, state, note: found.note }) } : { office };
  }
  const county = countyCell(row.county);
  const exact = county ? resolveJurisdiction(store, state, county) : undefined;
  const place = exact && !exact.jurisdiction ? (nearlyNamed(store, state, county!) ?? exact) : exact;
  // ICE spells some agencies differently from one list to the next; the same name up to punctuation is the same agency.
  const knownId = store.offices.byName(state, row.agency) ? undefined : known.get(agencyKey(state, row.agency));
  const namesake = knownId === undefined ? undefined : store.offices.byId(knownId);
  const office =
    namesake ??
    store.offices.ensure({
      state,
      jurisdictionFips: place?.jurisdiction?.fips ?? null,
      name: row.agency,
      kind: agencyKind(row.agency, row.type),
    });
  known.set(agencyKey(state, office.name), office.id);
  const renamed = namesake ? note('import.note.renamed', { listed: row.agency }) : undefined;
  const placed = place && (place.jurisdiction ? place.note : note('import.note.no-county', { reason: place.reason }));
  const why = [renamed, placed].filter((n): n is Note => !!n);
  return why.length ? { office, note: note('import.note.agency', { agency: namesake ? namesake.name : row.agency, state, note: why }) } : { office };
}

export interface ApplyOptions {
  /** The list's own date, 'YYYY-MM-DD': every position cites the list of that date. */
  version: string;
  by: string;
  at: string;
  /** Called now and then with rows done and the total (a progress indicator). */
  onProgress?: (done: number, total: number) => void;
}

export interface Ice287gResult extends LoadResult {
  diff: Ice287gDiff;
  /** Live agreements on record before this list (to tell a list that would retire most of them). */
  agreementsBefore: number;
}

/** A link from the sheet is kept only when it is an http(s) address. */
function webLink(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A row's cells as stored: control characters dropped, one line each (text-policy.ts). */
function cleanRow(row: IceRow): IceRow {
  const out = { ...row };
  for (const key of Object.keys(out) as (keyof IceRow)[]) out[key] = cleanRead(String(out[key] ?? ''));
  return out;
}

/**
 * Applies one ICE list to the store as a full sync, inside the caller's transaction: every
 * agreement listed is recorded (history rows for what is new or different), every agreement an
 * earlier list carried and this one does not is retired, and the difference is returned.
 */
export function applyIce287g(store: Store, sheetRows: IceRow[], options: ApplyOptions): Ice287gResult {
  const { by, at } = options;
  const rows = sheetRows.map(cleanRow);
  const source = ice287gSource(options.version);
  const unmatched: UnmatchedRow[] = [];
  const notes: Note[] = [];
  /** The agreement kept for each office and model ('officeId|model'). */
  const kept = new Map<string, Agreement>();
  const total = rows.length * 2;
  const progress = (done: number) => {
    if (options.onProgress && (done % 100 === 0 || done === total)) options.onProgress(done, total);
  };
  const previousVersion = store.imports.latest(ICE_287G_KEY)?.version ?? null;
  /** What the record held before this list: live agreements and moderators' "no agreement" entries. */
  const before = new Map<string, PositionWithOffice>();
  const noneByOffice = new Map<number, PositionWithOffice>();
  const known: KnownAgencies = new Map();
  for (const p of store.positions.byTopic(ICE_287G_TOPIC)) {
    if (p.value === 'none') noneByOffice.set(p.officeId, p);
    else before.set(`${p.officeId}|${p.slot}`, p);
    if (p.office.kind !== 'sheriff') known.set(agencyKey(p.office.state, p.office.name), p.office.id);
  }

  rows.forEach((row, index) => {
    progress(index + 1);
    const line = index + 2;
    const state = parseState(row.state ?? '');
    if (!state) {
      unmatched.push({ row: line, text: rowText(row), reason: note('import.reason.unknown-state', { state: row.state }) });
      return;
    }
    const model = modelFromIceSupportType(row.support_type ?? '');
    if (!model) {
      unmatched.push({ row: line, text: rowText(row), reason: note('import.reason.unknown-support-type', { type: row.support_type }) });
      return;
    }
    const found = officeFor(store, state, row, known);
    if ('reason' in found) {
      unmatched.push({ row: line, text: rowText(row), reason: found.reason });
      return;
    }
    if (found.note) notes.push(note('import.note.row', { row: line, note: found.note }));
    const dated = DATE.test(row.signed ?? '') ? row.signed : null;
    if (!dated) notes.push(note('import.note.no-signed-date', { row: line, agency: row.agency, signed: row.signed }));
    // A list cannot report an agreement signed after its own date: reported, not recorded as a fact.
    const signed = dated && dated > options.version ? null : dated;
    if (dated && !signed) notes.push(note('limits.note.signed-future', { row: line, agency: row.agency, signed: dated, version: options.version }));
    const moa = moaUrl(row.moa_url ?? '');
    if (moa.repaired) notes.push(note('import.note.moa-repaired', { row: line, cell: row.moa_url, url: moa.url ?? '' }));
    const documentUrl = webLink(moa.url);
    if (moa.url && !documentUrl) notes.push(note('limits.note.link-dropped', { row: line, what: 'MOA', url: moa.url.slice(0, 80) }));
    const addendumCell = moaUrl(row.addendum_url ?? '').url;
    const addendum = webLink(addendumCell);
    if (addendumCell && !addendum) notes.push(note('limits.note.link-dropped', { row: line, what: 'addendum', url: addendumCell.slice(0, 80) }));
    const agreement: Agreement = {
      row: line,
      office: found.office,
      model,
      signed,
      documentUrl,
      detail: `ICE lists: ${row.agency}${addendum ? `; addendum: ${addendum}` : ''}`,
    };
    const key = `${found.office.id}|${model}`;
    const earlier = kept.get(key);
    if (earlier) {
      const newer = (agreement.signed ?? '') >= (earlier.signed ?? '') ? agreement : earlier;
      const older = newer === agreement ? earlier : agreement;
      const signedOn = (date: string | null) => (date ? note('import.note.signed', { date }) : note('import.note.undated'));
      notes.push(
        note('import.note.duplicate', {
          first: earlier.row,
          second: line,
          office: found.office.name,
          state,
          model: note(`import.model.${model}` as MessageKey),
          kept: newer.row,
          keptSigned: signedOn(newer.signed),
          dropped: older.row,
          droppedSigned: signedOn(older.signed),
        }),
      );
      kept.set(key, newer);
    } else {
      kept.set(key, agreement);
    }
  });

  const added: AgreementRef[] = [];
  const changed: AgreementChange[] = [];
  const relinked: AgreementChange[] = [];
  let unchanged = 0;
  let done = rows.length;
  for (const [key, a] of kept) {
    progress(++done);
    const result = store.positions.record({
      officeId: a.office.id,
      topic: ICE_287G_TOPIC,
      slot: a.model,
      value: a.model,
      detail: a.detail,
      effectiveDate: a.signed,
      documentUrl: a.documentUrl,
      source,
      dataset: ICE_287G_KEY,
      by,
      at,
    });
    const to = agreementRef(a);
    const previous = before.get(key);
    if (result === 'created' || !previous) added.push(to);
    else if (result === 'unchanged') unchanged++;
    else if (previous.effectiveDate !== a.signed) changed.push({ from: positionRef(previous), to, what: 'signed' });
    else relinked.push({ from: positionRef(previous), to, what: 'signed' });
  }
  progress(total);

  // A full sync: what an earlier list carried and this one does not has ended (or was dropped by ICE).
  const ended: AgreementRef[] = [];
  for (const position of store.positions.liveFromDataset(ICE_287G_KEY)) {
    if (position.topic === ICE_287G_TOPIC && kept.has(`${position.officeId}|${position.slot}`)) continue;
    store.positions.retire(position, { source, by, at });
    if (position.topic !== ICE_287G_TOPIC) continue;
    const known = before.get(`${position.officeId}|${position.slot}`);
    if (known) ended.push(positionRef(known));
  }
  if (ended.length) notes.push(note('import.note.retired', { n: ended.length }));

  // A moderator's "no agreement" is contradicted by an agreement on ICE's list: the list wins, history keeps both.
  const superseded: AgreementRef[] = [];
  const listed = new Map([...kept.values()].map((a) => [a.office.id, a]));
  for (const [officeId, none] of noneByOffice) {
    if (!listed.has(officeId)) continue;
    store.positions.retire(none, { source, by, at });
    superseded.push(positionRef(none));
    notes.push(note('import.note.none-superseded', { office: none.office.name, state: none.office.state }));
  }

  const paired = pairModelChanges(added, ended);
  const diff: Ice287gDiff = {
    version: options.version,
    previousVersion,
    added: paired.added,
    ended: paired.ended,
    changed: [...paired.changed, ...changed].sort((x, y) => x.to.state.localeCompare(y.to.state) || x.to.office.localeCompare(y.to.office)),
    relinked,
    unchanged,
    superseded,
  };
  notes.unshift(againstNote(diff));
  return { rowsRead: rows.length, rowsMatched: rows.length - unmatched.length, unmatched, notes, diff, agreementsBefore: before.size };
}

/**
 * The first note: the counts against the list before, in English (the report's header says the
 * same in the reader's language, so other languages leave this note out: AGAINST_KEYS in ice-287g-report.ts).
 */
function againstNote(diff: Ice287gDiff): Note {
  const counts = countsLine(diff);
  return diff.previousVersion ? note('import.note.against', { version: diff.previousVersion, counts }) : note('import.note.against.empty', { counts });
}

function agreementRef(a: Agreement): AgreementRef {
  return {
    officeId: a.office.id,
    office: a.office.name,
    state: a.office.state,
    jurisdictionFips: a.office.jurisdictionFips,
    officeKind: a.office.kind,
    model: a.model,
    signed: a.signed,
    documentUrl: a.documentUrl,
  };
}

function positionRef(p: PositionWithOffice): AgreementRef {
  return {
    officeId: p.officeId,
    office: p.office.name,
    state: p.office.state,
    jurisdictionFips: p.office.jurisdictionFips,
    officeKind: p.office.kind,
    model: p.value,
    signed: p.effectiveDate,
    documentUrl: p.documentUrl,
  };
}

/** The shipped file's loader: its report is printed by the CLI and logged at start, in English. */
function loadIce287g(version: string): Dataset['load'] {
  return ({ store, text, by, at }: ImportContext): LoadResult => {
    const result = applyIce287g(store, readIceCsv(text), { version, by, at });
    return {
      rowsRead: result.rowsRead,
      rowsMatched: result.rowsMatched,
      unmatched: result.unmatched.map((u) => ({ ...u, reason: noteText(u.reason, 'en') })),
      notes: result.notes.map((n) => noteText(n, 'en')),
    };
  };
}

function shippedList(version: string, copy: string): Dataset {
  return {
    key: ICE_287G_KEY,
    title: 'ICE 287(g) participating agencies',
    version,
    file: `ice_287g_participating_${version}.csv`,
    origin: `ICE's published list of 287(g) participating agencies (${ICE_287G_PAGE}), file of ${version}, ${copy}, converted to CSV`,
    load: loadIce287g(version),
  };
}

/**
 * The shipped lists, oldest first: a new database loads each in turn, so the history holds what
 * changed between them; a database that has the older one loads only the newer.
 */
export const ICE_287G_SHIPPED: readonly Dataset[] = [
  shippedList('2026-01-23', 'as kept in the wagner-austin/Dashboards repository (ice-cooperation/287g_agencies.xlsx, commit 7e64436)'),
  shippedList(ICE_287G_VERSION, 'ICE\'s file participatingAgencies05182026am.xlsx as saved by the RelevantResearch/287g-DetentionData repository (commit 4f9d1c3)'),
];

/** The newest shipped list. */
export const ice287gDataset: Dataset = ICE_287G_SHIPPED[ICE_287G_SHIPPED.length - 1]!;
