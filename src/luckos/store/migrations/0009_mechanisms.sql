-- luckos schema 9: the essay's remaining mechanisms, recorded so that they can be checked.
-- A missed promise keeps its lesson ("the misses as learning").
ALTER TABLE "promise" ADD COLUMN "lesson" TEXT NOT NULL DEFAULT '';
-- Sponsoring well: the first two tough meetings attended, the heat taken, the credit shared.
ALTER TABLE "bench" ADD COLUMN "first_meeting_on" TEXT;
ALTER TABLE "bench" ADD COLUMN "second_meeting_on" TEXT;
ALTER TABLE "bench" ADD COLUMN "heat_on" TEXT;
ALTER TABLE "bench" ADD COLUMN "heat_where" TEXT NOT NULL DEFAULT '';
ALTER TABLE "bench" ADD COLUMN "credit_on" TEXT;
ALTER TABLE "bench" ADD COLUMN "credit_where" TEXT NOT NULL DEFAULT '';
-- A project visible to leadership, spanning teams, mapped to a business metric; its first
-- milestone within a quarter of its start.
ALTER TABLE "project" ADD COLUMN "visible" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "project" ADD COLUMN "spans_teams" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "project" ADD COLUMN "business_metric" TEXT NOT NULL DEFAULT '';
ALTER TABLE "project" ADD COLUMN "milestone" TEXT NOT NULL DEFAULT '';
ALTER TABLE "project" ADD COLUMN "milestone_on" TEXT;
ALTER TABLE "project" ADD COLUMN "milestone_landed_on" TEXT;
-- Windows and briefs record what they came to ("if there's still no oxygen...").
ALTER TABLE "window" ADD COLUMN "outcome" TEXT NOT NULL DEFAULT '' CHECK ("outcome" IN ('', 'funded', 'declined', 'deferred'));
ALTER TABLE "window" ADD COLUMN "outcome_on" TEXT;
ALTER TABLE "artifact" ADD COLUMN "outcome" TEXT NOT NULL DEFAULT '' CHECK ("outcome" IN ('', 'funded', 'declined', 'deferred'));
ALTER TABLE "artifact" ADD COLUMN "outcome_on" TEXT;
-- The pendulum: can you earn scope without a title, do technical work with one (dated).
ALTER TABLE "arc" ADD COLUMN "scope_without_title" TEXT NOT NULL DEFAULT '' CHECK ("scope_without_title" IN ('', 'yes', 'no'));
ALTER TABLE "arc" ADD COLUMN "technical_with_title" TEXT NOT NULL DEFAULT '' CHECK ("technical_with_title" IN ('', 'yes', 'no'));
ALTER TABLE "arc" ADD COLUMN "answered_on" TEXT;
-- Artifacts and explore entries cite the earned secret they grew from.
ALTER TABLE "artifact" ADD COLUMN "from_note_id" INTEGER REFERENCES "note"(id) ON DELETE SET NULL;
ALTER TABLE "explore" ADD COLUMN "from_note_id" INTEGER REFERENCES "note"(id) ON DELETE SET NULL;
-- The hours an artifact took ("Make them the work... Count that time").
ALTER TABLE "artifact" ADD COLUMN "hours" REAL;
-- The glue exit: a glue entry's mechanism links the artifact that shipped it.
ALTER TABLE "glue" ADD COLUMN "mechanism_artifact_id" INTEGER REFERENCES "artifact"(id) ON DELETE SET NULL;
-- AI tooling as infrastructure, linked to the theme metric whose delta judges it.
ALTER TABLE "artifact" ADD COLUMN "ai_tool" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "artifact" ADD COLUMN "metric_id" INTEGER REFERENCES "metric"(id) ON DELETE SET NULL;
