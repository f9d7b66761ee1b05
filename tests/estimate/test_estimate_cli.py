"""`luck estimate` as a user runs it: the report, JSON, the PNG, reproducibility."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from luckos.estimate.model import parse_model
from luckos.estimate.simulate import simulate

MODEL = """\
[model]
title = "What the change is worth"
output = "value"
pitch = "This saves ≈{hours} of work, worth ≈{value} (90% interval {value.range})."

[inputs]
hours = "10 to 40 hours per month"
rate = "$80 to $150 per hour"

[formulas]
value = { formula = "hours * rate", unit = "$/month", above = "$2k/month" }
"""


def test_report_has_every_part(luck, write) -> None:
    path = write("model.toml", MODEL)
    ran = luck("estimate", str(path), "--samples", "50000", "--bins", "12")
    assert ran.exit_code == 0, ran.stderr
    lines = ran.stdout.splitlines()
    assert lines[0] == "What the change is worth"
    assert lines[1] == f"{path} · 50,000 samples · seed 1"
    out = ran.stdout
    assert "\nInputs\ninput  as written                mean" in out
    assert "\nhours  10 to 40 hours per month" in out
    assert "\nResults (* the headline)\n" in out
    assert "\nvalue *  value  $" in out
    assert "  chance value is above $2k/month: " in out
    histogram = out.split("Histogram of value ($/month, 50,000 samples)\n")[1]
    bars = histogram.splitlines()[:12]
    for bar in bars:
        assert re.match(r"^ +\$[\d.]+k?  [█▏▎▍▌▋▊▉]+ +[\d.]+%", bar), bar
    marks = " ".join(x.split("← ")[1] for x in bars if "← " in x)
    assert marks.replace(",", "").split() == ["5%", "median", "95%"]
    assert histogram.splitlines()[12].startswith("  (below $")
    assert "\nWhat drives value\ninput  its 90% interval" in out
    assert re.search(r"\nPitch\nThis saves ≈\d+ hours per month of work, worth ≈\$[\d.]+k/month "
                     r"\(90% interval \$[\d.]+k–\$[\d.]+k/month\)\.\n$", out)


def test_json_is_stable_and_complete(luck, write) -> None:
    path = write("model.toml", MODEL)
    data = json.loads(luck("estimate", str(path), "--samples", "20000", "--json").stdout)
    assert set(data) == {"model", "samples", "seed", "output", "headline", "inputs",
                         "results", "histogram", "sensitivity", "pitch"}
    assert data["output"] == "value" and data["samples"] == 20000 and data["seed"] == 1
    headline = data["headline"]
    assert headline["unit"] == "$/month"
    assert headline["p5"] < headline["median"] < headline["p95"]
    assert 0 < headline["above"]["probability"] < 1
    assert headline["above"]["threshold"] == 2000
    assert sum(data["histogram"]["counts"]) + data["histogram"]["below"] + \
        data["histogram"]["above"] == 20000
    assert [d["input"] for d in data["sensitivity"]] in (["hours", "rate"], ["rate", "hours"])
    assert data["inputs"]["hours"]["written"] == "10 to 40 hours per month"


def test_a_pitch_that_uses_a_spread_reads_the_same_on_the_terminal(luck, write) -> None:
    # the terminal's report shows no standard deviation, so a run for it computes only
    # those its pitch uses; they are the numbers --json gives
    path = write("model.toml", MODEL.replace("(90% interval {value.range})",
                                             "(give or take {value.sd}, {rate.sd:3})"))
    data = luck.json("estimate", str(path), "--samples", "20000")
    assert data["pitch"].startswith("This saves ≈") and "give or take $" in data["pitch"]
    assert all(s["sd"] > 0 for s in [*data["inputs"].values(), *data["results"].values()])
    text = luck.ok("estimate", str(path), "--samples", "20000").stdout
    assert text.rstrip().splitlines()[-1] == data["pitch"]


def test_same_seed_same_numbers_and_another_seed_others(luck, write) -> None:
    path = write("model.toml", MODEL)
    one = json.loads(luck("estimate", str(path), "--samples", "10000", "--seed", "7",
                          "--json").stdout)
    two = json.loads(luck("estimate", str(path), "--samples", "10000", "--seed", "7",
                          "--json").stdout)
    other = json.loads(luck("estimate", str(path), "--samples", "10000", "--seed", "8",
                            "--json").stdout)
    assert one == two
    assert one["headline"]["mean"] != other["headline"]["mean"]


def test_adding_an_input_leaves_the_other_draws_alone() -> None:
    base = parse_model(MODEL, "m.toml")
    more = parse_model(MODEL.replace('[formulas]', 'extra = "1 to 9"\n\n[formulas]'), "m.toml")
    a = simulate(base, samples=5000, seed=3)
    b = simulate(more, samples=5000, seed=3)
    assert a.summaries["value"] == b.summaries["value"]


def test_inline_model_from_set_values(luck) -> None:
    ran = luck("estimate", "--set", "a=normal(10, 1) ms", "--set", "b=normal(20, 1) ms",
               "--set", "total=a + b", "--samples", "20000", "--json")
    data = json.loads(ran.stdout)
    assert data["model"]["source"] == "--set"
    assert data["output"] == "total"
    assert abs(data["headline"]["mean"] - 30) < 0.05
    assert data["headline"]["unit"] == "ms"


def test_output_above_and_below_options(luck, write) -> None:
    path = write("model.toml", MODEL)
    ran = luck("estimate", str(path), "--samples", "20000", "--output", "hours",
               "--json")
    assert json.loads(ran.stdout)["headline"]["unit"] == "hours per month"
    text = luck("estimate", str(path), "--samples", "20000", "--above", "3000",
                "--below", "$1.5k/month").stdout
    assert "  chance value is above $3k/month: " in text
    assert "  chance value is below $1.5k/month: " in text


def test_png_histogram(luck, write, tmp_path: Path) -> None:
    path = write("model.toml", MODEL)
    png = tmp_path / "value.png"
    ran = luck("estimate", str(path), "--samples", "20000", "--png", str(png))
    assert ran.exit_code == 0, ran.stderr
    assert ran.stdout.endswith(f"\nwrote {png}\n")
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (880, 495)


def test_help_lists_the_subcommands(luck) -> None:
    ran = luck("estimate", "--help")
    assert ran.exit_code == 0
    for word in ("run", "new", "models", "list", "show", "link", "delete"):
        assert f"\n  {word} " in ran.stdout
    assert "luck estimate MODEL.toml [--samples N] [--seed S] [--json] [--png PATH]" in ran.stdout
    assert re.search(r"\n  estimate +Rough math that funds work, and its pitch\.\n",
                     luck("--help").stdout)


def test_installed_command_end_to_end(tmp_path: Path) -> None:
    luck = Path(sys.executable).with_name("luck")
    env = {**os.environ, "LUCK_HOME": str(tmp_path / "home")}
    done = subprocess.run([str(luck), "estimate", "cold-start", "--samples", "20000",
                           "--json"], capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["headline"]["unit"] == "$/qtr"
    assert data["pitch"].startswith("We can cut p95 cold-start from 1.8 s to 650 ms")
    bad = subprocess.run([str(luck), "estimate", "--set", "x=5 ms", "--set", "y=x + 1"],
                         capture_output=True, text=True, env=env, check=False)
    assert bad.returncode == 2
    assert bad.stdout == ""
    assert bad.stderr == ("luck: error: --set y: cannot add ms and a plain number in "
                          "`x + 1`\n")


def test_model_settings_labels_and_hidden_steps(luck, write) -> None:
    path = write("model.toml", """\
[model]
title = "Settings"
samples = 3000
seed = 9

[inputs]
a = "1 to 2 hours"

[formulas]
step = { formula = "a * 2", hide = true }
total = { formula = "step + a", unit = "min", label = "time spent" }
""")
    data = json.loads(luck("estimate", str(path), "--json").stdout)
    assert (data["samples"], data["seed"]) == (3000, 9)
    assert data["headline"]["label"] == "time spent" and data["headline"]["unit"] == "min"
    text = luck("estimate", str(path)).stdout
    assert "\ntotal *  time spent  " in text
    assert "\nstep " not in text  # hidden from the results table, still computed
    assert json.loads(luck("estimate", str(path), "--samples", "500", "--json").stdout)[
        "samples"] == 500
