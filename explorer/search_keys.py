"""Folded search keys -> entry numbers, without a Python object per key.

Each set of keys is stored as its distinct keys, sorted, joined in strings of about
:data:`CHUNK` keys each (pure-ASCII keys apart, at one byte a character), with
``array("I")``s of where each key starts and which entries own it. A look-up is a binary
search or a C-level ``str.find`` scan of these strings. They pickle and load as a few
strings and arrays (the on-disk cache).

No step of a build is one long C call, so a thread beside it (the GUI's) gets the GIL
back within milliseconds: keys are folded and sorted :data:`CHUNK` at a time into sorted
runs, searchable at once (their hits merged in key order), and merged block by block
later (``Keys.merged``, in steps). ``explorer.search`` ranks what these find.
"""

from __future__ import annotations

import bisect
import heapq
import re
import unicodedata
from array import array
from collections import deque
from collections.abc import Generator, Iterable, Iterator, Sequence
from itertools import accumulate, chain, compress, count, filterfalse, groupby, islice, repeat
from operator import gt, itemgetter, ne, not_
from typing import TypeVar

from . import labels as lab

SEP = "\x1f"  # joins keys for bulk folding and scans; never part of a folded key
_LAST = "\U0010ffff"  # sorts after every character a key holds: q + _LAST ends q's prefix range
_STRIP_BULK = re.compile(r"[^\w\x1f]+|_+")
#: What the byte table of ASCII folding drops: all but letters, digits and ``SEP``.
_ASCII_DROP = bytes(c for c in range(128) if not (chr(c).isalnum() or chr(c) == SEP))
#: Texts or keys per C call (fold, sort, join, split): a few ms each, so that a thread
#: beside a build gets the GIL at least every ~50 ms.
CHUNK = 32768
#: A build in steps: yields its fraction done between bounded C calls, returns its result.
Steps = Generator[float, None, "Keys"]
#: A key, whether it is marked, and its owners in ascending order.
Group = tuple[str, bool, memoryview]
_T = TypeVar("_T")
#: Keys sampled from each table to choose where merged blocks end.
_SAMPLE = 16
#: Owners of a merged block copied in one C call at most (4 MB).
_OWNERS_AT_ONCE = 1 << 20


def _fold_ascii(texts: list[str]) -> list[str] | None:
    """Folded pure-ASCII texts: lower case, then a byte table drops all but letters and digits."""
    joined = SEP.join(texts).lower().encode("ascii").translate(None, _ASCII_DROP)
    parts = joined.decode("ascii").split(SEP)
    return parts if len(parts) == len(texts) else None


def _fold_any(texts: list[str]) -> list[str] | None:
    parts = _STRIP_BULK.sub("", unicodedata.normalize("NFKC", SEP.join(texts)).casefold())
    found = parts.split(SEP)
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


def word_counts(texts: list[str]) -> tuple[list[str], list[int]]:
    """:func:`labels.words` of many texts at once: all their words, and how many each has
    (no list per text: a collection walks every tracked object of the process)."""
    spaced = _STRIP_BULK.sub(" ", unicodedata.normalize("NFKC", SEP.join(texts)).casefold())
    parts = spaced.split(SEP)
    if len(parts) != len(texts):  # a text held the separator itself
        parts = [" ".join(lab.words(t)) for t in texts]
        spaced = " ".join(parts)
    return spaced.split(), list(map(len, map(str.split, parts)))


