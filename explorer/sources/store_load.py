"""Opening a large RDF file: one parse that keeps every triple, compactly.

The scan sees every triple once and keeps all of them, as numbers in arrays: one
numbering of terms (IRIs and blank nodes), the labels, aliases, descriptions and
types column by column (what search and entity cards read), every link between
terms (``Links``) and every other literal fact (``Literals``). A store-backed graph
answers relations, evidence, hierarchy and figures from these tables, so no
pyoxigraph store is built for the first window, nor kept in the app's memory; the
store (``StoreLoader``) is loaded only for what needs SPARQL or rdflib. A one-off
search scans *lean* (labels and types only) and, if ever asked more, loads the store.
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
from itertools import compress, islice
from operator import le

import pyoxigraph as ox

from ..errors import LoadError
from ..rdf_io import _OX_FORMATS, _syntax_error
from . import facts as fx

#: Column numbers: what each scanned predicate feeds (META marks bookkeeping subjects).
TYPES, LABELS, ALIASES, HIDDEN, DESCRIPTIONS, META = range(6)
#: The predicates of each literal column, by rank.
COLUMN_PREDICATES = {
    LABELS: fx.LABELS,
    ALIASES: fx.ALIASES,
    HIDDEN: fx.HIDDEN,
    DESCRIPTIONS: fx.DESCRIPTIONS,
}
_NONE = 0xFFFFFFFF
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


class RowIndex:
    """Where each row's entries are in a table of rows (subject or object numbers).

    Rows that never go back (a subject's triples written together) are found by binary
    search; otherwise one chain per row is threaded through two arrays, once, on the
    first question (no per-row Python objects: ~0.1 s per million entries).
    """

    __slots__ = ("_head", "_next", "_rows", "_sorted")

    def __init__(self, rows: array) -> None:
        self._rows = rows
        self._sorted: bool | None = None
        self._head: array | None = None
        self._next: array | None = None

    def __getstate__(self) -> dict:
        return {
            "_rows": self._rows,
            "_sorted": self._sorted,
            "_head": self._head,
            "_next": self._next,
        }

    def __setstate__(self, state: dict) -> None:
        for k, v in state.items():
            setattr(self, k, v)

    def positions(self, row: int) -> Sequence[int]:
        """The entries of *row*, in file order."""
        rows = self._rows
        if self._sorted is None:
            self._sorted = all(map(le, rows, islice(rows, 1, None)))
        if self._sorted:
            lo = bisect_left(rows, row)
            return range(lo, bisect_right(rows, row, lo))
        head, nxt = self._head, self._next
        if head is None or nxt is None:
            head, nxt = self._thread()
        if row >= len(head):
            return ()
        out: list[int] = []
        i = head[row]
        while i != _NONE:
            out.append(i)
            i = nxt[i]
        out.reverse()
        return out

    def _thread(self) -> tuple[array, array]:
        rows = self._rows
        head = array("I", [_NONE]) * (max(rows) + 1 if rows else 0)
        nxt = array("I", bytes(4 * len(rows)))
        for i, r in enumerate(rows):
            nxt[i] = head[r]
            head[r] = i
        self._head, self._next = head, nxt
        return head, nxt


class Column:
    """Values of one kind, with the row (subject number) of each; literal columns also
    keep each value's kind (language and datatype, a number into ``Scan.kinds``) and
    predicate rank (its place in ``COLUMN_PREDICATES``: the preference order)."""

    __slots__ = ("by_row", "kinds", "ranks", "rows", "values")

    def __init__(self) -> None:
        self.values: list[str] = []
        self.rows = array("I")
        self.kinds = array("H")
        self.ranks = array("B")
        self.by_row = RowIndex(self.rows)

    def positions(self, row: int) -> Sequence[int]:
        """Where *row*'s values are."""
        return self.by_row.positions(row)


class Links:
    """Every triple whose object is an IRI or a blank node (relations, types, hierarchy,
    schema links), as three arrays of term numbers, found by subject or by object."""

    __slots__ = ("by_object", "by_subject", "objects", "predicates", "subjects")

    def __init__(self) -> None:
        self.subjects, self.predicates, self.objects = array("I"), array("I"), array("I")
        self.by_subject = RowIndex(self.subjects)
        self.by_object = RowIndex(self.objects)

    def with_predicate(self, predicate: int) -> list[int]:
        """Positions of the links of one predicate (a C-level pass over the array)."""
        return list(compress(range(len(self.predicates)), map(predicate.__eq__, self.predicates)))


class Literals:
    """The literal facts the columns do not keep (evidence quotes, figures, dates, any
    attribute): value, subject row, predicate number and kind of each."""

    __slots__ = ("by_row", "kinds", "predicates", "rows", "values")

    def __init__(self) -> None:
        self.values: list[str] = []
        self.rows, self.predicates, self.kinds = array("I"), array("I"), array("H")
        self.by_row = RowIndex(self.rows)


@dataclass
class Scan:
    """What one pass over the file keeps, as arrays of numbers (no per-subject objects).

    ``ids`` numbers every IRI and blank node (``"_:"`` + its id in this parse) in the
    order first seen, ``names`` is the reverse; ``columns[k]`` holds the types, labels,
    aliases, hidden labels or descriptions, each value with its row. A *lean* scan (a
    one-off search) keeps only the columns of IRI subjects: no links, no literals.
    """

    ids: dict[str, int] = field(default_factory=dict)
    names: list[str] = field(default_factory=list)
    columns: list[Column] = field(default_factory=lambda: [Column() for _ in range(5)])
    #: ``(language, datatype)`` of the literals, numbered (``Column.kinds``).
    kinds: list[tuple[str, str]] = field(default_factory=list)
    meta: set[int] = field(default_factory=set)
    #: The subjects of column values (types, labels...), in the order first seen as such:
    #: the order of entities and of search's ties, as when only they were numbered.
    order: array = field(default_factory=lambda: array("I"))
    prefixes: dict[str, str] = field(default_factory=dict)
    triples: int = 0
    #: Links between IRIs per term, both directions (no types or bookkeeping): the
    #: degree ranking of the whole-graph view. Empty in a lean scan.
    degree: array = field(default_factory=lambda: array("I"))
    links: Links | None = None
    literals: Literals | None = None

    @property
    def complete(self) -> bool:
        """Whether every triple was kept (else the store answers what the columns do not)."""
        return self.links is not None

    def of(self, iri: str, column: int) -> list[tuple[int, str, str]]:
        """``(rank, language, text)`` of *iri*'s values in a column (rank 0 and no
        language for types)."""
        row = self.ids.get(iri)
        if row is None:
            return []
        col = self.columns[column]
        if column == TYPES:
            return [(0, "", col.values[i]) for i in col.positions(row)]
        kinds = self.kinds
        return [
            (col.ranks[i], kinds[col.kinds[i]][0].lower(), col.values[i])
            for i in col.positions(row)
        ]


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
    for k, predicates in COLUMN_PREDICATES.items():
        for rank, p in enumerate(predicates):
            kinds[p] = (k, rank)
    kinds[fx.TYPE] = (TYPES, 0)
    for p in fx.META_MARKERS:
        kinds[p] = (META, 0)
    return kinds


def scan(data: bytes, fmt: str, *, source: str, base_iri: str | None, degrees: bool = True) -> Scan:
    """One pass over the file (LoadError with line/column).

    With *degrees* every triple is kept (columns, :class:`Links`, :class:`Literals`) and
    every IRI's links are counted (the whole view's ranking). A one-off search passes
    False: only the columns of IRI subjects are kept, which is all search reads.
    """
    out = Scan()
    full = degrees
    kind_of = _kinds().get
    named, literal, blank = ox.NamedNode, ox.Literal, ox.BlankNode
    ids, names, meta, columns, kinds = out.ids, out.names, out.meta, out.columns, out.kinds
    links = out.links = Links() if full else None
    rest = out.literals = Literals() if full else None
    if links is not None and rest is not None:
        subjects, predicates, objects = links.subjects, links.predicates, links.objects
        rest_values, rest_rows, rest_preds = rest.values, rest.rows, rest.predicates
    counts, order = out.degree, out.order
    ranked = bytearray()  # 1 per term in ``order``
    by_lang: dict[str, int] = {}
    by_datatype: dict[str, int] = {}
    skip = fx.META_PREDICATES
    meta_types = fx.META_TYPES
    type_column = columns[TYPES]
    count = 0
    try:
        parser = ox.parse(data, _OX_FORMATS[fmt], base_iri=base_iri)
        for q in parser:
            count += 1
            p = q.predicate.value
            kind = kind_of(p)
            s = q.subject
            ts = type(s)
            if ts is named:
                sv = s.value
            elif ts is blank and full:  # one parse: the same blank node is the same id
                sv = "_:" + s.value
            else:  # a lean scan's blank node would not match the store's; a triple term
                continue
            a = ids.get(sv)
            if a is None:
                if not full and kind is None:
                    continue
                a = ids[sv] = len(names)
                names.append(sv)
                ranked.append(0)
                if full:
                    counts.append(0)
            if kind is not None and not ranked[a] and kind[0] != META:
                ranked[a] = 1
                order.append(a)
            o = q.object
            to = type(o)
            if to is literal:
                if kind is not None and kind[0] not in (TYPES, META):
                    col = columns[kind[0]]
                    col.rows.append(a)
                    col.ranks.append(kind[1])
                    target = col.values
                else:
                    if kind is not None and kind[0] == META:
                        meta.add(a)
                    if not full:
                        continue
                    pn = ids.get(p)
                    if pn is None:
                        pn = ids[p] = len(names)
                        names.append(p)
                        ranked.append(0)
                        counts.append(0)
                    rest_rows.append(a)
                    rest_preds.append(pn)
                    target = rest_values
                    col = rest
                lang = o.language
                if lang:
                    k = by_lang.get(lang)
                    if k is None:
                        k = by_lang[lang] = len(kinds)
                        kinds.append((lang, _LANG_STRING))
                else:
                    dt = o.datatype.value
                    k = by_datatype.get(dt)
                    if k is None:
                        k = by_datatype[dt] = len(kinds)
                        kinds.append(("", dt))
                col.kinds.append(k)
                target.append(o.value)
                continue
            if not full:
                if kind is not None and kind[0] == TYPES and to is named:
                    t = o.value
                    type_column.values.append(t)
                    type_column.rows.append(a)
                    if t in meta_types:
                        meta.add(a)
                elif kind is not None and kind[0] == META:
                    meta.add(a)
                continue
            if to is named:
                ov = o.value
            elif to is blank:
                ov = "_:" + o.value
            else:  # a triple term (RDF 1.2): not kept
                continue
            b = ids.get(ov)
            if b is None:
                b = ids[ov] = len(names)
                names.append(ov)
                ranked.append(0)
                counts.append(0)
            pn = ids.get(p)
            if pn is None:
                pn = ids[p] = len(names)
                names.append(p)
                ranked.append(0)
                counts.append(0)
            subjects.append(a)
            predicates.append(pn)
            objects.append(b)
            if kind is None:
                if to is named and ts is named and p not in skip:
                    counts[a] += 1
                    counts[b] += 1
            elif kind[0] == TYPES:
                if to is named:
                    type_column.values.append(names[b])
                    type_column.rows.append(a)
                    if ov in meta_types:
                        meta.add(a)
            elif kind[0] == META:
                meta.add(a)
        out.prefixes = dict(getattr(parser, "prefixes", {}) or {})
    except SyntaxError as exc:
        raise _syntax_error(exc, fmt, source) from None
    except (ValueError, OSError) as exc:
        raise LoadError(f"{fmt}: {exc}", source=source) from None
    out.triples = count
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
