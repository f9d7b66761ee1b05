"""Bad input: one clear line naming the place, exit 2, no traceback, nothing written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

GOOD = """\
[inputs]
hours = "10 to 40 hours per month"
rate = "$80 to $150 per hour"

[formulas]
value = { formula = "hours * rate", unit = "$/month" }
"""


def one_error_line(ran) -> str:
    assert ran.exit_code == 2
    assert ran.stdout == ""
    lines = ran.stderr.splitlines()
    assert len(lines) == 1, ran.stderr
    assert lines[0].startswith("luck: error: ")
    assert "Traceback" not in ran.stderr
    return lines[0]


CASES = [
    pytest.param(
        '[inputs]\nconversion = "1% to 2%"\n\n[formulas]\nrevenue = "convrsion * 100"\n',
        "model.toml:5: [formulas] revenue: unknown name 'convrsion' in `convrsion * 100` "
        "(did you mean 'conversion'?)",
        id="unknown-name"),
    pytest.param(
        '[inputs]\nx = 1\n[formulas]\na = "b + x"\nb = "c * 2"\nc = "a - 1"\n',
        "model.toml:4: [formulas] a: cycle between formulas: a → b → c → a",
        id="cycle"),
    pytest.param(
        '[formulas]\nloop = "loop + 1"\n',
        "model.toml:2: [formulas] loop: cycle between formulas: loop → loop",
        id="self-reference"),
    pytest.param(
        '[inputs]\nafter = "750 ms to 550 ms"\n[formulas]\ny = "after * 2"\n',
        "model.toml:2: [inputs] after: the low end 750 ms is above the high end 550 ms",
        id="low-above-high"),
    pytest.param(
        '[inputs]\nx = "5 ms to 6 $"\n',
        "model.toml:2: [inputs] x: the two ends of the range have different kinds of unit: "
        "'ms' is time, '$' is money",
        id="range-ends-in-different-units"),
    pytest.param(
        '[inputs]\nx = "800 ms to 0.5 s"\n',
        "model.toml:2: [inputs] x: the low end 0.8 s is above the high end 0.5 s",
        id="low-above-high-after-conversion"),
    pytest.param(
        '[inputs]\np95 = "650 ms"\ncost = "$40 to $60"\n[formulas]\ntotal = "p95 + cost"\n',
        "model.toml:5: [formulas] total: cannot add ms and $ in `p95 + cost`",
        id="ms-plus-dollars"),
    pytest.param(
        '[inputs]\nx = "5 hours"\n[formulas]\ny = { formula = "x * 2", unit = "$" }\n',
        "model.toml:4: [formulas] y: the formula gives time (h), but its unit '$' is money",
        id="declared-unit"),
    pytest.param(
        '[inputs]\nx = "5 widgets"\n[formulas]\ny = "x * 2"\n',
        "model.toml:2: [inputs] x: unknown unit 'widgets' in 'widgets' (declare it under "
        '[units], e.g. widget = "count")',
        id="unknown-unit"),
    pytest.param(
        '[inputs]\nx = "1 to 2"\ny = \n',
        "model.toml: not a TOML model: Invalid value (at line 3, column 5)",
        id="not-toml"),
    pytest.param(
        '[inputs]\nx = 1\n[formulas]\ny = "__import__(\'os\').system(\'true\')"\n',
        "model.toml:4: [formulas] y: `__import__('os').system('true')`: unknown function",
        id="no-eval"),
    pytest.param(
        '[inputs]\nx = 1\n[formulas]\ny = "x.real"\n',
        "model.toml:4: [formulas] y: `x.real` is not allowed in a formula",
        id="attribute"),
    pytest.param(
        '[inputs]\nx = "uniform(-3, -1)"\n[formulas]\ny = "sqrt(x)"\n',
        "model.toml:4: [formulas] y: not a finite number in 100% of samples",
        id="not-finite"),
    pytest.param(
        '[inputs]\nx = "normal(10, -2)"\n',
        "model.toml:2: [inputs] x: normal: sd must be above 0 (got -2)",
        id="bad-parameter"),
    pytest.param(
        '[inputs]\nx = "gamma(2, 3)"\n',
        "model.toml:2: [inputs] x: unknown distribution 'gamma'",
        id="unknown-distribution"),
    pytest.param(
        '[inputs]\nx = "beta(2, 8) hours"\n[formulas]\ny = "x * 2"\n',
        "model.toml:2: [inputs] x: beta gives a fraction from 0 to 1",
        id="beta-with-a-unit"),
    pytest.param(
        '[inputz]\nx = 1\n',
        "model.toml:1: [inputz]: unknown section (a model has [model], [inputs], "
        "[formulas], [units])",
        id="unknown-section"),
    pytest.param(
        '[model]\noutput = "totl"\n[inputs]\nx = 1\n[formulas]\ntotal = "x * 2"\n',
        "model.toml:2: [model] output: unknown name 'totl' (did you mean 'total'?)",
        id="unknown-output"),
    pytest.param(
        '[model]\npitch = "It is {totl}."\n[inputs]\nx = 1\n[formulas]\ntotal = "x * 2"\n',
        "model.toml:2: [model] pitch: unknown name 'totl' in {totl} (did you mean 'total'?)",
        id="unknown-pitch-name"),
    pytest.param(
        '[inputs]\nx = "2 s"\n[formulas]\ny = "x ** x"\n',
        "model.toml:4: [formulas] y: the exponent in `x ** x` must be a plain number, not s",
        id="unit-exponent"),
    pytest.param(
        '[inputs]\nx = "2 s"\n[formulas]\ny = "x > 5"\n',
        "model.toml:4: [formulas] y: cannot compare s with a plain number in `x > 5`",
        id="compare-units"),
    pytest.param(
        '[inputs]\nmax = 3\n',
        "model.toml:2: [inputs] max: is the name of a function (max); choose another name",
        id="function-name"),
    pytest.param(
        '[units]\nsecond = "count"\n[inputs]\nx = 1\n',
        "model.toml:2: [units] second: 'second' is already a unit",
        id="redefine-unit"),
]


@pytest.mark.parametrize(("text", "message"), CASES)
def test_bad_model_gives_one_line_naming_the_place(luck, write, text: str,
                                                   message: str) -> None:
    path = write("model.toml", text)
    line = one_error_line(luck("estimate", str(path), "--samples", "2000"))
    assert line.startswith(f"luck: error: {path.parent}/{message}"), line


def test_division_by_zero_reports_the_share_of_samples(luck, write) -> None:
    path = write("model.toml", """\
