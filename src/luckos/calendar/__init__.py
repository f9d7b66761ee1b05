"""Calendar as strategy: read a calendar export (ICS) and audit it like a compiler.

`reader` turns an ICS file into plain `EventOccurrence` values inside an audit window (parsing
with icalendar, expanding recurrences with recurring-ical-events); `audit` and
`findings` are pure functions over those values; `charts` draws them.
"""
