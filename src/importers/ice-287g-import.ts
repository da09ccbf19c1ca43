/**
 * Importing a newer ICE 287(g) list than the shipped one, from a file a moderator has (the CLI)
 * or attaches in chat: read it (XLSX or CSV), date it from the file itself, compute and apply the
 * difference in one transaction through the shipped importer's logic, and record the import.
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../clock.ts';
import { checkIsoDate } from '../domain/validation.ts';
import type { Store } from '../store/index.ts';
import { runImportBytes, type Dataset, type ImportReport } from './dataset.ts';
import type { Ice287gDiff } from './ice-287g-diff.ts';
import { applyIce287g, ICE_287G_KEY, ICE_287G_PAGE, type Ice287gResult } from './ice-287g.ts';
import { IceSheetError, readIceSheet, type IceSheet } from './ice-287g-xlsx.ts';
import { destructiveReason, type GuardReason } from './list-guard.ts';

export interface ListImportOptions {
  bytes: Uint8Array;
  fileName: string;
  /** The list's date, whatever the file name or the workbook say ('YYYY-MM-DD'). */
  date?: string;
  /** The list's date when neither the file name nor the workbook says it (the server's Last-Modified day). */
  fallbackDate?: string;
  clock: Clock;
  /** Load even if this exact file, or a newer list, was loaded already. */
  force?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface ListImportReport extends ImportReport {
  format: 'xlsx' | 'csv';
  /** Live agreements on record before the list (what the retire-most guard compares with). */
  agreementsBefore?: number;
  /** Where the list's date came from. */
  dateFrom: 'option' | 'file name' | 'workbook' | 'server';
  /** Null when nothing was done (already loaded, or older than the loaded list). */
  diff: Ice287gDiff | null;
}

/** The list's date in its file name: 'ice_287g_participating_2026-01-23.xlsx', ICE's 'participatingAgencies07182025pm.xlsx'. */
export function versionFromFileName(name: string): string | null {
  const iso = /(\d{4})-(\d{2})-(\d{2})/.exec(name);
  const candidate = iso ? `${iso[1]}-${iso[2]}-${iso[3]}` : (() => {
    const us = /(?:^|\D)(\d{2})(\d{2})(20\d{2})(?:\D|$)/.exec(name);
    return us ? `${us[3]}-${us[1]}-${us[2]}` : null;
  })();
  return candidate && checkIsoDate(candidate, 'date').ok ? candidate : null;
}

function listDate(options: Pick<ListImportOptions, 'fileName' | 'date' | 'fallbackDate'>, modified: string | null): { version: string; dateFrom: ListImportReport['dateFrom'] } {
  if (options.date) {
    const checked = checkIsoDate(options.date, 'list date');
    if (!checked.ok) throw new IceSheetError(checked.key, checked.params);
    return { version: checked.value, dateFrom: 'option' };
  }
  const named = versionFromFileName(options.fileName);
  if (named) return { version: named, dateFrom: 'file name' };
  if (modified) return { version: modified, dateFrom: 'workbook' };
  if (options.fallbackDate && checkIsoDate(options.fallbackDate, 'date').ok) return { version: options.fallbackDate, dateFrom: 'server' };
  throw new IceSheetError('import.sheet.no-date', { file: options.fileName });
}

function listDataset(version: string, fileName: string, load: Dataset['load']): Dataset {
  return {
    key: ICE_287G_KEY,
    title: 'ICE 287(g) participating agencies',
    version,
    file: fileName,
    origin: `ICE's published list of 287(g) participating agencies (${ICE_287G_PAGE}), file of ${version}`,
    load,
  };
}

/** A list read and dated, ready to preview or apply (reading is async; applying is one synchronous transaction). */
export interface PreparedList {
  bytes: Uint8Array;
  fileName: string;
  sheet: IceSheet;
  version: string;
  dateFrom: ListImportReport['dateFrom'];
}

export async function prepareIce287gList(options: Pick<ListImportOptions, 'bytes' | 'fileName' | 'date' | 'fallbackDate'>): Promise<PreparedList> {
  const sheet = await readIceSheet(options.bytes);
  return { bytes: options.bytes, fileName: options.fileName, sheet, ...listDate(options, sheet.modified) };
}

type ApplyListOptions = Pick<ListImportOptions, 'clock' | 'force' | 'onProgress'>;

/** A list dated after today is refused: its date is what every position it records cites. */
function checkListDate(version: string, clock: ListImportOptions['clock']): void {
  const today = clock.now().toISOString().slice(0, 10);
  const tomorrow = new Date(clock.now().getTime() + 86_400_000).toISOString().slice(0, 10);
  if (version > tomorrow) throw new IceSheetError('limits.import.future-date', { version, today });
}

