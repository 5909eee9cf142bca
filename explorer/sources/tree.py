"""Trees in a large or remote graph, walked on demand: never built whole.

``LazyHierarchy`` answers ``Hierarchy``'s questions (roots, children, parents,
ancestors, descendants) by asking its graph for the kin of a batch of ids at a
time, and caches every answer: a store answers with pattern look-ups, an endpoint
with one bounded query per batch. Nothing is held for parts nobody unfolds.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from ..hierarchy import DOWNWARD, OUTLINE_CAP, UPWARD
from ..model import Cycle, Lang, TreeLink, TreeRow

#: Entities per walk below one root.
TREE_CAP = 5_000


def roots_query(up: Iterable[str], down: Iterable[str], limit: int) -> str:
    """SPARQL for entities with children and no parent, by the hierarchy predicates."""
    ups = " ".join(f"<{p}>" for p in up)
    downs = " ".join(f"<{p}>" for p in down)
    return (
        f"SELECT DISTINCT ?r WHERE {{ {{ VALUES ?u {{ {ups} }} ?c ?u ?r }} UNION "
        f"{{ VALUES ?d {{ {downs} }} ?r ?d ?c }} FILTER(isIRI(?r)) "
        f"FILTER NOT EXISTS {{ VALUES ?u2 {{ {ups} }} ?r ?u2 ?g }} "
        f"FILTER NOT EXISTS {{ VALUES ?d2 {{ {downs} }} ?g2 ?d2 ?r }} }} "
        f"LIMIT {limit}"
    )


def kin_query(
    values: str, up: Iterable[str], down: Iterable[str], *, children: bool, limit: int
) -> str:
    """SPARQL for the children (or parents) of the ids in *values*."""
    ups = " ".join(f"<{p}>" for p in up)
    downs = " ".join(f"<{p}>" for p in down)
    up_side, down_side = ("?y ?u ?x", "?x ?d ?y") if children else ("?x ?u ?y", "?y ?d ?x")
    return (
        f"SELECT ?x ?y WHERE {{ VALUES ?x {{ {values} }} "
        f"{{ VALUES ?u {{ {ups} }} {up_side} }} UNION "
        f"{{ VALUES ?d {{ {downs} }} {down_side} }} FILTER(isIRI(?y)) }} "
        f"LIMIT {limit}"
    )


DEFAULT_UP = tuple(str(p) for p in UPWARD)
DEFAULT_DOWN = tuple(str(p) for p in DOWNWARD)


class TreeSource(Protocol):
    """What a lazy hierarchy asks its graph: kin of a batch of ids, and the roots."""

    def tree_kin(self, ids: list[str], *, down: bool) -> dict[str, list[str]]: ...
    def tree_roots(self) -> list[str]: ...
    def prefetch(self, ids: Iterable[str]) -> None: ...
    def label(self, node_id: str, lang: Lang = "zh") -> str: ...
    def label_each(self, ids: Sequence[str], lang: Lang = "zh") -> list[str]: ...


class LazyHierarchy:
    """``Hierarchy``'s query methods, answered a batch of ids at a time and cached.

    Cycles are found (and cut) along the walks that meet them, not up front.
    """

    def __init__(self, graph: TreeSource, *, roots: list[str] | None = None) -> None:
        """*roots*: already known and sorted (read back from the cache)."""
        self._graph = graph
        self._children: dict[str, list[str]] = {}
        self._parents: dict[str, list[str]] = {}
        self.cycles: list[Cycle] = []
        self.links: list[TreeLink] = []
        self._roots: list[str] | None = list(roots) if roots is not None else None

    def _sorted(self, ids: list[str]) -> list[str]:
        """*ids* once each, by English label (case folded), then by id."""
        self._graph.prefetch(ids)
        unique = list(dict.fromkeys(ids))
        keys = map(str.casefold, self._graph.label_each(unique, "en"))
        return [i for _key, i in sorted(zip(keys, unique, strict=True))]

    def _fetch(self, ids: list[str], *, down: bool) -> None:
        cache = self._children if down else self._parents
        todo = [i for i in dict.fromkeys(ids) if i not in cache]
        if todo:
            found = self._graph.tree_kin(todo, down=down)
            if down:  # labels to sort by, for every child of the batch at once
                self._graph.prefetch([k for kin in found.values() for k in kin])
            for i in todo:
                kin = found.get(i, [])
                cache[i] = self._sorted(kin) if down else list(dict.fromkeys(kin))

    def prefetch(self, ids: Iterable[str]) -> None:
        """Fetch the children of many ids in one batch (a view about to test its links)."""
        self._fetch(list(ids), down=True)

    def children(self, node_id: str) -> list[str]:
        self._fetch([node_id], down=True)
        return list(self._children.get(node_id, ()))

    def child_count(self, node_id: str) -> int:
        """How many children, without sorting them by label (the tree panel asks it of
        every visible row: on a large file, thousands of roots)."""
        if node_id in self._children:
            return len(self._children[node_id])
        kin = self._graph.tree_kin([node_id], down=True).get(node_id, [])
        return len(dict.fromkeys(kin))

    def parents(self, node_id: str) -> list[str]:
        self._fetch([node_id], down=False)
        return list(self._parents.get(node_id, ()))

    def contains(self, node_id: str) -> bool:
        return bool(self.children(node_id) or self.parents(node_id))

    def roots(self) -> list[str]:
        """Entities with children and no parent (bounded); computed once (by the loading
        worker's ``warm``), never again on the GUI thread."""
        if self._roots is None:
            self._roots = self._sorted(self._graph.tree_roots())
        return list(self._roots)

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

    def descendants(
        self, root: str, *, depth: int | None = None, limit: int = TREE_CAP
    ) -> list[tuple[str, int]]:
        """``(id, depth)`` below *root* in pre-order, each node once: the nearest *limit*
        levels' worth (breadth first), so a capped view fetches little more than it shows."""
        levels: dict[str, int] = {root: 0}
        parent: dict[str, str] = {}
        frontier, level = [root], 0
        while frontier and (depth is None or level < depth) and len(levels) < limit:
            self._fetch(frontier, down=True)
            following = []
            for node in frontier:
                for child in self._children.get(node, ()):
                    if child in levels:
                        self._note_cycle(node, child, parent)
                        continue
                    if len(levels) >= limit:
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

    def also_under(self, node_id: str, parent: str) -> tuple[str, ...]:
        """The other parents of a unit shown under *parent* (empty unless it is shared)."""
        parents = self.parents(node_id)
        return tuple(p for p in parents if p != parent) if len(parents) > 1 else ()

    def outline(
        self, root: str, *, depth: int | None = None, cap: int = OUTLINE_CAP
    ) -> list[TreeRow]:
        """:meth:`Hierarchy.outline`, fetched a family at a time: a unit with several parents
        under each, marked; a link back up a branch is noted as a cycle and not followed."""
        out: list[TreeRow] = []
        on_path: set[str] = set()  # the branch being printed, to stop at a link back up it
        stack: list[tuple[str, int, str] | str] = [(root, 0, "")]
        while stack and len(out) < cap:
            top = stack.pop()
            if isinstance(top, str):  # leaving this node's branch
                on_path.discard(top)
                continue
            node, d, parent = top
            out.append(TreeRow(node, d, parent, self.also_under(node, parent) if parent else ()))
            if depth is not None and d >= depth:
                continue
            kids = self.children(node)
            self._fetch(kids, down=True)  # their children in one batch
            self._fetch(kids, down=False)  # and their parents, for "also under"
            on_path.add(node)
            stack.append(node)
            for child in reversed(kids):
                if child in on_path:
                    self._note_cycle_path(node, child)
                else:
                    stack.append((child, d + 1, node))
        return out

    def _note_cycle_path(self, node: str, child: str) -> None:
        link = TreeLink(node, child, "")
        if all(c.cut != link for c in self.cycles):
            self.cycles.append(Cycle((child, node), link))

    def _note_cycle(self, node: str, child: str, parent: dict[str, str]) -> None:
        chain = [node]
        while chain[-1] in parent and chain[-1] != child and len(chain) < TREE_CAP:
            chain.append(parent[chain[-1]])
        if chain[-1] == child:
            loop = tuple(reversed(chain))
            link = TreeLink(node, child, "")
            if all(c.cut != link for c in self.cycles):
                self.cycles.append(Cycle(loop, link))
