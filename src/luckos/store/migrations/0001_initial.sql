-- luckos schema 1: one table per record kind, and a full-text index kept in step by triggers.
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE promise (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT,
    "what" TEXT NOT NULL,
    "to_whom" TEXT NOT NULL,
    "made_on" TEXT,
    "due" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT '' CHECK ("status" IN ('open', 'kept', 'missed', 'renegotiated', 'dropped')),
    "landed_on" TEXT,
    "theme_id" INTEGER REFERENCES theme(id) ON DELETE SET NULL,
    "tags" TEXT NOT NULL DEFAULT '[]',
    "renegotiated_to" INTEGER REFERENCES promise(id) ON DELETE SET NULL,
    "note" TEXT NOT NULL DEFAULT ''
);
CREATE TABLE signal (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT,
    "who" TEXT NOT NULL,
    "what" TEXT NOT NULL,
    "on" TEXT,
    "escalated" INTEGER NOT NULL DEFAULT 0,
    "note" TEXT NOT NULL DEFAULT ''
);
CREATE TABLE window (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT '' CHECK ("kind" IN ('planning', 'headcount', 'budget', 'retro', 'promotion', 'post-mortem', 'other')),
    "on" TEXT NOT NULL,
    "recurrence" TEXT NOT NULL DEFAULT '',
    "prep_lead_days" INTEGER NOT NULL DEFAULT 7,
    "needs_brief" INTEGER NOT NULL DEFAULT 1,
    "needs_demo" INTEGER NOT NULL DEFAULT 1,
    "docs" TEXT NOT NULL DEFAULT '[]',
    "theme_id" INTEGER REFERENCES theme(id) ON DELETE SET NULL,
    "note" TEXT NOT NULL DEFAULT ''
);
CREATE TABLE theme (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT,
    "label" TEXT NOT NULL,
    "sentence" TEXT NOT NULL DEFAULT '',
    "problem" TEXT NOT NULL DEFAULT '',
    "bet" TEXT NOT NULL DEFAULT '',
    "milestone" TEXT NOT NULL DEFAULT '',
    "blast_radius" TEXT NOT NULL DEFAULT '',
    "pain" TEXT NOT NULL DEFAULT '',
    "advantage" TEXT NOT NULL DEFAULT '',
    "progress" TEXT NOT NULL DEFAULT '',
    "started_on" TEXT
);
CREATE TABLE metric (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT,
    "theme_id" INTEGER REFERENCES theme(id) ON DELETE CASCADE NOT NULL,
    "slot" TEXT NOT NULL CHECK ("slot" IN ('customer', 'reliability', 'speed')),
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL DEFAULT '',
    "good" TEXT NOT NULL DEFAULT '' CHECK ("good" IN ('up', 'down'))
);
CREATE TABLE reading (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT,
    "metric_id" INTEGER REFERENCES metric(id) ON DELETE CASCADE NOT NULL,
    "month" TEXT NOT NULL,
    "value" REAL NOT NULL,
    "narrative" TEXT NOT NULL DEFAULT ''
);
CREATE TABLE decision (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT,
    "title" TEXT NOT NULL,
    "on" TEXT,
    "options" TEXT NOT NULL DEFAULT '[]',
    "choice" TEXT NOT NULL DEFAULT '',
    "expected" TEXT NOT NULL DEFAULT '',
    "indicators" TEXT NOT NULL DEFAULT '[]',
    "confidence" REAL,
    "review_on" TEXT,
    "outcome" TEXT NOT NULL DEFAULT '',
    "response" TEXT NOT NULL DEFAULT '',
    "theme_id" INTEGER REFERENCES theme(id) ON DELETE SET NULL
);
CREATE TABLE bench (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT,
    "person" TEXT NOT NULL,
    "action" TEXT NOT NULL CHECK ("action" IN ('unblocked', 'promoted', 'placed', 'sponsored')),
    "on" TEXT,
    "artifact" TEXT NOT NULL DEFAULT '',
    "bet" TEXT NOT NULL DEFAULT '',
    "note" TEXT NOT NULL DEFAULT ''
);
CREATE TABLE sponsor (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT,
    "person" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT '',
    "since" TEXT,
    "backs" TEXT NOT NULL DEFAULT '',
    "note" TEXT NOT NULL DEFAULT ''
);
CREATE TABLE artifact (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT,
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL CHECK ("kind" IN ('talk', 'post', 'open-source', 'design-doc', 'brief', 'post-mortem', 'runbook', 'one-pager', 'architecture-note', 'working-group', 'demo')),
    "surface" TEXT NOT NULL DEFAULT '' CHECK ("surface" IN ('public', 'internal')),
    "on" TEXT,
    "link" TEXT NOT NULL DEFAULT '',
    "theme_id" INTEGER REFERENCES theme(id) ON DELETE SET NULL,
    "window_id" INTEGER REFERENCES window(id) ON DELETE SET NULL,
    "note" TEXT NOT NULL DEFAULT ''
);
CREATE TABLE testimonial (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT,
    "artifact_id" INTEGER REFERENCES artifact(id) ON DELETE CASCADE NOT NULL,
    "who" TEXT NOT NULL,
    "on" TEXT,
    "hours_saved" REAL,
    "quote" TEXT NOT NULL DEFAULT ''
);
CREATE TABLE note (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT,
    "body" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT '' CHECK ("kind" IN ('journal', 'year-in-public', 'earned-secret')),
    "on" TEXT,
    "title" TEXT NOT NULL DEFAULT '',
    "tags" TEXT NOT NULL DEFAULT '[]'
);

