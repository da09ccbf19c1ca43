import type { Db } from '../db/open.ts';
import type { Note } from './imports.ts';

/** One look at the publisher's current list (see migrations/0010_list_checks.sql). */
export interface ListCheck {
  id: number;
  dataset: string;
  checkedAt: string;
  outcome: 'imported' | 'unchanged' | 'failed';
  reason: Note | null;
  version: string | null;
  fileUrl: string | null;
  etag: string | null;
  lastModified: string | null;
  checksum: string | null;
}

interface Row {
  id: number;
  dataset: string;
  checked_at: string;
  outcome: ListCheck['outcome'];
  reason: string | null;
  version: string | null;
  file_url: string | null;
  etag: string | null;
  last_modified: string | null;
  checksum: string | null;
}

function toCheck(row: Row): ListCheck {
  return {
    id: row.id,
    dataset: row.dataset,
    checkedAt: row.checked_at,
    outcome: row.outcome,
    reason: row.reason === null ? null : (JSON.parse(row.reason) as Note),
    version: row.version,
    fileUrl: row.file_url,
    etag: row.etag,
    lastModified: row.last_modified,
    checksum: row.checksum,
  };
}

const COLUMNS = 'id, dataset, checked_at, outcome, reason, version, file_url, etag, last_modified, checksum';

export class ListCheckStore {
  private readonly insertStmt;
  private readonly latestStmt;
  private readonly confirmedStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare(`INSERT INTO list_checks (dataset, checked_at, outcome, reason, version, file_url, etag,
        last_modified, checksum)
      VALUES (@dataset, @checkedAt, @outcome, @reason, @version, @fileUrl, @etag, @lastModified, @checksum)`);
    this.latestStmt = db.prepare<[string], Row>(`SELECT ${COLUMNS} FROM list_checks WHERE dataset = ? ORDER BY id DESC LIMIT 1`);
    this.confirmedStmt = db.prepare<[string], Row>(
      `SELECT ${COLUMNS} FROM list_checks WHERE dataset = ? AND outcome <> 'failed' ORDER BY id DESC LIMIT 1`,
    );
  }

  record(check: Omit<ListCheck, 'id'>): ListCheck {
    const id = Number(this.insertStmt.run({ ...check, reason: check.reason === null ? null : JSON.stringify(check.reason) }).lastInsertRowid);
    return { ...check, id };
  }

  /** The newest check, whatever its outcome. */
  latest(dataset: string): ListCheck | undefined {
    const row = this.latestStmt.get(dataset);
    return row && toCheck(row);
  }

  /** The newest check that found the publisher's file (and loaded it, or found it already loaded). */
  latestConfirmed(dataset: string): ListCheck | undefined {
    const row = this.confirmedStmt.get(dataset);
    return row && toCheck(row);
  }
}
