-- One shared record that only editors change; everyone else proposes (README, "Editors,
-- community managers, proposals"). Every change and proposal says which community it came from
-- (platform, server/workspace id, and that server's name when the change was made), reverts are
-- changes that name the change they undo, and editors can redact abusive proposal text.

-- The community of each change; NULL on rows written before this migration except the platform,
-- which the author id already carried ('discord:…', 'slack:…', 'console:…', 'import:…').
ALTER TABLE change_log ADD COLUMN platform TEXT;
ALTER TABLE change_log ADD COLUMN workspace_id TEXT;
ALTER TABLE change_log ADD COLUMN workspace_name TEXT;
-- The change this row undoes: 'c<change_log id>' or 'p<position_history id>'.
ALTER TABLE change_log ADD COLUMN reverts TEXT;
ALTER TABLE position_history ADD COLUMN platform TEXT;
ALTER TABLE position_history ADD COLUMN workspace_id TEXT;
ALTER TABLE position_history ADD COLUMN workspace_name TEXT;
ALTER TABLE position_history ADD COLUMN reverts TEXT;

-- Both tables are append-only; the backfill lifts the guard for this one statement each.
DROP TRIGGER change_log_no_update;
UPDATE change_log SET platform = substr(changed_by, 1, instr(changed_by, ':') - 1) WHERE instr(changed_by, ':') > 1;
CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
  BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
DROP TRIGGER position_history_no_update;
UPDATE position_history SET platform = substr(changed_by, 1, instr(changed_by, ':') - 1) WHERE instr(changed_by, ':') > 1;
CREATE TRIGGER position_history_no_update BEFORE UPDATE ON position_history
  BEGIN SELECT RAISE(ABORT, 'position_history is append-only'); END;

CREATE INDEX change_log_author ON change_log (changed_by, changed_at);
CREATE INDEX change_log_community ON change_log (platform, workspace_id, changed_at);
CREATE INDEX position_history_author ON position_history (changed_by, changed_at);
CREATE INDEX position_history_community ON position_history (platform, workspace_id, changed_at);

-- Where a proposal came from, so the decision can be told there (the interaction token expires
-- after 15 minutes). Proposals made before this migration keep NULL and stay pending for editors.
ALTER TABLE pending_changes ADD COLUMN platform TEXT;
ALTER TABLE pending_changes ADD COLUMN workspace_id TEXT;
ALTER TABLE pending_changes ADD COLUMN workspace_name TEXT;
ALTER TABLE pending_changes ADD COLUMN channel_id TEXT;
-- 1 when an editor made it (REQUIRE_REVIEW), 0 for a proposal from someone who is not an editor.
ALTER TABLE pending_changes ADD COLUMN by_editor INTEGER NOT NULL DEFAULT 1;
ALTER TABLE pending_changes ADD COLUMN redacted_at TEXT;

-- A proposal stays append-only except for one thing: an editor may blank its text once
-- (summary, payload, proposer's name), and that redaction is logged below.
DROP TRIGGER pending_changes_no_update;
CREATE TRIGGER pending_changes_no_update BEFORE UPDATE ON pending_changes
  WHEN OLD.redacted_at IS NOT NULL OR NEW.redacted_at IS NULL
    OR NEW.id IS NOT OLD.id OR NEW.kind IS NOT OLD.kind OR NEW.jurisdiction_fips IS NOT OLD.jurisdiction_fips
    OR NEW.office_id IS NOT OLD.office_id OR NEW.expected_version IS NOT OLD.expected_version
    OR NEW.requested_by IS NOT OLD.requested_by OR NEW.requested_at IS NOT OLD.requested_at
    OR NEW.platform IS NOT OLD.platform OR NEW.workspace_id IS NOT OLD.workspace_id
    OR NEW.channel_id IS NOT OLD.channel_id OR NEW.by_editor IS NOT OLD.by_editor
  BEGIN SELECT RAISE(ABORT, 'pending_changes is append-only (only a redaction may blank its text)'); END;

CREATE TABLE pending_redactions (
  pending_id       INTEGER PRIMARY KEY REFERENCES pending_changes (id),
  reason           TEXT,
  redacted_by      TEXT NOT NULL,
  redacted_by_name TEXT NOT NULL,
  platform         TEXT,
  workspace_id     TEXT,
  workspace_name   TEXT,
  redacted_at      TEXT NOT NULL
);
CREATE TRIGGER pending_redactions_no_update BEFORE UPDATE ON pending_redactions
  BEGIN SELECT RAISE(ABORT, 'pending_redactions is append-only'); END;
CREATE TRIGGER pending_redactions_no_delete BEFORE DELETE ON pending_redactions
  BEGIN SELECT RAISE(ABORT, 'pending_redactions is append-only'); END;

CREATE INDEX pending_changes_author ON pending_changes (requested_by, requested_at);