CREATE INDEX promise_due ON promise (status, due);
CREATE INDEX promise_landed ON promise (landed_on);
CREATE INDEX window_on ON "window" ("on");
CREATE INDEX metric_theme ON metric (theme_id, slot);
CREATE UNIQUE INDEX reading_month ON reading (metric_id, month);
CREATE INDEX artifact_window ON artifact (window_id);
CREATE INDEX decision_review ON decision (review_on);
CREATE INDEX note_on ON note ("on");
CREATE INDEX testimonial_artifact ON testimonial (artifact_id);

CREATE VIRTUAL TABLE search_index USING fts5(body, kind UNINDEXED, rid UNINDEXED, private UNINDEXED, tokenize = 'porter unicode61');
CREATE TRIGGER promise_ai AFTER INSERT ON "promise" BEGIN
    INSERT INTO search_index (rowid, body, kind, rid, private) VALUES (1 * 10000000000 + new.id, coalesce(new."what", '') || ' ' || coalesce(new."to_whom", '') || ' ' || coalesce((SELECT group_concat(value, ' ') FROM json_each(new."tags")), '') || ' ' || coalesce(new."note", ''), 'promise', new.id, 0);
END;
CREATE TRIGGER promise_au AFTER UPDATE ON "promise" BEGIN
    DELETE FROM search_index WHERE rowid = 1 * 10000000000 + old.id;
    INSERT INTO search_index (rowid, body, kind, rid, private) VALUES (1 * 10000000000 + new.id, coalesce(new."what", '') || ' ' || coalesce(new."to_whom", '') || ' ' || coalesce((SELECT group_concat(value, ' ') FROM json_each(new."tags")), '') || ' ' || coalesce(new."note", ''), 'promise', new.id, 0);
END;
CREATE TRIGGER promise_ad AFTER DELETE ON "promise" BEGIN
    DELETE FROM search_index WHERE rowid = 1 * 10000000000 + old.id;
END;
CREATE TRIGGER signal_ai AFTER INSERT ON "signal" BEGIN
    INSERT INTO search_index (rowid, body, kind, rid, private) VALUES (2 * 10000000000 + new.id, coalesce(new."who", '') || ' ' || coalesce(new."what", '') || ' ' || coalesce(new."note", ''), 'signal', new.id, 0);
