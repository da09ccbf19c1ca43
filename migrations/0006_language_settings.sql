-- Reply language chosen by a moderator for a whole server/workspace (channel_id '') or one channel.
CREATE TABLE language_settings (
  platform      TEXT NOT NULL CHECK (platform IN ('discord', 'slack', 'console')),
  workspace_id  TEXT NOT NULL,
  channel_id    TEXT NOT NULL DEFAULT '',
  language      TEXT NOT NULL CHECK (language IN ('en', 'es')),
  set_by        TEXT NOT NULL,
  set_at        TEXT NOT NULL,
  PRIMARY KEY (platform, workspace_id, channel_id)
);
