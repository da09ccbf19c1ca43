-- Sheriff Watch initial schema.
-- Dates are ISO 8601 text: 'YYYY-MM-DD' for calendar dates, full UTC timestamps for instants.

-- Counties and county-equivalents, keyed by 5-digit FIPS.
CREATE TABLE jurisdictions (
  fips       TEXT PRIMARY KEY CHECK (length(fips) = 5),
  state      TEXT NOT NULL CHECK (length(state) = 2),
  name       TEXT NOT NULL,            -- display name, e.g. 'Doña Ana County', 'Baltimore city'
  base_name  TEXT NOT NULL,            -- name without its kind word, e.g. 'Doña Ana'
  kind       TEXT NOT NULL CHECK (kind IN (
               'county', 'parish', 'borough', 'census_area', 'municipality',
               'independent_city', 'consolidated_city_county', 'district')),
  match_key  TEXT NOT NULL,            -- normalized base name used by lookup
  time_zone  TEXT NOT NULL
);
CREATE INDEX jurisdictions_state ON jurisdictions (state, match_key);
CREATE INDEX jurisdictions_key ON jurisdictions (match_key);

-- Per-state rules for sheriffs: who elects them and on which cycle.
CREATE TABLE state_sheriff_rules (
  state              TEXT PRIMARY KEY CHECK (length(state) = 2),
  elected            TEXT NOT NULL CHECK (elected IN ('yes', 'some', 'no')),
  term_years         INTEGER,
  cycle              TEXT NOT NULL,
  last_regular_year  INTEGER,
  next_regular_year  INTEGER,
  election_kind      TEXT NOT NULL,
  election_day_rule  TEXT NOT NULL,
  exceptions         TEXT NOT NULL,
  source_urls        TEXT NOT NULL,    -- JSON array
  confidence         TEXT NOT NULL CHECK (confidence IN ('high', 'medium', 'low'))
);

-- Law-enforcement agencies: every sheriff's office, plus other agencies that appear in
-- official lists (police departments, state agencies). Sheriff offices belong to a jurisdiction.
CREATE TABLE offices (
  id                INTEGER PRIMARY KEY,
  state             TEXT NOT NULL CHECK (length(state) = 2),
  jurisdiction_fips TEXT REFERENCES jurisdictions (fips),
  name              TEXT NOT NULL,
  kind              TEXT NOT NULL CHECK (kind IN ('sheriff', 'police', 'state', 'corrections', 'other')),
  selection         TEXT NOT NULL DEFAULT 'unknown' CHECK (selection IN ('elected', 'appointed', 'none', 'unknown')),
  UNIQUE (state, name)
);
CREATE UNIQUE INDEX offices_one_sheriff_per_jurisdiction ON offices (jurisdiction_fips) WHERE kind = 'sheriff';
CREATE INDEX offices_state_kind ON offices (state, kind);

-- Who holds an office, one row per source that names them. The current holder is chosen
-- by the store (newest source date, then source rank); older rows stay as the record.
CREATE TABLE office_holders (
  id               INTEGER PRIMARY KEY,
  office_id        INTEGER NOT NULL REFERENCES offices (id),
  name             TEXT NOT NULL,       -- display form
  name_as_printed  TEXT NOT NULL,       -- as the source printed it
  party            TEXT,
  selection        TEXT NOT NULL DEFAULT 'unknown' CHECK (selection IN ('elected', 'appointed', 'unknown')),
  took_office      TEXT,
  term_end         TEXT,
  phone            TEXT,
  email            TEXT,
  address          TEXT,
  website          TEXT,
  source_kind      TEXT NOT NULL CHECK (source_kind IN (
                     'moderator', 'state_directory', 'association_directory',
                     'third_party_list', 'signer_list', 'election_winner')),
  source_title     TEXT NOT NULL,
  source_url       TEXT,
  source_date      TEXT NOT NULL,
  dataset          TEXT,                -- datasets.key when loaded from a shipped file
  recorded_by      TEXT NOT NULL,
  recorded_at      TEXT NOT NULL,
  retired_at       TEXT                 -- set instead of deleting
);
CREATE INDEX office_holders_office ON office_holders (office_id, retired_at);
CREATE UNIQUE INDEX office_holders_one_per_dataset ON office_holders (office_id, dataset)
  WHERE dataset IS NOT NULL AND retired_at IS NULL;

