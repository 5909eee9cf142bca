"""Search over labels in any language, aliases, pinyin and descriptions, ranked.

Ranking, best first: exact label > label prefix > alias > substring (including
all words of an English phrase) > description > fuzzy (typos). Keys are folded
by :func:`labels.normalise`, so quotes, brackets and spaces never matter. Each hit
says why it matched (``Hit.reason``: exact, alias, pinyin, initials...), so a result
list can explain itself. Fuzzy matches come only when nothing else matched, and only
close ones (:data:`FUZZY_CUTOFF`): a typo is forgiven, noise is not.

Built in one pass (keys folded in bulk, one sort); a query is a binary search and
C-level ``str.find`` scans (one string per script), fast per keystroke at 200k
entities; worse-ranked scans are skipped once enough better hits are found. Pinyin
keys are made on the first Latin query: by pypinyin on small indexes, by a
per-character table on large ones (pypinyin takes ~27 s over 320k strings).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from functools import cache
from itertools import accumulate, chain, compress, repeat
from operator import not_
from typing import TYPE_CHECKING, NamedTuple

from . import labels as lab
from .model import Hit, Lang

if TYPE_CHECKING:
    from .sources.protocol import GraphSource

RANK_EXACT, RANK_PREFIX, RANK_ALIAS, RANK_SUBSTRING, RANK_DESCRIPTION, RANK_FUZZY = range(6)
_KIND = {0: "exact", 1: "prefix", 2: "alias", 3: "substring", 4: "description", 5: "fuzzy"}
_SEP = "\x1f"  # joins keys for bulk folding and scans; never part of a folded key
_STRIP_BULK = re.compile(r"[^\w\x1f]+|_+")
_NOT_HAN = re.compile(r"[^\u3400-\u9fff\uf900-\ufaff\x1f]+")
_ASCII_ALNUM = re.compile(r"[a-z0-9]")
#: Above this many Chinese texts, pinyin comes from a per-character table.
PINYIN_EXACT_LIMIT = 5000
#: Above this many fuzzy candidates, the cheaper plain ratio replaces WRatio.
WRATIO_LIMIT = 20000
#: Least similarity (0-100, Levenshtein ratio of whole keys) a fuzzy match needs: one
#: typo in a short name passes, ``zzzqqq`` against the initials ``q`` does not.
FUZZY_CUTOFF = 75
#: A query at least this long may also match part of a key (or a key of at least half
#: its length, part of it), if that part is at least PARTIAL_CUTOFF similar
#: (``joint biulding`` in ``joint building by ...``, ``兰州市委`` in ``兰州市委员会议厅``).
PARTIAL_MIN_QUERY, PARTIAL_CUTOFF = 5, 85


def normalise_all(texts: list[str]) -> list[str]:
    """:func:`labels.normalise` of many texts at once (one C-level pass over their join)."""
    if not texts:
        return []
    big = unicodedata.normalize("NFKC", _SEP.join(texts)).casefold()
    parts = _STRIP_BULK.sub("", big).split(_SEP)
    if len(parts) != len(texts):  # a text held the separator itself
        return [lab.normalise(t) for t in texts]
    return parts


class Entry(NamedTuple):
    """What the index knows of one entity (a tuple: 200k of them are made at once)."""

    node_id: str
    display: str  # label shown in results
    category: str
    labels: tuple[str, ...]
    aliases: tuple[str, ...] = ()  # altLabel + hiddenLabel
    descriptions: tuple[str, ...] = ()


class Columns(NamedTuple):
    """The index's input column by column, as a one-pass scan produces it (no per-entity
    objects). Text columns are ``(texts, rows)``; *skip* rows are never returned."""

    ids: list[str]
    categories: list[str]
    labels: tuple[list[str], list[int]]
    aliases: tuple[list[str], list[int]]  # altLabel + hiddenLabel
    descriptions: tuple[list[str], list[int]]
    skip: frozenset[int] = frozenset()


def _column(values: list[tuple[str, ...]]) -> tuple[list[str], list[int]]:
    texts = list(chain.from_iterable(values))
    rows = list(chain.from_iterable(map(repeat, range(len(values)), map(len, values))))
    return texts, rows


class _Keys:
    """Normalised keys -> entry numbers: one sorted list and two scan strings.

    Latin queries scan an ASCII projection of all keys (other characters become
    ``?``, which no folded query contains): same offsets, 1 byte per character.
    Other queries scan only the keys that are not pure ASCII.
    """

    def __init__(self) -> None:
        self._keys: list[str] = []
        self._owners: list[int] = []
        self._sorted: list[str] = []
        self._scans: tuple | None = None  # built on the first substring query

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_scans": None}  # rebuilt on demand, as after freeze()

    def add_many(self, texts: list[str], owners: list[int], *, folded: bool = False) -> None:
        keys = texts if folded else normalise_all(texts)
        self._keys.extend(compress(keys, keys))
        self._owners.extend(compress(owners, keys))

    def freeze(self) -> None:
        keys, owners = self._keys, self._owners
        order = sorted(range(len(keys)), key=keys.__getitem__)
        self._sorted = list(map(keys.__getitem__, order))
        self._owners = list(map(owners.__getitem__, order))
        self._keys = []

    def _scan_strings(self) -> tuple:
        """(ASCII projection, its starts), (non-ASCII keys, their starts, their positions)."""
        if self._scans is None:
            keys = self._sorted
            starts = list(accumulate(map((1).__add__, map(len, keys)), initial=0))
            ascii_text = (_SEP.join(keys) + _SEP).encode("ascii", "replace")
            wide = list(compress(range(len(keys)), map(not_, map(str.isascii, keys))))
            wide_keys = list(map(keys.__getitem__, wide))
            wide_starts = list(accumulate(map((1).__add__, map(len, wide_keys)), initial=0))
            wide_text = _SEP.join(wide_keys) + _SEP
            self._scans = (ascii_text, starts), (wide_text, wide_starts, wide)
        return self._scans

    def exact(self, query: str) -> Iterable[int]:
        i = bisect.bisect_left(self._sorted, query)
        while i < len(self._sorted) and self._sorted[i] == query:
            yield self._owners[i]
            i += 1

    def prefix(self, query: str, cap: int) -> Iterable[tuple[int, str]]:
        i = bisect.bisect_left(self._sorted, query)
        n = 0
        while i < len(self._sorted) and self._sorted[i].startswith(query) and n < cap:
            yield self._owners[i], self._sorted[i]
            i += 1
            n += 1

    def substring(self, query: str, cap: int) -> Iterable[tuple[int, str]]:
        (ascii_text, ascii_starts), (wide_text, wide_starts, wide_at) = self._scan_strings()
        if query.isascii():
            find, needle = ascii_text.find, query.encode("ascii")
            starts, at = ascii_starts, None
        else:
            find, needle = wide_text.find, query
            starts, at = wide_starts, wide_at
        n = 0
        pos = find(needle)
        while pos >= 0 and n < cap:
            j = bisect.bisect_right(starts, pos) - 1
            i = j if at is None else at[j]
            yield self._owners[i], self._sorted[i]
            n += 1
            pos = find(needle, starts[j + 1])

    def fuzzy_candidates(self, query: str) -> list[str]:
        """All keys on small indexes, else those sharing *query*'s first character."""
        if len(self._sorted) <= WRATIO_LIMIT:
            return self._sorted
        lo = bisect.bisect_left(self._sorted, query[0])
        hi = bisect.bisect_left(self._sorted, query[0] + "\U0010ffff", lo)
        return self._sorted[lo:hi]

    def __len__(self) -> int:
        return len(self._sorted)


