"""Commands of the record kinds that need nothing beyond the generated add / list / show
/ edit / delete (see `cli/kinds.py`)."""

from __future__ import annotations

from luckos.cli.kinds import build_group

signal = build_group("signal", "Routing signals: who routed ambiguous work to you, and "
                     "whether they escalated instead.")
reading = build_group("reading", "Monthly readings of theme metrics (add them with "
                      "`luck metric read`).")
bench = build_group("bench", "Your bench: people you unblocked, promoted, placed or sponsored, "
                    "and the bet named in writing.")
sponsor = build_group("sponsor", "Your own sponsors: who puts your theme on a planning slide.")
note = build_group("note", "Notes: journal, year in public (shareable) and earned secrets "
                   "(private, never leave this machine).")
