"""Node positions computed in Python, shared by the screen and every exported image.

vis-network's own physics takes seconds to settle a few hundred nodes; igraph
lays out 1,000 nodes in well under a second, so the page starts with physics off.
Coordinates are in pixels: ~150 px between linked nodes.
"""

from __future__ import annotations

import math
import random

from .hierarchy import UPWARD
from .model import GraphView

Positions = dict[str, tuple[float, float]]

EDGE_LENGTH = 150.0
H_GAP = 150.0
V_GAP = 140.0


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
        coords = graph.layout_fruchterman_reingold(seed=start, niter=500, grid=n > 1000)
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
    """A top-down layered layout: parents above children (Sugiyama, via igraph).

    Relations whose predicate points from child to parent (``org:subOrganizationOf``,
    ``skos:broader``, ``rdfs:subClassOf`` and *upward*) are turned round first.
    """
    import igraph

    ids, where, _pairs = _index(view)
    if not ids:
        return {}
    up = {str(p) for p in UPWARD} | (upward or set())
    directed: list[tuple[int, int]] = []
    for e in view.edges:
        if e.source in where and e.target in where and e.source != e.target:
            a, b = where[e.source], where[e.target]
            directed.append((b, a) if e.predicate in up else (a, b))
    directed = list(dict.fromkeys(directed))
    graph = igraph.Graph(n=len(ids), edges=directed, directed=True)
    layers = _layers(len(ids), directed)
    coords = graph.layout_sugiyama(layers=layers, hgap=1, vgap=1, maxiter=50)
    xy = [tuple(coords[i]) for i in range(len(ids))]
    return {
        nid: (round(x * H_GAP, 1), round(y * V_GAP, 1)) for nid, (x, y) in zip(ids, xy, strict=True)
    }


def _layers(n: int, edges: list[tuple[int, int]]) -> list[int]:
    """Longest-path layering from the sources, ignoring edges that close a cycle."""
    children: list[list[int]] = [[] for _ in range(n)]
    indegree = [0] * n
    for a, b in edges:
        children[a].append(b)
        indegree[b] += 1
    layer = [0] * n
    order = [i for i in range(n) if indegree[i] == 0]
    seen = 0
    remaining = indegree[:]
    while seen < len(order):
        node = order[seen]
        seen += 1
        for child in children[node]:
            layer[child] = max(layer[child], layer[node] + 1)
            remaining[child] -= 1
            if remaining[child] == 0:
                order.append(child)
    # nodes on cycles never reached indegree 0: place them under their placed parents
    placed = set(order)
    for i in range(n):
        if i not in placed:
            layer[i] = max((layer[a] + 1 for a, b in edges if b == i and a in placed), default=0)
    return layer


def layout(view: GraphView, kind: str = "force", *, seed: int = 1) -> Positions:
    """Positions for *view* by layout *kind*: ``force`` or ``hierarchical``."""
    if kind == "hierarchical":
        return hierarchical_layout(view)
    if kind == "force":
        return force_layout(view, seed=seed)
    raise ValueError(f"unknown layout {kind!r}: use force or hierarchical")
