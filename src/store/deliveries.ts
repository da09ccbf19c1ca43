import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open.ts';

export type DeliveryStatus = 'claimed' | 'sending' | 'sent' | 'retry' | 'skipped' | 'failed' | 'uncertain';

/** One row of the delivery ledger: (subscription, event occurrence, lead) is unique. */
/** Rows per multi-row insert (10 values each, well under SQLite's parameter limit). */
const BATCH_ROWS = 100;

export interface Delivery {
  id: number;
  subscriptionId: number;
  occurrenceKey: string;
  lead: string;
  platform: string;
  channelId: string;
  dueAt: string;
  status: DeliveryStatus;
  late: boolean;
  attempts: number;
  claimedAt: string;
  attemptedAt: string | null;
  nextAttemptAt: string | null;
  finishedAt: string | null;
  messageId: string | null;
  detail: string | null;
}

/** What the planner decided for one (subscription, occurrence, lead). */
export interface LedgerEntry {
  subscriptionId: number;
  occurrenceKey: string;
  lead: string;
  platform: string;
  channelId: string;
  dueAt: string;
  late: boolean;
}

interface Row {
  id: number;
  subscription_id: number;
  occurrence_key: string;
  lead: string;
  platform: string;
  channel_id: string;
  due_at: string;
  status: string;
  late: number;
  attempts: number;
  claimed_at: string;
  attempted_at: string | null;
  next_attempt_at: string | null;
  finished_at: string | null;
  message_id: string | null;
  detail: string | null;
}

const COLUMNS = `id, subscription_id, occurrence_key, lead, platform, channel_id, due_at, status, late, attempts, claimed_at,
  attempted_at, next_attempt_at, finished_at, message_id, detail`;

function toDelivery(row: Row): Delivery {
  return {
    id: row.id,
    subscriptionId: row.subscription_id,
    occurrenceKey: row.occurrence_key,
    lead: row.lead,
    platform: row.platform,
    channelId: row.channel_id,
    dueAt: row.due_at,
    status: row.status as DeliveryStatus,
    late: row.late === 1,
    attempts: row.attempts,
    claimedAt: row.claimed_at,
    attemptedAt: row.attempted_at,
    nextAttemptAt: row.next_attempt_at,
    finishedAt: row.finished_at,
    messageId: row.message_id,
    detail: row.detail,
  };
}

/**
 * The delivery ledger and the scheduler's watermarks. Rows are inserted once (a second
 * insert of the same key is ignored: the UNIQUE constraint is the exactly-once guard) and
 * then only move forward: claimed → sending → sent | retry | failed | uncertain.
 */
export class DeliveryStore {
  private readonly claimStmt;
  private readonly skipStmt;
  private readonly batchStmts = new Map<string, Statement>();
  private readonly byIdStmt;
  private readonly sendingStmt;
  private readonly sentStmt;
  private readonly retryStmt;
  private readonly finishStmt;
  private readonly openStmt;
  private readonly retriesDueStmt;
  private readonly inFlightStmt;
  private readonly claimedForSubStmt;
  private readonly getStateStmt;
  private readonly setStateStmt;
  private readonly countStmt;
  private readonly allStmt;
  private readonly requeueStmt;
  private readonly ensureStateStmt;
  private readonly versionStmt;
  private readonly changesStmt;

