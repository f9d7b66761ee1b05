-- luckos schema 10: stakeholders of a decision as well as of a window (one of the two),
-- and the window date each pre-wire state is for: a recurring window starts each date
-- with the same stakeholders and fresh states, the past dates' states kept as history.
-- A row of a window that does not recur is given that window's date; a row of a
-- recurring window keeps no date until its next step is recorded.
CREATE TABLE "stakeholder_new" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT,
    "window_id" INTEGER REFERENCES "window"(id) ON DELETE CASCADE,
    "decision_id" INTEGER REFERENCES "decision"(id) ON DELETE CASCADE,
    "person_id" INTEGER REFERENCES "person"(id) ON DELETE CASCADE NOT NULL,
    "role" TEXT NOT NULL CHECK ("role" IN ('decides', 'vetoes', 'implements', 'affected')),
    "sponsor" INTEGER NOT NULL DEFAULT 0,
    "occurrence" TEXT,
    "brief_sent_on" TEXT,
    "met_on" TEXT,
    "objection" TEXT NOT NULL DEFAULT '',
    "objection_on" TEXT,
    "handled" TEXT NOT NULL DEFAULT '' CHECK ("handled" IN ('', 'incorporated', 'answered', 'declined')),
    "handled_how" TEXT NOT NULL DEFAULT '',
    "handled_on" TEXT,
    "supports_on" TEXT,
    CHECK (("window_id" IS NULL) != ("decision_id" IS NULL))
);
INSERT INTO stakeholder_new (id, window_id, decision_id, person_id, role, sponsor, occurrence,
                             brief_sent_on, met_on, objection, objection_on, handled,
                             handled_how, handled_on, supports_on)
SELECT s.id, s.window_id, NULL, s.person_id, s.role, s.sponsor,
       (SELECT w."on" FROM "window" w WHERE w.id = s.window_id AND w.recurrence = ''),
       s.brief_sent_on, s.met_on, s.objection, s.objection_on, s.handled, s.handled_how,
       s.handled_on, s.supports_on
FROM stakeholder s;
DROP TABLE stakeholder;
ALTER TABLE stakeholder_new RENAME TO stakeholder;
UPDATE sqlite_sequence SET seq = (SELECT coalesce(max(id), 0) FROM stakeholder)
WHERE name = 'stakeholder';
CREATE INDEX stakeholder_window ON stakeholder (window_id, person_id);
CREATE INDEX stakeholder_decision ON stakeholder (decision_id, person_id);
CREATE INDEX stakeholder_person ON stakeholder (person_id);
CREATE TRIGGER stakeholder_ai AFTER INSERT ON "stakeholder" BEGIN
    INSERT INTO search_index (rowid, body, kind, rid, private) VALUES (21 * 10000000000 + new.id, coalesce(new."role", '') || ' ' || coalesce(new."objection", '') || ' ' || coalesce(new."handled_how", ''), 'stakeholder', new.id, 0);
END;
CREATE TRIGGER stakeholder_au AFTER UPDATE ON "stakeholder" BEGIN
    DELETE FROM search_index WHERE rowid = 21 * 10000000000 + old.id;
    INSERT INTO search_index (rowid, body, kind, rid, private) VALUES (21 * 10000000000 + new.id, coalesce(new."role", '') || ' ' || coalesce(new."objection", '') || ' ' || coalesce(new."handled_how", ''), 'stakeholder', new.id, 0);
END;
CREATE TRIGGER stakeholder_ad AFTER DELETE ON "stakeholder" BEGIN
    DELETE FROM search_index WHERE rowid = 21 * 10000000000 + old.id;
END;
