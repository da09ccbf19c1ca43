-- Agenda watch alerts are a kind of subscription of their own (`agenda`), on by default with
-- meeting reminders: a channel can turn them off and back on. They only ever go to channels that
-- get the county's meetings, so `agenda` counts only with `meetings` = 1 (the CHECK of 0005 is
-- left as it is: a channel cannot have agenda alerts alone). Every existing subscription gets
-- them (DEFAULT 1), so channels subscribed to meetings before this upgrade keep receiving them.
ALTER TABLE subscriptions ADD COLUMN agenda INTEGER NOT NULL DEFAULT 1 CHECK (agenda IN (0, 1));
