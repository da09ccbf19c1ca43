import type { Db } from '../db/open.ts';

/** The scheduler lease (migration 0009): one statement takes or renews it, atomically. */
export class LeaseStore {
  private readonly takeStmt;
  private readonly releaseStmt;

  constructor(db: Db) {
    // Taken when free, expired, or already ours; otherwise the row is left alone (0 changes).
    this.takeStmt = db.prepare<{ name: string; holder: string; now: number; until: number; at: string }>(`
      INSERT INTO scheduler_lease (name, holder, acquired_at, expires_at) VALUES (@name, @holder, @at, @until)
      ON CONFLICT (name) DO UPDATE SET
        acquired_at = CASE WHEN holder = excluded.holder THEN acquired_at ELSE excluded.acquired_at END,
        holder = excluded.holder, expires_at = excluded.expires_at
      WHERE holder = excluded.holder OR expires_at <= @now`);
    this.releaseStmt = db.prepare<[string, string]>('DELETE FROM scheduler_lease WHERE name = ? AND holder = ?');
  }

  /** Takes or renews the lease until `until` (epoch ms); false when another holder has it. */
  take(name: string, holder: string, now: number, until: number): boolean {
    return this.takeStmt.run({ name, holder, now, until, at: new Date(now).toISOString() }).changes === 1;
  }

  release(name: string, holder: string): void {
    this.releaseStmt.run(name, holder);
  }
}
