-- 0001 base (PostgreSQL). Keep semantically equal to sqlite/0001_base.sql.
-- app_meta: small facts about this installation (instance id, created_at, ...).
CREATE TABLE app_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
