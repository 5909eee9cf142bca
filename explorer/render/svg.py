"""The one drawing of a view as an image: an SVG document with real text.

vis-network draws only to a canvas, so exported images are drawn here, from the
same positions, the same category style table and the same label wrapping as
the page. PNG and PDF are this SVG rendered (see ``explorer.export``), so all
three agree. Only SVG Tiny features are used (no markers, no CSS, no
``paint-order``) so Qt's renderer, browsers and Inkscape draw the same thing.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

from ..categories import CATEGORIES, Category, category
from ..model import Edge, GraphView, Lang, label_language
from .fonts import FONT_FAMILIES, text_width
from .page import EDGE_FONT_SIZE, circle_positions, folded_marker, wrap_label  # as on screen

Point = tuple[float, float]

# Mirrors explorer/render/page.py (node_record, edge_record, options).
NODE_SIZE, FOCUS_SIZE = 12.0, 16.0
FONT_SIZE, TITLE_SIZE, LEGEND_SIZE = 14.0, 20.0, 13.0
LINE_HEIGHT = 1.25
BOX_MARGIN = 8.0
EDGE_COLOUR, PATH_COLOUR, EDGE_TEXT = "#9aa5b1", "#d35400", "#444444"
ROUNDNESS = 0.2
PAD = 24.0
INSIDE = frozenset({"box", "ellipse", "circle", "database", "text"})
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class SvgOptions:
    """What to draw besides the graph, and how."""

    lang: Lang = "zh"
    legend: bool = True
    title: str = ""  # drawn above the graph when not empty
    background: str | None = "#ffffff"  # None: transparent
    edge_labels: bool = True
    font_family: str = FONT_FAMILIES  # PNG/PDF pass the one installed family


@dataclass(slots=True)
class _Box:
    """Bounds being collected: min x, min y, max x, max y."""

    x0: float = math.inf
    y0: float = math.inf
    x1: float = -math.inf
    y1: float = -math.inf

    def add(self, x: float, y: float, w: float = 0.0, h: float = 0.0) -> None:
        self.x0, self.y0 = min(self.x0, x), min(self.y0, y)
        self.x1, self.y1 = max(self.x1, x + w), max(self.y1, y + h)


@dataclass(slots=True)
class _Canvas:
    """SVG fragments in drawing order, and where they reach."""

    parts: list[str] = field(default_factory=list)
    box: _Box = field(default_factory=_Box)


def clean(text: str) -> str:
    """Text safe for XML 1.0 (control characters and lone surrogates removed)."""
    return _XML_BAD.sub("", text)


def _n(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".") if math.isfinite(v) else "0"


def _text(c: _Canvas, x: float, top: float, line: str, size: float, fill: str, **kw) -> None:
    """One line of text centred on *x* with its top at *top* (bounds include its width)."""
    width = text_width(line, size)
    anchor = kw.pop("anchor", "middle")
    left = x - width / 2 if anchor == "middle" else x
    c.box.add(left, top, width, size * LINE_HEIGHT)
    extra = "".join(f" {k.replace('_', '-')}={quoteattr(str(v))}" for k, v in kw.items())
    c.parts.append(
        f'<text x="{_n(x)}" y="{_n(top + size * 0.95)}" font-size="{_n(size)}" '
        f'fill="{fill}" text-anchor="{anchor}"{extra}>{escape(clean(line))}</text>'
    )


def _lines(text: str) -> list[str]:
    return [ln for ln in wrap_label(clean(text)).split("\n") if ln] or [""]


# --- shapes ----------------------------------------------------------------------
def _polygon(points: list[Point]) -> str:
    return " ".join(f"{_n(x)},{_n(y)}" for x, y in points)


def shape_points(shape: str, x: float, y: float, r: float) -> list[Point] | None:
    """Corners of vis-network's polygon shapes (None for round or boxed ones)."""
    if shape == "square":
        return [(x - r, y - r), (x + r, y - r), (x + r, y + r), (x - r, y + r)]
    if shape == "diamond":
        return [(x, y - r), (x + r, y), (x, y + r), (x - r, y)]
    if shape in ("triangle", "triangleDown"):
        side = 2 * r
        inner, height = math.sqrt(3) / 6 * side, math.sqrt(side**2 - r**2)
        k = 1 if shape == "triangle" else -1
        return [(x, y - k * (height - inner)), (x + r, y + k * inner), (x - r, y + k * inner)]
    if shape == "hexagon":
        return [
            (x + r * math.cos(i * math.pi / 3), y + r * math.sin(i * math.pi / 3)) for i in range(6)
        ]
    if shape == "star":
        s, cy = r * 0.82, y + 0.1 * r * 0.82
        return [
            (
                x + (s * 1.3 if i % 2 == 0 else s * 0.5) * math.sin(i * math.pi / 5),
                cy - (s * 1.3 if i % 2 == 0 else s * 0.5) * math.cos(i * math.pi / 5),
            )
            for i in range(10)
        ]
    return None


