"""A sentence-transformers BERT model (all-MiniLM-L6-v2 and its kin) run with numpy.

The model is a folder as sentence-transformers saves it: `config.json`, `vocab.txt`,
`model.safetensors`, and optionally `sentence_bert_config.json` (the longest input) and
`1_Pooling/config.json` (mean pooling is the one supported). Nothing is downloaded and
nothing but numpy, already a dependency of luckos, is needed: no PyTorch, no runtime.
The sentence vector is the mean of the last layer over the input's tokens, normalised
to length 1, as sentence-transformers computes it.
"""

from __future__ import annotations

import json
import struct
from pathlib import Path
from typing import Any

import numpy as np

from luckos.ai.wordpiece import WordPiece
from luckos.errors import LuckError

BATCH = 32  # texts run through the model together
_DTYPES = {"F32": np.float32, "F16": np.float16, "F64": np.float64, "I64": np.int64}


def is_model_folder(path: Path) -> bool:
    return all((path / name).is_file() for name in ("config.json", "vocab.txt",
                                                    "model.safetensors"))


class SentenceModel:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        config = _json(folder / "config.json")
        if config.get("model_type", "bert") != "bert":
            raise LuckError(f"{folder}: a {config.get('model_type')} model; the local "
                            "embedding model must be a BERT sentence-transformers model")
        self.heads = int(config["num_attention_heads"])
        self.layers = int(config["num_hidden_layers"])
        self.eps = float(config.get("layer_norm_eps", 1e-12))
        if config.get("hidden_act", "gelu") != "gelu":
            raise LuckError(f"{folder}: activation {config.get('hidden_act')!r} is not "
                            "supported (gelu is)")
        st_config = folder / "sentence_bert_config.json"
        self.max_length = min(int(_json(st_config).get("max_seq_length", 256))
                              if st_config.is_file() else 256,
                              int(config.get("max_position_embeddings", 512)))
        pooling = folder / "1_Pooling" / "config.json"
        if pooling.is_file() and not _json(pooling).get("pooling_mode_mean_tokens", True):
            raise LuckError(f"{folder}: only mean pooling is supported")
        self.tokenizer = WordPiece.load(folder / "vocab.txt")
        self.weights = _safetensors(folder / "model.safetensors")
        self.dimensions = int(self._w("embeddings.word_embeddings.weight").shape[1])

    def _w(self, name: str) -> np.ndarray:
        for key in (name, "bert." + name):
            if key in self.weights:
                return self.weights[key]
        raise LuckError(f"{self.folder}/model.safetensors has no {name}: not a BERT model")

    def encode(self, texts: list[str]) -> np.ndarray:
        """One unit-length float32 vector per text."""
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        ids = [self.tokenizer.ids(text, self.max_length) for text in texts]
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))  # little padding
        out = np.zeros((len(ids), self.dimensions), dtype=np.float32)
        for start in range(0, len(order), BATCH):
            chunk = order[start:start + BATCH]
            out[chunk] = self._batch([ids[i] for i in chunk])
        return out

    def _batch(self, ids: list[list[int]]) -> np.ndarray:
        width = max(len(row) for row in ids)
        tokens = np.full((len(ids), width), self.tokenizer.pad, dtype=np.int64)
        mask = np.zeros((len(ids), width), dtype=np.float32)
        for index, row in enumerate(ids):
            tokens[index, :len(row)] = row
            mask[index, :len(row)] = 1.0
        w = self._w
        x = (w("embeddings.word_embeddings.weight")[tokens]
             + w("embeddings.position_embeddings.weight")[:width][None, :, :]
             + w("embeddings.token_type_embeddings.weight")[0][None, None, :])
        x = self._norm(x, "embeddings.LayerNorm")
        bias = ((1.0 - mask) * -1e9)[:, None, None, :]  # padding is never attended to
        for layer in range(self.layers):
            x = self._layer(x, bias, f"encoder.layer.{layer}.")
        summed = (x * mask[:, :, None]).sum(axis=1)
        mean = summed / mask.sum(axis=1, keepdims=True)
        return mean / np.maximum(np.linalg.norm(mean, axis=1, keepdims=True), 1e-12)

    def _layer(self, x: np.ndarray, bias: np.ndarray, p: str) -> np.ndarray:
        batch, width, hidden = x.shape
        size = hidden // self.heads

        def heads(name: str) -> np.ndarray:
            y = self._dense(x, p + f"attention.self.{name}")
            return y.reshape(batch, width, self.heads, size).transpose(0, 2, 1, 3)

        q, k, v = heads("query"), heads("key"), heads("value")
        scores = q @ k.transpose(0, 1, 3, 2) / np.float32(np.sqrt(size)) + bias
        scores -= scores.max(axis=-1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=-1, keepdims=True)
        context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, width, hidden)
        x = self._norm(x + self._dense(context, p + "attention.output.dense"),
                       p + "attention.output.LayerNorm")
        inner = _gelu(self._dense(x, p + "intermediate.dense"))
        return self._norm(x + self._dense(inner, p + "output.dense"), p + "output.LayerNorm")

    def _dense(self, x: np.ndarray, name: str) -> np.ndarray:
        """x W^T + b, as one 2-D product over every token of the batch (a 3-D product
        runs several times slower)."""
        weight = self._w(name + ".weight")
        flat = x.reshape(-1, x.shape[-1]) @ weight.T
        flat += self._w(name + ".bias")
        result: np.ndarray = flat.reshape(*x.shape[:-1], weight.shape[0])
        return result

    def _norm(self, x: np.ndarray, name: str) -> np.ndarray:
        mean = x.mean(axis=-1, keepdims=True)
        var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
        normed = (x - mean) / np.sqrt(var + self.eps)
        result: np.ndarray = normed * self._w(name + ".weight") + self._w(name + ".bias")
        return result


