-- luckos schema 5: saved estimates (the rough math behind a pitch), linked to a theme,
-- a decision window or a brief, and kept in the search index (kind code 40).
CREATE TABLE estimate (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "on" TEXT,
    "theme_id" INTEGER REFERENCES theme(id) ON DELETE SET NULL,
    "window_id" INTEGER REFERENCES window(id) ON DELETE SET NULL,
    "doc" TEXT NOT NULL DEFAULT '',
    "output" TEXT NOT NULL DEFAULT '',
    "model" TEXT NOT NULL DEFAULT '',
    "pitch" TEXT NOT NULL DEFAULT '',
    "mean" REAL,
    "p5" REAL,
    "p50" REAL,
    "p95" REAL,
    "unit" TEXT NOT NULL DEFAULT '',
    "samples" INTEGER,
    "seed" INTEGER
);
CREATE INDEX estimate_theme ON estimate (theme_id);
CREATE INDEX estimate_window ON estimate (window_id);

CREATE TRIGGER estimate_ai AFTER INSERT ON "estimate" BEGIN
    INSERT INTO search_index (rowid, body, kind, rid, private) VALUES (40 * 10000000000 + new.id, coalesce(new."name", '') || ' ' || coalesce(new."output", '') || ' ' || coalesce(new."doc", '') || ' ' || coalesce(new."pitch", ''), 'estimate', new.id, 0);
END;
CREATE TRIGGER estimate_au AFTER UPDATE ON "estimate" BEGIN
    DELETE FROM search_index WHERE rowid = 40 * 10000000000 + old.id;
    INSERT INTO search_index (rowid, body, kind, rid, private) VALUES (40 * 10000000000 + new.id, coalesce(new."name", '') || ' ' || coalesce(new."output", '') || ' ' || coalesce(new."doc", '') || ' ' || coalesce(new."pitch", ''), 'estimate', new.id, 0);
END;
CREATE TRIGGER estimate_ad AFTER DELETE ON "estimate" BEGIN
    DELETE FROM search_index WHERE rowid = 40 * 10000000000 + old.id;
END;
