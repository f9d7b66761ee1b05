-- luckos schema 15: the review's count of artifacts that saved hours read from indexes
-- alone. An artifact's day with its hours, and a testimonial's artifact and day among
-- those that count hours saved: the count visits neither table's rows (about 550
-- artifacts and their testimonials a year on ten years of records). The index on an
-- artifact's day alone stays: it gives the artifacts of some days in the order of their
-- day and id without a sort.
CREATE INDEX IF NOT EXISTS artifact_on_hours ON artifact ("on", hours);
CREATE INDEX IF NOT EXISTS testimonial_saving ON testimonial (artifact_id, "on")
    WHERE hours_saved IS NOT NULL;
-- The review's other reads of a year: the artifacts made with an AI tool (mostly none),
-- and the bench's entries by day (the newest, those of the packet's period) and its
-- sponsorships by day, each found through an index instead of a scan of the table.
CREATE INDEX IF NOT EXISTS artifact_ai_tool ON artifact (ai_tool, "on");
CREATE INDEX IF NOT EXISTS bench_on ON bench ("on");
CREATE INDEX IF NOT EXISTS bench_action ON bench (action, "on");
