"""Opening a large RDF file: a pyoxigraph store loaded on one core, labels scanned on the other.

Filling an in-memory ``pyoxigraph.Store`` takes ~3.3x the bare parse (its
indexes), and nothing interactive needs it at once. So a daemon thread loads the
store (pyoxigraph releases the GIL), while this thread parses the same bytes once
more and keeps only what search and labels need: labels, aliases, descriptions
and types of IRI subjects. The scan reports syntax errors with line and column;
the store is waited for only when relations are first asked for.
"""

from __future__ import annotations

import gc
import os
import threading
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from operator import le

import pyoxigraph as ox

from ..errors import LoadError
from ..rdf_io import _OX_FORMATS, _syntax_error
from . import facts as fx

#: Column numbers: what each scanned predicate feeds (META marks bookkeeping subjects).
TYPES, LABELS, ALIASES, HIDDEN, DESCRIPTIONS, META = range(6)


class Column:
    """Values of one kind, with the row (subject number) of each; literal columns also
    keep each value's language and predicate rank (preference order of the predicate)."""

    __slots__ = ("_groups", "_monotone", "langs", "ranks", "rows", "values")

    def __init__(self) -> None:
        self.values: list[str] = []
        self.rows: list[int] = []
        self.langs: list[str | None] = []
        self.ranks: list[int] = []
        self._groups: dict[int, list[int]] | None = None
        self._monotone: bool | None = None

    def positions(self, row: int) -> Sequence[int]:
        """Where *row*'s values are: a binary search when rows never go back (a subject's
        triples written together, as Turtle writers do), else a grouping made once."""
        rows = self.rows
        if self._monotone is None:
            self._monotone = all(map(le, rows, islice(rows, 1, None)))
        if self._monotone:
            lo = bisect_left(rows, row)
            return range(lo, bisect_right(rows, row, lo))
        if self._groups is None:
            groups: dict[int, list[int]] = {}
            for i, r in enumerate(self.rows):
                groups.setdefault(r, []).append(i)
            self._groups = groups
        return self._groups.get(row, [])

    def of(self, row: int) -> list[tuple[int, str, str]]:
        """``(rank, language, text)`` of *row*, or ``(0, "", value)`` for plain columns."""
        if not self.langs:
            return [(0, "", self.values[i]) for i in self.positions(row)]
        return [
            (self.ranks[i], (self.langs[i] or "").lower(), self.values[i])
            for i in self.positions(row)
        ]


class Links:
    """Every link from a subject to an IRI or blank node that the columns do not keep
    (relations, hierarchy and schema links), as three arrays of interned numbers.

    The tree's roots and children are answered from them without the store (~3 MB
    of arrays at 1M triples). A blank node is kept as ``_:`` + its id in this parse:
    it makes links count (as in the store) but is never part of an answer.
    """

    __slots__ = ("names", "node_ids", "objects", "predicate_ids", "predicates", "subjects")

    def __init__(self) -> None:
        self.node_ids: dict[str, int] = {}
        self.names: list[str] = []
        #: Every predicate outside the columns, whatever its objects (literals too).
        self.predicate_ids: dict[str, int] = {}
        self.subjects, self.predicates, self.objects = array("I"), array("I"), array("I")

    def number(self, name: str) -> int:
        """*name*'s number, given on first sight."""
        n = self.node_ids.get(name)
        if n is None:
            n = self.node_ids[name] = len(self.names)
            self.names.append(name)
        return n


@dataclass
class Scan:
    """What one pass over the file keeps, column by column (no per-subject objects).

    ``ids`` numbers the IRI subjects in file order; ``columns[k]`` holds the types,
    labels, aliases, hidden labels or descriptions, each value with its row.
    """

    ids: dict[str, int] = field(default_factory=dict)
    columns: list[Column] = field(default_factory=lambda: [Column() for _ in range(5)])
    meta: set[str] = field(default_factory=set)
    prefixes: dict[str, str] = field(default_factory=dict)
    triples: int = 0
    #: Links between IRIs per IRI, both directions (no types or bookkeeping): the
    #: degree ranking of the whole-graph view, counted during the pass that reads it.
    degree: dict[str, int] = field(default_factory=dict)
    #: The links themselves (the tree's roots and children before the store is there);
    #: None when the scan counted no degrees, or was read back from the cache.
    links: Links | None = None

    def __getstate__(self) -> dict:
        """The cache keeps the columns, not the links: its entry has the roots and their
        children, and its store is there at once."""
        return {**self.__dict__, "links": None}

    def of(self, iri: str, column: int) -> list[tuple[int, str, str]]:
        row = self.ids.get(iri)
        return self.columns[column].of(row) if row is not None else []


