import type { Db } from '../db/open.ts';
import type { ImportRecord } from '../domain/types.ts';
import type { MessageKey } from '../i18n/index.ts';

/**
 * A note or reason in an import report, written in the reader's language where it is shown: a
 * catalog message and its parameters (a parameter may itself be a message, or a list of them
 * joined with '; '). Plain text is English as it was written: loaders that do not localize, and
 * reports stored before notes were messages.
 */
export type Note = string | NoteMessage;

export interface NoteMessage {
  key: MessageKey;
  params?: Record<string, string | number | NoteMessage | Note[]>;
}

/** One input row that could not be matched, kept so nothing is dropped silently. */
export interface UnmatchedRow {
  /** 1-based line or record number in the file. */
  row: number;
  text: string;
  reason: Note;
}

interface Row {
  id: number;
  dataset: string;
  version: string;
  file_name: string;
  checksum: string;
  imported_at: string;
  rows_read: number;
  rows_matched: number;
  rows_unmatched: number;
}

function toRecord(row: Row): ImportRecord {
  return {
    id: row.id,
    dataset: row.dataset,
    version: row.version,
    fileName: row.file_name,
    checksum: row.checksum,
    importedAt: row.imported_at,
    rowsRead: row.rows_read,
    rowsMatched: row.rows_matched,
    rowsUnmatched: row.rows_unmatched,
  };
}

export type NewImport = Omit<ImportRecord, 'id'> & { report: unknown };

/**
 * What an import stored of its report. Notes and reasons are catalog messages (key and
 * parameters) since they were localized; imports recorded before hold plain English text, which
 * is shown as it is (see noteText).
 */
export interface StoredImportReport {
  unmatched: UnmatchedRow[];
  notes: Note[];
}

export class ImportStore {
  private readonly insertStmt;
  private readonly latestStmt;
  private readonly latestAllStmt;
  private readonly reportStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare(`INSERT INTO imports (dataset, version, file_name, checksum, imported_at, rows_read,
        rows_matched, rows_unmatched, report)
      VALUES (@dataset, @version, @fileName, @checksum, @importedAt, @rowsRead, @rowsMatched, @rowsUnmatched, @report)`);
    this.latestStmt = db.prepare<[string], Row>(
      `SELECT id, dataset, version, file_name, checksum, imported_at, rows_read, rows_matched, rows_unmatched
       FROM imports WHERE dataset = ? ORDER BY id DESC LIMIT 1`,
    );
    this.latestAllStmt = db.prepare<[], Row>(
      `SELECT id, dataset, version, file_name, checksum, imported_at, rows_read, rows_matched, rows_unmatched
       FROM imports WHERE id IN (SELECT max(id) FROM imports GROUP BY dataset) ORDER BY dataset`,
    );
    this.reportStmt = db.prepare<[number], { report: string | null }>(`SELECT report FROM imports WHERE id = ?`);
  }

  record(entry: NewImport): void {
    this.insertStmt.run({ ...entry, report: JSON.stringify(entry.report) });
  }

  latest(dataset: string): ImportRecord | undefined {
    const row = this.latestStmt.get(dataset);
    return row && toRecord(row);
  }

  /** The version a queued import or roster is proposed against: the newest import's id (0 before any). */
  version(dataset: string): number {
    return this.latest(dataset)?.id ?? 0;
  }

  /** The notes and unplaced rows an import stored, or undefined when it stored none. */
  report(id: number): StoredImportReport | undefined {
    const text = this.reportStmt.get(id)?.report;
    if (!text) return undefined;
    const stored = JSON.parse(text) as Partial<StoredImportReport>;
    return { unmatched: stored.unmatched ?? [], notes: stored.notes ?? [] };
  }

  /** The newest import of every dataset. */
  latestOfEach(): ImportRecord[] {
    return this.latestAllStmt.all().map(toRecord);
  }
}
