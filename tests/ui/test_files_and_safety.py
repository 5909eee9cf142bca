"""Opening files: a bad file keeps the graph; hostile labels run nothing and fetch nothing."""

from __future__ import annotations

import http.server
import threading
from pathlib import Path
from typing import ClassVar

import pytest
from PySide6.QtCore import QCoreApplication, Qt

PAGE_TIMEOUT = 30_000


def test_a_malformed_file_shows_the_error_and_keeps_the_graph(qtbot, window, ui_data):
    before_kg, before_view = window.state.kg, window.graph.current_view()
    assert window.open_file(str(ui_data / "malformed.ttl"))
    assert window.progress.isVisibleTo(window)
    qtbot.waitUntil(lambda: window.error_dialog is not None, timeout=PAGE_TIMEOUT)
    dialog = window.error_dialog
    assert dialog.isVisible()  # shown, and the test still runs: it does not block
    assert "malformed.ttl" in dialog.text()
    assert "line 6" in dialog.informativeText() and "dot" in dialog.informativeText()
    assert window.state.kg is before_kg and window.graph.current_view() is before_view
    assert not window.progress.isVisibleTo(window)
    dialog.close()


def test_opening_a_file_replaces_the_graph_and_remembers_it(qtbot, window, ui_data, page):
    path = str(ui_data / "mini.ttl")
    window.open_file(path)
    qtbot.waitUntil(lambda: window.state.kg.source == path, timeout=PAGE_TIMEOUT)
    assert window.menus.recent.actions()[0].text() == path
    qtbot.waitUntil(
        lambda: page.js(window.graph, "kg.nodeCount()") == len(window.state.view.nodes),
        timeout=PAGE_TIMEOUT,
    )
    assert window.hierarchy.model.rowCount() == 1  # 兰州市委 is the only root
    assert "mini.ttl" in window.windowTitle()


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self):
        _Recorder.hits.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *_args):
        pass


@pytest.fixture
def local_server():
    _Recorder.hits = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_hostile_labels_run_no_script_and_make_no_request(
    qtbot, window, ui_data, tmp_path, page, local_server
):
    port = local_server.server_address[1]
    text = (ui_data / "hostile.ttl").read_text(encoding="utf-8").replace("PORT", str(port))
    hostile = Path(tmp_path / "hostile.ttl")
    hostile.write_text(text, encoding="utf-8")
    window.open_file(str(hostile))
    qtbot.waitUntil(lambda: window.state.kg.source == str(hostile), timeout=PAGE_TIMEOUT)
    graph = window.graph
    qtbot.waitUntil(
        lambda: page.js(graph, "kg.nodeCount()") == len(window.state.view.nodes) >= 4,
        timeout=PAGE_TIMEOUT,
    )
    img = f"http://127.0.0.1:{port}/entity/img"
    window.state.select(img)
    page.wait_selection(graph, {img})
    # The labels are on the canvas as text; tooltips are elements holding text only.
    labels = [
        " ".join(label.split())  # labels are wrapped onto lines
        for label in page.js(graph, "JSON.stringify(kg.nodes.get().map(n => n.label))")
    ]
    assert any("<img src=" in label for label in labels)
    assert any("</script><script>" in label for label in labels)
    tips = page.js(
        graph,
        "JSON.stringify(kg.nodes.get().map(n => [n.title.children.length, n.title.innerHTML]))",
    )
    assert all(children == 0 for children, _html in tips)
    assert any("&lt;img src=" in html for _children, html in tips)
    state = page.js(
        graph,
        "JSON.stringify({pwned: window.pwned === undefined ? null : window.pwned,"
        " tags: document.querySelectorAll('img, iframe, a, link, object, embed').length,"
        " scripts: Array.from(document.scripts).filter(s => s.src && !s.src.startsWith('qrc:'))"
        ".length})",
    )
    assert state == {"pwned": None, "tags": 0, "scripts": 0}
    # The details panel shows the same text, escaped.
    assert "<img src=" in window.details.plain_text()
    assert "<iframe" in window.details.plain_text()
    # A forged message from inside the page is refused by the bridge.
    rejected = graph.bridge.rejections
    page.js(
        graph,
        "new QWebChannel(qt.webChannelTransport, ch => ch.objects.bridge.send("
        "JSON.stringify({type: 'click', id: 'urn:not-in-the-graph'}))); 1",
    )
    qtbot.waitUntil(lambda: graph.bridge.rejections > rejected, timeout=PAGE_TIMEOUT)
    assert window.state.selection.node_id == img
    qtbot.wait(300)  # give any stray request time to arrive before asserting none did
    assert _Recorder.hits == []
    assert graph.interceptor.blocked == []


def test_a_large_file_opens_store_backed_and_still_navigates(
    qtbot, window, ui_data, page, monkeypatch
):
    monkeypatch.setenv("KG_EXPLORER_LARGE_BYTES", "100")  # mini.ttl counts as large
    path = str(ui_data / "mini.ttl")
    window.open_file(path)
    qtbot.waitUntil(lambda: window.state.kg.source == path, timeout=PAGE_TIMEOUT)
    assert type(window.state.kg).__name__ != "KnowledgeGraph"
    target = "https://w3id.org/kg-explorer/lanzhou/xihu-working-committee"
    window.state.select(target)
    page.wait_selection(window.graph, {target})
    assert window.hierarchy.current_id() == target
    assert window.details.title_text() == "西湖街道党工委"


def test_cancelling_a_load_keeps_the_graph_and_frees_the_loader(qtbot, window, ui_data, tmp_path):
    from benchmarks.generate import generate

    big = tmp_path / "big.ttl"
    big.write_text(generate(100_000), encoding="utf-8")
    before_kg = window.state.kg
    assert window.open_file(str(big))
    assert not window.open_file(str(big))  # one load at a time
    assert window.cancel_load.isVisibleTo(window)
    abandoned = window.runner.running_workers()
    qtbot.mouseClick(window.cancel_load, Qt.MouseButton.LeftButton)
    assert not window.is_loading()
    assert not window.progress.isVisibleTo(window)
    assert not window.cancel_load.isVisibleTo(window)
    path = str(ui_data / "mini.ttl")
    assert window.open_file(path)  # a new load may start at once
    qtbot.waitUntil(lambda: window.state.kg.source == path, timeout=PAGE_TIMEOUT)
    # The abandoned parse finishes in the background, unheard: the new graph stays.
    qtbot.waitUntil(lambda: not any(t.is_alive() for t in abandoned), timeout=120_000)
    QCoreApplication.processEvents()  # a (wrongly) delivered answer would arrive now
    assert window.state.kg.source == path and window.state.kg is not before_kg
    assert window.statusBar().currentMessage() == ""


def test_closing_during_a_load_drops_it_and_returns(qtbot, window, tmp_path):
    from benchmarks.generate import generate

    big = tmp_path / "big.ttl"
    big.write_text(generate(100_000), encoding="utf-8")
    before_kg = window.state.kg
    assert window.open_file(str(big))
    worker = window.runner.running_workers()[0]
    window.close()  # must neither hang nor leave anything to call back into the window
    assert window.runner.closed and not window.runner.busy()
    assert not window.open_file(str(big))  # a closed window starts nothing
    qtbot.waitUntil(lambda: not worker.is_alive(), timeout=120_000)
    QCoreApplication.processEvents()
    assert window.state.kg is before_kg