@contextmanager
def no_gc():
    """Pause the cyclic GC while millions of long-lived objects are made (~25% faster);
    they are then frozen out of later collections, which would otherwise stall searches."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was:
            gc.enable()


def _kinds() -> dict[str, tuple[int, int]]:
    kinds: dict[str, tuple[int, int]] = {}
    for rank, p in enumerate(fx.LABELS):
        kinds[p] = (LABELS, rank)
    for rank, p in enumerate(fx.ALIASES):
        kinds[p] = (ALIASES, rank)
    for p in fx.HIDDEN:
        kinds[p] = (HIDDEN, 0)
    for rank, p in enumerate(fx.DESCRIPTIONS):
        kinds[p] = (DESCRIPTIONS, rank)
    kinds[fx.TYPE] = (TYPES, 0)
    for p in fx.META_MARKERS:
        kinds[p] = (META, 0)
    return kinds


def scan(data: bytes, fmt: str, *, source: str, base_iri: str | None, degrees: bool = True) -> Scan:
    """One pass: labels, aliases, descriptions and types (LoadError with line/column).

    With *degrees* it also keeps the links between terms (:class:`Links`: the tree
    without the store) and counts every IRI's links (the whole view's ranking); a
    one-off search passes False and keeps neither the time nor the memory (a string
    key per IRI: ~0.4 GB at 10M triples).
    """
    out = Scan()
    kinds = _kinds().get
    named, literal, blank = ox.NamedNode, ox.Literal, ox.BlankNode
    ids, meta, columns = out.ids, out.meta, out.columns
    links = out.links = Links() if degrees else None
    if links is not None:
        node_ids, names, predicate_ids = links.node_ids, links.names, links.predicate_ids
        subjects, predicates, objects = links.subjects, links.predicates, links.objects
    counts: list[int] = []  # links between IRIs, per node number (no bookkeeping)
    skip = fx.META_PREDICATES
    count = 0
    try:
        parser = ox.parse(data, _OX_FORMATS[fmt], base_iri=base_iri)
        for q in parser:
            count += 1
            p = q.predicate.value
            kind = kinds(p)
            if kind is None:
                if links is None:
                    continue
                pn = predicate_ids.get(p)
                if pn is None:
                    pn = predicate_ids[p] = len(predicate_ids)
                o, s = q.object, q.subject
                to, ts = type(o), type(s)
                if (to is not named and to is not blank) or (ts is not named and ts is not blank):
                    continue
                sv = s.value if ts is named else "_:" + s.value
                ov = o.value if to is named else "_:" + o.value
                a = node_ids.get(sv)
                if a is None:
                    a = node_ids[sv] = len(names)
                    names.append(sv)
                    counts.append(0)
                b = node_ids.get(ov)
                if b is None:
                    b = node_ids[ov] = len(names)
                    names.append(ov)
                    counts.append(0)
                subjects.append(a)
                predicates.append(pn)
                objects.append(b)
                if to is named and ts is named and p not in skip:
                    counts[a] += 1
                    counts[b] += 1
                continue
            s = q.subject
            if type(s) is not named:  # blank-node ids differ between two parses
                continue
            sid = s.value
            k, rank = kind
            if k == META:
                meta.add(sid)
                continue
            n = ids.get(sid)
            if n is None:
                n = ids[sid] = len(ids)
            o = q.object
            col = columns[k]
            if k == TYPES:
                if type(o) is named:
                    t = o.value
                    col.values.append(t)
                    col.rows.append(n)
                    if t in fx.META_TYPES:
                        meta.add(sid)
                continue
            if type(o) is not literal:
                continue
            col.values.append(o.value)
            col.rows.append(n)
            if k != HIDDEN:
                col.langs.append(o.language)
                col.ranks.append(rank)
        out.prefixes = dict(getattr(parser, "prefixes", {}) or {})
    except SyntaxError as exc:
        raise _syntax_error(exc, fmt, source) from None
    except (ValueError, OSError) as exc:
        raise LoadError(f"{fmt}: {exc}", source=source) from None
    out.triples = count
    if links is not None:
        out.degree = {name: n for name, n in zip(links.names, counts, strict=True) if n}
    return out


class StoreLoader:
    """Loads the file into an in-memory ``pyoxigraph.Store`` on a daemon thread.

    It reads the file by path: given ``bytes``, pyoxigraph holds the GIL while it
    loads (measured: the scan then takes twice as long); given a path it does not.
    """

    def __init__(
        self, path: str, fmt: str, *, source: str, base_iri: str | None, start: bool = True
    ) -> None:
        self._path = path
        self._fmt, self._source, self._base = fmt, source, base_iri
        self.fmt, self.base_iri = fmt, base_iri
        self._store: ox.Store | None = None
        self._error: LoadError | None = None
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, name="store-loader", daemon=True)
        self._lock = threading.Lock()
        self._started = False
        if start:
            self.start()

    def start(self) -> None:
        """Begin loading (once); :meth:`store` starts it too when nobody did."""
        with self._lock:
            if not self._started:
                self._started = True
                self._thread.start()

    def _run(self) -> None:
        try:  # yield the CPU to the scan that the user is waiting for (Linux: per thread)
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
        except (AttributeError, OSError):
            pass
        try:
            store = ox.Store()
            store.load(
                path=self._path, format=_OX_FORMATS[self._fmt], base_iri=self._base, lenient=True
            )
            self._store = store
        except SyntaxError as exc:
            self._error = _syntax_error(exc, self._fmt, self._source)
        except (ValueError, OSError, MemoryError) as exc:
            self._error = LoadError(f"the store could not be built ({exc})", source=self._source)
        finally:
            self._done.set()

    @property
    def ready(self) -> bool:
        return self._done.is_set()

    def store(self) -> ox.Store:
        """The loaded store, waiting for it if needed (LoadError if loading failed)."""
        self.start()
        self._done.wait()
        if self._error is not None:
            raise self._error
        assert self._store is not None
        return self._store
