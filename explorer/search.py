"""Search over labels in any language, aliases, pinyin and descriptions, ranked.

Ranking, best first: exact label > label prefix > alias > substring (including
all words of an English phrase) > description > fuzzy (typos). Keys are folded
by :func:`labels.normalise`, so quotes, brackets and spaces never matter. Each hit
says why it matched (``Hit.reason``: exact, alias, pinyin, initials...), so a result
list can explain itself. Fuzzy matches come only when nothing else matched, and only
close ones (:data:`FUZZY_CUTOFF`): a typo is forgiven, noise is not.

A key may be shared by a crowd (200k entities of a generated file with one label): its
owners are kept in ascending order, the order of ties, so an exact match reads only the
first *limit* that the search may return, and fuzzy matching scores each distinct key
once, then takes owners key by key, best first, until no later key can make the list
(a type filter is never starved by other types' owners).

Keys are stored and built by :mod:`explorer.search_keys` (no Python object per key; no
build step is one long C call). :meth:`SearchIndex.warm`, in a worker, merges their
sorted runs and builds what only some queries need: description keys, the word index and
pinyin keys (by pypinyin on small indexes, by :mod:`explorer.pinyin_table` on large ones:
pypinyin takes ~27 s over 320k strings), else the first query that needs one builds it.
"""

from __future__ import annotations

import pickle
import re
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from itertools import chain, compress, filterfalse, islice, repeat
from operator import or_
from typing import TYPE_CHECKING, NamedTuple

from . import labels as lab
from . import search_keys as sk
from .model import Hit, Lang
from .pinyin_table import HAN, PinyinTable

if TYPE_CHECKING:
    from .sources.protocol import GraphSource

RANK_EXACT, RANK_PREFIX, RANK_ALIAS, RANK_SUBSTRING, RANK_DESCRIPTION, RANK_FUZZY = range(6)
_KIND = {0: "exact", 1: "prefix", 2: "alias", 3: "substring", 4: "description", 5: "fuzzy"}
_ASCII_ALNUM = re.compile(r"[a-z0-9]")
#: Bumped when the pickled state changes: an older index is refused, not misread.
STATE_VERSION = 3
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

