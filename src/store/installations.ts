import type { Db } from '../db/open.ts';

/** A workspace's installation as stored (see migrations/0017_installations.sql); `sealed` is opaque here. */
export interface InstallationRecord {
  platform: string;
  workspaceId: string;
  workspaceName: string | null;
  enterpriseId: string | null;
  installerId: string | null;
  installedAt: string;
  updatedAt: string;
  /** The sealed installation (tokens inside); null once removed. */
  sealed: Buffer | null;
  removedAt: string | null;
  removedReason: string | null;
}

interface Row {
  platform: string;
  workspace_id: string;
  workspace_name: string | null;
  enterprise_id: string | null;
  installer_id: string | null;
  installed_at: string;
  updated_at: string;
  sealed: Buffer | null;
  removed_at: string | null;
  removed_reason: string | null;
}

const toRecord = (row: Row): InstallationRecord => ({
  platform: row.platform,
  workspaceId: row.workspace_id,
  workspaceName: row.workspace_name,
  enterpriseId: row.enterprise_id,
  installerId: row.installer_id,
  installedAt: row.installed_at,
  updatedAt: row.updated_at,
  sealed: row.sealed,
  removedAt: row.removed_at,
  removedReason: row.removed_reason,
});

/** Installations through a platform's OAuth flow; the core never opens `sealed` (the adapter does). */
export class InstallationStore {
  private readonly saveStmt;
  private readonly getStmt;
  private readonly removeStmt;

  constructor(db: Db) {
    // A reinstall replaces the tokens and the installer, and keeps when it was first installed.
    this.saveStmt = db.prepare(`INSERT INTO installations (platform, workspace_id, workspace_name, enterprise_id, installer_id,
        installed_at, updated_at, sealed, removed_at, removed_reason)
      VALUES (@platform, @workspaceId, @workspaceName, @enterpriseId, @installerId, @at, @at, @sealed, NULL, NULL)
      ON CONFLICT (platform, workspace_id) DO UPDATE SET workspace_name = excluded.workspace_name, enterprise_id = excluded.enterprise_id,
        installer_id = excluded.installer_id, updated_at = excluded.updated_at, sealed = excluded.sealed, removed_at = NULL, removed_reason = NULL,
        installed_at = CASE WHEN installations.removed_at IS NULL THEN installations.installed_at ELSE excluded.installed_at END`);
    this.getStmt = db.prepare<[string, string], Row>('SELECT * FROM installations WHERE platform = ? AND workspace_id = ?');
    this.removeStmt = db.prepare<[string, string, string, string, string]>(`UPDATE installations
      SET sealed = NULL, removed_at = ?, removed_reason = ?, updated_at = ? WHERE platform = ? AND workspace_id = ? AND removed_at IS NULL`);
  }

  save(entry: { platform: string; workspaceId: string; workspaceName: string | null; enterpriseId: string | null; installerId: string | null; sealed: Buffer; at: string }): void {
    this.saveStmt.run(entry);
  }

  /** The workspace's installation, removed or not. */
  get(platform: string, workspaceId: string): InstallationRecord | undefined {
    const row = this.getStmt.get(platform, workspaceId);
    return row && toRecord(row);
  }

  /** Forgets the tokens (uninstalled, revoked); false when there were none. */
  remove(platform: string, workspaceId: string, reason: string, at: string): boolean {
    return this.removeStmt.run(at, reason, at, platform, workspaceId).changes > 0;
  }
}
