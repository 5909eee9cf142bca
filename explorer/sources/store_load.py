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
import threading
from array import array
from bisect import bisect_left, bisect_right
from collections import deque
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import compress, islice
from operator import le

import pyoxigraph as ox

from ..errors import LoadError, OpenCancelled
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
#: The scan asks whether it was cancelled once per this many new terms (~0.1 s of work).
CANCEL_EVERY = 1 << 15
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


class RowIndex:
    """Where each row's entries are in a table of rows (subject or object numbers).

    Built once, on the first question, from the array alone (no per-row Python objects):
    rows that never go back are found by binary search; rows whose entries sit together
    (a subject's triples written together, as Turtle writers do) by their first
    position, found from where runs of equal rows start (C-level passes: ~45 ms for the
    half million labels of a 1M-triple file); otherwise one chain per row is threaded
    through two arrays (a Python pass: ~55 ms for its half million links' objects).
    """

    __slots__ = ("_first", "_next", "_rows", "_sorted")

    def __init__(self, rows: array) -> None:
        self._rows = rows
        self._sorted: bool | None = None
        self._first: array | None = None  # per row: its first entry (grouped) or last (threaded)
        self._next: array | None = None  # threaded only: the previous entry of the same row

    def __getstate__(self) -> dict:
        return {k: getattr(self, k) for k in self.__slots__}

    def __setstate__(self, state: dict) -> None:
        for k, v in state.items():
            setattr(self, k, v)

    def build(self) -> None:
        """Make the index now (a worker, before the GUI thread asks)."""
        rows = self._rows
        if self._sorted is None:
            self._sorted = all(map(le, rows, islice(rows, 1, None)))
        if self._sorted or self._first is not None:
            return
        size = max(rows) + 1
        starts = _run_starts(rows)
        runs = starts.count(1)
        first = array("I", [_NONE]) * size
        if runs <= size:  # else some row has two runs: not grouped
            heads = compress(rows, starts)
            deque(map(first.__setitem__, heads, compress(range(len(rows)), starts)), maxlen=0)
            if runs == size - first.count(_NONE):  # every row's entries together
                self._first = first
                return
            first[:] = array("I", [_NONE]) * size
        nxt = array("I", bytes(4 * len(rows)))
        last = first  # per row, its latest entry so far
        for i, r in enumerate(rows):
            nxt[i] = last[r]
            last[r] = i
        self._next = nxt  # before _first: a reader on another thread that sees _first
        self._first = last  # must see the chains too, not take them for runs

    def built(self) -> tuple | None:
        """What :meth:`build` made (None before): handed to :meth:`adopt` of the same
        index in another process (``StoreGraph.prepare_for_window``)."""
        if self._sorted is None:
            return None
        return self._sorted, self._first, self._next

    def adopt(self, built: tuple | None) -> None:
        """Take what another process's :meth:`build` of the same rows made."""
        if built is None or self._sorted is not None:
            return
        self._next = built[2]  # before _first, as in build()
        self._first = built[1]
        self._sorted = built[0]

    def positions(self, row: int) -> Sequence[int]:
        """The entries of *row*, in file order."""
        rows = self._rows
        if self._sorted is None or (not self._sorted and self._first is None):
            self.build()
        if self._sorted:
            lo = bisect_left(rows, row)
            return range(lo, bisect_right(rows, row, lo))
        first, nxt = self._first, self._next
        assert first is not None
        if row >= len(first) or first[row] == _NONE:
            return ()
        i = first[row]
        if nxt is None:  # grouped: from the first entry while the row lasts
            end, size = i + 1, len(rows)
            while end < size and rows[end] == row:
                end += 1
            return range(i, end)
        out: list[int] = []
        while i != _NONE:
            out.append(i)
            i = nxt[i]
        out.reverse()
        return out


