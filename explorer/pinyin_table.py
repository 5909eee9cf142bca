"""Toneless pinyin and initials of many Chinese texts at once, from a per-character table
(pypinyin takes ~27 s over 320k strings; this, a ``str.translate`` per chunk)."""

from __future__ import annotations

import contextlib
import importlib.util
import json
import re
import unicodedata
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from .search_keys import SEP

_NOT_HAN = re.compile(r"[^\u3400-\u9fff\uf900-\ufaff\x1f]+")
#: A Chinese character (the ranges pinyin is looked up for).
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@cache
def _pinyin_readings() -> dict[str, str]:
    """pypinyin's readings of each character (``"20013": "zhōng,zhòng"``), from its data
    file: importing pypinyin also loads 2.5 MB of phrases and trains a segmenter (~0.3 s)."""
    spec = importlib.util.find_spec("pypinyin")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        with contextlib.suppress(OSError, ValueError):
            return json.loads((Path(folder) / "pinyin_dict.json").read_text(encoding="utf-8"))
    from pypinyin.pinyin_dict import pinyin_dict  # the data file moved: the slow way

    return {str(code): readings for code, readings in pinyin_dict.items()}


class PinyinTable:
    """Each character's commonest reading, toneless, and its initial, as ``str.translate``
    tables; filled for the characters met (a few thousand), not all 41k."""

    def __init__(self) -> None:
        self.full: dict[int, str] = {}
        self.initials: dict[int, str] = {}
        self._seen: set[str] = set()

    def __call__(self, texts: Sequence[str]) -> tuple[list[str], list[str]]:
        """Toneless pinyin and initials of many texts."""
        han = _NOT_HAN.sub("", SEP.join(texts))
        if han.count(SEP) != len(texts) - 1:  # a text held the separator itself
            han = SEP.join("".join(HAN.findall(t)) for t in texts)
        self._learn(set(han) - self._seen)
        return han.translate(self.full).split(SEP), han.translate(self.initials).split(SEP)

    def _learn(self, chars: set[str]) -> None:
        readings = _pinyin_readings()
        for char in chars:
            found = readings.get(str(ord(char)))
            if found:
                first = unicodedata.normalize("NFKD", found.split(",")[0]).replace("u\u0308", "v")
                plain = "".join(c for c in first if not unicodedata.combining(c))
                if plain and plain.isascii():
                    self.full[ord(char)], self.initials[ord(char)] = plain, plain[0]
        self._seen |= chars
