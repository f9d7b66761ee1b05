-- luckos schema 8: reserved for a migration landing from another branch; this
-- placeholder only records itself (a second run fails on the key, as every migration
-- does, so that two processes migrating at once never apply it twice) and is replaced
-- by that migration when both are merged.
INSERT INTO meta (key, value) VALUES ('schema-8', 'reserved');
