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
from contextlib import contextmanager
from dataclasses import dataclass, field

import pyoxigraph as ox

from ..errors import LoadError
from ..rdf_io import _OX_FORMATS, _syntax_error
from . import facts as fx

_TYPE, _LABEL, _ALIAS, _HIDDEN, _DESCRIPTION, _META = range(6)


#: Slots of a scan record: types, labels, aliases, hidden labels, descriptions.
TYPES, LABELS, ALIASES, HIDDEN, DESCRIPTIONS = range(5)


@dataclass
class Scan:
    """What one pass over the file keeps, per IRI subject, in file order.

    ``records[ids[iri]]`` is ``[types, labels, aliases, hidden, descriptions]``,
    each ``None`` or a list; labels, aliases and descriptions hold
    ``(predicate rank, language, text)``.
    """

    ids: dict[str, int] = field(default_factory=dict)
    records: list[list] = field(default_factory=list)
    meta: set[str] = field(default_factory=set)
    #: search columns, ``(texts, record numbers)``: labels, aliases + hidden, descriptions
    columns: tuple[tuple[list[str], list[int]], ...] = field(
        default_factory=lambda: (([], []), ([], []), ([], []))
    )
    prefixes: dict[str, str] = field(default_factory=dict)
    triples: int = 0

    def get(self, iri: str, slot: int) -> list:
        n = self.ids.get(iri)
        return (self.records[n][slot] or []) if n is not None else []


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
        kinds[p] = (_LABEL, rank)
    for rank, p in enumerate(fx.ALIASES):
        kinds[p] = (_ALIAS, rank)
    for p in fx.HIDDEN:
        kinds[p] = (_HIDDEN, 0)
    for rank, p in enumerate(fx.DESCRIPTIONS):
        kinds[p] = (_DESCRIPTION, rank)
    kinds[fx.TYPE] = (_TYPE, 0)
    for p in fx.META_MARKERS:
        kinds[p] = (_META, 0)
    return kinds


def scan(data: bytes, fmt: str, *, source: str, base_iri: str | None) -> Scan:
    """One pass: labels, aliases, descriptions and types (LoadError with line/column)."""
    out = Scan()
    kinds = _kinds().get
    langs: dict[str, str] = {}
    named, literal = ox.NamedNode, ox.Literal
    ids, records, meta = out.ids, out.records, out.meta
    col = {
        _LABEL: out.columns[0],
        _ALIAS: out.columns[1],
        _HIDDEN: out.columns[1],
        _DESCRIPTION: out.columns[2],
    }
    count = 0
    try:
        parser = ox.parse(data, _OX_FORMATS[fmt], base_iri=base_iri)
        for q in parser:
            count += 1
            kind = kinds(q.predicate.value)
            if kind is None:
                continue
            s = q.subject
            if type(s) is not named:  # blank-node ids differ between two parses
                continue
            sid, o = s.value, q.object
            k, rank = kind
            if k == _META:
                meta.add(sid)
                continue
            n = ids.get(sid)
            if n is None:
                n = ids[sid] = len(records)
                records.append([None, None, None, None, None])
            rec = records[n]
            if k == _TYPE:
                if type(o) is named:
                    t = o.value
                    if rec[TYPES] is None:
                        rec[TYPES] = [t]
                    else:
                        rec[TYPES].append(t)
                    if t in fx.META_TYPES:
                        meta.add(sid)
                continue
            if type(o) is not literal:
                continue
            lang = o.language or ""
            lang = langs.setdefault(lang, lang.lower())
            text = o.value
            value = text if k == _HIDDEN else (rank, lang, text)
            if rec[k] is None:
                rec[k] = [value]
            else:
                rec[k].append(value)
            texts, rows = col[k]
            texts.append(text)
            rows.append(n)
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

    def __init__(self, path: str, fmt: str, *, source: str, base_iri: str | None) -> None:
        self._path = path
        self._fmt, self._source, self._base = fmt, source, base_iri
        self._store: ox.Store | None = None
        self._error: LoadError | None = None
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, name="store-loader", daemon=True)
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
        self._done.wait()
        if self._error is not None:
            raise self._error
        assert self._store is not None
        return self._store