def _run_starts(rows: array) -> bytes:
    """One byte per entry, 1 where its row is not the previous entry's."""
    raw, step = rows.tobytes(), rows.itemsize
    return b"\x01" + entries_differ(raw[step:], raw[:-step], step) if raw else b""


def entries_differ(a: bytes, b: bytes, step: int) -> bytes:
    """One byte per *step*-byte entry of two same-sized byte strings, 1 where they differ:
    their XOR as big integers, each entry's bytes folded onto its first (a few C-level
    passes, milliseconds per million entries: no Python step per entry)."""
    x = int.from_bytes(a, "little") ^ int.from_bytes(b, "little")
    shift = step
    while shift > 1:
        shift //= 2
        x |= x >> (8 * shift)
    return x.to_bytes(len(a), "little")[::step].translate(_NONZERO)


#: bytes.translate table: 0 -> 0, anything else -> 1
_NONZERO = bytes(1) + bytes([1]) * 255


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


def scan(
    data: bytes,
    fmt: str,
    *,
    source: str,
    base_iri: str | None,
    degrees: bool = True,
    cancelled: Callable[[], bool] | None = None,
) -> Scan:
    """One pass over the file (LoadError with line/column).

    With *degrees* every triple is kept (columns, :class:`Links`, :class:`Literals`) and
    every IRI's links are counted (the whole view's ranking). A one-off search passes
    False: only the columns of IRI subjects are kept, which is all search reads.
    *cancelled* is asked at every ``CANCEL_EVERY``-th new subject or object
    (``OpenCancelled``), so nothing is asked per triple.
    """
    return scan_piece(
        data, fmt, source=source, base_iri=base_iri, degrees=degrees, cancelled=cancelled
    )[0]


