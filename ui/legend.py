"""The legend under the graph: colour and shape of each category shown, and the counts."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from explorer.categories import CATEGORIES, category

from .qt_state import QtState


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


class Legend(QWidget):
    """Rebuilt when the view or the label language changes."""

    def __init__(self, qs: QtState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.qs = qs
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(6, 3, 6, 3)
        self._row.setSpacing(10)
        self.count_label = QLabel(self)
        qs.view_changed.connect(lambda _c: self.refresh())
        qs.lang_changed.connect(lambda _l: self.refresh())
        qs.graph_changed.connect(lambda _g: self.refresh())
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)

    def refresh(self) -> None:
        while self._row.count():
            item = self._row.takeAt(0)
            if item.widget() and item.widget() is not self.count_label:
                item.widget().deleteLater()
        state = self.qs.state
        present = {n.category for n in state.view.nodes}
        for key in CATEGORIES:
            if key not in present:
                continue
            icon = QLabel(self)
            icon.setPixmap(swatch(key))
            text = QLabel(category(key).label(state.lang), self)
            self._row.addWidget(icon)
            self._row.addWidget(text)
        self._row.addStretch(1)
        view = state.view
        message = self.tr("%n entities shown", "", len(view.nodes))
        if view.omitted:
            message += " · " + self.tr("%n more not shown", "", view.omitted)
        self.count_label.setText(message)
        self._row.addWidget(self.count_label)
