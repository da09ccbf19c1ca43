import type { Db } from '../db/open.ts';
import type { Community } from '../domain/community.ts';

/** One row of the append-only position history. */
export interface PositionHistoryEntry {
  id: number;
  positionId: number;
  officeId: number;
  topic: string;
  slot: string;
  action: 'created' | 'changed' | 'retired';
  oldValue: string | null;
  newValue: string | null;
  oldDetail: string | null;
  newDetail: string | null;
  oldEffectiveDate: string | null;
  newEffectiveDate: string | null;
  oldDocumentUrl: string | null;
  newDocumentUrl: string | null;
  sourceUrl: string | null;
  sourceTitle: string;
  by: string;
  at: string;
  community: Community | null;
  /** The change this row undoes ('c12', 'p57'). */
  reverts: string | null;
}

interface Row {
  id: number;
  position_id: number;
  office_id: number;
  topic: string;
  slot: string;
  action: string;
  old_value: string | null;
  new_value: string | null;
  old_detail: string | null;
  new_detail: string | null;
  old_effective_date: string | null;
  new_effective_date: string | null;
  old_document_url: string | null;
  new_document_url: string | null;
  source_url: string | null;
  source_title: string;
  changed_by: string;
  changed_at: string;
  platform: string | null;
  workspace_id: string | null;
  workspace_name: string | null;
  reverts: string | null;
}

function toEntry(row: Row): PositionHistoryEntry {
  return {
    id: row.id,
    positionId: row.position_id,
    officeId: row.office_id,
    topic: row.topic,
    slot: row.slot,
    action: row.action as PositionHistoryEntry['action'],
    oldValue: row.old_value,
    newValue: row.new_value,
    oldDetail: row.old_detail,
    newDetail: row.new_detail,
    oldEffectiveDate: row.old_effective_date,
    newEffectiveDate: row.new_effective_date,
    oldDocumentUrl: row.old_document_url,
    newDocumentUrl: row.new_document_url,
    sourceUrl: row.source_url,
    sourceTitle: row.source_title,
    by: row.changed_by,
    at: row.changed_at,
    community: row.platform ? { platform: row.platform, workspaceId: row.workspace_id, workspaceName: row.workspace_name } : null,
    reverts: row.reverts,
  };
}

/**
 * Reads position history; rows are written only by PositionStore.record/retire, in the same
 * transaction as the change. There is deliberately no update or delete (triggers forbid them too).
 */
export class PositionHistoryStore {
  private readonly forOfficeStmt;
  private readonly versionStmt;
  private readonly sinceStmt;
  private readonly byIdStmt;
  private readonly byAuthorStmt;
  private readonly byCommunityStmt;
  private readonly siblingsStmt;
  private readonly revertedStmt;

  constructor(db: Db) {
    this.forOfficeStmt = db.prepare<[number], Row>(`SELECT * FROM position_history WHERE office_id = ? ORDER BY id DESC`);
    this.versionStmt = db.prepare<[number, string], { version: number | null }>(
      `SELECT max(id) AS version FROM position_history WHERE office_id = ? AND topic = ?`,
    );
    this.sinceStmt = db.prepare<[number], Row>(`SELECT * FROM position_history WHERE id > ? ORDER BY id`);
    this.byIdStmt = db.prepare<[number], Row>(`SELECT * FROM position_history WHERE id = ?`);
    this.byAuthorStmt = db.prepare<[string, string], Row>(`SELECT * FROM position_history WHERE changed_by = ? AND changed_at >= ? ORDER BY id`);
    this.byCommunityStmt = db.prepare<[string, string, string], Row>(
      `SELECT * FROM position_history WHERE platform = ? AND workspace_id = ? AND changed_at >= ? ORDER BY id`,
    );
    this.siblingsStmt = db.prepare<[number, string, string, string], Row>(
      `SELECT * FROM position_history WHERE office_id = ? AND topic = ? AND changed_by = ? AND changed_at = ? ORDER BY id`,
    );
    this.revertedStmt = db.prepare<[string], { id: number }>(`SELECT id FROM position_history WHERE reverts = ? LIMIT 1`);
  }

  byId(id: number): PositionHistoryEntry | undefined {
    const row = this.byIdStmt.get(id);
    return row && toEntry(row);
  }

  /** One author's changes at or after an instant, oldest first. */
  byAuthorSince(by: string, since: string): PositionHistoryEntry[] {
    return this.byAuthorStmt.all(by, since).map(toEntry);
  }

  /** One server's or workspace's changes at or after an instant, oldest first. */
  byCommunitySince(platform: string, workspaceId: string, since: string): PositionHistoryEntry[] {
    return this.byCommunityStmt.all(platform, workspaceId, since).map(toEntry);
  }

  /** The rows one command wrote for an office and topic (e.g. '287g none' also ends each agreement). */
  siblings(entry: PositionHistoryEntry): PositionHistoryEntry[] {
    return this.siblingsStmt.all(entry.officeId, entry.topic, entry.by, entry.at).map(toEntry);
  }

  /** The row that reverted `ref` ('c12', 'p57'), if any. */
  revertOf(ref: string): number | undefined {
    return this.revertedStmt.get(ref)?.id;
  }

  /** Every change to an office's positions, newest first. */
  forOffice(officeId: number): PositionHistoryEntry[] {
    return this.forOfficeStmt.all(officeId).map(toEntry);
  }

  /**
   * The version of an office's record on a topic: the id of its newest history row, 0 when
   * nothing was ever recorded. Every change to any of the topic's positions raises it.
   */
  topicVersion(officeId: number, topic: string): number {
    return this.versionStmt.get(officeId, topic)?.version ?? 0;
  }

  /** Rows appended after a given id, oldest first (e.g. what one import wrote). */
  since(id: number): PositionHistoryEntry[] {
    return this.sinceStmt.all(id).map(toEntry);
  }
}
