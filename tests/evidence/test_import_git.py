"""`luck import git`: real repositories built by git, grouped into candidates."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from tests.conftest import Luck
from tests.evidence.gitrepo import Repo


def _candidates(luck: Luck) -> dict[str, dict]:
    return {e["key"].split(":")[0] + ":" + e["key"].split(":")[1]
            if not e["key"].startswith("merge:") else "merge": e
            for e in luck.json("evidence", "list")}


def _by_title(luck: Luck) -> dict[str, dict]:
    return {e["title"]: e for e in luck.json("evidence", "list", "--status", "all")}


def test_import_groups_commits_by_pull_request_branch_and_week(luck: Luck, history) -> None:
    repo, ids = history
    out = luck.ok("import", "git", str(repo.path)).stdout
    assert out.strip() == f"{repo.path}: 8 new commits of yours -> 5 candidates " \
                          "(luck evidence list)"
    found = _by_title(luck)
    week41 = f"week:{dt.date(2026, 10, 5).isocalendar()[0]}-W41:deploy"
    deploy = found["deploy: Add canary config for OPS-12 (+1 more)"]
    # the home address is mapped to the work address by .mailmap
    assert deploy["key"] == week41
    assert deploy["commits"] == [ids["canary"], ids["tune"]]
    assert deploy["tickets"] == ["OPS-12"]
    assert (deploy["since"], deploy["until"]) == ("2026-10-05", "2026-10-06")
    assert deploy["added"] == 2 and deploy["removed"] == 1
    # a pull request merged by someone else: titled by the merge's body; the rename inside
    # counts the new path
    pr41 = found["Retries with jittered backoff"]
    assert pr41["key"] == "pr:41"
    assert pr41["commits"] == [ids["retry"], ids["rename"]]
    assert pr41["paths"] == ["src/retry.py", "src/backoff.py"]
    squashed = found["Cache manifests to cut cold starts"]
    assert (squashed["key"], squashed["tickets"], squashed["added"]) == ("pr:57", ["#57"], 3)
    logo = found["assets: Add the logo"]
    assert (logo["paths"], logo["added"], logo["removed"]) == (["assets/logo.png"], 0, 0)
    flags = found["Merge branch 'feature/flags'"]
    assert flags["key"] == f"merge:{ids['merge_flags'][:12]}"
    assert flags["commits"] == [ids["flags"], ids["merge_flags"]]
    assert flags["tickets"] == ["#12"]
    # the colleague's commit and the bot's merge are nobody's evidence here
    every = {sha for e in found.values() for sha in e["commits"]}
    assert ids["typo"] not in every and ids["pr41"] not in every
    assert {e["status"] for e in found.values()} == {"candidate"}
    assert {e["repository"] for e in found.values()} == {str(repo.path.resolve())}


def test_reimport_adds_nothing_then_only_new_commits(luck: Luck, history) -> None:
    repo, _ = history
    luck.ok("import", "git", str(repo.path))
    before = luck.json("evidence", "list", "--status", "all")
    again = luck.ok("import", "git", str(repo.path)).stdout
    assert again.strip() == f"{repo.path}: nothing new (8 of your commits imported before)"
    assert luck.json("evidence", "list", "--status", "all") == before
    # a new commit in a week that already has a candidate extends it; another week is new
    new = repo.commit("Canary dashboards", when="2026-10-07",
                      files={"deploy/dash.yaml": "panels: 3\n"})
    later = repo.commit("Canary alerts OPS-14", when="2026-11-02",
                        files={"deploy/alerts.yaml": "alerts: 2\n"})
    out = luck.ok("import", "git", str(repo.path)).stdout
    assert out.strip() == f"{repo.path}: 2 new commits of yours -> 1 candidates, 1 " \
                          "extended (luck evidence list)"
    after = luck.json("evidence", "list", "--status", "all")
    assert len(after) == len(before) + 1
    deploy = next(e for e in after if e["key"].endswith("W41:deploy"))
    assert deploy["commits"][-1] == new
    assert deploy["title"] == "deploy: Add canary config for OPS-12 (+2 more)"
    assert any(e["commits"] == [later] and e["tickets"] == ["OPS-14"] for e in after)
    shas = [sha for e in after for sha in e["commits"]]
    assert len(shas) == len(set(shas)) == 10


def test_authors_since_until_and_the_default_address(luck: Luck, history) -> None:
    repo, ids = history
    luck.ok("import", "git", str(repo.path), "--author", "LEE@work.example",
            "--until", "2026-10-31")
    found = luck.json("evidence", "list")
    assert sorted(e["commits"] for e in found) == sorted([[ids["mailmap"]], [ids["typo"]]])
    # several addresses at once, and a period
    other = Luck(luck.home.parent / "other")
    other.ok("init")
    other.ok("import", "git", str(repo.path), "--author", "lee@work.example",
             "--author", "dana@work.example", "--since", "2026-10-20", "--until", "2026-10-21")
    shas = {sha for e in other.json("evidence", "list") for sha in e["commits"]}
    assert shas == {ids["cache"], ids["logo"]}


def test_addresses_from_luck_toml(luck: Luck, history) -> None:
    repo, ids = history
    toml = luck.home / "luck.toml"
    text = toml.read_text(encoding="utf-8")
    assert "\n# authors = " in text
    toml.write_text(text.replace("\n# authors = ", '\nauthors = ["LEE@work.example"]\n# '),
                    encoding="utf-8")
    luck.ok("import", "git", str(repo.path))
    assert {sha for e in luck.json("evidence", "list") for sha in e["commits"]} == {
        ids["mailmap"], ids["typo"]}


def test_accept_reject_and_link(luck: Luck, history) -> None:
    repo, _ = history
    luck.ok("import", "git", str(repo.path))
    luck.ok("theme", "add", "Safe rollouts")
    luck.ok("window", "add", "FY27 planning", "--on", "2026-12-10")
    luck.ok("promise", "add", "Canaries everywhere", "--to", "Rae", "--due", "2026-12-01")
    found = _by_title(luck)
    pr41, squashed = found["Retries with jittered backoff"], found[
        "Cache manifests to cut cold starts"]
    assert luck.ok("evidence", "accept", pr41["id"], "--theme", "t1").stdout.strip() == \
        f"accepted {pr41['id']} as win n1"
    win = luck.json("note", "show", "n1")
    assert win["kind"] == "year-in-public" and win["on"] == "2026-10-13"
    assert win["body"].startswith("Retries with jittered backoff (2 commits, 2 files")
    shown = luck.json("evidence", "show", pr41["id"])
    assert (shown["status"], shown["note_id"], shown["theme_id"]) == ("accepted", "n1", "t1")
    assert "needs --kind" in luck.fails("evidence", "accept", squashed["id"], "--as",
                                        "artifact")
    out = luck.ok("evidence", "accept", squashed["id"], "--as", "artifact", "--kind",
                  "open-source").stdout
    assert out.strip() == f"accepted {squashed['id']} as artifact a1"
    assert luck.json("artifact", "show", "a1")["title"] == "Cache manifests to cut cold starts"
    assert "already accepted" in luck.fails("evidence", "accept", pr41["id"])
    logo = found["assets: Add the logo"]
    assert luck.ok("evidence", "reject", logo["id"]).stdout.strip() == f"rejected {logo['id']}"
    assert logo["id"] not in {e["id"] for e in luck.json("evidence", "list")}
    assert luck.ok("evidence", "link", logo["id"], "--window", "w1", "--promise",
                   "p1").stdout.strip() == f"linked {logo['id']} to w1, p1"
    assert "give --theme, --window or --promise" in luck.fails("evidence", "link", "e1")
    assert "no theme t9" in luck.fails("evidence", "link", "e1", "--theme", "t9")
    # re-importing keeps the decisions made
    luck.ok("import", "git", str(repo.path))
    statuses = {e["id"]: e["status"] for e in luck.json("evidence", "list", "--status", "all")}
    assert statuses[pr41["id"]] == "accepted" and statuses[logo["id"]] == "rejected"


def test_json_import_still_restores(luck: Luck, history, tmp_path: Path) -> None:
    repo, _ = history
    luck.ok("promise", "add", "Ship it", "--to", "Rae", "--due", "2026-12-01")
    luck.ok("import", "git", str(repo.path))
    export = tmp_path / "backup.json"
    luck.ok("export", str(export))
    fresh = Luck(tmp_path / "fresh")
    fresh.ok("init")
    assert fresh.ok("import", str(export)).stdout.strip() == \
        f"imported 6 records from {export}"
    assert fresh.json("evidence", "list") == luck.json("evidence", "list")
    # a file named like a subcommand is restored through `import json`
    assert "already holds records" in fresh.fails("import", "json", str(export))
    assert fresh.ok("import", str(export), "--replace").stdout.startswith("imported 6")
    assert fresh.ok("import", "--replace", str(export)).stdout.startswith("imported 6")
    # after a restore, importing the repository again adds nothing
    assert "nothing new" in fresh.ok("import", "git", str(repo.path)).stdout


def test_json_output(luck: Luck, history) -> None:
    repo, _ = history
    data = json.loads(luck.ok("import", "git", str(repo.path), "--json").stdout)
    assert data == [{"repository": str(repo.path.resolve()), "authors": ["dana@work.example"],
                     "commits_read": 11, "yours": 8, "new": 8, "candidates_created": 5,
                     "candidates_extended": 0, "shallow": False, "binary_files": 1}]


def test_a_subfolder_names_its_repository(luck: Luck, history) -> None:
    repo, _ = history
    luck.ok("import", "git", str(repo.path / "src"), str(repo.path))
    assert len(luck.json("evidence", "list")) == 5


def test_several_repositories_in_one_import(luck: Luck, history, tmp_path: Path) -> None:
    repo, _ = history
    other = Repo(tmp_path / "tools")
    other.commit("A lint script (TOOL-3)", when="2026-11-02", files={"bin/lint": "echo\n"})
    quiet = Repo(tmp_path / "quiet")
    quiet.commit("Not mine", when="2026-11-02", email="lee@work.example",
                 files={"a.txt": "a\n"})
    result = luck("import", "git", str(repo.path), str(other.path), str(quiet.path))
    assert result.exit_code == 0
    assert result.stderr.strip() == (f"warning: {quiet.path}: no commits by dana@work.example "
                                     "(1 commit by others)")
    repositories = {e["repository"] for e in luck.json("evidence", "list")}
    assert repositories == {str(repo.path.resolve()), str(other.path.resolve())}
