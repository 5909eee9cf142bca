"""The graph page is self-contained, offline and treats every label as text."""

import json
import re

from explorer.graph import KnowledgeGraph
from explorer.model import GraphView, Node
from explorer.render import page
from explorer.views import whole

HOSTILE = '</script><script>window.pwned=1</script><img src=x onerror="window.pwned=2">'


def _view(*labels: str) -> GraphView:
    nodes = tuple(
        Node(id=f"urn:n{i}", labels=(("zh", text),), fallback=f"n{i}")
        for i, text in enumerate(labels)
    )
    return GraphView(nodes=nodes, edges=())


def test_page_inlines_vis_network_and_requests_nothing_remote():
    html = page.build_page(_view("兰州市委"), {"urn:n0": (0.0, 0.0)})
    assert "vis.Network" in html and "vis-network" in html
    assert not re.search(r"(src|href)=[\"']?(https?:)?//", html)
    assert 'src="qrc:///qtwebchannel/qwebchannel.js"' in html


def test_hostile_label_cannot_close_the_data_script():
    html = page.build_page(_view(HOSTILE), {})
    start = html.index('id="kg-data">') + len('id="kg-data">')
    block = html[start : html.index("</script>", start)]
    assert "<" not in block and ">" not in block
    data = json.loads(block)
    assert data["nodes"][0]["tip"].startswith(HOSTILE[:20])
    assert html.count("window.pwned") == 0 or "window.pwned" not in html.split("kg-data")[0]


def test_records_carry_plain_text_tips_never_html_titles():
    data = page.page_data(_view("五共五联"), {}, "zh")
    record = data["nodes"][0]
    assert "title" not in record and record["tip"] == "五共五联"


def test_chinese_labels_wrap_every_eight_characters():
    assert page.wrap_label("兰州市七里河区西湖街道党工委") == "兰州市七里河区西\n湖街道党工委"
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
