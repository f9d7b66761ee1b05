"""`luck estimate` against its targets (DESIGN.md section 5).

In-process: parse a ten-input model once, then time `simulate` (sampling, formulas,
summaries, histogram, sensitivity, pitch) at 100,000 and at 1,000,000 samples; the
median of several runs. End to end: the installed `luck estimate` command, started as
a process, on the same model and on Priya's starter model.

    .venv/bin/python benchmarks/estimate.py [--runs 7]
"""

from __future__ import annotations

import argparse
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


def _median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    from luckos.estimate.model import parse_model
    from luckos.estimate.simulate import simulate

    start = time.perf_counter()
    model = parse_model(TEN_INPUTS, "ten-inputs.toml")
    simulate(model, samples=1000)  # first run: imports numpy and pint, builds the registry
    first = time.perf_counter() - start
    assert len(model.inputs) == 10

    print("luck estimate: ten-input model (in-process, median of "
          f"{args.runs} runs)")
    print(f"  {'what':<44} {'measured':>10} {'target':>10}")
    print(f"  {'first run in a process (imports, registry)':<44} {first * 1000:>8.0f}ms "
          f"{'':>10}")
    for n, target in TARGETS.items():
        seconds = _median_time(lambda n=n: simulate(model, samples=n, seed=1), args.runs)
        verdict = "ok" if seconds <= target else "OVER"
        print(f"  {f'simulate, {n:,} samples':<44} {seconds * 1000:>8.0f}ms "
              f"{target * 1000:>8.0f}ms  {verdict}")

    luck = Path(sys.executable).with_name("luck")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ten-inputs.toml"
        path.write_text(TEN_INPUTS, encoding="utf-8")
        print(f"\nend to end: {luck} (a new process each run, output to a pipe, median "
              f"of {args.runs})")
        for label, argv in (
            ("luck estimate ten-inputs.toml", [str(path)]),
            ("luck estimate ten-inputs.toml --samples 1000000", [str(path), "--samples",
                                                                  "1000000"]),
            ("luck estimate cold-start", ["cold-start"]),
            ("luck estimate cold-start --json", ["cold-start", "--json"]),
        ):
            def run(argv=argv) -> None:
                subprocess.run([str(luck), "estimate", *argv], check=True,
                               stdout=subprocess.DEVNULL)

            seconds = _median_time(run, args.runs)
            print(f"  {label:<52} {seconds * 1000:>8.0f}ms")


if __name__ == "__main__":
    main()
