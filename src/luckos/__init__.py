"""luckos: a local-first career operating system for mid-career technologists."""

__version__ = "0.1.0"
