-- luckos schema 7: evidence brought in by `luck import git` and `luck import docs`:
-- candidates grouped from a repository's history (keyed by their commit ids) and the
-- documents imported as artifacts (keyed by their file, with its content hash); kept in
-- the search index like the other kinds (kind code 19).
CREATE TABLE "evidence" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT,
    "title" TEXT NOT NULL,
    "source" TEXT NOT NULL CHECK ("source" IN ('git', 'doc')),
    "status" TEXT NOT NULL DEFAULT 'candidate' CHECK ("status" IN ('candidate', 'accepted', 'rejected')),
    "since" TEXT,
    "until" TEXT,
    "repository" TEXT NOT NULL DEFAULT '',
    "key" TEXT NOT NULL DEFAULT '',
    "commits" TEXT NOT NULL DEFAULT '[]',
    "paths" TEXT NOT NULL DEFAULT '[]',
    "added" INTEGER NOT NULL DEFAULT 0,
    "removed" INTEGER NOT NULL DEFAULT 0,
    "tickets" TEXT NOT NULL DEFAULT '[]',
    "digest" TEXT NOT NULL DEFAULT '',
    "artifact_id" INTEGER REFERENCES "artifact"(id) ON DELETE SET NULL,
    "note_id" INTEGER REFERENCES "note"(id) ON DELETE SET NULL,
    "theme_id" INTEGER REFERENCES "theme"(id) ON DELETE SET NULL,
    "window_id" INTEGER REFERENCES "window"(id) ON DELETE SET NULL,
    "promise_id" INTEGER REFERENCES "promise"(id) ON DELETE SET NULL,
    "note" TEXT NOT NULL DEFAULT ''
);
CREATE INDEX evidence_source ON evidence (source, repository, key);
CREATE INDEX evidence_status ON evidence (status, "until");
CREATE INDEX evidence_theme ON evidence (theme_id);

CREATE TRIGGER evidence_ai AFTER INSERT ON "evidence" BEGIN
    INSERT INTO search_index (rowid, body, kind, rid, private) VALUES (19 * 10000000000 + new.id, coalesce(new."title", '') || ' ' || coalesce(new."key", '') || ' ' || coalesce((SELECT group_concat(value, ' ') FROM json_each(new."tickets")), '') || ' ' || coalesce(new."note", ''), 'evidence', new.id, 0);
END;
CREATE TRIGGER evidence_au AFTER UPDATE ON "evidence" BEGIN
    DELETE FROM search_index WHERE rowid = 19 * 10000000000 + old.id;
    INSERT INTO search_index (rowid, body, kind, rid, private) VALUES (19 * 10000000000 + new.id, coalesce(new."title", '') || ' ' || coalesce(new."key", '') || ' ' || coalesce((SELECT group_concat(value, ' ') FROM json_each(new."tickets")), '') || ' ' || coalesce(new."note", ''), 'evidence', new.id, 0);
END;
CREATE TRIGGER evidence_ad AFTER DELETE ON "evidence" BEGIN
    DELETE FROM search_index WHERE rowid = 19 * 10000000000 + old.id;
END;
