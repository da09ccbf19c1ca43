-- Change-log rows say what changed as a catalog message (key + JSON parameters), written in the
-- reader's language when `history` shows them. `summary` keeps the English line. Rows written
-- before this migration keep NULL here and are shown with their stored summary, as written.
-- (Adding columns is not an UPDATE: the append-only triggers stay as they are.)
ALTER TABLE change_log ADD COLUMN message_key TEXT;
ALTER TABLE change_log ADD COLUMN message_params TEXT;
