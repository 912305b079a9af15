-- 0008 the list index (SQLite). Keep equal to postgresql/0008_list_index.sql.
-- Lists filter on kind, state and the caller's scope (org path, creator,
-- assignee) and sort by due date, newest first among equals: this index holds
-- all of those columns in that order, so a page's ids are read from it alone
-- and without sorting (engine/matter_list.cc). It replaces the narrower one.
DROP INDEX matters_kind_state_due;
CREATE INDEX matters_list ON matters(kind, state, due_on, id DESC, org_path, creator_id, assignee_id);
