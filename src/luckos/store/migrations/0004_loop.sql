-- luckos schema 4: the operating loop. Glue entries, explore entries, projects scored on
-- the seven quiet heuristics, diagnoses, role arcs and 90-day reboots; each kept in the
-- search index like schema 2's kinds (rowid = kind code * 10^10 + record id).
CREATE TABLE "glue" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT,
    "what" TEXT NOT NULL,
    "hours" REAL NOT NULL,
    "on" TEXT,
    "unlocks" TEXT NOT NULL DEFAULT '',
    "project_id" INTEGER REFERENCES "project"(id) ON DELETE SET NULL,
    "mechanism" TEXT NOT NULL DEFAULT '',
    "note" TEXT NOT NULL DEFAULT ''
);
CREATE TABLE "explore" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT,
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL CHECK ("kind" IN ('weekend-prototype', 'talk', 'paper-reproduction', 'teardown')),
    "on" TEXT,
    "wave" TEXT NOT NULL DEFAULT '',
    "link" TEXT NOT NULL DEFAULT '',
    "learned" TEXT NOT NULL DEFAULT ''
);
CREATE TABLE "project" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "started_on" TEXT,
    "theme_id" INTEGER REFERENCES "theme"(id) ON DELETE SET NULL,
    "flagship" INTEGER NOT NULL DEFAULT 0,
    "five_minute_demo" INTEGER,
    "deletes_meetings" INTEGER,
    "mechanism" INTEGER,
    "disagreement" INTEGER,
    "owned_blast_radius" INTEGER,
    "denominator" INTEGER,
    "press_release" INTEGER,
    "kill_review_on" TEXT,
    "reviewed_on" TEXT,
    "enthusiasm" INTEGER NOT NULL DEFAULT 0,
    "signal" INTEGER NOT NULL DEFAULT 0,
    "landing" INTEGER NOT NULL DEFAULT 0,
    "outcome" TEXT NOT NULL DEFAULT '' CHECK ("outcome" IN ('', 'continue', 'pause-publicly')),
    "why" TEXT NOT NULL DEFAULT '',
    "landed_on" TEXT,
    "note" TEXT NOT NULL DEFAULT ''
);
CREATE TABLE "diagnosis" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT,
    "problem" TEXT NOT NULL,
    "funders" TEXT NOT NULL DEFAULT '',
    "proof" TEXT NOT NULL DEFAULT '',
    "on" TEXT
);
CREATE TABLE "arc" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT,
    "role" TEXT NOT NULL,
    "track" TEXT NOT NULL CHECK ("track" IN ('ic', 'manager')),
    "started_on" TEXT,
    "ended_on" TEXT,
    "bottleneck" TEXT NOT NULL DEFAULT '' CHECK ("bottleneck" IN ('', 'coordination', 'architecture')),
    "assessed_on" TEXT,
    "assessment" TEXT NOT NULL DEFAULT '',
    "note" TEXT NOT NULL DEFAULT ''
);
CREATE TABLE "reboot" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT,
    "focus" TEXT NOT NULL DEFAULT '',
    "started_on" TEXT,
    "theme_id" INTEGER REFERENCES "theme"(id) ON DELETE SET NULL,
    "done" TEXT NOT NULL DEFAULT '[]',
    "ended_on" TEXT,
    "postmortem" TEXT NOT NULL DEFAULT '',
    "note" TEXT NOT NULL DEFAULT ''
);

CREATE INDEX glue_on ON glue ("on");
CREATE INDEX explore_on ON explore (kind, "on");
CREATE INDEX project_review ON project (outcome, kill_review_on);
CREATE INDEX diagnosis_on ON diagnosis ("on");
CREATE INDEX arc_started ON arc (started_on);
CREATE INDEX reboot_started ON reboot (started_on);
-- the surface area and the arc count promises by the date they landed: a covering index
CREATE INDEX IF NOT EXISTS loop_promise_landed ON promise (landed_on, status, due, theme_id);

CREATE TRIGGER glue_ai AFTER INSERT ON "glue" BEGIN
    INSERT INTO search_index (rowid, body, kind, rid, private) VALUES (13 * 10000000000 + new.id, coalesce(new."what", '') || ' ' || coalesce(new."unlocks", '') || ' ' || coalesce(new."mechanism", '') || ' ' || coalesce(new."note", ''), 'glue', new.id, 0);
END;
CREATE TRIGGER glue_au AFTER UPDATE ON "glue" BEGIN
    DELETE FROM search_index WHERE rowid = 13 * 10000000000 + old.id;
    INSERT INTO search_index (rowid, body, kind, rid, private) VALUES (13 * 10000000000 + new.id, coalesce(new."what", '') || ' ' || coalesce(new."unlocks", '') || ' ' || coalesce(new."mechanism", '') || ' ' || coalesce(new."note", ''), 'glue', new.id, 0);
END;
CREATE TRIGGER glue_ad AFTER DELETE ON "glue" BEGIN
    DELETE FROM search_index WHERE rowid = 13 * 10000000000 + old.id;
