"""The exported SVG draws what the graph page draws: level edge labels on a pad clear of
nodes and arrowheads, an org chart's links as the page's curves, "▸ +N" on folded units."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from itertools import pairwise

from svg_shapes import SVG, Rect, extent, overlap, text_rect

from explorer import layout, views
from explorer.export import ExportOptions
from explorer.export.images import svg_text
from explorer.render.page import EDGE_FONT_SIZE, folded_marker
from explorer.render.svg import NODE_SIZE


def drawing(view, lang="zh") -> ET.Element:
    """The graph's own group of the exported SVG (legend and title left out)."""
    svg = svg_text(view, layout.positions(view, "auto", lang), ExportOptions(lang=lang))
    root = ET.fromstring(svg.encode("utf-8"))
    assert "rotate" not in svg  # nothing drawn tilted
    return next(
        g
        for g in root.iter(f"{SVG}g")
        if g.get("transform", "").startswith("translate") and g.find(f"{SVG}g") is not None
    )


def parts(graph: ET.Element):
    """(node groups, edge groups, edge label groups) of the drawing."""
    nodes, edges, labels = [], [], []
    for g in graph.findall(f"{SVG}g"):
        if g.find(f"{SVG}path") is not None or g.find(f"{SVG}circle[@fill='none']") is not None:
            edges.append(g)
        elif g.find(f"{SVG}title") is not None:
            nodes.append(g)
        else:
            labels.append(g)
    return nodes, edges, labels


def polygon_rect(el: ET.Element) -> Rect:
    pts = [tuple(map(float, p.split(","))) for p in el.get("points").split()]
    return (
        min(p[0] for p in pts),
        min(p[1] for p in pts),
        max(p[0] for p in pts),
        max(p[1] for p in pts),
    )


def curve(d: str) -> list[tuple[float, float]]:
    numbers = list(map(float, re.findall(r"-?[\d.]+", d)))
    return list(zip(numbers[::2], numbers[1::2], strict=True))


def point_on(ctrl: list[tuple[float, float]], t: float) -> tuple[float, float]:
    pts = ctrl
    while len(pts) > 1:
        pts = [(p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])) for p, q in pairwise(pts)]
    return pts[0]


def test_edge_labels_are_level_on_a_pad_clear_of_nodes_arrowheads_and_each_other(article):
    view = views.whole(article)
    nodes, edges, labels = parts(drawing(view))
    assert len(nodes) == len(view.nodes) and len(edges) == len(view.edges)
    node_rects = [extent(g) for g in nodes]
    arrows = [polygon_rect(p) for g in edges for p in g.findall(f"{SVG}polygon")]
    assert len(arrows) == len([e for e in view.edges if e.source != e.target])
    pads = []
    for g in labels:
        pad, text = g.find(f"{SVG}rect"), g.find(f"{SVG}text")
        assert float(text.get("font-size")) == EDGE_FONT_SIZE and pad.get("fill") == "#ffffff"
        box = tuple(float(pad.get(k)) for k in ("x", "y", "width", "height"))
        box = (box[0], box[1], box[0] + box[2], box[1] + box[3])
        inner = text_rect(text)
        assert box[0] <= inner[0] and inner[2] <= box[2]  # the pad is under all the text
        pads.append(box)
    assert len(pads) > 0.6 * len(view.edges), "most relations are named in the picture"
    assert not [p for p in pads if any(overlap(p, n) for n in node_rects)]
    assert not [p for p in pads if any(overlap(p, a) for a in arrows)]
    assert not [(a, b) for i, a in enumerate(pads) for b in pads[:i] if overlap(a, b)]


def test_a_path_names_every_step_at_its_middle(article):
    from explorer.resolve import find_entity

    a, b = find_entity(article, "七里河区"), find_entity(article, "兰州市委")
    view = views.path_view(article, views.shortest_path(article, a, b))
    _nodes, edges, labels = parts(drawing(view))
    assert len(labels) == len(edges) == len(view.edges) >= 2
    for g, label in zip(edges, labels, strict=True):  # each name half way along its step
        ctrl = curve(g.find(f"{SVG}path").get("d"))
        text = g.find(f"{SVG}title").text
        pad = label.find(f"{SVG}rect")
        mid = float(pad.get("x")) + float(pad.get("width")) / 2
        assert label.find(f"{SVG}text").text == text
        assert min(ctrl[0][0], ctrl[-1][0]) < mid < max(ctrl[0][0], ctrl[-1][0])


def test_an_org_charts_list_links_are_the_pages_curves_past_the_list(organigram):
    view = views.hierarchy_view(organigram)
    listed = layout.chart_lists(view)
    assert listed
    nodes, edges, labels = parts(drawing(view, "en"))
    assert not labels  # as on the page, the links' name ("part of") is their tooltip
    assert all(g.find(f"{SVG}title").text for g in edges)
    centres = [
        (float(c.get("cx")), float(c.get("cy"))) for g in nodes for c in g.findall(f"{SVG}circle")
    ]
    assert len(centres) == len(view.nodes)
    sideways = 0
    for g in edges:
        ctrl = curve(g.find(f"{SVG}path").get("d"))
        assert g.find(f"{SVG}path").get("d").split()[1].startswith("C")  # a cubic, as the page
        start, end = ctrl[0], ctrl[-1]
        if abs(ctrl[1][1] - start[1]) < 0.1 and abs(ctrl[1][0] - start[0]) > 1:
            sideways += 1  # leaves its parent sideways, towards the list's spine
        else:
            assert abs(ctrl[1][0] - start[0]) < 0.1  # leaves its parent downwards
        for t in (i / 40 for i in range(1, 40)):
            p = point_on(ctrl, t)
            others = [c for c in centres if math.dist(c, start) > 1 and math.dist(c, end) > 25]
            assert all(math.dist(p, c) > NODE_SIZE for c in others), "a link through a unit"
    assert sideways == len(listed)


def test_folded_units_carry_their_plus_n_marker(organigram):
    root = organigram.hierarchy.roots()[0]
    view = views.hierarchy_view(organigram, open_units={root})
    assert view.folded
    nodes, _edges, _labels = parts(drawing(view, "en"))
    by_title = {g.find(f"{SVG}title").text: g for g in nodes}
    for unit, hidden in view.folded:
        group = by_title[organigram.node(unit).label("both")]
        lines = [t.text for t in group.findall(f"{SVG}text")]
        assert lines[-1] == folded_marker(hidden)  # under the label, in the node's own group
    markers = [t for g in nodes for t in g.findall(f"{SVG}text") if t.text.startswith("▸ +")]
    assert len(markers) == len(view.folded)
    rects = [extent(g) for g in nodes]
    assert not [(a, b) for i, a in enumerate(rects) for b in rects[:i] if overlap(a, b)]
