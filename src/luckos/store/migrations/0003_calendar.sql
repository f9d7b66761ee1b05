-- luckos schema 3: calendar audits kept over time (`luck calendar import`).
-- An import keeps the occurrences of its audit window, the events they come from, and
-- the weekly figures computed when it was imported (what `luck review` shows).
CREATE TABLE calendar_import (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT,
    "imported_at" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "calendar_name" TEXT NOT NULL DEFAULT '',
    "sha256" TEXT NOT NULL,
    "window_from" TEXT NOT NULL,
    "window_to" TEXT NOT NULL,
    "zone" TEXT NOT NULL,
    "zone_reason" TEXT NOT NULL DEFAULT '',
    "me" TEXT NOT NULL DEFAULT '[]',
    "me_reason" TEXT NOT NULL DEFAULT '',
    "events" INTEGER NOT NULL,
    "span_from" TEXT,
    "span_to" TEXT,
    "problems" TEXT NOT NULL DEFAULT '{}',
    "summary" TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE calendar_event (
    "import_id" INTEGER NOT NULL REFERENCES calendar_import(id) ON DELETE CASCADE,
    "number" INTEGER NOT NULL,
    "uid" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "location" TEXT NOT NULL DEFAULT '',
    "url" TEXT NOT NULL DEFAULT '',
    "organizer" TEXT NOT NULL DEFAULT '',
    "attendees" TEXT NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL DEFAULT '',
    "transparent" INTEGER NOT NULL DEFAULT 0,
    "busy_status" TEXT NOT NULL DEFAULT '',
    "recurring" INTEGER NOT NULL DEFAULT 0,
    "last_modified" TEXT,
    "attachments" TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY ("import_id", "number")
);
CREATE TABLE calendar_occurrence (
    "import_id" INTEGER NOT NULL REFERENCES calendar_import(id) ON DELETE CASCADE,
    "event" INTEGER NOT NULL,
    "start" TEXT NOT NULL,
    "end" TEXT NOT NULL,
    "all_day" INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE calendar_week (
    "import_id" INTEGER NOT NULL REFERENCES calendar_import(id) ON DELETE CASCADE,
    "week_start" TEXT NOT NULL,
    "days" INTEGER NOT NULL,
    "meeting_hours" REAL NOT NULL,
    "meetings" INTEGER NOT NULL,
    "maker_blocks" INTEGER NOT NULL,
    "long_blocks" INTEGER NOT NULL,
    "fragmented_hours" REAL NOT NULL,
    "context_switches" INTEGER NOT NULL,
    "focus_hours" REAL NOT NULL,
    "maker_day" TEXT,
    "maker_day_state" TEXT NOT NULL,
    "altitude_hours" TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY ("import_id", "week_start")
);
CREATE INDEX calendar_occurrence_import ON calendar_occurrence ("import_id", "start");
