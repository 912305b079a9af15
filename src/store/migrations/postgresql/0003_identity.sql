-- 0003 identity (PostgreSQL). Keep semantically equal to sqlite/0003_identity.sql.
-- Organisations form a tree; path is the materialised ancestry "/id/id/.../"
-- so "this org and below" is a prefix match.
CREATE TABLE orgs (
  id BIGINT PRIMARY KEY,
  parent_id BIGINT REFERENCES orgs(id),
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  short_name TEXT NOT NULL DEFAULT '',
  type TEXT NOT NULL,
  path TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX orgs_parent ON orgs(parent_id);
CREATE INDEX orgs_path ON orgs(path);

CREATE TABLE users (
  id BIGINT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  password_hash TEXT NOT NULL,
  password_changed_at BIGINT NOT NULL,
  must_change_password INTEGER NOT NULL DEFAULT 1,
  status TEXT NOT NULL DEFAULT 'active',
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until BIGINT NOT NULL DEFAULT 0,
  totp_secret TEXT NOT NULL DEFAULT '',
  totp_enabled INTEGER NOT NULL DEFAULT 0,
  totp_last_step BIGINT NOT NULL DEFAULT 0,
  id_number_enc TEXT NOT NULL DEFAULT '',
  id_number_index TEXT NOT NULL DEFAULT '',
  id_number_masked TEXT NOT NULL DEFAULT '',
  phone_enc TEXT NOT NULL DEFAULT '',
  phone_masked TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX users_org ON users(org_id);
CREATE INDEX users_id_number_index ON users(id_number_index);

CREATE TABLE roles (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  admin_kind TEXT NOT NULL DEFAULT '',
  builtin INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE permissions (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  grp TEXT NOT NULL,
  admin_only INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE role_permissions (
  role_code TEXT NOT NULL REFERENCES roles(code),
  permission_code TEXT NOT NULL REFERENCES permissions(code),
  PRIMARY KEY (role_code, permission_code)
);

CREATE TABLE role_assignments (
  id BIGINT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id),
  role_code TEXT NOT NULL REFERENCES roles(code),
  scope TEXT NOT NULL,
  org_ids TEXT NOT NULL DEFAULT '',
  UNIQUE (user_id, role_code)
);

CREATE TABLE sessions (
  id BIGINT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  user_id BIGINT NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  ip TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sessions_user ON sessions(user_id);
