-- luckos schema 13: indexes on the dates `luck check` reads. The stored-values check
-- searches each date column at both ends of its index instead of reading every row: a
-- promise's day made, a decision's and a testimonial's day, and the (mostly empty) day a
-- window or an artifact came to its outcome. The decisions to review are found among
-- those without an outcome, not among every decision with a review date. Each index
-- stands alone, so this script applies after any other.
CREATE INDEX IF NOT EXISTS promise_made_on ON promise (made_on);
CREATE INDEX IF NOT EXISTS decision_on ON decision ("on");
CREATE INDEX IF NOT EXISTS testimonial_on ON testimonial ("on");
CREATE INDEX IF NOT EXISTS window_outcome_on ON "window" (outcome_on)
    WHERE outcome_on IS NOT NULL;
CREATE INDEX IF NOT EXISTS artifact_outcome_on ON artifact (outcome_on)
    WHERE outcome_on IS NOT NULL;
CREATE INDEX IF NOT EXISTS decision_to_review ON decision (review_on) WHERE outcome = '';
