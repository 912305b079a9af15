-- 0012 content version (SQLite). Keep semantically equal to postgresql/0012_content_version.sql.
-- A token that every change to what matter reads show is replaced in the same
-- transaction, whoever makes it (any app node, the CLI, a manual fix): matters,
-- their deadlines, events, links and attachments, org names and user display
-- names. App nodes keep list pages and matter details in memory and use one
-- only while the token read in the same snapshot is the one it was read under
-- (engine/read_cache.h). The token is random rather than a counter, so a
-- database restored from a backup cannot repeat a token with other contents.
CREATE TABLE content_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  value BIGINT NOT NULL
);
INSERT INTO content_version (id, value) VALUES (1, 0);
CREATE TRIGGER matters_content_insert AFTER INSERT ON matters
  BEGIN UPDATE content_version SET value = random() WHERE id = 1; END;
CREATE TRIGGER matters_content_update AFTER UPDATE ON matters
  BEGIN UPDATE content_version SET value = random() WHERE id = 1; END;
CREATE TRIGGER matters_content_delete AFTER DELETE ON matters
  BEGIN UPDATE content_version SET value = random() WHERE id = 1; END;
CREATE TRIGGER matter_deadlines_content_insert AFTER INSERT ON matter_deadlines
  BEGIN UPDATE content_version SET value = random() WHERE id = 1; END;
CREATE TRIGGER matter_deadlines_content_update AFTER UPDATE ON matter_deadlines
  BEGIN UPDATE content_version SET value = random() WHERE id = 1; END;
CREATE TRIGGER matter_deadlines_content_delete AFTER DELETE ON matter_deadlines
  BEGIN UPDATE content_version SET value = random() WHERE id = 1; END;
CREATE TRIGGER matter_events_content_insert AFTER INSERT ON matter_events
  BEGIN UPDATE content_version SET value = random() WHERE id = 1; END;
CREATE TRIGGER matter_events_content_update AFTER UPDATE ON matter_events
  BEGIN UPDATE content_version SET value = random() WHERE id = 1; END;
CREATE TRIGGER matter_events_content_delete AFTER DELETE ON matter_events
  BEGIN UPDATE content_version SET value = random() WHERE id = 1; END;
CREATE TRIGGER matter_links_content_insert AFTER INSERT ON matter_links
  BEGIN UPDATE content_version SET value = random() WHERE id = 1; END;
CREATE TRIGGER matter_links_content_update AFTER UPDATE ON matter_links
  BEGIN UPDATE content_version SET value = random() WHERE id = 1; END;
CREATE TRIGGER matter_links_content_delete AFTER DELETE ON matter_links
  BEGIN UPDATE content_version SET value = random() WHERE id = 1; END;
CREATE TRIGGER attachments_content_insert AFTER INSERT ON attachments
  BEGIN UPDATE content_version SET value = random() WHERE id = 1; END;
CREATE TRIGGER attachments_content_update AFTER UPDATE ON attachments
  BEGIN UPDATE content_version SET value = random() WHERE id = 1; END;
CREATE TRIGGER attachments_content_delete AFTER DELETE ON attachments
  BEGIN UPDATE content_version SET value = random() WHERE id = 1; END;
CREATE TRIGGER orgs_content_insert AFTER INSERT ON orgs
  BEGIN UPDATE content_version SET value = random() WHERE id = 1; END;
CREATE TRIGGER orgs_content_update AFTER UPDATE ON orgs
  BEGIN UPDATE content_version SET value = random() WHERE id = 1; END;
CREATE TRIGGER orgs_content_delete AFTER DELETE ON orgs
  BEGIN UPDATE content_version SET value = random() WHERE id = 1; END;
-- Users: only the display name is shown with matters (sign-ins update other columns).
CREATE TRIGGER users_content_insert AFTER INSERT ON users
  BEGIN UPDATE content_version SET value = random() WHERE id = 1; END;
CREATE TRIGGER users_content_name AFTER UPDATE OF display_name ON users
  BEGIN UPDATE content_version SET value = random() WHERE id = 1; END;
CREATE TRIGGER users_content_delete AFTER DELETE ON users
  BEGIN UPDATE content_version SET value = random() WHERE id = 1; END;
