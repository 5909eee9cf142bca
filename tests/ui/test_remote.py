"""A window on a real SPARQL server (oxigraph on 127.0.0.1): selecting, searching, expanding,
the navigation buttons, the path finder and opening tree branches fetch in a worker, so the
window answers at once; a stopped server gives a message, not a freeze."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from explorer.sources.sparql import EndpointGraph

MINI = Path(__file__).parents[1] / "data" / "mini.ttl"
LZ = "https://w3id.org/kg-explorer/lanzhou/"
WAIT = 15_000


@pytest.fixture(scope="module")
def server(tmp_path_factory, oxigraph_server):
    srv = oxigraph_server(tmp_path_factory.mktemp("oxigraph-ui") / "db", [MINI])
    yield srv
    srv.stop()


@pytest.fixture
def own_server(tmp_path, oxigraph_server):
    """A server this test may stop."""
    srv = oxigraph_server(tmp_path / "own" / "db", [MINI])
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
    qtbot.waitUntil(lambda: window.hierarchy.current_id() == LZ + "community-org", timeout=WAIT)
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
    qtbot.waitUntil(lambda: not window.runner.busy(), timeout=WAIT)  # the tree too
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
    # the tree goes back to what stays selected (revealed through the runner)
    qtbot.waitUntil(lambda: tree.current_id() == LZ + "city-committee", timeout=WAIT)

    window.search.set_query("五共五联")  # a search that cannot be answered says so
    qtbot.waitUntil(lambda: "Search failed" in window.search.status.text(), timeout=WAIT)
    assert own_server.url in window.search.status.text()

    window.menus.lang_actions["en"].trigger()  # the window still responds
    english = "Lanzhou Municipal Party Committee"  # from the caches, through the runner
    qtbot.waitUntil(lambda: window.details.title_text() == english, timeout=WAIT)
    assert window.hierarchy.tree.currentIndex().data() == english


def served_from_cache(qs, kg) -> list[int]:
    """Round-trips counted each time a worker's answer arrives (then applied on the GUI thread)."""
    counts: list[int] = []
    qs.fetching.connect(lambda what: None if what else counts.append(kg.round_trips))
    return counts


def test_view_actions_fetch_in_a_worker_then_the_view_follows(qtbot, make_window, server):
    kg = EndpointGraph(server.url, timeout=5)
    window = make_window(kg)
    state, qs = window.state, window.qs
    state.show_neighbourhood(LZ + "city-committee")
    state.select(LZ + "city-committee")
    counts = served_from_cache(qs, kg)

    def asynchronously(action, done) -> None:
        view = state.view
        action()
        assert state.view is view  # returned before the answer came
        assert qs.is_fetching()
        assert window.statusBar().currentMessage() == "Fetching…"
        qtbot.waitUntil(done, timeout=WAIT)
        assert not qs.is_fetching()
        assert window.statusBar().currentMessage() == ""
        assert kg.round_trips == counts[-1]  # the GUI thread asked the endpoint nothing

    ids = lambda: state.view.node_ids  # noqa: E731
    # a double-click in the graph page adds the neighbours in place
    asynchronously(
        lambda: window.graph.bridge.node_expand.emit(LZ + "district-committee"),
        lambda: LZ + "subdistrict-committee" in ids(),
    )
    assert LZ + "city-committee" in ids()

    state.show_neighbourhood(LZ + "city-committee")
    asynchronously(lambda: window.nav.depth.setValue(3), lambda: state.depth == 3)
    assert LZ + "community-org" in ids() and LZ + "wugong-wulian" in ids()
    assert window.nav.depth.value() == 3

    asynchronously(window.nav.whole.trigger, lambda: state.view.kind == "all")
    assert LZ + "joint-building" in ids()

    asynchronously(window.nav.neighbourhood.trigger, lambda: state.view.kind == "neighbourhood")
    assert state.view.focus[:1] == (LZ + "city-committee",)

    state.select(LZ + "subdistrict-committee")
    asynchronously(window.nav.tree.trigger, lambda: state.view.kind == "hierarchy")
    assert window.nav.hierarchical.isChecked()  # drawn top-down: the tree's own layout
    assert LZ + "community-org" in ids() and LZ + "wugong-wulian" not in ids()

    asynchronously(
        window.nav.back.trigger, lambda: state.selection.node_id == LZ + "city-committee"
    )
    assert not qs.is_fetching() and window.nav.forward.isEnabled()
    asynchronously(
        window.nav.forward.trigger, lambda: state.selection.node_id == LZ + "subdistrict-committee"
    )

    finder = window.path_finder
    finder.source.setText("兰州市委")
    finder.target.setText("五共五联")
    asynchronously(
        lambda: qtbot.mouseClick(finder.find_button, Qt.MouseButton.LeftButton),
        lambda: state.path is not None,
    )
    assert state.path.node_ids[0] == LZ + "city-committee"
    assert state.path.node_ids[-1] == LZ + "wugong-wulian"
    assert state.view.kind == "path"
    assert "兰州市委" in finder.hop_text()


def test_path_completion_on_an_endpoint_comes_from_a_worker(qtbot, make_window, server):
    window = make_window(EndpointGraph(server.url, timeout=5))
    finder = window.path_finder
    finder.source.setText("共建")
    finder.source.textEdited.emit("共建")
    assert finder._labels.stringList() == []  # the answer comes from the worker
    qtbot.waitUntil(lambda: "共建" in finder._labels.stringList(), timeout=WAIT)


