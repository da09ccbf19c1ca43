-- Live 287(g) agreements counted per state and office kind, kept exact by triggers, so the
-- "every state" answer reads about a hundred rows instead of aggregating every agreement in
-- the country on each ask. An agreement is a live '287g' position whose value is not 'none'
-- (src/queries/agreements.ts names the same set).
--
-- The triggers can stay this small because of the guards at the end: a position is only
-- ever inserted or retired (its facts are never edited, a retired row stays retired, no row
-- is deleted), and an office's state and kind never change.

-- Agreements per model.
CREATE TABLE agreement_counts (
  state        TEXT NOT NULL,
  office_kind  TEXT NOT NULL,
  value        TEXT NOT NULL,
  agreements   INTEGER NOT NULL CHECK (agreements >= 0),
  PRIMARY KEY (state, office_kind, value)
) WITHOUT ROWID;

-- Offices holding at least one agreement (an office can hold several models).
CREATE TABLE agreement_office_counts (
  state        TEXT NOT NULL,
  office_kind  TEXT NOT NULL,
  offices      INTEGER NOT NULL CHECK (offices >= 0),
  PRIMARY KEY (state, office_kind)
) WITHOUT ROWID;

INSERT INTO agreement_counts (state, office_kind, value, agreements)
  SELECT o.state, o.kind, p.value, count(*)
  FROM positions p JOIN offices o ON o.id = p.office_id
  WHERE p.topic = '287g' AND p.retired_at IS NULL AND p.value <> 'none'
  GROUP BY o.state, o.kind, p.value;

INSERT INTO agreement_office_counts (state, office_kind, offices)
  SELECT o.state, o.kind, count(DISTINCT o.id)
  FROM positions p JOIN offices o ON o.id = p.office_id
  WHERE p.topic = '287g' AND p.retired_at IS NULL AND p.value <> 'none'
  GROUP BY o.state, o.kind;

CREATE TRIGGER agreement_added AFTER INSERT ON positions
  WHEN NEW.topic = '287g' AND NEW.value <> 'none' AND NEW.retired_at IS NULL
BEGIN
  INSERT INTO agreement_counts (state, office_kind, value, agreements)
    SELECT state, kind, NEW.value, 1 FROM offices WHERE id = NEW.office_id
    ON CONFLICT DO UPDATE SET agreements = agreements + 1;
  INSERT INTO agreement_office_counts (state, office_kind, offices)
    SELECT state, kind, 1 FROM offices WHERE id = NEW.office_id
      AND NOT EXISTS (SELECT 1 FROM positions WHERE office_id = NEW.office_id AND topic = '287g'
                        AND retired_at IS NULL AND value <> 'none' AND id <> NEW.id)
    ON CONFLICT DO UPDATE SET offices = offices + 1;
END;

CREATE TRIGGER agreement_ended AFTER UPDATE OF retired_at ON positions
  WHEN OLD.topic = '287g' AND OLD.value <> 'none' AND OLD.retired_at IS NULL AND NEW.retired_at IS NOT NULL
BEGIN
  UPDATE agreement_counts SET agreements = agreements - 1
    WHERE (state, office_kind) = (SELECT state, kind FROM offices WHERE id = OLD.office_id) AND value = OLD.value;
  UPDATE agreement_office_counts SET offices = offices - 1
    WHERE (state, office_kind) = (SELECT state, kind FROM offices WHERE id = OLD.office_id)
      AND NOT EXISTS (SELECT 1 FROM positions WHERE office_id = OLD.office_id AND topic = '287g'
                        AND retired_at IS NULL AND value <> 'none');
END;

-- The guards the counts rely on (and the history model already assumes).
CREATE TRIGGER positions_facts_fixed BEFORE UPDATE OF office_id, topic, slot, value ON positions
  WHEN NEW.office_id IS NOT OLD.office_id OR NEW.topic IS NOT OLD.topic OR NEW.slot IS NOT OLD.slot
    OR NEW.value IS NOT OLD.value
BEGIN SELECT RAISE(ABORT, 'a position''s facts are never edited: retire it and record a new one'); END;

CREATE TRIGGER positions_stay_retired BEFORE UPDATE OF retired_at ON positions
  WHEN OLD.retired_at IS NOT NULL AND NEW.retired_at IS NOT OLD.retired_at
BEGIN SELECT RAISE(ABORT, 'a retired position stays retired: record a new one'); END;

CREATE TRIGGER positions_no_delete BEFORE DELETE ON positions
BEGIN SELECT RAISE(ABORT, 'positions are never deleted: retire them'); END;

CREATE TRIGGER offices_place_fixed BEFORE UPDATE OF state, kind ON offices
  WHEN NEW.state IS NOT OLD.state OR NEW.kind IS NOT OLD.kind
BEGIN SELECT RAISE(ABORT, 'an office''s state and kind never change'); END;
