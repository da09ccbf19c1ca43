-- Append-only history of every moderator or import change to records other than positions
-- (positions keep their own position_history): office holders, recorded elections, meetings,
-- subscriptions. One row per change, with who, when, from what to what, and the source.
CREATE TABLE change_log (
  id                 INTEGER PRIMARY KEY,
  entity             TEXT NOT NULL CHECK (entity IN (
                       'office_holder', 'election', 'meeting', 'meeting_occurrence', 'subscription')),
  entity_id          INTEGER NOT NULL,
  jurisdiction_fips  TEXT REFERENCES jurisdictions (fips),
  office_id          INTEGER REFERENCES offices (id),
  action             TEXT NOT NULL CHECK (action IN ('created', 'changed', 'retired')),
  summary            TEXT NOT NULL,     -- one human line, e.g. 'phone: (512) 555-0100 → (512) 555-0199'
  before_json        TEXT,              -- the record before (NULL when created)
  after_json         TEXT,              -- the record after (NULL when retired)
  source_url         TEXT,
  source_title       TEXT,
  changed_by         TEXT NOT NULL,
  changed_at         TEXT NOT NULL
);
CREATE INDEX change_log_jurisdiction ON change_log (jurisdiction_fips, id);
CREATE INDEX change_log_entity ON change_log (entity, entity_id, id);
CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
  BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
  BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
