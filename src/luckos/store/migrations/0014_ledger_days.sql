-- luckos schema 14: the promises landed each day, counted by status, with those landed
-- after their due date, kept in step by triggers (as `ledger_totals` keeps the
-- all-time totals). The ledger counts its quarters and rolling days from these rows (about
-- 12,000 on ten years of promises) instead of visiting each promise's index entry (about
-- 14,000 for the quarters `luck review` and `luck ledger` show). A day and status whose
-- count falls to nothing is removed.
CREATE TABLE ledger_days (
    landed_on TEXT NOT NULL,
    status TEXT NOT NULL,
    number INTEGER NOT NULL,
    late INTEGER NOT NULL,
    PRIMARY KEY (landed_on, status)
) WITHOUT ROWID;
INSERT INTO ledger_days (landed_on, status, number, late)
    SELECT landed_on, status, count(*), count(*) FILTER (WHERE landed_on > due)
    FROM promise WHERE landed_on IS NOT NULL GROUP BY landed_on, status;
CREATE TRIGGER promise_days_ai AFTER INSERT ON promise WHEN new.landed_on IS NOT NULL BEGIN
    INSERT INTO ledger_days (landed_on, status, number, late)
    VALUES (new.landed_on, new.status, 1, coalesce(new.landed_on > new.due, 0))
    ON CONFLICT (landed_on, status) DO UPDATE
        SET number = number + 1, late = late + excluded.late;
END;
CREATE TRIGGER promise_days_ad AFTER DELETE ON promise WHEN old.landed_on IS NOT NULL BEGIN
    UPDATE ledger_days
        SET number = number - 1, late = late - coalesce(old.landed_on > old.due, 0)
        WHERE landed_on = old.landed_on AND status = old.status;
    DELETE FROM ledger_days
        WHERE landed_on = old.landed_on AND status = old.status AND number <= 0;
END;
CREATE TRIGGER promise_days_au AFTER UPDATE OF status, due, landed_on ON promise BEGIN
    UPDATE ledger_days
        SET number = number - 1, late = late - coalesce(old.landed_on > old.due, 0)
        WHERE landed_on = old.landed_on AND status = old.status;
    DELETE FROM ledger_days
        WHERE landed_on = old.landed_on AND status = old.status AND number <= 0;
    INSERT INTO ledger_days (landed_on, status, number, late)
        SELECT new.landed_on, new.status, 1, coalesce(new.landed_on > new.due, 0)
        WHERE new.landed_on IS NOT NULL
    ON CONFLICT (landed_on, status) DO UPDATE
        SET number = number + 1, late = late + excluded.late;
END;
-- The earned secrets that something grew from are left out of the review's asks through
-- the artifacts and explore entries that cite one: few of either do, and these indexes
-- hold only those, where the query read every artifact and every explore entry.
CREATE INDEX IF NOT EXISTS artifact_from_note ON artifact (from_note_id)
    WHERE from_note_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS explore_from_note ON explore (from_note_id)
    WHERE from_note_id IS NOT NULL;
-- The recurring windows (60 of 5,000 on ten years), which every reader of the windows
-- ahead takes with those dated from a day on: found through this index and the one on
-- the date, where every window was read to find them.
CREATE INDEX IF NOT EXISTS window_recurring ON "window" (id) WHERE recurrence != '';