  constructor(private readonly db: Db) {
    const insert = (status: string) => `INSERT INTO deliveries (subscription_id, occurrence_key, lead, platform, channel_id,
        due_at, status, late, claimed_at, finished_at, detail)
      VALUES (@subscriptionId, @occurrenceKey, @lead, @platform, @channelId, @dueAt, '${status}', @late, @at, @finishedAt, @detail)
      ON CONFLICT (subscription_id, occurrence_key, lead) DO NOTHING RETURNING id`;
    this.claimStmt = db.prepare<unknown[], { id: number }>(insert('claimed'));
    this.skipStmt = db.prepare<unknown[], { id: number }>(insert('skipped'));
    this.byIdStmt = db.prepare<[number], Row>(`SELECT ${COLUMNS} FROM deliveries WHERE id = ?`);
    this.sendingStmt = db.prepare<[string, number]>(`UPDATE deliveries SET status = 'sending', attempts = attempts + 1,
        attempted_at = ?, next_attempt_at = NULL WHERE id = ? AND status IN ('claimed', 'retry')`);
    this.sentStmt = db.prepare<[string | null, string, number, number]>(`UPDATE deliveries SET status = 'sent', message_id = ?,
        finished_at = ?, late = max(late, ?), detail = NULL WHERE id = ? AND status = 'sending'`);
    this.retryStmt = db.prepare<[string, string, number]>(`UPDATE deliveries SET status = 'retry', next_attempt_at = ?,
        detail = ? WHERE id = ? AND status = 'sending'`);
    this.finishStmt = db.prepare<[string, string, string | null, number]>(`UPDATE deliveries SET status = ?, finished_at = ?,
        detail = ? WHERE id = ? AND status IN ('claimed', 'sending', 'retry')`);
    this.openStmt = db.prepare<[string, number, number], Row>(`SELECT ${COLUMNS} FROM deliveries
      WHERE platform = ? AND status = 'claimed' AND id > ? ORDER BY id LIMIT ?`);
    this.retriesDueStmt = db.prepare<[string, string, number], Row>(`SELECT ${COLUMNS} FROM deliveries
      WHERE platform = ? AND status = 'retry' AND next_attempt_at <= ? ORDER BY id LIMIT ?`);
    this.inFlightStmt = db.prepare<[string], Row>(`SELECT ${COLUMNS} FROM deliveries WHERE platform = ? AND status = 'sending' ORDER BY id`);
    this.claimedForSubStmt = db.prepare<[number], { id: number }>(
      `SELECT id FROM deliveries WHERE subscription_id = ? AND status IN ('claimed', 'retry')`,
    );
    this.getStateStmt = db.prepare<[string], { value: string }>('SELECT value FROM scheduler_state WHERE name = ?');
    this.setStateStmt = db.prepare<[string, string]>(
      'INSERT INTO scheduler_state (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
    );
    this.countStmt = db.prepare<[], { status: string; late: number; n: number }>(
      'SELECT status, late, count(*) AS n FROM deliveries GROUP BY status, late',
    );
    this.allStmt = db.prepare<[], Row>(`SELECT ${COLUMNS} FROM deliveries ORDER BY id`);
    this.ensureStateStmt = db.prepare<[string, string]>('INSERT INTO scheduler_state (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING');
    this.requeueStmt = db.prepare<[number]>(`UPDATE deliveries SET status = 'claimed' WHERE id = ? AND status = 'sending'`);
    // Every write to elections, meetings and subscriptions appends to change_log; imports change
    // the rules and places computed elections come from. Both are rowid lookups.
    this.versionStmt = db.prepare<[], { change: number; imported: number }>(`SELECT
      (SELECT ifnull(max(id), 0) FROM change_log) AS change, (SELECT ifnull(max(id), 0) FROM imports) AS imported`);
    this.changesStmt = db.prepare<[number], { entity: string; entityId: number }>(
      'SELECT entity, entity_id AS entityId FROM change_log WHERE id > ? ORDER BY id',
    );
  }

  /** Records a claim; returns its id, or undefined when that key is already in the ledger. */
  claim(entry: LedgerEntry, at: string): number | undefined {
    return this.claimStmt.get({ ...entry, late: entry.late ? 1 : 0, at, finishedAt: null, detail: null })?.id;
  }

  /**
   * Records many claims (or skips, with their reasons) at once, in multi-row inserts: a busy
   * minute claims tens of thousands. Keys already in the ledger are ignored. Returns how many
   * rows were added.
   */
  claimMany(entries: readonly (LedgerEntry & { reason?: string })[], at: string, status: 'claimed' | 'skipped' = 'claimed'): number {
    let added = 0;
    for (let i = 0; i < entries.length; i += BATCH_ROWS) {
      const batch = entries.slice(i, i + BATCH_ROWS);
      const args: (string | number | null)[] = [];
      for (const e of batch) {
        args.push(e.subscriptionId, e.occurrenceKey, e.lead, e.platform, e.channelId, e.dueAt, e.late ? 1 : 0, at, status === 'skipped' ? at : null, e.reason ?? null);
      }
      added += this.batchStatement(status, batch.length).run(...args).changes;
    }
    return added;
  }

