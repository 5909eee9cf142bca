"""The layout service: one ``positions`` per view kind, shared by the screen and exports."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from itertools import pairwise
from pathlib import Path

import pytest
from svg_shapes import SVG, Rect, extent, overlap

from explorer import layout, views
from explorer.export import ExportOptions, export
from explorer.graph import KnowledgeGraph
from explorer.model import Edge, GraphView, Node
from explorer.render.fonts import text_width
from explorer.state import ExplorerState

SUB = "http://www.w3.org/ns/org#subOrganizationOf"


def svg_node_boxes(path: Path) -> list[Rect]:
    """The drawn extent of every node of an exported SVG: its shape and its label lines."""
    boxes = []
    for group in ET.parse(path).getroot().iter(f"{SVG}g"):
        texts = [t for t in group.findall(f"{SVG}text") if t.get("font-size") == "14"]
        if group.find(f"{SVG}title") is None or not texts:
            continue  # an edge (its label is smaller), the legend, the title
        boxes.append(extent(group))
    return boxes


def overlapping(boxes: list[Rect]) -> int:
    return sum(1 for i, a in enumerate(boxes) for b in boxes[i + 1 :] if overlap(a, b))


def test_the_exported_whole_graph_of_the_article_has_no_overlapping_nodes(article, tmp_path):
    path = tmp_path / "all.svg"
    view = views.whole(article)
    export(view, path, "svg", options=ExportOptions(lang="zh"))
    boxes = svg_node_boxes(path)
    assert len(boxes) == len(view.nodes) > 200
    assert overlapping(boxes) == 0  # the issue measured 84 pairs of 213 before


def test_the_exported_org_chart_of_an_organigram_stays_within_3_to_1(organigram, tmp_path):
    view = views.hierarchy_view(organigram)
    path = tmp_path / "tree.svg"
    export(view, path, "svg", options=ExportOptions(lang="en"))
    root = ET.parse(path).getroot()
    width, height = float(root.get("width")), float(root.get("height"))
    assert len(view.nodes) >= 50
    assert width / height <= 3 and height / width <= 3
    assert overlapping(svg_node_boxes(path)) == 0


def test_each_view_kind_has_its_layout():
    nodes = tuple(Node(n, (("zh", n),), n) for n in "abcd")
    edges = (Edge("b", "a", SUB), Edge("c", "a", SUB), Edge("d", "c", SUB))
    kinds = {"hierarchy": "orgchart", "path": "path", "all": "force"}
    for kind, expected in kinds.items():
        assert layout.kind_for(GraphView(nodes, edges, kind=kind)) == expected
    hood = GraphView(nodes, edges, kind="neighbourhood", focus=("a",))
    assert layout.kind_for(hood) == "radial"
    with pytest.raises(ValueError, match="unknown layout"):
        layout.positions(hood, "spiral")


def test_an_org_chart_lists_a_units_many_leaves_below_it_and_beside_its_spine():
    leaves = [f"leaf{i}" for i in range(12)]
    names = ["root", "a", "b", *leaves, "b1", "b2"]
    nodes = tuple(Node(n, (("en", f"Unit {n}"),), n) for n in names)
    links = [("a", "root"), ("b", "root"), ("b1", "b"), ("b2", "b")]
    links += [(leaf, "a") for leaf in leaves]
    view = GraphView(nodes, tuple(Edge(c, p, SUB) for c, p in links), kind="hierarchy")
    pos = layout.positions(view, lang="en")
    assert pos["root"][1] < pos["a"][1] < pos["leaf0"][1] < pos["leaf1"][1]
    columns = [{pos[leaf][0] for leaf in leaves[:6]}, {pos[leaf][0] for leaf in leaves[6:]}]
    assert [len(c) for c in columns] == [1, 1]  # 12 units in two balanced columns ...
    assert pos["a"][0] < min(columns[0]) < min(columns[1])  # ... to the right of their parent
    assert pos["b1"][1] == pos["b2"][1] and pos["b1"][0] != pos["b2"][0]  # two side by side
    assert layout.overlapping_pairs(pos, layout.node_boxes(view, "en")) == 0
    assert frozenset(("a", "leaf3")) in layout.chart_lists(view)
    assert frozenset(("b", "b1")) not in layout.chart_lists(view)
    assert layout.chart_anchor(view) == "root"


def test_a_path_runs_left_to_right_with_room_for_its_relation_names(article):
    path = views.shortest_path(article, article.resolve("七里河区"), article.resolve("兰州市委"))
    view = views.path_view(article, path)
    pos = layout.positions(view)
    xs = [pos[n][0] for n in path.node_ids]
    assert xs == sorted(xs) and {pos[n][1] for n in path.node_ids} == {0.0}
    boxes = layout.node_boxes(view, "zh")
    for (a, b), step in zip(pairwise(path.node_ids), path.steps, strict=True):
        gap = (pos[b][0] - boxes[b][2]) - (pos[a][0] + boxes[a][2])
        assert gap > text_width(step.edge.label("zh"), 12)  # the label fits between them


def test_rings_for_a_neighbourhood_have_no_overlaps_either(article):
    center = article.resolve("兰州市委")
    view = views.neighbourhood(article, center)
    pos = layout.positions(view)
    assert pos[center] == (0.0, 0.0)
    assert layout.overlapping_pairs(pos, layout.node_boxes(view, "zh")) == 0


def test_force_layout_of_a_large_graph_leaves_no_overlaps():
    from benchmarks.bench_layout import synthetic_view

    view = synthetic_view(1500)
    pos = layout.positions(view)
    assert set(pos) == view.node_ids
    assert layout.overlapping_pairs(pos, layout.node_boxes(view, "zh")) == 0


def test_added_nodes_land_near_their_anchor_and_clear_of_the_rest(article):
    center = article.resolve("五共五联")
    view = views.neighbourhood(article, center)
    placed = layout.positions(view)
    hub = max((n.id for n in view.nodes if n.id != center), key=article.degree)
    grown = views.expand(article, view, hub)
    added = [n for n in grown.node_ids if n not in placed]
    new = layout.place_added(grown, placed, added, "zh")
    assert set(new) == set(added)
    both = {**placed, **new}
    assert layout.overlapping_pairs(both, layout.node_boxes(grown, "zh")) == 0
    near = sorted(math.dist(new[n], placed[hub]) for n in added)
    assert near[len(near) // 2] < 600


def test_an_organigram_opens_on_its_folded_org_chart_and_units_unfold(organigram):
    state = ExplorerState(organigram)
    assert state.view.kind == "hierarchy" and state.view.folded
    unit, hidden = state.view.folded[0]
    kids = set(organigram.hierarchy.children(unit))
    assert len(kids) == hidden and not kids & state.view.node_ids
    assert state.toggle_unit(unit)
    assert kids <= state.view.node_ids and unit not in dict(state.view.folded)
    state.expand(unit)  # a double-click on an open unit folds it again
    assert not kids & state.view.node_ids


def test_a_graph_without_a_tree_opens_on_its_most_connected_entities(tmp_path):
    lines = ["@prefix ex: <https://example.org/> ."]
    lines += [f"ex:n{i} ex:knows ex:n{(i * 7) % 90} ." for i in range(90)]
    path = tmp_path / "flat.ttl"
    path.write_text("\n".join(lines), encoding="utf-8")
    state = ExplorerState(KnowledgeGraph.from_file(path))
    assert state.view.kind == "all"
    assert len(state.view.nodes) == 60 and state.view.omitted == 30


def test_the_top_down_layout_does_not_stick_to_the_next_view(article):
    state = ExplorerState(article)
    state.show_whole()
    state.set_layout("hierarchical")
    assert state.layout == "hierarchical"
    state.show_neighbourhood(article.resolve("兰州市委"))
    assert state.layout == "auto"
    state.show_hierarchy()
    state.show_whole()
    pos = layout.positions(state.view, state.layout)
    ys = {round(y) for _x, y in pos.values()}
    assert len(ys) > len(pos) / 2  # not a flat line of levels


def test_the_same_view_gets_the_same_positions_whatever_order_its_edges_came_in(
    article, organigram
):
    from dataclasses import replace

    for view in (views.whole(article), views.hierarchy_view(organigram)):
        shuffled = replace(view, edges=tuple(reversed(view.edges)))
        assert layout.positions(shuffled) == layout.positions(view)


def test_linked_neighbours_sit_side_by_side_on_the_ring():
    """Linked neighbours opposite each other would draw their link through the centre."""
    cats = {"a": "mechanism", "x": "organization", "b": "place", "y": "role"}
    ring = [Node(i, (("en", i),), i, category=cat) for i, cat in cats.items()]
    nodes = (Node("c", (("en", "c"),), "c"), *ring)
    link = "urn:p"
    edges = (
        *(Edge("c", i, link) for i in cats),
        Edge("a", "b", link),  # a and b sort apart by category: a x b y
        Edge("x", "y", link),
    )
    view = GraphView(nodes=nodes, edges=edges, focus=("c",), kind="neighbourhood")
    pos = layout.radial_layout(view, "c")

    def apart(p: str, q: str) -> float:
        turn = abs(math.atan2(*pos[p][::-1]) - math.atan2(*pos[q][::-1])) % (2 * math.pi)
        return min(turn, 2 * math.pi - turn)

    assert apart("a", "b") == pytest.approx(math.pi / 2, abs=1e-3)
    assert apart("x", "y") == pytest.approx(math.pi / 2, abs=1e-3)
