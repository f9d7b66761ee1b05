"""BERT's uncased WordPiece tokenizer, from a model's `vocab.txt`, in plain Python.

It does what `BertTokenizer(do_lower_case=True)` does: drop control characters, put
spaces around CJK ideographs, lower-case, strip accents, split on white space and on
every punctuation character, then cut each word into the longest pieces of the
vocabulary (`##` marks a piece that continues a word); a word that cannot be cut is
`[UNK]`.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

MAX_WORD = 100  # characters: a longer "word" is [UNK], as in BERT


class WordPiece:
    def __init__(self, vocab: dict[str, int]) -> None:
        self.vocab = vocab
        self.unk = vocab["[UNK]"]
        self.cls = vocab["[CLS]"]
        self.sep = vocab["[SEP]"]
        self.pad = vocab.get("[PAD]", 0)
        self._cache: dict[str, list[int]] = {}

    @classmethod
    def load(cls, path: Path) -> WordPiece:
        lines = path.read_text(encoding="utf-8").splitlines()
        return cls({token: index for index, token in enumerate(lines)})

    def ids(self, text: str, limit: int) -> list[int]:
        """[CLS] the pieces of `text` [SEP], at most `limit` ids in all."""
        out = [self.cls]
        for word in _words(text):
            out.extend(self._pieces(word))
            if len(out) >= limit - 1:
                del out[limit - 1:]
                break
        out.append(self.sep)
        return out

    def _pieces(self, word: str) -> list[int]:
        known = self._cache.get(word)
        if known is not None:
            return known
        if len(word) > MAX_WORD:
            return [self.unk]
        pieces, start = [], 0
        while start < len(word):
            end = len(word)
            found = None
            while start < end:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                found = self.vocab.get(piece)
                if found is not None:
                    break
                end -= 1
            if found is None:
                pieces = [self.unk]
                break
            pieces.append(found)
            start = end
        if len(self._cache) < 50_000:
            self._cache[word] = pieces
        return pieces


def _words(text: str) -> list[str]:
    """The text lower-cased, without accents, split on spaces and punctuation."""
    cleaned = []
    for char in text:
        code = ord(char)
        if code == 0 or code == 0xFFFD or _is_control(char):
            continue
        if _is_cjk(code):
            cleaned.append(f" {char} ")
        elif char.isspace():
            cleaned.append(" ")
        else:
            cleaned.append(char)
    words: list[str] = []
    for token in "".join(cleaned).lower().split():
        token = "".join(c for c in unicodedata.normalize("NFD", token)
                        if unicodedata.category(c) != "Mn")
        current: list[str] = []
        for char in token:
            if _is_punctuation(char):
                if current:
                    words.append("".join(current))
                    current = []
                words.append(char)
            else:
                current.append(char)
        if current:
            words.append("".join(current))
    return words


def _is_control(char: str) -> bool:
    if char in "\t\n\r":
        return False
    return unicodedata.category(char) in ("Cc", "Cf")


def _is_punctuation(char: str) -> bool:
    code = ord(char)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(char).startswith("P")


def _is_cjk(code: int) -> bool:
    return (0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x2A6DF
            or 0x2A700 <= code <= 0x2B73F or 0x2B740 <= code <= 0x2B81F
            or 0x2B820 <= code <= 0x2CEAF or 0xF900 <= code <= 0xFAFF
            or 0x2F800 <= code <= 0x2FA1F)
