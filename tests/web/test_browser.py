"""The dashboard in a real browser: Debian's Chromium driven by Playwright against
`luck serve` started as a user starts it. When /usr/bin/chromium is missing the session
installs it with scripts/install-chromium; when that fails the tests fail, never skip."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.conftest import LUCK_EXE, TODAY_TEXT, Luck, subprocess_env

CHROMIUM = Path("/usr/bin/chromium")
INSTALL = Path(__file__).parents[2] / "scripts" / "install-chromium"
DOCS_IMAGES = Path(__file__).parents[2] / "docs" / "images"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _ensure_chromium() -> None:
    if CHROMIUM.exists():
        return
    done = subprocess.run([str(INSTALL)], capture_output=True, text=True)
    if done.returncode != 0 or not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing and {INSTALL} could not install it "
                    f"(exit {done.returncode}): {done.stderr[-2000:]}", pytrace=False)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    _ensure_chromium()
    with sync_playwright() as p:
        # launch() gives the browser a fresh, temporary user-data-dir of its own
        launched = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield launched
        launched.close()


class Served:
    def __init__(self, home: Path) -> None:
        self.process = subprocess.Popen(
            [str(LUCK_EXE), "--today", TODAY_TEXT, "serve", "--port", "0"],
            stderr=subprocess.PIPE, text=True, env=subprocess_env(home))
        assert self.process.stderr is not None
        line = self.process.stderr.readline()
        assert "?token=" in line, line
        self.url = line.split()[-1]
        self.base = self.url.split("?")[0].rstrip("/")

    def stop(self) -> None:
        self.process.send_signal(signal.SIGINT)
        self.process.wait(timeout=30)


@pytest.fixture
def page(browser: Browser, filled: Luck) -> Iterator[tuple[Page, Served]]:
    served = Served(filled.home)
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    try:
        yield context.new_page(), served
    finally:
        context.close()
        served.stop()


def _hit_rate(page: Page) -> str:
    return page.locator(".hit-rate").first.inner_text()


def test_add_a_promise_see_it_in_the_ledger_keep_it_and_the_hit_rate_moves(
        page: tuple[Page, Served]) -> None:
    tab, served = page
    tab.goto(served.url)
    expect(tab.locator("h1")).to_contain_text("Weekly review")
    assert "token=" not in tab.url  # the token went into a cookie
    tab.goto(f"{served.base}/ledger")
    assert _hit_rate(tab) == "100%"  # one kept on time, the overdue one still open
    tab.locator("tr", has_text="Ship the canary runbook").locator("button[value=miss]").click()
    expect(tab.locator(".hit-rate").first).to_have_text("50%")
    tab.click("nav >> text=Add")
    form = tab.locator("#add-promise")
    form.locator("input[name=what]").fill("Send Grace the FY brief")
    form.locator("input[name=to_whom]").fill("Grace")
    form.locator("input[name=due]").fill("fri")
    form.locator("button").click()
    expect(tab).to_have_url(re.compile(r"/ledger\?added=p\d+"))
    row = tab.locator("tr", has_text="Send Grace the FY brief")
    expect(row).to_contain_text("2026-11-27")
    row.locator("button[value=keep]").click()
    expect(tab.locator("tr", has_text="Send Grace the FY brief")).to_have_count(0)
    expect(tab.locator(".hit-rate").first).to_have_text("67%")  # two kept of three


def test_renegotiate_a_promise_from_the_ledger(page: tuple[Page, Served],
                                              tmp_path: Path) -> None:
    tab, served = page
    tab.goto(served.url)
    tab.goto(f"{served.base}/ledger")
    row = tab.locator("tr#p3")
    expect(row).to_contain_text("Review the rollout plan")
    expect(row).to_contain_text("2026-11-27")
    row.locator("input[name=due]").fill("someday")
    row.locator("button[value=renegotiate]").click()
    expect(tab.locator("tr.failed .error")).to_contain_text("invalid --due 'someday'")
    tab.locator("tr#p3 input[name=due]").fill("mon")
    tab.locator("tr#p3 button[value=renegotiate]").click()
    expect(tab.locator(".notice")).to_have_text(
        "p3 renegotiated early (not a miss); now p4, due 2026-11-30")
    expect(tab.locator("tr#p3")).to_have_count(0)
    expect(tab.locator("tr#p4")).to_contain_text("2026-11-30")
    expect(tab.locator(".hit-rate").first).to_have_text("100%")  # not a miss
    _keep_screenshot(tab, tmp_path, "renegotiated")


def test_add_a_metric_reading_and_the_chart_gains_a_point(page: tuple[Page, Served]) -> None:
    tab, served = page
    tab.goto(served.url)
    tab.goto(f"{served.base}/themes/t1")
    points = tab.locator("svg circle.point")
    expect(points).to_have_count(1)
    expect(tab.locator(".stale")).to_have_count(1)
    form = tab.locator("form.reading")
    form.locator("input[name=value]").fill("640")
    form.locator("input[name=narrative]").fill("Snapshot restore landed.")
    form.locator("button").click()
    expect(points).to_have_count(2)
    expect(tab.locator(".narratives")).to_contain_text("Snapshot restore landed.")
    expect(tab.locator(".stale")).to_have_count(0)


def test_a_form_error_shows_the_cli_s_message_on_the_page(page: tuple[Page, Served],
                                                          tmp_path: Path) -> None:
    tab, served = page
    tab.goto(served.url)
    tab.goto(f"{served.base}/add")
    form = tab.locator("#add-promise")
    form.locator("input[name=what]").fill("Someday maybe")
    form.locator("input[name=to_whom]").fill("Grace")
    form.locator("input[name=due]").fill("someday")
    form.locator("button").click()
    expect(tab.locator("#add-promise .error")).to_contain_text(
        "invalid due 'someday': use YYYY-MM-DD or a relative form such as +3d, +2w, fri")
    _keep_screenshot(tab, tmp_path, "add-error")


def _keep_screenshot(tab: Page, folder: Path, name: str) -> None:
    shot = folder / f"{name}.png"
    tab.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000, name
    if os.environ.get("LUCK_DOCS_SCREENSHOTS") == "1":
        DOCS_IMAGES.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, DOCS_IMAGES / f"dashboard-{name}.png")


MAIN_PAGES = ("/", "/ledger", "/windows", "/themes", "/check", "/search?q=cold-start",
              "/list/artifact", "/notes", "/documents", "/calendar", "/add")


def test_screenshots_of_the_main_pages(browser: Browser, tmp_path: Path,
                                       tmp_path_factory: pytest.TempPathFactory) -> None:
    """Every main page renders on the demo workspace without a browser error; the
    screenshots go to the test's folder (and to docs/images with LUCK_DOCS_SCREENSHOTS=1)."""
    demo = tmp_path_factory.mktemp("demo") / "ws"
    Luck(tmp_path / "elsewhere").ok("demo", "--dir", str(demo))
    served = Served(demo)
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    problems: list[str] = []
    tab = context.new_page()
    tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    # a load cut short by the next navigation is not a failure
    tab.on("requestfailed", lambda r: None if "ABORTED" in (r.failure or "")
           else problems.append(f"failed {r.url}: {r.failure}"))
    tab.on("response", lambda r: problems.append(f"{r.status} {r.url}")
           if r.status >= 400 else None)
    try:
        tab.goto(served.url)
        for path in MAIN_PAGES:
            answer = tab.goto(served.base + path)
            assert answer is not None and answer.status == 200, path
            name = "home" if path == "/" else re.sub(r"\W+", "-", path.strip("/")).strip("-")
            _keep_screenshot(tab, tmp_path, name)
    finally:
        context.close()
        served.stop()
    assert problems == []  # no CSP violation, no missing file
