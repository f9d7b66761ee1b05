"""Benchmark: `luck doc lint` against a reviewer, on the corpus of real-format documents.

Each document of tests/writing/corpus has an expectations file beside it
(`NAME.expect.toml`): its kind, and the findings a careful reviewer makes, as
`[rule, line, why]`. This lints every document the way `luck doc lint FOLDER` does (the
file's path relative to the corpus is what the linter sees) and prints, per kind:

- kind found: documents whose inferred kind is the expected one (no kind for notes);
- findings right / false / missed: a finding is right when the expectations hold the
  same rule on the same line (each expectation matches one finding);
- errors and warnings right: the share of reported errors and warnings that are right
  (precision); expected found: the share of expected findings reported (recall);
- the time per 1,000 documents, linted in this process (files read beforehand).

    .venv/bin/python benchmarks/lint_corpus.py [--corpus DIR] [--show] [--docs 1000]

`--show` lists every false and missed finding, by file. Always exits 0: it prints
figures; tests/writing/test_corpus.py holds the targets.
"""

from __future__ import annotations

import argparse
import dataclasses
import time
import tomllib
from collections import Counter
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "writing" / "corpus"
TARGETS = {"kind": 0.95, "precision": 0.90, "recall": 0.80}
SERIOUS = ("error", "warning")


@dataclasses.dataclass
class Case:
    name: str  # the path relative to the corpus, as the linter sees it
    text: str
    kind: str | None
    expected: list[tuple[str, int]]


@dataclasses.dataclass
class Tally:
    documents: int = 0
    kind_found: int = 0
    right: int = 0
    false: int = 0
    missed: int = 0
    serious: int = 0  # errors and warnings reported
    serious_right: int = 0

    def add(self, other: Tally) -> None:
        for field in dataclasses.fields(self):
            setattr(self, field.name, getattr(self, field.name) + getattr(other, field.name))

    @property
    def kind_rate(self) -> float:
        return self.kind_found / self.documents if self.documents else 1.0

    @property
    def precision(self) -> float:
        return self.serious_right / self.serious if self.serious else 1.0

    @property
    def recall(self) -> float:
        expected = self.right + self.missed
        return self.right / expected if expected else 1.0


@dataclasses.dataclass
class Result:
    per_kind: dict[str, Tally]
    total: Tally
    wrong: dict[str, list[str]]  # file -> what was false, missed or the wrong kind


def load(corpus: Path = CORPUS) -> list[Case]:
    cases = []
    for path in sorted(corpus.rglob("*.md")):
        sidecar = path.with_suffix(".expect.toml")
        if not sidecar.exists():
            continue
        data = tomllib.loads(sidecar.read_text(encoding="utf-8"))
        expected = [(str(rule), int(line)) for rule, line, *_ in data.get("findings", [])]
        cases.append(Case(path.relative_to(corpus).as_posix(),
                          path.read_text(encoding="utf-8"), data["kind"] or None, expected))
    return cases


def score(cases: list[Case], config: object = None) -> Result:
    from luckos.writing.lint import lint_document

    per_kind: dict[str, Tally] = {}
    total = Tally()
    wrong: dict[str, list[str]] = {}
    for case in cases:
        report = lint_document(case.text, config=config, file_name=case.name)
        tally = Tally(documents=1, kind_found=int(report.kind == case.kind))
        notes = [] if report.kind == case.kind else [
            f"kind: {report.kind or 'none'} (expected {case.kind or 'none'})"]
        expected = Counter(case.expected)
        for finding in report.findings:
            key = (finding.rule, finding.line)
            serious = finding.severity in SERIOUS
            tally.serious += serious
            if expected[key] > 0:
                expected[key] -= 1
                tally.right += 1
                tally.serious_right += serious
            else:
                tally.false += 1
                notes.append(f"false  {finding.line}: {finding.severity} {finding.rule} "
                             f"{finding.message[:90]}")
        for (rule, line), count in sorted(expected.items(), key=lambda kv: kv[0][1]):
            tally.missed += count
            notes.extend([f"missed {line}: {rule}"] * count)
        per_kind.setdefault(case.kind or "(no kind)", Tally()).add(tally)
        total.add(tally)
        if notes:
            wrong[case.name] = notes
    return Result(dict(sorted(per_kind.items())), total, wrong)


def seconds_per(cases: list[Case], documents: int) -> tuple[float, int]:
    """Seconds to lint `documents` documents (the corpus, cycled), and their mean words."""
    from luckos.writing.lint import lint_document

    batch = [cases[i % len(cases)] for i in range(documents)]
    words = sum(len(c.text.split()) for c in batch) // len(batch)
    start = time.perf_counter()
    for case in batch:
        lint_document(case.text, file_name=case.name)
    return time.perf_counter() - start, words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--show", action="store_true", help="list false and missed findings")
    parser.add_argument("--docs", type=int, default=1000, help="documents to time")
    args = parser.parse_args()
    cases = load(args.corpus)
    result = score(cases)
    if args.show:
        for name, notes in result.wrong.items():
            print(name)
            for note in notes:
                print(f"  {note}")
        print()
    header = (f"{'kind':<18} {'docs':>4} {'kind found':>11} {'right':>6} {'false':>6} "
              f"{'missed':>6} {'err+warn right':>15} {'expected found':>15}")
    print(f"lint corpus: {len(cases)} documents in {args.corpus.name}/")
    print(header)
    for kind, tally in [*result.per_kind.items(), ("all", result.total)]:
        if kind == "all":
            print("-" * len(header))
        print(f"{kind:<18} {tally.documents:>4} {tally.kind_found:>4} ({tally.kind_rate:>4.0%}) "
              f"{tally.right:>6} {tally.false:>6} {tally.missed:>6} "
              f"{tally.serious_right:>5}/{tally.serious:<4} {tally.precision:>4.0%} "
              f"{tally.right:>5}/{tally.right + tally.missed:<4} {tally.recall:>4.0%}")
    total = result.total
    print(f"targets: kind found {TARGETS['kind']:.0%} "
          f"({'ok' if total.kind_rate >= TARGETS['kind'] else 'BELOW'}), "
          f"errors and warnings right {TARGETS['precision']:.0%} "
          f"({'ok' if total.precision >= TARGETS['precision'] else 'BELOW'}), "
          f"expected found {TARGETS['recall']:.0%} "
          f"({'ok' if total.recall >= TARGETS['recall'] else 'BELOW'})")
    seconds_per(cases[:20], 20)  # warm up: imports, compiled patterns
    elapsed, words = seconds_per(cases, args.docs)
    print(f"time: {elapsed:.2f} s for {args.docs:,} documents of ~{words} words "
          f"({elapsed / args.docs * 1000:.2f} s per 1,000, in one process)")


if __name__ == "__main__":
    main()
