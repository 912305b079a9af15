-- 0005 matter engine (PostgreSQL). Keep semantically equal to sqlite/0005_engine.sql.
-- One table for every kind; kind fields live in data (JSON text).
CREATE TABLE matters (
  id BIGINT PRIMARY KEY,
  kind TEXT NOT NULL,
  kind_version INTEGER NOT NULL,
  number TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL,
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  org_path TEXT NOT NULL,
  creator_id BIGINT NOT NULL,
  state TEXT NOT NULL,
  outcome TEXT NOT NULL DEFAULT '',
  assignee_id BIGINT NOT NULL DEFAULT 0,
  received_at BIGINT NOT NULL,
  due_on TEXT,
  closed_at BIGINT,
  suspended INTEGER NOT NULL DEFAULT 0,
  suspended_days INTEGER NOT NULL DEFAULT 0,
  extended_days INTEGER NOT NULL DEFAULT 0,
  confidentiality TEXT NOT NULL DEFAULT 'internal',
  version INTEGER NOT NULL DEFAULT 1,
  data TEXT NOT NULL DEFAULT '{}',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX matters_kind_state_due ON matters(kind, state, due_on, id);
CREATE INDEX matters_org_path ON matters(org_path);
CREATE INDEX matters_assignee ON matters(assignee_id, state);
CREATE INDEX matters_due ON matters(due_on);
CREATE INDEX matters_received ON matters(received_at);

-- Search tokens (unigrams + bigrams) for titles, fields and attachment names.
CREATE TABLE matter_search (
  matter_id BIGINT PRIMARY KEY REFERENCES matters(id),
  tokens TEXT NOT NULL
);
CREATE INDEX matter_search_gin ON matter_search USING GIN (to_tsvector('simple', tokens));

-- The append-only timeline: the truth that reports and audits read.
CREATE TABLE matter_events (
  id BIGINT PRIMARY KEY,
  matter_id BIGINT NOT NULL REFERENCES matters(id),
  seq INTEGER NOT NULL,
  at BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  username TEXT NOT NULL,
  action TEXT NOT NULL,
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  diff TEXT NOT NULL DEFAULT '{}',
  UNIQUE (matter_id, seq)
);
CREATE INDEX matter_events_action ON matter_events(action, at);

CREATE TABLE matter_deadlines (
  matter_id BIGINT NOT NULL REFERENCES matters(id),
  name TEXT NOT NULL,
  status TEXT NOT NULL,
  started_on TEXT NOT NULL DEFAULT '',
  due_on TEXT NOT NULL DEFAULT '',
  remaining INTEGER NOT NULL DEFAULT 0,
  suspended_on TEXT NOT NULL DEFAULT '',
  extended INTEGER NOT NULL DEFAULT 0,
  stopped_on TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (matter_id, name)
);

CREATE TABLE matter_links (
  from_id BIGINT NOT NULL REFERENCES matters(id),
  to_id BIGINT NOT NULL REFERENCES matters(id),
  field TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  PRIMARY KEY (from_id, to_id, field)
);
CREATE INDEX matter_links_to ON matter_links(to_id);

CREATE TABLE number_sequences (
  org_id BIGINT NOT NULL,
  kind TEXT NOT NULL,
  year INTEGER NOT NULL,
  next_value INTEGER NOT NULL,
  PRIMARY KEY (org_id, kind, year)
);

CREATE TABLE matter_parties (
  id BIGINT PRIMARY KEY,
  matter_id BIGINT NOT NULL REFERENCES matters(id),
  field TEXT NOT NULL,
  name_enc TEXT NOT NULL,
  name_masked TEXT NOT NULL,
  id_number_enc TEXT NOT NULL DEFAULT '',
  id_number_index TEXT NOT NULL DEFAULT '',
  id_number_masked TEXT NOT NULL DEFAULT '',
  phone_enc TEXT NOT NULL DEFAULT '',
  phone_masked TEXT NOT NULL DEFAULT ''
);
CREATE INDEX matter_parties_matter ON matter_parties(matter_id);
CREATE INDEX matter_parties_id_index ON matter_parties(id_number_index);

CREATE TABLE attachments (
  id BIGINT PRIMARY KEY,
  matter_id BIGINT NOT NULL REFERENCES matters(id),
  name TEXT NOT NULL,
  size BIGINT NOT NULL,
  content_type TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  created_by BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX attachments_matter ON attachments(matter_id);
