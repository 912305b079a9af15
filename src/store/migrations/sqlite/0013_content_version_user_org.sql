-- 0013 (SQLite). Keep semantically equal to postgresql/0013_content_version_user_org.sql.
-- Matter views and timelines name people with their org (engine::PeopleByIds:
-- users.display_name and the name of users.org_id), so moving a user to
-- another org changes what they show: it replaces the content version too.
CREATE TRIGGER users_content_org AFTER UPDATE OF org_id ON users
  BEGIN UPDATE content_version SET value = random() WHERE id = 1; END;
