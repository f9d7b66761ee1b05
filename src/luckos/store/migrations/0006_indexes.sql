-- luckos schema 6: indexes for ten years of records, and themes that can be retired.
-- The ledger counts from covering indexes; lists sort by due date without a full sort;
-- deleting a theme, a window or a promise finds the rows that point at it by index.
DROP INDEX IF EXISTS promise_due;
DROP INDEX IF EXISTS promise_landed;
CREATE INDEX promise_status_due ON promise (status, due, landed_on);
CREATE INDEX promise_landed_status ON promise (landed_on, status, due);
CREATE INDEX promise_due_only ON promise (due);
CREATE INDEX promise_renegotiated_to ON promise (renegotiated_to);
CREATE INDEX promise_theme ON promise (theme_id);
CREATE INDEX window_theme ON "window" (theme_id);
CREATE INDEX artifact_theme ON artifact (theme_id);
CREATE INDEX artifact_on ON artifact ("on");
CREATE INDEX decision_theme ON decision (theme_id);
CREATE INDEX signal_on ON signal ("on");

ALTER TABLE theme ADD COLUMN retired_on TEXT;
