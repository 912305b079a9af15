-- 0012 content version (PostgreSQL). Keep semantically equal to sqlite/0012_content_version.sql.
-- A token that every change to what matter reads show is replaced in the same
-- transaction, whoever makes it (any app node, the CLI, a manual fix): matters,
-- their deadlines, events, links and attachments, org names and user display
-- names. App nodes keep list pages and matter details in memory and use one
-- only while the token read in the same snapshot is the one it was read under
-- (engine/read_cache.h). The token is random rather than a counter, so a
-- database restored from a backup cannot repeat a token with other contents.
CREATE TABLE content_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  value BIGINT NOT NULL,
  tx BIGINT NOT NULL DEFAULT 0  -- the transaction that set value
);
INSERT INTO content_version (id, value) VALUES (1, 0);

-- Deferred to commit, so the token row is always the last lock a writing
-- transaction takes (no lock-order cycle with audit_head or matter rows), and
-- replaced once per transaction however many rows it changes.
CREATE FUNCTION content_version_bump() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
  UPDATE content_version SET value = floor(random() * 9007199254740991)::bigint, tx = txid_current()
   WHERE id = 1 AND tx <> txid_current();
  RETURN NULL;
END;
$body$;
CREATE CONSTRAINT TRIGGER matters_content AFTER INSERT OR UPDATE OR DELETE ON matters
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION content_version_bump();
CREATE TRIGGER matters_content_truncate AFTER TRUNCATE ON matters
  FOR EACH STATEMENT EXECUTE FUNCTION content_version_bump();
CREATE CONSTRAINT TRIGGER matter_deadlines_content AFTER INSERT OR UPDATE OR DELETE ON matter_deadlines
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION content_version_bump();
CREATE TRIGGER matter_deadlines_content_truncate AFTER TRUNCATE ON matter_deadlines
  FOR EACH STATEMENT EXECUTE FUNCTION content_version_bump();
CREATE CONSTRAINT TRIGGER matter_events_content AFTER INSERT OR UPDATE OR DELETE ON matter_events
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION content_version_bump();
CREATE TRIGGER matter_events_content_truncate AFTER TRUNCATE ON matter_events
  FOR EACH STATEMENT EXECUTE FUNCTION content_version_bump();
CREATE CONSTRAINT TRIGGER matter_links_content AFTER INSERT OR UPDATE OR DELETE ON matter_links
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION content_version_bump();
CREATE TRIGGER matter_links_content_truncate AFTER TRUNCATE ON matter_links
  FOR EACH STATEMENT EXECUTE FUNCTION content_version_bump();
CREATE CONSTRAINT TRIGGER attachments_content AFTER INSERT OR UPDATE OR DELETE ON attachments
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION content_version_bump();
CREATE TRIGGER attachments_content_truncate AFTER TRUNCATE ON attachments
  FOR EACH STATEMENT EXECUTE FUNCTION content_version_bump();
CREATE CONSTRAINT TRIGGER orgs_content AFTER INSERT OR UPDATE OR DELETE ON orgs
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION content_version_bump();
CREATE TRIGGER orgs_content_truncate AFTER TRUNCATE ON orgs
  FOR EACH STATEMENT EXECUTE FUNCTION content_version_bump();
-- Users: only the display name is shown with matters (sign-ins update other columns).
CREATE CONSTRAINT TRIGGER users_content AFTER INSERT OR DELETE OR UPDATE OF display_name ON users
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION content_version_bump();
CREATE TRIGGER users_content_truncate AFTER TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION content_version_bump();
