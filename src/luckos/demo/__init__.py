"""The demo workspace behind `luck demo`: its data (themes, windows, the ledger, people,
the operating loop, a work calendar, evidence) and the builder that writes it into a
folder of its own through the application functions every face calls.

`build.build_demo` is the way in; the other modules are plain tables and the helpers
that add them. Nothing outside `luck demo` (and the tests) imports this package.
"""
