"""Search over labels in any language, aliases, pinyin and descriptions, ranked.

Ranking, best first: exact label > label prefix > alias > substring (including
all words of an English phrase) > description > fuzzy (typos). Keys are folded
by :func:`labels.normalise`, so quotes, brackets and spaces never matter. Each hit
says why it matched (``Hit.reason``: exact, alias, pinyin, initials...), so a result
list can explain itself. Fuzzy matches come only when nothing else matched, and only
close ones (:data:`FUZZY_CUTOFF`): a typo is forgiven, noise is not.

Each set of keys is stored without an object per key: its distinct keys, sorted, are
joined in strings of about :data:`CHUNK` keys each (pure-ASCII keys apart, at one byte
a character), with ``array("I")``s of where each key starts and which entries own it.
A query is a binary search and C-level ``str.find`` scans of these strings, fast per
keystroke at 2M entities; worse-ranked scans are skipped once enough better hits are
found. They pickle and load as a few strings and arrays (the on-disk cache).

No step of a build is one long C call, so a thread beside it (the GUI's) gets the GIL
back within milliseconds: keys are folded and sorted :data:`CHUNK` at a time into
sorted runs, searchable at once (their hits merged in key order), and
:meth:`SearchIndex.warm`, in a worker, merges the runs block by block. It also builds
what only some queries need: description keys, the word index and pinyin keys (by
pypinyin on small indexes, by a per-character table on large ones: pypinyin takes
~27 s over 320k strings), else the first query that needs one builds it.
"""

from __future__ import annotations

import bisect
import contextlib
import heapq
import importlib.util
import json
import pickle
import re
import unicodedata
from array import array
from collections import Counter
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from functools import cache, partial
from itertools import accumulate, chain, compress, count, islice, repeat
from operator import itemgetter, ne, not_, or_
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from . import labels as lab
from .model import Hit, Lang

if TYPE_CHECKING:
    from .sources.protocol import GraphSource

RANK_EXACT, RANK_PREFIX, RANK_ALIAS, RANK_SUBSTRING, RANK_DESCRIPTION, RANK_FUZZY = range(6)
_KIND = {0: "exact", 1: "prefix", 2: "alias", 3: "substring", 4: "description", 5: "fuzzy"}
_SEP = "\x1f"  # joins keys for bulk folding and scans; never part of a folded key
_LAST = "\U0010ffff"  # sorts after every character a key holds: q + _LAST ends q's prefix range
_STRIP_BULK = re.compile(r"[^\w\x1f]+|_+")
_NOT_HAN = re.compile(r"[^\u3400-\u9fff\uf900-\ufaff\x1f]+")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_ASCII_ALNUM = re.compile(r"[a-z0-9]")
#: What folding deletes from ASCII text (after lower case): all but letters, digits, _SEP.
_ASCII_DROP = bytes(c for c in range(128) if not (chr(c).isalnum() or chr(c) == _SEP))
#: Texts or keys per C call (fold, sort, join, split): a few ms each, so that a thread
#: beside a build gets the GIL at least every ~50 ms.
CHUNK = 32768
#: Bumped when the pickled state changes: an older index is refused, not misread.
STATE_VERSION = 2
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
#: A build in steps: yields its fraction done between bounded C calls, returns its result.
Steps = Generator[float, None, "_Keys"]
_T = TypeVar("_T")
#: Keys sampled from each table to choose where merged blocks end.
_SAMPLE = 16
#: Owners of a merged block copied in one C call at most (4 MB).
_OWNERS_AT_ONCE = 1 << 20


def _fold_ascii(texts: list[str]) -> list[str] | None:
    """Folded pure-ASCII texts: lower case, then a byte table drops all but letters and digits."""
    joined = _SEP.join(texts).lower().encode("ascii").translate(None, _ASCII_DROP)
    parts = joined.decode("ascii").split(_SEP)
    return parts if len(parts) == len(texts) else None


