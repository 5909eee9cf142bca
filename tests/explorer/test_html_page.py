"""The graph page: pyvis renders our template; offline; every label is data, never markup."""

from __future__ import annotations

import json
import re
import sys

from explorer.model import GraphView, Node
from explorer.render import html_page

HOSTILE = '</script><script>window.pwned=1</script><img src=x onerror="window.pwned=2">'
REMOTE = re.compile(r"""\b(?:src|href)\s*=\s*["']?\s*(?:https?:|//)""", re.I)


def _view(*labels: str) -> GraphView:
    nodes = tuple(
        Node(id=f"urn:n{i}", labels=(("zh", text),), fallback=f"n{i}")
        for i, text in enumerate(labels)
    )
    return GraphView(nodes=nodes, edges=())


def _data_block(html: str) -> str:
    start = html.index('id="kg-data">') + len('id="kg-data">')
    return html[start : html.index("</script>", start)]


def test_page_inlines_vis_network_and_requests_nothing_remote():
    html = html_page.render_page(_view("兰州市委"), {"urn:n0": (0.0, 0.0)})
    assert "vis.Network" in html and "vis-network" in html and len(html) > 300_000
    assert not REMOTE.search(html) and "<link" not in html
    assert "<script src" not in html  # no Qt channel outside the app
    assert '<html lang="zh-Hans">' in html and "<title>KG Explorer</title>" in html
    assert json.loads(_data_block(html))["nodes"][0]["label"] == "兰州市委"


def test_the_app_shell_has_no_data_and_loads_the_qt_channel(tmp_path):
    path = html_page.shell_page(tmp_path, lang="en")
    html = path.read_text(encoding="utf-8")
    assert json.loads(_data_block(html)) == {"nodes": [], "edges": []}
    assert f'<script src="{html_page.QWEBCHANNEL}"></script>' in html
    assert '<html lang="en">' in html
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left beside it


def test_the_shell_is_rendered_once_and_reused(tmp_path):
    first = html_page.shell_page(tmp_path)
    first.write_text(first.read_text(encoding="utf-8") + "<!-- kept -->", encoding="utf-8")
    assert html_page.shell_page(tmp_path) == first
    assert first.read_text(encoding="utf-8").endswith("<!-- kept -->")
    other = html_page.shell_page(tmp_path, edge_labels=False)  # other options, other file
    assert other != first and other.is_file()


def test_a_warm_shell_does_not_import_pyvis(tmp_path):
    import subprocess

    html_page.shell_page(tmp_path)
    code = (
        "import sys; from explorer.render import html_page; "
        f"html_page.shell_page({str(tmp_path)!r}); print('pyvis' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_hostile_label_cannot_close_the_data_script():
    html = html_page.render_page(_view(HOSTILE), {}, title=HOSTILE)
    block = _data_block(html)
    assert "<" not in block and ">" not in block
    assert json.loads(block)["nodes"][0]["tip"].startswith(HOSTILE[:20])
    markup = html.replace(block, "")
    assert "<script>window.pwned" not in markup and "<img src=x" not in markup  # escaped
    assert "<title>&lt;/script&gt;" in html


def test_a_label_quoting_a_url_is_data_not_a_reference():
    html = html_page.render_page(_view("see src=https://example.org/x.js 链接"), {})
    assert not REMOTE.search(html.replace(_data_block(html), ""))