END;
CREATE TRIGGER explore_ai AFTER INSERT ON "explore" BEGIN
    INSERT INTO search_index (rowid, body, kind, rid, private) VALUES (14 * 10000000000 + new.id, coalesce(new."title", '') || ' ' || coalesce(new."wave", '') || ' ' || coalesce(new."link", '') || ' ' || coalesce(new."learned", ''), 'explore', new.id, 0);
END;
CREATE TRIGGER explore_au AFTER UPDATE ON "explore" BEGIN
    DELETE FROM search_index WHERE rowid = 14 * 10000000000 + old.id;
    INSERT INTO search_index (rowid, body, kind, rid, private) VALUES (14 * 10000000000 + new.id, coalesce(new."title", '') || ' ' || coalesce(new."wave", '') || ' ' || coalesce(new."link", '') || ' ' || coalesce(new."learned", ''), 'explore', new.id, 0);
END;
CREATE TRIGGER explore_ad AFTER DELETE ON "explore" BEGIN
    DELETE FROM search_index WHERE rowid = 14 * 10000000000 + old.id;
END;
CREATE TRIGGER project_ai AFTER INSERT ON "project" BEGIN
    INSERT INTO search_index (rowid, body, kind, rid, private) VALUES (15 * 10000000000 + new.id, coalesce(new."name", '') || ' ' || coalesce(new."why", '') || ' ' || coalesce(new."note", ''), 'project', new.id, 0);
END;
CREATE TRIGGER project_au AFTER UPDATE ON "project" BEGIN
    DELETE FROM search_index WHERE rowid = 15 * 10000000000 + old.id;
    INSERT INTO search_index (rowid, body, kind, rid, private) VALUES (15 * 10000000000 + new.id, coalesce(new."name", '') || ' ' || coalesce(new."why", '') || ' ' || coalesce(new."note", ''), 'project', new.id, 0);
END;
CREATE TRIGGER project_ad AFTER DELETE ON "project" BEGIN
    DELETE FROM search_index WHERE rowid = 15 * 10000000000 + old.id;
END;
CREATE TRIGGER diagnosis_ai AFTER INSERT ON "diagnosis" BEGIN
    INSERT INTO search_index (rowid, body, kind, rid, private) VALUES (16 * 10000000000 + new.id, coalesce(new."problem", '') || ' ' || coalesce(new."funders", '') || ' ' || coalesce(new."proof", ''), 'diagnosis', new.id, 0);
END;
CREATE TRIGGER diagnosis_au AFTER UPDATE ON "diagnosis" BEGIN
    DELETE FROM search_index WHERE rowid = 16 * 10000000000 + old.id;
    INSERT INTO search_index (rowid, body, kind, rid, private) VALUES (16 * 10000000000 + new.id, coalesce(new."problem", '') || ' ' || coalesce(new."funders", '') || ' ' || coalesce(new."proof", ''), 'diagnosis', new.id, 0);
END;
CREATE TRIGGER diagnosis_ad AFTER DELETE ON "diagnosis" BEGIN
    DELETE FROM search_index WHERE rowid = 16 * 10000000000 + old.id;
END;
CREATE TRIGGER arc_ai AFTER INSERT ON "arc" BEGIN
    INSERT INTO search_index (rowid, body, kind, rid, private) VALUES (17 * 10000000000 + new.id, coalesce(new."role", '') || ' ' || coalesce(new."assessment", '') || ' ' || coalesce(new."note", ''), 'arc', new.id, 0);
END;
CREATE TRIGGER arc_au AFTER UPDATE ON "arc" BEGIN
    DELETE FROM search_index WHERE rowid = 17 * 10000000000 + old.id;
    INSERT INTO search_index (rowid, body, kind, rid, private) VALUES (17 * 10000000000 + new.id, coalesce(new."role", '') || ' ' || coalesce(new."assessment", '') || ' ' || coalesce(new."note", ''), 'arc', new.id, 0);
END;
CREATE TRIGGER arc_ad AFTER DELETE ON "arc" BEGIN
    DELETE FROM search_index WHERE rowid = 17 * 10000000000 + old.id;
END;
CREATE TRIGGER reboot_ai AFTER INSERT ON "reboot" BEGIN
    INSERT INTO search_index (rowid, body, kind, rid, private) VALUES (18 * 10000000000 + new.id, coalesce(new."focus", '') || ' ' || coalesce(new."postmortem", '') || ' ' || coalesce(new."note", ''), 'reboot', new.id, 0);
END;
CREATE TRIGGER reboot_au AFTER UPDATE ON "reboot" BEGIN
    DELETE FROM search_index WHERE rowid = 18 * 10000000000 + old.id;
    INSERT INTO search_index (rowid, body, kind, rid, private) VALUES (18 * 10000000000 + new.id, coalesce(new."focus", '') || ' ' || coalesce(new."postmortem", '') || ' ' || coalesce(new."note", ''), 'reboot', new.id, 0);
END;
CREATE TRIGGER reboot_ad AFTER DELETE ON "reboot" BEGIN
    DELETE FROM search_index WHERE rowid = 18 * 10000000000 + old.id;
END;
