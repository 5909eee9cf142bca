"""A large RDF file behind the ``GraphSource`` API, answered from the scan's tables.

Opening parses the file once (``store_load.scan``) and keeps every triple as
numbers in arrays: labels, types and other literals column by column, links
between terms, one numbering of terms. Entities, relations, evidence, figures and
the hierarchy are answered from these tables, per id, with no per-entity objects
made up front: no NetworkX or rdflib projection, and no pyoxigraph store either.
The store is loaded only for what needs SPARQL or rdflib (``rdf``, exports through
rdflib) and, after a *lean* scan (a one-off search keeps labels and types only),
for whatever the columns do not answer.
"""

from __future__ import annotations

import contextlib
import heapq
import logging
import time
from array import array
from collections import Counter, deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from functools import cached_property
from itertools import compress, repeat
from operator import gt
from pathlib import Path

import pyoxigraph as ox

from .. import labels as lab
from ..categories import ORGANIZATION_CLASSES, category_of
from ..errors import LoadError, OpenCancelled
from ..hierarchy import KINDS
from ..model import Edge, Lang, Node, pick_label
from ..organigram import organization_subclasses, same_language
from ..rdf_io import read_for_parsing
from ..search import Columns, SearchIndex
from ..vocab import ORG, RDFS
from . import facts as fx
from . import forked
from . import store_load as sl
from .facts import Facts, Lit
from .lazy import LazyGraph
from .scan_parts import cores_pay, scan_file
from .store_load import Scan, StoreLoader
from .tree import LazyHierarchy

log = logging.getLogger(__name__)

POST, ROLE, POST_IN, HAS_POST = (str(t) for t in (ORG.Post, ORG.role, ORG.postIn, ORG.hasPost))
SUB_CLASS_OF, SUB_PROPERTY_OF = str(RDFS.subClassOf), str(RDFS.subPropertyOf)

#: Look-ups stop after this many matches (a hub with 10^6 links is cut), as the store's.
MAX_MATCHES = 20_000
#: Up to this many entities the most connected ones are counted exactly.
EXACT_TOP = 20_000
_NOT = bytes([1]) + bytes(255)  # bytes.translate table: 0 -> 1, anything else -> 0


def _term(node_id: str):
    if node_id.startswith("_:"):
        return ox.BlankNode(node_id[2:])
    return ox.NamedNode(node_id)


def _value(term) -> object:
    if type(term) is ox.NamedNode:
        return term.value
    if type(term) is ox.BlankNode:
        return "_:" + term.value
    if type(term) is ox.Literal:
        return Lit(term.value, term.language or "", term.datatype.value)
    return str(term)


def _flags(size: int, *rows_of) -> bytearray:
    """One byte per term, 1 for the rows listed (a C-level pass per array)."""
    flags = bytearray(size)
    for rows in rows_of:
        deque(map(flags.__setitem__, rows, repeat(1)), maxlen=0)
    return flags


def _either(a: bytes, b: bytes) -> bytearray:
    """1 where either of two same-sized 0/1 flag strings has 1 (as big integers: ~1 ms
    for a million flags)."""
    both = int.from_bytes(a, "little") | int.from_bytes(b, "little")
    return bytearray(both.to_bytes(len(a), "little"))


def _where(table: array, values: frozenset[int]) -> bytes:
    """One byte per entry of *table*, 1 where it is one of *values* (C-level passes)."""
    raw, step = table.tobytes(), table.itemsize
    found = bytes(len(table))
    for value in values:
        pattern = value.to_bytes(step, "little") * len(table)
        found = _either(found, sl.entries_differ(raw, pattern, step).translate(_NOT))
    return bytes(found)


def _only(a: bytes, b: bytes) -> bytes:
    """1 where *a* has 1 and *b* has not (same-sized 0/1 flag strings)."""
    x, y = int.from_bytes(a, "little"), int.from_bytes(b, "little")
    return ((x | y) ^ y).to_bytes(len(a), "little")