#: ``progress(fraction, what)`` and ``cancelled()``, as the background runner gives them.
Progress = Callable[[float, str], None]
Cancelled = Callable[[], bool]


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
    objects). Text columns are ``(texts, rows)``, any sequences (lists, ``array("I")``
    rows); *skip* rows are never returned."""

    ids: Sequence[str]
    categories: Sequence[str]
    labels: tuple[Sequence[str], Sequence[int]]
    aliases: tuple[Sequence[str], Sequence[int]]  # altLabel + hiddenLabel
    descriptions: tuple[Sequence[str], Sequence[int]]
    skip: frozenset[int] = frozenset()


def _column(values: list[tuple[str, ...]]) -> tuple[list[str], list[int]]:
    texts = list(chain.from_iterable(values))
    rows = list(chain.from_iterable(map(repeat, range(len(values)), map(len, values))))
    return texts, rows


class SearchIndex:
    """Ranked search over entities; build with :meth:`from_graph` or from entries."""

    #: What :meth:`warm` builds (else the first query that needs it), in order.
    _LAZY = ("_descriptions", "_pinyin", "_words")

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
        """Pickled (the on-disk cache) without its display callback (see :meth:`redisplay`).
        Its keys are a few strings and arrays, what :meth:`warm` built included: they load
        faster than they are rebuilt, so a reopened index needs no warm-up."""
        return {**self.__dict__, "_display": None, "_version": STATE_VERSION}

    def __setstate__(self, state: dict) -> None:
        if state.pop("_version", None) != STATE_VERSION:
            raise pickle.UnpicklingError("a search index in an older format")
        self.__dict__.update(state)

    def redisplay(self, display: Callable[[str], str]) -> SearchIndex:
        """Give an unpickled index the callback that names its hits."""
        self._display = display
        return self

    def _setup(
        self, columns: Columns, display: Callable[[str], str] | None, shown: list[str] | None
    ) -> None:
        self._cols = columns
        self._display = display
        self._shown = shown
        # Searchable at once as sorted chunks; warm() merges them.
        self._labels = sk.finish(sk.keys_of([columns.labels], merge=False))
        self._aliases = sk.finish(sk.keys_of([columns.aliases], merge=False))
        self._descriptions: sk.Keys | None = None  # these three: built by warm() or on demand
        self._pinyin: sk.Keys | None = None
        self._words: sk.Keys | None = None

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

    def _name_columns(self) -> list[tuple[Sequence[str], Sequence[int]]]:
        return [self._cols.labels, self._cols.aliases]

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

    @property
    def is_warm(self) -> bool:
        """Whether every part is built: until then ``only_built`` answers lack the kinds
        of match whose part is missing (pinyin, words, descriptions, merged keys)."""
        merged = all(getattr(self, a).is_merged for a in ("_labels", "_aliases"))
        return merged and all(getattr(self, a) is not None for a in self._LAZY)

    def warm(self, *, cancelled: Cancelled | None = None, progress: Progress | None = None) -> bool:
        """Build now what the first query of a kind would (one table of each key set,
        description and pinyin keys, word index, fuzzy matcher): call it in a worker after
        opening so no keystroke pays.

        It runs in short steps (no C call of more than a few ms), so the GUI thread beside
        it is never held back; *cancelled()* is asked between steps (False is returned;
        what was not finished stays as it was) and *progress(fraction, what)* told."""
        todo = [
            (attr, getattr(self, attr).merged)
            for attr in ("_labels", "_aliases")
            if not getattr(self, attr).is_merged
        ]
        todo += [
            (attr, partial(self._build, attr)) for attr in self._LAZY if getattr(self, attr) is None
        ]
        for n, (attr, build) in enumerate(todo):
            steps = build()
            while True:
                if cancelled is not None and cancelled():
                    return False
                try:
                    fraction = next(steps)
                except StopIteration as done:
                    setattr(self, attr, done.value)  # whole: a query never sees half a part
                    break
                if progress is not None:
                    progress((n + fraction) / len(todo), f"search index: {attr[1:]}")
        import rapidfuzz.process  # noqa: F401

        return True

    def _build(self, attr: str) -> sk.Steps:
        if attr == "_pinyin":
            return self._pinyin_steps()
        if attr == "_words":
            return self._word_steps()
        return sk.keys_of([self._cols.descriptions])

    def _part(self, attr: str, *, build: bool = True) -> sk.Keys:
        """A lazy part, built now (at once) if :meth:`warm` has not built it yet (else,
        unless *build*, no keys)."""
        found = getattr(self, attr)
        if found is None and not build:
            return sk.NO_KEYS
        if found is None:
            found = sk.finish(self._build(attr))
            setattr(self, attr, found)
        return found

    def _word_steps(self) -> sk.Steps:
        """Latin words of the names -> entries, for ``part-time member``-style queries."""
        columns = self._name_columns()
        total, done = max(1, sum(len(texts) for texts, _rows in columns)), 0
        builder = sk.Builder(ordered=False)  # asked for sets of owners only
        for texts, rows in columns:
            for a in range(0, len(texts), sk.CHUNK):
                chunk = list(texts[a : a + sk.CHUNK])
                latin = map(bool, map(_ASCII_ALNUM.search, map(str.casefold, chunk)))
                keep = list(map(or_, map(str.isascii, chunk), latin))
                words, counts = sk.word_counts(list(compress(chunk, keep)))
                owners = list(
                    chain.from_iterable(map(repeat, compress(rows[a : a + sk.CHUNK], keep), counts))
                )
                ascii_only = list(map(str.isascii, words))
                builder.add(list(compress(words, ascii_only)), list(compress(owners, ascii_only)))
                done += len(chunk)
                yield 0.6 * done / total
        return (yield from sk.scaled(builder.keys().merged(), 0.6, 1.0))

    def _pinyin_steps(self) -> sk.Steps:
        """Full pinyin and initials of the Chinese names; a key from initials is marked."""
        chunks: list[tuple[list[str], array]] = []  # the Chinese names, a chunk at a time
        for column_texts, rows in self._name_columns():
            for a in range(0, len(column_texts), sk.CHUNK):
                chunk = column_texts[a : a + sk.CHUNK]
                han = list(map(bool, map(HAN.search, chunk)))
                chunks.append(
                    (list(compress(chunk, han)), array("I", compress(rows[a : a + sk.CHUNK], han)))
                )
        yield 0.05
        total = max(1, sum(len(texts) for texts, _rows in chunks))
        exact, done = total <= PINYIN_EXACT_LIMIT, 0
        full, initials = sk.Builder(), sk.Builder()
        twice, table = (2).__mul__, PinyinTable()
        for texts, rows in chunks:
            if exact:
                pairs = [lab.pinyin_keys(t) for t in texts]
                spelt, initial = [f for f, _i in pairs], [i for _f, i in pairs]
            else:
                spelt, initial = table(texts) if texts else ([], [])
            full.add(spelt, array("I", map(twice, rows)))  # row * 2 (+ 1: from initials)
            initials.add(initial, array("I", map((1).__add__, map(twice, rows))))
            done += len(texts)
            yield 0.05 + 0.55 * done / total
        for mine, theirs in zip(full.runs, initials.runs, strict=True):
            mine.extend(theirs)  # after every full key: as if added second
        return (yield from sk.scaled(full.keys().merged(marked=True), 0.6, 1.0))

    # --- queries ----------------------------------------------------------------
    def search(
        self,
        query: str,
        *,
        categories: set[str] | None = None,
        limit: int = 20,
        only_built: bool = False,
    ) -> list[Hit]:
        """Entities matching *query*, best first; *categories* keeps only those kinds.

        *only_built*: answer from the parts built so far, never build one (seconds on a
        large index) here: for the GUI thread while :meth:`warm` runs in a worker; until
        it is done, pinyin, word and description matches may be missing."""
        part = partial(self._part, build=not only_built)
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

        returnable = partial(self._returnable, categories=categories, limit=limit)
        take = partial(self._take, returnable=returnable, cap=cap)
        for entry in returnable(self._labels.exact(q)):
            offer(entry, RANK_EXACT, 1.0, q, "exact")
        for entry, key, _mark in take(self._labels.prefix(q)):
            offer(entry, RANK_PREFIX, len(q) / len(key), key, "prefix")
        for entry in returnable(self._aliases.exact(q)):
            offer(entry, RANK_ALIAS, 1.0, q, "alias")
        for entry, key, _mark in take(self._aliases.prefix(q)):
            offer(entry, RANK_ALIAS, 0.9 * len(q) / len(key), key, "alias")
        latin = query.isascii()
        if latin:
            pinyin = part("_pinyin")
            why = _pinyin_reason(pinyin.marked(q))
            for entry in returnable(pinyin.exact(q)):
                offer(entry, RANK_PREFIX, 0.95, q, why)
            for entry, key, mark in take(pinyin.prefix(q)):
                offer(entry, RANK_PREFIX, 0.9 * len(q) / len(key), key, _pinyin_reason(mark))
        if len(best) < limit:  # else nothing of a worse rank could make the list
            for keys, factor, why in (
                (self._labels, 1.0, "substring"),
                (self._aliases, 0.9, "alias"),
            ):
                for entry, key, _mark in take(keys.substring(q)):
                    offer(entry, RANK_SUBSTRING, factor * len(q) / len(key), key, why)
            if latin:
                for entry, key, mark in take(part("_pinyin").substring(q)):
                    offer(
                        entry,
                        RANK_SUBSTRING,
                        0.8 * len(q) / len(key),
                        key,
                        _pinyin_reason(mark),
                    )
                # one score for all: the first few (by entry) are all that can make the list
                for entry in returnable(iter(sorted(self._word_match(query, part)))):
                    offer(entry, RANK_SUBSTRING, 0.7, query, "words")
        if len(best) < limit:
            for entry, key, _mark in take(part("_descriptions").substring(q)):
                offer(entry, RANK_DESCRIPTION, len(q) / len(key), key, "description")
        if not best and len(q) >= 3:  # a guess only when nothing matched for real
            pools = [self._labels, self._aliases] + ([part("_pinyin")] if latin else [])
            self._fuzzy(q, pools, offer, returnable, limit)
        ranked = sorted(best.items(), key=lambda kv: (kv[1][0], -kv[1][1], kv[0]))
        out = []
        for entry, (rank, score, matched, reason) in ranked[:limit]:
            nid, shown = self._cols.ids[entry], self._name(entry)
            out.append(Hit(nid, shown, matched, _KIND[rank], rank, score, cats[entry], reason))
        return out

    def _returnable(
        self, owners: Iterator[int], *, categories: set[str] | None, limit: int
    ) -> list[int]:
        """The first *limit* of *owners* (ascending, as a key's owners come) that a search
        may return, read no further: a key owned by 200k entries costs what was asked for.

        With a type filter, owners are read in batches twice as large each time and
        filtered at C level: the cost is that of the owners of other types before the
        *limit*-th of the type (at most twice that), never the whole crowd unless the
        type is rare in it."""
        cats, skip = self._cols.categories, self._cols.skip
        if categories is None and not skip:
            return list(islice(owners, limit))
        found: list[int] = []
        batch = max(limit, 64)
        while len(found) < limit:
            read = list(islice(owners, batch))
            if not read:
                break
            kept: Iterable[int] = filterfalse(skip.__contains__, read) if skip else read
            if categories is not None:
                kept = list(kept)
                kept = compress(kept, map(categories.__contains__, map(cats.__getitem__, kept)))
            found += kept
            batch *= 2
        return found[:limit]

    @staticmethod
    def _take(
        groups: Iterator[tuple[str, bool, Iterator[int]]],
        *,
        returnable: Callable[[Iterator[int]], list[int]],
        cap: int,
    ) -> Iterator[tuple[int, str, bool]]:
        """(entry, key, mark) of *groups* (keys in order, each with its owners ascending),
        at most *cap* keys and *cap* hits: of each key, only the first owners the search
        may return, as all of a key's owners score alike. A crowd on one key, or other
        types' owners, never takes the place of the keys after it."""
        hits = (
            (entry, key, mark)
            for key, mark, owners in islice(groups, cap)
            for entry in returnable(owners)
        )
        return islice(hits, cap)

    def complete(self, prefix: str, limit: int = 10, *, only_built: bool = False) -> list[Hit]:
        """Suggestions while typing: the same ranking, fewer results."""
        return self.search(prefix, limit=limit, only_built=only_built)

    def _word_match(self, query: str, part: Callable[[str], sk.Keys]) -> set[int]:
        """Entries in which every word of *query* starts some word (``part-time member``)."""
        terms = [w for w in lab.words(query) if w.isascii()]
        if len(terms) < 2:
            return set()
        words = part("_words")
        found: set[int] | None = None
        for term in terms:
            hits = words.owners_with_prefix(term)
            found = hits if found is None else found & hits
            if not found:
                return set()
        return found or set()

    def _fuzzy(
        self,
        q: str,
        pools: list[sk.Keys],
        offer: Callable[[int, int, float, str, str], None],
        returnable: Callable[[Iterator[int]], list[int]],
        limit: int,
    ) -> None:
        """Close keys, best first, each scored once however many own it, offered with the
        first owners of each that the search may return, until no later key can make the
        list: the best *limit* entries by (score, entry), whatever the crowds and filters."""
        from rapidfuzz import fuzz, process  # imported lazily

        for keys in pools:
            choices = keys.fuzzy_candidates(q, every_key=len(keys) <= WRATIO_LIMIT)
            if not choices:
                continue
            found = process.extract(
                q, choices, scorer=fuzz.ratio, limit=None, score_cutoff=FUZZY_CUTOFF
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
                        limit=None,
                        score_cutoff=PARTIAL_CUTOFF,
                    )
                ]
                found.sort(key=lambda match: -match[1])  # stable: key order among ties
            taken: set[int] = set()
            last = -1.0  # the score at which *limit* entries were taken
            for key, score, _index in found:
                if score < last:  # every later key scores less: none can make the list
                    break
                entries = returnable(keys.exact(key))
                for entry in entries:
                    offer(entry, RANK_FUZZY, score / 100.0, key, "fuzzy")
                taken.update(entries)
                if last < 0 and len(taken) >= limit:
                    last = score


def _pinyin_reason(initials: bool) -> str:
    return "initials" if initials else "pinyin"