class _Table:
    """Distinct keys of one kind (pure ASCII, or not), sorted and joined in one string,
    each followed by ``SEP``: key *j* is ``text[starts[j]:starts[j + 1] - 1]``, owned by
    ``owners[groups[j]:groups[j + 1]]`` in ascending order (that of ties in the ranking, so
    a look-up may stop at the first few owners of a key), unless their key set needs no
    order (a word index). ``marks[j]`` (when kept) says key *j* came, at least once, from
    the second input (pinyin initials).
    Indexable, so ``bisect`` works on it; at most about :data:`CHUNK` keys."""

    __slots__ = ("groups", "marks", "owners", "starts", "text")

    def __init__(
        self,
        keys: list[str],
        owners: array,
        *,
        counts: Sequence[int] | None = None,
        marked: bool = False,
        sort_owners: bool = True,
    ) -> None:
        """*keys*: sorted, at least one; equal keys may follow each other, with *counts*
        owners each (one if not given). *sort_owners*: put each key's owners in ascending
        order (False: they are already, or need no order). *marked*: owners are row * 2
        (+ 1 if from the second input, then last in their key's group)."""
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
        self.groups = array("I", chain((0,), ends))
        self.owners = _ascending(owners, self.groups) if sort_owners else owners
        self.text = SEP.join(distinct) + SEP
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

    def owners_view(self, j: int) -> memoryview:
        """Key *j*'s owners without copying them (a key may have a million)."""
        return memoryview(self.owners)[self.groups[j] : self.groups[j + 1]]

    def marked(self, j: int) -> bool:
        return bool(self.marks) and bool(self.marks[j])

    def with_prefix(self, q: str) -> Iterator[Group]:
        """Keys starting with *q*, in key order."""
        lo, hi = self.span(q)
        return ((self[j], self.marked(j), self.owners_view(j)) for j in range(lo, hi))

    def containing(self, q: str) -> Iterator[Group]:
        """Keys holding *q*, in key order (one ``str.find`` per key)."""
        find, starts = self.text.find, self.starts
        pos = find(q)
        while pos >= 0:
            j = bisect.bisect_right(starts, pos) - 1
            yield self[j], self.marked(j), self.owners_view(j)
            pos = find(q, starts[j + 1])

    def span(self, q: str) -> tuple[int, int]:
        """Distinct keys starting with *q*: ``lo, hi``."""
        lo = bisect.bisect_left(self, q)
        return lo, bisect.bisect_left(self, q + _LAST, lo)

    def keys_between(self, lo: int, hi: int) -> list[str]:
        """Keys *lo* to *hi*, each once."""
        return self.text[self.starts[lo] : self.starts[hi] - 1].split(SEP) if lo < hi else []


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

    def lookup(self, key: str) -> tuple[memoryview | tuple[()], bool]:
        """Owners of *key* in ascending order (none if absent), and whether it is marked."""
        at = bisect.bisect_right(self.firsts, key) - 1
        j = self.tables[at].find(key) if at >= 0 else -1
        table = self.tables[at]
        return (table.owners_view(j), table.marked(j)) if j >= 0 else ((), False)

    def with_prefix(self, q: str) -> Iterator[Group]:
        return chain.from_iterable(table.with_prefix(q) for table in self._around(q))

    def containing(self, q: str) -> Iterator[Group]:
        return chain.from_iterable(table.containing(q) for table in self.tables)

    def owners_with_prefix(self, q: str) -> Iterator[array]:
        for table in self._around(q):
            lo, hi = table.span(q)
            yield table.owners[table.groups[lo] : table.groups[hi]]

    def keys_with_prefix(self, q: str) -> list[str]:
        """Keys starting with *q* (all if *q* is empty), each once, in order."""
        around = self._around(q) if q else self.tables
        return list(chain.from_iterable(t.keys_between(*t.span(q)) for t in around))


def _merge(
    tables: Sequence[_Table], *, marked: bool = False, ordered: bool = True
) -> Generator[float, None, _Stripe]:
    """One stripe of several tables' keys, made a block at a time. A key's owners from
    several tables are joined in table order, then (if *ordered*) sorted, unless each
    table's owners all come before the next table's (runs of one column in scan order)."""
    out: list[_Table] = []
    total, done = max(1, sum(len(t.owners) for t in tables)), 0
    sort_joined = ordered and not _owners_follow(tables)
    for keys, owners, counts, joined in _blocks(tables):
        sort_owners = sort_joined and joined
        out.append(_Table(keys, owners, counts=counts, marked=marked, sort_owners=sort_owners))
        done += len(owners)
        yield done / total
    return _Stripe(out)


def _owners_follow(tables: Sequence[_Table]) -> bool:
    """Whether every owner of each table comes before every owner of the next."""
    bounds = [(min(t.owners), max(t.owners)) for t in tables if t.owners]
    return all(map(int.__le__, (hi for _lo, hi in bounds[:-1]), (lo for lo, _hi in bounds[1:])))


