"""Selections of the graph to draw or export: whole, neighbourhood, path, tree, filtered.

Every view is capped: the count of what the cap left out travels in
``GraphView.omitted`` so the UI can offer "N more…". Views read any
``GraphSource``: before each hop they let a lazy source (a store, an endpoint)
fetch the facts around a whole frontier in one batch, and the whole-graph view
asks the source for its most connected entities instead of sorting every node.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING, Literal

from .model import Edge, GraphView, Path, Step
from .sources.protocol import prefetch, top_entities

if TYPE_CHECKING:
    from .sources.protocol import GraphSource as KnowledgeGraph

Direction = Literal["both", "out", "in"]
#: How many entities a path search may visit on a store or endpoint before giving up.
LAZY_PATH_LIMIT = 20_000


def _view(
    kg: KnowledgeGraph,
    node_ids: Iterable[str],
    *,
    title: str,
    kind: str,
    focus: tuple[str, ...] = (),
    omitted: int = 0,
    edges: Iterable[Edge] | None = None,
    folded: tuple[tuple[str, int], ...] = (),
) -> GraphView:
    ids = list(dict.fromkeys(node_ids))
    keep = set(ids)
    prefetch(kg, ids)
    if edges is None:
        edges = (e for nid in ids for e in kg.out_edges(nid) if e.target in keep)
    return GraphView(
        nodes=tuple(kg.node(nid) for nid in ids),
        edges=tuple(dict.fromkeys(edges)),
        title=title,
        focus=focus,
        omitted=omitted,
        kind=kind,
        folded=folded,
    )


def whole(kg: KnowledgeGraph, *, cap: int = 500) -> GraphView:
    """The whole graph, or its *cap* most connected entities."""
    total = len(kg)
    ids = top_entities(kg, cap) if total > cap else [n.id for n in kg.nodes()]
    return _view(kg, ids, title="", kind="all", omitted=max(0, total - len(ids)))


def _neighbours(kg: KnowledgeGraph, node_id: str, direction: Direction, predicates):
    if direction in ("both", "out"):
        for e in kg.out_edges(node_id):
            if predicates is None or e.predicate in predicates:
                yield e.target
    if direction in ("both", "in"):
        for e in kg.in_edges(node_id):
            if predicates is None or e.predicate in predicates:
                yield e.source


def neighbourhood(
    kg: KnowledgeGraph,
    center: str,
    *,
    depth: int = 1,
    direction: Direction = "both",
    predicates: set[str] | None = None,
    cap: int = 200,
) -> GraphView:
    """Entities within *depth* hops of *center*, nearest first, at most *cap* of them."""
    hops = {center: 0}
    reached: set[str] = {center}
    frontier, level = [center], 0
    while frontier and level < depth:  # breadth first, one batch per level
        prefetch(kg, frontier)
        following = []
        for node in frontier:
            for nb in _neighbours(kg, node, direction, predicates):
                if nb in reached:
                    continue
                reached.add(nb)
                if len(hops) < cap:
                    hops[nb] = level + 1
                    following.append(nb)
        frontier, level = following, level + 1
    prefetch(kg, hops)
    keep = set(hops)
    edges = [
        e
        for nid in hops
        for e in kg.out_edges(nid)
        if e.target in keep and (predicates is None or e.predicate in predicates)
    ]
    return _view(
        kg,
        hops,
        title=kg.label(center),
        kind="neighbourhood",
        focus=(center,),
        omitted=len(reached) - len(hops),
        edges=edges,
    )


def expand(kg: KnowledgeGraph, view: GraphView, node_id: str, *, cap: int = 200) -> GraphView:
    """*view* plus the direct neighbours of *node_id* (double-click in the graph)."""
    ids = [n.id for n in view.nodes]
    present = set(ids)
    prefetch(kg, [node_id])
    new = [nb for nb in dict.fromkeys(_neighbours(kg, node_id, "both", None)) if nb not in present]
    added = new[:cap]
    omitted = len(new) - len(added)
    return _view(
        kg,
        ids + added,
        title=view.title,
        kind=view.kind,
        focus=view.focus,
        omitted=view.omitted + omitted,
    )


def shortest_path(
    kg: KnowledgeGraph, a: str, b: str, *, directed: bool = False, max_visited: int | None = None
) -> Path | None:
    """The shortest chain of relations from *a* to *b* (either direction unless *directed*).

    On lazy sources the search gives up after *max_visited* entities (default
    ``LAZY_PATH_LIMIT``): a missing path must not walk a million-node graph.
    """
    if a not in kg or b not in kg:
        return None
    lazy = hasattr(kg, "prefetch_around")
    if max_visited is None and lazy:
        max_visited = LAZY_PATH_LIMIT
    previous: dict[str, tuple[str, Edge, bool] | None] = {a: None}
    frontier = [a]
    while frontier and b not in previous:  # breadth first, one batch per level
        if max_visited is not None and len(previous) > max_visited:
            return None
        if lazy:
            prefetch(kg, frontier)
        following: list[str] = []
        for node in frontier:
            if b in previous:
                break
            steps = [(e.target, e, True) for e in kg.out_edges(node)]
            if not directed:
                steps += [(e.source, e, False) for e in kg.in_edges(node)]
            for nxt, edge, forward in steps:
                if nxt not in previous:
                    previous[nxt] = (node, edge, forward)
                    following.append(nxt)
        frontier = following
    if b not in previous:
        return None
    nodes, hops = [b], []
    while previous[nodes[-1]] is not None:
        node, edge, forward = previous[nodes[-1]]  # type: ignore[misc]
        hops.append(Step(edge, forward))
        nodes.append(node)
    nodes.reverse()
    hops.reverse()
    return Path(tuple(nodes), tuple(hops))


def path_view(kg: KnowledgeGraph, path: Path) -> GraphView:
    return _view(
        kg,
        path.node_ids,
        title=f"{kg.label(path.node_ids[0])} → {kg.label(path.node_ids[-1])}",
        kind="path",
        focus=path.node_ids,
        edges=(s.edge for s in path.steps),
    )


def hierarchy_view(
    kg: KnowledgeGraph,
    root: str | None = None,
    *,
    depth: int | None = None,
    cap: int = 500,
    open_units: Collection[str] | None = None,
) -> GraphView:
    """The organization tree (below *root*, or every tree), as nodes and tree links.

    With *open_units* the tree is folded: only the children of those units are
    shown, and every other unit with children is listed in ``GraphView.folded``.
    """
    tree = kg.hierarchy
    starts = [root] if root else tree.roots()
    folded: dict[str, int] = {}
    if open_units is not None:
        order = _open_walk(tree, starts, set(open_units), folded, 2 * cap)
    else:
        order = []
        # a lazy tree walks only what the cap can use (then "N more…" counts up to cap more)
        bound = {"limit": 2 * cap} if hasattr(tree, "prefetch") else {}
        for start in starts:
            if bound and len(order) >= bound["limit"]:
                break
            for node_id, _d in tree.descendants(start, depth=depth, **bound):
                order.append(node_id)
    order = list(dict.fromkeys(order))
    kept = order[:cap]
    keep = set(kept)
    prefetch(kg, kept)
    if hasattr(tree, "prefetch"):  # a lazy tree: every kept node's children in one batch
        tree.prefetch(kept)
    edges = [
        e
        for nid in kept
        for e in kg.out_edges(nid) + kg.in_edges(nid)
        if e.source in keep and e.target in keep and _is_tree_edge(tree, e)
    ]
    return _view(
        kg,
        kept,
        title=kg.label(root) if root else "",
        kind="hierarchy",
        focus=(root,) if root else (),
        omitted=len(order) - len(kept),
        edges=edges,
        folded=tuple((u, n) for u, n in folded.items() if u in keep),
    )


def _open_walk(
    tree, starts: list[str], open_units: set[str], folded: dict, limit: int
) -> list[str]:
    """Units from *starts* down, entering only *open_units*; folded ones go in *folded*."""
    order: list[str] = []
    seen: set[str] = set()
    stack = list(reversed(starts))
    while stack and len(order) < limit:
        node = stack.pop()
        if node in seen:  # a unit under several parents, or a cycle: shown once
            continue
        seen.add(node)
        order.append(node)
        kids = tree.children(node)
        if not kids:
            continue
        if node in open_units:
            stack.extend(reversed([k for k in kids if k not in seen]))
        else:
            folded[node] = len(kids)
    return order


def opening_units(
    kg: KnowledgeGraph, *, root: str | None = None, most: int = 40
) -> set[str] | None:
    """The units to open so an org chart shows its top levels and about *most* units.

    ``None`` when the graph has no organization tree worth drawing (fewer than 3 units).
    """
    tree = kg.hierarchy
    level = [root] if root else list(tree.roots())
    shown, opened = len(level), set()
    while level:
        below = [k for node in level for k in tree.children(node)]
        if not below or (opened and shown + len(below) > most):
            break
        opened.update(level)
        shown += len(below)
        level = [k for k in dict.fromkeys(below) if k not in opened]
    return opened if shown >= 3 and opened else None


def _is_tree_edge(tree, edge: Edge) -> bool:
    # children, not parents: a lazy tree has them cached from the walk that made the view
    return edge.source in tree.children(edge.target) or edge.target in tree.children(edge.source)


def filter_view(view: GraphView, hidden_categories: set[str]) -> GraphView:
    """*view* without the entities of *hidden_categories* (and their relations)."""
    if not hidden_categories:
        return view
    nodes = tuple(n for n in view.nodes if n.category not in hidden_categories)
    keep = {n.id for n in nodes}
    edges = tuple(e for e in view.edges if e.source in keep and e.target in keep)
    return GraphView(
        nodes=nodes,
        edges=edges,
        title=view.title,
        focus=tuple(f for f in view.focus if f in keep),
        omitted=view.omitted,
        kind=view.kind,
        folded=tuple((u, n) for u, n in view.folded if u in keep),
    )
