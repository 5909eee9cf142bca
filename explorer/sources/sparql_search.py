"""Search over a SPARQL endpoint: remote candidates, ranked locally.

``EndpointSearch`` asks the endpoint for labels containing the query's longest
word (``LIMIT``-ed), then ranks those candidates locally with the same rules as
every other search.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import labels as lab
from ..model import Hit
from ..search import Entry, SearchIndex
from . import facts as fx
from .sparql import json_string

if TYPE_CHECKING:
    from .sparql import EndpointGraph

#: Candidates fetched per search, and entities per remote tree walk.
SEARCH_ROWS = 300
TREE_CAP = 5_000
_NAME_PREDICATES = fx.LABELS + fx.ALIASES + fx.HIDDEN


class EndpointSearch:
    """``SearchIndex``'s API over an endpoint: remote candidates, local ranking, cached."""

    def __init__(self, graph: EndpointGraph) -> None:
        self._graph = graph
        self._cache: dict[tuple, list[Hit]] = {}

    def search(
        self, query: str, *, categories: set[str] | None = None, limit: int = 20
    ) -> list[Hit]:
        words = sorted(lab.words(query), key=len, reverse=True)
        if not words or limit <= 0:
            return []
        key = (query, frozenset(categories) if categories else None, limit)
        if key not in self._cache:
            self._cache[key] = self._search(query, words[0], categories, limit)
        return list(self._cache[key])

    def complete(self, prefix: str, limit: int = 10) -> list[Hit]:
        return self.search(prefix, limit=limit)

    def _search(self, query: str, word: str, categories, limit: int) -> list[Hit]:
        preds = " ".join(f"<{p}>" for p in _NAME_PREDICATES)
        rows = self._graph.client.select(
            f"SELECT DISTINCT ?s WHERE {{ VALUES ?p {{ {preds} }} ?s ?p ?l "
            f"FILTER(isLiteral(?l) && CONTAINS(LCASE(STR(?l)), {json_string(word)})) }} "
            f"LIMIT {SEARCH_ROWS}"
        )
        ids = [r["s"] for r in rows if isinstance(r.get("s"), str)]
        self._graph.prefetch(ids)
        entries = []
        for nid in ids:
            if nid not in self._graph:
                continue
            node = self._graph.node(nid)
            entries.append(
                Entry(
                    nid,
                    node.label("both"),
                    node.category,
                    tuple(t for _l, t in node.labels) or (node.fallback,),
                    node.aliases + self._graph.hidden_labels(nid),
                    tuple(t for _l, t in node.descriptions),
                )
            )
        return SearchIndex(entries).search(query, categories=categories, limit=limit)
