-- luckos schema 11: vectors of the records' text for `luck ai`, beside the full-text index.
-- Filled only when [ai] embeddings names a model on this machine (luck ai index). A vector
-- is keyed like search_index (kind code * 10^10 + record id), from the same text; private
-- records (earned secrets) are never embedded. The triggers only note which records
-- changed, and only once an index exists, so that capturing a record never waits for a
-- model: the next `luck ai run` or `luck ai index` embeds them.
CREATE TABLE embedding_model (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,          -- the model as [ai] embeddings named it
    dimensions INTEGER NOT NULL
);
CREATE TABLE embedding (
    rowid INTEGER PRIMARY KEY,   -- the record's row in search_index
    digest TEXT NOT NULL,        -- of the text embedded, to see when it changed
    vector BLOB NOT NULL         -- float16, little-endian, of length 1
);
-- the signs of the vectors, packed 8 to a byte, a block per 4,096 rows of search_index,
-- so that one query reads them all in a few milliseconds before comparing the best
-- candidates' full vectors
CREATE TABLE embedding_block (
    block INTEGER PRIMARY KEY,   -- rowid / 4096
    rowids BLOB NOT NULL,        -- int64, little-endian, ascending
    signs BLOB NOT NULL
);
-- the vectors of the texts searched for (a brief's theme and window), so that asking
-- again needs no model
CREATE TABLE embedding_query (
    digest TEXT PRIMARY KEY,     -- of the text searched for
    vector BLOB NOT NULL
);
CREATE TABLE embedding_stale (
    rowid INTEGER PRIMARY KEY    -- a record changed (or went) since it was embedded
);
CREATE TRIGGER promise_embed_ai AFTER INSERT ON "promise" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (1 * 10000000000 + new.id);
END;
CREATE TRIGGER promise_embed_au AFTER UPDATE ON "promise" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (1 * 10000000000 + new.id);
END;
CREATE TRIGGER promise_embed_ad AFTER DELETE ON "promise" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (1 * 10000000000 + old.id);
END;
CREATE TRIGGER signal_embed_ai AFTER INSERT ON "signal" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (2 * 10000000000 + new.id);
END;
CREATE TRIGGER signal_embed_au AFTER UPDATE ON "signal" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (2 * 10000000000 + new.id);
END;
CREATE TRIGGER signal_embed_ad AFTER DELETE ON "signal" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (2 * 10000000000 + old.id);
END;
CREATE TRIGGER window_embed_ai AFTER INSERT ON "window" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (3 * 10000000000 + new.id);
END;
CREATE TRIGGER window_embed_au AFTER UPDATE ON "window" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (3 * 10000000000 + new.id);
END;
CREATE TRIGGER window_embed_ad AFTER DELETE ON "window" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (3 * 10000000000 + old.id);
END;
CREATE TRIGGER theme_embed_ai AFTER INSERT ON "theme" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (4 * 10000000000 + new.id);
END;
CREATE TRIGGER theme_embed_au AFTER UPDATE ON "theme" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (4 * 10000000000 + new.id);
END;
CREATE TRIGGER theme_embed_ad AFTER DELETE ON "theme" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (4 * 10000000000 + old.id);
END;
CREATE TRIGGER metric_embed_ai AFTER INSERT ON "metric" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (5 * 10000000000 + new.id);
END;
CREATE TRIGGER metric_embed_au AFTER UPDATE ON "metric" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (5 * 10000000000 + new.id);
END;
CREATE TRIGGER metric_embed_ad AFTER DELETE ON "metric" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (5 * 10000000000 + old.id);
END;
CREATE TRIGGER reading_embed_ai AFTER INSERT ON "reading" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (6 * 10000000000 + new.id);
END;
CREATE TRIGGER reading_embed_au AFTER UPDATE ON "reading" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (6 * 10000000000 + new.id);
END;
CREATE TRIGGER reading_embed_ad AFTER DELETE ON "reading" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (6 * 10000000000 + old.id);
END;
CREATE TRIGGER decision_embed_ai AFTER INSERT ON "decision" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (7 * 10000000000 + new.id);
END;
CREATE TRIGGER decision_embed_au AFTER UPDATE ON "decision" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (7 * 10000000000 + new.id);
END;
CREATE TRIGGER decision_embed_ad AFTER DELETE ON "decision" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (7 * 10000000000 + old.id);
END;
CREATE TRIGGER bench_embed_ai AFTER INSERT ON "bench" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (8 * 10000000000 + new.id);
END;
CREATE TRIGGER bench_embed_au AFTER UPDATE ON "bench" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (8 * 10000000000 + new.id);
END;
CREATE TRIGGER bench_embed_ad AFTER DELETE ON "bench" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (8 * 10000000000 + old.id);
END;
CREATE TRIGGER sponsor_embed_ai AFTER INSERT ON "sponsor" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (9 * 10000000000 + new.id);
END;
CREATE TRIGGER sponsor_embed_au AFTER UPDATE ON "sponsor" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (9 * 10000000000 + new.id);
END;
CREATE TRIGGER sponsor_embed_ad AFTER DELETE ON "sponsor" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (9 * 10000000000 + old.id);
END;
CREATE TRIGGER artifact_embed_ai AFTER INSERT ON "artifact" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (10 * 10000000000 + new.id);
END;
CREATE TRIGGER artifact_embed_au AFTER UPDATE ON "artifact" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (10 * 10000000000 + new.id);
END;
CREATE TRIGGER artifact_embed_ad AFTER DELETE ON "artifact" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (10 * 10000000000 + old.id);
END;
CREATE TRIGGER testimonial_embed_ai AFTER INSERT ON "testimonial" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (11 * 10000000000 + new.id);
END;
CREATE TRIGGER testimonial_embed_au AFTER UPDATE ON "testimonial" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (11 * 10000000000 + new.id);
END;
CREATE TRIGGER testimonial_embed_ad AFTER DELETE ON "testimonial" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (11 * 10000000000 + old.id);
END;
CREATE TRIGGER note_embed_ai AFTER INSERT ON "note" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (12 * 10000000000 + new.id);
END;
CREATE TRIGGER note_embed_au AFTER UPDATE ON "note" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (12 * 10000000000 + new.id);
END;
CREATE TRIGGER note_embed_ad AFTER DELETE ON "note" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (12 * 10000000000 + old.id);
END;
CREATE TRIGGER glue_embed_ai AFTER INSERT ON "glue" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (13 * 10000000000 + new.id);
END;
CREATE TRIGGER glue_embed_au AFTER UPDATE ON "glue" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (13 * 10000000000 + new.id);
END;
CREATE TRIGGER glue_embed_ad AFTER DELETE ON "glue" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (13 * 10000000000 + old.id);
END;
CREATE TRIGGER explore_embed_ai AFTER INSERT ON "explore" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (14 * 10000000000 + new.id);
END;
CREATE TRIGGER explore_embed_au AFTER UPDATE ON "explore" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (14 * 10000000000 + new.id);
END;
CREATE TRIGGER explore_embed_ad AFTER DELETE ON "explore" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (14 * 10000000000 + old.id);
END;
CREATE TRIGGER project_embed_ai AFTER INSERT ON "project" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (15 * 10000000000 + new.id);
END;
CREATE TRIGGER project_embed_au AFTER UPDATE ON "project" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (15 * 10000000000 + new.id);
END;
CREATE TRIGGER project_embed_ad AFTER DELETE ON "project" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (15 * 10000000000 + old.id);
END;
CREATE TRIGGER diagnosis_embed_ai AFTER INSERT ON "diagnosis" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (16 * 10000000000 + new.id);
END;
CREATE TRIGGER diagnosis_embed_au AFTER UPDATE ON "diagnosis" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (16 * 10000000000 + new.id);
END;
CREATE TRIGGER diagnosis_embed_ad AFTER DELETE ON "diagnosis" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (16 * 10000000000 + old.id);
END;
CREATE TRIGGER arc_embed_ai AFTER INSERT ON "arc" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (17 * 10000000000 + new.id);
END;
CREATE TRIGGER arc_embed_au AFTER UPDATE ON "arc" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (17 * 10000000000 + new.id);
END;
CREATE TRIGGER arc_embed_ad AFTER DELETE ON "arc" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (17 * 10000000000 + old.id);
END;
CREATE TRIGGER reboot_embed_ai AFTER INSERT ON "reboot" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (18 * 10000000000 + new.id);
END;
CREATE TRIGGER reboot_embed_au AFTER UPDATE ON "reboot" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (18 * 10000000000 + new.id);
END;
CREATE TRIGGER reboot_embed_ad AFTER DELETE ON "reboot" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (18 * 10000000000 + old.id);
END;
CREATE TRIGGER evidence_embed_ai AFTER INSERT ON "evidence" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (19 * 10000000000 + new.id);
END;
CREATE TRIGGER evidence_embed_au AFTER UPDATE ON "evidence" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (19 * 10000000000 + new.id);
END;
CREATE TRIGGER evidence_embed_ad AFTER DELETE ON "evidence" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (19 * 10000000000 + old.id);
END;
CREATE TRIGGER person_embed_ai AFTER INSERT ON "person" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (20 * 10000000000 + new.id);
END;
CREATE TRIGGER person_embed_au AFTER UPDATE ON "person" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (20 * 10000000000 + new.id);
END;
CREATE TRIGGER person_embed_ad AFTER DELETE ON "person" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (20 * 10000000000 + old.id);
END;
CREATE TRIGGER stakeholder_embed_ai AFTER INSERT ON "stakeholder" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (21 * 10000000000 + new.id);
END;
CREATE TRIGGER stakeholder_embed_au AFTER UPDATE ON "stakeholder" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (21 * 10000000000 + new.id);
END;
CREATE TRIGGER stakeholder_embed_ad AFTER DELETE ON "stakeholder" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (21 * 10000000000 + old.id);
END;
CREATE TRIGGER estimate_embed_ai AFTER INSERT ON "estimate" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (40 * 10000000000 + new.id);
END;
CREATE TRIGGER estimate_embed_au AFTER UPDATE ON "estimate" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (40 * 10000000000 + new.id);
END;
CREATE TRIGGER estimate_embed_ad AFTER DELETE ON "estimate" WHEN EXISTS (SELECT 1 FROM embedding_model) BEGIN
    INSERT OR IGNORE INTO embedding_stale (rowid) VALUES (40 * 10000000000 + old.id);
END;