def _fold_any(texts: list[str]) -> list[str] | None:
    parts = _STRIP_BULK.sub("", unicodedata.normalize("NFKC", _SEP.join(texts)).casefold())
    found = parts.split(_SEP)
    return found if len(found) == len(texts) else None


def normalise_all(texts: Sequence[str]) -> list[str]:
    """:func:`labels.normalise` of many texts at once (C-level passes over their join, ASCII
    texts through a byte table); give it at most :data:`CHUNK` texts to keep calls short."""
    texts = list(texts)
    flags = list(map(str.isascii, texts))
    if all(flags):
        folded = _fold_ascii(texts)
    elif not any(flags):
        folded = _fold_any(texts)
    else:
        narrow = _fold_ascii(list(compress(texts, flags)))
        wide = _fold_any(list(compress(texts, map(not_, flags))))
        if narrow is None or wide is None:
            folded = None
        else:  # back in the input's order, still at C level: next() of the right one
            pick = (iter(wide), iter(narrow)).__getitem__
            folded = list(map(next, map(pick, flags)))
    if folded is None:  # a text held the separator itself
        return [lab.normalise(t) for t in texts]
    return folded


def _word_counts(texts: list[str]) -> tuple[list[str], list[int]]:
    """:func:`labels.words` of many texts at once: all their words, and how many each has
    (no list per text: a collection walks every tracked object of the process)."""
    spaced = _STRIP_BULK.sub(" ", unicodedata.normalize("NFKC", _SEP.join(texts)).casefold())
    parts = spaced.split(_SEP)
    if len(parts) != len(texts):  # a text held the separator itself
        parts = [" ".join(lab.words(t)) for t in texts]
        spaced = " ".join(parts)
    return spaced.split(), list(map(len, map(str.split, parts)))


class _Table:
    """Distinct keys of one kind (pure ASCII, or not), sorted and joined in one string,
    each followed by ``_SEP``: key *j* is ``text[starts[j]:starts[j + 1] - 1]``, owned by
    ``owners[groups[j]:groups[j + 1]]`` in the order they were added. ``marks[j]`` (when
    kept) says key *j* came, at least once, from the second input (pinyin initials).
    Indexable, so ``bisect`` works on it; at most about :data:`CHUNK` keys."""

    __slots__ = ("groups", "marks", "owners", "starts", "text")

    def __init__(
        self,
        keys: list[str],
        owners: array,
        *,
        counts: Sequence[int] | None = None,
        marked: bool = False,
    ) -> None:
        """*keys*: sorted, at least one; equal keys may follow each other, with *counts*
        owners each (one if not given). *marked*: owners are row * 2 (+ 1 if from the
        second input, then last in their key's group)."""
        ends = list(compress(range(1, len(keys)), map(ne, islice(keys, 1, None), keys)))
        ends.append(len(keys))
        distinct = [keys[0], *map(keys.__getitem__, islice(ends, len(ends) - 1))]
        if counts is not None:  # where each key's owners end
            ends = list(map(list(accumulate(counts, initial=0)).__getitem__, ends))
        self.marks = bytearray()
        if marked:
            last = map(owners.__getitem__, map((-1).__add__, ends))
            self.marks = bytearray(map((1).__and__, last))
            owners = array("I", map((1).__rrshift__, owners))
        self.owners = owners
        self.groups = array("I", chain((0,), ends))
        self.text = _SEP.join(distinct) + _SEP
        self.starts = array("I", accumulate(map((1).__add__, map(len, distinct)), initial=0))

    def __len__(self) -> int:
        return len(self.starts) - 1

    def __getitem__(self, j: int) -> str:
        return self.text[self.starts[j] : self.starts[j + 1] - 1]

    def find(self, key: str) -> int:
        """Where *key* is, or -1."""
        j = bisect.bisect_left(self, key)
        return j if j < len(self) and self[j] == key else -1

    def owners_of(self, j: int) -> array:
        return self.owners[self.groups[j] : self.groups[j + 1]]

    def marked(self, j: int) -> bool:
        return bool(self.marks) and bool(self.marks[j])

    def with_prefix(self, q: str) -> Iterator[tuple[int, str, bool]]:
        """(owner, key, mark) of keys starting with *q*, in key order."""
        j = bisect.bisect_left(self, q)
        while j < len(self):
            key = self[j]
            if not key.startswith(q):
                return
            mark = self.marked(j)
            for owner in self.owners_of(j):
                yield owner, key, mark
            j += 1

    def containing(self, q: str) -> Iterator[tuple[int, str, bool]]:
        """(owner, key, mark) of keys holding *q*, in key order (one ``str.find`` per key)."""
        find, starts = self.text.find, self.starts
        pos = find(q)
        while pos >= 0:
            j = bisect.bisect_right(starts, pos) - 1
            key, mark = self.text[starts[j] : starts[j + 1] - 1], self.marked(j)
            for owner in self.owners_of(j):
                yield owner, key, mark
            pos = find(q, starts[j + 1])

    def span(self, q: str) -> tuple[int, int]:
        """Distinct keys starting with *q*: ``lo, hi``."""
        lo = bisect.bisect_left(self, q)
        return lo, bisect.bisect_left(self, q + _LAST, lo)

    def keys_between(self, lo: int, hi: int) -> list[str]:
        """Keys *lo* to *hi*, each as many times as it has owners (as a plain list held them)."""
        if lo >= hi:
            return []
        keys = self.text[self.starts[lo] : self.starts[hi] - 1].split(_SEP)
        counts = map(int.__sub__, self.groups[lo + 1 : hi + 1], self.groups[lo:hi])
        return list(chain.from_iterable(map(repeat, keys, counts)))