END;
CREATE TRIGGER signal_au AFTER UPDATE ON "signal" BEGIN
    DELETE FROM search_index WHERE rowid = 2 * 10000000000 + old.id;
    INSERT INTO search_index (rowid, body, kind, rid, private) VALUES (2 * 10000000000 + new.id, coalesce(new."who", '') || ' ' || coalesce(new."what", '') || ' ' || coalesce(new."note", ''), 'signal', new.id, 0);
END;
CREATE TRIGGER signal_ad AFTER DELETE ON "signal" BEGIN
    DELETE FROM search_index WHERE rowid = 2 * 10000000000 + old.id;
END;
CREATE TRIGGER window_ai AFTER INSERT ON "window" BEGIN
    INSERT INTO search_index (rowid, body, kind, rid, private) VALUES (3 * 10000000000 + new.id, coalesce(new."name", '') || ' ' || coalesce(new."recurrence", '') || ' ' || coalesce((SELECT group_concat(value, ' ') FROM json_each(new."docs")), '') || ' ' || coalesce(new."note", ''), 'window', new.id, 0);
END;
CREATE TRIGGER window_au AFTER UPDATE ON "window" BEGIN
    DELETE FROM search_index WHERE rowid = 3 * 10000000000 + old.id;
    INSERT INTO search_index (rowid, body, kind, rid, private) VALUES (3 * 10000000000 + new.id, coalesce(new."name", '') || ' ' || coalesce(new."recurrence", '') || ' ' || coalesce((SELECT group_concat(value, ' ') FROM json_each(new."docs")), '') || ' ' || coalesce(new."note", ''), 'window', new.id, 0);
END;
CREATE TRIGGER window_ad AFTER DELETE ON "window" BEGIN
    DELETE FROM search_index WHERE rowid = 3 * 10000000000 + old.id;
END;
CREATE TRIGGER theme_ai AFTER INSERT ON "theme" BEGIN
    INSERT INTO search_index (rowid, body, kind, rid, private) VALUES (4 * 10000000000 + new.id, coalesce(new."label", '') || ' ' || coalesce(new."sentence", '') || ' ' || coalesce(new."problem", '') || ' ' || coalesce(new."bet", '') || ' ' || coalesce(new."milestone", '') || ' ' || coalesce(new."blast_radius", '') || ' ' || coalesce(new."pain", '') || ' ' || coalesce(new."advantage", '') || ' ' || coalesce(new."progress", ''), 'theme', new.id, 0);
END;
CREATE TRIGGER theme_au AFTER UPDATE ON "theme" BEGIN
    DELETE FROM search_index WHERE rowid = 4 * 10000000000 + old.id;
    INSERT INTO search_index (rowid, body, kind, rid, private) VALUES (4 * 10000000000 + new.id, coalesce(new."label", '') || ' ' || coalesce(new."sentence", '') || ' ' || coalesce(new."problem", '') || ' ' || coalesce(new."bet", '') || ' ' || coalesce(new."milestone", '') || ' ' || coalesce(new."blast_radius", '') || ' ' || coalesce(new."pain", '') || ' ' || coalesce(new."advantage", '') || ' ' || coalesce(new."progress", ''), 'theme', new.id, 0);
END;
CREATE TRIGGER theme_ad AFTER DELETE ON "theme" BEGIN
    DELETE FROM search_index WHERE rowid = 4 * 10000000000 + old.id;
END;
CREATE TRIGGER metric_ai AFTER INSERT ON "metric" BEGIN
    INSERT INTO search_index (rowid, body, kind, rid, private) VALUES (5 * 10000000000 + new.id, coalesce(new."name", '') || ' ' || coalesce(new."unit", ''), 'metric', new.id, 0);
END;
CREATE TRIGGER metric_au AFTER UPDATE ON "metric" BEGIN
    DELETE FROM search_index WHERE rowid = 5 * 10000000000 + old.id;
    INSERT INTO search_index (rowid, body, kind, rid, private) VALUES (5 * 10000000000 + new.id, coalesce(new."name", '') || ' ' || coalesce(new."unit", ''), 'metric', new.id, 0);
