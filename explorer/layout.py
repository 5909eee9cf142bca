"""The one layout service: final node positions for a view, for the screen and every export.

``positions(view)`` picks the layout from what the view is (a tree is an org
chart, one entity's neighbourhood is rings around it, a path runs left to right
from its first entity to its last, anything else is a force layout) and then
moves nodes apart until no two node boxes (shape and label, measured as the
SVG writer draws them) overlap. The app caches its result (``ui/layout_cache``)
and every image export calls it, so what is seen is what is exported.

vis-network's own physics takes seconds to settle a few hundred nodes; igraph
lays out 1,000 nodes in well under a second, so the page starts with physics off.
Coordinates are in pixels: ~150 px between linked nodes.
"""

from __future__ import annotations

import math
import random
from collections import deque
from collections.abc import Iterable

from .categories import category
from .hierarchy import UPWARD
from .model import GraphView, Lang, Node

Positions = dict[str, tuple[float, float]]
#: A node's box around its position: (dx, dy) of the box centre, half width, half height.
Box = tuple[float, float, float, float]

#: Layout kinds ``positions`` accepts; ``auto`` chooses one from the view's kind.
KINDS = ("auto", "force", "radial", "orgchart", "path", "hierarchical")
EDGE_LENGTH = 150.0
H_GAP = 150.0
V_GAP = 140.0
#: Above this many nodes repulsion is computed on a grid (1,000 nodes: 0.07 s, not 0.86 s).
GRID_ABOVE = 300
#: Above this many nodes 300 rounds settle the layout as well as 500 do, in 60 % of the time.
FEWER_ROUNDS_ABOVE = 2000
#: Space kept between two node boxes: the page draws a box up to ~6 px wider and taller
#: on each side than the SVG writer (canvas text metrics and line height), so this keeps
#: both clear.
BOX_GAP = 16.0
CHART_GAP_X, CHART_GAP_Y = 24.0, 56.0
#: A parent with at least this many childless children lists them in columns below it.
STACK_FROM = 3
STACK_ROWS = 10
LIST_SPINE = 16.0
#: Rings of a neighbourhood: distance between rings, and the arc each node needs.
RING_GAP = 260.0
ARC_PER_NODE = 170.0
STAGGER_ABOVE = 12
STAGGER_GAP = 130.0


# --- which layout -------------------------------------------------------------------
def kind_for(view: GraphView) -> str:
    """The layout a view reads best in: part of the view, never a sticky user setting."""
    if view.kind == "hierarchy":
        return "orgchart"
    if view.kind == "path":
        return "path"
    if view.kind == "neighbourhood" and len(view.focus) == 1:
        return "radial"
    return "force"