class StoreGraph(LazyGraph):
    """Entities and relations of a large file, computed on demand; see :func:`open_store`."""

    #: Set when the graph was read back from the on-disk cache (nothing left to write).
    from_cache = False

    def __init__(self, loader: StoreLoader, found: Scan, *, source: str = "") -> None:
        super().__init__(source)
        self._loader = loader
        self._scan = found
        self.prefixes = found.prefixes
        cols, size = found.columns, len(found.names)
        #: 1 per typed term, per labelled term (search finds a typed, unlabelled one by name)
        self._typed, self._labelled = (
            _flags(size, cols[sl.TYPES].rows),
            _flags(size, cols[sl.LABELS].rows),
        )
        flags = _either(self._typed, self._labelled)
        for n in found.meta:
            flags[n] = 0
        #: 1 per entity (a labelled or typed subject that is not bookkeeping), by number.
        self._is_entity = flags
        #: Every entity is in ``Scan.order``, once: there are as many as flags set.
        self._entity_count = flags.count(1)
        self._top: dict[int, list[str]] = {}
        #: The tree's roots, sorted, once known (a cache entry, a child's answer).
        self._roots: list[str] | None = None
        #: Whether work is worth forking off (``scan_parts.cores_pay`` of the file).
        self.cores_pay = False
        self._term_label_cache: dict[str, tuple[tuple[str, str], ...]] = {}
        self._facts = _FactsOnDemand(self._fetch_one)

    @cached_property
    def _entity_ids(self) -> list[str]:
        """Every entity's id, in the order first seen (made when first asked: the first
        window never asks)."""
        order, flags = self._scan.order, self._is_entity
        return list(
            compress(map(self._scan.names.__getitem__, order), map(flags.__getitem__, order))
        )

    def prefetch(self, ids) -> None:
        """Nothing up front: the tables answer per id as fast as per batch, and the
        facts are fetched when first read (11k tree roots sorted by label read none)."""

    def _fetch_one(self, node_id: str) -> Facts:
        return self._fetch_out([node_id]).get(node_id, [])

    @property
    def scan(self) -> Scan:
        """What the one pass over the file kept (the cache stores it)."""
        return self._scan

    @property
    def store_format(self) -> str:
        return self._loader.fmt

    def _number(self, node_id: str) -> int | None:
        return self._scan.ids.get(node_id)

    def _entity(self, node_id: object) -> bool:
        n = self._scan.ids.get(node_id) if isinstance(node_id, str) else None
        return n is not None and bool(self._is_entity[n])

    # --- backend: the scan's tables, else pattern look-ups on the store --------------
    def store(self) -> ox.Store:
        """The pyoxigraph store, loaded the first time it is asked for (only SPARQL and
        rdflib need it; everything else is answered from the scan)."""
        return self._loader.store()

    def _match(self, s, p, o) -> Iterator:
        try:
            quads = self.store().quads_for_pattern(s, p, o, None)
        except (ValueError, OSError):
            return iter(())
        return (q for _n, q in zip(range(MAX_MATCHES), quads, strict=False))

    def _fetch_out(self, ids: list[str]) -> dict[str, Facts]:
        if self._scan.complete:
            return {i: self._facts_at(n) for i in ids if (n := self._number(i)) is not None}
        return self._fetch(
            ids,
            lambda t: ((q.predicate.value, _value(q.object)) for q in self._match(t, None, None)),
        )

    def _facts_at(self, n: int) -> Facts:
        """Every ``(predicate, object)`` of term *n*: links, column values, other literals."""
        sc = self._scan
        names, kinds = sc.names, sc.kinds
        links, rest = sc.links, sc.literals
        assert links is not None and rest is not None
        preds, objs = links.predicates, links.objects
        facts: Facts = [(names[preds[i]], names[objs[i]]) for i in links.by_subject.positions(n)]
        for k, predicates in sl.COLUMN_PREDICATES.items():
            col = sc.columns[k]
            for i in col.positions(n):
                facts.append((predicates[col.ranks[i]], Lit(col.values[i], *kinds[col.kinds[i]])))
        for i in rest.by_row.positions(n):
            facts.append((names[rest.predicates[i]], Lit(rest.values[i], *kinds[rest.kinds[i]])))
        return list(dict.fromkeys(facts))[:MAX_MATCHES]

    def _fetch_in(self, ids: list[str]) -> dict[str, list[tuple[str, str]]]:
        links = self._scan.links
        if links is not None:
            names, subs, preds = self._scan.names, links.subjects, links.predicates
            found: dict[str, list[tuple[str, str]]] = {}
            for i in ids:
                n = self._number(i)
                if n is not None:
                    at = links.by_object.positions(n)
                    pairs = ((names[subs[j]], names[preds[j]]) for j in at)
                    found[i] = list(dict.fromkeys(pairs))[:MAX_MATCHES]
            return found
        return self._fetch(
            ids,
            lambda t: ((_value(q.subject), q.predicate.value) for q in self._match(None, None, t)),
        )

    @staticmethod
    def _fetch(ids: list[str], pairs) -> dict[str, list]:
        """``pairs(term)`` for each id that is a valid term, duplicates dropped, order kept."""
        out: dict[str, list] = {}
        for i in ids:
            try:
                term = _term(i)
            except ValueError:
                continue
            out[i] = list(dict.fromkeys(pairs(term)))
        return out

    def _subjects(self, predicate: str, obj: str) -> list[str]:
        links = self._scan.links
        if links is not None:
            pn, on = self._number(predicate), self._number(obj)
            if pn is None or on is None:
                return []
            subs, preds, names = links.subjects, links.predicates, self._scan.names
            found = (names[subs[j]] for j in links.by_object.positions(on) if preds[j] == pn)
            return list(dict.fromkeys(found))[:MAX_MATCHES]
        try:
            p, o = ox.NamedNode(predicate), _term(obj)
        except ValueError:
            return []
        return list(dict.fromkeys(_value(q.subject) for q in self._match(None, p, o)))

    # --- fast paths from the scan's columns ---------------------------------------------
    def _scan_facts(self, node_id: str) -> Facts:
        get = self._scan.of
        row = self._number(node_id)
        facts: Facts = [(fx.TYPE, t) for t in self._types(row)] if row is not None else []
        for slot, preds in (
            (sl.LABELS, fx.LABELS),
            (sl.ALIASES, fx.ALIASES),
            (sl.DESCRIPTIONS, fx.DESCRIPTIONS),
        ):
            facts += [(preds[r], Lit(t, lg)) for r, lg, t in get(node_id, slot)]
        return facts

    def __contains__(self, node_id: object) -> bool:
        if self._entity(node_id):
            return True
        n = self._scan.ids.get(node_id) if isinstance(node_id, str) else None
        if n is not None and n in self._scan.meta:
            return False
        return super().__contains__(node_id)

    def node(self, node_id: str) -> Node:
        hit = self._nodes.get(node_id)
        if hit is None and self._entity(node_id):
            hit = fx.make_node(
                node_id, self._scan_facts(node_id), self.label_of, self.organization_classes
            )
            if not hit.labels and POST in hit.types and self._relations_known:
                hit = replace(hit, labels=self._post_names(node_id))
            self._nodes[node_id] = hit
        return hit if hit is not None else super().node(node_id)

    def _post_names(self, node_id: str) -> tuple[tuple[str, str], ...]:
        """A post without a label: "Role, Unit", per language of the unit's labels."""
        facts = self.facts(node_id)
        role = fx.first(facts, ROLE)
        unit = fx.first(facts, POST_IN)
        if unit is None:
            unit = next(iter(self._subjects(HAS_POST, node_id)), None)
        if not isinstance(unit, str):
            return ()
        role_pairs = self._term_labels(role) if isinstance(role, str) else ()
        role_fallback = lab.local_name(role if isinstance(role, str) else POST)
        unit_pairs = self.node(unit).labels if self._entity(unit) else ()
        unit_pairs = unit_pairs or (("", lab.local_name(unit)),)
        return tuple(
            (lang, f"{same_language(role_pairs, lang) or role_fallback}, {text}")
            for lang, text in unit_pairs
        )

    def label(self, node_id: str, lang: Lang = "zh") -> str:
        """An entity's label straight from the scan (sorting 11k tree roots by label
        then builds no ``Node``)."""
        hit = self._nodes.get(node_id)
        if hit is not None:
            return hit.label(lang)
        if self._entity(node_id):
            labels = self._scan_labels(node_id)
            if labels:  # a fallback is never picked from labels that are there
                return pick_label(labels, lang, "")
            return self.node(node_id).label(lang)  # a person by name parts, a post by role
        return super().label(node_id, lang)

    def label_each(self, ids: Sequence[str], lang: Lang = "zh") -> list[str]:
        """``label(i, lang)`` of each id, an entity's read straight off the label column
        in one loop (a large file's tree sorts its 11k roots by label as it opens)."""
        sc = self._scan
        number, entity, built = sc.ids.get, self._is_entity, self._nodes
        col = sc.columns[sl.LABELS]
        positions, values, clip = col.positions, col.values, lab.clip
        out: list[str] = []
        for i in ids:
            n = number(i)
            if n is not None and entity[n] and i not in built:
                at = positions(n)
                if len(at) == 1:  # the common case: one label, whatever its language
                    text = clip(values[at[0]])
                    if text:
                        out.append(text)
                        continue
                elif at:
                    labels = self._labels_at(at)
                    if labels:
                        out.append(pick_label(labels, lang, ""))
                        continue
            out.append(self.label(i, lang))
        return out

    def _scan_labels(self, node_id: str) -> tuple[tuple[str, str], ...]:
        """``fx.pairs(self._scan_label_facts(node_id), fx.LABELS)`` read straight off the
        column: the tree sorts ~50k children by label at 1M triples (5x faster)."""
        row = self._scan.ids.get(node_id)
        if row is None:
            return ()
        col = self._scan.columns[sl.LABELS]
        at = col.positions(row)
        if len(at) == 1:  # the common case: one label
            (i,) = at
            text = lab.clip(col.values[i])
            return ((self._kind_languages[col.kinds[i]], text),) if text else ()
        return self._labels_at(at)

    @cached_property
    def _kind_languages(self) -> list[str]:
        """The lower-case language of each kind of literal (``Scan.kinds``)."""
        return [lang.lower() for lang, _datatype in self._scan.kinds]

    def _labels_at(self, at: Sequence[int]) -> tuple[tuple[str, str], ...]:
        """``(language, text)`` of the label column's entries *at*, as ``fx.pairs``
        orders them."""
        col, langs, clip = self._scan.columns[sl.LABELS], self._kind_languages, lab.clip
        ranks, kinds, values = col.ranks, col.kinds, col.values
        out: list[tuple[str, str]] = []
        # predicate order, then (language, text)
        for _rank, lang, value in sorted([(ranks[i], langs[kinds[i]], values[i]) for i in at]):
            text = clip(value)
            if text and (lang, text) not in out:
                out.append((lang, text))
        return tuple(out)

    def _term_labels(self, iri: str) -> tuple[tuple[str, str], ...]:
        """A term's labels, kept once read (a view names the same few classes and
        predicates for each of its hundreds of nodes and edges)."""
        found = self._term_label_cache.get(iri)
        if found is None:
            if iri.startswith("_:") and not self._scan.complete:
                found = super()._term_labels(iri)
            else:
                found = fx.term_labels(iri, self._scan_label_facts(iri))
            self._term_label_cache[iri] = found
        return found

    def _scan_label_facts(self, iri: str) -> Facts:
        return [(fx.LABELS[r], Lit(t, lg)) for r, lg, t in self._scan.of(iri, sl.LABELS)]

    def hidden_labels(self, node_id: str) -> tuple[str, ...]:
        if self._entity(node_id):
            return tuple(dict.fromkeys(t for _r, _l, t in self._scan.of(node_id, sl.HIDDEN)))
        return super().hidden_labels(node_id)

    # --- the whole graph, never as Python objects ------------------------------------
    def __len__(self) -> int:
        return self._entity_count

    @cached_property
    def node_ids(self) -> frozenset[str]:  # type: ignore[override]
        return frozenset(self._entity_ids)

    def nodes(self) -> Sequence[Node]:
        """Every labelled or typed entity, built only when read."""
        return _NodeList(self, self._entity_ids)

    def edges(self) -> list[Edge]:
        """Relations among the first entities only: use views for anything larger."""
        return [e for nid in self._entity_ids[:1000] for e in self.out_edges(nid)]

    @property
    def triple_count(self) -> int:
        return self._scan.triples

    @cached_property
    def rdf(self):
        """The store as an rdflib graph (oxrdflib), for code that needs rdflib's API: the
        store is loaded then (seconds on a large file: ask off the GUI thread)."""
        from oxrdflib import OxigraphStore
        from rdflib import Dataset

        return Dataset(store=OxigraphStore(store=self.store()), default_union=True)

    def top_entities(self, n: int) -> list[str]:
        """The *n* most connected entities (cached; milliseconds from the scan's counts,
        seconds from the store after a lean scan: call it off the UI thread)."""
        if n not in self._top:
            biggest = max(self._top, default=0)
            if biggest >= n and self._scan.complete:  # one total order: (-degree, id)
                return self._top[biggest][:n]
            self._top[n] = self._count_top(n)
        return list(self._top[n])

    def _count_top(self, n: int) -> list[str]:
        """The *n* most connected entities: from the scan's link counts (no store needed,
        milliseconds), else counted by the store's SPARQL engine."""
        degree = self._scan.degree
        if not degree:
            return self._count_top_in_store(n)
        flags, names = self._is_entity, self._scan.names
        if n <= 0:
            return []
        counted = list(filter(None, compress(degree, flags)))
        if not counted:
            return []
        floor = heapq.nlargest(n, counted)[-1]  # the n-th largest count: candidates above
        del counted
        keep = bytes(map(floor.__le__, degree))
        ranked = [x for x in compress(range(len(degree)), keep) if flags[x]]
        ranked.sort(key=lambda x: (-degree[x], names[x]))
        return [names[x] for x in ranked[:n]]

    def _count_top_in_store(self, n: int) -> list[str]:
        """The *n* most connected entities, counted by the store's SPARQL engine.

        Exact on graphs of up to ``EXACT_TOP`` entities; above, the candidates are the
        top by out-degree and by in-degree (one ``GROUP BY`` each, ~1 s at 1M triples;
        the exact union query takes 4 s), ranked by their summed degree.
        """
        skip = ", ".join(f"<{p}>" for p in sorted(fx.META_PREDICATES))
        keep = f"FILTER(isIRI(?o) && isIRI(?x) && ?p NOT IN ({skip}))"
        limit = max(0, n) * 2 if len(self) <= EXACT_TOP else max(4 * n, 2000)
        tail = f"GROUP BY ?x ORDER BY DESC(?c) LIMIT {limit}"  # a tie-break on ?x costs 3x
        if len(self) <= EXACT_TOP:
            tail = tail.replace("DESC(?c)", "DESC(?c) ?x")
            query = (
                f"SELECT ?x (COUNT(*) AS ?c) WHERE {{ {{ ?x ?p ?o }} UNION {{ ?o ?p ?x }} {keep} }}"
            )
            found = [sol["x"].value for sol in self.store().query(f"{query} {tail}")]
            return [i for i in found if i in self][:n]
        counts: list[dict[str, int]] = []
        simple = f"FILTER(isIRI(?o) && ?p != <{fx.TYPE}>)"  # 2x faster than the full filter
        for pattern in ("?x ?p ?o", "?o ?p ?x"):
            query = f"SELECT ?x (COUNT(*) AS ?c) WHERE {{ {pattern} {simple} }} {tail}"
            rows = self.store().query(query)
            counts.append({r["x"].value: int(r["c"].value) for r in rows})
        _give_back_memory()
        out, into = counts
        score = {x: out.get(x, 0) + into.get(x, 0) for x in {*out, *into}}
        ranked = sorted(score, key=lambda x: (-score[x], x))
        return [i for i in ranked if i in self][:n]

    # --- search and hierarchy -----------------------------------------------------
    @cached_property
    def search_index(self) -> SearchIndex:
        """Built in one pass over the scanned labels (no ``Node`` objects)."""
        with sl.no_gc():
            index = SearchIndex.from_columns(
                self._search_columns(), display=lambda nid: self.label(nid, "both")
            )
        return index

    def _search_columns(self) -> Columns:
        """The index's input straight from the scan's columns (C-level passes where it can)."""
        sc = self._scan
        cols, names = sc.columns, sc.names
        types = cols[sl.TYPES]
        categories = [category_of(())] * len(names)
        texts, rows = cols[sl.LABELS].values, cols[sl.LABELS].rows  # read, never changed
        # one type each (the common case): its category, set in one C-level pass
        values, type_rows = types.values, types.rows
        one_type = {t: category_of((t,)) for t in set(values)}
        deque(map(categories.__setitem__, type_rows, map(one_type.__getitem__, values)), maxlen=0)
        if len(type_rows) > self._typed.count(1):  # some have several: from all of them
            counts = Counter(type_rows)
            for row in compress(counts, map(gt, counts.values(), repeat(1))):
                categories[row] = category_of(tuple(sorted(set(self._types(row)))))
        unlabelled = _only(self._typed, self._labelled)
        if 1 in unlabelled:  # typed, unlabelled: found by its name
            texts, rows = list(texts), array("I", rows)
            for row in compress(range(len(names)), unlabelled):
                texts.append(fx.fallback_name(names[row], tuple(sorted(set(self._types(row))))))
                rows.append(row)
        aliases, hidden, descriptions = cols[sl.ALIASES], cols[sl.HIDDEN], cols[sl.DESCRIPTIONS]
        alias_texts, alias_rows = aliases.values + hidden.values, aliases.rows + hidden.rows
        order = sc.order
        # every row that is no entity (bookkeeping, a subject with only an alias...): never
        # found, and its category never offered
        skip: frozenset[int] = frozenset()
        if self._entity_count < len(order):  # every entity is in ``order``
            not_entity = bytes(self._is_entity).translate(_NOT)
            skip = frozenset(compress(range(len(order)), map(not_entity.__getitem__, order)))
        if not sc.complete:  # a lean scan: only subjects numbered, in order
            return Columns(
                names,
                categories,
                (texts, rows),
                (alias_texts, alias_rows),
                (descriptions.values, descriptions.rows),
                skip,
            )
        # Rows in the order subjects were first seen (that of ties), as term numbers were
        # before every term was numbered.
        place = array("I", bytes(4 * len(names)))
        deque(map(place.__setitem__, order, range(len(order))), maxlen=0)

        def moved(column) -> array:
            return array("I", map(place.__getitem__, column))

        return Columns(
            list(map(names.__getitem__, order)),
            list(map(categories.__getitem__, order)),
            (texts, moved(rows)),
            (alias_texts, moved(alias_rows)),
            (descriptions.values, moved(descriptions.rows)),
            skip,
        )

    def _types(self, row: int) -> list[str]:
        """The classes of term *row*, in file order: from its links when the scan kept
        them (their index is made anyway; the type column's then never is)."""
        links, names = self._scan.links, self._scan.names
        if links is None:
            col = self._scan.columns[sl.TYPES]
            return [col.values[i] for i in col.positions(row)]
        if self._type_number is None:  # no term is ever typed
            return []
        is_type, objs = self._type_number.__eq__, links.objects
        kept = (
            names[objs[j]] for j in links.by_subject.positions(row) if is_type(links.predicates[j])
        )
        return [t for t in kept if not t.startswith("_:")]  # a blank node as class: not kept

    @cached_property
    def _type_number(self) -> int | None:
        return self._number(fx.TYPE)

    @cached_property
    def hierarchy(self) -> LazyHierarchy:
        """Walked on demand from the tables: 190k links are never all made objects."""
        return LazyHierarchy(self, roots=self._roots)

    def prepare_for_window(
        self, cancelled: Callable[[], bool] | None = None, *, in_child: bool | None = None
    ) -> None:
        """The search index, and the tree roots with the link and label indexes the
        tree and the opening view read: the roots found *in_child* (by default on a
        large graph where a core is free) while this process builds the index, and
        handed back as a list and arrays (OpenCancelled if *cancelled*). A child that
        fails leaves the roots to be found here when asked."""
        if in_child is None:
            in_child = self.cores_pay
        child = None
        if in_child and self._scan.complete and forked.available() and self._roots is None:
            with contextlib.suppress(OSError):  # no fork: the roots are found here
                child = forked.Child(_roots_and_indexes, self)
        try:
            began = time.monotonic()
            self.search_index  # noqa: B018 - built here, beside the child
            if child is None:
                return
            waited = forked.patience(time.monotonic() - began)
            found = child.result(cancelled, within=waited)
            if found is None:
                raise OpenCancelled
            roots, built = found
            for index, made in zip(self._row_indexes(), built, strict=True):
                index.adopt(made)
            if "hierarchy" not in self.__dict__:
                self._roots = roots
        except forked.Failed:
            log.info("%s: the tree roots are found in this process", self.source)
        finally:
            if child is not None:
                child.stop()

    def _row_indexes(self) -> list[sl.RowIndex]:
        """Every row index of the tables, in a fixed order (see :meth:`prepare_for_window`)."""
        found = self._scan
        indexes = [col.by_row for col in found.columns]
        if found.links is not None:
            indexes += [found.links.by_subject, found.links.by_object]
        if found.literals is not None:
            indexes.append(found.literals.by_row)
        return indexes

    @property
    def _relations_known(self) -> bool:
        """Whether relations can be read without building a store a one-off search did
        not ask for (the scan kept them, or the store is there or on its way)."""
        return self._scan.complete or self._loader.started

    @cached_property
    def organization_classes(self) -> frozenset[str]:
        """Classes declared ``rdfs:subClassOf*`` an ORG organization class. After a lean
        scan, without the store (a one-off search never builds it), only the ORG classes."""
        if self._scan.complete:
            return organization_subclasses(self._pairs_of(SUB_CLASS_OF))
        if not self._relations_known:
            return frozenset(ORGANIZATION_CLASSES)
        links = (
            (_value(q.subject), _value(q.object))
            for q in self.store().quads_for_pattern(None, ox.NamedNode(SUB_CLASS_OF), None)
        )
        return organization_subclasses(
            (sub, sup) for sub, sup in links if isinstance(sub, str) and isinstance(sup, str)
        )

    def _pairs_of(self, predicate: str) -> list[tuple[str, str]]:
        """``(subject, object)`` of every link of *predicate*, from the scan's links."""
        links, names = self._scan.links, self._scan.names
        pn = self._number(predicate)
        if links is None or pn is None:
            return []
        subs, objs = links.subjects, links.objects
        return [(names[subs[i]], names[objs[i]]) for i in links.with_predicate(pn)]

    @cached_property
    def _tree_predicate_names(self) -> tuple[list[str], list[str]]:
        """Upward and downward predicates of the first kind of tree the data has (the
        organization tree, else concepts, else classes), with declared sub-properties:
        read off the scan's links when it kept them, else asked of the store."""
        if self._scan.complete:
            declared = self._pairs_of(SUB_PROPERTY_OF)
            ids, links, rest = self._scan.ids, self._scan.links, self._scan.literals
            assert links is not None and rest is not None

            def present(p: str) -> bool:  # a C-level search, stopping at the first use
                n = ids.get(p)
                return n is not None and (n in links.predicates or n in rest.predicates)
        else:
            declared = [
                (q.subject.value, _value(q.object))
                for q in self._match(None, ox.NamedNode(SUB_PROPERTY_OF), None)
            ]

            def present(p: str) -> bool:
                return next(self._match(None, ox.NamedNode(p), None), None) is not None

        up: set[str] = set()
        down: set[str] = set()
        for ups, downs in KINDS.values():
            up, down = {str(p) for p in ups}, {str(p) for p in downs}
            for sub, sup in declared:
                if sup in up:
                    up.add(sub)
                elif sup in down:
                    down.add(sub)
            if any(present(p) for p in up | down):
                break
        return sorted(up), sorted(down)

    @cached_property
    def _tree_predicates(self) -> tuple[list[ox.NamedNode], list[ox.NamedNode]]:
        up, down = self._tree_predicate_names
        return [ox.NamedNode(p) for p in up], [ox.NamedNode(p) for p in down]

    @cached_property
    def _tree_numbers(self) -> tuple[frozenset[int], frozenset[int]]:
        """The tree predicates' term numbers, upward and downward."""
        ids = self._scan.ids
        up, down = self._tree_predicate_names
        return (
            frozenset(ids[p] for p in up if p in ids),
            frozenset(ids[p] for p in down if p in ids),
        )

    def tree_kin(self, ids: list[str], *, down: bool) -> dict[str, list[str]]:
        """Children (*down*) or parents of each id: child -up-> parent, parent -down-> child."""
        if self._scan.complete:
            return self._kin_from_links(ids, down=down)
        up, downward = self._tree_predicates
        found: dict[str, list[str]] = {}
        for i in ids:
            try:
                term = _term(i)
            except ValueError:
                continue
            kin = [
                _value(q.subject)
                for p in (up if down else downward)
                for q in self._match(None, p, term)
            ]
            kin += [
                _value(q.object)
                for p in (downward if down else up)
                for q in self._match(term, p, None)
            ]
            found[i] = [k for k in kin if isinstance(k, str) and not k.startswith("_:")]
        return found

    def _kin_from_links(self, ids: list[str], *, down: bool) -> dict[str, list[str]]:
        links, names = self._scan.links, self._scan.names
        assert links is not None
        subs, preds, objs = links.subjects, links.predicates, links.objects
        up, downward = self._tree_numbers
        # children: subjects of upward links to it, objects of its downward links;
        # parents: the other way round
        into, out_of = (up, downward) if down else (downward, up)
        found: dict[str, list[str]] = {}
        for i in ids:
            n = self._number(i)
            if n is None:
                try:  # as the store's answer: no entry for an id that is no term
                    _term(i)
                except ValueError:
                    continue
                found[i] = []
                continue
            kin = [subs[j] for j in links.by_object.positions(n) if preds[j] in into]
            kin += [objs[j] for j in links.by_subject.positions(n) if preds[j] in out_of]
            named = (names[k] for k in kin)
            found[i] = [k for k in named if not k.startswith("_:")][:MAX_MATCHES]
        return found

    def tree_roots(self) -> list[str]:
        """Entities with children and no parent: one pass over the hierarchy links (a
        SPARQL ``FILTER NOT EXISTS`` took time in the square of a parent's children);
        from the scan's links when it kept them, else from the store."""
        if self._scan.complete:
            return self._roots_from_links()
        up, down = self._tree_predicates
        store = self.store()
        parents: set[str] = set()
        children: set[str] = set()
        for pred, upward in [*((p, True) for p in up), *((p, False) for p in down)]:
            for q in store.quads_for_pattern(None, pred, None):
                a, b = _value(q.subject), _value(q.object)
                if isinstance(a, str) and isinstance(b, str):
                    child, parent = (a, b) if upward else (b, a)
                    children.add(child)
                    parents.add(parent)
        roots = [r for r in parents - children if not r.startswith("_:")]
        return sorted(roots)[:MAX_MATCHES]

    def _roots_from_links(self) -> list[str]:
        """Entities with children and no parent, marked from the link arrays in C-level
        passes (one per hierarchy predicate the file uses: no Python step per link)."""
        links, names = self._scan.links, self._scan.names
        assert links is not None
        up, down = self._tree_numbers
        subs, preds, objs = links.subjects, links.predicates, links.objects
        children, parents = [], []  # child -up-> parent, parent -down-> child
        for numbers, lower, upper in ((up, subs, objs), (down, objs, subs)):
            used = frozenset(p for p in numbers if p in preds)
            if used:
                at = _where(preds, used)
                children.append(compress(lower, at))
                parents.append(compress(upper, at))
        # flags, not sets: a set of a million parents' numbers costs 4x the time, 10x the memory
        has_parent, has_child = _flags(len(names), *children), _flags(len(names), *parents)
        roots = map(names.__getitem__, compress(range(len(names)), _only(has_child, has_parent)))
        found = [r for r in roots if not r.startswith("_:")]
        links.by_object.build()  # each root's children are counted next, maybe on the GUI
        links.by_subject.build()  # thread: the indexes are made here, in the worker
        return sorted(found)[:MAX_MATCHES]

    def _by_local_name(self, text: str) -> str | None:
        found = self._local_names.get(text)
        return found if found and found != "?" else None

    @cached_property
    def _local_names(self) -> dict[str, str]:
        names: dict[str, str] = {}
        for nid in self._entity_ids:
            name = lab.local_name(nid)
            names[name] = "?" if name in names else nid
        return names


