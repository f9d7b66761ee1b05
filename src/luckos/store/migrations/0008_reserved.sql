-- luckos schema 8: reserved for a migration landing from another branch; this
-- placeholder changes nothing and is replaced by that migration when both are merged.
SELECT 1;
