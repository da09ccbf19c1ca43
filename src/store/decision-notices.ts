import type { Db } from '../db/open.ts';

/** Where a proposal's decision is told: the channel it was proposed in. */
export interface NoticeTarget {
  platform: string;
  workspaceId: string;
  channelId: string;
}

export interface DecisionNotice extends NoticeTarget {
  pendingId: number;
  status: 'queued' | 'sending' | 'sent' | 'failed';
  attempts: number;
  nextAttemptAt: string;
  detail: string | null;
}

interface Row {
  pending_id: number;
  platform: string;
  workspace_id: string;
  channel_id: string;
  status: DecisionNotice['status'];
  attempts: number;
  next_attempt_at: string;
  detail: string | null;
}

const toNotice = (r: Row): DecisionNotice => ({
  pendingId: r.pending_id,
  platform: r.platform,
  workspaceId: r.workspace_id,
  channelId: r.channel_id,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  detail: r.detail,
});

/**
 * The outbox of decisions told to proposers: one row per proposal, written with the decision
 * (PendingChangeStore.decide), claimed before each attempt so two processes never both send it.
 */
export class DecisionNoticeStore {
  private readonly dueStmt;
  private readonly byIdStmt;
  private readonly claimStmt;
  private readonly sentStmt;
  private readonly retryStmt;
  private readonly failedStmt;
  private readonly staleStmt;

  constructor(db: Db) {
    const columns = 'pending_id, platform, workspace_id, channel_id, status, attempts, next_attempt_at, detail';
    this.dueStmt = db.prepare<[string, string, number], Row>(`SELECT ${columns} FROM decision_notices
      WHERE status = 'queued' AND next_attempt_at <= ? AND platform IN (SELECT value FROM json_each(?))
      ORDER BY next_attempt_at, pending_id LIMIT ?`);
    this.byIdStmt = db.prepare<[number], Row>(`SELECT ${columns} FROM decision_notices WHERE pending_id = ?`);
    this.claimStmt = db.prepare<[string, number]>(`UPDATE decision_notices SET status = 'sending', attempted_at = ?
      WHERE pending_id = ? AND status = 'queued'`);
    this.sentStmt = db.prepare<[string | null, string, number]>(`UPDATE decision_notices SET status = 'sent', message_id = ?,
        finished_at = ?, attempts = attempts + 1, detail = NULL WHERE pending_id = ? AND status = 'sending'`);
    this.retryStmt = db.prepare<[string, string, number]>(`UPDATE decision_notices SET status = 'queued', attempts = attempts + 1,
        next_attempt_at = ?, detail = ? WHERE pending_id = ? AND status = 'sending'`);
    this.failedStmt = db.prepare<[string, string, number]>(`UPDATE decision_notices SET status = 'failed', attempts = attempts + 1,
        finished_at = ?, detail = ? WHERE pending_id = ? AND status = 'sending'`);
    // A process that stopped mid-send: the attempt counts as failed and is tried again.
    this.staleStmt = db.prepare<[string, string]>(`UPDATE decision_notices SET status = 'queued', attempts = attempts + 1,
        next_attempt_at = ?, detail = 'interrupted while sending' WHERE status = 'sending' AND attempted_at < ?`);
  }

  /** Queued notices on these platforms whose next attempt is due at `now`, oldest first. */
  due(now: string, platforms: readonly string[], limit = 50): DecisionNotice[] {
    return this.dueStmt.all(now, JSON.stringify(platforms), limit).map(toNotice);
  }

  byId(pendingId: number): DecisionNotice | undefined {
    const row = this.byIdStmt.get(pendingId);
    return row && toNotice(row);
  }

  /** Takes a queued notice for one attempt; false when another process has it or it is done. */
  claim(pendingId: number, at: string): boolean {
    return this.claimStmt.run(at, pendingId).changes === 1;
  }

  sent(pendingId: number, messageId: string | null, at: string): void {
    this.sentStmt.run(messageId, at, pendingId);
  }

  retry(pendingId: number, nextAttemptAt: string, detail: string): void {
    this.retryStmt.run(nextAttemptAt, detail, pendingId);
  }

  failed(pendingId: number, at: string, detail: string): void {
    this.failedStmt.run(at, detail, pendingId);
  }

  /** Sends left 'sending' since before `olderThan` (a stopped process) are queued again for `at`. */
  requeueStale(at: string, olderThan: string): number {
    return this.staleStmt.run(at, olderThan).changes;
  }
}
