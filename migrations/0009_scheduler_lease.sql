-- One scheduler per database: the process holding this lease plans and sends reminders and
-- alerts; another process on the same file waits and takes over when the lease expires (its
-- holder stopped renewing: killed, stopped, or stuck). Renewed every 15 s, valid for 60 s.
CREATE TABLE scheduler_lease (
  name        TEXT PRIMARY KEY,      -- 'reminders'
  holder      TEXT NOT NULL,         -- a random id per process
  acquired_at TEXT NOT NULL,         -- when this holder first took it, UTC
  expires_at  INTEGER NOT NULL       -- epoch ms
);
