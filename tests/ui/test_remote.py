"""A window on a real SPARQL server (oxigraph on 127.0.0.1): selecting and searching fetch
in a worker, so the window answers at once; a stopped server gives a message, not a freeze."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from explorer.sources.sparql import EndpointGraph

MINI = Path(__file__).parents[1] / "data" / "mini.ttl"
OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
LZ = "https://w3id.org/kg-explorer/lanzhou/"
WAIT = 15_000


class Server:
    """``oxigraph serve`` on a free local port over a store holding tests/data/mini.ttl."""

    def __init__(self, root: Path) -> None:
        db = root / "db"
        root.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [OXIGRAPH, "load", "--location", str(db), "--file", str(MINI)],
            check=True,
            capture_output=True,
            timeout=120,
        )
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        self.url = f"http://127.0.0.1:{port}/query"
        self.proc = subprocess.Popen(
            [OXIGRAPH, "serve", "--location", str(db), "--bind", f"127.0.0.1:{port}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url + "?query=ASK%7B%7D", timeout=1).read()
                return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("the oxigraph server did not start")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def start_server(root: Path) -> Server:
    if not Path(OXIGRAPH).exists():
        pytest.skip("the oxigraph server is not installed (pip install -e '.[test]')")
    return Server(root)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    srv = start_server(tmp_path_factory.mktemp("oxigraph-ui"))
    yield srv
    srv.stop()


@pytest.fixture
def own_server(tmp_path):
    """A server this test may stop."""
    srv = start_server(tmp_path / "own")
    yield srv
    srv.stop()


def test_selecting_fetches_in_a_worker_then_every_panel_follows(qtbot, make_window, server):
    kg = EndpointGraph(server.url, timeout=5)
    window = make_window(kg)
    window.state.show_neighbourhood(LZ + "city-committee")
    assert LZ + "community-org" not in window.state.view.node_ids
    fetched: list[int] = []  # round-trips when the worker's answer arrives
    window.qs.fetching.connect(lambda nid: None if nid else fetched.append(kg.round_trips))

    window.qs.select(LZ + "community-org")
    assert window.state.selection.node_id is None  # returned before the answer came
    assert window.qs.is_fetching()
    assert window.statusBar().currentMessage() == "Fetching…"

    qtbot.waitUntil(lambda: window.state.selection.node_id == LZ + "community-org", timeout=WAIT)
    assert LZ + "community-org" in window.state.view.node_ids  # its neighbourhood is shown
    assert window.details.title_text() == "社区党组织"
    assert window.hierarchy.current_id() == LZ + "community-org"
    assert window.breadcrumb.text() == "兰州市委 › 区县党委 › 街道党工委 › 社区党组织"
    assert window.statusBar().currentMessage() == ""
    window.graph.fit()
    qtbot.wait(200)  # the tree and the page repaint
    assert kg.round_trips == fetched[-1]  # the GUI thread asked the endpoint nothing


def test_search_on_an_endpoint_answers_asynchronously(qtbot, make_window, server):
    window = make_window(EndpointGraph(server.url, timeout=5))
    window.search.set_query("五共五联")
    assert window.search.hit_ids() == []  # the answer comes from the worker
    qtbot.waitUntil(lambda: window.search.hit_ids()[:1] == [LZ + "wugong-wulian"], timeout=WAIT)
    assert window.search.status.text() != "Searching…"

    window.search.box.setText("共建")
    qtbot.keyClick(window.search.box, Qt.Key.Key_Return)  # Enter selects the first hit
    qtbot.waitUntil(lambda: window.state.selection.node_id == LZ + "joint-building", timeout=WAIT)
    assert window.search.hit_ids()[0] == LZ + "joint-building"


def test_a_stopped_server_gives_a_message_and_the_window_keeps_working(
    qtbot, make_window, own_server
):
    window = make_window(EndpointGraph(own_server.url, timeout=5))
    window.qs.select(LZ + "city-committee")
    qtbot.waitUntil(lambda: window.state.selection.node_id == LZ + "city-committee", timeout=WAIT)
    view = window.state.view
    own_server.stop()

    window.qs.select(LZ + "wugong-wulian")  # never shown in details: not all in the caches
    assert window.state.selection.node_id == LZ + "city-committee"
    qtbot.waitUntil(lambda: own_server.url in window.statusBar().currentMessage(), timeout=WAIT)
    assert "refused" in window.last_remote_error
    assert not window.qs.is_fetching()
    assert window.state.selection.node_id == LZ + "city-committee"
    assert window.state.view is view
    assert window.details.title_text() == "兰州市委"

    tree = window.hierarchy
    failures: list[str] = []
    window.qs.remote_failed.connect(lambda nid, _msg: failures.append(nid))
    tree.tree.setCurrentIndex(tree.index_of_label("区县党委", tree.index_of_label("兰州市委")))
    assert tree.current_id() == LZ + "district-committee"
    qtbot.waitUntil(lambda: failures == [LZ + "district-committee"], timeout=WAIT)
    assert tree.current_id() == LZ + "city-committee"  # the tree shows what stays selected

    window.search.set_query("五共五联")  # a search that cannot be answered says so
    qtbot.waitUntil(lambda: "Search failed" in window.search.status.text(), timeout=WAIT)
    assert own_server.url in window.search.status.text()

    window.menus.lang_actions["en"].trigger()  # the window still responds
    assert window.details.title_text() == "Lanzhou Municipal Party Committee"
    assert window.hierarchy.tree.currentIndex().data() == "Lanzhou Municipal Party Committee"