-- Policy positions. One live row per (office, topic, slot); 'slot' separates several
-- agreements on one topic (each 287(g) model is its own slot) and is '' otherwise.
CREATE TABLE positions (
  id              INTEGER PRIMARY KEY,
  office_id       INTEGER NOT NULL REFERENCES offices (id),
  topic           TEXT NOT NULL,
  slot            TEXT NOT NULL DEFAULT '',
  value           TEXT NOT NULL,
  detail          TEXT,
  effective_date  TEXT,                 -- e.g. the date a 287(g) agreement was signed
  document_url    TEXT,                 -- e.g. the MOA
  source_url      TEXT,
  source_title    TEXT NOT NULL,
  as_of           TEXT NOT NULL,
  dataset         TEXT,
  recorded_by     TEXT NOT NULL,
  recorded_at     TEXT NOT NULL,
  retired_at      TEXT
);
CREATE UNIQUE INDEX positions_live ON positions (office_id, topic, slot) WHERE retired_at IS NULL;
CREATE INDEX positions_topic ON positions (topic, retired_at, office_id);

-- Append-only record of every change to a position.
CREATE TABLE position_history (
  id            INTEGER PRIMARY KEY,
  position_id   INTEGER NOT NULL REFERENCES positions (id),
  office_id     INTEGER NOT NULL REFERENCES offices (id),
  topic         TEXT NOT NULL,
  slot          TEXT NOT NULL,
  action        TEXT NOT NULL CHECK (action IN ('created', 'changed', 'retired')),
  old_value     TEXT,
  new_value     TEXT,
  old_detail    TEXT,
  new_detail    TEXT,
  source_url    TEXT,
  source_title  TEXT NOT NULL,
  changed_by    TEXT NOT NULL,
  changed_at    TEXT NOT NULL
);
CREATE INDEX position_history_office ON position_history (office_id, id);
CREATE TRIGGER position_history_no_update BEFORE UPDATE ON position_history
  BEGIN SELECT RAISE(ABORT, 'position_history is append-only'); END;
CREATE TRIGGER position_history_no_delete BEFORE DELETE ON position_history
  BEGIN SELECT RAISE(ABORT, 'position_history is append-only'); END;

-- Election dates recorded with a source (computed regular elections are not stored).
CREATE TABLE elections (
  id                     INTEGER PRIMARY KEY,
  jurisdiction_fips      TEXT NOT NULL REFERENCES jurisdictions (fips),
  office_id              INTEGER REFERENCES offices (id),
  kind                   TEXT NOT NULL CHECK (kind IN ('primary', 'general', 'runoff', 'special', 'recall')),
  election_date          TEXT NOT NULL,
  registration_deadline  TEXT,
  note                   TEXT,
  source_url             TEXT NOT NULL,
  source_title           TEXT NOT NULL,
  recorded_by            TEXT NOT NULL,
  recorded_at            TEXT NOT NULL,
  retired_at             TEXT
);
CREATE INDEX elections_jurisdiction ON elections (jurisdiction_fips, election_date);

-- Every dataset load: what was read and how much of it matched.
CREATE TABLE imports (
  id              INTEGER PRIMARY KEY,
  dataset         TEXT NOT NULL,        -- e.g. 'ice-287g'
  version         TEXT NOT NULL,        -- the dataset's own date, e.g. '2026-01-23'
  file_name       TEXT NOT NULL,
  checksum        TEXT NOT NULL,        -- sha256 of the file; same checksum = already loaded
  imported_at     TEXT NOT NULL,
  rows_read       INTEGER NOT NULL,
  rows_matched    INTEGER NOT NULL,
  rows_unmatched  INTEGER NOT NULL,
  report          TEXT NOT NULL         -- JSON: unmatched rows and notes
);
CREATE INDEX imports_dataset ON imports (dataset, id);
