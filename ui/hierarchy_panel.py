"""The organization tree: choosing a row selects the entity; a selection elsewhere reveals it.

On a remote source what the tree shows is fetched through the window's runner
(see ``HierarchyModel``), revealing a selection included: the GUI thread waits on
no endpoint.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTreeView, QVBoxLayout, QWidget

from explorer.state import Selection

from .hierarchy_model import HierarchyModel, NodeIdRole
from .qt_state import QtState
from .remote import warm_tree_place
from .retranslate import Retranslating, refresh_on


class HierarchyPanel(Retranslating, QWidget):
    def __init__(self, qs: QtState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.qs = qs
        self._syncing = False
        self.tree = QTreeView(self)
        self.tree.setObjectName("hierarchyTree")
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.tree)
        box.addWidget(self.empty)
        self.setFocusProxy(self.tree)
        self.tree.activated.connect(self._on_activated)
        refresh_on(self._install_model, qs.graph_changed)
        qs.selection_changed.connect(self._on_selection_changed)
        # A row chosen on an endpoint that then failed: back to the selection that stays.
        qs.remote_failed.connect(lambda *_: self._on_selection_changed(qs.state.selection))
        qs.lang_changed.connect(lambda lang: self.model.set_lang(lang))
        self._install_model()
        self.retranslate()

    def _install_model(self) -> None:
        state = self.qs.state
        old = getattr(self, "model", None)
        if old is not None:
            old.cancel()  # its fetches are moot
        self.qs.runner.cancel("tree-reveal")
        self.model = HierarchyModel(state.kg, state.lang, self, runner=self.qs.runner)
        self.tree.setModel(self.model)
        self.tree.selectionModel().currentChanged.connect(self._on_current_changed)
        self.model.fetch_failed.connect(self._on_fetch_failed)
        self.model.rowsInserted.connect(self._on_rows_inserted)
        self._open_top_rows()

    def _open_top_rows(self) -> None:
        for row in range(min(self.model.rowCount(), 20)):
            self.tree.expand(self.model.index(row, 0))
        self.empty.setVisible(self.model.rowCount() == 0 and not self.model.is_loading())

    def _on_rows_inserted(self, parent: QModelIndex, first: int, _last: int) -> None:
        """The first top-level rows arrived (from a worker): the top ones opened. Later
        batches of top-level rows (scrolling, a reveal) leave open or closed what the
        user left so."""
        if not parent.isValid() and first == 0:
            self._open_top_rows()

    def _on_fetch_failed(self, index: QModelIndex, node_id: str, message: str) -> None:
        """A branch an endpoint could not open: closed again (opening it retries)."""
        if index.isValid():
            self.tree.collapse(index)
        self.empty.setVisible(self.model.rowCount() == 0 and not self.model.is_loading())
        self.qs.remote_failed.emit(node_id or str(self.qs.state.kg.source), message)

    def retranslate(self) -> None:
        self.empty.setText(
            self.tr("No hierarchy in this graph (org:, skos:broader or rdfs:subClassOf).")
        )

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._syncing and current.isValid() and current.data(NodeIdRole):
            self.qs.select(current.data(NodeIdRole))

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid() and index.data(NodeIdRole):
            self.qs.select(index.data(NodeIdRole))

    def _on_selection_changed(self, sel: Selection) -> None:
        """Reveal the selected entity: open its ancestors and make it the current row."""
        if sel.node_id is None:
            return
        current = self.tree.currentIndex()
        if current.isValid() and current.data(NodeIdRole) == sel.node_id:
            return
        node_id, kg = sel.node_id, self.qs.state.kg
        if not self.qs.may_block():
            self._reveal(node_id)
            return

        def reveal(_result) -> None:
            if self.qs.state.kg is kg and self.qs.state.selection.node_id == node_id:
                self._reveal(node_id)

        # A failure leaves the tree as it is: the selection's own fetch reports it.
        self.qs.runner.run(
            lambda _cancel: warm_tree_place(kg, node_id),
            key="tree-reveal",
            on_done=reveal,
            on_error=lambda _exc: None,
        )

    def _reveal(self, node_id: str) -> None:
        index = self.model.reveal_path(node_id)
        self._syncing = True
        try:
            if index.isValid():
                parent = index.parent()
                while parent.isValid():
                    self.tree.expand(parent)
                    parent = parent.parent()
                self.tree.setCurrentIndex(index)
                self.tree.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
            else:
                self.tree.clearSelection()
                self.tree.setCurrentIndex(QModelIndex())
        finally:
            self._syncing = False

    def current_id(self) -> str | None:
        index = self.tree.currentIndex()
        return index.data(NodeIdRole) if index.isValid() else None

    def index_of_label(self, text: str, parent: QModelIndex | None = None) -> QModelIndex:
        """The row under *parent* whose label contains *text* (used by keyboard jumps and tests)."""
        parent = parent or QModelIndex()
        self.model.fetch_now(parent)
        for row in range(self.model.rowCount(parent)):
            index = self.model.index(row, 0, parent)
            if text in (index.data(Qt.ItemDataRole.DisplayRole) or ""):
                return index
        return QModelIndex()
