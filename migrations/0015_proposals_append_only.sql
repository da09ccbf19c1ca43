-- rebuilds tables: foreign keys off while it runs
-- Proposals become fully append-only, elections and meetings can be proposed too, and the
-- decision told to a proposer is kept in an outbox until it is posted (README, "Editors,
-- community managers, proposals").

-- A proposal's text (what it says, the proposer's display name, the values and file it carries)
-- lives beside the proposal, so redacting it deletes that one row and pending_changes is never
-- updated. A text row may only be deleted once its redaction is logged.
CREATE TABLE pending_texts (
  pending_id         INTEGER PRIMARY KEY REFERENCES pending_changes (id),
  summary            TEXT NOT NULL,
  payload            TEXT NOT NULL,
  file               BLOB,
  requested_by_name  TEXT NOT NULL
);
INSERT INTO pending_texts (pending_id, summary, payload, file, requested_by_name)
  SELECT id, summary, payload, file, requested_by_name FROM pending_changes WHERE redacted_at IS NULL;

-- pending_changes is rebuilt without its text and with the new kinds (SQLite cannot change a
-- CHECK in place). Decisions and redactions point at it by id and keep working: the copy keeps
-- every id, and the foreign keys are checked before this migration commits.
CREATE TABLE pending_changes_new (
  id                 INTEGER PRIMARY KEY,
  kind               TEXT NOT NULL CHECK (kind IN (
                       'position_set', 'position_retire', 'holder_set', 'holder_retire', 'ice_import',
                       'election_add', 'election_change', 'election_cancel',
                       'meeting_add', 'meeting_change', 'meeting_occurrence', 'meeting_cancel')),
  jurisdiction_fips  TEXT REFERENCES jurisdictions (fips),
  office_id          INTEGER REFERENCES offices (id),
  expected_version   INTEGER NOT NULL,
  requested_by       TEXT NOT NULL,
  requested_at       TEXT NOT NULL,
  platform           TEXT,
  workspace_id       TEXT,
  workspace_name     TEXT,
  channel_id         TEXT,
  by_editor          INTEGER NOT NULL DEFAULT 1
);
INSERT INTO pending_changes_new (id, kind, jurisdiction_fips, office_id, expected_version, requested_by, requested_at,
    platform, workspace_id, workspace_name, channel_id, by_editor)
  SELECT id, kind, jurisdiction_fips, office_id, expected_version, requested_by, requested_at,
    platform, workspace_id, workspace_name, channel_id, by_editor FROM pending_changes;
DROP TABLE pending_changes;
ALTER TABLE pending_changes_new RENAME TO pending_changes;
CREATE INDEX pending_changes_jurisdiction ON pending_changes (jurisdiction_fips, id);
CREATE INDEX pending_changes_author ON pending_changes (requested_by, requested_at);
CREATE TRIGGER pending_changes_no_update BEFORE UPDATE ON pending_changes
  BEGIN SELECT RAISE(ABORT, 'pending_changes is append-only'); END;
CREATE TRIGGER pending_changes_no_delete BEFORE DELETE ON pending_changes
  BEGIN SELECT RAISE(ABORT, 'pending_changes is append-only'); END;

CREATE TRIGGER pending_texts_no_update BEFORE UPDATE ON pending_texts
  BEGIN SELECT RAISE(ABORT, 'pending_texts is append-only (a redaction deletes the row)'); END;
CREATE TRIGGER pending_texts_delete_only_redacted BEFORE DELETE ON pending_texts
  WHEN NOT EXISTS (SELECT 1 FROM pending_redactions WHERE pending_id = OLD.pending_id)
  BEGIN SELECT RAISE(ABORT, 'pending_texts: only a logged redaction removes a proposal''s text'); END;

-- The decision on a proposal, told where it was proposed: one row per proposal (written with the
-- decision), sent and retried with backoff until posted or given up.
CREATE TABLE decision_notices (
  pending_id       INTEGER PRIMARY KEY REFERENCES pending_changes (id),
  platform         TEXT NOT NULL,
  workspace_id     TEXT NOT NULL,
  channel_id       TEXT NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  TEXT NOT NULL,
  attempted_at     TEXT,
  finished_at      TEXT,
  message_id       TEXT,
  detail           TEXT
);
CREATE INDEX decision_notices_due ON decision_notices (status, next_attempt_at);
