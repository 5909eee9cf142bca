"""The legend under the graph: colour and shape of each category shown, and the counts.

One word-wrapped label, so a view with every category never widens the window.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from explorer.categories import CATEGORIES, category

from .qt_state import QtState
from .retranslate import Retranslating, refresh_on

#: A character that looks like each vis-network shape.
SHAPE_MARKS = {
    "dot": "●",
    "ellipse": "⬬",
    "circle": "●",
    "box": "■",
    "square": "■",
    "diamond": "◆",
    "triangle": "▲",
    "triangleDown": "▼",
    "star": "★",
    "hexagon": "⬢",
}


def swatch(key: str, size: int = 12) -> QPixmap:
    """A small picture of a category's node: its colour, round or square like its shape."""
    cat = category(key)
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(cat.colour))
    painter.setPen(QColor(cat.border))
    if cat.shape in ("dot", "ellipse", "circle"):
        painter.drawEllipse(1, 1, size - 2, size - 2)
    else:
        painter.drawRect(1, 1, size - 2, size - 2)
    painter.end()
    return pix


#: Above this many entities, type lists offer every category instead of walking them all
#: (a source whose search index does not know its categories: an endpoint).
SCAN_LIMIT = 50_000


def present_categories(kg) -> list[str]:
    """Category keys that occur in *kg*, in table order (all of them for a very large graph
    whose index cannot say)."""
    known = getattr(kg.search_index, "categories", None)  # a file's index is built at load
    if known is not None:
        present = known()
    elif len(kg) > SCAN_LIMIT:
        return list(CATEGORIES)
    else:
        present = {n.category for n in kg.nodes()}
    return [key for key in CATEGORIES if key in present]


def legend_html(keys: list[str], lang: str) -> str:
    items = []
    for key in keys:
        cat = category(key)
        mark = SHAPE_MARKS.get(cat.shape, "●")
        items.append(
            f"<span style='color:{cat.colour}'>{mark}</span>&nbsp;{escape(cat.label(lang))}"
        )
    return " &nbsp; ".join(items)


class Legend(Retranslating, QWidget):
    """Rebuilt when the view or the label language changes."""

    def __init__(self, qs: QtState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.qs = qs
        self.items = QLabel(self)
        self.items.setObjectName("legendItems")
        self.items.setTextFormat(Qt.TextFormat.RichText)
        self.items.setWordWrap(True)
        self.items.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.count_label = QLabel(self)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 3, 6, 3)
        row.addWidget(self.items, 1)
        row.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        refresh_on(self.refresh, qs.view_changed, qs.lang_changed, qs.graph_changed)
        self.refresh()

    def refresh(self) -> None:
        state = self.qs.state
        present = {n.category for n in state.view.nodes}
        self.items.setText(legend_html([k for k in CATEGORIES if k in present], state.lang))
        view = state.view
        message = self.tr("%n entities shown", "", len(view.nodes))
        if view.omitted:
            message += " · " + self.tr("%n more not shown", "", view.omitted)
        self.count_label.setText(message)
