"""Benchmark `luck serve` on the ten-year workspace (benchmarks/generate.py).

Starts `luck serve --port 0` as a user does (127.0.0.1 only, `--today` the workspace's
end date) and prints:

- start: from launching the process until the address is printed, until the server
  answers (the quick-add page: the server's modules loaded, the workspace open; target
  < 1 s), and until the first review page answers (cold: the review's modules and the
  year of records behind the promotion packet), each with the CPU time the process had
  used by then (on a shared machine the rest of the wall time is waiting for a core);
- per page: the server's time for each request (its Server-Timing header: from the
  request's arrival at the app to its answer), one client on loopback, keep-alive, after
  one warm-up request (target: p95 <= 100 ms), and the median round trip the client saw;
  then the same with a change to the data committed by another connection before each
  request, so that nothing the app keeps while the data stay the same is reused;
- load: 50 concurrent clients, each looping over the pages for a bounded time (30 s by
  default), counting every answer that is not 200 or fails (target: none).

The machine's load average is printed with the figures: the machines are shared.

    .venv/bin/python benchmarks/generate.py          # once: benchmarks/data/ten-years
    .venv/bin/python benchmarks/serve.py [--requests 30] [--clients 50] [--seconds 30]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "ten-years"
LUCK = Path(sys.executable).with_name("luck")
TOUCHED = "benchmark-serve-touch"  # a key of the meta table written between requests
PAGES = ("/", "/ledger", "/windows", "/themes", "/check", "/search?q=kafka", "/list/promise",
         "/list/artifact?kind=talk", "/notes", "/add", "/ledger.json", "/index.json",
         "/windows.json")


class Server:
    def __init__(self, home: Path, today: str) -> None:
        env = {**os.environ, "LUCK_HOME": str(home)}
        started = time.perf_counter()
        self.process = subprocess.Popen([str(LUCK), "--today", today, "serve", "--port", "0"],
                                        stderr=subprocess.PIPE, text=True, env=env)
        assert self.process.stderr is not None
        line = self.process.stderr.readline()
        self.printed = (time.perf_counter() - started, self.cpu())
        if "?token=" not in line:
            raise SystemExit(f"luck serve did not start: {line}{self.process.stderr.read()}")
        url = line.split()[-1]
        hostport, self.token = url.removeprefix("http://").split("/?token=")
        host, port = hostport.rsplit(":", 1)
        assert host == "127.0.0.1", host  # loopback only
        self.port = int(port)
        connection = self.connect()
        status, _ = self.get(connection, "/add")
        self.serving = (time.perf_counter() - started, self.cpu())
        assert status == 200, status
        status, _ = self.get(connection, "/")
        self.reviewed = (time.perf_counter() - started, self.cpu())
        assert status == 200, status

    def cpu(self) -> float:
        """The CPU time the server process has used so far, in seconds (Linux's /proc)."""
        try:
            fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1]
        except OSError:
            return float("nan")
        user, system = fields.split()[11:13]
        return (int(user) + int(system)) / os.sysconf("SC_CLK_TCK")

    def connect(self) -> http.client.HTTPConnection:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        connection.connect()
        # without it, Nagle's algorithm and delayed ACKs add ~40 ms to each request
        assert connection.sock is not None
        connection.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return connection

    def get(self, connection: http.client.HTTPConnection, path: str) -> tuple[int, bytes]:
        return self.timed(connection, path)[:2]

    def timed(self, connection: http.client.HTTPConnection, path: str
              ) -> tuple[int, bytes, float]:
        """The status, the body and the server's own time (its Server-Timing header)."""
        connection.request("GET", path, headers={"Cookie": f"luck_token={self.token}"})
        answer = connection.getresponse()
        body = answer.read()
        timing = answer.getheader("Server-Timing", "app;dur=nan")
        return answer.status, body, float(timing.split("dur=")[1])

    def stop(self) -> None:
        self.process.send_signal(signal.SIGINT)
        self.process.wait(timeout=30)


