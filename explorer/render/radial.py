"""Rings around one entity: the layout for a neighbourhood view.

A force layout packs a star of 10-40 neighbours into a knot of overlapping
labels; rings by hop distance keep every label apart and read outward.
"""

from __future__ import annotations

import math
from collections import deque

from ..model import GraphView

#: Distance between rings, and the arc each node needs on its ring (pixel-like units).
RING_GAP = 260.0
ARC_PER_NODE = 170.0
STAGGER_ABOVE = 12
STAGGER_GAP = 130.0


def hops_from(view: GraphView, center: str) -> dict[str, int]:
    """Hop distance of each node of *view* from *center*, following edges both ways."""
    links: dict[str, set[str]] = {n.id: set() for n in view.nodes}
    for e in view.edges:
        if e.source in links and e.target in links:
            links[e.source].add(e.target)
            links[e.target].add(e.source)
    hops = {center: 0}
    queue = deque([center])
    while queue:
        node = queue.popleft()
        for nb in sorted(links.get(node, ())):
            if nb not in hops:
                hops[nb] = hops[node] + 1
                queue.append(nb)
    return hops


def radial_layout(view: GraphView, center: str) -> dict[str, tuple[float, float]]:
    """*center* at the origin, each further hop on a wider ring; unreachable nodes outside.

    Ring 1 is grouped by category; outer rings follow the angle of their nearest
    inner neighbour, so links stay short.
    """
    if center not in view.node_ids:
        return {}
    hops = hops_from(view, center)
    outer = max(hops.values(), default=0) + 1
    by_id = {n.id: n for n in view.nodes}
    rings: dict[int, list[str]] = {}
    for node in view.nodes:
        rings.setdefault(hops.get(node.id, outer), []).append(node.id)
    parents: dict[str, list[str]] = {}
    for e in view.edges:
        for a, b in ((e.source, e.target), (e.target, e.source)):
            if a in hops and b in hops and hops[b] == hops[a] - 1:
                parents.setdefault(a, []).append(b)
    positions: dict[str, tuple[float, float]] = {center: (0.0, 0.0)}
    angle_of: dict[str, float] = {center: 0.0}
    radius = 0.0
    for ring in sorted(k for k in rings if k > 0):
        ids = rings[ring]
        if ring == 1:
            ids.sort(key=lambda i: (by_id[i].category, by_id[i].label("en").casefold()))
        else:
            ids.sort(key=lambda i: min((angle_of[p] for p in parents.get(i, ())), default=7.0))
        # A crowded ring alternates between two radii, so neighbours' labels do not touch.
        stagger = len(ids) > STAGGER_ABOVE
        arc = ARC_PER_NODE / 2 if stagger else ARC_PER_NODE
        radius = max(radius + RING_GAP, len(ids) * arc / (2 * math.pi))
        for i, node_id in enumerate(ids):
            angle = 2 * math.pi * i / len(ids) - math.pi / 2
            r = radius + (STAGGER_GAP if stagger and i % 2 else 0.0)
            angle_of[node_id] = angle % (2 * math.pi)
            positions[node_id] = (round(r * math.cos(angle), 1), round(r * math.sin(angle), 1))
        if stagger:
            radius += STAGGER_GAP
    return positions
