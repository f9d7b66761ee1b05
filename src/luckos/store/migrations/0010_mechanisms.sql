-- luckos schema 10: the essay's remaining mechanisms, recorded so that they can be checked.
-- A missed promise keeps its lesson ("the misses as learning").
ALTER TABLE "promise" ADD COLUMN "lesson" TEXT NOT NULL DEFAULT '';
