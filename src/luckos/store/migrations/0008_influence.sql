-- luckos schema 8: people as one record kind (shared by sponsors, the bench, promise
-- recipients and stakeholders), and the stakeholders of each decision window with the
-- pre-wire state of each. People are created from the distinct names already stored
-- (sponsors first, then the bench, then promise recipients; one per name in any case).
-- Both kinds are kept in the search index (kind codes 20 and 21).
CREATE TABLE "person" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "emails" TEXT NOT NULL DEFAULT '[]',
    "aliases" TEXT NOT NULL DEFAULT '[]',
    "note" TEXT NOT NULL DEFAULT ''
);
CREATE TABLE "stakeholder" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT,
    "window_id" INTEGER REFERENCES "window"(id) ON DELETE CASCADE NOT NULL,
    "person_id" INTEGER REFERENCES "person"(id) ON DELETE CASCADE NOT NULL,
    "role" TEXT NOT NULL CHECK ("role" IN ('decides', 'vetoes', 'implements', 'affected')),
    "sponsor" INTEGER NOT NULL DEFAULT 0,
    "brief_sent_on" TEXT,
    "met_on" TEXT,
    "objection" TEXT NOT NULL DEFAULT '',
    "objection_on" TEXT,
    "handled" TEXT NOT NULL DEFAULT '' CHECK ("handled" IN ('', 'incorporated', 'answered', 'declined')),
    "handled_how" TEXT NOT NULL DEFAULT '',
    "handled_on" TEXT,
    "supports_on" TEXT
);
CREATE INDEX stakeholder_window ON stakeholder (window_id, person_id);
CREATE INDEX stakeholder_person ON stakeholder (person_id);

INSERT INTO person (name)
SELECT name FROM (
    SELECT trim(person) AS name, 1 AS source, id FROM sponsor
    UNION ALL SELECT trim(person), 2, id FROM bench
    UNION ALL SELECT trim(to_whom), 3, id FROM promise
)
WHERE name != ''
GROUP BY lower(name)
ORDER BY min(source * 10000000000 + id);

CREATE TRIGGER person_ai AFTER INSERT ON "person" BEGIN
    INSERT INTO search_index (rowid, body, kind, rid, private) VALUES (20 * 10000000000 + new.id, coalesce(new."name", '') || ' ' || coalesce((SELECT group_concat(value, ' ') FROM json_each(new."emails")), '') || ' ' || coalesce((SELECT group_concat(value, ' ') FROM json_each(new."aliases")), '') || ' ' || coalesce(new."note", ''), 'person', new.id, 0);
END;
CREATE TRIGGER person_au AFTER UPDATE ON "person" BEGIN
    DELETE FROM search_index WHERE rowid = 20 * 10000000000 + old.id;
    INSERT INTO search_index (rowid, body, kind, rid, private) VALUES (20 * 10000000000 + new.id, coalesce(new."name", '') || ' ' || coalesce((SELECT group_concat(value, ' ') FROM json_each(new."emails")), '') || ' ' || coalesce((SELECT group_concat(value, ' ') FROM json_each(new."aliases")), '') || ' ' || coalesce(new."note", ''), 'person', new.id, 0);
END;
CREATE TRIGGER person_ad AFTER DELETE ON "person" BEGIN
    DELETE FROM search_index WHERE rowid = 20 * 10000000000 + old.id;
END;
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