def _blocks(
    tables: Sequence[_Table],
) -> Iterator[tuple[list[str], array, list[int] | None, bool]]:
    """The tables' keys in sorted order with their owners and how many, a block of about
    CHUNK distinct keys at a time (a key with a million owners is one key, its owners
    copied as bytes), and whether the block joins several tables' keys.

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
            keys = table.text[table.starts[lo] : table.starts[hi] - 1].split(SEP)
            counts = list(map(int.__sub__, ends, starts))
            yield keys, table.owners[starts[0] : ends[-1]], counts, False
        elif parts:
            yield *_merged_block(parts), True


def _ascending(owners: array, groups: array) -> array:
    """*owners* with each group's (``groups``: where each starts) in ascending order, in
    place: the order results are ranked in, so a look-up can stop after the first few. One
    C-level pass finds the groups out of order; each is sorted in one C call."""
    if len(owners) < len(groups):  # one owner a key: nothing to order
        return owners
    starting = bytearray(len(owners) + 1)
    deque(map(starting.__setitem__, groups, repeat(1)), maxlen=0)
    listed = owners.tolist()  # compared faster than the array's items
    descents = compress(count(1), map(gt, listed, islice(listed, 1, None)))
    end = 0
    for at in filterfalse(starting.__getitem__, descents):  # inside a group
        if at < end:  # a group sorted already
            continue
        g = bisect.bisect_right(groups, at) - 1
        start, end = groups[g], groups[g + 1]
        owners[start:end] = array("I", sorted(owners[start:end]))
    return owners


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
        keys += table.text[table.starts[lo] : table.starts[hi] - 1].split(SEP)
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


class Keys:
    """Folded keys -> entry numbers: stripes of the pure-ASCII keys and of the others.

    Freshly built, each stripe is one sorted chunk of keys (a *run*; the runs are
    searched together, their hits merged in key order); :meth:`merged` makes one stripe
    of each kind. A Latin query may match keys of both kinds (``2021`` is in ``2021年``).
    Either way hits come in one sorted order, as from one sorted list."""

    __slots__ = ("narrow", "ordered", "size", "wide")

    def __init__(
        self, narrow: Sequence[_Stripe], wide: Sequence[_Stripe], *, ordered: bool = True
    ) -> None:
        """*ordered*: each key's owners in ascending order (see :class:`_Table`)."""
        self.narrow, self.wide, self.ordered = tuple(narrow), tuple(wide), ordered
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
            merging = _merge(tables, marked=marked, ordered=self.ordered)
            stripe = yield from scaled(merging, 0.5 * n, 0.5 * n + 0.5)
            stripes.append([stripe] if stripe.tables else [])
        return Keys(*stripes, ordered=self.ordered)

    def _stripes(self, q: str) -> tuple[_Stripe, ...]:
        return self.narrow + self.wide if q.isascii() else self.wide

    def exact(self, query: str) -> Iterator[int]:
        """Owners of *query*, each once, in ascending order (the order ties are ranked in):
        a caller that needs a few stops there, whether the key has ten owners or a million."""
        stripes = self.narrow if query.isascii() else self.wide
        found = [owners for stripe in stripes if len(owners := stripe.lookup(query)[0])]
        if not found:
            return iter(())
        ascending = iter(found[0]) if len(found) == 1 else heapq.merge(*found)
        return map(itemgetter(0), groupby(ascending))  # an entry may own a key twice

    def marked(self, key: str) -> bool:
        """Whether *key* came (also) from the second input: the pinyin initials."""
        return any(s.lookup(key)[1] for s in (self.narrow if key.isascii() else self.wide))

    def prefix(self, query: str) -> Iterator[tuple[str, bool, Iterator[int]]]:
        """Keys starting with *query*, in key order: each with whether it is marked and
        its owners (each once, ascending), read only as far as the caller goes."""
        return _by_key([s.with_prefix(query) for s in self._stripes(query)])

    def substring(self, query: str) -> Iterator[tuple[str, bool, Iterator[int]]]:
        """Keys holding *query*, as :meth:`prefix` gives them."""
        return _by_key([s.containing(query) for s in self._stripes(query)])

    def owners_with_prefix(self, query: str) -> set[int]:
        """Every entry owning a key that starts with *query*."""
        out: set[int] = set()
        for stripe in self._stripes(query):
            for owners in stripe.owners_with_prefix(query):
                out.update(owners)
        return out

    def fuzzy_candidates(self, query: str, *, every_key: bool) -> list[str]:
        """All keys (*every_key*), else those sharing *query*'s first character; each
        once, sorted (a key is scored once, however many own it)."""
        start = "" if every_key else query[0]
        found = [f for s in self._stripes(query[0]) if (f := s.keys_with_prefix(start))]
        if len(found) > 1:  # sorted pieces (runs repeat keys): one sort merges them
            return list(map(itemgetter(0), groupby(sorted(chain.from_iterable(found)))))
        return found[0] if found else []

    def __len__(self) -> int:
        return self.size


