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

-- The ledger's all-time totals, kept in step by triggers: one row per status and
-- lateness (landed after the due date), with the days late summed.
CREATE TABLE ledger_totals (
    status TEXT NOT NULL,
    late INTEGER NOT NULL,
    number INTEGER NOT NULL,
    late_days REAL NOT NULL,
    PRIMARY KEY (status, late)
) WITHOUT ROWID;
INSERT INTO ledger_totals (status, late, number, late_days)
    SELECT status, coalesce(landed_on > due, 0) AS late, count(*),
           total(CASE WHEN landed_on > due THEN julianday(landed_on) - julianday(due) END)
    FROM promise GROUP BY status, late;
CREATE TRIGGER promise_totals_ai AFTER INSERT ON promise BEGIN
    INSERT INTO ledger_totals (status, late, number, late_days)
    VALUES (new.status, coalesce(new.landed_on > new.due, 0), 1,
            CASE WHEN new.landed_on > new.due
                 THEN julianday(new.landed_on) - julianday(new.due) ELSE 0 END)
    ON CONFLICT (status, late) DO UPDATE
        SET number = number + 1, late_days = late_days + excluded.late_days;
END;
CREATE TRIGGER promise_totals_ad AFTER DELETE ON promise BEGIN
    UPDATE ledger_totals
        SET number = number - 1,
            late_days = late_days - CASE WHEN old.landed_on > old.due
                THEN julianday(old.landed_on) - julianday(old.due) ELSE 0 END
        WHERE status = old.status AND late = coalesce(old.landed_on > old.due, 0);
END;
CREATE TRIGGER promise_totals_au AFTER UPDATE OF status, due, landed_on ON promise BEGIN
    UPDATE ledger_totals
        SET number = number - 1,
            late_days = late_days - CASE WHEN old.landed_on > old.due
                THEN julianday(old.landed_on) - julianday(old.due) ELSE 0 END
        WHERE status = old.status AND late = coalesce(old.landed_on > old.due, 0);
    INSERT INTO ledger_totals (status, late, number, late_days)
    VALUES (new.status, coalesce(new.landed_on > new.due, 0), 1,
            CASE WHEN new.landed_on > new.due
                 THEN julianday(new.landed_on) - julianday(new.due) ELSE 0 END)
    ON CONFLICT (status, late) DO UPDATE
        SET number = number + 1, late_days = late_days + excluded.late_days;
END;
