"""Node positions computed in Python, shared by the screen and every exported image.

vis-network's own physics takes seconds to settle a few hundred nodes; igraph
lays out 1,000 nodes in well under a second, so the page starts with physics off.
Coordinates are in pixels: ~150 px between linked nodes.
"""

from __future__ import annotations

import math
import random
from collections import deque

from .hierarchy import UPWARD
from .model import GraphView

Positions = dict[str, tuple[float, float]]

EDGE_LENGTH = 150.0
H_GAP = 150.0
V_GAP = 140.0
#: Above this many nodes repulsion is computed on a grid (1,000 nodes: 0.07 s, not 0.86 s).
GRID_ABOVE = 300


def _index(view: GraphView) -> tuple[list[str], dict[str, int], list[tuple[int, int]]]:
    ids = [n.id for n in view.nodes]
    where = {nid: i for i, nid in enumerate(ids)}
    pairs = [
        (where[e.source], where[e.target])
        for e in view.edges
        if e.source in where and e.target in where and e.source != e.target
    ]
    return ids, where, list(dict.fromkeys(pairs))


def force_layout(view: GraphView, *, seed: int = 1) -> Positions:
    """A force-directed layout (igraph Fruchterman-Reingold), deterministic for a seed."""
    import igraph  # imported lazily: not needed to open a file

    ids, _where, pairs = _index(view)
    n = len(ids)
    if n == 0:
        return {}
    if n == 1:
        return {ids[0]: (0.0, 0.0)}
    rng = random.Random(seed)
    start = [[rng.uniform(-1, 1), rng.uniform(-1, 1)] for _ in range(n)]
    graph = igraph.Graph(n=n, edges=pairs, directed=False)
    igraph.set_random_number_generator(random.Random(seed))  # igraph jitters nodes at random
    try:
        coords = graph.layout_fruchterman_reingold(seed=start, niter=500, grid=n > GRID_ABOVE)
    finally:
        igraph.set_random_number_generator(random)
    xy = [tuple(c) for c in coords]
    return _scaled(ids, xy, pairs)


def _scaled(ids: list[str], xy: list[tuple[float, ...]], pairs: list[tuple[int, int]]) -> Positions:
    """Scale so linked nodes sit ~EDGE_LENGTH apart (or spread isolated ones), centred on 0."""
    if pairs:
        lengths = [math.dist(xy[a], xy[b]) for a, b in pairs]
        typical = sorted(lengths)[len(lengths) // 2] or 1.0
    else:
        xs = [p[0] for p in xy]
        typical = (max(xs) - min(xs)) / max(1.0, math.sqrt(len(xy))) or 1.0
    factor = EDGE_LENGTH / typical
    cx = sum(p[0] for p in xy) / len(xy)
    cy = sum(p[1] for p in xy) / len(xy)
    return {
        nid: (round((p[0] - cx) * factor, 1), round((p[1] - cy) * factor, 1))
        for nid, p in zip(ids, xy, strict=True)
    }


def hierarchical_layout(view: GraphView, *, upward: set[str] | None = None) -> Positions:
    """A top-down tidy tree: parents above children, every leaf in its own column.

    Relations whose predicate points from child to parent (``org:subOrganizationOf``,
    ``skos:broader``, ``rdfs:subClassOf`` and *upward*) are turned round first. A
    node with several parents sits under the first one found; cycles are cut, so
    no two nodes ever share a position.
    """
    ids, where, _pairs = _index(view)
    if not ids:
        return {}
    up = {str(p) for p in UPWARD} | (upward or set())
    children: list[list[int]] = [[] for _ in ids]
    has_parent = [False] * len(ids)
    for e in view.edges:
        if e.source in where and e.target in where and e.source != e.target:
            a, b = where[e.source], where[e.target]
            parent, child = (b, a) if e.predicate in up else (a, b)
            if child not in children[parent]:
                children[parent].append(child)
                has_parent[child] = True
    tree_children, depth = _spanning_forest(children, has_parent)
    x = _tidy_columns(tree_children, [i for i in range(len(ids)) if depth[i] == 0])
    return {nid: (round(x[i] * H_GAP, 1), round(depth[i] * V_GAP, 1)) for i, nid in enumerate(ids)}


def _spanning_forest(
    children: list[list[int]], has_parent: list[bool]
) -> tuple[list[list[int]], list[int]]:
    """Breadth-first from the roots: each node keeps its first parent; depth per node."""
    n = len(children)
    depth = [-1] * n
    tree: list[list[int]] = [[] for _ in range(n)]
    starts = [i for i in range(n) if not has_parent[i]]
    queue: deque[int] = deque()
    while True:
        if not queue:
            start = next((i for i in starts if depth[i] < 0), None)
            if start is None:  # only cycles remain: break one open at its first node
                start = next((i for i in range(n) if depth[i] < 0), None)
            if start is None:
                return tree, depth
            depth[start] = 0
            queue.append(start)
        node = queue.popleft()
        for child in children[node]:
            if depth[child] < 0:
                depth[child] = depth[node] + 1
                tree[node].append(child)
                queue.append(child)


def _tidy_columns(tree: list[list[int]], roots: list[int]) -> list[float]:
    """Leaves take consecutive columns; a parent sits over the middle of its children."""
    x = [0.0] * len(tree)
    column = 0
    for root in roots:
        stack: list[tuple[int, bool]] = [(root, False)]
        while stack:
            node, done = stack.pop()
            if done:
                kids = tree[node]
                x[node] = (x[kids[0]] + x[kids[-1]]) / 2
                continue
            if not tree[node]:
                x[node] = column
                column += 1
                continue
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(tree[node]))
    return x


def layout(view: GraphView, kind: str = "force", *, seed: int = 1) -> Positions:
    """Positions for *view* by layout *kind*: ``force`` or ``hierarchical``."""
    if kind == "hierarchical":
        return hierarchical_layout(view)
    if kind == "force":
        return force_layout(view, seed=seed)
    raise ValueError(f"unknown layout {kind!r}: use force or hierarchical")
