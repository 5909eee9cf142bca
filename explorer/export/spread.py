"""Room for the labels: scale a Python layout so node labels do not overlap.

The layouts put linked nodes ~150 px apart whatever their labels; on screen
the user zooms, on paper the labels must be readable. Used for command-line
exports only: from the app an image is what the user sees.
"""

from __future__ import annotations

import math

from ..categories import category
from ..model import GraphView, Lang
from ..render.fonts import text_width
from ..render.svg import BOX_MARGIN, FONT_SIZE, INSIDE, LINE_HEIGHT, NODE_SIZE, wrap_label
from .options import Positions

#: Never stretch more than this: a dense cluster would otherwise make a huge image.
MAX_FACTOR = 2.5
PERCENTILE = 0.9
GAP = 6.0


def _half_size(view: GraphView, lang: Lang) -> dict[str, tuple[float, float]]:
    sizes = {}
    for node in view.nodes:
        lines = wrap_label(node.label(lang)).split("\n")
        width = max(text_width(line, FONT_SIZE) for line in lines)
        height = len(lines) * FONT_SIZE * LINE_HEIGHT
        if category(node.category).shape in INSIDE:
            sizes[node.id] = (width / 2 + BOX_MARGIN, height / 2 + BOX_MARGIN)
        else:
            sizes[node.id] = (max(width / 2, NODE_SIZE), NODE_SIZE + height / 2 + 2)
    return sizes


def spread(view: GraphView, positions: Positions, lang: Lang) -> Positions:
    """*positions* scaled about the origin so that most labels stop overlapping.

    Each node needs the factor that separates it from its worst neighbour; the
    layout is scaled by the 90th percentile of those needs (at most
    ``MAX_FACTOR``), so one tight pair cannot blow a whole graph up.
    """
    sizes = _half_size(view, lang)
    ids = [n.id for n in view.nodes if n.id in positions]
    need = dict.fromkeys(ids, 1.0)
    for i, a in enumerate(ids):
        ax, ay = positions[a]
        aw, ah = sizes[a]
        for b in ids[i + 1 :]:
            bx, by = positions[b]
            bw, bh = sizes[b]
            dx, dy = abs(ax - bx), abs(ay - by)
            need_x = (aw + bw + GAP) / dx if dx > 1e-6 else math.inf
            need_y = (ah + bh + GAP) / dy if dy > 1e-6 else math.inf
            pair = min(need_x, need_y, MAX_FACTOR)
            if pair > need[a]:
                need[a] = pair
            if pair > need[b]:
                need[b] = pair
    if not need:
        return dict(positions)
    ranked = sorted(need.values())
    factor = ranked[min(len(ranked) - 1, int(len(ranked) * PERCENTILE))]
    if factor <= 1.0:
        return dict(positions)
    return {nid: (x * factor, y * factor) for nid, (x, y) in positions.items()}
