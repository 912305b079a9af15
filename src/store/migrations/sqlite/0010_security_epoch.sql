-- 0009 security epoch (SQLite). Keep semantically equal to postgresql/0009_security_epoch.sql.
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

CREATE TRIGGER roles_epoch_insert AFTER INSERT ON roles
  BEGIN UPDATE security_epoch SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER roles_epoch_update AFTER UPDATE ON roles
  BEGIN UPDATE security_epoch SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER roles_epoch_delete AFTER DELETE ON roles
  BEGIN UPDATE security_epoch SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER role_permissions_epoch_insert AFTER INSERT ON role_permissions
  BEGIN UPDATE security_epoch SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER role_permissions_epoch_update AFTER UPDATE ON role_permissions
  BEGIN UPDATE security_epoch SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER role_permissions_epoch_delete AFTER DELETE ON role_permissions
  BEGIN UPDATE security_epoch SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER role_assignments_epoch_insert AFTER INSERT ON role_assignments
  BEGIN UPDATE security_epoch SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER role_assignments_epoch_update AFTER UPDATE ON role_assignments
  BEGIN UPDATE security_epoch SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER role_assignments_epoch_delete AFTER DELETE ON role_assignments
  BEGIN UPDATE security_epoch SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER orgs_epoch_insert AFTER INSERT ON orgs
  BEGIN UPDATE security_epoch SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER orgs_epoch_update AFTER UPDATE ON orgs
  BEGIN UPDATE security_epoch SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER orgs_epoch_delete AFTER DELETE ON orgs
  BEGIN UPDATE security_epoch SET value = value + 1 WHERE id = 1; END;
