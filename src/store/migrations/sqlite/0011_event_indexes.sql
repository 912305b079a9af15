-- 0010 event indexes for yearly metrics (SQLite). Keep equal to postgresql/0010_event_indexes.sql.
-- A metric whose period is an event (e.g. opinions issued in the year) starts
-- from the year's events of that action: with matter_id in the index they are
-- found without reading the events themselves. Conditions such as "has a
-- feedback event" look up (matter, action) directly instead of reading every
-- event of the matter.
DROP INDEX matter_events_action;
CREATE INDEX matter_events_action ON matter_events(action, at, matter_id);
CREATE INDEX matter_events_matter_action ON matter_events(matter_id, action);