class SearchIndex:
    """Ranked search over entities; build with :meth:`from_graph` or from entries."""

    def __init__(
        self, entries: list[Entry], *, display: Callable[[str], str] | None = None
    ) -> None:
        """*display(node_id)* names hits whose entry has no ``display`` (computed lazily)."""
        columns = Columns(
            [e.node_id for e in entries],
            [e.category for e in entries],
            _column([e.labels for e in entries]),
            _column([e.aliases for e in entries]),
            _column([e.descriptions for e in entries]),
        )
        self._setup(columns, display, [e.display for e in entries])

    @classmethod
    def from_columns(cls, columns: Columns, *, display: Callable[[str], str]) -> SearchIndex:
        """An index straight from a scan's columns; *display(node_id)* names the hits."""
        index = cls.__new__(cls)
        index._setup(columns, display, None)
        return index

    def __getstate__(self) -> dict:
        """Pickled (the on-disk cache) without its display callback (see :meth:`redisplay`)
        nor what :meth:`warm` rebuilds: a reopened index is searchable sooner."""
        lazy = {"_descriptions": None, "_words": None, "_word_list": [], "_pinyin": None}
        return {**self.__dict__, "_display": None, "_initials": frozenset(), **lazy}

    def redisplay(self, display: Callable[[str], str]) -> SearchIndex:
        """Give an unpickled index the callback that names its hits."""
        self._display = display
        return self

    def _setup(self, columns: Columns, display, shown: list[str] | None) -> None:
        self._cols = columns
        self._display = display
        self._shown = shown
        self._labels, self._aliases = self._keys(columns.labels), self._keys(columns.aliases)
        self._descriptions: _Keys | None = None  # built on the first query that needs it
        self._words: dict[str, set[int]] | None = None
        self._word_list: list[str] = []
        self._pinyin: _Keys | None = None
        self._initials: frozenset[str] = frozenset()  # the pinyin keys that are initials

    @staticmethod
    def _keys(column: tuple[list[str], list[int]]) -> _Keys:
        keys = _Keys()
        keys.add_many(*column)
        keys.freeze()
        return keys

    @property
    def entries(self) -> list[Entry]:
        """The index's content as entries (rebuilt on request; large indexes keep columns)."""
        cols = self._cols
        grouped: list[list[list[str]]] = [[[], [], []] for _ in cols.ids]
        for slot, (texts, rows) in enumerate((cols.labels, cols.aliases, cols.descriptions)):
            for text, row in zip(texts, rows, strict=True):
                grouped[row][slot].append(text)
        return [
            Entry(nid, self._name(i), cols.categories[i], *map(tuple, grouped[i]))
            for i, nid in enumerate(cols.ids)
            if i not in cols.skip
        ]

    def categories(self) -> frozenset[str]:
        """The categories of the entities it finds (type filters offer these: no walk
        over every entity, which costs seconds on a store-backed file)."""
        cats, skip = self._cols.categories, self._cols.skip
        left = Counter(cats)
        left.subtract(cats[i] for i in skip)
        return frozenset(c for c, n in left.items() if n > 0)

    def _name(self, row: int) -> str:
        if self._shown and self._shown[row]:
            return self._shown[row]
        return self._display(self._cols.ids[row]) if self._display else ""

    def _names_with_rows(self) -> tuple[list[str], list[int]]:
        (lt, lr), (at, ar) = self._cols.labels, self._cols.aliases
        return lt + at, lr + ar

    @classmethod
    def from_graph(cls, kg: GraphSource, lang: Lang = "both") -> SearchIndex:
        return cls(
            [
                Entry(
                    node.id,
                    node.label(lang),
                    node.category,
                    tuple(text for _l, text in node.labels) or (node.fallback,),
                    node.aliases + kg.hidden_labels(node.id),
                    tuple(text for _l, text in node.descriptions),
                )
                for node in kg.nodes()
            ]
        )

    def warm(self) -> None:
        """Build now what the first query of a kind would (pinyin keys, scan strings, word
        index, fuzzy matcher): call it in a worker after opening so no keystroke pays."""
        if self._descriptions is None:
            self._descriptions = self._keys(self._cols.descriptions)
        for keys in (self._labels, self._aliases, self._pinyin_keys(), self._descriptions):
            keys._scan_strings()
        self._word_index()
        import rapidfuzz.process  # noqa: F401

    def _word_index(self) -> tuple[dict[str, set[int]], list[str]]:
        if self._words is None:
            words: dict[str, set[int]] = {}
            for text, row in zip(*self._names_with_rows(), strict=True):
                if text.isascii() or _ASCII_ALNUM.search(text.casefold()):
                    for word in lab.words(text):
                        if word.isascii():
                            words.setdefault(word, set()).add(row)
            self._words, self._word_list = words, sorted(words)
        return self._words, self._word_list

    def _pinyin_keys(self) -> _Keys:
        if self._pinyin is None:
            texts: list[str] = []
            owners: list[int] = []
            has_han = lab.has_han
            for text, row in zip(*self._names_with_rows(), strict=True):
                if has_han(text):
                    texts.append(text)
                    owners.append(row)
            keys = _Keys()
            if len(texts) <= PINYIN_EXACT_LIMIT:
                pairs = [lab.pinyin_keys(t) for t in texts]
                keys.add_many([f for f, _i in pairs], owners, folded=True)
                keys.add_many([i for _f, i in pairs], owners, folded=True)
                self._initials = frozenset(i for _f, i in pairs)
            else:
                full, initials = _table_pinyin(texts)
                keys.add_many(full, owners, folded=True)
                keys.add_many(initials, owners, folded=True)
                self._initials = frozenset(initials)
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
        best: dict[int, tuple[int, float, str, str]] = {}
        cap = max(limit * 20, 200)
        cats, skip = self._cols.categories, self._cols.skip

        def offer(entry: int, rank: int, score: float, matched: str, reason: str) -> None:
            if (categories is not None and cats[entry] not in categories) or entry in skip:
                return
            old = best.get(entry)
            if old is None or (rank, -score) < (old[0], -old[1]):
                best[entry] = (rank, score, matched, reason)

        for entry in self._labels.exact(q):
            offer(entry, RANK_EXACT, 1.0, q, "exact")
        for entry, key in self._labels.prefix(q, cap):
            offer(entry, RANK_PREFIX, len(q) / len(key), key, "prefix")
        for entry in self._aliases.exact(q):
            offer(entry, RANK_ALIAS, 1.0, q, "alias")
        for entry, key in self._aliases.prefix(q, cap):
            offer(entry, RANK_ALIAS, 0.9 * len(q) / len(key), key, "alias")
        latin = query.isascii()
        if latin:
            pinyin = self._pinyin_keys()
            for entry in pinyin.exact(q):
                offer(entry, RANK_PREFIX, 0.95, q, self._pinyin_reason(q))
            for entry, key in pinyin.prefix(q, cap):
                offer(entry, RANK_PREFIX, 0.9 * len(q) / len(key), key, self._pinyin_reason(key))
        if len(best) < limit:  # else nothing of a worse rank could make the list
            for keys, factor, why in (
                (self._labels, 1.0, "substring"),
                (self._aliases, 0.9, "alias"),
            ):
                for entry, key in keys.substring(q, cap):
                    offer(entry, RANK_SUBSTRING, factor * len(q) / len(key), key, why)
            if latin:
                for entry, key in self._pinyin_keys().substring(q, cap):
                    offer(
                        entry,
                        RANK_SUBSTRING,
                        0.8 * len(q) / len(key),
                        key,
                        self._pinyin_reason(key),
                    )
                for entry in self._word_match(query):
                    offer(entry, RANK_SUBSTRING, 0.7, query, "words")
        if len(best) < limit:
            if self._descriptions is None:
                self._descriptions = self._keys(self._cols.descriptions)
            for entry, key in self._descriptions.substring(q, cap):
                offer(entry, RANK_DESCRIPTION, len(q) / len(key), key, "description")
        if not best and len(q) >= 3:  # a guess only when nothing matched for real
            self._fuzzy(q, latin, offer, limit)
        ranked = sorted(best.items(), key=lambda kv: (kv[1][0], -kv[1][1], kv[0]))
        out = []
        for entry, (rank, score, matched, reason) in ranked[:limit]:
            nid, shown = self._cols.ids[entry], self._name(entry)
            out.append(Hit(nid, shown, matched, _KIND[rank], rank, score, cats[entry], reason))
        return out

    def _pinyin_reason(self, key: str) -> str:
        return "initials" if key in self._initials else "pinyin"

    def complete(self, prefix: str, limit: int = 10) -> list[Hit]:
        """Suggestions while typing: the same ranking, fewer results."""
        return self.search(prefix, limit=limit)

    def _word_match(self, query: str) -> set[int]:
        """Entries in which every word of *query* starts some word (``part-time member``)."""
        terms = [w for w in lab.words(query) if w.isascii()]
        if len(terms) < 2:
            return set()
        words, word_list = self._word_index()
        found: set[int] | None = None
        for term in terms:
            hits: set[int] = set()
            i = bisect.bisect_left(word_list, term)
            while i < len(word_list) and word_list[i].startswith(term):
                hits |= words[word_list[i]]
                i += 1
            found = hits if found is None else found & hits
            if not found:
                return set()
        return found or set()

    def _fuzzy(self, q: str, latin: bool, offer, limit: int) -> None:
        from rapidfuzz import fuzz, process  # imported lazily

        pools = [self._labels, self._aliases] + ([self._pinyin_keys()] if latin else [])
        for keys in pools:
            choices = keys.fuzzy_candidates(q)
            if not choices:
                continue
            found = process.extract(
                q, choices, scorer=fuzz.ratio, limit=limit, score_cutoff=FUZZY_CUTOFF
            )
            if len(q) >= PARTIAL_MIN_QUERY:  # a misspelt word in a longer name, or the reverse
                shortest = max(3, (len(q) + 1) // 2)  # never a stray initial or two
                near = [key for key in choices if len(key) >= shortest]
                found += [
                    (key, score * 0.95, i)
                    for key, score, i in process.extract(
                        q,
                        near,
                        scorer=fuzz.partial_ratio,
                        limit=limit,
                        score_cutoff=PARTIAL_CUTOFF,
                    )
                ]
            for key, score, _index in found:
                for entry in keys.exact(key):
                    offer(entry, RANK_FUZZY, score / 100.0, key, "fuzzy")


@cache
def _pinyin_tables() -> tuple[dict[int, str], dict[int, str]]:
    from pypinyin.pinyin_dict import pinyin_dict

    full: dict[int, str] = {}
    for code, readings in pinyin_dict.items():
        first = unicodedata.normalize("NFKD", readings.split(",")[0]).replace("u\u0308", "v")
        plain = "".join(c for c in first if not unicodedata.combining(c))
        if plain and plain.isascii():
            full[code] = plain
    return full, {code: s[0] for code, s in full.items()}


def _table_pinyin(texts: list[str]) -> tuple[list[str], list[str]]:
    """Toneless pinyin and initials of many texts, by each character's commonest reading."""
    full, initials = _pinyin_tables()
    han = _NOT_HAN.sub("", _SEP.join(texts))
    return han.translate(full).split(_SEP), han.translate(initials).split(_SEP)
