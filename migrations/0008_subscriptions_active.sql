-- The scheduler reads a platform's active subscriptions a page at a time, in id order, handing
-- the event loop back between pages (100,000 of them are read at start). Without this index
-- SQLite answered each page from subscriptions_workspace and sorted the whole platform again,
-- so every page cost as much as reading everything.
CREATE INDEX subscriptions_active ON subscriptions (platform, id) WHERE ended_at IS NULL AND paused_at IS NULL;
