import type { Db } from '../db/open.ts';
import type { Community } from '../domain/community.ts';
import type { NoticeTarget } from './decision-notices.ts';

export type PendingKind =
  | 'position_set' | 'position_retire' | 'holder_set' | 'holder_retire' | 'ice_import'
  | 'election_add' | 'election_change' | 'election_cancel'
  | 'meeting_add' | 'meeting_change' | 'meeting_occurrence' | 'meeting_cancel';
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
  /** Where it was proposed; null on proposals made before the trust model. */
  community: Community | null;
  /** The channel it was proposed in, where its decision is told. */
  channelId: string | null;
  /** An editor's own change waiting for another editor (REQUIRE_REVIEW), or a proposal from anyone else. */
  byEditor: boolean;
}

export interface Redaction {
  reason: string | null;
  by: string;
  byName: string;
  community: Community | null;
  at: string;
}

export interface PendingChange extends Omit<NewPendingChange, 'file'> {
  id: number;
  hasFile: boolean;
  decision: null | { decision: Decision; note: string | null; by: string; byName: string; at: string };
  redaction: Redaction | null;
}

interface Row {
  id: number;
  kind: string;
  jurisdiction_fips: string | null;
  office_id: number | null;
  summary: string | null;
  payload: string | null;
  has_file: number;
  expected_version: number;
  requested_by: string;
  requested_by_name: string | null;
  requested_at: string;
  decision: string | null;
  note: string | null;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: string | null;
  platform: string | null;
  workspace_id: string | null;
  workspace_name: string | null;
  channel_id: string | null;
  by_editor: number;
  reason: string | null;
  redacted_by: string | null;
  redacted_by_name: string | null;
  r_platform: string | null;
  r_workspace_id: string | null;
  r_workspace_name: string | null;
  redacted_at: string | null;
}

const community = (platform: string | null, workspaceId: string | null, workspaceName: string | null): Community | null =>
  platform ? { platform, workspaceId, workspaceName } : null;

const SELECT = `SELECT c.id, c.kind, c.jurisdiction_fips, c.office_id, t.summary, t.payload, t.file IS NOT NULL AS has_file,
    c.expected_version, c.requested_by, t.requested_by_name, c.requested_at,
    d.decision, d.note, d.decided_by, d.decided_by_name, d.decided_at,
    c.platform, c.workspace_id, c.workspace_name, c.channel_id, c.by_editor,
    r.reason, r.redacted_by, r.redacted_by_name, r.platform AS r_platform, r.workspace_id AS r_workspace_id,
    r.workspace_name AS r_workspace_name, r.redacted_at
  FROM pending_changes c LEFT JOIN pending_texts t ON t.pending_id = c.id
    LEFT JOIN pending_decisions d ON d.pending_id = c.id
    LEFT JOIN pending_redactions r ON r.pending_id = c.id`;

function toPending(row: Row): PendingChange {
  return {
    id: row.id,
    kind: row.kind as PendingKind,
    jurisdictionFips: row.jurisdiction_fips,
    officeId: row.office_id,
    // A redacted proposal has no text left: only its kind and place, which are not the proposer's words.
    summary: row.summary ?? '',
    payload: row.payload === null ? { kind: row.kind, fips: row.jurisdiction_fips, redacted: true } : JSON.parse(row.payload),
    hasFile: row.has_file === 1,
    expectedVersion: row.expected_version,
    requestedBy: row.requested_by,
    requestedByName: row.requested_by_name ?? '',
    requestedAt: row.requested_at,
    decision: row.decision
      ? { decision: row.decision as Decision, note: row.note, by: row.decided_by!, byName: row.decided_by_name!, at: row.decided_at! }
      : null,
    community: community(row.platform, row.workspace_id, row.workspace_name),
    channelId: row.channel_id,
    byEditor: row.by_editor === 1,
    redaction: row.redacted_at
      ? {
          reason: row.reason,
          by: row.redacted_by!,
          byName: row.redacted_by_name!,
          community: community(row.r_platform, row.r_workspace_id, row.r_workspace_name),
          at: row.redacted_at,
        }
      : null,
  };
}

/**
 * The review queue. Proposals, decisions and redactions are append-only (triggers forbid UPDATE
 * and DELETE): a change is proposed once and decided once; its status is whether a decision
 * exists. Its text sits in pending_texts, whose row only a logged redaction may delete.
 */