def _gelu(x: np.ndarray) -> np.ndarray:
    """x * Φ(x) with erf (Abramowitz and Stegun 7.1.26, error below 1.5e-7)."""
    z = np.abs(x) * np.float32(1 / np.sqrt(2))
    t = 1.0 / (1.0 + np.float32(0.3275911) * z)
    poly = t * (np.float32(0.254829592) + t * (np.float32(-0.284496736) + t * (
        np.float32(1.421413741) + t * (np.float32(-1.453152027) + t * np.float32(1.061405429)))))
    erf = np.sign(x) * (1.0 - poly * np.exp(-z * z))
    result: np.ndarray = 0.5 * x * (1.0 + erf)
    return result


def _json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise LuckError(f"{path}: cannot be read as JSON ({exc})") from None
    if not isinstance(data, dict):
        raise LuckError(f"{path}: not a JSON object")
    return data


def _safetensors(path: Path) -> dict[str, np.ndarray]:
    """The tensors of a .safetensors file (8 bytes of header length, a JSON header, the
    raw little-endian data), as arrays over a memory map of the file: loading reads only
    the header, and a query touches only the pages it needs."""
    try:
        raw = np.memmap(path, dtype=np.uint8, mode="r").view(np.ndarray)
        (length,) = struct.unpack("<Q", raw[:8].tobytes())
        header = json.loads(raw[8:8 + length].tobytes())
    except (OSError, ValueError, struct.error, UnicodeDecodeError):
        raise LuckError(f"{path}: not a safetensors file") from None
    base = 8 + length
    out: dict[str, np.ndarray] = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        begin, end = info["data_offsets"]
        dtype = info["dtype"]
        data = raw[base + begin:base + end]
        if dtype == "BF16":
            array = (data.view("<u2").astype(np.uint32) << 16).view(np.float32)
        elif dtype in _DTYPES:
            array = data.view(np.dtype(_DTYPES[dtype]).newbyteorder("<"))
        else:
            raise LuckError(f"{path}: tensor {name} has type {dtype}, not supported")
        array = array.reshape(info["shape"])
        out[name] = array.astype(np.float32, copy=False) if array.dtype.kind == "f" else array
    return out
