"""Redaction where text leaves the machine: `luck redact`, and `--redact` on `luck export`,
`luck feed` and `luck doc render`. Planted secrets, addresses, hosts, terms and names
never survive any of them; a private note never leaves at all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Luck, assert_refused
from tests.guard import canaries

PRIVATE = "Canary earned secret: the reorg lands in March"


@pytest.fixture
def planted(luck: Luck) -> Luck:
    """A workspace whose records carry every canary, sensitive terms and names in its
    luck.toml, and a private note."""
    config = luck.home / "luck.toml"
    config.write_text(config.read_text(encoding="utf-8").split("[redact]")[0] + canaries.TOML,
                      encoding="utf-8")
    luck.ok("window", "add", f"{canaries.CUSTOMER} planning", "--on", "2026-12-10",
            "--note", canaries.TEXT)
    luck.ok("promise", "add", f"Ship {canaries.PROJECT} to {canaries.CUSTOMER}", "--to",
            canaries.PERSON, "--due", "2026-12-01", "--note", canaries.TEXT)
    luck.ok("bench", "add", "Priya Okafor", "--action", "unblocked",
            "--note", f"paired on {canaries.SECRETS['github token'][0]}")
    luck.ok("win", "Closed the Globex escalation with Priya Okafor")
    luck.ok("note", "add", PRIVATE, "--kind", "earned-secret")
    return luck


# --- luck redact ------------------------------------------------------------------------


def test_redact_a_file_prints_the_text_and_reports_on_stderr(planted: Luck,
                                                             tmp_path: Path) -> None:
    source = tmp_path / "notes.md"
    source.write_text(canaries.TEXT + "\n", encoding="utf-8")
    result = planted.ok("redact", str(source))
    assert canaries.survivors(result.stdout) == []
    assert "[CUSTOMER-1] asked for the [PROJECT-1] rollout; [PERSON-1] approved it." \
        in result.stdout
    assert canaries.survivors(result.stderr) == []
    report = result.stderr.splitlines()
    column = len("The aws access key id is ") + 1
    assert report[0] == f"{source}:1:{column}: secret (AWS Access Key) -> [SECRET-1]"
    line = canaries.TEXT.splitlines().index(next(
        x for x in canaries.TEXT.splitlines() if x.startswith(canaries.CUSTOMER))) + 1
    assert f"{source}:{line}:1: customer -> [CUSTOMER-1]" in report
    assert report[-1].startswith(f"{source}: redacted 16 (")
    assert "secret 8" in report[-1] and "person 1" in report[-1]


def test_redact_standard_input_and_json(planted: Luck) -> None:
    data = planted.json("redact", "-", input="mail ops@globex.com\nGlobex and OPS@globex.com\n")
    assert data["redacted"] == 3
    assert data["counts"] == {"email": 2, "customer": 1}
    (one,) = data["files"]
    assert one["file"] == "-"
    assert one["text"] == "mail [EMAIL-1]\n[CUSTOMER-1] and [EMAIL-1]\n"
    assert [(f["kind"], f["line"], f["column"], f["original_length"], f["replacement"])
            for f in one["findings"]] == [("email", 1, 6, 14, "[EMAIL-1]"),
                                          ("customer", 2, 1, 6, "[CUSTOMER-1]"),
                                          ("email", 2, 12, 14, "[EMAIL-1]")]
    assert "ops@" not in json.dumps(one["findings"]).lower()


def test_check_exits_1_with_the_report_and_0_when_clean(planted: Luck,
                                                        tmp_path: Path) -> None:
    dirty, clean = tmp_path / "dirty.md", tmp_path / "clean.md"
    dirty.write_text("Ping build-7.corp\nthen Globex\n", encoding="utf-8")
    clean.write_text("Nothing to hide here.\n", encoding="utf-8")
    result = planted("redact", "--check", str(clean), str(dirty))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{dirty}:1:6: host -> [HOST-1]",
        f"{dirty}:2:6: customer -> [CUSTOMER-1]",
        f"{dirty}: to redact 2 (host 1, customer 1)",
    ]
    assert planted.ok("redact", "--check", str(clean), str(clean)).stdout == (
        "nothing to redact in 2 files\n")
    data = json.loads(planted("redact", "--check", "--json", str(dirty)).stdout)
    assert data["redacted"] == 2 and "text" not in data["files"][0]


def test_redact_works_without_a_workspace(bare_luck: Luck, tmp_path: Path) -> None:
    source = tmp_path / "notes.md"
    source.write_text("Globex at ops@globex.com\n", encoding="utf-8")
    assert bare_luck.ok("redact", str(source)).stdout == "Globex at [EMAIL-1]\n"
    assert not bare_luck.home.exists()


@pytest.mark.parametrize(("content", "message"), [
    (None, "no such file"),
    ("folder", "a folder, not a file"),
    (b"PNG\x00\x01\x02", "a binary file, not text (it holds NUL bytes)"),
    (b"caf\xe9 au lait\n", ":1:4: not UTF-8 text (byte 0xE9)"),
])
def test_bad_input_is_one_line_and_exit_2(luck: Luck, tmp_path: Path,
                                          content: bytes | str | None, message: str) -> None:
    path = tmp_path / "input"
    if content == "folder":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    for args in (("redact", str(path)), ("redact", "--check", str(path))):
        result = luck(*args)
        assert_refused(result)
        assert message in result.stderr
        assert result.stdout == ""


def test_several_files_only_with_check(luck: Luck, tmp_path: Path) -> None:
    result = luck("redact", str(tmp_path / "a"), str(tmp_path / "b"))
    assert result.exit_code == 2
    assert "several only with --check" in result.stderr


# --- --redact on what leaves the machine --------------------------------------------------


def test_export_redact_leaves_no_canary_and_no_private_note(planted: Luck,
                                                            tmp_path: Path) -> None:
    out = tmp_path / "shared.json"
    result = planted.ok("export", str(out), "--redact")
    text = out.read_text(encoding="utf-8")
    assert canaries.survivors(text) == []
    assert "Priya" not in text and "Okafor" not in text  # a name from the records
    assert "Canary earned secret" not in text and "reorg" not in text
    data = json.loads(text)
    assert data["redacted"]["secret"] == 2 * len(canaries.SECRETS) + 1
    assert data["redacted"]["person"] >= 3
    assert "redacted " in result.stdout and "2 private notes" not in result.stdout
    promise = data["records"]["promise"][0]
    assert promise["to"] == "[PERSON-1]"
    assert promise["what"] == "Ship [PROJECT-1] to [CUSTOMER-1]"
    assert promise["due"] == "2026-12-01" and promise["status"] == "open"
    # one token per original across the whole file
    window = data["records"]["window"][0]
    assert window["name"] == "[CUSTOMER-1] planning"
    assert window["note"] == promise["note"]
    # and it still restores, with the tokens in place
    other = Luck(tmp_path / "other")
    other.ok("init")
    other.ok("import", str(out))
    assert other.json("promise", "show", "1")["to"] == "[PERSON-1]"


def test_export_keeps_names_when_names_are_not_asked_for(luck: Luck, tmp_path: Path) -> None:
    luck.ok("promise", "add", "Ship it", "--to", "Lena Park", "--due", "2026-12-01",
            "--note", "mail lena@example.com")
    luck.ok("export", str(tmp_path / "out.json"), "--redact")
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    (promise,) = data["records"]["promise"]
    assert (promise["to"], promise["note"]) == ("Lena Park", "mail [EMAIL-1]")


def test_export_redact_refuses_private_notes(planted: Luck, tmp_path: Path) -> None:
    result = planted("export", str(tmp_path / "x.json"), "--redact", "--include-private")
    assert result.exit_code == 2
    assert "private notes never leave the machine" in result.stderr
    assert not (tmp_path / "x.json").exists()


def test_feed_redact(planted: Luck, tmp_path: Path) -> None:
    out = tmp_path / "luck.ics"
    plain = planted.ok("feed", str(out)).stdout
    assert "Globex planning" in plain  # without --redact the feed is as before
    result = planted.ok("feed", str(out), "--redact")
    text = out.read_text(encoding="utf-8")
    assert canaries.survivors(text.replace("\r\n ", "")) == []  # ICS folds long lines
    assert "[CUSTOMER-1] planning (decision window)" in text
    assert "redacted " in result.stdout
    piped = planted.ok("feed", "-", "--redact")
    assert canaries.survivors(piped.stdout.replace("\r\n ", "")) == []
    assert piped.stderr.startswith("redacted ")


def test_doc_render_redact(planted: Luck, tmp_path: Path) -> None:
    doc = tmp_path / "brief.md"
    doc.write_text(f"---\ntitle: {canaries.CUSTOMER} brief\nowner: {canaries.PERSON}\n---\n"
                   f"# Problem\n\n{canaries.TEXT}\n\n```\n{canaries.PEM}\n```\n",
                   encoding="utf-8")
    out = tmp_path / "brief.html"
    result = planted.ok("doc", "render", str(doc), "--html", str(out), "--redact")
    page = out.read_text(encoding="utf-8")
    assert canaries.survivors(page) == []
    assert "<title>[CUSTOMER-1] brief</title>" in page
    assert "[PERSON-1]" in page
    assert result.stdout.strip().endswith(")") and "; redacted " in result.stdout
    piped = planted.ok("doc", "render", str(doc), "--html", "-", "--redact")
    assert canaries.survivors(piped.stdout) == []
    assert piped.stderr.startswith("redacted ")
