"""Search: a box with completion (Chinese, English, pinyin), type filters and a result list
whose rows explain themselves: both labels, the type, and why each one matched. Hits in
the graph's view get a halo."""

from __future__ import annotations

import json
from collections.abc import Callable
from html import escape

from PySide6.QtCore import QEvent, QModelIndex, QRect, QSize, QStringListModel, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from explorer.categories import category
from explorer.model import Hit

from .hierarchy_model import NodeIdRole
from .legend import present_categories, swatch
from .qt_state import QtState, built_so_far
from .retranslate import Retranslating, refresh_on

DEBOUNCE_MS = 120
#: The completion popup is at least this wide (the box alone is too narrow to read).
POPUP_MIN_WIDTH = 420
#: Second line of a result row: type, and why it matched (plain text, never markup).
DetailRole = Qt.ItemDataRole.UserRole + 20
ReasonRole = Qt.ItemDataRole.UserRole + 21


class ResultDelegate(QStyledItemDelegate):
    """Draws a result as two lines: the labels (bold), then type · reason (grey).
    Text from the data is drawn as text, so markup in a label stays visible, inert."""

    PAD = 4

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        line = option.fontMetrics.height()
        return QSize(200, 2 * line + 3 * self.PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""  # the frame, selection and icon only; the text is ours
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        rect = opt.rect.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        if not opt.icon.isNull():
            rect.setLeft(rect.left() + opt.decorationSize.width() + 2 * self.PAD)
        line = opt.fontMetrics.height()
        text_colour = opt.palette.highlightedText().color() if selected else None
        painter.save()
        bold = QFont(opt.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text_colour or opt.palette.text().color())
        top = QRect(rect.left(), rect.top(), rect.width(), line)
        title = index.data(Qt.ItemDataRole.DisplayRole) or ""
        title = painter.fontMetrics().elidedText(title, Qt.TextElideMode.ElideRight, top.width())
        painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        painter.setFont(opt.font)
        painter.setPen(text_colour or QColor("#666666"))
        bottom = QRect(rect.left(), rect.top() + line + self.PAD, rect.width(), line)
        detail = index.data(DetailRole) or ""
        detail = opt.fontMetrics.elidedText(detail, Qt.TextElideMode.ElideRight, bottom.width())
        painter.drawText(bottom, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, detail)
        painter.restore()


class SearchPanel(Retranslating, QWidget):
    """Typing searches as you go; Enter or a click on a result selects it and centres the graph."""

    def __init__(self, qs: QtState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: Whether the background index is being built (the window sets it).
        self.indexing: Callable[[], bool] = lambda: False
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
        self.results.setItemDelegate(ResultDelegate(self.results))
        self.results.setUniformItemSizes(True)
        self.status = QLabel(self, textFormat=Qt.TextFormat.PlainText)  # may quote a server
        self._completions = QStringListModel(self)
        self.completer = QCompleter(self._completions, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.box.setCompleter(self.completer)
        self.completer.popup().setMinimumWidth(POPUP_MIN_WIDTH)
        self._graph = None  # where hits are marked (see mark_hits_in)
        self._marked: list[str] | None = None  # the hits it marks now (None: not told yet)

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
        self._timer.timeout.connect(self.run_search)
        self.box.textEdited.connect(self._on_edited)
        self.box.returnPressed.connect(self._on_return)
        self.completer.activated[str].connect(self._on_completion)
        self.types.currentIndexChanged.connect(lambda _i: self.run_search())
        self.results.activated.connect(self._choose)
        self.results.clicked.connect(self._choose)
        self.box.installEventFilter(self)
        refresh_on(self._fill_types, qs.graph_changed)
        qs.lang_changed.connect(lambda _l: (self._fill_types(), self.run_search()))
        self._hits: list[Hit] = []
        self._fill_types()
        self.retranslate()

    # --- language -------------------------------------------------------------------
    def retranslate(self) -> None:
        self.box.setPlaceholderText(self.tr("Search: 中文, English or pinyin (Ctrl+F)"))
        self.types.setToolTip(self.tr("Only entities of this type"))
        self._fill_types()
        if self._hits:  # the rows say why they matched in the interface's language
            self._show_hits(self._hits)
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
        if self.qs.may_block():  # a round-trip per keystroke: the result list is the completion
            self._completions.setStringList([])
        else:
            hits = kg.search_index.complete(text, **built_so_far(kg.search_index, self.indexing()))
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
        if text and self.qs.may_block():
            self.status.setText(self.tr("Searching…"))
            self.qs.runner.run(
                lambda _cancel: kg.search_index.search(text, categories=categories, limit=50),
                key="search",
                on_done=lambda hits: self._on_remote_hits(kg, text, key, hits, then_choose),
                on_error=lambda exc: self._on_remote_error(kg, text, key, exc),
            )
            return
        self.qs.runner.cancel("search")
        index = kg.search_index
        hits = (
            index.search(
                text, categories=categories, limit=50, **built_so_far(index, self.indexing())
            )
            if text
            else []
        )
        self._show_hits(hits)
        if then_choose and self._hits:
            self._choose(self.results.currentIndex())

    def index_ready(self) -> None:
        """The background index is complete: a query answered before it (without pinyin
        or typo matches) is asked again."""
        if self.box.text().strip() and not self.qs.may_block():
            self.run_search()

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
        first, second = ("en", "zh") if lang == "en" else ("zh", "en")
        for hit in self._hits:
            names = [kg.label(hit.node_id, first), kg.label(hit.node_id, second)]
            names = [n for n in dict.fromkeys(names) if n]
            detail = f"{category(hit.category).label(lang)} · {self.reason_text(hit)}"
            item = QStandardItem(swatch(hit.category), " · ".join(names))
            item.setData(detail, DetailRole)
            item.setData(hit.reason or hit.kind, ReasonRole)
            lines = [*names, detail, hit.node_id]  # escaped: a tooltip may render markup
            item.setToolTip("<p>" + "<br>".join(escape(t) for t in lines) + "</p>")
            item.setData(hit.node_id, NodeIdRole)
            self.results_model.appendRow(item)
        if self._hits:
            self.results.setCurrentIndex(self.results_model.index(0, 0))
        self._show_status()
        self._mark()

    def _show_status(self) -> None:
        if not self.box.text().strip():
            self.status.setText("")
        elif not self._hits:
            self.status.setText(self.tr("Nothing found"))
        else:
            self.status.setText(self.tr("%n result(s)", "", len(self._hits)))

    def mark_hits_in(self, graph) -> None:
        """Mark the hits in *graph* (a ``GraphWidget``) now and whenever its view changes."""
        self._graph = graph
        refresh_on(self._mark, self.qs.view_changed)
        self._mark()

    def _mark(self) -> None:
        if self._graph is not None:
            ids = self.hit_ids() if self.box.text().strip() else []
            if not ids and self._marked == []:
                return  # none marked stays so (each mark redraws the page)
            self._marked = ids
            self._graph.run_js(f"kg.mark({json.dumps(ids, ensure_ascii=False)})")

    def reason_text(self, hit: Hit) -> str:
        """Why *hit* matched, in the interface's language."""
        texts = {
            "exact": self.tr("exact name"),
            "prefix": self.tr("start of the name"),
            "alias": self.tr("other name: %1"),
            "pinyin": self.tr("pinyin: %1"),
            "initials": self.tr("pinyin initials: %1"),
            "substring": self.tr("part of the name"),
            "words": self.tr("words of the name"),
            "description": self.tr("in the description"),
            "fuzzy": self.tr("similar spelling: %1"),
        }
        return texts.get(hit.reason or hit.kind, hit.kind).replace("%1", hit.matched)

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
