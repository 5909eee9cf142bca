"""Reading an exported SVG's geometry back (for the layout and drawing tests): the
extent of a node group, of a text line, and whether two boxes overlap."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from explorer.render.fonts import text_width
from explorer.render.svg import LINE_HEIGHT

SVG = "{http://www.w3.org/2000/svg}"
Rect = tuple[float, float, float, float]


def overlap(a: Rect, b: Rect) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def text_rect(el: ET.Element) -> Rect:
    size, x, y = float(el.get("font-size")), float(el.get("x")), float(el.get("y"))
    w = text_width(el.text or "", size)
    return x - w / 2, y - 0.95 * size, x + w / 2, y - 0.95 * size + size * LINE_HEIGHT


def extent(group: ET.Element) -> Rect:
    """A node group's shape and label lines."""
    xs, ys = [], []
    for el in group:
        tag = el.tag.removeprefix(SVG)
        if tag == "rect":
            x, y = float(el.get("x")), float(el.get("y"))
            xs += [x, x + float(el.get("width"))]
            ys += [y, y + float(el.get("height"))]
        elif tag in ("ellipse", "circle"):
            cx, cy = float(el.get("cx")), float(el.get("cy"))
            rx, ry = float(el.get("rx") or el.get("r")), float(el.get("ry") or el.get("r"))
            xs += [cx - rx, cx + rx]
            ys += [cy - ry, cy + ry]
        elif tag == "polygon":
            pts = [tuple(map(float, p.split(","))) for p in el.get("points").split()]
            xs += [p[0] for p in pts]
            ys += [p[1] for p in pts]
        elif tag == "text":
            r = text_rect(el)
            xs += [r[0], r[2]]
            ys += [r[1], r[3]]
    return min(xs), min(ys), max(xs), max(ys)
