import { parseState, type StateCode } from '../domain/states.ts';
import { modelFromIceSupportType } from '../domain/topics.ts';
import type { Office, Source } from '../domain/types.ts';
import type { Store } from '../store/index.ts';
import { readCsv } from './csv.ts';
import type { Dataset, ImportContext, LoadResult, UnmatchedRow } from './dataset.ts';
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

export const ICE_287G_KEY = 'ice-287g';
export const ICE_287G_VERSION = '2026-01-23';
export const ICE_287G_TOPIC = '287g';
export const ICE_287G_PAGE = 'https://www.ice.gov/identify-and-arrest/287g';

/** The list every position from this file cites. */
export const ICE_287G_SOURCE: Source = {
  title: `ICE 287(g) participating agencies list, ${ICE_287G_VERSION}`,
  url: ICE_287G_PAGE,
  date: ICE_287G_VERSION,
};

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
function officeFor(store: Store, state: StateCode, row: IceRow): { office: Office; note?: string } | { reason: string } {
  if (isSheriffAgency(row.agency)) {
    const found = resolveSheriff(store, state, row);
    if (!found.jurisdiction) return { reason: `sheriff's office not placed: ${found.reason}` };
    const note = found.note && `${row.agency} (${state}): ${found.note}.`;
    return { office: store.offices.ensureSheriff(found.jurisdiction), ...(note ? { note } : {}) };
  }
  const county = countyCell(row.county);
  const exact = county ? resolveJurisdiction(store, state, county) : undefined;
  const place = exact && !exact.jurisdiction ? (nearlyNamed(store, state, county!) ?? exact) : exact;
  const office = store.offices.ensure({
    state,
    jurisdictionFips: place?.jurisdiction?.fips ?? null,
    name: row.agency,
    kind: agencyKind(row.agency, row.type),
  });
  if (!place) return { office };
  const why = place.jurisdiction ? place.note : `${place.reason}; kept without a county`;
  return why ? { office, note: `${row.agency} (${state}): ${why}.` } : { office };
}

function loadIce287g({ store, text, by, at }: ImportContext): LoadResult {
  const rows = readCsv(text) as unknown as IceRow[];
  const unmatched: UnmatchedRow[] = [];
  const notes: string[] = [];
  /** The agreement kept for each office and model ('officeId|model'). */
  const kept = new Map<string, Agreement>();

  rows.forEach((row, index) => {
    const line = index + 2;
    const state = parseState(row.state ?? '');
    if (!state) {
      unmatched.push({ row: line, text: rowText(row), reason: `unknown state '${row.state}'` });
      return;
    }
    const model = modelFromIceSupportType(row.support_type ?? '');
    if (!model) {
      unmatched.push({ row: line, text: rowText(row), reason: `unknown support type '${row.support_type}'` });
      return;
    }
    const found = officeFor(store, state, row);
    if ('reason' in found) {
      unmatched.push({ row: line, text: rowText(row), reason: found.reason });
      return;
    }
    if (found.note) notes.push(`Row ${line}: ${found.note}`);
    const signed = DATE.test(row.signed ?? '') ? row.signed : null;
    if (!signed) notes.push(`Row ${line}: ${row.agency} has no readable signing date ('${row.signed}').`);
    const moa = moaUrl(row.moa_url ?? '');
    if (moa.repaired) notes.push(`Row ${line}: MOA link '${row.moa_url}' read as ${moa.url}.`);
    const addendum = moaUrl(row.addendum_url ?? '').url;
    const agreement: Agreement = {
      row: line,
      office: found.office,
      model,
      signed,
      documentUrl: moa.url,
      detail: `ICE lists: ${row.agency}${addendum ? `; addendum: ${addendum}` : ''}`,
    };
    const key = `${found.office.id}|${model}`;
    const earlier = kept.get(key);
    if (earlier) {
      const newer = (agreement.signed ?? '') >= (earlier.signed ?? '') ? agreement : earlier;
      const older = newer === agreement ? earlier : agreement;
      notes.push(
        `Rows ${earlier.row} and ${line} both list ${found.office.name} (${state}) for ${model}; ` +
          `kept row ${newer.row} (signed ${newer.signed ?? 'undated'}) over row ${older.row} (signed ${older.signed ?? 'undated'}).`,
      );
      kept.set(key, newer);
    } else {
      kept.set(key, agreement);
    }
  });

  for (const a of kept.values()) {
    store.positions.record({
      officeId: a.office.id,
      topic: ICE_287G_TOPIC,
      slot: a.model,
      value: a.model,
      detail: a.detail,
      effectiveDate: a.signed,
      documentUrl: a.documentUrl,
      source: ICE_287G_SOURCE,
      dataset: ICE_287G_KEY,
      by,
      at,
    });
  }

  // A full sync: what an earlier list carried and this one does not has ended (or was dropped by ICE).
  let retired = 0;
  for (const position of store.positions.liveFromDataset(ICE_287G_KEY)) {
    if (position.topic === ICE_287G_TOPIC && kept.has(`${position.officeId}|${position.slot}`)) continue;
    store.positions.retire(position, { source: ICE_287G_SOURCE, by, at });
    retired++;
  }
  if (retired) notes.push(`${retired} agreement(s) from an earlier list are no longer listed and were retired.`);

  return { rowsRead: rows.length, rowsMatched: rows.length - unmatched.length, unmatched, notes };
}

export const ice287gDataset: Dataset = {
  key: ICE_287G_KEY,
  title: 'ICE 287(g) participating agencies',
  version: ICE_287G_VERSION,
  file: `ice_287g_participating_${ICE_287G_VERSION}.csv`,
  origin:
    `ICE's published list of 287(g) participating agencies (${ICE_287G_PAGE}), file of ${ICE_287G_VERSION}, ` +
    'as kept in the wagner-austin/Dashboards repository (ice-cooperation/287g_agencies.xlsx, commit 7e64436), converted to CSV',
  load: loadIce287g,
};
