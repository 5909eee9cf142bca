"""Clicking through the article: tree, search, graph clicks, back / forward, path finder."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

LZ = "https://w3id.org/kg-explorer/lanzhou/"
PAGE_TIMEOUT = 30_000

# From the top of the article's tree down to a community-level body.
TREE_PATH = [
    ("中国共产党", "cpc"),
    ("甘肃省委", "gansu-provincial-party-committee"),
    ("兰州市委", "lanzhou-municipal-party-committee"),
    ("区县党委", "district-county-party-committees"),
    ("街道党工委", "subdistrict-party-working-committees"),
    ("社区党组织", "community-party-organizations"),
]


def test_click_down_the_tree_from_the_party_to_a_community_body(qtbot, window, page):
    tree = window.hierarchy.tree
    parent = None
    for label, name in TREE_PATH:
        index = window.hierarchy.index_of_label(label, parent)
        assert index.isValid(), f"{label} not under its parent in the tree"
        tree.scrollTo(index)
        qtbot.mouseClick(
            tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(index).center()
        )
        qtbot.waitUntil(lambda n=name: window.state.selection.node_id == LZ + n)
        assert window.details.title_text() == label
        assert label in window.breadcrumb.text()
        qtbot.keyClick(tree, Qt.Key.Key_Right)  # open the branch from the keyboard
        parent = index
    page.wait_selection(window.graph, {LZ + "community-party-organizations"})
    assert window.breadcrumb.text().startswith("中国共产党 › 甘肃省委 › 兰州市委")

    # ... and across to a mechanism this level runs, through the details links.
    kg = window.state.kg
    targets = window.details.link_targets()
    mechanisms = [t for t in targets if kg.node(t).category == "mechanism"]
    assert mechanisms, "the community body should link to a mechanism"
    window.details.follow(targets.index(mechanisms[0]))
    assert window.state.selection.node_id == mechanisms[0]
    page.wait_selection(window.graph, {mechanisms[0]})


def type_text(qtbot, widget, text: str) -> None:
    """Type like a user: keys for Latin text, an input-method commit for Chinese."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("五共五联", "wugong-wulian-method"),
        ("wugongwulian", "wugong-wulian-method"),
        ("part-time member", "兼职委员"),
    ],
)
def test_search_lands_on_the_right_entity(qtbot, window, page, query, expected):
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.search.box.hasFocus())
    type_text(qtbot, window.search.box, query)
    qtbot.waitUntil(lambda: bool(window.search.hit_ids()))
    window.search.completer.popup().hide()
    qtbot.keyClick(window.search.box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.state.selection.node_id is not None)
    chosen = window.state.selection.node_id
    if expected.isascii():
        assert chosen == LZ + expected
    else:
        assert expected in window.state.kg.label(chosen, "zh")
    page.wait_selection(window.graph, {chosen})


def test_a_click_in_the_page_selects_in_tree_and_details(qtbot, window, page):
    target = LZ + "subdistrict-party-working-committees"
    assert target in window.graph.current_view().node_ids
    camera = "JSON.stringify([kg.network.getViewPosition(), kg.network.getScale()])"
    before = page.js(window.graph, camera)
    page.js(window.graph, f"kg.onClick({{nodes: ['{target}'], edges: []}})")
    qtbot.waitUntil(lambda: window.state.selection.node_id == target, timeout=PAGE_TIMEOUT)
    assert window.hierarchy.current_id() == target
    assert window.details.title_text() == "街道党工委"
    page.wait_selection(window.graph, {target})
    assert page.js(window.graph, camera) == before  # a click selects; it does not pan


def test_a_real_mouse_click_on_a_node_selects_it(qtbot, window, page):
    target = LZ + "lanzhou-municipal-party-committee"
    window.state.select(target)  # centres it
    page.wait_selection(window.graph, {target})
    window.state.select(None)
    at = page.js(
        window.graph,
        f"JSON.stringify(kg.network.canvasToDOM(kg.network.getPositions(['{target}'])['{target}']))",
    )
    surface = window.graph.web.focusProxy()
    from PySide6.QtCore import QPoint

    point = QPoint(round(at["x"]), round(at["y"]))
    qtbot.mouseClick(surface, Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: window.state.selection.node_id == target, timeout=PAGE_TIMEOUT)


def test_back_and_forward(qtbot, window):
    names = ["lanzhou-municipal-party-committee", "wugong-wulian-method", "cpc"]
    for name in names:
        window.state.select(LZ + name)
    window.activateWindow()
    window.nav.back.trigger()
    assert window.state.selection.node_id == LZ + names[1]
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.state.selection.node_id == LZ + names[0]
    assert not window.nav.back.isEnabled() and window.nav.forward.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.state.selection.node_id == LZ + names[1]
    assert window.details.title_text() == window.state.kg.label(LZ + names[1], "zh")


def test_path_finder_highlights_the_path_and_lists_its_evidence(qtbot, window, page):
    finder = window.path_finder
    finder.source.setText("兰州市委")
    finder.target.setText("五共五联")
    qtbot.mouseClick(finder.find_button, Qt.MouseButton.LeftButton)
    path = window.state.path
    assert path is not None
    assert path.node_ids[0] == LZ + "lanzhou-municipal-party-committee"
    assert path.node_ids[-1] == LZ + "wugong-wulian-method"
    assert window.graph.current_view().kind == "path"
    qtbot.waitUntil(
        lambda: page.js(window.graph, "kg.nodeCount()") == len(path.node_ids),
        timeout=PAGE_TIMEOUT,
    )
    text = finder.hop_text()
    assert "兰州市委" in text and "“" in text  # each hop with the article's words


def test_double_click_expands_in_place_without_reloading(qtbot, window, page):
    center = LZ + "wugong-wulian-method"
    window.state.show_neighbourhood(center)
    qtbot.waitUntil(
        lambda: page.js(window.graph, "kg.nodeCount()") == len(window.state.view.nodes),
        timeout=PAGE_TIMEOUT,
    )
    page.js(window.graph, "window.__sameDocument = 'yes'")
    kg = window.state.kg
    neighbour = max((n.id for n in window.state.view.nodes if n.id != center), key=kg.degree)
    before = len(window.state.view.nodes)
    page.js(window.graph, f"kg.onDoubleClick({{nodes: ['{neighbour}']}})")
    qtbot.waitUntil(lambda: len(window.state.view.nodes) > before, timeout=PAGE_TIMEOUT)
    qtbot.waitUntil(
        lambda: page.js(window.graph, "kg.nodeCount()") == len(window.state.view.nodes),
        timeout=PAGE_TIMEOUT,
    )
    assert page.js(window.graph, "window.__sameDocument") == "yes"


def test_a_figure_selects_its_entity(qtbot, window):
    panel = window.figures
    window.docks["figures"].raise_()
    # One bar per positive figure (issue 13: one chart per unit, see test_figures.py).
    assert len(panel.chart.bar_geometry()) == len([f for f in panel.figures() if f.value > 0])
    assert panel.list.count() == len(window.state.kg.figures()) > 0
    item = panel.list.item(0)
    qtbot.mouseClick(
        panel.list.viewport(),
        Qt.MouseButton.LeftButton,
        pos=panel.list.visualItemRect(item).center(),
    )
    assert window.state.selection.node_id == panel.figures()[0].entity_id
