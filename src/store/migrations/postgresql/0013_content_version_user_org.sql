-- 0013 (PostgreSQL). Keep semantically equal to sqlite/0013_content_version_user_org.sql.
-- Matter views and timelines name people with their org (engine::PeopleByIds:
-- users.display_name and the name of users.org_id), so moving a user to
-- another org changes what they show: it replaces the content version too.
DROP TRIGGER users_content ON users;
CREATE CONSTRAINT TRIGGER users_content AFTER INSERT OR DELETE OR UPDATE OF display_name, org_id ON users
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION content_version_bump();