#: A part not built yet, to a query that may not build it.
NO_KEYS = Keys([], [])


def _by_key(found: list[Iterator[Group]]) -> Iterator[tuple[str, bool, Iterator[int]]]:
    """Keys of sorted runs (or stripes) in one key order, as one merged table gives them:
    a key in several runs once, marked if any run marks it, its owners merged."""
    if len(found) == 1:
        for key, mark, owners in found[0]:
            yield key, mark, map(itemgetter(0), groupby(owners))
        return
    for key, same in groupby(heapq.merge(*found, key=itemgetter(0)), key=itemgetter(0)):
        groups = list(same)
        owners = heapq.merge(*map(itemgetter(2), groups)) if len(groups) > 1 else groups[0][2]
        yield key, any(map(itemgetter(1), groups)), map(itemgetter(0), groupby(owners))


class Builder:
    """Keys added a chunk at a time, each chunk sorted at once into a run of its own:
    by key, then owner (*ordered*: what :meth:`Keys.exact` needs; a word index, only
    ever asked for sets of owners, keeps equal keys in the order they were added)."""

    def __init__(self, *, ordered: bool = True) -> None:
        self.runs: tuple[list[_Stripe], list[_Stripe]] = ([], [])  # (pure ASCII, other) keys
        self.ordered = ordered

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
                order = range(len(ks))
                if self.ordered and any(map(gt, os, islice(os, 1, None))):
                    order = sorted(order, key=os.__getitem__)  # owners added out of order
                order = sorted(order, key=ks.__getitem__)  # stable: by owner among equal keys
                sorted_owners = array("I", map(os.__getitem__, order))
                table = _Table(list(map(ks.__getitem__, order)), sorted_owners, sort_owners=False)
                runs.append(_Stripe([table]))

    def keys(self) -> Keys:
        return Keys(*self.runs, ordered=self.ordered)


def finish(steps: Steps) -> Keys:
    """Run a build in steps to its end."""
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value


def keys_of(columns: Iterable[tuple[Sequence[str], Sequence[int]]], *, merge: bool = True) -> Steps:
    """The folded keys of texts owned by rows, column after column; the sorted chunks
    left as they are (searchable) unless *merge*."""
    columns = list(columns)
    total = max(1, sum(len(texts) for texts, _rows in columns))
    builder, done = Builder(), 0
    for texts, rows in columns:
        for a in range(0, len(texts), CHUNK):
            chunk = texts[a : a + CHUNK]
            builder.add(normalise_all(chunk), rows[a : a + CHUNK])
            done += len(chunk)
            yield (0.6 if merge else 1.0) * done / total  # folding and sorting: most of it
    if not merge:
        return builder.keys()
    return (yield from scaled(builder.keys().merged(), 0.6, 1.0))


def scaled(steps: Generator[float, None, _T], lo: float, hi: float) -> Generator[float, None, _T]:
    """*steps* with their fractions mapped onto *lo*..*hi* (one part of a larger build)."""
    while True:
        try:
            fraction = next(steps)
        except StopIteration as done:
            return done.value
        yield lo + (hi - lo) * fraction
