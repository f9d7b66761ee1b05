"""The domain: records as frozen dataclasses and the essay's rules as pure functions.

Nothing in this package knows about SQL, terminals or HTTP; `today` is always a
parameter.
"""
