"""Search and the organization hierarchy of a SPARQL endpoint, one bounded query at a time.

``EndpointSearch`` asks the endpoint for labels containing the query's longest
word (``LIMIT``-ed), then ranks those candidates locally with the same rules as
every other search. ``RemoteHierarchy`` has ``Hierarchy``'s query methods but
fetches children and parents level by level, in batches, never the whole tree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import labels as lab
from ..hierarchy import DOWNWARD, UPWARD
from ..model import Cycle, Hit, TreeLink
from ..search import Entry, SearchIndex
from . import facts as fx
from .sparql import BATCH, LIST_ROWS, iri, json_string

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


class RemoteHierarchy:
    """Roots, children and parents by ``org:subOrganizationOf`` / ``skos:broader`` & co."""

    def __init__(self, graph: EndpointGraph) -> None:
        self._graph = graph
        self._children: dict[str, list[str]] = {}
        self._parents: dict[str, list[str]] = {}
        self.cycles: list[Cycle] = []
        self.links: list[TreeLink] = []
        self._up = " ".join(f"<{p}>" for p in map(str, UPWARD))
        self._down = " ".join(f"<{p}>" for p in map(str, DOWNWARD))

    def _sorted(self, ids: list[str]) -> list[str]:
        self._graph.prefetch(ids)
        return sorted(dict.fromkeys(ids), key=lambda i: (self._graph.label(i, "en").casefold(), i))

    def _fetch(self, ids: list[str], *, down: bool) -> None:
        cache = self._children if down else self._parents
        todo = [i for i in dict.fromkeys(ids) if i not in cache and iri(i)]
        for n in range(0, len(todo), BATCH):
            chunk = todo[n : n + BATCH]
            values = " ".join(iri(i) for i in chunk)  # type: ignore[misc]
            up_side, down_side = ("?y ?u ?x", "?x ?d ?y") if down else ("?x ?u ?y", "?y ?d ?x")
            rows = self._graph.client.select(
                f"SELECT ?x ?y WHERE {{ VALUES ?x {{ {values} }} "
                f"{{ VALUES ?u {{ {self._up} }} {up_side} }} UNION "
                f"{{ VALUES ?d {{ {self._down} }} {down_side} }} FILTER(isIRI(?y)) }} "
                f"LIMIT {LIST_ROWS * 5}"
            )
            found: dict[str, list[str]] = {i: [] for i in chunk}
            for row in rows:
                found[row["x"]].append(row["y"])
            for i, kin in found.items():
                cache[i] = self._sorted(kin) if down else list(dict.fromkeys(kin))

    def children(self, node_id: str) -> list[str]:
        self._fetch([node_id], down=True)
        return list(self._children.get(node_id, ()))

    def child_count(self, node_id: str) -> int:
        return len(self.children(node_id))

    def parents(self, node_id: str) -> list[str]:
        self._fetch([node_id], down=False)
        return list(self._parents.get(node_id, ()))

    def contains(self, node_id: str) -> bool:
        return bool(self.children(node_id) or self.parents(node_id))

    def roots(self) -> list[str]:
        """Entities with children and no parent (bounded)."""
        rows = self._graph.client.select(
            f"SELECT DISTINCT ?r WHERE {{ {{ VALUES ?u {{ {self._up} }} ?c ?u ?r }} UNION "
            f"{{ VALUES ?d {{ {self._down} }} ?r ?d ?c }} FILTER(isIRI(?r)) "
            f"FILTER NOT EXISTS {{ VALUES ?u2 {{ {self._up} }} ?r ?u2 ?g }} "
            f"FILTER NOT EXISTS {{ VALUES ?d2 {{ {self._down} }} ?g2 ?d2 ?r }} }} "
            f"LIMIT {LIST_ROWS}"
        )
        return self._sorted([r["r"] for r in rows if isinstance(r.get("r"), str)])

    def ancestors(self, node_id: str) -> list[str]:
        """The chain of first parents up to a root, root first (cycle-safe, bounded)."""
        chain: list[str] = []
        seen = {node_id}
        current = node_id
        while len(chain) < 200:
            parents = self.parents(current)
            if not parents or parents[0] in seen:
                break
            current = parents[0]
            seen.add(current)
            chain.append(current)
        chain.reverse()
        return chain

    def descendants(self, root: str, *, depth: int | None = None) -> list[tuple[str, int]]:
        """``(id, depth)`` below *root* in pre-order, each node once, at most TREE_CAP."""
        levels: dict[str, int] = {root: 0}
        parent: dict[str, str] = {}
        frontier, level = [root], 0
        while frontier and (depth is None or level < depth) and len(levels) < TREE_CAP:
            self._fetch(frontier, down=True)
            following = []
            for node in frontier:
                for child in self._children.get(node, ()):
                    if child in levels:
                        self._note_cycle(node, child, parent)
                        continue
                    if len(levels) >= TREE_CAP:
                        break
                    levels[child] = level + 1
                    parent[child] = node
                    following.append(child)
            frontier, level = following, level + 1
        out: list[tuple[str, int]] = []
        stack = [root]
        while stack:
            node = stack.pop()
            out.append((node, levels[node]))
            kids = [c for c in self._children.get(node, ()) if parent.get(c) == node]
            stack.extend(reversed(kids))
        return out

    def _note_cycle(self, node: str, child: str, parent: dict[str, str]) -> None:
        chain = [node]
        while chain[-1] in parent and chain[-1] != child and len(chain) < TREE_CAP:
            chain.append(parent[chain[-1]])
        if chain[-1] == child:
            loop = tuple(reversed(chain))
            link = TreeLink(node, child, "")
            if all(c.cut != link for c in self.cycles):
                self.cycles.append(Cycle(loop, link))