def _shape(c: _Canvas, cat: Category, shape: str, x: float, y: float, r: float, bw: float) -> None:
    style = f'fill="{cat.colour}" stroke="{cat.border}" stroke-width="{_n(bw)}"'
    points = shape_points(shape, x, y, r)
    if points is None:
        c.parts.append(f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(r)}" {style}/>')
        points = [(x - r, y - r), (x + r, y + r)]
    else:
        c.parts.append(f'<polygon points="{_polygon(points)}" {style}/>')
    for px, py in points:
        c.box.add(px - bw, py - bw, 2 * bw, 2 * bw)


@dataclass(frozen=True, slots=True)
class _Placed:
    """A node's drawn extent, for clipping edges at its border."""

    x: float
    y: float
    shape: str
    hw: float  # half width
    hh: float  # half height
    rect: tuple[float, float, float, float]  # all it covers, label included: x0, y0, x1, y1

    def border(self, angle: float) -> float:
        """Distance from the centre to the border in direction *angle*."""
        cos, sin = abs(math.cos(angle)), abs(math.sin(angle))
        if self.shape == "box":
            return min(
                self.hw / cos if cos > 1e-9 else math.inf, self.hh / sin if sin > 1e-9 else math.inf
            )
        if self.shape in INSIDE:
            return self.hw * self.hh / math.hypot(self.hh * cos, self.hw * sin)
        return self.hw

    def outside(self, p: Point) -> bool:
        """Whether *p* lies beyond the node's border (where an edge still shows)."""
        return math.hypot(p[0] - self.x, p[1] - self.y) > self.border(
            math.atan2(p[1] - self.y, p[0] - self.x)
        )


def _node(c: _Canvas, node, pos: Point, lang: Lang, focus: bool, folded: int = 0) -> _Placed:
    """*folded*: the units a folded org-chart unit hides, "▸ +N" under its label as on the page."""
    cat = category(node.category)
    x, y = pos
    bw = 4.0 if focus else 1.5
    lines = _lines(node.label(lang)) + ([folded_marker(folded)] if folded else [])
    lh = FONT_SIZE * LINE_HEIGHT
    c.parts.append(f"<g><title>{escape(clean(node.label('both')))}</title>")
    if cat.shape in INSIDE:
        tw = max(text_width(ln, FONT_SIZE) for ln in lines)
        th = lh * len(lines)
        if cat.shape == "box":
            w, h = tw + 2 * BOX_MARGIN, th + 2 * BOX_MARGIN
            c.parts.append(
                f'<rect x="{_n(x - w / 2)}" y="{_n(y - h / 2)}" width="{_n(w)}" height="{_n(h)}" '
                f'rx="6" ry="6" fill="{cat.colour}" stroke="{cat.border}" stroke-width="{_n(bw)}"/>'
            )
        else:
            h = th + 2 * BOX_MARGIN
            w = max(tw + h, h)
            c.parts.append(
                f'<ellipse cx="{_n(x)}" cy="{_n(y)}" rx="{_n(w / 2)}" ry="{_n(h / 2)}" '
                f'fill="{cat.colour}" stroke="{cat.border}" stroke-width="{_n(bw)}"/>'
            )
        c.box.add(x - w / 2 - bw, y - h / 2 - bw, w + 2 * bw, h + 2 * bw)
        for i, line in enumerate(lines):
            _text(c, x, y - th / 2 + i * lh, line, FONT_SIZE, "#ffffff")
        rect = (x - w / 2 - bw, y - h / 2 - bw, x + w / 2 + bw, y + h / 2 + bw)
        placed = _Placed(x, y, cat.shape, w / 2 + bw / 2, h / 2 + bw / 2, rect)
    else:
        r = FOCUS_SIZE if focus else NODE_SIZE
        _shape(c, cat, cat.shape, x, y, r, bw)
        for i, line in enumerate(lines):
            _text(c, x, y + r + 4 + i * lh, line, FONT_SIZE, "#222222")
        half = max([r + bw] + [text_width(ln, FONT_SIZE) / 2 for ln in lines])
        rect = (x - half, y - r - bw, x + half, y + r + 4 + lh * len(lines))
        placed = _Placed(x, y, cat.shape, r + bw, r + bw, rect)
    c.parts.append("</g>")
    return placed