def test_view_actions_on_a_stopped_server_give_a_message_and_leave_the_view(
    qtbot, make_window, own_server
):
    window = make_window(EndpointGraph(own_server.url, timeout=5))
    state, qs, nav = window.state, window.qs, window.nav
    # A fresh graph with a two-entity whole view, so most of it is not in the caches.
    state.whole_cap = 2
    kg = EndpointGraph(own_server.url, timeout=5)
    state.set_graph(kg)
    state.select(LZ + "joint-building")  # to go back to
    state.show_neighbourhood(LZ + "city-committee")
    state.select(LZ + "city-committee")
    qtbot.waitUntil(lambda: not window.runner.busy(), timeout=WAIT)  # the tree too
    own_server.stop()
    failures: list[str] = []
    qs.remote_failed.connect(lambda what, _msg: failures.append(what))

    def fails(action, what: str) -> None:
        view, path, count = state.view, state.path, len(failures)
        action()
        assert state.view is view  # returned at once
        assert qs.is_fetching()
        qtbot.waitUntil(lambda: len(failures) > count, timeout=WAIT)
        assert failures[-1] == what
        assert own_server.url in window.statusBar().currentMessage()
        assert "refused" in window.last_remote_error
        assert not qs.is_fetching()
        assert state.view is view and state.path == path
        assert state.selection.node_id == LZ + "city-committee"

    fails(lambda: nav.depth.setValue(3), LZ + "city-committee")
    assert state.depth == 1 and nav.depth.value() == 1  # the box shows the depth that stays
    fails(nav.tree.trigger, LZ + "city-committee")
    assert state.layout == "auto" and not nav.hierarchical.isChecked()  # still not top-down
    finder = window.path_finder
    finder.source.setText("兰州市委")
    finder.target.setText("五共五联")
    find = lambda: qtbot.mouseClick(finder.find_button, Qt.MouseButton.LeftButton)  # noqa: E731
    fails(find, "兰州市委 → 五共五联")
    assert finder.hop_text() == ""
    state.whole_cap = 5  # more than the caches hold
    fails(nav.whole.trigger, kg.source)

    state.whole_cap = 2
    state.show_whole()  # the view the graph opened with: from the caches
    fails(
        lambda: window.graph.bridge.node_expand.emit(LZ + "subdistrict-committee"),
        LZ + "subdistrict-committee",
    )

    state.set_depth(3)  # the whole graph is shown: nothing to fetch yet
    fails(nav.neighbourhood.trigger, LZ + "city-committee")
    fails(nav.back.trigger, LZ + "joint-building")
    assert nav.back.isEnabled() and not nav.forward.isEnabled()  # the history stays

    tree = window.hierarchy  # a branch that cannot be fetched closes again, with a message
    district = tree.index_of_label("区县党委", tree.index_of_label("兰州市委"))
    tree.tree.expand(district)
    assert tree.model.index(0, 0, district).data() == "…"  # returned at once
    qtbot.waitUntil(lambda: failures[-1] == LZ + "district-committee", timeout=WAIT)
    assert own_server.url in window.statusBar().currentMessage()
    assert tree.model.rowCount(district) == 0 and not tree.tree.isExpanded(district)
    assert state.selection.node_id == LZ + "city-committee"

    window.menus.lang_actions["en"].trigger()  # the window still responds
    english = "Lanzhou Municipal Party Committee"
    qtbot.waitUntil(lambda: window.details.title_text() == english, timeout=WAIT)


def test_a_tree_branch_on_an_endpoint_opens_from_a_worker(qtbot, make_window, server):
    window = make_window(EndpointGraph(server.url, timeout=5))
    tree, model = window.hierarchy.tree, window.hierarchy.model
    qtbot.waitUntil(lambda: model.index(0, 0).data() == "兰州市委", timeout=WAIT)
    root = model.index(0, 0)
    qtbot.waitUntil(lambda: model.index(0, 0, root).data() == "区县党委", timeout=WAIT)
    district = model.index(0, 0, root)

    tree.expand(district)
    assert model.rowCount(district) == 1
    assert model.index(0, 0, district).data() == "…"  # until the children come
    assert not model.flags(model.index(0, 0, district))  # never chosen
    qtbot.waitUntil(lambda: model.index(0, 0, district).data() == "街道党工委", timeout=WAIT)
    assert model.rowCount(district) == 1 and not model.is_loading()
    assert model.hasChildren(model.index(0, 0, district))
    assert window.state.selection.node_id is None  # opening a branch selects nothing


def test_exporting_from_an_endpoint_runs_in_a_worker(qtbot, make_window, server, tmp_path):
    window = make_window(EndpointGraph(server.url, timeout=5))
    window.qs.show_neighbourhood(LZ + "city-committee")
    qtbot.waitUntil(lambda: LZ + "city-committee" in window.state.view.node_ids, timeout=WAIT)
    menu = window.export_menu
    out = tmp_path / "view.graphml"
    with qtbot.waitSignal(menu.finished, timeout=WAIT):
        menu.export_to("graphml", out)
        assert window.runner.busy("export")  # returned at once; a worker writes it
    assert out.is_file() and "社区党组织" in out.read_text(encoding="utf-8")

    with qtbot.waitSignal(menu.failed, timeout=WAIT):  # a view's triples: not downloaded
        menu.export_to("ttl", tmp_path / "view.ttl")
    assert menu.error_box.textFormat() == Qt.TextFormat.PlainText
    assert not (tmp_path / "view.ttl").exists()
    menu.error_box.close()
