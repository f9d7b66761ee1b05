-- luckos schema 1: one table per record kind (the columns are the domain records' fields).
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