class _FactsOnDemand(dict):
    """The facts cache of a store-backed graph: a missing id is fetched when read."""

    def __init__(self, fetch) -> None:
        super().__init__()
        self._fetch = fetch

    def __missing__(self, node_id: str) -> Facts:
        found = self[node_id] = self._fetch(node_id)
        return found


class CachedStoreGraph(StoreGraph):
    """A :class:`StoreGraph` read back from the on-disk cache, with the tree roots and the
    degree ranking computed when the entry was written."""

    from_cache = True

    def __init__(
        self,
        loader: StoreLoader,
        found: Scan,
        *,
        source: str,
        roots: list[str] | None,
        top: list[str],
        index: SearchIndex,
    ) -> None:
        super().__init__(loader, found, source=source)
        self.__dict__["search_index"] = index.redisplay(lambda nid: self.label(nid, "both"))
        self._roots = roots  # stored sorted: not sorted again by label
        if top:
            self._top[len(top)] = list(top)


def _roots_and_indexes(graph: StoreGraph) -> tuple[list[str], list[tuple | None]]:
    """In a child: the sorted tree roots, and what finding them built of the indexes."""
    roots = graph.hierarchy.roots()
    return roots, [index.built() for index in graph._row_indexes()]


def _give_back_memory() -> None:
    """Return the store's freed query memory to the system (glibc keeps it otherwise:
    ~150 MB after counting a million triples)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to do
        pass


class _NodeList(Sequence[Node]):
    def __init__(self, graph: StoreGraph, ids: list[str]) -> None:
        self._graph, self._ids = graph, ids

    def __len__(self) -> int:
        return len(self._ids)

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self._graph.node(n) for n in self._ids[i]]
        return self._graph.node(self._ids[i])

    def __iter__(self) -> Iterator[Node]:
        return (self._graph.node(n) for n in self._ids)


def open_store(
    path: str | Path,
    *,
    fmt: str | None = None,
    preload: bool = True,
    cancelled: Callable[[], bool] | None = None,
) -> StoreGraph:
    """Open a (large) RDF file as a :class:`StoreGraph`, or raise LoadError saying where.

    With *preload* (the app, ``show``...) the scan keeps every triple and every question
    is answered from it; without (a one-off search) it keeps labels and types only, and
    the store is loaded on the first question the columns cannot answer. Either way no
    store is loaded at open. *cancelled* is asked every few thousand new terms of
    the scan (``OpenCancelled``: a 10M-triple scan stops within a fraction of a second).
    """
    p, data, candidates = read_for_parsing(path, fmt)
    base = p.resolve().as_uri()
    first_error: LoadError | None = None
    for candidate in candidates:
        loader = StoreLoader(str(p), candidate, source=str(p), base_iri=base)
        try:
            with sl.no_gc():
                found = scan_file(
                    data,
                    candidate,
                    source=str(p),
                    base_iri=base,
                    degrees=preload,
                    cancelled=cancelled,
                )
        except LoadError as exc:
            first_error = first_error or exc
            continue
        if not found.triples:
            raise LoadError("the file holds no RDF statements", source=p)
        size = len(data)
        del data  # the bytes are not needed any more: the tables hold everything
        graph = StoreGraph(loader, found, source=str(p))
        graph.cores_pay = cores_pay(size)
        return graph
    assert first_error is not None
    raise first_error
