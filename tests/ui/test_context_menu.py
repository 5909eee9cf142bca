"""The graph's context menu: a real right click on a node in the page, and the Menu key;
its actions expand, fold, fill the path finder, copy the IRI and offer the export."""

from __future__ import annotations

import os

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication

from explorer.state import ExplorerState

LZ = "https://w3id.org/kg-explorer/lanzhou/"
PAGE_TIMEOUT = 30_000
CITY = LZ + "lanzhou-municipal-party-committee"


def node_on_screen(page, window, node_id: str) -> QPoint:
    at = page.js(window.graph, f"kg.nodeOnScreen('{node_id}')")
    return QPoint(round(at["x"]), round(at["y"]))


def folds(kg, node_id: str) -> bool:
    """Whether expanding, then folding, *node_id* in CITY's neighbourhood changes the view."""
    trial = ExplorerState(kg)
    trial.show_neighbourhood(CITY)
    trial.expand(node_id)
    grown = trial.view.node_ids
    trial.fold(node_id)
    return trial.view.node_ids < grown


def open_on(qtbot, page, window, node_id: str):
    """Right-click *node_id* with the real mouse; the menu that opens."""
    drawn = window.graph.draw_count
    window.state.select(node_id)  # centres it
    page.wait_selection(window.graph, {node_id})
    qtbot.waitUntil(lambda: window.graph.draw_count > drawn, timeout=PAGE_TIMEOUT)
    menu = window.graph_menu
    surface = window.graph.web.focusProxy()
    point = node_on_screen(page, window, node_id)
    qtbot.mouseClick(surface, Qt.MouseButton.RightButton, pos=point)
    qtbot.waitUntil(lambda: menu.menu.isVisible(), timeout=PAGE_TIMEOUT)
    assert menu.node_id == node_id
    return menu


def test_right_click_on_a_node_opens_its_menu(qtbot, window, page):
    menu = open_on(qtbot, page, window, CITY)
    texts = [a.text() for a in menu.menu.actions() if a.isVisible() and a.text()]
    assert texts[0] == "兰州市委"  # the section title names the node
    for text in ("Expand", "Fold", "Path from here", "Path to here", "Copy IRI", "Export"):
        assert any(t.startswith(text) for t in texts), text
    shot = os.environ.get("KG_MENU_SHOT")
    if shot:
        window.grab().save(shot)  # the window around it
        menu.menu.grab().save(shot.replace(".png", "-menu.png"))
    menu.copy_iri.trigger()
    assert QGuiApplication.clipboard().text() == CITY
    menu.menu.hide()


def test_menu_actions_expand_fold_and_fill_the_path_finder(qtbot, window, page):
    state = window.state
    state.show_neighbourhood(CITY)
    neighbour = next(n for n in sorted(state.view.node_ids) if n != CITY and folds(state.kg, n))
    menu = open_on(qtbot, page, window, neighbour)
    before = state.view.node_ids
    menu.expand.trigger()
    assert state.view.node_ids > before
    grown = state.view.node_ids
    menu.fold.trigger()
    assert before <= state.view.node_ids < grown
    menu.path_from.trigger()
    menu.menu.hide()
    menu = open_on(qtbot, page, window, CITY)
    menu.path_to.trigger()
    finder = window.path_finder
    assert state.kg.resolve(finder.source.text()) == neighbour
    assert finder.target.text() == "兰州市委"
    finder.find()
    assert state.path is not None and state.path.node_ids[0] == neighbour
    assert state.path.node_ids[-1] == CITY


def test_the_menu_key_opens_the_menu_for_the_selection(qtbot, window, page):
    window.state.select(CITY)
    page.wait_selection(window.graph, {CITY})
    window.activateWindow()
    window.graph.setFocus()
    surface = window.graph.web.focusProxy()
    qtbot.waitUntil(surface.hasFocus)
    qtbot.keyClick(surface, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.graph_menu.menu.isVisible(), timeout=PAGE_TIMEOUT)
    assert window.graph_menu.node_id == CITY
    window.graph_menu.menu.hide()
