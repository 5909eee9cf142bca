"""Trees in the data: organization units, SKOS broader/narrower, subclasses.

Each is its own view, never mixed: the organization tree follows ORG part-of links
only (a DAG: a unit may have several parents and shows under each), so classes and
concepts never appear in it. Built once, iteratively (a 10,000-deep chain needs no
recursion) in time proportional to the links, with every cycle found, reported and
cut so no walk ever loops.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from rdflib import URIRef
from rdflib.namespace import ORG, RDFS, SKOS

from .model import Cycle, TreeLink, TreeRow

if TYPE_CHECKING:
    from .graph import KnowledgeGraph

#: (child -> parent, parent -> child) predicates of each kind of tree, in order of preference
KINDS: dict[str, tuple[tuple[URIRef, ...], tuple[URIRef, ...]]] = {
    "organization": (
        (ORG.subOrganizationOf, ORG.unitOf),
        (ORG.hasSubOrganization, ORG.hasUnit),
    ),
    "concept": ((SKOS.broader,), (SKOS.narrower,)),
    "class": ((RDFS.subClassOf,), ()),
}
#: child -> parent predicates of every kind (what a remote source asks about)
UPWARD: tuple[URIRef, ...] = tuple(p for up, _down in KINDS.values() for p in up)
#: parent -> child predicates of every kind
DOWNWARD: tuple[URIRef, ...] = tuple(p for _up, down in KINDS.values() for p in down)

#: Rows a printed tree stops at (a unit under several parents repeats its branch under each).
OUTLINE_CAP = 200_000


def hierarchy_predicates(
    kg: KnowledgeGraph, kind: str = "organization"
) -> tuple[set[str], set[str]]:
    """Upward and downward predicates of *kind*, including declared sub-properties."""
    up = {str(p) for p in KINDS[kind][0]}
    down = {str(p) for p in KINDS[kind][1]}
    for graph in (kg.ontology, kg.rdf):
        for sub, sup in graph.subject_objects(RDFS.subPropertyOf):
            if str(sup) in up:
                up.add(str(sub))
            elif str(sup) in down:
                down.add(str(sub))
    return up, down


class Hierarchy:
    """A forest over entities. Children are sorted by label; cycles are cut."""

    def __init__(
        self,
        links: Iterable[TreeLink],
        *,
        sort_key=lambda node_id: node_id,
    ) -> None:
        self._children: dict[str, list[str]] = defaultdict(list)
        self._parents: dict[str, list[str]] = defaultdict(list)
        self.links: list[TreeLink] = []
        seen: set[tuple[str, str]] = set()
        for link in links:
            if (link.parent, link.child) in seen:
                continue
            seen.add((link.parent, link.child))
            self.links.append(link)
        self.kind = "organization"
        self.cycles: list[Cycle] = []
        raw_children: dict[str, list[TreeLink]] = defaultdict(list)
        for link in self.links:
            raw_children[link.parent].append(link)
        cut = self._find_cycles(raw_children)
        for link in self.links:
            if (link.parent, link.child) in cut:
                continue
            self._children[link.parent].append(link.child)
            self._parents[link.child].append(link.parent)
        for kids in self._children.values():
            kids.sort(key=sort_key)
        members = {link.parent for link in self.links} | {link.child for link in self.links}
        self._roots = sorted((n for n in members if not self._parents.get(n)), key=sort_key)

    @classmethod
    def from_graph(cls, kg: KnowledgeGraph, kind: str = "organization") -> Hierarchy:
        """The tree of *kind* (organization, concept, class); an organization tree leaves
        out classes, whatever links them."""
        up, down = hierarchy_predicates(kg, kind)
        links = []
        for edge in kg.edges():
            if edge.predicate in up:
                links.append(TreeLink(edge.target, edge.source, edge.predicate))
            elif edge.predicate in down:
                links.append(TreeLink(edge.source, edge.target, edge.predicate))
        if kind == "organization":
            links = [
                link
                for link in links
                if kg.node(link.parent).category != "class"
                and kg.node(link.child).category != "class"
            ]

        def sort_key(node_id: str) -> tuple[str, str]:
            return (kg.label(node_id, "en").casefold(), node_id)

        tree = cls(links, sort_key=sort_key)
        tree.kind = kind
        return tree

    def _find_cycles(self, children: dict[str, list[TreeLink]]) -> set[tuple[str, str]]:
        """Iterative DFS; every back edge closes a cycle and is cut."""
        white, grey, black = 0, 1, 2
        colour: dict[str, int] = defaultdict(int)
        cut: set[tuple[str, str]] = set()
        starts = sorted(set(children))
        for start in starts:
            if colour[start] != white:
                continue
            stack: list[tuple[str, int]] = [(start, 0)]
            path: list[str] = [start]
            colour[start] = grey
            while stack:
                node, i = stack[-1]
                kids = children.get(node, ())
                if i < len(kids):
                    stack[-1] = (node, i + 1)
                    link = kids[i]
                    child = link.child
                    if colour[child] == grey:
                        loop = path[path.index(child) :]
                        self.cycles.append(Cycle(tuple(loop), link))
                        cut.add((link.parent, link.child))
                    elif colour[child] == white:
                        colour[child] = grey
                        stack.append((child, 0))
                        path.append(child)
                else:
                    colour[node] = black
                    stack.pop()
                    path.pop()
        return cut

    # --- queries ----------------------------------------------------------------
    def roots(self) -> list[str]:
        return list(self._roots)

    def children(self, node_id: str) -> list[str]:
        return list(self._children.get(node_id, ()))

    def child_count(self, node_id: str) -> int:
        return len(self._children.get(node_id, ()))

    def parents(self, node_id: str) -> list[str]:
        return list(self._parents.get(node_id, ()))

    def also_under(self, node_id: str, parent: str) -> tuple[str, ...]:
        """The other parents of a unit shown under *parent* (empty unless it is shared)."""
        parents = self._parents.get(node_id, ())
        return tuple(p for p in parents if p != parent) if len(parents) > 1 else ()

    def outline(
        self, root: str, *, depth: int | None = None, cap: int = OUTLINE_CAP
    ) -> list[TreeRow]:
        """The rows of the tree below *root* as printed: a unit with several parents under
        each of them (its branch repeated), marked with its other parents. Stops at *cap*
        rows, so a pathological DAG cannot print forever."""
        out: list[TreeRow] = []
        stack: list[tuple[str, int, str]] = [(root, 0, "")]
        while stack and len(out) < cap:
            node, d, parent = stack.pop()
            out.append(TreeRow(node, d, parent, self.also_under(node, parent) if parent else ()))
            if depth is not None and d >= depth:
                continue
            stack.extend((child, d + 1, node) for child in reversed(self._children.get(node, ())))
        return out

    def contains(self, node_id: str) -> bool:
        return node_id in self._children or node_id in self._parents

    def ancestors(self, node_id: str) -> list[str]:
        """The chain of first parents up to a root, root first (a breadcrumb)."""
        chain: list[str] = []
        seen = {node_id}
        current = node_id
        while True:
            parents = self._parents.get(current)
            if not parents:
                break
            current = parents[0]
            if current in seen:  # cannot happen after cutting, kept as a guard
                break
            seen.add(current)
            chain.append(current)
        chain.reverse()
        return chain

    def descendants(self, root: str, *, depth: int | None = None) -> list[tuple[str, int]]:
        """``(id, depth)`` below *root* in pre-order, each node once."""
        out: list[tuple[str, int]] = []
        seen = {root}
        stack = [(root, 0)]
        while stack:
            node, d = stack.pop()
            out.append((node, d))
            if depth is not None and d >= depth:
                continue
            for child in reversed(self._children.get(node, ())):
                if child not in seen:
                    seen.add(child)
                    stack.append((child, d + 1))
        return out


def pick_hierarchy(kg: KnowledgeGraph) -> Hierarchy:
    """The organization tree if the data has one, else its concept tree, else its class
    tree: one kind at a time, never a mix of them."""
    tree = None
    for kind in KINDS:
        tree = Hierarchy.from_graph(kg, kind)
        if tree.links:
            break
    assert tree is not None
    return tree
