-- 0009 security epoch (PostgreSQL). Keep semantically equal to sqlite/0009_security_epoch.sql.
-- A counter that every change to roles, role permissions, role assignments
-- or orgs moves forward, whoever makes it (any app node, the CLI, a manual
-- fix). App nodes cache what a session's principal gets from those tables
-- and use a cached principal only while the epoch it was built at is still
-- current (identity/principal_cache.h): one indexed read per request.
CREATE TABLE security_epoch (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  value BIGINT NOT NULL
);
INSERT INTO security_epoch (id, value) VALUES (1, 0);

CREATE FUNCTION security_epoch_bump() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
  UPDATE security_epoch SET value = value + 1 WHERE id = 1;
  RETURN NULL;
END;
$body$;
CREATE TRIGGER roles_epoch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON roles
  FOR EACH STATEMENT EXECUTE FUNCTION security_epoch_bump();
CREATE TRIGGER role_permissions_epoch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON role_permissions
  FOR EACH STATEMENT EXECUTE FUNCTION security_epoch_bump();
CREATE TRIGGER role_assignments_epoch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON role_assignments
  FOR EACH STATEMENT EXECUTE FUNCTION security_epoch_bump();
CREATE TRIGGER orgs_epoch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON orgs
  FOR EACH STATEMENT EXECUTE FUNCTION security_epoch_bump();
