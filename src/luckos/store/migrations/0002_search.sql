-- luckos schema 2: a full-text index over every record's text, kept in step by triggers.
-- Rows are numbered kind code * 10^10 + record id; earned secrets are marked private.
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

-- index what schema 1 already holds
INSERT INTO search_index (rowid, body, kind, rid, private)
    SELECT 1 * 10000000000 + id, coalesce("what", '') || ' ' || coalesce("to_whom", '') || ' ' || coalesce((SELECT group_concat(value, ' ') FROM json_each("tags")), '') || ' ' || coalesce("note", ''), 'promise', id, 0 FROM "promise";
INSERT INTO search_index (rowid, body, kind, rid, private)
    SELECT 2 * 10000000000 + id, coalesce("who", '') || ' ' || coalesce("what", '') || ' ' || coalesce("note", ''), 'signal', id, 0 FROM "signal";
INSERT INTO search_index (rowid, body, kind, rid, private)
    SELECT 3 * 10000000000 + id, coalesce("name", '') || ' ' || coalesce("recurrence", '') || ' ' || coalesce((SELECT group_concat(value, ' ') FROM json_each("docs")), '') || ' ' || coalesce("note", ''), 'window', id, 0 FROM "window";
INSERT INTO search_index (rowid, body, kind, rid, private)
    SELECT 4 * 10000000000 + id, coalesce("label", '') || ' ' || coalesce("sentence", '') || ' ' || coalesce("problem", '') || ' ' || coalesce("bet", '') || ' ' || coalesce("milestone", '') || ' ' || coalesce("blast_radius", '') || ' ' || coalesce("pain", '') || ' ' || coalesce("advantage", '') || ' ' || coalesce("progress", ''), 'theme', id, 0 FROM "theme";
INSERT INTO search_index (rowid, body, kind, rid, private)
    SELECT 5 * 10000000000 + id, coalesce("name", '') || ' ' || coalesce("unit", ''), 'metric', id, 0 FROM "metric";
INSERT INTO search_index (rowid, body, kind, rid, private)
    SELECT 6 * 10000000000 + id, coalesce("month", '') || ' ' || coalesce("narrative", ''), 'reading', id, 0 FROM "reading";
INSERT INTO search_index (rowid, body, kind, rid, private)
    SELECT 7 * 10000000000 + id, coalesce("title", '') || ' ' || coalesce((SELECT group_concat(value, ' ') FROM json_each("options")), '') || ' ' || coalesce("choice", '') || ' ' || coalesce("expected", '') || ' ' || coalesce((SELECT group_concat(value, ' ') FROM json_each("indicators")), '') || ' ' || coalesce("outcome", '') || ' ' || coalesce("response", ''), 'decision', id, 0 FROM "decision";
INSERT INTO search_index (rowid, body, kind, rid, private)
    SELECT 8 * 10000000000 + id, coalesce("person", '') || ' ' || coalesce("artifact", '') || ' ' || coalesce("bet", '') || ' ' || coalesce("note", ''), 'bench', id, 0 FROM "bench";
INSERT INTO search_index (rowid, body, kind, rid, private)
    SELECT 9 * 10000000000 + id, coalesce("person", '') || ' ' || coalesce("role", '') || ' ' || coalesce("backs", '') || ' ' || coalesce("note", ''), 'sponsor', id, 0 FROM "sponsor";
INSERT INTO search_index (rowid, body, kind, rid, private)
    SELECT 10 * 10000000000 + id, coalesce("title", '') || ' ' || coalesce("link", '') || ' ' || coalesce("note", ''), 'artifact', id, 0 FROM "artifact";
INSERT INTO search_index (rowid, body, kind, rid, private)
    SELECT 11 * 10000000000 + id, coalesce("who", '') || ' ' || coalesce("quote", ''), 'testimonial', id, 0 FROM "testimonial";
INSERT INTO search_index (rowid, body, kind, rid, private)
    SELECT 12 * 10000000000 + id, coalesce("body", '') || ' ' || coalesce("title", '') || ' ' || coalesce((SELECT group_concat(value, ' ') FROM json_each("tags")), ''), 'note', id, (kind = 'earned-secret') FROM "note";