def _p95(values: list[float]) -> float:
    return sorted(values)[max(0, round(0.95 * len(values)) - 1)]


def per_page(server: Server, requests: int, touch: sqlite3.Connection | None = None
             ) -> dict[str, tuple[float, float, float]]:
    """Each page's server time (median, p95) and round trip (median); with `touch`, a
    change committed through it before each request."""
    connection = server.connect()
    figures = {}
    for path in PAGES:
        status, _ = server.get(connection, path)  # warm-up
        assert status == 200, (path, status)
        times, rounds = [], []
        for n in range(requests):
            if touch is not None:  # a commit the server sees; no record changes
                touch.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                              (TOUCHED, str(n)))
            start = time.perf_counter()
            status, _, server_ms = server.timed(connection, path)
            rounds.append((time.perf_counter() - start) * 1000)
            times.append(server_ms)
            assert status == 200, (path, status)
        figures[path] = (statistics.median(times), _p95(times), statistics.median(rounds))
    return figures


def _table(figures: dict[str, tuple[float, float, float]]) -> bool:
    """Print the figures; whether any page's p95 is over the target."""
    over = False
    print(f"{'page':28} {'server median':>14} {'server p95':>11} {'round trip':>11}")
    for path, (median, p95, trip) in figures.items():
        flag = "" if p95 <= 100 else "  over the 100 ms target"
        over |= p95 > 100
        print(f"{path:28} {median:14.1f} {p95:11.1f} {trip:11.1f}{flag}")
    return over


def load(server: Server, clients: int, seconds: float) -> tuple[int, int, float]:
    deadline = time.monotonic() + seconds
    done, errors = [0] * clients, [0] * clients
    slowest = [0.0] * clients

    def client(i: int) -> None:
        connection = server.connect()
        n = i
        while time.monotonic() < deadline:
            path = PAGES[n % len(PAGES)]
            n += 1
            start = time.perf_counter()
            try:
                status, _ = server.get(connection, path)
            except (OSError, http.client.HTTPException):
                errors[i] += 1
                connection = server.connect()
                continue
            slowest[i] = max(slowest[i], time.perf_counter() - start)
            done[i] += 1
            if status != 200:
                errors[i] += 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(done), sum(errors), max(slowest)


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--requests", type=int, default=30, help="per page (default 30)")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    args = parser.parse_args(argv)
    if not (args.data / "luck.db").exists():
        raise SystemExit(f"no workspace at {args.data}: run benchmarks/generate.py first")
    meta = args.data / "bench.json"
    today = json.loads(meta.read_text())["today"] if meta.exists() else "2026-11-25"
    print(f"load average (1, 5, 15 min): {_load()} on {os.cpu_count()} cores")
    server = Server(args.data, today)
    failed = False
    try:
        for label, (wall, cpu) in (("address printed", server.printed),
                                   ("serving (first page answered)", server.serving),
                                   ("first review page (cold)", server.reviewed)):
            print(f"start: {label} after {wall * 1000:.0f} ms (process CPU {cpu * 1000:.0f} ms)")
        print("start target: serving within 1000 ms")
        print(f"\nper page, {args.requests} requests each, one client (ms):")
        failed |= _table(per_page(server, args.requests))
        print(f"\nper page after a change to the data, {args.requests} requests each (ms):")
        touch = sqlite3.connect(args.data / "luck.db", isolation_level=None, timeout=30)
        try:
            failed |= _table(per_page(server, args.requests, touch))
        finally:
            touch.execute("DELETE FROM meta WHERE key = ?", (TOUCHED,))
            touch.close()
        total, errors, slowest = load(server, args.clients, args.seconds)
        print(f"\nload: {args.clients} clients for {args.seconds:.0f} s on 127.0.0.1: "
              f"{total} answers, {errors} errors, slowest {slowest * 1000:.0f} ms, "
              f"{total / args.seconds:.0f} pages/s")
        failed |= errors > 0 or server.serving[0] > 1
    finally:
        server.stop()
    print(f"load average (1, 5, 15 min): {_load()}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
