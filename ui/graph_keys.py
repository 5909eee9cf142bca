"""The graph by keyboard: arrows walk to a neighbour in that screen direction, Enter
expands, + / − zoom, Escape clears the selection. Also keeps the page's camera in the
state, so that back / forward can restore the zoom along with the view.

Installed onto a ``GraphWidget`` by :func:`install_graph_keys`: an event filter on the
page's surface (the web view's focus proxy, found again whenever the page loads), so the
keys act only on key presses the graph itself receives; modified keys (Alt+Left for Back)
pass through to the window.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent

from explorer.model import GraphView
from explorer.state import Camera

if TYPE_CHECKING:
    from .graph_view import GraphWidget

#: Screen directions of the arrow keys (the page's y axis points down).
DIRECTIONS = {
    Qt.Key.Key_Left: (-1.0, 0.0),
    Qt.Key.Key_Right: (1.0, 0.0),
    Qt.Key.Key_Up: (0.0, -1.0),
    Qt.Key.Key_Down: (0.0, 1.0),
}
ZOOM_STEP = 1.25
#: A neighbour counts as "in that direction" within about ±70° of it.
MIN_COSINE = 0.35


def neighbour_in_direction(
    view: GraphView,
    node_id: str,
    positions: dict[str, tuple[float, float]],
    direction: tuple[float, float],
) -> str | None:
    """The neighbour of *node_id* in *view* that an arrow towards *direction* leads to:
    roughly that way, nearest and best aligned first; ``None`` if none lies that way."""
    if node_id not in positions:
        return None
    x0, y0 = positions[node_id]
    dx, dy = direction
    best: tuple[float, str] | None = None
    for e in view.edges:
        other = e.target if e.source == node_id else e.source if e.target == node_id else None
        if other is None or other == node_id or other not in positions:
            continue
        vx, vy = positions[other][0] - x0, positions[other][1] - y0
        dist = math.hypot(vx, vy)
        if dist == 0:
            continue
        cosine = (vx * dx + vy * dy) / dist
        if cosine < MIN_COSINE:
            continue
        score = dist * (2.0 - cosine)  # off-axis neighbours count as farther
        if best is None or (score, other) < best:
            best = (score, other)
    return best[1] if best else None


class GraphKeys(QObject):
    """The graph's shortcuts; ``menu_requested`` asks for the context menu (Menu key,
    Shift+F10) with the node and the point on the widget where it is drawn."""

    menu_requested = Signal(object, float, float)  # node id or None, x, y on the page

    def __init__(self, graph: GraphWidget) -> None:
        super().__init__(graph)
        self.graph = graph
        self.qs = graph.qs
        graph.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        graph.web.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # The page's own menu (Back, Reload, View source) makes no sense here: ours replaces it.
        graph.web.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        key = Qt.Key
        self.actions: dict[Qt.Key, Callable[[], None]] = {
            **{k: (lambda d=d: self.move(d)) for k, d in DIRECTIONS.items()},
            key.Key_Return: self.expand,
            key.Key_Enter: self.expand,
            key.Key_Plus: lambda: self.zoom(ZOOM_STEP),
            key.Key_Equal: lambda: self.zoom(ZOOM_STEP),
            key.Key_Minus: lambda: self.zoom(1 / ZOOM_STEP),
            key.Key_Escape: lambda: self.qs.select(None),
            key.Key_Menu: self.request_menu,
        }
        self._watched: list[QObject] = []
        self._watch()
        graph.ready.connect(self._watch)  # a (re)loaded page may have a new surface
        graph.bridge.camera.connect(self._on_camera)
        self.qs.camera_restored.connect(self.restore_camera)

    def _watch(self) -> None:
        for widget in (self.graph.web, self.graph.web.focusProxy()):
            if widget is not None and not any(w is widget for w in self._watched):
                widget.installEventFilter(self)
                self._watched.append(widget)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            action = self._action_for(event)
            if action is not None:
                action()
                return True
        return super().eventFilter(watched, event)

    def _action_for(self, event: QKeyEvent) -> Callable[[], None] | None:
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() == Qt.Key.Key_F10 and mods == Qt.KeyboardModifier.ShiftModifier:
            return self.request_menu
        if mods & ~Qt.KeyboardModifier.ShiftModifier:
            return None  # Alt+Left, Ctrl+... belong to the window
        if mods and event.key() != Qt.Key.Key_Plus:  # "+" needs Shift on most layouts
            return None
        return self.actions.get(Qt.Key(event.key()))

    # --- actions ------------------------------------------------------------------------
    def move(self, direction: tuple[float, float]) -> None:
        """Select the neighbour that way, by where the nodes are on screen now."""
        view, current = self.graph.current_view(), self.qs.state.selection.node_id
        if current is None:  # nothing selected yet: start at the view's centre
            start = view.focus[0] if view.focus else (view.nodes[0].id if view.nodes else None)
            if start is not None:
                self.qs.select(start)
            return

        def pick(positions: dict[str, tuple[float, float]]) -> None:
            if self.qs.state.selection.node_id != current:
                return  # the selection moved on while the page answered
            found = neighbour_in_direction(self.graph.current_view(), current, positions, direction)
            if found is not None:
                self.qs.select(found)

        self.graph.fetch_positions(pick)

    def expand(self) -> None:
        node_id = self.qs.state.selection.node_id
        if node_id is not None:
            self.qs.expand(node_id)

    def zoom(self, factor: float) -> None:
        self.graph.run_js(f"kg.zoomBy({float(factor)!r})")

    def request_menu(self) -> None:
        """The context menu for the selection, where the node is drawn (else mid-widget)."""
        node_id = self.qs.state.selection.node_id
        web = self.graph.web
        middle = (web.width() / 2, web.height() / 2)
        if node_id is None:
            self.menu_requested.emit(None, *middle)
            return

        def place(raw: str) -> None:
            at = json.loads(raw or "null")
            x, y = (at["x"], at["y"]) if at else middle
            self.menu_requested.emit(node_id, float(x), float(y))

        self.graph.run_js(f"kg.nodeOnScreen({json.dumps(node_id)})", place)

    # --- camera ------------------------------------------------------------------------
    def _on_camera(self, scale: float, x: float, y: float) -> None:
        self.qs.state.set_camera(Camera(scale, x, y))

    def restore_camera(self, camera: Camera) -> None:
        self.graph.run_js(f"kg.moveTo({camera.scale!r}, {camera.x!r}, {camera.y!r})")


def install_graph_keys(graph: GraphWidget) -> GraphKeys:
    """Give *graph* its keyboard (and camera memory); kept as ``graph.keys``."""
    keys = GraphKeys(graph)
    graph.keys = keys
    return keys