/** Raised inside the import transaction to roll back a list the guard stops. */
class Refused extends Error {
  constructor(
    readonly result: Ice287gResult,
    readonly reason: GuardReason,
  ) {
    super(reason);
  }
}

/** The report of a list the guard stopped: nothing applied; the diff says what it would have done. */
function refusedReport(list: PreparedList, refused: Refused, previousVersion: string | undefined): ListImportReport {
  const { diff, agreementsBefore, ...result } = refused.result;
  return {
    dataset: ICE_287G_KEY,
    title: 'ICE 287(g) participating agencies',
    version: list.version,
    fileName: list.fileName,
    format: list.sheet.format,
    dateFrom: list.dateFrom,
    ...result,
    skipped: true,
    skipReason: refused.reason,
    ...(previousVersion ? { previousVersion } : {}),
    agreementsBefore,
    diff,
  };
}

/**
 * Diffs, applies and records a prepared list in one transaction; the same file again changes
 * nothing. A list that would retire most of the record, or whose rows mostly cannot be placed,
 * is rolled back and reported (skipReason 'retires_most' / 'unplaced_most') unless forced.
 */
export function applyIce287gList(store: Store, list: PreparedList, options: ApplyListOptions): ListImportReport {
  const { version, sheet } = list;
  checkListDate(version, options.clock);
  let diff: Ice287gDiff | null = null;
  let agreementsBefore: number | undefined;
  const dataset = listDataset(version, list.fileName, ({ store: s, by, at }) => {
    const result = applyIce287g(s, sheet.rows, { version, by, at, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
    const reason = options.force ? null : destructiveReason(result);
    if (reason) throw new Refused(result, reason);
    diff = result.diff;
    agreementsBefore = result.agreementsBefore;
    return result;
  });
  const previousVersion = store.imports.latest(ICE_287G_KEY)?.version;
  try {
    const report = runImportBytes(store, dataset, list.bytes, { clock: options.clock, ...(options.force ? { force: true } : {}) });
    return { ...report, format: sheet.format, dateFrom: list.dateFrom, diff, ...(agreementsBefore === undefined ? {} : { agreementsBefore }) };
  } catch (error) {
    if (error instanceof Refused) return refusedReport(list, error, previousVersion);
    throw error;
  }
}

/** Reads, diffs, applies and records a list; re-importing the same file changes nothing. */
export async function importIce287gList(store: Store, options: ListImportOptions): Promise<ListImportReport> {
  return applyIce287gList(store, await prepareIce287gList(options), options);
}

class Rollback extends Error {
  constructor(readonly result: Ice287gResult) {
    super('rollback');
  }
}

/** What applying a prepared list would change, computed in a transaction that is rolled back: writes nothing. */
export function previewPreparedList(store: Store, list: PreparedList, options: Pick<ListImportOptions, 'clock' | 'force'>): ListImportReport {
  const { version, sheet } = list;
  const checksum = createHash('sha256').update(list.bytes).digest('hex');
  const previous = store.imports.latest(ICE_287G_KEY);
  const base = {
    dataset: ICE_287G_KEY,
    title: 'ICE 287(g) participating agencies',
    version,
    fileName: list.fileName,
    format: sheet.format,
    dateFrom: list.dateFrom,
  };
  const older = previous !== undefined && previous.version > version;
  if (!options.force && previous && (previous.checksum === checksum || older)) {
    return {
      ...base,
      skipped: true,
      skipReason: previous.checksum === checksum ? 'same_file' : 'older_version',
      previousVersion: previous.version,
      rowsRead: sheet.rows.length,
      rowsMatched: 0,
      unmatched: [],
      notes: [],
      diff: null,
    };
  }
  checkListDate(version, options.clock);
  try {
    store.db.transaction(() => {
      throw new Rollback(applyIce287g(store, sheet.rows, { version, by: `import:${ICE_287G_KEY}`, at: options.clock.now().toISOString() }));
    })();
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
    const reason = options.force ? null : destructiveReason(error.result);
    if (reason) return refusedReport(list, new Refused(error.result, reason), previous?.version);
    const { diff, ...result } = error.result;
    return { ...base, ...result, skipped: false, ...(previous ? { previousVersion: previous.version } : {}), diff };
  }
  throw new Error('unreachable: the preview transaction always rolls back');
}

/** What importing the list would change; writes nothing. */
export async function previewIce287gList(store: Store, options: ListImportOptions): Promise<ListImportReport> {
  return previewPreparedList(store, await prepareIce287gList(options), options);
}
