-- 0006 public portal (PostgreSQL). Keep semantically equal to sqlite/0006_public.sql.
-- Comments from the public on open consultations (公开征求意见). The commenter's
-- contact is personal data: stored encrypted, shown masked to staff.
CREATE TABLE public_comments (
  id BIGINT PRIMARY KEY,
  matter_id BIGINT NOT NULL REFERENCES matters(id),
  author TEXT NOT NULL,
  contact_enc TEXT NOT NULL DEFAULT '',
  contact_masked TEXT NOT NULL DEFAULT '',
  content TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending',
  reply TEXT NOT NULL DEFAULT '',
  moderated_by BIGINT NOT NULL DEFAULT 0,
  moderated_at BIGINT NOT NULL DEFAULT 0,
  ip TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL
);
CREATE INDEX public_comments_matter ON public_comments(matter_id, status);
