-- Each time the bot asks ICE for its current 287(g) list (the watcher, `import-287g` with no
-- file, `npm run import -- ice-287g --fetch`): what it found. The newest successful check says
-- how recently the loaded list was confirmed as ICE's newest; its validators (ETag,
-- Last-Modified, checksum) let the next check download only a changed file.
CREATE TABLE list_checks (
  id INTEGER PRIMARY KEY,
  dataset TEXT NOT NULL,
  checked_at TEXT NOT NULL,
  -- 'imported': a new list was loaded; 'unchanged': ICE's file is the loaded one; 'failed': see reason.
  outcome TEXT NOT NULL CHECK (outcome IN ('imported', 'unchanged', 'failed')),
  -- Why it failed, as a catalog message (JSON: key and params), shown in the reader's language.
  reason TEXT,
  -- The list's date when one was found.
  version TEXT,
  file_url TEXT,
  etag TEXT,
  last_modified TEXT,
  checksum TEXT
);
CREATE INDEX list_checks_dataset ON list_checks (dataset, id);
