"""The graph: a vis-network page in a QWebEngineView, driven through one bridge.

The page is loaded once from a temporary file; later views replace its data in
place (``kg.setData``) and double-click expansion adds nodes (``kg.addData``).
JavaScript calls made before the page says "ready" wait in a queue.
"""

from __future__ import annotations

import base64
import json
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEngineScript
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QVBoxLayout, QWidget

from explorer.model import GraphView
from explorer.render import html_page, page
from explorer.state import Selection, ViewChange

from .bridge import GraphBridge
from .graph_keys import install_graph_keys
from .layout_cache import LayoutCache, Positions
from .legend import Legend
from .qt_state import QtState
from .web import local_page


class GraphWidget(QWidget):
    """Draws ``state.view``; clicks select, double-clicks expand, selection centres."""

    drawn = Signal()  # the page reports a drawn frame (of whatever data it holds)
    view_drawn = Signal()  # the page has drawn the view now on show (see view_is_drawn)
    ready = Signal()  # the page and its bridge are up

    def __init__(self, qs: QtState, cache: LayoutCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.qs = qs
        self._cache = cache
        self._tmp = tempfile.TemporaryDirectory(prefix="kg-explorer-page-")
        self._ready = False
        self._queue: list[tuple[str, Callable | None]] = []
        self._view: GraphView = qs.state.view
        self._shown: frozenset[str] = frozenset()
        self._positions: Positions = {}
        self._laid_out_as = qs.state.layout
        self.draw_count = 0
        self._sent = 0  # data handed to the page (0: the first view, in the page's own script)
        self._drawn_sent = -1  # the newest of those the page has drawn
        self._clicked: str | None = None
        self._sent_ahead: GraphView | None = None  # a new graph's view, sent before its event
        self._page_selection: str | None = None  # what the page selects (None: nothing)

        # First of the window's receivers of a new graph (before the legend and the panels):
        # its view goes to the page at once, so the page draws while they fill themselves.
        qs.graph_changed.connect(self._on_graph_changed)
        self.web = QWebEngineView(self)
        self.web.setObjectName("graphWeb")
        self._page, self.interceptor = local_page(self.web)
        self.web.setPage(self._page)
        self.bridge = GraphBridge(lambda: self._shown, self)
        self._channel = QWebChannel(self._page)
        self._channel.registerObject("bridge", self.bridge)
        self._page.setWebChannel(self._channel)
        self.legend = Legend(qs, self)

        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.web, 1)
        box.addWidget(self.legend)
        self.setFocusProxy(self.web)

        self.bridge.ready.connect(self._on_ready)
        self.bridge.drawn.connect(self._on_drawn)
        self.bridge.node_clicked.connect(self._on_node_clicked)
        self.bridge.node_expand.connect(qs.expand)
        qs.view_changed.connect(self._on_view_changed)
        qs.selection_changed.connect(self._on_selection_changed)
        qs.lang_changed.connect(self._on_lang_changed)
        qs.options_changed.connect(self._on_option)
        install_graph_keys(self)  # keyboard, and the camera that history restores
        self._load_page()

    # --- public API (also used by the export menu) -------------------------------
    def current_view(self) -> GraphView:
        return self._view

    def is_ready(self) -> bool:
        return self._ready

    def view_is_drawn(self) -> bool:
        """Whether the page has drawn the data of the view now on show (not an older one:
        a draw of the previous view may be reported after the new data left Python)."""
        return self._drawn_sent == self._sent

    def run_js(self, code: str, callback: Callable | None = None) -> None:
        """Run *code* in the page once it is ready (queued until then)."""
        if not self._ready:
            self._queue.append((code, callback))
        elif callback is None:
            self._page.runJavaScript(code, 0)
        else:
            self._page.runJavaScript(code, 0, callback)

    def fetch_positions(self, callback: Callable[[Positions], None]) -> None:
        """The positions on screen now (after any dragging), as ``{id: (x, y)}``."""

        def parse(raw: str) -> None:
            data = json.loads(raw or "{}")
            callback({k: (float(v["x"]), float(v["y"])) for k, v in data.items()})

        self.run_js("kg.positions()", parse)

    def grab_canvas_png(
        self, scale: float, transparent: bool, callback: Callable[[bytes], None]
    ) -> None:
        """A PNG of the graph canvas at *scale* × screen resolution."""

        def decode(url: str) -> None:
            prefix = "data:image/png;base64,"
            callback(base64.b64decode(url[len(prefix) :]) if url.startswith(prefix) else b"")

        self.run_js(f"kg.grab({float(scale)!r}, {json.dumps(bool(transparent))})", decode)

    def selected_ids(self, callback: Callable[[set[str]], None]) -> None:
        self.run_js("kg.selected()", lambda raw: callback(set(json.loads(raw or "[]"))))

    def fit(self) -> None:
        self.run_js("kg.fit()")

    # --- page --------------------------------------------------------------------
    def _load_page(self) -> None:
        """Load the data-less page (rendered once, kept beside the layouts) with the
        first view handed to it as a script that runs before the page's own: drawn at
        load, without waiting for the bridge."""
        state = self.qs.state
        folder = self._cache.directory.parent / "pages" if self._cache.directory else None
        path = html_page.shell_page(
            folder or Path(self._tmp.name), lang=state.lang, edge_labels=state.edge_labels
        )
        self._view = state.view
        self._laid_out_as = state.layout
        self._positions = dict(self._cache.positions(self._view, state.layout, state.lang))
        self._shown = self._view.node_ids
        first = QWebEngineScript()
        first.setName("kg-initial-view")
        first.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentCreation)
        first.setWorldId(QWebEngineScript.ScriptWorldId.MainWorld)
        first.setSourceCode(f"window.kgInitial = {self._payload()};")
        self._page.scripts().insert(first)
        self._ready = False
        self.web.load(QUrl.fromLocalFile(str(path)))

    def _on_ready(self) -> None:
        self._ready = True
        queued, self._queue = self._queue, []
        self._fit_readable()
        for code, callback in queued:
            self.run_js(code, callback)
        self._on_selection_changed(self.qs.state.selection)
        self.ready.emit()

    def _on_drawn(self) -> None:
        self.draw_count += 1
        if self._sent == 0 and self._drawn_sent < 0:  # the first view, drawn at page load
            self._data_drawn(0)
        self.drawn.emit()

    def _send_data(self, code: str) -> None:
        """Run a call that replaces or adds data. The page redraws inside that call
        (``network.redraw()`` is synchronous), so its answer means the data is drawn."""
        self._sent += 1
        self.run_js(code, lambda _result, sent=self._sent: self._data_drawn(sent))

    def _data_drawn(self, sent: int) -> None:
        if sent > self._drawn_sent:
            self._drawn_sent = sent
            if sent == self._sent:
                self.view_drawn.emit()

    def _payload(self, nodes=None) -> str:
        data = page.page_data(self._view, self._positions, self.qs.state.lang, nodes=nodes)
        return page.script_json(data)

    def _send_all(self, *, fit: bool) -> None:
        self._shown = self._view.node_ids
        self._send_data(f"kg.setData({self._payload()}, {json.dumps(fit)})")
        if fit:
            self._fit_readable()
        self._on_selection_changed(self.qs.state.selection, centre=False)

    def _fit_readable(self) -> None:
        """An org chart opens legible at its root, whatever its size (see ``kg.fitReadable``)."""
        if self._view.kind == "hierarchy":
            from explorer.layout import chart_anchor

            self.run_js(f"kg.fitReadable({page.script_json(chart_anchor(self._view))})")

    def _on_graph_changed(self, _kg) -> None:
        view = self.qs.state.view  # the new graph's opening view (its own event follows)
        self._on_view_changed(ViewChange(view))
        self._sent_ahead = view

    def _on_view_changed(self, change: ViewChange) -> None:
        ahead, self._sent_ahead = self._sent_ahead, None
        if change.view is ahead:  # the event of the view sent with its graph
            return
        old = self._view
        self._view = change.view
        if change.added_only and old.node_ids <= change.view.node_ids:
            added = tuple(n for n in change.view.nodes if n.id not in old.node_ids)
            self._positions.update(self._place_near_neighbours(added))
            self._shown = self._view.node_ids
            self._send_data(f"kg.addData({self._payload(nodes=added)})")
            return
        unit = _refolded_unit(old, change.view)
        if unit is not None and unit in self._positions:
            # A unit folded or unfolded: the chart is laid out again, and the camera
            # follows the unit so it stays under the pointer.
            before = self._positions[unit]
            self._relayout(fit=False)
            after = self._positions.get(unit, before)
            self.run_js(f"kg.panBy({after[0] - before[0]!r}, {after[1] - before[1]!r})")
            return
        self._relayout(fit=True)

    def _place_near_neighbours(self, added) -> Positions:
        """New nodes near the node they hang from, clear of the others (no full re-layout)."""
        from explorer.layout import place_added

        ids = [n.id for n in added]
        return place_added(self._view, self._positions, ids, self.qs.state.lang)

    def _on_node_clicked(self, node_id: str) -> None:
        # The user is looking at it: select without moving the camera (a remote source
        # selects later, once fetched, so the click is remembered until the selection comes).
        self._clicked = node_id
        self.qs.select(node_id)

    def _on_selection_changed(self, sel: Selection, *, centre: bool = True) -> None:
        if centre:  # a selection change (not a redraw) uses up the remembered click
            centre = sel.node_id != self._clicked
            self._clicked = None
        shown = sel.node_id if sel.node_id in self._shown else None  # else the page selects none
        if shown is None and self._page_selection is None:
            return  # nothing selected stays so (the page would restyle every item: ~80 ms)
        self._page_selection = shown
        self.run_js(f"kg.select({page.script_json(sel.node_id)}, {json.dumps(centre)})")

    def _on_option(self, name: str) -> None:
        state = self.qs.state
        if name == "edge_labels":
            self.run_js(f"kg.setEdgeLabels({json.dumps(state.edge_labels)})")
        elif name == "layout" and state.layout != self._laid_out_as:
            self._relayout(fit=True)

    def _on_lang_changed(self, _lang: str) -> None:
        self._relayout(fit=False)  # label boxes change size with the language

    def _relayout(self, *, fit: bool) -> None:
        """Positions from the layout service for the view, option and language now in force."""
        state = self.qs.state
        self._laid_out_as = state.layout
        self._positions = dict(self._cache.positions(self._view, state.layout, state.lang))
        self._send_all(fit=fit)

    def closeEvent(self, event) -> None:
        if self._page is not None:  # a window may be closed twice (by the user, then by Qt)
            self._ready = False
            self._page.deleteLater()  # before the profile: Qt warns if a page outlives it
            self._page = None
            self._tmp.cleanup()
        super().closeEvent(event)


def _refolded_unit(old: GraphView, new: GraphView) -> str | None:
    """The unit whose folding changed between two states of the same org chart, if that is
    all that happened."""
    if old.kind != "hierarchy" or new.kind != "hierarchy" or old.focus != new.focus:
        return None
    changed = {u for u, _n in old.folded} ^ {u for u, _n in new.folded}
    changed &= old.node_ids & new.node_ids
    return next(iter(changed)) if len(changed) == 1 else None
