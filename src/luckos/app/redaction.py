"""Redaction for a workspace: its `[redact]` settings and, when asked, its people's names.

Every face that writes text meant to leave the machine (export, feed, rendered documents,
packets, `luck redact`) gets its `Redactor` here and runs each text of one output through
it, so that tokens stay stable across the whole output.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from luckos.errors import LuckError, NotFound

if TYPE_CHECKING:
    from luckos.guard.redact import Redacted, Redactor
    from luckos.workspace import Workspace

STDIN = "-"


def redactor_for(ws: Workspace | None) -> Redactor:
    """A fresh `Redactor` for one output: the workspace's settings, and the people named
    in its records when `[redact] names = true` (no workspace: every default)."""
    from luckos.guard.redact import Redactor, RedactSettings

    if ws is None:
        return Redactor(RedactSettings())
    settings = ws.config.redact
    names = ws.store.people_names() if settings.names else []
    return Redactor(settings, names)


def summary(counts: dict[str, int]) -> str:
    """`3 (secret 1, email 2)`: how many were replaced, by kind (or `nothing`)."""
    total = sum(counts.values())
    kinds = ", ".join(f"{kind} {n}" for kind, n in counts.items())
    return f"{total} ({kinds})" if total else "nothing"


@dataclasses.dataclass(frozen=True)
class RedactedFile:
    name: str  # the path as given, or "-" for standard input
    redacted: Redacted


def redact_files(redactor: Redactor, sources: list[tuple[str, bytes | None]]
                 ) -> list[RedactedFile]:
    """Redact each file (its bytes, or None to read the path); every file is checked
    before any is redacted, so a bad one stops the run with nothing printed."""
    texts = [(name, text_of(name, data)) for name, data in sources]
    return [RedactedFile(name, redactor.redact(text)) for name, text in texts]


def text_of(name: str, data: bytes | None) -> str:
    """The UTF-8 text of a file, or one line naming why it cannot be redacted."""
    if data is None:
        path = Path(name)
        if path.is_dir():
            raise LuckError(f"{name}: a folder, not a file")
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise NotFound(f"{name}: no such file", where=str(name)) from None
        except OSError as exc:
            raise LuckError(f"{name}: cannot read it: {exc.strerror or exc}") from None
    if b"\x00" in data:
        return _bad(name, "a binary file, not text (it holds NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return _bad(f"{name}:{line}:{column}",
                    f"not UTF-8 text (byte 0x{data[exc.start]:02X}); save it as UTF-8")


def _bad(where: str, message: str) -> str:
    raise LuckError(f"{where}: {message}")
