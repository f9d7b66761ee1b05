"""`luck serve` as a real process: prints the address with its token, serves the page
there, and stops cleanly on Ctrl-C (SIGINT)."""

from __future__ import annotations

import http.cookiejar
import json
import signal
import subprocess
import urllib.request

from tests.conftest import LUCK_EXE, TODAY_TEXT, Luck, subprocess_env


def test_serve_prints_a_tokened_address_serves_it_and_stops_on_ctrl_c(luck: Luck) -> None:
    luck.ok("promise", "add", "Ship the runbook", "--to", "Priya", "--due", "fri")
    process = subprocess.Popen([str(LUCK_EXE), "--today", TODAY_TEXT, "serve", "--port", "0"],
                               stderr=subprocess.PIPE, text=True,
                               env=subprocess_env(luck.home))
    try:
        assert process.stderr is not None
        line = process.stderr.readline()
        assert line.startswith("luck serve: http://127.0.0.1:"), line
        url = line.split()[-1]
        assert "?token=" in url
        opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        with opener.open(url, timeout=30) as answer:
            page = answer.read().decode()
        assert "Ship the runbook" in page
        base = url.split("?")[0]
        with opener.open(base + "ledger.json", timeout=30) as answer:
            assert json.loads(answer.read()) == luck.json("ledger")
    finally:
        process.send_signal(signal.SIGINT)
        code = process.wait(timeout=30)
    assert code == 130  # interrupted, as the root help says of Ctrl-C
