/** One Dataset per sheriff-name file: rows → sheriff's offices + office-holder records. */
import { isAllCaps } from '../domain/person-names.ts';
import { parseState, type StateCode } from '../domain/states.ts';
import type { Dataset, ImportContext, LoadResult, UnmatchedRow } from './dataset.ts';
import { matchPlace } from './sheriff-match.ts';
import { readSheriffFile, type SheriffRow } from './sheriff-read.ts';
import { holderFromRow, nameProblem, sourceProblem } from './sheriff-rows.ts';
import { SHERIFF_SOURCES, type SheriffSource } from './sheriff-sources.ts';

function rowState(source: SheriffSource, row: SheriffRow): { state: StateCode } | { reason: string } {
  if (source.state) {
    return row.state === source.state ? { state: source.state } : { reason: `row is for "${row.state}", file is for ${source.state}` };
  }
  const state = parseState(row.state);
  return state ? { state } : { reason: `unknown state "${row.state}"` };
}

/** Running tally of one load. */
class Tally {
  matched = 0;
  readonly unmatched: UnmatchedRow[] = [];
  readonly notes: string[] = [];
  readonly keptCaps: string[] = [];
  /** Office id → the row that named its holder, to catch a second row for the same office. */
  readonly seen = new Map<number, { row: number; name: string }>();
  readonly placed = new Set<string>();

  reject(row: SheriffRow, reason: string): void {
    this.unmatched.push({ row: row.row, text: row.text, reason });
  }
}

function loadRow(source: SheriffSource, ctx: ImportContext, row: SheriffRow, tally: Tally, sourceUrl: string | null): void {
  if (row.skip) return tally.reject(row, row.skip);
  const located = rowState(source, row);
  if ('reason' in located) return tally.reject(row, located.reason);
  const problem = nameProblem(row, located.state) ?? sourceProblem(row);
  if (problem) return tally.reject(row, problem);
  const place = matchPlace(ctx.store, located.state, row.place, source.bareName);
  if ('reason' in place) return tally.reject(row, place.reason);

  const office = ctx.store.offices.ensureSheriff(place.jurisdiction);
  const earlier = tally.seen.get(office.id);
  if (earlier && earlier.name !== row.name) {
    return tally.reject(row, `conflicts with row ${earlier.row}, which names ${earlier.name} for ${office.name}`);
  }
  tally.matched++;
  if (earlier) {
    tally.notes.push(`row ${row.row} repeats row ${earlier.row} (${office.name}, ${row.name}).`);
    return;
  }
  if (place.note) tally.notes.push(`row ${row.row}: ${place.note}.`);
  const draft = holderFromRow(row, source, { officeId: office.id, sourceUrl, by: ctx.by, at: ctx.at });
  ctx.store.holders.recordFromDataset(draft.holder);
  tally.notes.push(...draft.notes);
  tally.seen.set(office.id, { row: row.row, name: row.name });
  tally.placed.add(place.jurisdiction.fips);
  if (isAllCaps(row.name) && draft.holder.name === row.name) tally.keptCaps.push(`${row.name} (${place.jurisdiction.name})`);
}

/** Which places of a one-state file got no name from it (absent, vacant or unmatched rows). */
function coverageNote(source: SheriffSource, ctx: ImportContext, tally: Tally): string | undefined {
  if (!source.state) return undefined;
  const all = ctx.store.jurisdictions.inState(source.state);
  const missing = all.filter((j) => !tally.placed.has(j.fips)).map((j) => j.name);
  if (missing.length === 0) return undefined;
  return `No sheriff's name from this file for ${missing.length} of ${all.length} places in ${source.state}: ${missing.join(', ')}.`;
}

export function loadSheriffFile(source: SheriffSource, ctx: ImportContext): LoadResult {
  const { rows, sourceUrl } = readSheriffFile(source, ctx.text);
  const tally = new Tally();
  for (const row of rows) loadRow(source, ctx, row, tally, sourceUrl ?? source.sourceUrl);
  const coverage = coverageNote(source, ctx, tally);
  if (coverage) tally.notes.push(coverage);
  if (tally.keptCaps.length > 0) {
    tally.notes.push(`Shown in printed capitals (casing not derivable): ${tally.keptCaps.join('; ')}.`);
  }
  return { rowsRead: rows.length, rowsMatched: tally.matched, unmatched: tally.unmatched, notes: tally.notes };
}

export function sheriffDataset(source: SheriffSource): Dataset {
  return {
    key: source.key,
    title: source.title,
    version: source.version,
    file: source.file,
    origin: source.origin,
    load: (ctx) => loadSheriffFile(source, ctx),
  };
}

/** Every sheriff-name dataset, in load order; ship after the counties. */
export const SHERIFF_DATASETS: readonly Dataset[] = SHERIFF_SOURCES.map(sheriffDataset);
