"""The graph as a reader meets it: an org chart first, folding units, no overlapping
boxes, one layout for every view kind, selection focus and edge labels that read."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QPoint, Qt

from explorer import layout

LZ = "https://w3id.org/kg-explorer/lanzhou/"
PAGE_TIMEOUT = 30_000
ORGANIGRAM = "../shared/data/organigrams/berlin-senfin-2023.ttl"


@pytest.fixture(scope="module")
def organigram():
    from explorer.sources import open_source

    return open_source(ORGANIGRAM)


def page_positions(qtbot, window) -> dict[str, tuple[float, float]]:
    box: dict = {}
    window.graph.fetch_positions(lambda pos: box.setdefault("pos", pos))
    qtbot.waitUntil(lambda: "pos" in box, timeout=PAGE_TIMEOUT)
    return box["pos"]


def wait_drawn(qtbot, window, page) -> None:
    """Until the page holds exactly the nodes of the view on show."""
    qtbot.waitUntil(
        lambda: (
            page.js(window.graph, "kg.nodeCount()") == len(window.state.view.nodes)
            and set(page_positions(qtbot, window)) == set(window.state.view.node_ids)
        ),
        timeout=PAGE_TIMEOUT,
    )


def overlaps(boxes: dict[str, list[float]]) -> list[tuple[str, str]]:
    items = list(boxes.items())
    return [
        (a, b)
        for i, (a, ra) in enumerate(items)
        for b, rb in items[i + 1 :]
        if ra[0] < rb[2] and rb[0] < ra[2] and ra[1] < rb[3] and rb[1] < ra[3]
    ]


def test_an_organigram_opens_on_its_org_chart_with_lower_levels_folded(
    qtbot, make_window, organigram, page
):
    window = make_window(organigram, lang="en")
    view = window.state.view
    assert view.kind == "hierarchy" and window.nav.hierarchical.isChecked()
    assert view.folded, "the lower levels start folded"
    unit, hidden = view.folded[0]
    looks = page.js(window.graph, f"kg.looksOf({unit!r})")
    assert looks["folded"] == hidden and f"+{hidden}" in looks["label"]
    pos = page_positions(qtbot, window)
    tree = organigram.hierarchy
    for node in view.node_ids:
        for child in tree.children(node):
            if child in pos:
                assert pos[node][1] < pos[child][1]  # parents above their units
    # legible at the opening fit: a 14 px label is drawn at 10 px or more
    assert page.js(window.graph, "kg.scale()") * 14 >= 10


def test_a_click_unfolds_a_folded_unit_in_place_and_a_double_click_folds_it(
    qtbot, make_window, organigram, page
):
    window = make_window(organigram, lang="en")
    surface = window.graph.web.focusProxy()

    def on_screen(unit: str) -> QPoint | None:
        code = (
            f"JSON.stringify(kg.network.canvasToDOM(kg.network.getPositions(['{unit}'])['{unit}']))"
        )
        at = page.js(window.graph, code)
        point = QPoint(round(at["x"]), round(at["y"]))
        return point if surface.rect().adjusted(20, 20, -20, -20).contains(point) else None

    unit, hidden = next((u, n) for u, n in window.state.view.folded if on_screen(u))
    kids = set(organigram.hierarchy.children(unit))
    assert not kids & window.state.view.node_ids
    point = on_screen(unit)
    qtbot.mouseClick(surface, Qt.MouseButton.LeftButton, pos=point)  # a click on "▸ +N"
    qtbot.waitUntil(lambda: kids <= window.state.view.node_ids, timeout=PAGE_TIMEOUT)
    wait_drawn(qtbot, window, page)
    assert window.state.selection.node_id == unit
    assert len(kids) == hidden and unit not in dict(window.state.view.folded)
    assert window.state.view.kind == "hierarchy"
    qtbot.waitUntil(  # the chart was laid out again; the unit stayed under the pointer
        lambda: (p := on_screen(unit)) is not None and (p - point).manhattanLength() <= 4,
        timeout=PAGE_TIMEOUT,
    )
    boxes = page.js(window.graph, "kg.boxes()")
    assert overlaps(boxes) == []
    page.js(window.graph, f"kg.onDoubleClick({{nodes: ['{unit}']}})")
    qtbot.waitUntil(lambda: not kids & window.state.view.node_ids, timeout=PAGE_TIMEOUT)
    assert dict(window.state.view.folded)[unit] == hidden


def test_tree_then_whole_graph_is_not_a_flat_line(qtbot, window, page):
    window.nav.tree.trigger()
    qtbot.waitUntil(lambda: window.state.view.kind == "hierarchy", timeout=PAGE_TIMEOUT)
    assert window.nav.hierarchical.isChecked()
    window.nav.whole.trigger()
    qtbot.waitUntil(lambda: window.state.view.kind == "all", timeout=PAGE_TIMEOUT)
    wait_drawn(qtbot, window, page)
    assert not window.nav.hierarchical.isChecked()
    pos = page_positions(qtbot, window)
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    width, height = max(xs) - min(xs), max(ys) - min(ys)
    assert len(pos) == len(window.state.view.nodes) > 200
    assert height > width / 3 and len(set(ys)) > 100
    # what the page shows is what the layout service gives (and so what exports draw)
    expected = layout.positions(window.state.view, "auto", window.state.lang)
    assert set(pos) == set(expected)
    assert all(math.dist(pos[n], expected[n]) < 1.5 for n in pos)  # the page rounds


def test_the_whole_graph_has_no_overlapping_node_boxes_on_screen(qtbot, window, page):
    window.state.show_whole()
    wait_drawn(qtbot, window, page)
    boxes = page.js(window.graph, "kg.boxes()")
    assert len(boxes) == len(window.state.view.nodes) > 200
    assert overlaps(boxes) == []


def test_selection_dims_everything_but_the_node_and_its_neighbours(qtbot, window, page):
    state = window.state
    state.show_whole()
    wait_drawn(qtbot, window, page)
    target = LZ + "wugong-wulian-method"
    state.select(target)
    page.wait_selection(window.graph, {target})
    kg = state.kg
    near = {e.target for e in kg.out_edges(target)} | {e.source for e in kg.in_edges(target)}
    far = next(n.id for n in state.view.nodes if n.id not in near | {target})
    qtbot.waitUntil(
        lambda: page.js(window.graph, f"kg.looksOf({far!r})")["opacity"] < 0.5,
        timeout=PAGE_TIMEOUT,
    )
    assert "0.25" in page.js(window.graph, f"kg.looksOf({far!r})")["fontColor"]
    for node in (target, *near):
        if node in state.view.node_ids:
            assert page.js(window.graph, f"kg.looksOf({node!r})")["opacity"] == 1
    # zoomed out, the labels of the selection's relations show, and no others
    page.js(window.graph, "kg.zoomTo(0.3)")
    mine = page.js(window.graph, f"kg.looksOf({target!r})")["edges"]
    assert mine and all(e["size"] > 12 and e["opacity"] == 1 for e in mine.values())
    other = page.js(window.graph, f"kg.looksOf({far!r})")["edges"]
    assert all(e["size"] == 0 and e["opacity"] < 0.5 for e in other.values())
    state.select(None)
    page.wait_selection(window.graph, set())
    qtbot.waitUntil(
        lambda: page.js(window.graph, f"kg.looksOf({far!r})")["opacity"] == 1,
        timeout=PAGE_TIMEOUT,
    )
    page.js(window.graph, "kg.zoomTo(1.2)")  # zoomed in, every relation is named
    other = page.js(window.graph, f"kg.looksOf({far!r})")["edges"]
    assert other and all(e["size"] == 12 for e in other.values())


def test_a_path_reads_left_to_right_from_its_start_to_its_end(qtbot, window, page):
    finder = window.path_finder
    finder.source.setText("七里河区")
    finder.target.setText("兰州市委")
    qtbot.mouseClick(finder.find_button, Qt.MouseButton.LeftButton)
    path = window.state.path
    assert path is not None and len(path.node_ids) >= 3  # 七里河区 → 兰州市 ← 兰州市委
    wait_drawn(qtbot, window, page)
    pos = page_positions(qtbot, window)
    xs = [pos[n][0] for n in path.node_ids]
    assert xs == sorted(xs) and len(set(xs)) == len(xs)
    boxes = page.js(window.graph, "kg.boxes()")
    assert overlaps(boxes) == []


def test_enter_unfolds_the_selected_unit_and_the_context_menus_fold_folds_it(
    qtbot, make_window, organigram, page
):
    from PySide6.QtWidgets import QApplication

    window = make_window(organigram, lang="en")
    state = window.state
    unit, hidden = state.view.folded[0]
    kids = set(organigram.hierarchy.children(unit))
    state.select(unit)
    page.wait_selection(window.graph, {unit})
    window.activateWindow()
    window.graph.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: window.graph.isAncestorOf(QApplication.focusWidget()))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: kids <= state.view.node_ids, timeout=PAGE_TIMEOUT)
    wait_drawn(qtbot, window, page)
    assert page.js(window.graph, f"kg.looksOf({unit!r})")["folded"] == 0
    state.fold(unit)  # the context menu's Fold
    assert not kids & state.view.node_ids and dict(state.view.folded)[unit] == hidden
    qtbot.waitUntil(
        lambda: page.js(window.graph, f"kg.looksOf({unit!r})")["folded"] == hidden,
        timeout=PAGE_TIMEOUT,
    )


def test_a_new_graph_goes_to_the_page_first_and_once(qtbot, window, ui_data):
    """The page draws a newly opened file's view while the panels fill themselves, and is
    not asked again to clear a selection or search marks it does not have."""
    sent: list[str] = []
    real = window.graph.run_js

    def spy(code, callback=None):
        sent.append(code.split("(", 1)[0])
        real(code, callback)

    window.graph.run_js = spy
    when_panels_heard: list[list[str]] = []  # connected last: runs after every panel's slot
    window.qs.graph_changed.connect(lambda _kg: when_panels_heard.append(list(sent)))
    assert window.open_file(str(ui_data / "mini.ttl"))
    qtbot.waitUntil(
        lambda: window.state.kg.source.endswith("mini.ttl") and window.graph.view_is_drawn(),
        timeout=PAGE_TIMEOUT,
    )
    assert when_panels_heard and when_panels_heard[0][0] == "kg.setData"
    assert sent.count("kg.setData") == 1
    assert "kg.select" not in sent and "kg.mark" not in sent
