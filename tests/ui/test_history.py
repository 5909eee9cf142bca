"""Back / forward restore the whole view (what is shown, layout, zoom), not only the
selection (issue 13: 41 nodes stayed after Back)."""

from __future__ import annotations

from explorer import views

LZ = "https://w3id.org/kg-explorer/lanzhou/"
PAGE_TIMEOUT = 30_000
CITY = LZ + "lanzhou-municipal-party-committee"


def camera_known(page, window) -> bool:
    """The state holds the camera the page shows (the page reports each change)."""
    shown = page.js(window.graph, "kg.camera()")
    known = window.state.camera
    return known is not None and shown == {"scale": known.scale, "x": known.x, "y": known.y}


def page_count(page, window) -> int:
    return page.js(window.graph, "kg.nodeCount()")


def test_back_after_expanding_restores_the_earlier_view_and_zoom(qtbot, window, page):
    state, graph = window.state, window.graph
    state.show_neighbourhood(CITY)
    state.select(CITY)
    qtbot.waitUntil(lambda: page_count(page, window) == len(state.view.nodes))
    earlier = state.view.node_ids
    graph.run_js("kg.moveTo(1.7, 10, 20)")  # the user zooms in
    qtbot.waitUntil(lambda: camera_known(page, window), timeout=PAGE_TIMEOUT)
    zoomed = state.camera
    assert zoomed.scale > 1.5

    # Select a neighbour with more around it and expand it, as a double-click does.
    target = max(
        (n for n in earlier if n != CITY),
        key=lambda n: len(views.expand(state.kg, state.base_view, n).node_ids),
    )
    state.select(target)
    graph.bridge.node_expand.emit(target)
    grown = len(state.view.nodes)
    assert grown > len(earlier)
    qtbot.waitUntil(lambda: page_count(page, window) == grown, timeout=PAGE_TIMEOUT)

    window.nav.back.trigger()
    assert state.selection.node_id == CITY
    assert state.view.node_ids == earlier
    qtbot.waitUntil(lambda: page_count(page, window) == len(earlier), timeout=PAGE_TIMEOUT)
    qtbot.waitUntil(lambda: camera_known(page, window), timeout=PAGE_TIMEOUT)
    # The zoom the user had (the page keeps the view centred if the window resizes meanwhile).
    assert abs(state.camera.scale / zoomed.scale - 1) < 0.05
    assert abs(state.camera.x - zoomed.x) < 20 and abs(state.camera.y - zoomed.y) < 20

    window.nav.forward.trigger()
    assert state.selection.node_id == target and len(state.view.nodes) == grown
    qtbot.waitUntil(lambda: page_count(page, window) == grown, timeout=PAGE_TIMEOUT)


def test_back_restores_the_layout_and_the_path(qtbot, window):
    state = window.state
    wugong = LZ + "wugong-wulian-method"
    state.select(wugong)
    path = state.find_path(CITY, wugong)
    assert path is not None
    state.select(CITY)  # on the path: the path view stays
    window.nav.tree.trigger()
    assert state.view.kind == "hierarchy" and window.nav.hierarchical.isChecked()
    state.set_layout("force")  # the user draws this tree as a network instead
    unit = next(n for n in sorted(state.view.node_ids) if n != CITY)
    state.select(unit)
    window.nav.back.trigger()
    assert state.selection.node_id == CITY
    assert state.view.kind == "hierarchy" and state.layout == "force"
    window.nav.back.trigger()
    assert state.selection.node_id == wugong
    assert state.view.kind == "path" and state.path == path
    assert state.layout == "auto" and not window.nav.hierarchical.isChecked()
    window.nav.forward.trigger()
    window.nav.forward.trigger()
    assert state.selection.node_id == unit and state.layout == "force"
