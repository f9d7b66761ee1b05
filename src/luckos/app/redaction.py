"""Redaction for a workspace: its `[redact]` settings and, when asked, its people's names.

Every face that writes text meant to leave the machine (export, feed, rendered documents,
packets, `luck redact`) gets its `Redactor` here and runs each text of one output through
it, so that tokens stay stable across the whole output.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from luckos.guard.redact import Redactor
    from luckos.workspace import Workspace


def redactor_for(ws: Workspace) -> Redactor:
    """A fresh `Redactor` for one output: the workspace's settings, and the people named
    in its records when `[redact] names = true`."""
    from luckos.guard.redact import Redactor

    settings = ws.config.redact
    names = ws.store.people_names() if settings.names else []
    return Redactor(settings, names)
