"""Rough math that funds work: Monte Carlo estimates that speak at business altitude.

The essay's "From Throughput to Consequence" asks a pitch to quantify the failure
avoided, the revenue unlocked or the risk reduced, even with rough math. A model is a
small TOML file: inputs as point values, 90% ranges ("600 ms to 700 ms") or named
distributions; formulas that combine them; units carried and checked; a pitch sentence
filled from the results.

The rooms:
- `model`: reading a model (TOML, `--set` overrides), its names, order and checks;
- `inputs`: how an input is written and the distribution it stands for;
- `formula`: the safe expression grammar (an allow-listed Python AST, never `eval`);
- `units`: the only module that imports pint; checks units once, before sampling;
- `simulate`: vectorised sampling with numpy and the summary of a run;
- `sensitivity`: which inputs drive the spread of a result;
- `pitch`: numbers as people read them, and the pitch template;
- `chart`: the histogram, in the terminal and as a PNG;
- `starters`: the library of starter models (`models/*.toml`).

Nothing here touches the workspace or the terminal; numpy and pint are imported only
inside the functions that need them.
"""
