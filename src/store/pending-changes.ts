import type { Db } from '../db/open.ts';

export type PendingKind = 'position_set' | 'position_retire' | 'holder_set' | 'holder_retire' | 'ice_import';
export type Decision = 'approved' | 'rejected' | 'withdrawn';

export interface NewPendingChange {
  kind: PendingKind;
  jurisdictionFips: string | null;
  officeId: number | null;
  summary: string;
  payload: unknown;
  file: Uint8Array | null;
  expectedVersion: number;
  requestedBy: string;
  requestedByName: string;
  requestedAt: string;
}

export interface PendingChange extends Omit<NewPendingChange, 'file'> {
  id: number;
  hasFile: boolean;
  decision: null | { decision: Decision; note: string | null; by: string; byName: string; at: string };
}

interface Row {
  id: number;
  kind: string;
  jurisdiction_fips: string | null;
  office_id: number | null;
  summary: string;
  payload: string;
  has_file: number;
  expected_version: number;
  requested_by: string;
  requested_by_name: string;
  requested_at: string;
  decision: string | null;
  note: string | null;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: string | null;
}

const SELECT = `SELECT c.id, c.kind, c.jurisdiction_fips, c.office_id, c.summary, c.payload, c.file IS NOT NULL AS has_file,
    c.expected_version, c.requested_by, c.requested_by_name, c.requested_at,
    d.decision, d.note, d.decided_by, d.decided_by_name, d.decided_at
  FROM pending_changes c LEFT JOIN pending_decisions d ON d.pending_id = c.id`;

function toPending(row: Row): PendingChange {
  return {
    id: row.id,
    kind: row.kind as PendingKind,
    jurisdictionFips: row.jurisdiction_fips,
    officeId: row.office_id,
    summary: row.summary,
    payload: JSON.parse(row.payload),
    hasFile: row.has_file === 1,
    expectedVersion: row.expected_version,
    requestedBy: row.requested_by,
    requestedByName: row.requested_by_name,
    requestedAt: row.requested_at,
    decision: row.decision
      ? { decision: row.decision as Decision, note: row.note, by: row.decided_by!, byName: row.decided_by_name!, at: row.decided_at! }
      : null,
  };
}

/**
 * The review queue. Both tables are append-only (triggers forbid UPDATE and DELETE): a change
 * is proposed once and decided once; its status is whether a decision exists.
 */
export class PendingChangeStore {
  private readonly insertStmt;
  private readonly decideStmt;
  private readonly byIdStmt;
  private readonly openStmt;
  private readonly byJurisdictionStmt;
  private readonly fileStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare<unknown[], { id: number }>(`INSERT INTO pending_changes (kind, jurisdiction_fips, office_id,
        summary, payload, file, expected_version, requested_by, requested_by_name, requested_at)
      VALUES (@kind, @jurisdictionFips, @officeId, @summary, @payload, @file, @expectedVersion, @requestedBy,
        @requestedByName, @requestedAt) RETURNING id`);
    this.decideStmt = db.prepare(`INSERT INTO pending_decisions (pending_id, decision, note, decided_by, decided_by_name, decided_at)
      VALUES (@id, @decision, @note, @by, @byName, @at) ON CONFLICT (pending_id) DO NOTHING`);
    this.byIdStmt = db.prepare<[number], Row>(`${SELECT} WHERE c.id = ?`);
    this.openStmt = db.prepare<[], Row>(`${SELECT} WHERE d.pending_id IS NULL ORDER BY c.id`);
    this.byJurisdictionStmt = db.prepare<[string], Row>(`${SELECT} WHERE c.jurisdiction_fips = ? ORDER BY c.id DESC`);
    this.fileStmt = db.prepare<[number], { file: Buffer | null }>(`SELECT file FROM pending_changes WHERE id = ?`);
  }

  add(change: NewPendingChange): number {
    return this.insertStmt.get({
      ...change,
      payload: JSON.stringify(change.payload),
      file: change.file ? Buffer.from(change.file) : null,
    })!.id;
  }

  /** Records the one decision on a change; false when it was already decided. */
  decide(id: number, decision: { decision: Decision; note: string | null; by: string; byName: string; at: string }): boolean {
    return this.decideStmt.run({ id, ...decision }).changes === 1;
  }

  byId(id: number): PendingChange | undefined {
    const row = this.byIdStmt.get(id);
    return row && toPending(row);
  }

  /** Undecided changes, oldest first. */
  open(): PendingChange[] {
    return this.openStmt.all().map(toPending);
  }

  /** Every change proposed for a jurisdiction, decided or not, newest first. */
  forJurisdiction(fips: string): PendingChange[] {
    return this.byJurisdictionStmt.all(fips).map(toPending);
  }

  file(id: number): Uint8Array | null {
    return this.fileStmt.get(id)?.file ?? null;
  }
}
