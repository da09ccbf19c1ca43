-- Moderators keep the record true: a fuller position history, and the review queue for the
-- two-person rule (REQUIRE_REVIEW=true).

-- What else a position change changed besides its value: an agreement's signed date and its
-- document (MOA) link, so history can say "signed 2025-05-08 → 2025-09-22". NULL on older rows.
ALTER TABLE position_history ADD COLUMN old_effective_date TEXT;
ALTER TABLE position_history ADD COLUMN new_effective_date TEXT;
ALTER TABLE position_history ADD COLUMN old_document_url TEXT;
ALTER TABLE position_history ADD COLUMN new_document_url TEXT;

-- A moderator's change waiting for another moderator. Nothing here is shown in public answers;
-- approval replays the payload against the live record, and only if the record still is what
-- the author saw (expected_version), so a stale proposal can never overwrite a newer change.
CREATE TABLE pending_changes (
  id                 INTEGER PRIMARY KEY,
  kind               TEXT NOT NULL CHECK (kind IN (
                       'position_set', 'position_retire', 'holder_set', 'holder_retire', 'ice_import')),
  jurisdiction_fips  TEXT REFERENCES jurisdictions (fips),   -- NULL for an official-list import
  office_id          INTEGER REFERENCES offices (id),
  summary            TEXT NOT NULL,      -- one human line, e.g. 'Travis County, TX · detainers: yes → no'
  payload            TEXT NOT NULL,      -- JSON: the validated change
  file               BLOB,               -- the attached file of an official-list import
  expected_version   INTEGER NOT NULL,   -- the record version the author saw (0 = nothing recorded)
  requested_by       TEXT NOT NULL,      -- platform-qualified caller id
  requested_by_name  TEXT NOT NULL,
  requested_at       TEXT NOT NULL
);
CREATE INDEX pending_changes_jurisdiction ON pending_changes (jurisdiction_fips, id);

-- One decision per pending change (the primary key makes a second approval impossible).
CREATE TABLE pending_decisions (
  pending_id       INTEGER PRIMARY KEY REFERENCES pending_changes (id),
  decision         TEXT NOT NULL CHECK (decision IN ('approved', 'rejected', 'withdrawn')),
  note             TEXT,
  decided_by       TEXT NOT NULL,
  decided_by_name  TEXT NOT NULL,
  decided_at       TEXT NOT NULL
);

CREATE TRIGGER pending_changes_no_update BEFORE UPDATE ON pending_changes
  BEGIN SELECT RAISE(ABORT, 'pending_changes is append-only'); END;
CREATE TRIGGER pending_changes_no_delete BEFORE DELETE ON pending_changes
  BEGIN SELECT RAISE(ABORT, 'pending_changes is append-only'); END;
CREATE TRIGGER pending_decisions_no_update BEFORE UPDATE ON pending_decisions
  BEGIN SELECT RAISE(ABORT, 'pending_decisions is append-only'); END;
CREATE TRIGGER pending_decisions_no_delete BEFORE DELETE ON pending_decisions
  BEGIN SELECT RAISE(ABORT, 'pending_decisions is append-only'); END;
