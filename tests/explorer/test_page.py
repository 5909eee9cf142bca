"""The graph page is self-contained, offline and treats every label as text."""

from explorer.graph import KnowledgeGraph
from explorer.model import GraphView, Node
from explorer.render import page
from explorer.views import whole


def _view(*labels: str) -> GraphView:
    nodes = tuple(
        Node(id=f"urn:n{i}", labels=(("zh", text),), fallback=f"n{i}")
        for i, text in enumerate(labels)
    )
    return GraphView(nodes=nodes, edges=())


def test_records_carry_plain_text_tips_never_html_titles():
    data = page.page_data(_view("五共五联"), {}, "zh")
    record = data["nodes"][0]
    assert "title" not in record and record["tip"] == "五共五联"


def test_chinese_labels_wrap_every_eight_characters():
    assert page.wrap_label("兰州市七里河区西湖街道党工委") == "兰州市七里河区\n西湖街道党工委"
    assert page.wrap_label("活动共办、服务联创") == "活动共办、\n服务联创"  # balanced
    assert page.wrap_label("“五共五联”工作法") == "“五共五联”\n工作法"  # no line opens with ”
    assert page.wrap_label("控制字符 <b>&") == "控制字符 \n<b>&"  # the breaking space stays
    assert page.wrap_label("Lanzhou Municipal Party Committee") == (
        "Lanzhou Municipal\nParty Committee"
    )
    both = page.wrap_label("兰州市委 / Lanzhou Municipal Party Committee")
    assert both.splitlines()[0] == "兰州市委"


def test_options_keep_the_cjk_font_name_and_physics_off():
    opts = page.options()
    assert '"Noto Sans CJK SC"' in opts["nodes"]["font"]["face"]
    assert opts["physics"]["enabled"] is False


def test_page_for_the_test_graph_places_every_node(ui_data):
    kg = KnowledgeGraph.from_file(ui_data / "mini.ttl")
    view = whole(kg)
    data = page.page_data(view, {}, "en")
    assert {n["id"] for n in data["nodes"]} == set(view.node_ids)
    assert all(isinstance(n["x"], float) for n in data["nodes"])
    assert {e["from"] for e in data["edges"]} <= set(view.node_ids)


def test_a_neighbourhood_is_laid_out_in_rings_around_its_centre(ui_data):
    from explorer.layout import radial_layout
    from explorer.views import neighbourhood

    kg = KnowledgeGraph.from_file(ui_data / "mini.ttl")
    center = "https://w3id.org/kg-explorer/lanzhou/lanzhou-committee"
    view = neighbourhood(kg, center, depth=2)
    pos = radial_layout(view, center)
    assert set(pos) == set(view.node_ids) and pos[center] == (0.0, 0.0)
    ring1 = [e.target for e in kg.out_edges(center)] + [e.source for e in kg.in_edges(center)]
    near = max(abs(complex(*pos[n])) for n in ring1)
    far = min(abs(complex(*pos[n])) for n in view.node_ids if n not in {center, *ring1})
    assert near < far  # two hops sit outside one hop
    points = list(pos.values())
    assert len(set(points)) == len(points)  # nobody on top of anybody


def test_edge_labels_read_level_on_a_halo_clear_of_small_arrowheads():
    edges = page.options()["edges"]
    assert edges["font"]["align"] == "horizontal"
    assert edges["font"]["strokeWidth"] >= 3 and edges["font"]["background"]
    assert edges["arrows"]["to"]["scaleFactor"] <= 0.5
    assert page.options(edge_labels=False)["kg"]["edgeLabels"] is False


def test_a_folded_unit_says_how_many_units_it_hides(ui_data):
    from explorer.views import hierarchy_view

    kg = KnowledgeGraph.from_file(ui_data / "mini.ttl")
    view = hierarchy_view(kg, open_units=set(kg.hierarchy.roots()))
    assert view.folded
    unit, hidden = view.folded[0]
    data = page.page_data(view, {}, "zh")
    record = next(n for n in data["nodes"] if n["id"] == unit)
    assert record["label"].endswith(f"+{hidden}") and record["folded"] == hidden
    assert all(e["smooth"]["type"] == "cubicBezier" for e in data["edges"])


def test_an_org_chart_names_its_links_in_tooltips_not_on_the_canvas():
    from explorer.views import hierarchy_view

    kg = KnowledgeGraph.article()
    view = hierarchy_view(kg)
    data = page.page_data(view, {}, "en")
    assert data["edges"] and all(e["label"] == "" for e in data["edges"])
    assert all(e["tip"] for e in data["edges"])  # "sub-organization of", with its quote
