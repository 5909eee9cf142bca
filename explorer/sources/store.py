"""A large RDF file behind the ``GraphSource`` API, backed by an in-memory pyoxigraph store.

Opening keeps two things: a one-pass scan of labels and types (enough for search,
labels and entity cards, so ``kg-explorer search`` never waits for the store) and
the store itself, loaded concurrently, for relations, evidence and hierarchy,
which are fetched per id with pattern look-ups. No NetworkX or rdflib projection
of the whole graph is ever built.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import cached_property
from pathlib import Path

import pyoxigraph as ox

from .. import labels as lab
from ..categories import ORGANIZATION_CLASSES, category_of
from ..errors import LoadError
from ..hierarchy import KINDS
from ..model import Edge, Lang, Node, pick_label
from ..organigram import organization_subclasses, same_language
from ..rdf_io import read_for_parsing
from ..search import Columns, SearchIndex
from ..vocab import ORG, RDFS
from . import facts as fx
from . import store_load as sl
from .facts import Facts, Lit
from .lazy import LazyGraph
from .store_load import Scan, StoreLoader, scan
from .tree import LazyHierarchy

POST, ROLE, POST_IN, HAS_POST = (str(t) for t in (ORG.Post, ORG.role, ORG.postIn, ORG.hasPost))

#: Pattern look-ups stop after this many matches (a hub with 10^6 links is cut).
MAX_MATCHES = 20_000
#: Up to this many entities the most connected ones are counted exactly.
EXACT_TOP = 20_000


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


class StoreGraph(LazyGraph):
    """Entities and relations of a large file, computed on demand; see :func:`open_store`."""

    #: Set when the graph was read back from the on-disk cache (nothing left to write).
    from_cache = False
    #: The sorted tree roots as the window's open found them (written to the cache).
    window_roots: list[str] | None = None

    def __init__(self, loader: StoreLoader | ReadyStore, found: Scan, *, source: str = "") -> None:
        super().__init__(source)
        self._loader = loader
        self._scan = found
        self.prefixes = found.prefixes
        rows = set(found.columns[sl.TYPES].rows) | set(found.columns[sl.LABELS].rows)
        meta = found.meta
        self._entity_ids = [i for i, n in found.ids.items() if n in rows and i not in meta]
        self._entities = set(self._entity_ids)
        self._top: dict[int, list[str]] = {}
        self._facts = _FactsOnDemand(self._fetch_one)

    def prefetch(self, ids) -> None:
        """Nothing up front: a local store answers per id as fast as per batch, and the
        facts are fetched when first read (11k tree roots sorted by label read none)."""

    def _fetch_one(self, node_id: str) -> Facts:
        return self._fetch_out([node_id]).get(node_id, [])

    @property
    def scan(self) -> Scan:
        """What the one pass over the file kept (columns, degrees): the cache stores it."""
        return self._scan

    @property
    def store_format(self) -> str:
        return self._loader.fmt

    @property
    def base_iri(self) -> str | None:
        return self._loader.base_iri

    # --- backend: pattern look-ups on the store ------------------------------------
    def store(self) -> ox.Store:
        """The pyoxigraph store (waits for the background load the first time)."""
        return self._loader.store()

    def _match(self, s, p, o) -> Iterator:
        try:
            quads = self.store().quads_for_pattern(s, p, o, None)
        except (ValueError, OSError):
            return iter(())
        return (q for _n, q in zip(range(MAX_MATCHES), quads, strict=False))

    def _fetch_out(self, ids: list[str]) -> dict[str, Facts]:
        return self._fetch(
            ids,
            lambda t: ((q.predicate.value, _value(q.object)) for q in self._match(t, None, None)),
        )

    def _fetch_in(self, ids: list[str]) -> dict[str, list[tuple[str, str]]]:
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
        try:
            p, o = ox.NamedNode(predicate), _term(obj)
        except ValueError:
            return []
        return list(dict.fromkeys(_value(q.subject) for q in self._match(None, p, o)))

    # --- fast paths from the scan ---------------------------------------------------
    def _scan_facts(self, node_id: str) -> Facts:
        get = self._scan.of
        facts: Facts = [(fx.TYPE, t) for _r, _l, t in get(node_id, sl.TYPES)]
        for slot, preds in (
            (sl.LABELS, fx.LABELS),
            (sl.ALIASES, fx.ALIASES),
            (sl.DESCRIPTIONS, fx.DESCRIPTIONS),
        ):
            facts += [(preds[r], Lit(t, lg)) for r, lg, t in get(node_id, slot)]
        return facts

    def __contains__(self, node_id: object) -> bool:
        if node_id in self._entities:
            return True
        if node_id in self._scan.meta:
            return False
        return super().__contains__(node_id)

    def node(self, node_id: str) -> Node:
        hit = self._nodes.get(node_id)
        if hit is None and node_id in self._entities:
            hit = fx.make_node(
                node_id, self._scan_facts(node_id), self.label_of, self.organization_classes
            )
            if not hit.labels and POST in hit.types and self._store_wanted:
                hit = replace(hit, labels=self._post_names(node_id))
            self._nodes[node_id] = hit
        return hit if hit is not None else super().node(node_id)

    def _post_names(self, node_id: str) -> tuple[tuple[str, str], ...]:
        """A post without a label: "Role, Unit", per language of the unit's labels."""
        term = _term(node_id)

        def first(found) -> object:
            return next((_value(t) for t in found), None)

        role = first(q.object for q in self._match(term, ox.NamedNode(ROLE), None))
        unit = first(q.object for q in self._match(term, ox.NamedNode(POST_IN), None))
        if unit is None:
            unit = first(q.subject for q in self._match(None, ox.NamedNode(HAS_POST), term))
        if not isinstance(unit, str):
            return ()
        role_pairs = self._term_labels(role) if isinstance(role, str) else ()
        role_fallback = lab.local_name(role if isinstance(role, str) else POST)
        unit_pairs = self.node(unit).labels if unit in self._entities else ()
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
        if node_id in self._entities:
            labels = self._scan_labels(node_id)
            if labels:
                return pick_label(labels, lang, fx.fallback_name(node_id, ()))
            return self.node(node_id).label(lang)  # a person by name parts, a post by role
        return super().label(node_id, lang)

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
            return (((col.langs[i] or "").lower(), text),) if text else ()
        found = sorted(
            (col.ranks[i], (col.langs[i] or "").lower(), col.values[i]) for i in at
        )  # predicate order, then (language, text): as fx.pairs
        out: list[tuple[str, str]] = []
        for _rank, lang, value in found:
            pair = (lang, lab.clip(value))
            if pair[1] and pair not in out:
                out.append(pair)
        return tuple(out)

    def _term_labels(self, iri: str) -> tuple[tuple[str, str], ...]:
        if iri.startswith("_:"):
            return super()._term_labels(iri)
        return fx.term_labels(iri, self._scan_label_facts(iri))

    def _scan_label_facts(self, iri: str) -> Facts:
        return [(fx.LABELS[r], Lit(t, lg)) for r, lg, t in self._scan.of(iri, sl.LABELS)]

    def hidden_labels(self, node_id: str) -> tuple[str, ...]:
        if node_id in self._entities:
            return tuple(dict.fromkeys(t for _r, _l, t in self._scan.of(node_id, sl.HIDDEN)))
        return super().hidden_labels(node_id)

    # --- the whole graph, never as Python objects ------------------------------------
    def __len__(self) -> int:
        return len(self._entity_ids)

    @property
    def node_ids(self) -> frozenset[str]:
        return frozenset(self._entities)

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
        """The store as an rdflib graph (oxrdflib), for code that needs rdflib's API."""
        from oxrdflib import OxigraphStore
        from rdflib import Dataset

        return Dataset(store=OxigraphStore(store=self.store()), default_union=True)

    def top_entities(self, n: int) -> list[str]:
        """The *n* most connected entities (cached; slow the first time on a big file: ~2 s
        at 1M triples, so call it off the UI thread)."""
        if n not in self._top:
            self._top[n] = self._count_top(n)
        return list(self._top[n])

    def _count_top(self, n: int) -> list[str]:
        """The *n* most connected entities: from the scan's link counts (no store needed,
        milliseconds), else counted by the store's SPARQL engine."""
        degree = self._scan.degree
        if degree:
            ranked = heapq.nsmallest(
                n, (x for x in degree if x in self._entities), key=lambda x: (-degree[x], x)
            )
            return ranked
        return self._count_top_in_store(n)

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
        sc = self._scan
        cols = sc.columns
        ids = list(sc.ids)
        with sl.no_gc():
            types: dict[int, list[str]] = {}
            for t, row in zip(cols[sl.TYPES].values, cols[sl.TYPES].rows, strict=True):
                types.setdefault(row, []).append(t)
            cache: dict[tuple[str, ...], str] = {(): category_of(())}
            categories = [cache[()]] * len(ids)
            labelled = set(cols[sl.LABELS].rows)
            texts, rows = list(cols[sl.LABELS].values), list(cols[sl.LABELS].rows)
            for row, found in types.items():
                key = tuple(found)  # as found; sorted only once per distinct combination
                cat = cache.get(key)
                if cat is None:
                    cat = cache[key] = category_of(tuple(sorted(key)))
                categories[row] = cat
                if row not in labelled:  # typed, unlabelled: found by its name
                    texts.append(fx.fallback_name(ids[row], tuple(sorted(key))))
                    rows.append(row)
            aliases, hidden = cols[sl.ALIASES], cols[sl.HIDDEN]
            columns = Columns(
                ids,
                categories,
                (texts, rows),
                (aliases.values + hidden.values, aliases.rows + hidden.rows),
                (cols[sl.DESCRIPTIONS].values, cols[sl.DESCRIPTIONS].rows),
                self._not_entities(),
            )
            index = SearchIndex.from_columns(columns, display=lambda nid: self.label(nid, "both"))
        return index

    def _not_entities(self) -> frozenset[int]:
        ids = self._scan.ids
        return frozenset(n for n, nid in enumerate(ids) if nid not in self._entities)

    @cached_property
    def hierarchy(self) -> LazyHierarchy:
        """Walked on demand with pattern look-ups: 190k links are never all made objects."""
        return LazyHierarchy(self)

    @property
    def _store_wanted(self) -> bool:
        """Whether the store is there or on its way (a one-off search never builds it, and
        what only the store knows must not make it)."""
        return bool(getattr(self._loader, "_started", True))  # the cache's store is there

    @cached_property
    def organization_classes(self) -> frozenset[str]:
        """Classes declared ``rdfs:subClassOf*`` an ORG organization class. Without the
        store (a one-off search never builds it) only the ORG classes themselves."""
        if not self._store_wanted:
            return frozenset(ORGANIZATION_CLASSES)
        links = (
            (_value(q.subject), _value(q.object))
            for q in self.store().quads_for_pattern(None, ox.NamedNode(str(RDFS.subClassOf)), None)
        )
        return organization_subclasses(
            (sub, sup) for sub, sup in links if isinstance(sub, str) and isinstance(sup, str)
        )

    @cached_property
    def _tree_predicate_names(self) -> tuple[list[str], list[str]]:
        """Upward and downward predicates of the first kind of tree the data has (the
        organization tree, else concepts, else classes), with declared sub-properties:
        read off the scan's links when it kept them, else asked of the store."""
        links = self._scan.links
        sub_property = str(RDFS.subPropertyOf)
        if links is not None:
            names, known = links.names, links.predicate_ids
            n = known.get(sub_property, -1)
            triples = zip(links.subjects, links.predicates, links.objects, strict=True)
            declared = [(names[a], names[b]) for a, pn, b in triples if pn == n]

            def present(p: str) -> bool:
                return p in known
        else:
            declared = [
                (q.subject.value, _value(q.object))
                for q in self._match(None, ox.NamedNode(sub_property), None)
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
    def _tree_links(self) -> tuple[dict[int, list[int]], bytearray] | None:
        """From the scan's links: each parent's children (by number), and a flag per
        number that has a parent, by the tree predicates. None without the links."""
        links = self._scan.links
        if links is None:
            return None
        up, down = self._tree_predicate_names
        known = links.predicate_ids
        upward = {known[p] for p in up if p in known}
        downward = {known[p] for p in down if p in known}
        below: dict[int, list[int]] = {}
        for a, pn, b in zip(links.subjects, links.predicates, links.objects, strict=True):
            if pn in upward:
                below.setdefault(b, []).append(a)
            elif pn in downward:
                below.setdefault(a, []).append(b)
        has_parent = bytearray(len(links.names))
        for kids in below.values():
            for c in kids:
                has_parent[c] = 1
        return below, has_parent

    def tree_kin(self, ids: list[str], *, down: bool) -> dict[str, list[str]]:
        """Children (*down*) or parents of each id: child -up-> parent, parent -down-> child.
        Children come from the scan's links when it kept them (no wait for the store),
        unless a blank node is asked about (its id is the store's, not the scan's)."""
        tree = self._tree_links
        if down and tree is not None and not any(i.startswith("_:") for i in ids):
            return self._children_from_links(ids, tree[0])
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

    def _children_from_links(self, ids: list[str], below: dict[int, list[int]]) -> dict:
        links = self._scan.links
        assert links is not None
        names, numbers = links.names, links.node_ids
        found: dict[str, list[str]] = {}
        for i in ids:
            try:
                _term(i)  # as the store's answer: no entry for an id that is no term
            except ValueError:
                continue
            n = numbers.get(i)
            kids = [names[c] for c in below.get(n, ())] if n is not None else []
            found[i] = [k for k in kids if not k.startswith("_:")][:MAX_MATCHES]
        return found

    def tree_roots(self) -> list[str]:
        """Entities with children and no parent: one pass over the hierarchy links (a
        SPARQL ``FILTER NOT EXISTS`` took time in the square of a parent's children);
        from the scan's links when it kept them, else from the store."""
        tree = self._tree_links
        if tree is not None:
            names = self._scan.links.names  # type: ignore[union-attr]
            below, has_parent = tree
            found = (names[n] for n in below if not has_parent[n])
            return sorted(r for r in found if not r.startswith("_:"))[:MAX_MATCHES]
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


class ReadyStore:
    """A store that is already there (the cache's on-disk one): the loader's interface."""

    ready = True

    def __init__(self, store: ox.Store, fmt: str, base_iri: str | None) -> None:
        self._store, self.fmt, self.base_iri = store, fmt, base_iri

    def start(self) -> None:
        """Nothing to start."""

    def store(self) -> ox.Store:
        return self._store


class CachedStoreGraph(StoreGraph):
    """A :class:`StoreGraph` read back from the on-disk cache, with the tree roots and the
    degree ranking computed when the entry was written."""

    from_cache = True

    def __init__(
        self,
        loader: ReadyStore,
        found: Scan,
        *,
        source: str,
        roots: list[str] | None,
        children: dict[str, list[str]] | None = None,
        top: list[str],
        index: SearchIndex,
    ) -> None:
        super().__init__(loader, found, source=source)
        self.__dict__["search_index"] = index.redisplay(lambda nid: self.label(nid, "both"))
        self._roots = roots
        self._root_children = children or {}
        if top:
            self._top[len(top)] = list(top)

    def top_entities(self, n: int) -> list[str]:
        biggest = max(self._top, default=0)
        if n not in self._top and biggest >= n:
            return self._top[biggest][:n]
        return super().top_entities(n)

    def tree_roots(self) -> list[str]:
        return list(self._roots) if self._roots is not None else super().tree_roots()

    @cached_property
    def hierarchy(self) -> LazyHierarchy:
        """The roots were stored sorted: they are not sorted again by label."""
        if self._roots is None:
            return LazyHierarchy(self)
        return _KnownRoots(self, self._roots, self._root_children)


class _KnownRoots(LazyHierarchy):
    """A lazy hierarchy whose roots and first level were read from the cache."""

    def __init__(self, graph: StoreGraph, roots: list[str], children: dict[str, list[str]]) -> None:
        super().__init__(graph)
        self._known = roots
        self._children.update(children)

    def roots(self) -> list[str]:
        return list(self._known)


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


def open_store(path: str | Path, *, fmt: str | None = None, preload: bool = True) -> StoreGraph:
    """Open a (large) RDF file as a :class:`StoreGraph`, or raise LoadError saying where.

    With *preload* the store starts loading at once, alongside the scan; without, on
    the first question only the store can answer (a one-off search never pays for it),
    and the scan counts no degrees (the most connected entities are then counted by
    the store, if ever asked for).
    """
    p, data, candidates = read_for_parsing(path, fmt)
    base = p.resolve().as_uri()
    first_error: LoadError | None = None
    for candidate in candidates:
        loader = StoreLoader(str(p), candidate, source=str(p), base_iri=base, start=preload)
        try:
            with sl.no_gc():
                found = scan(data, candidate, source=str(p), base_iri=base, degrees=preload)
        except LoadError as exc:
            first_error = first_error or exc
            continue
        if not found.triples:
            raise LoadError("the file holds no RDF statements", source=p)
        return StoreGraph(loader, found, source=str(p))
    assert first_error is not None
    raise first_error