[inputs]
users = "uniform(0, 4)"
revenue = "$1k to $2k"

[formulas]
whole_users = "floor(users)"
per_user = "revenue / whole_users"
""")
    line = one_error_line(luck("estimate", str(path), "--samples", "100000"))
    match = re.fullmatch(
        rf"luck: error: {re.escape(str(path))}:7: \[formulas\] per_user: division by zero "
        r"in (\d+)% of samples \(([\d,]+) of 100,000\), at `revenue / whole_users`", line)
    assert match, line
    count = int(match.group(2).replace(",", ""))
    assert 24_000 < count < 26_000  # floor(uniform(0, 4)) is 0 a quarter of the time
    assert match.group(1) == "25"


def test_a_missing_file_names_it(luck, tmp_path: Path) -> None:
    line = one_error_line(luck("estimate", str(tmp_path / "nope.toml")))
    assert line == (f"luck: error: {tmp_path / 'nope.toml'}: no such file, starter model or "
                    "saved estimate (starters: `luck estimate models`)")


def test_a_file_that_is_not_text(luck, tmp_path: Path) -> None:
    path = tmp_path / "model.toml"
    path.write_bytes(b"\xff\xfe\x00binary")
    line = one_error_line(luck("estimate", str(path)))
    assert line == f"luck: error: {path}: not a TOML model: not UTF-8 text"


@pytest.mark.parametrize(("argv", "message"), [
    (["--set", "hours"], "--set 'hours': write NAME=VALUE"),
    (["--set", "rate=$80 to $50 per hour"],
     "--set rate: the low end $80 per hour is above the high end $50 per hour"),
    (["--set", "value=hours + rate"], "--set value: cannot add h/mo and $/h in `hours + rate`"),
    (["--above", "5 ms"], "[formulas] value: threshold '5 ms' is time, but value is money "
                          "per time ($/month)"),
    (["--output", "valeu"], "--output valeu: no such input or formula"),
    (["--samples", "0"], "--samples 0: choose from 1 to 2,000,000"),
    (["--bins", "500"], "--bins 500: choose from 5 to 60"),
    (["--png", "chart.jpg"], "--png chart.jpg: the file name must end in .png"),
    (["--theme", "t1"], "--name, --theme, --window and --doc describe a saved estimate"),
])
def test_bad_options(luck, write, argv: list[str], message: str) -> None:
    path = write("model.toml", GOOD)
    line = one_error_line(luck("estimate", str(path), "--samples", "1000", *argv)
                          if "--samples" not in argv else luck("estimate", str(path), *argv))
    assert message in line, line


def test_an_unknown_theme_is_refused_before_anything_is_saved(luck, write, home: Path,
                                                              tmp_path: Path) -> None:
    path = write("model.toml", GOOD)
    png = tmp_path / "chart.png"
    line = one_error_line(luck("estimate", str(path), "--save", "--theme", "t9",
                               "--png", str(png)))
    assert line == "luck: error: no theme t9"
    assert not png.exists()
    listed = luck("estimate", "list", "--json")
    assert listed.exit_code == 0 and listed.stdout.strip() == "[]"


def test_a_failing_model_saves_nothing_and_draws_nothing(luck, write, home: Path,
                                                         tmp_path: Path) -> None:
    path = write("model.toml", GOOD.replace('"hours * rate"', '"hours + rate"'))
    png = tmp_path / "chart.png"
    one_error_line(luck("estimate", str(path), "--save", "--png", str(png)))
    assert not png.exists()
    assert luck("estimate", "list", "--json").stdout.strip() == "[]"