class _Stripe:
    """Tables whose keys follow each other (each key in one table), searched as one: a
    merged key set, kept in table-sized pieces so no string is made of all its keys."""

    __slots__ = ("firsts", "tables")

    def __init__(self, tables: Sequence[_Table]) -> None:
        self.tables = tuple(tables)
        self.firsts = [table[0] for table in self.tables]

    def _around(self, q: str) -> tuple[_Table, ...]:
        """The tables that may hold keys starting with *q*."""
        lo = max(0, bisect.bisect_right(self.firsts, q) - 1)
        return self.tables[lo : bisect.bisect_left(self.firsts, q + _LAST, lo)]

    def lookup(self, key: str) -> tuple[array | tuple[()], bool]:
        """Owners of *key* (none if absent), and whether it is marked."""
        at = bisect.bisect_right(self.firsts, key) - 1
        j = self.tables[at].find(key) if at >= 0 else -1
        return (self.tables[at].owners_of(j), self.tables[at].marked(j)) if j >= 0 else ((), False)

    def with_prefix(self, q: str) -> Iterator[tuple[int, str, bool]]:
        return chain.from_iterable(table.with_prefix(q) for table in self._around(q))

    def containing(self, q: str) -> Iterator[tuple[int, str, bool]]:
        return chain.from_iterable(table.containing(q) for table in self.tables)

    def owners_with_prefix(self, q: str) -> Iterator[array]:
        for table in self._around(q):
            lo, hi = table.span(q)
            yield table.owners[table.groups[lo] : table.groups[hi]]

    def keys_with_prefix(self, q: str) -> list[str]:
        """Keys starting with *q* (all if *q* is empty), once per owner, in order."""
        around = self._around(q) if q else self.tables
        return list(chain.from_iterable(t.keys_between(*t.span(q)) for t in around))


def _merge(tables: Sequence[_Table], *, marked: bool = False) -> Generator[float, None, _Stripe]:
    """One stripe of several tables' keys (equal keys' owners in table order), made a
    block at a time."""
    out: list[_Table] = []
    total, done = max(1, sum(len(t.owners) for t in tables)), 0
    for keys, owners, counts in _blocks(tables):
        out.append(_Table(keys, owners, counts=counts, marked=marked))
        done += len(owners)
        yield done / total
    return _Stripe(out)


