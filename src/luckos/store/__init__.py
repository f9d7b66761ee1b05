"""The store: one SQLite file the user owns. All SQL of luckos lives in this package."""

from luckos.store.db import SCHEMA_VERSION, Store

__all__ = ["SCHEMA_VERSION", "Store"]
