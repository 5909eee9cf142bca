"""Search: a box with completion (Chinese, English, pinyin), type filters and a result list."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QStringListModel, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from explorer.categories import category
from explorer.model import Hit

from .hierarchy_model import NodeIdRole
from .legend import present_categories, swatch
from .qt_state import QtState
from .remote import Fetcher, is_remote
from .retranslate import Retranslating

DEBOUNCE_MS = 120


class SearchPanel(Retranslating, QWidget):
    """Typing searches as you go; Enter or a click on a result selects it and centres the graph."""

    def __init__(self, qs: QtState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.qs = qs
        self.box = QLineEdit(self)
        self.box.setObjectName("searchBox")
        self.box.setClearButtonEnabled(True)
        self.types = QComboBox(self)
        self.types.setObjectName("searchTypes")
        self.results_model = QStandardItemModel(self)
        self.results = QListView(self)
        self.results.setObjectName("searchResults")
        self.results.setModel(self.results_model)
        self.results.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.status = QLabel(self)
        self._completions = QStringListModel(self)
        self.completer = QCompleter(self._completions, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.box.setCompleter(self.completer)

        row = QHBoxLayout()
        row.addWidget(self.box, 1)
        row.addWidget(self.types)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addLayout(row)
        box.addWidget(self.status)
        box.addWidget(self.results, 1)
        self.setFocusProxy(self.box)
        self.setTabOrder(self.box, self.types)
        self.setTabOrder(self.types, self.results)

        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._fetcher = Fetcher(self)
        self._timer.timeout.connect(self.run_search)
        self.box.textEdited.connect(self._on_edited)
        self.box.returnPressed.connect(self._on_return)
        self.completer.activated[str].connect(self._on_completion)
        self.types.currentIndexChanged.connect(lambda _i: self.run_search())
        self.results.activated.connect(self._choose)
        self.results.clicked.connect(self._choose)
        self.box.installEventFilter(self)
        qs.graph_changed.connect(lambda _kg: self._fill_types())
        qs.lang_changed.connect(lambda _l: (self._fill_types(), self.run_search()))
        self._hits: list[Hit] = []
        self._fill_types()
        self.retranslate()

    # --- language -------------------------------------------------------------------
    def retranslate(self) -> None:
        self.box.setPlaceholderText(self.tr("Search: 中文, English or pinyin (Ctrl+F)"))
        self.types.setToolTip(self.tr("Only entities of this type"))
        self._fill_types()
        self._show_status()

    def _fill_types(self) -> None:
        keep = self.types.currentData()
        self.types.blockSignals(True)
        self.types.clear()
        self.types.addItem(self.tr("All types"), None)
        for key in present_categories(self.qs.state.kg):
            self.types.addItem(swatch(key), category(key).label(self.qs.state.lang), key)
        found = self.types.findData(keep) if keep else 0
        self.types.setCurrentIndex(max(found, 0))
        self.types.blockSignals(False)

    # --- searching ------------------------------------------------------------------
    def _on_edited(self, text: str) -> None:
        kg = self.qs.state.kg
        if is_remote(kg):  # a round-trip per keystroke: the result list is the completion
            self._completions.setStringList([])
        else:
            hits = kg.search_index.complete(text)
            self._completions.setStringList(list(dict.fromkeys(h.label for h in hits)))
        self._timer.start()

    def set_query(self, text: str) -> None:
        """Type *text* into the box and search now (keyboard users and tests)."""
        self.box.setText(text)
        self.run_search()

    def run_search(self, *, then_choose: bool = False) -> None:
        """Search for the box's text; on a remote source in a worker, the answer shown
        only if the query is still the same (*then_choose*: select the first hit then)."""
        text = self.box.text().strip()
        key = self.types.currentData()
        kg = self.qs.state.kg
        categories = {key} if key else None
        if text and is_remote(kg):
            self.status.setText(self.tr("Searching…"))
            self._fetcher.run(
                lambda: kg.search_index.search(text, categories=categories, limit=50),
                lambda hits: self._on_remote_hits(kg, text, key, hits, then_choose),
                lambda exc: self._on_remote_error(kg, text, key, exc),
            )
            return
        self._fetcher.cancel()
        hits = kg.search_index.search(text, categories=categories, limit=50) if text else []
        self._show_hits(hits)
        if then_choose and self._hits:
            self._choose(self.results.currentIndex())

    def _current(self, kg, text: str, key) -> bool:
        return (
            self.qs.state.kg is kg
            and self.box.text().strip() == text
            and self.types.currentData() == key
        )

    def _on_remote_hits(self, kg, text: str, key, hits: list[Hit], then_choose: bool) -> None:
        if self._current(kg, text, key):
            self._show_hits(hits)
            if then_choose and self._hits:
                self._choose(self.results.currentIndex())

    def _on_remote_error(self, kg, text: str, key, exc: Exception) -> None:
        if self._current(kg, text, key):
            self._hits = []
            self.results_model.clear()
            self.status.setText(self.tr("Search failed: %1").replace("%1", str(exc)))

    def _show_hits(self, hits: list[Hit]) -> None:
        kg = self.qs.state.kg
        self._hits = hits
        self.results_model.clear()
        lang = self.qs.state.lang
        for hit in self._hits:
            label = kg.label(hit.node_id, lang)
            item = QStandardItem(swatch(hit.category), label)
            detail = hit.matched if hit.matched and hit.matched != label else ""
            item.setToolTip(f"{label}\n{detail}\n{hit.node_id}".replace("\n\n", "\n"))
            item.setData(hit.node_id, NodeIdRole)
            self.results_model.appendRow(item)
        if self._hits:
            self.results.setCurrentIndex(self.results_model.index(0, 0))
        self._show_status()

    def _show_status(self) -> None:
        if not self.box.text().strip():
            self.status.setText("")
        else:
            self.status.setText(self.tr("%n result(s)", "", len(self._hits)))

    def hit_ids(self) -> list[str]:
        return [h.node_id for h in self._hits]

    # --- choosing -------------------------------------------------------------------
    def _on_return(self) -> None:
        if self.completer.popup().isVisible():
            return
        self._timer.stop()
        self.run_search(then_choose=True)

    def _on_completion(self, text: str) -> None:
        self.box.setText(text)
        self.run_search(then_choose=True)

    def _choose(self, index) -> None:
        if index.isValid():
            self.qs.select(index.data(NodeIdRole))

    def eventFilter(self, watched, event) -> bool:
        """Down arrow in the box moves into the result list."""
        if (
            watched is self.box
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and not self.completer.popup().isVisible()
            and self.results_model.rowCount()
        ):
            self.results.setFocus()
            return True
        return super().eventFilter(watched, event)
