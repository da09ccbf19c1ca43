-- One row per workspace that installed the bot through a platform's OAuth flow (Slack's "Add
-- to Slack" for a distributed app). The installation itself — its tokens included — is kept
-- only sealed (AES-256-GCM, key from the environment, see src/secrets/token-box.ts); the
-- columns beside it are what the bot needs without opening it. Uninstalling clears `sealed`
-- and keeps the row: who installed and when stays on record, like the workspace's history.
CREATE TABLE installations (
  platform TEXT NOT NULL,
  -- The workspace (Slack team id), or the organization for an org-wide install.
  workspace_id TEXT NOT NULL,
  workspace_name TEXT,
  enterprise_id TEXT,
  -- The person who installed it: a community manager of that workspace.
  installer_id TEXT,
  installed_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  sealed BLOB,
  removed_at TEXT,
  removed_reason TEXT,
  PRIMARY KEY (platform, workspace_id),
  CHECK ((sealed IS NULL) = (removed_at IS NOT NULL))
);