# --- edges -----------------------------------------------------------------------
Curve = tuple[Point, ...]  # a Bézier curve's control points: 3 (quadratic) or 4 (cubic)
ARROW_SCALE = 0.5  # vis-network's arrows.to.scaleFactor (page.options)
LABEL_PAD = 3.0  # white pad round an edge label: its halo
LABEL_SPOTS = (0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74)  # along the edge, middle first


def _via(a: Point, b: Point) -> Point:
    """vis-network's 'continuous' smooth curve control point for an edge a -> b."""
    dx, dy = abs(a[0] - b[0]), abs(a[1] - b[1])
    step_x = step_y = ROUNDNESS * (dy if dx <= dy else dx)
    if a[0] > b[0]:
        step_x = -step_x
    if a[1] >= b[1]:
        step_y = -step_y
    vx, vy = a[0] + step_x, a[1] + step_y
    if dx <= dy:
        vx = min(b[0], vx) if a[0] <= b[0] else max(b[0], vx)
    else:
        vy = max(b[1], vy) if a[1] >= b[1] else min(b[1], vy)
    return vx, vy


def _chart_curve(a: Point, b: Point, sideways: bool) -> Curve:
    """vis-network's cubic Bézier with ``roundness`` 0.5 and a forced direction (see
    ``page.chart_curve``): an S leaving and entering vertically, or sideways for a list."""
    if sideways:
        mx = (a[0] + b[0]) / 2
        return a, (mx, a[1]), (mx, b[1]), b
    my = (a[1] + b[1]) / 2
    return a, (a[0], my), (b[0], my), b


def _at(curve: Curve, t: float) -> Point:
    """The point at *t* on *curve*."""
    return _head(curve, t)[-1]


def _head(curve: Curve, t: float) -> Curve:
    """The part of *curve* from its start to *t* (de Casteljau split)."""
    pts, firsts = list(curve), [curve[0]]
    while len(pts) > 1:
        pts = [
            (p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])) for p, q in itertools.pairwise(pts)
        ]
        firsts.append(pts[0])
    return tuple(firsts)


def _last_t(curve: Curve, outside) -> float:
    """The last parameter at which ``outside(point)`` still holds, by bisection."""
    lo, hi = 0.0, 1.0
    for _ in range(30):
        mid = (lo + hi) / 2
        if outside(_at(curve, mid)):
            lo = mid
        else:
            hi = mid
    return lo


def _path(curve: Curve) -> str:
    a, *rest = curve
    op = "Q" if len(rest) == 2 else "C"
    return f"M{_n(a[0])},{_n(a[1])} {op}" + " ".join(f"{_n(x)},{_n(y)}" for x, y in rest)


Rect = tuple[float, float, float, float]  # x0, y0, x1, y1


def _overlaps(r: Rect, others: list[Rect]) -> bool:
    return any(o[0] < r[2] and r[0] < o[2] and o[1] < r[3] and r[1] < o[3] for o in others)


@dataclass(frozen=True, slots=True)
class _EdgeLabel:
    """Where an edge's label may go: points along the edge, the middle first."""

    text: str
    spots: tuple[Point, ...]


