"""Every command and option of `luck`, walked from the Click tree itself, fed malformed
values of each parameter's type: no traceback, an exit code of 0, 1 or 2, and a refusal
(exit 2) leaves the database exactly as it was.

A new command or option is covered without a new test. The run is bounded for CI and
reproducible (derandomized); run it bigger with LUCK_FUZZ_EXAMPLES=5000, or run
benchmarks/fuzz_cli.py for every malformed value of every parameter, with figures.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.cli_walker import (
    ABSENT,
    SERVERS,
    Leaf,
    Sandbox,
    argv_for,
    global_params,
    leaves,
    malformed,
    plausible,
    sandbox,
    shorten,
)

LEAVES = leaves()
EXAMPLES = int(os.environ.get("LUCK_FUZZ_EXAMPLES", "300"))


@pytest.fixture(scope="module")
def box() -> Iterator[Sandbox]:
    with tempfile.TemporaryDirectory() as folder:
        yield sandbox(Path(folder))


def test_the_walk_reaches_every_command() -> None:
    from luckos.cli import COMMANDS

    names = {leaf.path[0] for leaf in LEAVES}
    assert names == set(COMMANDS) - {path[0] for path in SERVERS}
    assert len(LEAVES) > len(COMMANDS)  # groups are walked into
    assert ("promise", "add") in {leaf.path for leaf in LEAVES}


@st.composite
def invocations(draw: Any, files: Path) -> tuple[Leaf, list[str]]:
    leaf = draw(st.sampled_from(LEAVES))
    values: dict[str, Any] = {}
    params = [*leaf.params, *global_params()]
    # one parameter gets a malformed value; the others are absent or plausible
    target = draw(st.sampled_from([p for p in params if p.parser != "flag"] or params))
    for param in params:
        key = "@today" if param.name == "today" else param.name
        if param is target and param.parser != "flag":
            values[key] = draw(st.sampled_from(malformed(param, files)))
        elif param.parser == "flag":
            if draw(st.booleans()):
                values[key] = "on"
        elif param.required or draw(st.booleans()):
            values[key] = draw(st.sampled_from(plausible(param, files)))
    values = {k: v for k, v in values.items() if v is not ABSENT}
    return leaf, argv_for(leaf, values)


def test_malformed_values_never_end_in_a_traceback(box: Sandbox) -> None:
    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(invocations(box.files))
    def run(case: tuple[Leaf, list[str]]) -> None:
        _, argv = case
        outcome = box.run(argv)
        assert outcome.problem == "", f"{outcome.problem}\n  luck {shorten(argv)}"

    run()