END;
CREATE TRIGGER metric_ad AFTER DELETE ON "metric" BEGIN
    DELETE FROM search_index WHERE rowid = 5 * 10000000000 + old.id;
END;
CREATE TRIGGER reading_ai AFTER INSERT ON "reading" BEGIN
    INSERT INTO search_index (rowid, body, kind, rid, private) VALUES (6 * 10000000000 + new.id, coalesce(new."month", '') || ' ' || coalesce(new."narrative", ''), 'reading', new.id, 0);
END;
CREATE TRIGGER reading_au AFTER UPDATE ON "reading" BEGIN
    DELETE FROM search_index WHERE rowid = 6 * 10000000000 + old.id;
    INSERT INTO search_index (rowid, body, kind, rid, private) VALUES (6 * 10000000000 + new.id, coalesce(new."month", '') || ' ' || coalesce(new."narrative", ''), 'reading', new.id, 0);
END;
CREATE TRIGGER reading_ad AFTER DELETE ON "reading" BEGIN
    DELETE FROM search_index WHERE rowid = 6 * 10000000000 + old.id;
END;
CREATE TRIGGER decision_ai AFTER INSERT ON "decision" BEGIN
    INSERT INTO search_index (rowid, body, kind, rid, private) VALUES (7 * 10000000000 + new.id, coalesce(new."title", '') || ' ' || coalesce((SELECT group_concat(value, ' ') FROM json_each(new."options")), '') || ' ' || coalesce(new."choice", '') || ' ' || coalesce(new."expected", '') || ' ' || coalesce((SELECT group_concat(value, ' ') FROM json_each(new."indicators")), '') || ' ' || coalesce(new."outcome", '') || ' ' || coalesce(new."response", ''), 'decision', new.id, 0);
END;
CREATE TRIGGER decision_au AFTER UPDATE ON "decision" BEGIN
    DELETE FROM search_index WHERE rowid = 7 * 10000000000 + old.id;
    INSERT INTO search_index (rowid, body, kind, rid, private) VALUES (7 * 10000000000 + new.id, coalesce(new."title", '') || ' ' || coalesce((SELECT group_concat(value, ' ') FROM json_each(new."options")), '') || ' ' || coalesce(new."choice", '') || ' ' || coalesce(new."expected", '') || ' ' || coalesce((SELECT group_concat(value, ' ') FROM json_each(new."indicators")), '') || ' ' || coalesce(new."outcome", '') || ' ' || coalesce(new."response", ''), 'decision', new.id, 0);
END;
CREATE TRIGGER decision_ad AFTER DELETE ON "decision" BEGIN
    DELETE FROM search_index WHERE rowid = 7 * 10000000000 + old.id;
END;
CREATE TRIGGER bench_ai AFTER INSERT ON "bench" BEGIN
    INSERT INTO search_index (rowid, body, kind, rid, private) VALUES (8 * 10000000000 + new.id, coalesce(new."person", '') || ' ' || coalesce(new."artifact", '') || ' ' || coalesce(new."bet", '') || ' ' || coalesce(new."note", ''), 'bench', new.id, 0);
END;
CREATE TRIGGER bench_au AFTER UPDATE ON "bench" BEGIN
    DELETE FROM search_index WHERE rowid = 8 * 10000000000 + old.id;
    INSERT INTO search_index (rowid, body, kind, rid, private) VALUES (8 * 10000000000 + new.id, coalesce(new."person", '') || ' ' || coalesce(new."artifact", '') || ' ' || coalesce(new."bet", '') || ' ' || coalesce(new."note", ''), 'bench', new.id, 0);
END;
CREATE TRIGGER bench_ad AFTER DELETE ON "bench" BEGIN
    DELETE FROM search_index WHERE rowid = 8 * 10000000000 + old.id;
END;
CREATE TRIGGER sponsor_ai AFTER INSERT ON "sponsor" BEGIN
    INSERT INTO search_index (rowid, body, kind, rid, private) VALUES (9 * 10000000000 + new.id, coalesce(new."person", '') || ' ' || coalesce(new."role", '') || ' ' || coalesce(new."backs", '') || ' ' || coalesce(new."note", ''), 'sponsor', new.id, 0);
