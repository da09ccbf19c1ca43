import type { Db } from '../db/open.ts';
import type { Language } from '../i18n/index.ts';

export interface LanguageScope {
  platform: 'discord' | 'slack' | 'console';
  workspaceId: string;
  /** '' for the whole server/workspace. */
  channelId: string;
}

/** Languages chosen per server/workspace and per channel. */
export class LanguageSettingsStore {
  private readonly getStmt;
  private readonly setStmt;

  constructor(db: Db) {
    // The channel's own row sorts before the workspace row ('' is the smallest channel id).
    this.getStmt = db.prepare<[string, string, string], { language: Language }>(
      `SELECT language FROM language_settings WHERE platform = ? AND workspace_id = ? AND channel_id IN (?, '')
       ORDER BY channel_id DESC LIMIT 1`,
    );
    this.setStmt = db.prepare(`INSERT INTO language_settings (platform, workspace_id, channel_id, language, set_by, set_at)
      VALUES (@platform, @workspaceId, @channelId, @language, @by, @at)
      ON CONFLICT (platform, workspace_id, channel_id) DO UPDATE SET language = excluded.language,
        set_by = excluded.set_by, set_at = excluded.set_at`);
  }

  /** The channel's language, else the workspace's, else undefined. */
  get(scope: LanguageScope): Language | undefined {
    return this.getStmt.get(scope.platform, scope.workspaceId, scope.channelId)?.language;
  }

  set(scope: LanguageScope, language: Language, by: string, at: string): void {
    this.setStmt.run({ ...scope, language, by, at });
  }
}
