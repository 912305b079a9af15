-- 0002 audit (SQLite). Keep semantically equal to postgresql/0002_audit.sql.
-- audit_log: the append-only, hash-chained security audit trail (安全审计);
-- see src/audit/audit_log.h for the chain. seq is INTEGER PRIMARY KEY here
-- (SQLite's 64-bit rowid alias, the same range as BIGINT).
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY CHECK (seq >= 1),
  at BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  username TEXT NOT NULL,
  ip TEXT NOT NULL,
  action TEXT NOT NULL,
  object TEXT NOT NULL,
  result TEXT NOT NULL,
  detail TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
-- Viewer filters; the list is newest first, hence seq in the composite keys.
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_username ON audit_log (username, seq);
CREATE INDEX audit_log_action ON audit_log (action, seq);

-- The chain head: the last seq and its hash. Append reads and moves it in the
-- same transaction as the insert.
CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash)
  VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- No code path updates or deletes audit records; the schema refuses both.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, '审计日志只允许追加，禁止修改');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, '审计日志只允许追加，禁止删除');
END;