def _edge(
    c: _Canvas, edge: Edge, placed: dict[str, _Placed], opts: SvgOptions, hi: bool, chart: str
) -> tuple[_EdgeLabel | None, Rect | None]:
    """Draw *edge* (its line and arrowhead) as the page does; its label comes later.

    *chart*: "" for vis-network's continuous curve, "down" or "side" for an org chart's
    link (a list's link runs sideways along the list's spine). Like the page, an org chart
    writes no name on its links: all saying "part of", they would pile up on the units.
    Returns the label's candidate spots and the arrowhead's extent.
    """
    src, dst = placed[edge.source], placed[edge.target]
    colour, width = (PATH_COLOUR, 3.0) if hi else (EDGE_COLOUR, 1.0)
    stroke = f'fill="none" stroke="{colour}" stroke-width="{_n(width)}"'
    c.parts.append(f"<g><title>{escape(clean(edge.label(opts.lang)))}</title>")
    arrow_box: Rect | None = None
    if edge.source == edge.target:
        r = src.hw + 4
        cx, cy = src.x + src.hw, src.y - src.hh
        c.parts.append(f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(r)}" {stroke}/>')
        c.box.add(cx - r - width, cy - r - width, 2 * (r + width), 2 * (r + width))
        spots: tuple[Point, ...] = ((cx, cy - r),)
    else:
        a, b = (src.x, src.y), (dst.x, dst.y)
        curve: Curve = _chart_curve(a, b, chart == "side") if chart else (a, _via(a, b), b)
        t_tip = _last_t(curve, lambda p: dst.outside(p))
        tip = _at(curve, t_tip)
        length = 15 * ARROW_SCALE + 3 * width  # vis-network's arrow length
        # arrowStrikethrough off: the line stops at the arrow's back, 0.9 of its length
        t_core = _last_t(_head(curve, t_tip), lambda p: math.dist(p, tip) > 0.9 * length)
        line = _head(curve, t_tip * t_core)
        c.parts.append(f'<path d="{_path(line)}" {stroke}/>')
        back = _at(curve, max(t_tip - 0.02, 0.0))
        angle = math.atan2(tip[1] - back[1], tip[0] - back[0])
        arrow = [(0.0, 0.0), (-1.0, 0.3), (-0.9, 0.0), (-1.0, -0.3)]
        cos, sin = math.cos(angle), math.sin(angle)
        pts = [
            (tip[0] + length * (px * cos - py * sin), tip[1] + length * (px * sin + py * cos))
            for px, py in arrow
        ]
        c.parts.append(
            f'<polygon points="{_polygon(pts)}" fill="{colour}" stroke="{colour}" '
            'stroke-width="1"/>'
        )
        for px, py in (*line, *pts):
            c.box.add(px - width, py - width, 2 * width, 2 * width)
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        arrow_box = (min(xs) - 1, min(ys) - 1, max(xs) + 1, max(ys) + 1)
        spots = tuple(_at(curve, t) for t in LABEL_SPOTS)
    c.parts.append("</g>")
    label = clean(edge.label(opts.lang))
    if not opts.edge_labels or not label or chart:
        return None, arrow_box  # an org chart's link: its name stays in the tooltip
    return _EdgeLabel(label, spots), arrow_box


def _edge_labels(c: _Canvas, labels: list[_EdgeLabel], nodes: list[Rect], arrows: list[Rect]):
    """Each label level on a white pad (its halo) at the first spot along its edge, the middle
    first, that covers no node, no arrowhead and no other label. A label with no such spot
    is left out of the picture (two labels on top of each other read as neither): its name
    stays the edge's tooltip, as on the page zoomed out."""
    h = EDGE_FONT_SIZE * LINE_HEIGHT + LABEL_PAD
    taken: list[Rect] = []
    for label in labels:
        w = text_width(label.text, EDGE_FONT_SIZE) + 2 * LABEL_PAD
        rects = [(x - w / 2, y - h / 2, x + w / 2, y + h / 2) for x, y in label.spots]
        best = next(
            (r for r in rects if not any(_overlaps(r, o) for o in (nodes, arrows, taken))), None
        )
        if best is None:
            continue
        taken.append(best)
        x0, y0, x1, y1 = best
        c.parts.append(
            f'<g><rect x="{_n(x0)}" y="{_n(y0)}" width="{_n(x1 - x0)}" height="{_n(y1 - y0)}" '
            'rx="3" ry="3" fill="#ffffff" fill-opacity="0.9"/>'
        )
        _text(c, (x0 + x1) / 2, y0 + LABEL_PAD / 2, label.text, EDGE_FONT_SIZE, EDGE_TEXT)
        c.parts.append("</g>")
        c.box.add(x0, y0, x1 - x0, y1 - y0)


# --- document --------------------------------------------------------------------
def _labels_language(view: GraphView, lang: Lang) -> str:
    """The ``xml:lang`` of the drawing: the language most of its node labels are in
    ("de" for a German organigram), Chinese in simplified script tagged zh-Hans."""
    tags = Counter(label_language(n.labels, lang).split("-")[0] for n in view.nodes)
    tags.pop("", None)
    if not tags:
        return "en" if lang == "en" else "zh-Hans"
    tag = tags.most_common(1)[0][0]
    return "zh-Hans" if tag == "zh" else tag


