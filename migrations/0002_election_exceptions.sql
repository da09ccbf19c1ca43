-- County exceptions to the state sheriff election rules (data/sheriff_election_exceptions.csv).
-- One row per county, keyed by FIPS; a row with no FIPS covers every jurisdiction of one kind
-- in a state (Virginia's independent cities and counties run on different cycles).
CREATE TABLE election_exceptions (
  id                 INTEGER PRIMARY KEY,
  state              TEXT NOT NULL CHECK (length(state) = 2),
  fips               TEXT UNIQUE CHECK (fips IS NULL OR length(fips) = 5),
  applies_to_kind    TEXT CHECK (applies_to_kind IS NULL OR applies_to_kind IN (
                       'county', 'parish', 'borough', 'census_area', 'municipality',
                       'independent_city', 'consolidated_city_county', 'district')),
  name               TEXT NOT NULL,
  kind               TEXT NOT NULL CHECK (kind IN ('not_elected', 'cycle', 'note')),
  selection          TEXT NOT NULL CHECK (selection IN ('elected', 'appointed', 'none', 'unknown')),
  term_years         INTEGER,           -- NULL = the state's term
  cycle_years        TEXT NOT NULL,     -- JSON array of known election years; [] = the state's cycle
  election_day_rule  TEXT,              -- NULL = the state's rule
  detail             TEXT NOT NULL,     -- what differs, in words
  basis              TEXT NOT NULL,     -- the words of the rules file this row rests on
  certainty          TEXT NOT NULL CHECK (certainty IN ('stated', 'inferred', 'guess')),
  CHECK ((fips IS NULL) <> (applies_to_kind IS NULL))
);
CREATE UNIQUE INDEX election_exceptions_kind ON election_exceptions (state, applies_to_kind)
  WHERE applies_to_kind IS NOT NULL;
