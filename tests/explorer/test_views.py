"""Neighbourhoods, paths, the hierarchy view, filters and layouts."""

from __future__ import annotations

from explorer import layout, views
from explorer.graph import KnowledgeGraph
from explorer.hierarchy import Hierarchy  # noqa: F401  (imported for the type)

LZ = "https://w3id.org/kg-explorer/lanzhou/"


def test_neighbourhood_by_depth(mini: KnowledgeGraph):
    one = views.neighbourhood(mini, LZ + "subdistrict-committee", depth=1)
    assert one.node_ids == {
        LZ + x
        for x in (
            "subdistrict-committee",
            "district-committee",
            "community-org",
            "wugong-wulian",
            "part-time-members",
        )
    }
    assert one.focus == (LZ + "subdistrict-committee",)
    two = views.neighbourhood(mini, LZ + "subdistrict-committee", depth=2)
    assert {LZ + "city-committee", LZ + "joint-building"} <= two.node_ids
    assert all(e.source in two.node_ids and e.target in two.node_ids for e in two.edges)


def test_neighbourhood_direction_and_predicates(mini: KnowledgeGraph):
    out = views.neighbourhood(mini, LZ + "subdistrict-committee", direction="out")
    assert LZ + "community-org" not in out.node_ids
    org_only = views.neighbourhood(
        mini,
        LZ + "subdistrict-committee",
        predicates={"http://www.w3.org/ns/org#subOrganizationOf"},
    )
    assert org_only.node_ids == {
        LZ + "subdistrict-committee",
        LZ + "district-committee",
        LZ + "community-org",
    }


def test_cap_counts_what_it_left_out(mini: KnowledgeGraph):
    capped = views.neighbourhood(mini, LZ + "subdistrict-committee", depth=1, cap=2)
    assert len(capped.nodes) == 2
    assert capped.omitted == 3


def test_expand_adds_neighbours(mini: KnowledgeGraph):
    start = views.neighbourhood(mini, LZ + "city-committee", depth=1)
    bigger = views.expand(mini, start, LZ + "district-committee")
    assert LZ + "subdistrict-committee" in bigger.node_ids
    assert start.node_ids < bigger.node_ids


def test_shortest_path_with_evidence_per_hop(mini: KnowledgeGraph):
    path = views.shortest_path(mini, LZ + "city-committee", LZ + "joint-building")
    assert path is not None
    assert path.node_ids[0] == LZ + "city-committee"
    assert path.node_ids[-1] == LZ + "joint-building"
    assert len(path.steps) == len(path.node_ids) - 1
    assert not path.steps[0].forward  # district committee is a sub-organization *of* the city
    quotes = [ev.quote for s in path.steps for ev in s.edge.evidence]
    assert "街道党工委推行五共五联" in quotes
    view = views.path_view(mini, path)
    assert view.kind == "path" and len(view.edges) == len(path.steps)


def test_no_path(mini: KnowledgeGraph):
    assert views.shortest_path(mini, LZ + "city-committee", LZ + "li-rongcan") is None
    assert views.shortest_path(mini, LZ + "city-committee", "nope") is None


def test_hierarchy_view_and_filter(mini: KnowledgeGraph):
    tree = views.hierarchy_view(mini)
    assert len(tree.nodes) == 4 and len(tree.edges) == 3
    below = views.hierarchy_view(mini, LZ + "district-committee", depth=1)
    assert below.node_ids == {LZ + "district-committee", LZ + "subdistrict-committee"}
    whole = views.whole(mini)
    no_orgs = views.filter_view(whole, {"organization"})
    assert all(n.category != "organization" for n in no_orgs.nodes)
    assert all(e.source in no_orgs.node_ids for e in no_orgs.edges)


def test_whole_is_capped(mini: KnowledgeGraph):
    view = views.whole(mini, cap=3)
    assert len(view.nodes) == 3 and view.omitted == len(mini) - 3


def test_layouts_place_every_node_distinctly(mini: KnowledgeGraph):
    view = views.whole(mini)
    for positions in (layout.force_layout(view), layout.hierarchical_layout(view)):
        assert set(positions) == view.node_ids
        assert len(set(positions.values())) == len(positions)
    assert layout.force_layout(view) == layout.force_layout(view)  # deterministic


def test_hierarchical_layout_puts_parents_above_children(mini: KnowledgeGraph):
    pos = layout.hierarchical_layout(views.hierarchy_view(mini))
    ys = [pos[LZ + x][1] for x in ("city-committee", "district-committee", "subdistrict-committee")]
    assert ys == sorted(ys) and len(set(ys)) == 3


def test_hierarchical_layout_never_stacks_nodes():
    from explorer.model import Edge, GraphView, Node

    sub = "http://www.w3.org/ns/org#subOrganizationOf"
    names = "root a b c d e f loop1 loop2".split()
    nodes = tuple(Node(n, (), n) for n in names)
    links = [("a", "root"), ("b", "root"), ("c", "a"), ("d", "a"), ("e", "b"), ("e", "a")]
    links += [("f", "e"), ("loop1", "loop2"), ("loop2", "loop1")]
    view = GraphView(nodes, tuple(Edge(c, p, sub) for c, p in links))
    pos = layout.hierarchical_layout(view)
    assert len(set(pos.values())) == len(names)
    assert pos["root"][1] < pos["a"][1] < pos["c"][1] < pos["f"][1]
    kids = sorted(pos[k][0] for k in ("c", "d", "e"))  # e sits under a, its first parent
    assert kids[0] < pos["a"][0] < kids[-1]
