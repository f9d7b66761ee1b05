-- luckos schema 12: notes by kind and date. The weekly review asks after the earned
-- secrets older than a year and the promotion packet counts the year-in-public notes of
-- its period: both read one kind of note in a range of dates, which the date's index
-- alone answers by visiting every note of every kind (twenty thousand on ten years).
CREATE INDEX note_kind_on ON note (kind, "on");
