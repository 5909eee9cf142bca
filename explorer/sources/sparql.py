"""A remote SPARQL endpoint behind the ``GraphSource`` API, fetched on demand.

``EndpointGraph`` never downloads the store: it asks for the facts around the
ids on screen, a batch of ids per query (``VALUES``), every query bounded by
``LIMIT``, every answer cached. Blank nodes cannot be named in a query, so the
facts of blank-node objects (evidence, OCR fixes, anonymous entities) come one
level deep with their subject's. Search and hierarchy are remote too (see
``sparql_search.py``, ``tree.py``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cached_property

from ..model import Edge, Node
from . import facts as fx
from .facts import Facts
from .lazy import LazyGraph
from .sparql_http import EndpointError, SparqlClient
from .tree import DEFAULT_DOWN, DEFAULT_UP, LazyHierarchy, kin_query, roots_query

#: Ids per ``VALUES`` batch, and the row limits of each kind of query.
BATCH = 100
FACT_ROWS = 20_000
IN_ROWS = 5_000
LIST_ROWS = 2_000


def iri(value: str) -> str | None:
    """``<value>`` for a query, or None when *value* cannot be written as an IRI."""
    if not value or value.startswith("_:") or any(c in value for c in '<>"{}|^`\\ \n\t'):
        return None
    return f"<{value}>"


def json_string(text: str) -> str:
    """A SPARQL string literal (JSON's escaping is valid SPARQL)."""
    return json.dumps(text, ensure_ascii=False)


class EndpointGraph(LazyGraph):
    """Entities and relations of a remote SPARQL endpoint (LoadError if it is unusable)."""

    def __init__(
        self,
        url: str,
        *,
        default_graph: str | None = None,
        auth: tuple[str, str] | None = None,
        timeout: float = 10,
    ) -> None:
        self.client = SparqlClient(url, default_graph=default_graph, auth=auth, timeout=timeout)
        super().__init__(self.client.url)
        self.default_graph = default_graph
        if not self.client.ask("ASK { ?s ?p ?o }"):
            raise EndpointError("the endpoint holds no triples", source=self.client.url)

    def __repr__(self) -> str:
        return f"EndpointGraph({self.source!r})"

    @property
    def round_trips(self) -> int:
        """HTTP requests made so far (answers from the cache are not counted)."""
        return self.client.round_trips

    # --- backend: bounded, batched queries ------------------------------------------
    def _values(self, ids: list[str]) -> list[list[str]]:
        named = [(i, iri(i)) for i in ids]
        ok = [v for _i, v in named if v]
        return [ok[n : n + BATCH] for n in range(0, len(ok), BATCH)]

    def _rows(
        self, ids: list[str], pattern: str, limit: int, required: tuple[str, ...], blank: str
    ) -> Iterator[dict[str, object]]:
        """Rows of one bounded query per batch of *ids* (bound to ``?x`` by ``VALUES``).

        The facts of the blank node in variable *blank* (``?bp ?bo``, optional in
        *pattern*) are remembered on the way: blank nodes cannot be asked for later.
        """
        for chunk in self._values(ids):
            rows = self.client.select(
                f"SELECT * WHERE {{ VALUES ?x {{ {' '.join(chunk)} }} {pattern} }} LIMIT {limit}",
                required,
            )
            facts: dict[str, Facts] = {}
            for row in rows:
                node = row[blank]
                if "bp" in row and "bo" in row and isinstance(node, str):
                    facts.setdefault(node, []).append((row["bp"], row["bo"]))
            self._remember(facts)
            yield from rows

    def _fetch_out(self, ids: list[str]) -> dict[str, Facts]:
        out: dict[str, Facts] = {}
        pattern = "?x ?p ?o OPTIONAL { ?o ?bp ?bo FILTER(isBlank(?o)) }"
        for row in self._rows(ids, pattern, FACT_ROWS, ("x", "p", "o"), blank="o"):
            out.setdefault(row["x"], []).append((row["p"], row["o"]))
        return {k: list(dict.fromkeys(v)) for k, v in out.items()}

    def _remember(self, facts: dict[str, Facts]) -> None:
        for k, v in facts.items():
            if k not in self._facts:
                self._facts[k] = list(dict.fromkeys(v))

    def _fetch_in(self, ids: list[str]) -> dict[str, list[tuple[str, str]]]:
        out: dict[str, list[tuple[str, str]]] = {}
        pattern = "?s ?p ?x OPTIONAL { ?s ?bp ?bo FILTER(isBlank(?s)) }"
        for row in self._rows(ids, pattern, IN_ROWS, ("x", "s", "p"), blank="s"):
            out.setdefault(row["x"], []).append((row["s"], row["p"]))
        return {k: list(dict.fromkeys(v)) for k, v in out.items()}

    def _subjects(self, predicate: str, obj: str) -> list[str]:
        return self._subjects_many(predicate, [obj]).get(obj, [])

    def _subjects_many(self, predicate: str, objs: list[str]) -> dict[str, list[str]]:
        """Subjects of ``?s predicate obj``, with their facts and those of their blank
        objects (a reified statement and its evidence come in the same answer)."""
        out: dict[str, list[str]] = {o: [] for o in objs}
        pred = iri(predicate)
        if pred is None:
            return out
        pattern = f"?s {pred} ?x . ?s ?p ?o OPTIONAL {{ ?o ?bp ?bo FILTER(isBlank(?o)) }}"
        found: dict[str, Facts] = {}
        for row in self._rows(objs, pattern, FACT_ROWS, ("x", "s", "p", "o"), blank="o"):
            s = row["s"]
            if s not in out.setdefault(row["x"], []):
                out[row["x"]].append(s)
            found.setdefault(s, []).append((row["p"], row["o"]))
        self._remember(found)
        return out

    # --- the whole graph, bounded -----------------------------------------------------
    @cached_property
    def _count(self) -> int:
        rows = self.client.select(
            "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s WHERE { ?s a ?t } "
            f"LIMIT {LIST_ROWS * 50} }}"
        )
        value = rows[0].get("n") if rows else None
        return int(value.value) if isinstance(value, fx.Lit) else 0

    def __len__(self) -> int:
        """Typed subjects, counted up to 100,000 (a bounded count)."""
        return self._count

    def nodes(self) -> list[Node]:
        """The first typed entities the endpoint lists (bounded)."""
        rows = self.client.select(
            f"SELECT DISTINCT ?s WHERE {{ ?s a ?t FILTER(isIRI(?s)) }} LIMIT {LIST_ROWS}"
        )
        ids = [r["s"] for r in rows if isinstance(r.get("s"), str)]
        self.prefetch(ids)
        return [self.node(i) for i in ids if i in self]

    def edges(self) -> list[Edge]:
        """Relations among :meth:`nodes` only (bounded)."""
        nodes = self.nodes()
        keep = {n.id for n in nodes}
        self.prefetch_around(list(keep))
        return [e for n in nodes for e in self.out_edges(n.id) if e.target in keep]

    def top_entities(self, n: int) -> list[str]:
        """The most connected entities within a bounded sample of relations."""
        rows = self.client.select(
            "SELECT ?s (COUNT(*) AS ?c) WHERE { { SELECT ?s ?o WHERE { ?s ?p ?o "
            f"FILTER(isIRI(?s) && isIRI(?o) && ?p != <{fx.TYPE}>) }} LIMIT {LIST_ROWS * 10} }} }} "
            f"GROUP BY ?s ORDER BY DESC(?c) ?s LIMIT {max(0, n) * 2}"
        )
        ids = [r["s"] for r in rows if isinstance(r.get("s"), str)]
        self.prefetch(ids)
        return [i for i in ids if i in self][:n]

    @cached_property
    def rdf(self) -> RemoteTriples:
        """Stands in for the rdflib graph of a file: a bounded triple count, nothing more."""
        return RemoteTriples(self)

    # --- search and hierarchy -------------------------------------------------------
    @cached_property
    def search_index(self):
        from .sparql_search import EndpointSearch

        return EndpointSearch(self)

    @cached_property
    def hierarchy(self) -> LazyHierarchy:
        return LazyHierarchy(self)

    def tree_kin(self, ids: list[str], *, down: bool) -> dict[str, list[str]]:
        """Children (*down*) or parents of *ids*, one bounded query per batch."""
        found: dict[str, list[str]] = {}
        for chunk in self._values(ids):
            query = kin_query(
                " ".join(chunk), DEFAULT_UP, DEFAULT_DOWN, children=down, limit=LIST_ROWS * 5
            )
            for row in self.client.select(query, ("x", "y")):
                found.setdefault(row["x"], []).append(row["y"])
        return found

    def tree_roots(self) -> list[str]:
        rows = self.client.select(roots_query(DEFAULT_UP, DEFAULT_DOWN, LIST_ROWS))
        return [r["r"] for r in rows if isinstance(r.get("r"), str)]


class RemoteTriples:
    """``len()`` of an endpoint's triples (counted up to a bound); any other use of the
    whole graph fails with a clear message instead of downloading the store."""

    LIMIT = 1_000_000

    def __init__(self, graph: EndpointGraph) -> None:
        self._graph = graph

    def __len__(self) -> int:
        rows = self._graph.client.select(
            f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT * WHERE {{ ?s ?p ?o }} LIMIT {self.LIMIT} }}"
        )
        value = rows[0].get("n") if rows else None
        return int(value.value) if isinstance(value, fx.Lit) else 0

    def __getattr__(self, name: str):
        raise EndpointError(
            "this needs the whole graph, which is never downloaded from an endpoint; "
            "export the data to a file and use --data",
            source=self._graph.source,
        )
