"""Search over labels in any language, aliases, pinyin and descriptions, ranked.

Ranking, best first: exact label > label prefix > alias > substring (including
all words of an English phrase) > description > fuzzy (typos). Keys are folded
by :func:`labels.normalise`, so quotes, brackets and spaces never matter.

The index is built in one pass; each query is a dict look-up, a binary search
over sorted keys and C-level ``str.find`` scans, so it stays fast per keystroke
on large graphs. Pinyin keys are computed lazily, on the first Latin query.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import labels as lab
from .model import Hit, Lang

if TYPE_CHECKING:
    from .graph import KnowledgeGraph

RANK_EXACT, RANK_PREFIX, RANK_ALIAS, RANK_SUBSTRING, RANK_DESCRIPTION, RANK_FUZZY = range(6)
_KIND = {0: "exact", 1: "prefix", 2: "alias", 3: "substring", 4: "description", 5: "fuzzy"}
_SEP = "\n"


@dataclass(frozen=True, slots=True)
class Entry:
    """What the index knows of one entity."""

    node_id: str
    display: str  # label shown in results
    category: str
    labels: tuple[str, ...]
    aliases: tuple[str, ...] = ()  # altLabel + hiddenLabel
    descriptions: tuple[str, ...] = ()


class _Keys:
    """Normalised keys -> entry numbers: exact dict, sorted prefix list, one scan string."""

    def __init__(self) -> None:
        self.exact: dict[str, list[int]] = {}
        self._pairs: list[tuple[str, int]] = []
        self._sorted: list[str] = []
        self._text = ""
        self._starts: list[int] = []
        self._owners: list[int] = []

    def add(self, key: str, entry: int) -> None:
        if key:
            self._pairs.append((key, entry))

    def freeze(self) -> None:
        self._pairs.sort()
        for key, entry in self._pairs:
            owners = self.exact.setdefault(key, [])
            if not owners or owners[-1] != entry:
                owners.append(entry)
        self._sorted = [k for k, _ in self._pairs]
        pos, starts = 0, []
        for key, _ in self._pairs:
            starts.append(pos)
            pos += len(key) + 1
        self._starts = starts
        self._owners = [e for _, e in self._pairs]
        self._text = _SEP.join(self._sorted) + _SEP

    def prefix(self, query: str, cap: int) -> Iterable[tuple[int, str]]:
        i = bisect.bisect_left(self._sorted, query)
        n = 0
        while i < len(self._sorted) and self._sorted[i].startswith(query) and n < cap:
            yield self._owners[i], self._sorted[i]
            i += 1
            n += 1

    def substring(self, query: str, cap: int) -> Iterable[tuple[int, str]]:
        find, n = self._text.find, 0
        pos = find(query)
        while pos >= 0 and n < cap:
            i = bisect.bisect_right(self._starts, pos) - 1
            yield self._owners[i], self._sorted[i]
            n += 1
            pos = find(query, self._starts[i] + len(self._sorted[i]) + 1)

    def keys(self) -> list[str]:
        return self._sorted

    def owner(self, index: int) -> int:
        return self._owners[index]


class SearchIndex:
    """Ranked search over entities; build with :meth:`from_graph` or from entries."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        self._labels, self._aliases, self._descriptions = _Keys(), _Keys(), _Keys()
        self._words: dict[str, set[int]] = {}
        for i, entry in enumerate(entries):
            for text in entry.labels:
                self._labels.add(lab.normalise(text), i)
                self._add_words(text, i)
            for text in entry.aliases:
                self._aliases.add(lab.normalise(text), i)
                self._add_words(text, i)
            for text in entry.descriptions:
                self._descriptions.add(lab.normalise(text), i)
        for keys in (self._labels, self._aliases, self._descriptions):
            keys.freeze()
        self._word_list = sorted(self._words)
        self._pinyin: _Keys | None = None

    @classmethod
    def from_graph(cls, kg: KnowledgeGraph, lang: Lang = "both") -> SearchIndex:
        entries = []
        for node in kg.nodes():
            entries.append(
                Entry(
                    node_id=node.id,
                    display=node.label(lang),
                    category=node.category,
                    labels=tuple(text for _l, text in node.labels) or (node.fallback,),
                    aliases=node.aliases + kg.hidden_labels(node.id),
                    descriptions=tuple(text for _l, text in node.descriptions),
                )
            )
        return cls(entries)

    def _add_words(self, text: str, entry: int) -> None:
        for word in lab.words(text):
            if word.isascii():
                self._words.setdefault(word, set()).add(entry)

    def _pinyin_keys(self) -> _Keys:
        if self._pinyin is None:
            keys = _Keys()
            for i, entry in enumerate(self.entries):
                for text in entry.labels + entry.aliases:
                    if lab.has_han(text):
                        full, initials = lab.pinyin_keys(text)
                        keys.add(full, i)
                        keys.add(initials, i)
            keys.freeze()
            self._pinyin = keys
        return self._pinyin

    # --- queries ----------------------------------------------------------------
    def search(
        self, query: str, *, categories: set[str] | None = None, limit: int = 20
    ) -> list[Hit]:
        """Entities matching *query*, best first; *categories* keeps only those kinds."""
        q = lab.normalise(query)
        if not q or limit <= 0:
            return []
        best: dict[int, tuple[int, float, str]] = {}
        cap = max(limit * 20, 200)

        def offer(entry: int, rank: int, score: float, matched: str) -> None:
            if categories is not None and self.entries[entry].category not in categories:
                return
            old = best.get(entry)
            if old is None or (rank, -score) < (old[0], -old[1]):
                best[entry] = (rank, score, matched)

        for entry in self._labels.exact.get(q, ()):
            offer(entry, RANK_EXACT, 1.0, q)
        for entry, key in self._labels.prefix(q, cap):
            offer(entry, RANK_PREFIX, len(q) / len(key), key)
        for entry in self._aliases.exact.get(q, ()):
            offer(entry, RANK_ALIAS, 1.0, q)
        for entry, key in self._aliases.prefix(q, cap):
            offer(entry, RANK_ALIAS, 0.9 * len(q) / len(key), key)
        latin = query.isascii()
        if latin:
            pinyin = self._pinyin_keys()
            for entry in pinyin.exact.get(q, ()):
                offer(entry, RANK_PREFIX, 0.95, q)
            for entry, key in pinyin.prefix(q, cap):
                offer(entry, RANK_PREFIX, 0.9 * len(q) / len(key), key)
        for keys, factor in ((self._labels, 1.0), (self._aliases, 0.9)):
            for entry, key in keys.substring(q, cap):
                offer(entry, RANK_SUBSTRING, factor * len(q) / len(key), key)
        if latin:
            for entry, key in self._pinyin_keys().substring(q, cap):
                offer(entry, RANK_SUBSTRING, 0.8 * len(q) / len(key), key)
            for entry in self._word_match(query):
                offer(entry, RANK_SUBSTRING, 0.7, query)
        if len(best) < limit:
            for entry, key in self._descriptions.substring(q, cap):
                offer(entry, RANK_DESCRIPTION, len(q) / len(key), key)
        if len(best) < limit and len(q) >= 3:
            self._fuzzy(q, latin, offer, limit)
        ranked = sorted(best.items(), key=lambda kv: (kv[1][0], -kv[1][1], kv[0]))
        out = []
        for entry, (rank, score, matched) in ranked[:limit]:
            e = self.entries[entry]
            out.append(Hit(e.node_id, e.display, matched, _KIND[rank], rank, score, e.category))
        return out

    def complete(self, prefix: str, limit: int = 10) -> list[Hit]:
        """Suggestions while typing: the same ranking, fewer results."""
        return self.search(prefix, limit=limit)

    def _word_match(self, query: str) -> set[int]:
        """Entries in which every word of *query* starts some word (``part-time member``)."""
        terms = [w for w in lab.words(query) if w.isascii()]
        if len(terms) < 2:
            return set()
        found: set[int] | None = None
        for term in terms:
            hits: set[int] = set()
            i = bisect.bisect_left(self._word_list, term)
            while i < len(self._word_list) and self._word_list[i].startswith(term):
                hits |= self._words[self._word_list[i]]
                i += 1
            found = hits if found is None else found & hits
            if not found:
                return set()
        return found or set()

    def _fuzzy(self, q: str, latin: bool, offer, limit: int) -> None:
        from rapidfuzz import fuzz, process  # imported lazily

        pools = [self._labels, self._aliases] + ([self._pinyin_keys()] if latin else [])
        for keys in pools:
            choices = keys.keys()
            if not choices:
                continue
            for _key, score, index in process.extract(
                q, choices, scorer=fuzz.WRatio, limit=limit, score_cutoff=75
            ):
                offer(keys.owner(index), RANK_FUZZY, score / 100.0, choices[index])
