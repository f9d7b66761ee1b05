"""The cache of pint's parsed units: the same registry with it or without it, and a run
that never fails because of it (missing, damaged, or a cache folder that cannot be
written)."""

from __future__ import annotations

import pickle
import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pint
import pytest

from luckos.estimate import units

UNITS_TXT = resources.files("luckos.estimate").joinpath("units.txt")


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A cache folder of the test's own, and no registry kept from an earlier run."""
    home = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    monkeypatch.setattr(units, "_REGISTRY", None)
    yield home


def _cache_file() -> Path:
    path = units.cache_file(UNITS_TXT.read_bytes())
    assert path is not None
    return path


def _names() -> list[str]:
    """Every unit, alias and symbol units.txt defines, with a prefix on the time ones."""
    found = []
    for line in UNITS_TXT.read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if not line or line.endswith("-") or "-" in line.split("=")[0]:
            continue
        names = [p.strip() for i, p in enumerate(line.split("=")) if i != 1]
        found += [n for n in names if re.fullmatch(r"[A-Za-z_%]\w*|%", n) and n != "_"]
    return found + ["ms", "us", "ns", "kB", "MiB", "Gbit"]


def _describe(registry: object, name: str) -> tuple[float, str, str]:
    quantity = registry.parse_expression(name)  # type: ignore[attr-defined]
    base = quantity.to_base_units()
    return float(base.magnitude), str(base.units), str(quantity.dimensionality)


def test_the_cached_registry_is_the_one_pint_builds_from_the_file(cache_home: Path) -> None:
    with resources.as_file(UNITS_TXT) as path:
        plain = pint.UnitRegistry(str(path), preprocessors=[units._preprocess],
                                  cache_folder=None)
    first = units._registry(fresh=True)  # parses, and writes the cache
    assert _cache_file().is_file()
    second = units._registry(fresh=True)  # read from the cache
    names = _names()
    assert len(names) > 60
    for name in names:
        assert _describe(first, name) == _describe(plain, name), name
        assert _describe(second, name) == _describe(plain, name), name
    for text in ("$/qtr", "% per s", "hours/qtr", "$ per 1M queries", "GiB/month"):
        assert _describe(second, text) == _describe(plain, text), text


def test_the_cache_is_what_later_runs_read(cache_home: Path) -> None:
    units._registry(fresh=True)
    cached = pickle.loads(_cache_file().read_bytes())
    # a cache holding one unit fewer gives a registry without it: the file was read
    kept = [d for d in cached if getattr(d, "name", "") != "sprint"]
    assert len(kept) == len(cached) - 1
    _cache_file().write_bytes(pickle.dumps(kept))
    assert "sprint" not in units._registry(fresh=True)
    assert "week" in units._registry(fresh=True)


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05garbage", "truncated",
                                    "another object"])
def test_a_damaged_cache_is_passed_by_and_written_anew(luck, cache_home: Path,
                                                       damage: bytes | str) -> None:
    expected = luck.json("estimate", "cold-start", "--samples", "2000")
    path = _cache_file()
    good = path.read_bytes()
    if damage == "truncated":
        path.write_bytes(good[: len(good) // 2])
    elif damage == "another object":
        path.write_bytes(pickle.dumps({"not": "definitions"}))
    else:
        assert isinstance(damage, bytes)
        path.write_bytes(damage)
    units._REGISTRY = None
    ran = luck("estimate", "cold-start", "--samples", "2000", "--json")
    assert ran.exit_code == 0, ran.stderr
    assert ran.stderr == ""
    assert ran.json() == expected
    assert path.read_bytes() == good  # rebuilt for the next run


def test_a_cache_folder_that_cannot_be_written_changes_nothing(luck, tmp_path: Path,
                                                               monkeypatch) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("the cache folder's place is taken by a file\n", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    monkeypatch.setattr(units, "_REGISTRY", None)
    ran = luck("estimate", "cold-start", "--samples", "2000", "--json")
    assert ran.exit_code == 0, ran.stderr
    assert ran.stderr == ""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(units, "_REGISTRY", None)
    assert luck.json("estimate", "cold-start", "--samples", "2000") == ran.json()
    assert blocked.read_text(encoding="utf-8").startswith("the cache folder's place")
    assert not [p for p in tmp_path.rglob("*") if p.name.startswith(".")]


def test_a_model_with_units_of_its_own_does_not_touch_the_cache(luck, write,
                                                                cache_home: Path) -> None:
    luck.ok("estimate", "cold-start", "--samples", "1000")
    folder = _cache_file().parent
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    path = write("widgets.toml", '[units]\nwidget = "count"\n[inputs]\nn = "3 to 5 widgets"\n'
                 '[formulas]\ntotal = { formula = "n * 2", unit = "widgets" }\n')
    assert "total" in luck.json("estimate", str(path), "--samples", "1000")["results"]
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before

