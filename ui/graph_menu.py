"""The graph's context menu: right click on a node in the page, or the Menu key /
Shift+F10 on the selection. Expand, fold, path from / to here, copy IRI, export.

The page reports the right click through the bridge (a ``context`` message with the
node id, or none on empty space); this module shows a ``QMenu`` there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QLineEdit, QMenu

if TYPE_CHECKING:
    from .main_window import MainWindow


class GraphMenu(QObject):
    """One menu, refilled for the node it is opened on (``node_id``; None on empty space)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        self.node_id: str | None = None
        self.menu = QMenu(window.graph)
        self.menu.setObjectName("graphContextMenu")
        self.title = self.menu.addSection("")
        self.expand = QAction(self.menu)
        self.fold = QAction(self.menu)
        self.path_from = QAction(self.menu)
        self.path_to = QAction(self.menu)
        self.copy_iri = QAction(self.menu)
        self.select = QAction(self.menu)
        for action in (self.select, self.expand, self.fold):
            self.menu.addAction(action)
        self.menu.addSeparator()
        for action in (self.path_from, self.path_to, self.copy_iri):
            self.menu.addAction(action)
        self.menu.addSeparator()
        # File › Export's own actions (it is installed separately, and may be absent).
        self.export = QMenu(self.menu)
        self.export.addActions(getattr(window, "export_menu", QMenu()).actions())
        self.export.menuAction().setVisible(not self.export.isEmpty())
        self.menu.addMenu(self.export)

        qs = window.qs
        self.select.triggered.connect(lambda: self.node_id and qs.select(self.node_id))
        self.expand.triggered.connect(lambda: self.node_id and qs.expand(self.node_id))
        self.fold.triggered.connect(lambda: self.node_id and qs.state.fold(self.node_id))
        self.path_from.triggered.connect(lambda: self._fill_path(window.path_finder.source))
        self.path_to.triggered.connect(lambda: self._fill_path(window.path_finder.target))
        self.copy_iri.triggered.connect(self._copy_iri)
        window.graph.bridge.context_menu.connect(self.open_at)
        keys = getattr(window.graph, "keys", None)
        if keys is not None:
            keys.menu_requested.connect(self.open_at)
        self.retranslate()
        window.installEventFilter(self)  # follows the interface language

    def eventFilter(self, watched, event) -> bool:
        if watched is self.w and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def retranslate(self) -> None:
        self.select.setText(self.tr("Select"))
        self.expand.setText(self.tr("Expand (show its neighbours)"))
        self.fold.setText(self.tr("Fold (hide what hangs from it alone)"))
        self.path_from.setText(self.tr("Path from here…"))
        self.path_to.setText(self.tr("Path to here…"))
        self.copy_iri.setText(self.tr("Copy IRI"))
        self.export.setTitle(self.tr("Export this view"))

    # --- opening ------------------------------------------------------------------------
    def open_at(self, node_id: str | None, x: float, y: float) -> None:
        """Show the menu for *node_id* at (*x*, *y*) on the page (not blocking)."""
        state = self.w.state
        if node_id is not None and node_id not in state.view.node_ids:
            node_id = None  # the view changed since the click
        self.node_id = node_id
        on_node = node_id is not None
        self.title.setText(state.label(node_id) if on_node else self.tr("This view"))
        for action in (self.select, self.expand, self.fold, self.path_from, self.path_to):
            action.setVisible(on_node)
        self.copy_iri.setVisible(on_node)
        web = self.w.graph.web
        self.menu.popup(web.mapToGlobal(QPoint(round(x), round(y))))

    # --- actions ------------------------------------------------------------------------
    def _fill_path(self, box: QLineEdit) -> None:
        """Put the node in the path finder's box (by a name that finds it again) and show it."""
        if self.node_id is None:
            return
        kg, lang = self.w.state.kg, self.w.state.lang
        name = kg.label(self.node_id, "en" if lang == "en" else "zh")
        box.setText(name if kg.resolve(name) == self.node_id else self.node_id)
        dock = self.w.docks["path"]
        dock.show()
        dock.raise_()
        other = self.w.path_finder.target if box is self.w.path_finder.source else None
        (other or box).setFocus()

    def _copy_iri(self) -> None:
        if self.node_id is not None:
            QGuiApplication.clipboard().setText(self.node_id)


def install_graph_menu(window: MainWindow) -> GraphMenu:
    """Give *window*'s graph its context menu (the window keeps it as ``graph_menu``)."""
    return GraphMenu(window)
