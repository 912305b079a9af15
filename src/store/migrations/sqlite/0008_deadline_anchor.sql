-- Where a running deadline's due date was counted from, so that it can be
-- counted again when the working-day calendar is edited or the length that
-- applies to the matter changes: due = Due(anchor_on, anchor_days), then
-- anchor_ext more units (an extension granted after the anchor).
-- Rows from before this migration keep anchor_on = '' and are not recounted.
ALTER TABLE matter_deadlines ADD COLUMN anchor_on TEXT NOT NULL DEFAULT '';
ALTER TABLE matter_deadlines ADD COLUMN anchor_days INTEGER NOT NULL DEFAULT 0;
ALTER TABLE matter_deadlines ADD COLUMN anchor_ext INTEGER NOT NULL DEFAULT 0;
