-- 0011_meeting_sources: a county linked to the calendar it publishes (Legistar's web API, an .ics
-- address), and which of its events became which meeting. Imported meetings are ordinary rows
-- of `meetings` (one per event, rrule NULL), so history, reminders and calendars treat them as
-- the ones moderators record.
CREATE TABLE meeting_sources (
  id                 INTEGER PRIMARY KEY,
  jurisdiction_fips  TEXT NOT NULL REFERENCES jurisdictions (fips),
  kind               TEXT NOT NULL,     -- 'legistar', 'ics' (src/meeting-sources/registry.ts)
  locator            TEXT NOT NULL,     -- the Legistar client name, or the .ics address
  body               TEXT,              -- the body as the source names it; NULL = every body
  token              TEXT,              -- a secret the source needs; never shown, never logged
  created_by         TEXT NOT NULL,
  created_at         TEXT NOT NULL,
  retired_at         TEXT,
  last_sync_at       TEXT,
  last_outcome       TEXT,              -- 'ok' or the error kind ('not-found', 'token', 'down', 'malformed')
  last_report        TEXT               -- JSON counts of the last sync
);
CREATE UNIQUE INDEX meeting_sources_live ON meeting_sources (jurisdiction_fips, kind, locator, ifnull(body, ''))
  WHERE retired_at IS NULL;

-- One event of a source and the meeting it was imported as.
CREATE TABLE meeting_source_events (
  source_id     INTEGER NOT NULL REFERENCES meeting_sources (id),
  external_id   TEXT NOT NULL,          -- Legistar EventId, or the .ics UID (+ its occurrence)
  meeting_id    INTEGER NOT NULL REFERENCES meetings (id),
  fingerprint   TEXT NOT NULL,          -- the facts last imported, to notice a change
  minutes_url   TEXT,
  status        TEXT NOT NULL CHECK (status IN ('scheduled', 'cancelled', 'deleted')),
  agenda_key    TEXT,                   -- the agenda version whose items were last checked
  PRIMARY KEY (source_id, external_id)
);
CREATE INDEX meeting_source_events_meeting ON meeting_source_events (meeting_id);

-- Agenda watch: one alert per meeting whose imported agenda mentions a watched subject (287(g),
-- ICE, immigration, detainers, jail or detention contracts, the sheriff's budget), ever. The
-- scheduler posts it to the channels subscribed to the county's meetings, through the ledger.
CREATE TABLE agenda_alerts (
  id                 INTEGER PRIMARY KEY,
  meeting_id         INTEGER NOT NULL UNIQUE REFERENCES meetings (id),
  jurisdiction_fips  TEXT NOT NULL REFERENCES jurisdictions (fips),
  matches            TEXT NOT NULL,     -- JSON [{number, title, keywords}]
  item_count         INTEGER NOT NULL,  -- items on the agenda
  agenda_url         TEXT,
  public_comment     TEXT,              -- the source's remark on public comment, when it gives one
  found_at           TEXT NOT NULL
);
