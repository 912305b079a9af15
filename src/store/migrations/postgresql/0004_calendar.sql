-- 0004 calendar (PostgreSQL). Keep semantically equal to sqlite/0004_calendar.sql.
-- calendar_days: the official working-day calendar (法定节假日与调休上班日),
-- one row per listed day; ordinary weekdays and weekends are not stored.
-- A year is known when it has at least one row (see src/calendar/calendar_store.h).
-- day is 'YYYY-MM-DD'; year repeats its first four digits for per-year reads.
CREATE TABLE calendar_days (
  day TEXT PRIMARY KEY CHECK (length(day) = 10),
  year INTEGER NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('holiday', 'makeup_workday'))
);
CREATE INDEX calendar_days_year ON calendar_days (year);