  private batchStatement(status: 'claimed' | 'skipped', rows: number): Statement {
    const key = `${status} ${rows}`;
    let statement = this.batchStmts.get(key);
    if (!statement) {
      statement = this.db.prepare(`INSERT INTO deliveries (subscription_id, occurrence_key, lead, platform, channel_id, due_at,
          late, claimed_at, finished_at, detail, status)
        VALUES ${Array.from({ length: rows }, () => `(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '${status}')`).join(', ')}
        ON CONFLICT (subscription_id, occurrence_key, lead) DO NOTHING`);
      this.batchStmts.set(key, statement);
    }
    return statement;
  }

  /** Records a reminder that will not be sent, and why. Ignored when the key is already there. */
  skip(entry: LedgerEntry, reason: string, at: string): number | undefined {
    return this.skipStmt.get({ ...entry, late: entry.late ? 1 : 0, at, finishedAt: at, detail: reason })?.id;
  }

  byId(id: number): Delivery | undefined {
    const row = this.byIdStmt.get(id);
    return row && toDelivery(row);
  }

  /** Just before the platform call. False when the row is not claimable (already being handled). */
  markSending(id: number, at: string): boolean {
    return this.sendingStmt.run(at, id).changes === 1;
  }

  markSent(id: number, messageId: string | null, at: string, late = false): void {
    this.sentStmt.run(messageId, at, late ? 1 : 0, id);
  }

  markRetry(id: number, nextAttemptAt: string, error: string): void {
    this.retryStmt.run(nextAttemptAt, error, id);
  }

  /** Ends an open row as skipped, failed or uncertain, with the reason. */
  finish(id: number, status: 'skipped' | 'failed' | 'uncertain', at: string, detail: string | null): boolean {
    return this.finishStmt.run(status, at, detail, id).changes === 1;
  }

  /** Claimed rows not yet attempted, oldest first, after `afterId`. */
  claimed(platform: string, afterId: number, limit: number): Delivery[] {
    return this.openStmt.all(platform, afterId, limit).map(toDelivery);
  }

  /** Rows waiting for another attempt whose time has come. */
  retriesDue(platform: string, now: string, limit: number): Delivery[] {
    return this.retriesDueStmt.all(platform, now, limit).map(toDelivery);
  }

  /** Rows marked 'sending' with no outcome: after a crash, whether the platform posted them is unknown. */
  inFlight(platform: string): Delivery[] {
    return this.inFlightStmt.all(platform).map(toDelivery);
  }

  /** Puts a row left 'sending' by a crash back in the queue, to be sent again with the same key. */
  requeue(id: number): boolean {
    return this.requeueStmt.run(id).changes === 1;
  }

  /** The newest change_log and imports ids: when they move, what the planner read may be stale. */
  versions(): { change: number; imported: number } {
    return this.versionStmt.get()!;
  }

  /** What changed since a change_log id (entity and id only). */
  changesSince(id: number): { entity: string; entityId: number }[] {
    return this.changesStmt.all(id);
  }

  /** Open (claimed or retrying) rows of one subscription. */
  openFor(subscriptionId: number): number[] {
    return this.claimedForSubStmt.all(subscriptionId).map((r) => r.id);
  }

  watermark(name: string): string | undefined {
    return this.getStateStmt.get(name)?.value;
  }

  /** The stored value, storing `value` first when there is none. */
  ensureState(name: string, value: string): string {
    this.ensureStateStmt.run(name, value);
    return this.watermark(name)!;
  }

  setWatermark(name: string, value: string): void {
    this.setStateStmt.run(name, value);
  }

  /** Counts by status ('sent', 'sent late', …), for reports and tests. */
  counts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const row of this.countStmt.all()) {
      const key = row.late ? `${row.status} late` : row.status;
      counts[key] = (counts[key] ?? 0) + row.n;
    }
    return counts;
  }

  all(): Delivery[] {
    return this.allStmt.all().map(toDelivery);
  }

  /** Runs `fn` in one transaction. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}
