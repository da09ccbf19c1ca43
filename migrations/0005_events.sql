-- 0005_events: recorded elections gain a revision, county board meetings (recurrence rules
-- with per-occurrence exceptions), channel subscriptions, the delivery ledger and the
-- scheduler's watermarks. Instants are UTC ISO 8601 text; zones are IANA names.

-- Recorded elections (0001): a revision for calendar SEQUENCE and stale-write checks.
-- A change updates the row in place (its UID in calendars stays the same) and appends the
-- before/after to change_log in the same transaction; a cancellation sets retired_at.
ALTER TABLE elections ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE elections ADD COLUMN updated_at TEXT;
CREATE INDEX elections_date ON elections (election_date) WHERE retired_at IS NULL;

-- A county governing body's meeting series, or one meeting (rrule NULL).
CREATE TABLE meetings (
  id                 INTEGER PRIMARY KEY,
  jurisdiction_fips  TEXT NOT NULL REFERENCES jurisdictions (fips),
  body               TEXT NOT NULL,     -- 'Commissioners Court', 'Board of Supervisors', 'Parish Council'
  starts_at          TEXT NOT NULL,     -- the first (or only) start, UTC
  time_zone          TEXT NOT NULL,     -- IANA zone whose wall-clock time the series keeps
  rrule              TEXT,              -- RFC 5545 RRULE value, expanded in local time from starts_at
  duration_minutes   INTEGER CHECK (duration_minutes IS NULL OR duration_minutes > 0),
  location           TEXT,
  agenda_url         TEXT,
  livestream_url     TEXT,
  public_comment     TEXT,              -- how to sign up or send comments
  why                TEXT,              -- why it matters, e.g. '287(g) renewal on the agenda'
  source_url         TEXT NOT NULL,
  source_title       TEXT NOT NULL,
  revision           INTEGER NOT NULL DEFAULT 1,
  recorded_by        TEXT NOT NULL,
  recorded_at        TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  retired_at         TEXT               -- the whole series cancelled
);
CREATE INDEX meetings_jurisdiction ON meetings (jurisdiction_fips) WHERE retired_at IS NULL;

-- One occurrence of a series cancelled or moved (RECURRENCE-ID = original_start).
CREATE TABLE meeting_exceptions (
  id              INTEGER PRIMARY KEY,
  meeting_id      INTEGER NOT NULL REFERENCES meetings (id),
  original_start  TEXT NOT NULL,        -- the occurrence as the rule gives it, UTC
  status          TEXT NOT NULL CHECK (status IN ('cancelled', 'moved')),
  starts_at       TEXT,                 -- the new start when moved, UTC
  location        TEXT,                 -- a different place for this occurrence; NULL = the series'
  note            TEXT,
  source_url      TEXT NOT NULL,
  revision        INTEGER NOT NULL DEFAULT 1,
  recorded_by     TEXT NOT NULL,
  recorded_at     TEXT NOT NULL,
  CHECK ((status = 'moved') = (starts_at IS NOT NULL)),
  UNIQUE (meeting_id, original_start)
);

-- A channel's subscription to a county (jurisdiction_fips) or a whole state (NULL).
CREATE TABLE subscriptions (
  id                  INTEGER PRIMARY KEY,
  platform            TEXT NOT NULL CHECK (platform IN ('discord', 'slack', 'console')),
  workspace_id        TEXT NOT NULL,
  channel_id          TEXT NOT NULL,
  state               TEXT NOT NULL CHECK (length(state) = 2),
  jurisdiction_fips   TEXT REFERENCES jurisdictions (fips),
  elections           INTEGER NOT NULL CHECK (elections IN (0, 1)),
  meetings            INTEGER NOT NULL CHECK (meetings IN (0, 1)),
  positions           INTEGER NOT NULL CHECK (positions IN (0, 1)),
  leads               TEXT,             -- JSON {"election":[…],"registration":[…],"meeting":[…]}; NULL = defaults
  positions_after_id  INTEGER NOT NULL DEFAULT 0,  -- change alerts only for position_history rows after this
  created_by          TEXT NOT NULL,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  paused_at           TEXT,             -- the channel is gone or the bot lost access
  paused_reason       TEXT,
  ended_at            TEXT,             -- unsubscribed; kept, never deleted
  CHECK (elections + meetings + positions > 0)
);
CREATE UNIQUE INDEX subscriptions_live ON subscriptions (platform, channel_id, state, ifnull(jurisdiction_fips, ''))
  WHERE ended_at IS NULL;
CREATE INDEX subscriptions_workspace ON subscriptions (platform, workspace_id) WHERE ended_at IS NULL;

-- The delivery ledger: one row per (subscription, event occurrence, lead time), ever.
-- 'claimed' is written in the tick's transaction (with the watermark), 'sending' just before
-- the platform call, the outcome just after. The UNIQUE constraint is the exactly-once guard.
CREATE TABLE deliveries (
  id               INTEGER PRIMARY KEY,
  subscription_id  INTEGER NOT NULL REFERENCES subscriptions (id),
  occurrence_key   TEXT NOT NULL,       -- e.g. 'meeting:12@2026-12-01T15:00:00.000Z', 'change:345'
  lead             TEXT NOT NULL,       -- '30d', '2h', 'morning', 'change', 'digest', 'notice'
  platform         TEXT NOT NULL,
  channel_id       TEXT NOT NULL,       -- where it goes ('' = the platform's moderator contact)
  due_at           TEXT NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('claimed', 'sending', 'sent', 'retry', 'skipped', 'failed', 'uncertain')),
  late             INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
  attempts         INTEGER NOT NULL DEFAULT 0,
  claimed_at       TEXT NOT NULL,
  attempted_at     TEXT,
  next_attempt_at  TEXT,
  finished_at      TEXT,
  message_id       TEXT,
  detail           TEXT,                -- why it was skipped, or the last error
  UNIQUE (subscription_id, occurrence_key, lead)
);
CREATE INDEX deliveries_open ON deliveries (platform, status, id) WHERE status IN ('claimed', 'sending', 'retry');

-- Watermarks: 'reminders:<platform>' = the instant planned through; 'alerts:<platform>' = the
-- last position_history id planned. Advanced in the same transaction as the claims.
CREATE TABLE scheduler_state (
  name   TEXT PRIMARY KEY,
  value  TEXT NOT NULL
);
