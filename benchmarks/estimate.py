"""`luck estimate` against its targets (DESIGN.md section 5).

In-process: parse a ten-input model once, then time `simulate` (sampling, formulas,
summaries, histogram, sensitivity, pitch) at 100,000 and at 1,000,000 samples; the
median of several runs. End to end: the installed `luck estimate` command, started as
a process, on the same model and on Priya's starter model.

    .venv/bin/python benchmarks/estimate.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TEN_INPUTS = """\
[model]
title = "Ten inputs"
output = "net_value"

[inputs]
p95_before = "1.8 s"
p95_after = "600 ms to 700 ms"
dropoff_per_second = "0.9% to 1.8% per s"
checkouts = "340k to 500k per quarter"
order_value = "$52 to $78 per order"
incidents = "normal(6, 1.5) incidents per quarter"
recovery = "triangular(0.5, 1, 3) hours"
revenue_at_risk = "pert(10k, 25k, 60k) $ per hour"
share_avoided = "beta(6, 4) %"
build_cost = "uniform(40k, 90k) $ per quarter"

[formulas]
saved = { formula = "p95_before - p95_after", unit = "ms" }
dropoff_cut = { formula = "saved * dropoff_per_second", unit = "%" }
revenue = { formula = "checkouts * dropoff_cut * order_value", unit = "$/qtr" }
net_value = { formula = "revenue + outage_cost - build_cost", unit = "$/qtr", above = "$300k/qtr" }

[formulas.outage_cost]
formula = "max(incidents, 0) * share_avoided * recovery * revenue_at_risk"
unit = "$/qtr"
"""

TARGETS = {100_000: 0.200, 1_000_000: 1.5}


def _times(fn, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    from luckos.estimate.model import parse_model
    from luckos.estimate.simulate import simulate

    start = time.perf_counter()
    model = parse_model(TEN_INPUTS, "ten-inputs.toml")
    simulate(model, samples=1000)  # first run: imports numpy and pint, builds the registry
    first = time.perf_counter() - start
    assert len(model.inputs) == 10

    load = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"luck estimate: ten-input model (in-process, median and best of {args.runs} runs; "
          f"load average {load} on {os.cpu_count()} cores)")
    print(f"  {'what':<48} {'median':>10} {'best':>8} {'target':>10}")
    print(f"  {'first run in a process (imports, registry)':<48} {first * 1000:>8.0f}ms")
    import numpy as np

    for n, target in TARGETS.items():
        def floor(n: int = n) -> None:  # the baseline: ten bare numpy draws of n samples
            rng = np.random.default_rng(1)
            for _ in range(10):
                np.exp(rng.standard_normal(n))

        base = _times(floor, args.runs)
        times = _times(lambda n=n: simulate(model, samples=n, seed=1), args.runs)
        seconds = statistics.median(times)
        verdict = "ok" if seconds <= target else "OVER"
        print(f"  {f'simulate, {n:,} samples':<48} {seconds * 1000:>8.0f}ms "
              f"{min(times) * 1000:>6.0f}ms {target * 1000:>8.0f}ms  {verdict}")
        print(f"  {f'  baseline: 10 numpy lognormal draws of {n:,}':<48} "
              f"{statistics.median(base) * 1000:>8.0f}ms {min(base) * 1000:>6.0f}ms")

    luck = Path(sys.executable).with_name("luck")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ten-inputs.toml"
        path.write_text(TEN_INPUTS, encoding="utf-8")
        runs = max(args.runs // 2, 3)
        print(f"\nend to end: {luck} (a new process each run, output to a pipe, median "
              f"of {runs} rounds; cpu is the process's user + system time, all its "
              "threads, which a busy machine stretches less than the wall time)")
        print(f"  {'what':<52} {'wall':>8} {'cpu':>8}")
        cases = [
            ("baseline: python -c 'import numpy, pint'",
             [sys.executable, "-c", "import numpy, pint"]),
            ("luck estimate ten-inputs.toml", [str(luck), "estimate", str(path)]),
            ("luck estimate ten-inputs.toml --samples 1000000",
             [str(luck), "estimate", str(path), "--samples", "1000000"]),
            ("luck estimate cold-start", [str(luck), "estimate", "cold-start"]),
            ("luck estimate cold-start --json", [str(luck), "estimate", "cold-start", "--json"]),
        ]
        walls: dict[str, list[float]] = {label: [] for label, _ in cases}
        cpus: dict[str, list[float]] = {label: [] for label, _ in cases}
        for _ in range(runs):  # each round runs every case, so load slows them alike
            for label, argv in cases:
                start = time.perf_counter()
                child = subprocess.Popen(argv, stdout=subprocess.DEVNULL)
                _, status, usage = os.wait4(child.pid, 0)
                walls[label].append(time.perf_counter() - start)
                cpus[label].append(usage.ru_utime + usage.ru_stime)
                assert os.waitstatus_to_exitcode(status) == 0, label
        base_wall = statistics.median(walls[cases[0][0]])
        base_cpu = statistics.median(cpus[cases[0][0]])
        for label, _ in cases:
            wall, cpu = statistics.median(walls[label]), statistics.median(cpus[label])
            extra = "" if label == cases[0][0] else (
                f"  (+{(wall - base_wall) * 1000:.0f} ms wall, "
                f"+{(cpu - base_cpu) * 1000:.0f} ms cpu)")
            print(f"  {label:<52} {wall * 1000:>6.0f}ms {cpu * 1000:>6.0f}ms{extra}")


if __name__ == "__main__":
    main()
