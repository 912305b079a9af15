-- 0007 indexes for yearly metrics (SQLite). Keep equal to postgresql/0007_metric_indexes.sql.
-- Metrics count matters of a kind by when they were received or closed.
CREATE INDEX matters_kind_received ON matters(kind, received_at);
CREATE INDEX matters_kind_closed ON matters(kind, closed_at);
