-- luckos schema 15: the review's count of artifacts that saved hours read from indexes
-- alone. An artifact's day with its hours (replacing the index on its day alone, which it
-- leads), and a testimonial's artifact and day among those that count hours saved: the
-- count visits neither table's rows (about 550 artifacts and their testimonials on ten
-- years of records).
DROP INDEX IF EXISTS artifact_on;
CREATE INDEX IF NOT EXISTS artifact_on_hours ON artifact ("on", hours);
CREATE INDEX IF NOT EXISTS testimonial_saving ON testimonial (artifact_id, "on")
    WHERE hours_saved IS NOT NULL;