def _legend(view: GraphView, lang: Lang, left: float, top: float) -> _Canvas:
    """A column of the categories present in *view*, swatch and name."""
    c = _Canvas()
    order = list(CATEGORIES)
    used = sorted(
        {n.category for n in view.nodes}, key=lambda k: order.index(k) if k in order else 99
    )
    row = LEGEND_SIZE * 1.8
    for i, key in enumerate(used):
        cat = category(key)
        y = top + i * row + row / 2
        if cat.shape in INSIDE:
            c.parts.append(
                f'<rect x="{_n(left)}" y="{_n(y - 6)}" width="16" height="12" rx="3" ry="3" '
                f'fill="{cat.colour}" stroke="{cat.border}" stroke-width="1"/>'
            )
            c.box.add(left, y - 6, 16, 12)
        else:
            _shape(c, cat, cat.shape, left + 8, y, 7, 1)
        _text(
            c,
            left + 24,
            y - LEGEND_SIZE * 0.62,
            cat.label(lang),
            LEGEND_SIZE,
            "#222222",
            anchor="start",
        )
    return c


def render_svg(
    view: GraphView, positions: dict[str, Point], options: SvgOptions = SvgOptions()
) -> str:
    """The SVG document of *view* drawn at *positions*, sized so nothing is clipped."""
    graph = _Canvas()
    focus, folded = set(view.focus), dict(view.folded)
    missing = [n.id for n in view.nodes if n.id not in positions]
    spare = circle_positions(missing, radius=300.0 + 40 * math.sqrt(len(missing)))
    nodes = _Canvas()
    placed = {
        n.id: _node(
            nodes,
            n,
            positions.get(n.id) or spare[n.id],
            options.lang,
            n.id in focus,
            folded.get(n.id, 0),
        )
        for n in view.nodes
    }
    from ..layout import chart_links

    runs = chart_links(view)  # an org chart's links, drawn as the page draws them
    labels, arrows = [], []
    for e in view.edges:
        if e.source in placed and e.target in placed:
            chart = runs.get(e.id, "")
            label, arrow = _edge(graph, e, placed, options, view.kind == "path", chart)
            labels += [label] if label else []
            arrows += [arrow] if arrow else []
    _edge_labels(graph, labels, [p.rect for p in placed.values()], arrows)
    graph.parts.extend(nodes.parts)
    box = graph.box
    for x, y in ((nodes.box.x0, nodes.box.y0), (nodes.box.x1, nodes.box.y1)):
        box.add(x, y)
    if not math.isfinite(box.x0):
        box.add(0, 0, 1, 1)
    title = clean(options.title)
    head = TITLE_SIZE * LINE_HEIGHT + 12 if title else 0.0
    dx, dy = PAD - box.x0, PAD + head - box.y0
    width, height = box.x1 - box.x0 + 2 * PAD, box.y1 - box.y0 + 2 * PAD + head
    legend = _legend(view, options.lang, 0, 0) if options.legend and view.nodes else None
    legend_x = width
    if legend is not None:
        width += legend.box.x1 - legend.box.x0 + PAD
        height = max(height, legend.box.y1 - legend.box.y0 + 2 * PAD + head)
    if title:
        width = max(width, text_width(title, TITLE_SIZE) + 2 * PAD)
    width, height = math.ceil(width), math.ceil(height)
    lang_tag = _labels_language(view, options.lang)
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" xml:lang="{lang_tag}">',
        f"<title>{escape(title or 'KG Explorer')}</title>",
    ]
    if options.background:
        out.append(
            f'<rect x="0" y="0" width="{width}" height="{height}" fill="{options.background}"/>'
        )
    out.append(f"<g font-family={quoteattr(options.font_family)}>")
    if title:
        t = _Canvas()
        _text(t, PAD, PAD * 0.75, title, TITLE_SIZE, "#111111", anchor="start")
        out.extend(t.parts)
    out.append(f'<g transform="translate({_n(dx)},{_n(dy)})">')
    out.extend(graph.parts)
    out.append("</g>")
    if legend is not None:
        out.append(f'<g transform="translate({_n(legend_x)},{_n(PAD + head)})">')
        out.extend(legend.parts)
        out.append("</g>")
    out.append("</g></svg>")
    return "\n".join(out) + "\n"