END;
CREATE TRIGGER sponsor_au AFTER UPDATE ON "sponsor" BEGIN
    DELETE FROM search_index WHERE rowid = 9 * 10000000000 + old.id;
    INSERT INTO search_index (rowid, body, kind, rid, private) VALUES (9 * 10000000000 + new.id, coalesce(new."person", '') || ' ' || coalesce(new."role", '') || ' ' || coalesce(new."backs", '') || ' ' || coalesce(new."note", ''), 'sponsor', new.id, 0);
END;
CREATE TRIGGER sponsor_ad AFTER DELETE ON "sponsor" BEGIN
    DELETE FROM search_index WHERE rowid = 9 * 10000000000 + old.id;
END;
CREATE TRIGGER artifact_ai AFTER INSERT ON "artifact" BEGIN
    INSERT INTO search_index (rowid, body, kind, rid, private) VALUES (10 * 10000000000 + new.id, coalesce(new."title", '') || ' ' || coalesce(new."link", '') || ' ' || coalesce(new."note", ''), 'artifact', new.id, 0);
END;
CREATE TRIGGER artifact_au AFTER UPDATE ON "artifact" BEGIN
    DELETE FROM search_index WHERE rowid = 10 * 10000000000 + old.id;
    INSERT INTO search_index (rowid, body, kind, rid, private) VALUES (10 * 10000000000 + new.id, coalesce(new."title", '') || ' ' || coalesce(new."link", '') || ' ' || coalesce(new."note", ''), 'artifact', new.id, 0);
END;
CREATE TRIGGER artifact_ad AFTER DELETE ON "artifact" BEGIN
    DELETE FROM search_index WHERE rowid = 10 * 10000000000 + old.id;
END;
CREATE TRIGGER testimonial_ai AFTER INSERT ON "testimonial" BEGIN
    INSERT INTO search_index (rowid, body, kind, rid, private) VALUES (11 * 10000000000 + new.id, coalesce(new."who", '') || ' ' || coalesce(new."quote", ''), 'testimonial', new.id, 0);
END;
CREATE TRIGGER testimonial_au AFTER UPDATE ON "testimonial" BEGIN
    DELETE FROM search_index WHERE rowid = 11 * 10000000000 + old.id;
    INSERT INTO search_index (rowid, body, kind, rid, private) VALUES (11 * 10000000000 + new.id, coalesce(new."who", '') || ' ' || coalesce(new."quote", ''), 'testimonial', new.id, 0);
END;
CREATE TRIGGER testimonial_ad AFTER DELETE ON "testimonial" BEGIN
    DELETE FROM search_index WHERE rowid = 11 * 10000000000 + old.id;
END;
CREATE TRIGGER note_ai AFTER INSERT ON "note" BEGIN
    INSERT INTO search_index (rowid, body, kind, rid, private) VALUES (12 * 10000000000 + new.id, coalesce(new."body", '') || ' ' || coalesce(new."title", '') || ' ' || coalesce((SELECT group_concat(value, ' ') FROM json_each(new."tags")), ''), 'note', new.id, (new.kind = 'earned-secret'));
END;
CREATE TRIGGER note_au AFTER UPDATE ON "note" BEGIN
    DELETE FROM search_index WHERE rowid = 12 * 10000000000 + old.id;
    INSERT INTO search_index (rowid, body, kind, rid, private) VALUES (12 * 10000000000 + new.id, coalesce(new."body", '') || ' ' || coalesce(new."title", '') || ' ' || coalesce((SELECT group_concat(value, ' ') FROM json_each(new."tags")), ''), 'note', new.id, (new.kind = 'earned-secret'));
END;
CREATE TRIGGER note_ad AFTER DELETE ON "note" BEGIN
    DELETE FROM search_index WHERE rowid = 12 * 10000000000 + old.id;
END;
