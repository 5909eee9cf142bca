"""The graph by keyboard and context menu: Tab reaches it, arrows walk to neighbours,
Enter expands, + / − zoom, Escape clears; right click and the Menu key open a menu."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from explorer import views
from ui.graph_keys import DIRECTIONS, neighbour_in_direction

LZ = "https://w3id.org/kg-explorer/lanzhou/"
PAGE_TIMEOUT = 30_000

CITY = LZ + "lanzhou-municipal-party-committee"


def graph_focus(window):
    """The widget that holds the keyboard focus inside the graph (the page's surface)."""
    focus = QApplication.focusWidget()
    return focus if focus is not None and window.graph.isAncestorOf(focus) else None


def focus_graph(qtbot, window):
    window.activateWindow()
    window.graph.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: graph_focus(window) is not None, timeout=PAGE_TIMEOUT)
    return graph_focus(window)


def positions(qtbot, graph) -> dict:
    box: dict = {}
    graph.fetch_positions(lambda p: box.setdefault("p", p))
    qtbot.waitUntil(lambda: "p" in box, timeout=PAGE_TIMEOUT)
    return box["p"]


def test_neighbour_in_direction_follows_the_screen():
    from explorer.model import Edge, GraphView, Node

    nodes = tuple(Node(i, (("en", i),), i) for i in "cnesw")
    edges = tuple(Edge("c", t, "p") for t in "nesw")
    view = GraphView(nodes, edges)
    at = {"c": (0, 0), "n": (5, -100), "e": (100, 10), "s": (0, 100), "w": (-100, 0)}
    found = {key: neighbour_in_direction(view, "c", at, d) for key, d in DIRECTIONS.items()}
    assert found == {
        Qt.Key.Key_Up: "n",
        Qt.Key.Key_Right: "e",
        Qt.Key.Key_Down: "s",
        Qt.Key.Key_Left: "w",
    }
    assert neighbour_in_direction(view, "n", at, (0.0, -1.0)) is None  # nothing above


def test_tab_reaches_the_graph(qtbot, window):
    window.activateWindow()
    window.hierarchy.tree.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: window.hierarchy.tree.hasFocus())
    qtbot.keyClick(window.hierarchy.tree, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: graph_focus(window) is not None, timeout=PAGE_TIMEOUT)


def test_arrows_walk_to_a_neighbour_and_enter_expands(qtbot, window):
    window.state.show_neighbourhood(CITY)
    window.state.select(CITY)
    qtbot.waitUntil(lambda: window.graph.current_view().kind == "neighbourhood")
    surface = focus_graph(qtbot, window)
    at = positions(qtbot, window.graph)
    view = window.graph.current_view()
    key, expected = next(
        (k, n)
        for k, d in DIRECTIONS.items()
        if (n := neighbour_in_direction(view, CITY, at, d)) is not None
    )
    qtbot.keyClick(surface, key)
    qtbot.waitUntil(lambda: window.state.selection.node_id == expected, timeout=PAGE_TIMEOUT)
    assert expected in {e.target for e in view.edges if e.source == CITY} | {
        e.source for e in view.edges if e.target == CITY
    }

    grown = views.expand(window.state.kg, window.state.base_view, expected).node_ids
    assert len(grown) > len(window.state.view.nodes), "pick a node with more to show"
    qtbot.keyClick(graph_focus(window) or surface, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.state.view.node_ids == grown, timeout=PAGE_TIMEOUT)

    qtbot.keyClick(graph_focus(window) or surface, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.state.selection.node_id is None)


def test_plus_and_minus_zoom(qtbot, window, page):
    surface = focus_graph(qtbot, window)
    start = page.js(window.graph, "kg.network.getScale()")
    qtbot.keyClick(surface, Qt.Key.Key_Plus)
    qtbot.waitUntil(lambda: page.js(window.graph, "kg.network.getScale()") > start * 1.2)
    qtbot.keyClick(graph_focus(window) or surface, Qt.Key.Key_Minus)
    qtbot.waitUntil(
        lambda: abs(page.js(window.graph, "kg.network.getScale()") - start) < start * 0.01
    )
