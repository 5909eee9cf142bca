"""The interactive HTML export is one self-contained file (opened in QtWebEngine in tests/ui)."""

from __future__ import annotations

import re
from pathlib import Path

from explorer import views
from explorer.export import export
from explorer.graph import KnowledgeGraph

DATA = Path(__file__).parents[1] / "data" / "export"
REMOTE = re.compile(r"""\b(?:src|href)\s*=\s*["']?\s*(?:https?:|//)""", re.I)


def test_html_is_self_contained(tmp_path):
    kg = KnowledgeGraph.from_file(DATA / "small.ttl")
    out = tmp_path / "g.html"
    export(views.whole(kg), out, "html")
    html = out.read_text(encoding="utf-8")
    assert not REMOTE.search(html)
    assert "<script src" not in html and "<link" not in html
    assert "qrc:" not in html.replace("script-src 'unsafe-inline' qrc:;", "")
    assert "vis.Network" in html and len(html) > 300_000  # vis-network inlined
    assert "兰州市委" in html


def test_a_label_quoting_a_url_is_data_not_a_reference(tmp_path):
    from explorer.model import GraphView, Node

    node = Node("urn:x", (("zh", "see src=https://example.org/x.js 链接"),), "x")
    out = tmp_path / "x.html"
    export(GraphView(nodes=(node,), edges=()), out, "html")
    html = out.read_text(encoding="utf-8")
    assert "<script src" not in html and "链接" in html