def _blocks(tables: Sequence[_Table]) -> Iterator[tuple[list[str], array, list[int] | None]]:
    """The tables' keys in sorted order with their owners and how many, a block of about
    CHUNK distinct keys at a time (a key with a million owners is one key, its owners
    copied as bytes).

    Blocks end at splitters drawn from a sample of every table, so each block takes a
    slice of every table and one stable sort of their concatenation merges them; equal
    keys never straddle two blocks."""
    if not tables:
        return
    blocks = max(1, -(-sum(map(len, tables)) // CHUNK))
    # Staggered: alike tables (runs of one column) sampled at the same places give alike keys.
    sample = sorted(chain.from_iterable(map(_sampled, tables, count(0, 7919))))
    splitters = list(dict.fromkeys(sample[len(sample) * b // blocks] for b in range(1, blocks)))
    pos = [0] * len(tables)
    for upper in [*splitters, None]:
        parts = []
        for n, table in enumerate(tables):
            lo = pos[n]
            hi = len(table) if upper is None else bisect.bisect_right(table, upper, lo)
            if hi > lo:
                parts.append((table, lo, hi))
                pos[n] = hi
        if len(parts) == 1:
            table, lo, hi = parts[0]
            starts, ends = table.groups[lo:hi], table.groups[lo + 1 : hi + 1]
            keys = table.text[table.starts[lo] : table.starts[hi] - 1].split(_SEP)
            yield keys, table.owners[starts[0] : ends[-1]], list(map(int.__sub__, ends, starts))
        elif parts:
            yield _merged_block(parts)


def _sampled(table: _Table, offset: int) -> Iterator[str]:
    """About :data:`_SAMPLE` keys of *table*, evenly spaced from a place set by *offset*."""
    step = max(1, len(table) // _SAMPLE)
    return map(table.__getitem__, range(offset % step, len(table), step))


def _merged_block(
    parts: list[tuple[_Table, int, int]],
) -> tuple[list[str], array, list[int] | None]:
    """Keys *lo* to *hi* of each table, in one sorted order (equal keys in table order).
    A key owned more than once moves its owners as one slice of bytes: no object the
    garbage collector tracks is made per key (a collection walks every such object of
    the process)."""
    keys: list[str] = []
    counts: list[int] = []
    owned = array("I")
    for table, lo, hi in parts:
        starts, ends = table.groups[lo:hi], table.groups[lo + 1 : hi + 1]
        keys += table.text[table.starts[lo] : table.starts[hi] - 1].split(_SEP)
        counts += map(int.__sub__, ends, starts)
        owned.extend(table.owners[starts[0] : ends[-1]])
    order = sorted(range(len(keys)), key=keys.__getitem__)
    if len(owned) == len(keys):  # one owner a key (names rarely repeat): moved one by one
        return list(map(keys.__getitem__, order)), array("I", map(owned.__getitem__, order)), None
    data = owned.tobytes()
    ends = list(accumulate(map((4).__mul__, counts)))
    pieces = list(map(data.__getitem__, map(slice, chain((0,), ends), ends)))  # each key's owners
    owners = array("I")
    if len(owned) <= _OWNERS_AT_ONCE:
        owners.frombytes(b"".join(map(pieces.__getitem__, order)))
    else:  # many owners (common words): copied key by key, each copy a short C call
        for piece in map(pieces.__getitem__, order):
            owners.frombytes(piece)
    return list(map(keys.__getitem__, order)), owners, list(map(counts.__getitem__, order))


class _Keys:
    """Folded keys -> entry numbers: stripes of the pure-ASCII keys and of the others.

    Freshly built, each stripe is one sorted chunk of keys (a *run*; the runs are
    searched together, their hits merged in key order); :meth:`merged` makes one stripe
    of each kind. A Latin query may match keys of both kinds (``2021`` is in ``2021年``).
    Either way hits come in one sorted order, as from one sorted list."""

    __slots__ = ("narrow", "size", "wide")

    def __init__(self, narrow: Sequence[_Stripe], wide: Sequence[_Stripe]) -> None:
        self.narrow, self.wide = tuple(narrow), tuple(wide)
        tables = chain.from_iterable(s.tables for s in chain(self.narrow, self.wide))
        self.size = sum(len(t.owners) for t in tables)

    @property
    def is_merged(self) -> bool:
        return len(self.narrow) <= 1 and len(self.wide) <= 1

    def merged(self, *, marked: bool = False) -> Steps:
        """This set with one stripe of each kind; *marked*: see :class:`_Table`."""
        if self.is_merged and not marked:
            return self
        stripes = []
        for n, kind in enumerate((self.narrow, self.wide)):
            tables = [t for stripe in kind for t in stripe.tables]
            stripe = yield from _scaled(_merge(tables, marked=marked), 0.5 * n, 0.5 * n + 0.5)
            stripes.append([stripe] if stripe.tables else [])
        return _Keys(*stripes)

    def _stripes(self, q: str) -> tuple[_Stripe, ...]:
        return self.narrow + self.wide if q.isascii() else self.wide

    def exact(self, query: str) -> Iterator[int]:
        for stripe in self.narrow if query.isascii() else self.wide:
            yield from stripe.lookup(query)[0]

    def marked(self, key: str) -> bool:
        """Whether *key* came (also) from the second input: the pinyin initials."""
        return any(s.lookup(key)[1] for s in (self.narrow if key.isascii() else self.wide))

    def prefix(self, query: str, cap: int) -> Iterator[tuple[int, str, bool]]:
        return self._merged([s.with_prefix(query) for s in self._stripes(query)], cap)

    def substring(self, query: str, cap: int) -> Iterator[tuple[int, str, bool]]:
        return self._merged([s.containing(query) for s in self._stripes(query)], cap)

    @staticmethod
    def _merged(found: list[Iterator[tuple[int, str, bool]]], cap: int) -> Iterator:
        hits = found[0] if len(found) == 1 else heapq.merge(*found, key=itemgetter(1))
        return islice(hits, cap)

    def owners_with_prefix(self, query: str) -> set[int]:
        """Every entry owning a key that starts with *query*."""
        out: set[int] = set()
        for stripe in self._stripes(query):
            for owners in stripe.owners_with_prefix(query):
                out.update(owners)
        return out

    def fuzzy_candidates(self, query: str) -> list[str]:
        """All keys on small indexes, else those sharing *query*'s first character."""
        start = "" if self.size <= WRATIO_LIMIT else query[0]
        found = [f for s in self._stripes(query[0]) if (f := s.keys_with_prefix(start))]
        if len(found) > 1:  # sorted pieces: one sort of them all merges them
            return sorted(chain.from_iterable(found))
        return found[0] if found else []

    def __len__(self) -> int:
        return self.size


#: A part not built yet, to a query that may not build it.
_NO_KEYS = _Keys([], [])


class _Builder:
    """Keys added a chunk at a time, each chunk sorted at once (stable: equal keys keep
    the order they were added in) into a run of its own."""

    def __init__(self) -> None:
        self.runs: tuple[list[_Stripe], list[_Stripe]] = ([], [])  # (pure ASCII, other) keys

    def add(self, keys: list[str], owners: Sequence[int]) -> None:
        """Folded *keys* of *owners* (empty keys are dropped)."""
        for a in range(0, len(keys), CHUNK):
            self._add(keys[a : a + CHUNK], owners[a : a + CHUNK])

    def _add(self, keys: list[str], owners: Sequence[int]) -> None:
        if not all(keys):
            owners = list(compress(owners, keys))
            keys = list(compress(keys, keys))
        narrow = list(map(str.isascii, keys))
        parts = ((self.runs[0], narrow), (self.runs[1], list(map(not_, narrow))))
        for runs, flags in parts if not all(narrow) else parts[:1]:
            ks, os = list(compress(keys, flags)), list(compress(owners, flags))
            if ks:
                order = sorted(range(len(ks)), key=ks.__getitem__)
                sorted_owners = array("I", map(os.__getitem__, order))
                runs.append(_Stripe([_Table(list(map(ks.__getitem__, order)), sorted_owners)]))

    def keys(self) -> _Keys:
        return _Keys(*self.runs)


def _finish(steps: Steps) -> _Keys:
    """Run a build in steps to its end."""
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value


def _keys_of(
    columns: Iterable[tuple[Sequence[str], Sequence[int]]], *, merge: bool = True
) -> Steps:
    """The folded keys of texts owned by rows, column after column; the sorted chunks
    left as they are (searchable) unless *merge*."""
    columns = list(columns)
    total = max(1, sum(len(texts) for texts, _rows in columns))
    builder, done = _Builder(), 0
    for texts, rows in columns:
        for a in range(0, len(texts), CHUNK):
            chunk = texts[a : a + CHUNK]
            builder.add(normalise_all(chunk), rows[a : a + CHUNK])
            done += len(chunk)
            yield (0.6 if merge else 1.0) * done / total  # folding and sorting: most of it
    if not merge:
        return builder.keys()
    return (yield from _scaled(builder.keys().merged(), 0.6, 1.0))


def _scaled(steps: Generator[float, None, _T], lo: float, hi: float) -> Generator[float, None, _T]:
    """*steps* with their fractions mapped onto *lo*..*hi* (one part of a larger build)."""
    while True:
        try:
            fraction = next(steps)
        except StopIteration as done:
            return done.value
        yield lo + (hi - lo) * fraction


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
        self._labels = _finish(_keys_of([columns.labels], merge=False))
        self._aliases = _finish(_keys_of([columns.aliases], merge=False))
        self._descriptions: _Keys | None = None  # these three: built by warm() or on demand
        self._pinyin: _Keys | None = None
        self._words: _Keys | None = None

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

    def _build(self, attr: str) -> Steps:
        if attr == "_pinyin":
            return self._pinyin_steps()
        if attr == "_words":
            return self._word_steps()
        return _keys_of([self._cols.descriptions])

    def _part(self, attr: str, *, build: bool = True) -> _Keys:
        """A lazy part, built now (at once) if :meth:`warm` has not built it yet (else,
        unless *build*, no keys)."""
        found = getattr(self, attr)
        if found is None and not build:
            return _NO_KEYS
        if found is None:
            found = _finish(self._build(attr))
            setattr(self, attr, found)
        return found

    def _word_steps(self) -> Steps:
        """Latin words of the names -> entries, for ``part-time member``-style queries."""
        columns = self._name_columns()
        total, done = max(1, sum(len(texts) for texts, _rows in columns)), 0
        builder = _Builder()
        for texts, rows in columns:
            for a in range(0, len(texts), CHUNK):
                chunk = list(texts[a : a + CHUNK])
                latin = map(bool, map(_ASCII_ALNUM.search, map(str.casefold, chunk)))
                keep = list(map(or_, map(str.isascii, chunk), latin))
                words, counts = _word_counts(list(compress(chunk, keep)))
                owners = list(
                    chain.from_iterable(map(repeat, compress(rows[a : a + CHUNK], keep), counts))
                )
                ascii_only = list(map(str.isascii, words))
                builder.add(list(compress(words, ascii_only)), list(compress(owners, ascii_only)))
                done += len(chunk)
                yield 0.6 * done / total
        return (yield from _scaled(builder.keys().merged(), 0.6, 1.0))

    def _pinyin_steps(self) -> Steps:
        """Full pinyin and initials of the Chinese names; a key from initials is marked."""
        chunks: list[tuple[list[str], array]] = []  # the Chinese names, a chunk at a time
        for column_texts, rows in self._name_columns():
            for a in range(0, len(column_texts), CHUNK):
                chunk = column_texts[a : a + CHUNK]
                han = list(map(bool, map(_HAN.search, chunk)))
                chunks.append(
                    (list(compress(chunk, han)), array("I", compress(rows[a : a + CHUNK], han)))
                )
        yield 0.05
        total = max(1, sum(len(texts) for texts, _rows in chunks))
        exact, done = total <= PINYIN_EXACT_LIMIT, 0
        full, initials = _Builder(), _Builder()
        twice, table = (2).__mul__, _PinyinTable()
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
        return (yield from _scaled(full.keys().merged(marked=True), 0.6, 1.0))

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

        for entry in self._labels.exact(q):
            offer(entry, RANK_EXACT, 1.0, q, "exact")
        for entry, key, _mark in self._labels.prefix(q, cap):
            offer(entry, RANK_PREFIX, len(q) / len(key), key, "prefix")
        for entry in self._aliases.exact(q):
            offer(entry, RANK_ALIAS, 1.0, q, "alias")
        for entry, key, _mark in self._aliases.prefix(q, cap):
            offer(entry, RANK_ALIAS, 0.9 * len(q) / len(key), key, "alias")
        latin = query.isascii()
        if latin:
            pinyin = part("_pinyin")
            why = _pinyin_reason(pinyin.marked(q))
            for entry in pinyin.exact(q):
                offer(entry, RANK_PREFIX, 0.95, q, why)
            for entry, key, mark in pinyin.prefix(q, cap):
                offer(entry, RANK_PREFIX, 0.9 * len(q) / len(key), key, _pinyin_reason(mark))
        if len(best) < limit:  # else nothing of a worse rank could make the list
            for keys, factor, why in (
                (self._labels, 1.0, "substring"),
                (self._aliases, 0.9, "alias"),
            ):
                for entry, key, _mark in keys.substring(q, cap):
                    offer(entry, RANK_SUBSTRING, factor * len(q) / len(key), key, why)
            if latin:
                for entry, key, mark in part("_pinyin").substring(q, cap):
                    offer(
                        entry,
                        RANK_SUBSTRING,
                        0.8 * len(q) / len(key),
                        key,
                        _pinyin_reason(mark),
                    )
                for entry in self._word_match(query, part):
                    offer(entry, RANK_SUBSTRING, 0.7, query, "words")
        if len(best) < limit:
            for entry, key, _mark in part("_descriptions").substring(q, cap):
                offer(entry, RANK_DESCRIPTION, len(q) / len(key), key, "description")
        if not best and len(q) >= 3:  # a guess only when nothing matched for real
            pools = [self._labels, self._aliases] + ([part("_pinyin")] if latin else [])
            self._fuzzy(q, pools, offer, limit)
        ranked = sorted(best.items(), key=lambda kv: (kv[1][0], -kv[1][1], kv[0]))
        out = []
        for entry, (rank, score, matched, reason) in ranked[:limit]:
            nid, shown = self._cols.ids[entry], self._name(entry)
            out.append(Hit(nid, shown, matched, _KIND[rank], rank, score, cats[entry], reason))
        return out

    def complete(self, prefix: str, limit: int = 10, *, only_built: bool = False) -> list[Hit]:
        """Suggestions while typing: the same ranking, fewer results."""
        return self.search(prefix, limit=limit, only_built=only_built)

    def _word_match(self, query: str, part: Callable[[str], _Keys]) -> set[int]:
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

    def _fuzzy(self, q: str, pools: list[_Keys], offer, limit: int) -> None:
        from rapidfuzz import fuzz, process  # imported lazily

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


def _pinyin_reason(initials: bool) -> str:
    return "initials" if initials else "pinyin"


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


class _PinyinTable:
    """Each character's commonest reading, toneless, and its initial, as ``str.translate``
    tables; filled for the characters met (a few thousand), not all 41k."""

    def __init__(self) -> None:
        self.full: dict[int, str] = {}
        self.initials: dict[int, str] = {}
        self._seen: set[str] = set()

    def __call__(self, texts: Sequence[str]) -> tuple[list[str], list[str]]:
        """Toneless pinyin and initials of many texts."""
        han = _NOT_HAN.sub("", _SEP.join(texts))
        if han.count(_SEP) != len(texts) - 1:  # a text held the separator itself
            han = _SEP.join("".join(_HAN.findall(t)) for t in texts)
        self._learn(set(han) - self._seen)
        return han.translate(self.full).split(_SEP), han.translate(self.initials).split(_SEP)

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