def scan_piece(
    data: bytes,
    fmt: str,
    *,
    source: str,
    base_iri: str | None,
    degrees: bool = True,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[Scan, str | None]:
    """:func:`scan`, and the base IRI in force where *data* ends (with ``Scan.prefixes``,
    what a piece of the file cut there must start with: ``scan_parts``)."""
    out = Scan()
    try:
        parser = ox.parse(data, _OX_FORMATS[fmt], base_iri=base_iri)
        read = _read_all if degrees else _read_columns
        out.triples = read(parser, out, cancelled or _never)
        out.prefixes = dict(getattr(parser, "prefixes", {}) or {})
        base = getattr(parser, "base_iri", None)
    except SyntaxError as exc:
        raise _syntax_error(exc, fmt, source) from None
    except (ValueError, OSError) as exc:
        raise LoadError(f"{fmt}: {exc}", source=source) from None
    except OverflowError:  # the kind columns are 16-bit
        raise LoadError(
            "more than 65,535 distinct languages and datatypes of literals", source=source
        ) from None
    return out, base


def _never() -> bool:
    return False


def _sinks(out: Scan) -> dict[str, tuple]:
    """Per column predicate: the appenders of its column and its rank (bound once: the
    loop below runs once per triple)."""
    sinks = {}
    for k, predicates in COLUMN_PREDICATES.items():
        col = out.columns[k]
        for rank, p in enumerate(predicates):
            sinks[p] = (
                col.rows.append,
                col.ranks.append,
                col.kinds.append,
                col.values.append,
                rank,
            )
    return sinks


class _Kinds:
    """Numbers the ``(language, datatype)`` of literals (``Scan.kinds``)."""

    def __init__(self, kinds: list[tuple[str, str]]) -> None:
        self.kinds = kinds
        self.by_lang: dict[str, int] = {}
        self.by_datatype: dict[str, int] = {}

    def lang(self, lang: str) -> int:
        k = self.by_lang[lang] = len(self.kinds)
        self.kinds.append((lang, _LANG_STRING))
        return k

    def datatype(self, datatype: str) -> int:
        k = self.by_datatype[datatype] = len(self.kinds)
        self.kinds.append(("", datatype))
        return k


def _read_all(parser, out: Scan, cancelled: Callable[[], bool]) -> int:
    """Every triple into the tables; returns how many there were."""
    named, literal, blank = ox.NamedNode, ox.Literal, ox.BlankNode
    ids, names, meta, kinds = out.ids, out.names, out.meta, _Kinds(out.kinds)
    ids_get, add_name, add_meta = ids.get, names.append, meta.add
    column_of = _sinks(out).get
    links = out.links = Links()
    rest = out.literals = Literals()
    add_s, add_p, add_o = links.subjects.append, links.predicates.append, links.objects.append
    rest_row, rest_pred = rest.rows.append, rest.predicates.append
    rest_kind, rest_value = rest.kinds.append, rest.values.append
    counts, order = out.degree, out.order
    add_count, add_order = counts.append, order.append
    ranked = bytearray()  # 1 per term in ``order``
    add_rank = ranked.append
    by_lang, by_datatype = kinds.by_lang.get, kinds.by_datatype.get
    types = out.columns[TYPES]
    add_type, add_typed = types.values.append, types.rows.append
    skip, meta_types, markers = fx.META_PREDICATES, fx.META_TYPES, fx.META_MARKERS
    #: Predicates that are not plain links: 0 the type, 1 a column's, 2 a bookkeeping marker.
    special = {p: 1 for p in _sinks(out)} | {p: 2 for p in markers} | {fx.TYPE: 0}
    special_of = special.get
    count = 0
    last, a = None, 0  # a subject's triples come together (Turtle): looked up once
    for s, p, o, _g in parser:
        count += 1
        p = p.value
        ts = type(s)
        if ts is named:
            sv = s.value
        elif ts is blank:  # one parse: the same blank node is the same id everywhere
            sv = "_:" + s.value
        else:  # a triple term (RDF 1.2) as subject: not kept
            continue
        if sv != last:
            last = sv
            a = ids_get(sv)
            if a is None:
                a = ids[sv] = len(names)
                add_name(sv)
                add_rank(0)
                add_count(0)
                if not a % CANCEL_EVERY and cancelled():
                    raise OpenCancelled
        to = type(o)
        if to is literal:
            lang = o.language
            if lang:
                k = by_lang(lang)
                if k is None:
                    k = kinds.lang(lang)
            else:
                dt = o.datatype.value
                k = by_datatype(dt)
                if k is None:
                    k = kinds.datatype(dt)
            sink = column_of(p)
            if sink is not None:
                if not ranked[a]:
                    ranked[a] = 1
                    add_order(a)
                sink[0](a)
                sink[1](sink[4])
                sink[2](k)
                sink[3](o.value)
                continue
            if p in markers:
                add_meta(a)
            elif p == fx.TYPE and not ranked[a]:
                ranked[a] = 1
                add_order(a)
            pn = ids_get(p)
            if pn is None:
                pn = ids[p] = len(names)
                add_name(p)
                add_rank(0)
                add_count(0)
            rest_row(a)
            rest_pred(pn)
            rest_kind(k)
            rest_value(o.value)
            continue
        if to is named:
            ov = o.value
        elif to is blank:
            ov = "_:" + o.value
        else:  # a triple term (RDF 1.2) as object: not kept
            continue
        b = ids_get(ov)
        if b is None:
            b = ids[ov] = len(names)
            add_name(ov)
            add_rank(0)
            add_count(0)
            if not b % CANCEL_EVERY and cancelled():
                raise OpenCancelled
        pn = ids_get(p)
        if pn is None:
            pn = ids[p] = len(names)
            add_name(p)
            add_rank(0)
            add_count(0)
        add_s(a)
        add_p(pn)
        add_o(b)
        code = special_of(p)
        if code is None:
            if to is named and ts is named and p not in skip:
                counts[a] += 1
                counts[b] += 1
            continue
        if code == 2:
            add_meta(a)
            continue
        if not ranked[a]:
            ranked[a] = 1
            add_order(a)
        if code == 0 and to is named:
            add_type(names[b])
            add_typed(a)
            if ov in meta_types:
                add_meta(a)
    return count


def _read_columns(parser, out: Scan, cancelled: Callable[[], bool]) -> int:
    """A lean pass: the columns of IRI subjects only (a one-off search); how many triples."""
    named, literal = ox.NamedNode, ox.Literal
    ids, names, meta, kinds = out.ids, out.names, out.meta, _Kinds(out.kinds)
    add_name, add_order, add_meta = names.append, out.order.append, meta.add
    by_lang, by_datatype = kinds.by_lang.get, kinds.by_datatype.get
    types = out.columns[TYPES]
    add_type, add_typed = types.values.append, types.rows.append
    meta_types = fx.META_TYPES
    # what each kept predicate feeds: a column's appenders, or the type, or bookkeeping
    typed, marker = (), None
    wanted = _sinks(out) | {fx.TYPE: typed} | dict.fromkeys(fx.META_MARKERS, marker)
    kept = wanted.get
    count = 0
    last, a = None, 0  # a subject's triples come together (Turtle): numbered once
    for s, p, o, _g in parser:
        count += 1
        p = p.value
        sink = kept(p, p)
        if sink is p or type(s) is not named:  # another predicate; a blank node (its id
            continue  # would not match the store's)
        sv = s.value
        if sv != last:  # every subject numbered is in ``order`` (only subjects are)
            last = sv
            a = ids.get(sv)
            if a is None:
                a = ids[sv] = len(names)
                add_name(sv)
                add_order(a)
                if not a % CANCEL_EVERY and cancelled():
                    raise OpenCancelled
        if sink is marker:
            add_meta(a)
            continue
        to = type(o)
        if sink is typed:
            if to is named:
                t = o.value
                add_type(t)
                add_typed(a)
                if t in meta_types:
                    add_meta(a)
            continue
        if to is not literal:
            continue
        lang = o.language
        if lang:
            k = by_lang(lang)
            if k is None:
                k = kinds.lang(lang)
        else:
            dt = o.datatype.value
            k = by_datatype(dt)
            if k is None:
                k = kinds.datatype(dt)
        sink[0](a)
        sink[1](sink[4])
        sink[2](k)
        sink[3](o.value)
    return count


class StoreLoader:
    """Loads the file into an in-memory ``pyoxigraph.Store`` when first asked, in the
    asking thread (a worker: exports through rdflib, ``stats``, ``provenance check``).

    Only SPARQL and rdflib need it (a complete scan answers everything else), so it is
    never loaded at open. It reads the file by path, so pyoxigraph lets go of the GIL.
    """

    def __init__(self, path: str, fmt: str, *, source: str, base_iri: str | None) -> None:
        self._path, self._source = path, source
        self.fmt, self.base_iri = fmt, base_iri
        self._store: ox.Store | None = None
        self._error: LoadError | None = None
        self._lock = threading.Lock()
        self._started = False

    @property
    def started(self) -> bool:
        """Whether the store was ever asked for (then it is there, or failed, or loading)."""
        return self._started

    def store(self) -> ox.Store:
        """The loaded store, loading it the first time (LoadError if loading failed)."""
        with self._lock:  # a second asker waits for the first one's load
            if not self._started:
                self._started = True
                self._load()
        if self._error is not None:
            raise self._error
        assert self._store is not None
        return self._store

    def _load(self) -> None:
        try:
            store = ox.Store()
            store.load(
                path=self._path, format=_OX_FORMATS[self.fmt], base_iri=self.base_iri, lenient=True
            )
            self._store = store
        except SyntaxError as exc:
            self._error = _syntax_error(exc, self.fmt, self._source)
        except (ValueError, OSError, MemoryError) as exc:
            self._error = LoadError(f"the store could not be built ({exc})", source=self._source)