export class PendingChangeStore {
  private readonly insertStmt;
  private readonly insertTextStmt;
  private readonly decideStmt;
  private readonly queueNoticeStmt;
  private readonly byIdStmt;
  private readonly openStmt;
  private readonly byJurisdictionStmt;
  private readonly fileStmt;
  private readonly redactStmt;
  private readonly logRedactionStmt;
  private readonly countSinceStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare<unknown[], { id: number }>(`INSERT INTO pending_changes (kind, jurisdiction_fips, office_id,
        expected_version, requested_by, requested_at, platform, workspace_id, workspace_name, channel_id, by_editor)
      VALUES (@kind, @jurisdictionFips, @officeId, @expectedVersion, @requestedBy, @requestedAt, @platform, @workspaceId,
        @workspaceName, @channelId, @byEditor) RETURNING id`);
    this.insertTextStmt = db.prepare(`INSERT INTO pending_texts (pending_id, summary, payload, file, requested_by_name)
      VALUES (@id, @summary, @payload, @file, @requestedByName)`);
    this.decideStmt = db.prepare(`INSERT INTO pending_decisions (pending_id, decision, note, decided_by, decided_by_name, decided_at)
      VALUES (@id, @decision, @note, @by, @byName, @at) ON CONFLICT (pending_id) DO NOTHING`);
    this.queueNoticeStmt = db.prepare(`INSERT INTO decision_notices (pending_id, platform, workspace_id, channel_id, status, next_attempt_at)
      VALUES (@id, @platform, @workspaceId, @channelId, 'queued', @at) ON CONFLICT (pending_id) DO NOTHING`);
    this.byIdStmt = db.prepare<[number], Row>(`${SELECT} WHERE c.id = ?`);
    this.openStmt = db.prepare<[], Row>(`${SELECT} WHERE d.pending_id IS NULL ORDER BY c.id`);
    this.byJurisdictionStmt = db.prepare<[string], Row>(`${SELECT} WHERE c.jurisdiction_fips = ? ORDER BY c.id DESC`);
    this.fileStmt = db.prepare<[number], { file: Buffer | null }>(`SELECT file FROM pending_texts WHERE pending_id = ?`);
    // The proposal row keeps its kind and place, so it still reads as "a proposal for Travis County".
    this.redactStmt = db.prepare<[number]>(`DELETE FROM pending_texts WHERE pending_id = ?`);
    this.logRedactionStmt = db.prepare(`INSERT INTO pending_redactions (pending_id, reason, redacted_by, redacted_by_name,
        platform, workspace_id, workspace_name, redacted_at)
      VALUES (@id, @reason, @by, @byName, @platform, @workspaceId, @workspaceName, @at)`);
    this.countSinceStmt = db.prepare<[string, string], { at: string }>(
      `SELECT requested_at AS at FROM pending_changes WHERE requested_by = ? AND requested_at > ? ORDER BY requested_at`,
    );
  }

  /**
   * Removes a proposal's text (its summary, the proposer's name and the values it carried) and
   * logs who did it and why, in one transaction; false when it was already redacted.
   */
  redact(id: number, redaction: Redaction): boolean {
    const db = this.redactStmt.database;
    return db.transaction(() => {
      const row = this.byId(id);
      if (!row || row.redaction) return false;
      this.logRedactionStmt.run({
        id,
        reason: redaction.reason,
        by: redaction.by,
        byName: redaction.byName,
        platform: redaction.community?.platform ?? null,
        workspaceId: redaction.community?.workspaceId ?? null,
        workspaceName: redaction.community?.workspaceName ?? null,
        at: redaction.at,
      });
      this.redactStmt.run(id);
      return true;
    })();
  }

  /** When an author proposed changes after an instant, oldest first (the proposal limit). */
  proposedSince(requestedBy: string, since: string): string[] {
    return this.countSinceStmt.all(requestedBy, since).map((r) => r.at);
  }

  add(change: NewPendingChange): number {
    const { community: where, summary, payload, file, requestedByName, ...rest } = change;
    return this.insertStmt.database.transaction(() => {
      const { id } = this.insertStmt.get({
        ...rest,
        platform: where?.platform ?? null,
        workspaceId: where?.workspaceId ?? null,
        workspaceName: where?.workspaceName ?? null,
        byEditor: change.byEditor ? 1 : 0,
      })!;
      this.insertTextStmt.run({ id, summary, requestedByName, payload: JSON.stringify(payload), file: file ? Buffer.from(file) : null });
      return id;
    })();
  }

  /**
   * Records the one decision on a change; false when it was already decided. With `tell`, the
   * notice to the proposer is queued in the same transaction (the outbox sends and retries it).
   */
  decide(id: number, decision: { decision: Decision; note: string | null; by: string; byName: string; at: string }, tell?: NoticeTarget): boolean {
    return this.decideStmt.database.transaction(() => {
      if (this.decideStmt.run({ id, ...decision }).changes !== 1) return false;
      if (tell) this.queueNoticeStmt.run({ id, ...tell, at: decision.at });
      return true;
    })();
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