def positions(
    view: GraphView, kind: str = "auto", lang: Lang = "zh", *, seed: int = 1
) -> Positions:
    """Final positions of *view*'s nodes: laid out by *kind*, then with no two boxes overlapping.

    ``auto`` takes the kind from ``kind_for``; ``hierarchical`` is the org chart.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown layout {kind!r}: use one of {', '.join(KINDS)}")
    if kind == "auto":
        kind = kind_for(view)
    boxes = node_boxes(view, lang)
    if kind in ("orgchart", "hierarchical"):
        return org_chart_layout(view, boxes)  # rows and columns already keep boxes apart
    if kind == "path":
        return path_layout(view, boxes)
    if kind == "radial" and view.focus and view.focus[0] in view.node_ids:
        raw = radial_layout(view, view.focus[0])
    else:
        raw = force_layout(view, seed=seed)
    return remove_overlaps(raw, boxes, anchor=view.focus[0] if view.focus else None)


def layout(view: GraphView, kind: str = "force", *, seed: int = 1) -> Positions:
    """Positions for *view* by layout *kind* (see ``positions``), for callers without a language."""
    return positions(view, kind, seed=seed)


# --- node boxes ---------------------------------------------------------------------
def node_box(node: Node, lang: Lang, *, focus: bool = False, extra_lines: int = 0) -> Box:
    """The extent the SVG writer (and the page) gives *node*: its shape and its label.

    *extra_lines*: lines the page adds under the label (a folded unit's "+N").
    """
    from .render.fonts import text_width
    from .render.page import wrap_label
    from .render.svg import BOX_MARGIN, FOCUS_SIZE, FONT_SIZE, INSIDE, LINE_HEIGHT, NODE_SIZE, clean

    lines = [ln for ln in wrap_label(clean(node.label(lang))).split("\n") if ln] or [""]
    text_w = max(text_width(line, FONT_SIZE) for line in lines)
    text_h = (len(lines) + extra_lines) * FONT_SIZE * LINE_HEIGHT
    border = 4.0 if focus else 1.5
    shape = category(node.category).shape
    if shape in INSIDE:
        h = text_h + 2 * BOX_MARGIN
        w = text_w + 2 * BOX_MARGIN if shape == "box" else max(text_w + h, h)
        return 0.0, 0.0, w / 2 + border, h / 2 + border
    r = FOCUS_SIZE if focus else NODE_SIZE
    top, bottom = -r - border, r + 4 + text_h
    return 0.0, (top + bottom) / 2, max(r + border, text_w / 2), (bottom - top) / 2


def node_boxes(view: GraphView, lang: Lang) -> dict[str, Box]:
    focus, folded = set(view.focus), dict(view.folded)
    return {
        n.id: node_box(n, lang, focus=n.id in focus, extra_lines=int(n.id in folded))
        for n in view.nodes
    }


def overlapping_pairs(pos: Positions, boxes: dict[str, Box], gap: float = 0.0) -> int:
    """How many pairs of node boxes overlap (a grid keeps it near-linear)."""
    placed = _Grid(_cell_size(boxes))
    count = 0
    for nid, (x, y) in pos.items():
        rect = _rect(x, y, boxes[nid], gap / 2)
        count += placed.count(rect)
        placed.add(rect)
    return count


def _rect(x: float, y: float, box: Box, pad: float = 0.0) -> tuple[float, float, float, float]:
    dx, dy, hw, hh = box
    return (x + dx - hw - pad, y + dy - hh - pad, x + dx + hw + pad, y + dy + hh + pad)


class _Grid:
    """Rectangles bucketed by cell, for "does this rectangle touch any" in near O(1)."""

    def __init__(self, cell: float) -> None:
        self.cell = max(cell, 1.0)
        self.cells: dict[tuple[int, int], list[tuple[float, float, float, float]]] = {}

    def add(self, r: tuple[float, float, float, float]) -> None:
        c, cells = self.cell, self.cells
        for i in range(math.floor(r[0] / c), math.floor(r[2] / c) + 1):
            for j in range(math.floor(r[1] / c), math.floor(r[3] / c) + 1):
                cells.setdefault((i, j), []).append(r)

    def count(self, r: tuple[float, float, float, float]) -> int:
        """How many stored rectangles *r* overlaps."""
        c, cells = self.cell, self.cells
        x0, y0, x1, y1 = r
        seen = set()
        for i in range(math.floor(x0 / c), math.floor(x1 / c) + 1):
            for j in range(math.floor(y0 / c), math.floor(y1 / c) + 1):
                for o in cells.get((i, j), ()):
                    if o[0] < x1 and x0 < o[2] and o[1] < y1 and y0 < o[3]:
                        seen.add(id(o))
        return len(seen)

    def free(self, r: tuple[float, float, float, float]) -> bool:
        c, cells = self.cell, self.cells
        x0, y0, x1, y1 = r
        for i in range(math.floor(x0 / c), math.floor(x1 / c) + 1):
            for j in range(math.floor(y0 / c), math.floor(y1 / c) + 1):
                for o in cells.get((i, j), ()):
                    if o[0] < x1 and x0 < o[2] and o[1] < y1 and y0 < o[3]:
                        return False
        return True


def _cell_size(boxes: dict[str, Box]) -> float:
    """A grid cell about as wide as a typical box: few cells per box, few boxes per cell."""
    widths = sorted(2 * b[2] for b in boxes.values()) or [100.0]
    return widths[len(widths) // 2] + BOX_GAP


# --- overlap removal ------------------------------------------------------------------
def remove_overlaps(
    pos: Positions, boxes: dict[str, Box], *, anchor: str | None = None
) -> Positions:
    """*pos* with every node box clear of every other, each node moved as little as it can.

    The layout is first scaled so its boxes cover a fair share of its area (see
    ``_room_factor``); then nodes are placed from the centre outward, and one that
    would cover a placed node takes the nearest free spot on rings around where it
    wanted to be, trying the side away from the centre first (so none ever overlap).
    """
    ids = [nid for nid in pos if nid in boxes]
    if len(ids) < 2:
        return {nid: pos[nid] for nid in ids}
    cx = sum(pos[i][0] for i in ids) / len(ids)
    cy = sum(pos[i][1] for i in ids) / len(ids)
    if anchor in pos:
        cx, cy = pos[anchor]
    factor = _room_factor(pos, boxes, ids)
    want = {i: ((pos[i][0] - cx) * factor, (pos[i][1] - cy) * factor) for i in ids}
    order = sorted(ids, key=lambda i: (i != anchor, math.hypot(*want[i]), i))
    grid = _Grid(_cell_size(boxes))
    step = max(8.0, min(b[3] for b in boxes.values()))
    out: Positions = {}
    for nid in order:
        box = boxes[nid]
        spot = _free_spot(grid, *want[nid], box, step)
        grid.add(_rect(*spot, box, BOX_GAP / 2))
        out[nid] = (round(spot[0], 1), round(spot[1], 1))
    return {nid: out[nid] for nid in ids}


def place_added(view: GraphView, placed: Positions, added: Iterable[str], lang: Lang) -> Positions:
    """Positions for *added* nodes around the node each hangs from, clear of *placed* ones.

    An expansion adds a handful of nodes: the rest of the view stays where the user
    has it, and the newcomers take the nearest free spots on a ring around their anchor.
    """
    boxes = node_boxes(view, lang)
    new_ids = [a for a in dict.fromkeys(added) if a in boxes]
    grid = _Grid(_cell_size(boxes))
    for nid, (x, y) in placed.items():
        if nid in boxes and nid not in new_ids:
            grid.add(_rect(x, y, boxes[nid], BOX_GAP / 2))
    anchors: dict[str, list[str]] = {}
    wanted = set(new_ids)
    for e in view.edges:
        for a, b in ((e.source, e.target), (e.target, e.source)):
            if a in wanted and b in placed and b not in wanted:
                anchors.setdefault(b, []).append(a)
    out: Positions = {}
    step = max(8.0, min((b[3] for b in boxes.values()), default=8.0))
    for anchor, kids in anchors.items():
        ax, ay = placed[anchor]
        kids = [k for k in dict.fromkeys(kids) if k not in out]
        radius = 180 + 12 * len(kids)
        for i, kid in enumerate(kids):
            angle = 2 * math.pi * i / max(len(kids), 1)
            want = (ax + radius * math.cos(angle), ay + radius * math.sin(angle))
            out[kid] = _free_spot(grid, *want, boxes[kid], step)
            grid.add(_rect(*out[kid], boxes[kid], BOX_GAP / 2))
    for kid in new_ids:  # linked to nothing on show: beside the view
        if kid not in out:
            out[kid] = _free_spot(grid, 0.0, 0.0, boxes[kid], step)
            grid.add(_rect(*out[kid], boxes[kid], BOX_GAP / 2))
    return {k: (round(x, 1), round(y, 1)) for k, (x, y) in out.items()}


#: At most this many spots are tried on one ring round a crowded spot.
RING_TRIES = 24


def _free_spot(grid: _Grid, x: float, y: float, box: Box, step: float) -> tuple[float, float]:
    pad = BOX_GAP / 2
    if grid.free(_rect(x, y, box, pad)):
        return x, y
    outward = math.atan2(y, x) if (x or y) else 0.0
    ring = 1
    while True:
        radius = ring * step
        count = min(RING_TRIES, max(8, int(2 * math.pi * radius / step)))
        for k in range(count):  # outward first, then alternately either side of it
            turn = (k + 1) // 2 * (1 if k % 2 else -1)
            angle = outward + 2 * math.pi * turn / count
            px, py = x + radius * math.cos(angle), y + radius * math.sin(angle)
            if grid.free(_rect(px, py, box, pad)):
                return px, py
        ring += 1


def _room_factor(pos: Positions, boxes: dict[str, Box], ids: list[str]) -> float:
    """How much to stretch a layout (at least 1) so its boxes cover ``ROOM`` of its area.

    Larger graphs get more room: nodes then rarely land on each other, and pushing
    one aside rarely pushes on a chain of others (5,000 nodes: 0.1 s, not 3 s).
    """
    xs = [pos[i][0] for i in ids]
    ys = [pos[i][1] for i in ids]
    area = max(max(xs) - min(xs), 1.0) * max(max(ys) - min(ys), 1.0)
    boxes_area = sum((2 * boxes[i][2] + BOX_GAP) * (2 * boxes[i][3] + BOX_GAP) for i in ids)
    room = ROOM * min(1.0, math.sqrt(ROOMY_UP_TO / len(ids)))
    return max(1.0, math.sqrt(boxes_area / (area * room)))


#: The share of a force layout's area its node boxes may cover, up to this many nodes.
ROOM = 0.3
ROOMY_UP_TO = 1000


# --- force ----------------------------------------------------------------------------
def _index(view: GraphView) -> tuple[list[str], dict[str, int], list[tuple[int, int]]]:
    ids = [n.id for n in view.nodes]
    where = {nid: i for i, nid in enumerate(ids)}
    pairs = [
        (where[e.source], where[e.target])
        for e in view.edges
        if e.source in where and e.target in where and e.source != e.target
    ]
    # Sorted: the same view gives the same layout whatever order its edges came in
    # (edge order can differ between runs, positions must not).
    return ids, where, sorted(set(pairs))


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
    # Start over the square igraph's grid expects (sqrt(n) a side, as its own random
    # start): in a unit square every node shares one cell and repulsion is all-pairs
    # again (5,000 nodes: 33 s, not 0.8 s).
    side = math.sqrt(n) / 2
    start = [[rng.uniform(-side, side), rng.uniform(-side, side)] for _ in range(n)]
    graph = igraph.Graph(n=n, edges=pairs, directed=False)
    igraph.set_random_number_generator(random.Random(seed))  # igraph jitters nodes at random
    try:
        coords = graph.layout_fruchterman_reingold(
            seed=start, niter=500 if n <= FEWER_ROUNDS_ABOVE else 300, grid=n > GRID_ABOVE
        )
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


# --- rings around one entity ------------------------------------------------------------
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


def radial_layout(view: GraphView, center: str) -> Positions:
    """*center* at the origin, each further hop on a wider ring; unreachable nodes outside.

    A force layout packs a star of 10-40 neighbours into a knot of labels; rings
    by hop distance read outward. Ring 1 is grouped by category; outer rings
    follow the angle of their nearest inner neighbour, so links stay short.
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
    out: Positions = {center: (0.0, 0.0)}
    angle_of: dict[str, float] = {center: 0.0}
    radius = 0.0
    for ring in sorted(k for k in rings if k > 0):
        ids = rings[ring]
        if ring == 1:
            ids.sort(key=lambda i: (by_id[i].category, by_id[i].label("en").casefold()))
            ids = _linked_side_by_side(ids, view)
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
            out[node_id] = (round(r * math.cos(angle), 1), round(r * math.sin(angle), 1))
        if stagger:
            radius += STAGGER_GAP
    return out


def _linked_side_by_side(ids: list[str], view: GraphView) -> list[str]:
    """*ids* (one ring, in their order) with the ones linked to each other placed next to
    each other: two linked neighbours on opposite sides of the ring would draw their link
    straight through the centre and its label on top of the centre's links."""
    ring = set(ids)
    linked: dict[str, list[str]] = {}
    for e in view.edges:
        if e.source in ring and e.target in ring and e.source != e.target:
            linked.setdefault(e.source, []).append(e.target)
            linked.setdefault(e.target, []).append(e.source)
    rank = {node_id: i for i, node_id in enumerate(ids)}
    order: list[str] = []
    placed: set[str] = set()
    for start in ids:
        todo = [start]
        while todo:  # depth first from each unplaced node: a linked group stays together
            node_id = todo.pop()
            if node_id in placed:
                continue
            placed.add(node_id)
            order.append(node_id)
            todo.extend(sorted(set(linked.get(node_id, ())) - placed, key=rank.get, reverse=True))
    return order


# --- a path, left to right -------------------------------------------------------------------
def path_layout(view: GraphView, boxes: dict[str, Box] | None = None) -> Positions:
    """The path's entities in order from left (From) to right (To), with room for each label.

    Two neighbours are as far apart as their half widths plus the relation's label
    and an arrowhead, so the label sits on the line between them, clear of both.
    """
    order = [f for f in view.focus if f in view.node_ids] or [n.id for n in view.nodes]
    order += [n.id for n in view.nodes if n.id not in set(order)]
    boxes = boxes or node_boxes(view, "zh")
    gap = {}
    from .render.fonts import text_width

    for e in view.edges:
        width = max(text_width(e.label(lang), 11.0) for lang in ("zh", "en"))
        gap[frozenset((e.source, e.target))] = width + 60.0
    out: Positions = {}
    x = 0.0
    for i, nid in enumerate(order):
        if i:
            prev = order[i - 1]
            x += boxes[prev][2] + boxes[nid][2] + gap.get(frozenset((prev, nid)), 80.0)
        out[nid] = (round(x, 1), 0.0)
    return out


# --- org chart -----------------------------------------------------------------------------
def hierarchical_layout(view: GraphView, *, upward: set[str] | None = None) -> Positions:
    """The org chart with labels measured in Chinese (see ``org_chart_layout``)."""
    return org_chart_layout(view, node_boxes(view, "zh"), upward=upward)


def org_chart_layout(
    view: GraphView, boxes: dict[str, Box], *, upward: set[str] | None = None
) -> Positions:
    """A top-down org chart: parents above children, boxes side by side, never overlapping.

    Relations whose predicate points from child to parent (``org:subOrganizationOf``,
    ``skos:broader``, ``rdfs:subClassOf`` and *upward*) are turned round first. A
    node with several parents sits under the first one found; cycles are cut.
    A unit with several childless children lists them below and to the right of
    it, as printed org charts do (columns of up to ``STACK_ROWS``), so a wide
    level does not stretch the chart into a thin strip; ``chart_lists`` names
    those links, so the page can draw them as elbows along the list.
    """
    ids, tree, depth = _chart_tree(view, upward)
    if not ids:
        return {}
    size = [(2 * boxes[nid][2], 2 * boxes[nid][3]) for nid in ids]
    # Each level is as tall as its tallest box; a stacked list adds its own rows.
    levels = max(depth) + 1
    level_h = [0.0] * levels
    for i, d in enumerate(depth):
        level_h[d] = max(level_h[d], size[i][1])
    level_y = [0.0] * levels
    for d in range(1, levels):
        level_y[d] = level_y[d - 1] + level_h[d - 1] / 2 + CHART_GAP_Y + level_h[d] / 2
    rel: dict[int, tuple[float, float]] = {}  # node -> offset from its subtree's left edge, y
    width = [0.0] * len(ids)
    roots = [i for i in range(len(ids)) if depth[i] == 0]
    for node in _post_order(tree, roots):
        kids = tree[node]
        own_w = size[node][0]
        leaves = [k for k in kids if not tree[k]]
        stacked = leaves if len(leaves) >= STACK_FROM else []
        listed = set(stacked)
        x, centres = 0.0, []
        for k in kids:  # subtrees side by side, left to right
            if k in listed:
                continue
            _shift(tree, rel, k, x)
            centres.append(rel[k][0])
            x += width[k] + CHART_GAP_X
        centre = (centres[0] + centres[-1]) / 2 if centres else own_w / 2
        if own_w / 2 > centre:  # a parent wider than its children's span: move them right
            for k in kids:
                if k not in listed:
                    _shift(tree, rel, k, own_w / 2 - centre)
            x += own_w / 2 - centre
            centre = own_w / 2
        right = x - CHART_GAP_X if centres else 0.0
        if stacked:  # childless units as a list hanging right of the parent and its subtrees
            floor = right + CHART_GAP_X if centres else 0.0
            right = _stack(stacked, size, level_y[depth[node] + 1], rel, centre, floor)
        rel[node] = (centre, level_y[depth[node]])
        width[node] = max(right, centre + own_w / 2)
    x = 0.0
    for root in roots:
        _shift(tree, rel, root, x)
        x += width[root] + CHART_GAP_X * 2
    return {nid: (round(rel[i][0], 1), round(rel[i][1], 1)) for i, nid in enumerate(ids)}


def _stack(
    kids: list[int],
    size: list[tuple[float, float]],
    top: float,
    rel: dict,
    spine: float,
    floor: float,
) -> float:
    """Place *kids* (all leaves) in columns of at most ``STACK_ROWS`` from *top* down, left
    of none before *floor*; where the last column ends.

    The parent sits at *spine*; its links, drawn as S-curves that leave and enter
    sideways, turn down halfway to the first column, which is why that column
    starts at least half its width plus ``LIST_SPINE`` right of the parent.
    """
    n_columns = math.ceil(len(kids) / STACK_ROWS)
    rows = math.ceil(len(kids) / n_columns)
    row_h = max(size[k][1] for k in kids) + BOX_GAP * 1.5
    x = max(floor, spine + max(size[k][0] for k in kids[:rows]) / 2 + LIST_SPINE)
    for c in range(0, len(kids), rows):
        column = kids[c : c + rows]
        col_w = max(size[k][0] for k in column)
        for r, k in enumerate(column):
            rel[k] = (x + col_w / 2, top + r * row_h)
        x += col_w + CHART_GAP_X
    return x - CHART_GAP_X


def _chart_tree(
    view: GraphView, upward: set[str] | None = None
) -> tuple[list[str], list[list[int]], list[int]]:
    """The view as a forest (ids, children per node, depth per node), links turned downward."""
    ids, where, _pairs = _index(view)
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
    if not ids:
        return ids, [], []
    for kids in children:  # siblings in the view's order, not the edges' order
        kids.sort()
    tree, depth = _spanning_forest(children, has_parent)
    return ids, tree, depth


def chart_lists(view: GraphView) -> frozenset[frozenset[str]]:
    """The (parent, child) links an org chart draws as a list below the parent, unordered."""
    ids, tree, _depth = _chart_tree(view)
    out = set()
    for node, kids in enumerate(tree):
        leaves = [k for k in kids if not tree[k]]
        if len(leaves) >= STACK_FROM:
            out.update(frozenset((ids[node], ids[k])) for k in leaves)
    return frozenset(out)


def chart_links(view: GraphView) -> dict[str, str]:
    """How an org chart draws each link, by edge id: ``"side"`` along a list's spine,
    ``"down"`` from a parent into its unit; empty when *view* is not an org chart. The
    page and the SVG writer both read it, so the screen and exports draw the same."""
    if view.kind != "hierarchy":
        return {}
    listed = chart_lists(view)
    return {
        e.id: "side" if frozenset((e.source, e.target)) in listed else "down" for e in view.edges
    }


def chart_anchor(view: GraphView) -> str | None:
    """The root of the view's largest tree: where a reader starts an org chart too big to fit."""
    ids, tree, depth = _chart_tree(view)
    best, best_size = None, 0
    for root in (i for i in range(len(ids)) if depth[i] == 0):
        size = len(_post_order(tree, [root]))
        if size > best_size:
            best, best_size = ids[root], size
    return best


def _shift(tree: list[list[int]], rel: dict, node: int, dx: float) -> None:
    stack = [node]
    while stack:
        n = stack.pop()
        rel[n] = (rel[n][0] + dx, rel[n][1])
        stack.extend(tree[n])


def _post_order(tree: list[list[int]], roots: list[int]) -> list[int]:
    out: list[int] = []
    for root in roots:
        stack: list[tuple[int, bool]] = [(root, False)]
        while stack:
            node, done = stack.pop()
            if done:
                out.append(node)
                continue
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(tree[node]))
    return out


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
