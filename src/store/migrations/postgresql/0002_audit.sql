-- 0002 audit (PostgreSQL). Keep semantically equal to sqlite/0002_audit.sql.
-- audit_log: the append-only, hash-chained security audit trail (安全审计);
-- see src/audit/audit_log.h for the chain.
CREATE TABLE audit_log (
  seq BIGINT PRIMARY KEY CHECK (seq >= 1),
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

-- The chain head: the last seq and its hash. Append locks this row
-- (SELECT ... FOR UPDATE), which serialises appends across app nodes.
CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash)
  VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- No code path updates or deletes audit records; the schema refuses both
-- (and TRUNCATE, which bypasses row triggers). The script runs through
-- PQexec as one simple-query string, so the dollar-quoted body is intact.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
  RAISE EXCEPTION '审计日志只允许追加，禁止 %', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$body$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
