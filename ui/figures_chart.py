"""The article's numbers as bar charts, one per unit (people, percentages, counts), so 80 %
never shares an axis with 145,000 people. Names wrap instead of being cut, values sit
beside their bars. A bar (or a row of the list) selects its entity.

Drawn with QPainter as plain text (data never becomes markup).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from explorer.model import Figure

from .hierarchy_model import NodeIdRole
from .qt_state import QtState
from .retranslate import Retranslating, refresh_on

#: Unit groups, in the order their charts are drawn.
GROUPS = ("people", "percent", "count")
_PEOPLE = {"人", "名", "位", "people", "persons", "person", "party members", "members"}
_PERCENT = {"%", "％", "per cent", "percent"}
_COLOURS = {"people": "#4e79a7", "percent": "#e15759", "count": "#59a14f"}


def unit_group(fig: Figure) -> str:
    """Which chart *fig* belongs on: ``people``, ``percent`` or ``count``."""
    units = {text.strip().casefold() for _lang, text in fig.unit}
    if units & _PERCENT:
        return "percent"
    if units & _PEOPLE:
        return "people"
    return "count"


def axis_text(value: float) -> str:
    """A scale label that reads at a glance: ``72,500``, ``40``, ``0.5``."""
    return f"{value:,.0f}" if value >= 10 or value == int(value) else f"{value:.2g}"


@dataclass(frozen=True, slots=True)
class Bar:
    """One figure as drawn: its name, its value and how the value reads."""

    figure: Figure
    name: str
    value_text: str


class FiguresChart(QWidget):
    """Small charts stacked vertically, each with its own scale from 0 to its largest value."""

    bar_clicked = Signal(str)  # entity id

    PAD = 6
    BAR_HEIGHT = 14

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figuresChart")
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._groups: list[tuple[str, str, list[Bar]]] = []  # key, title, bars
        self._bars: list[tuple[QRectF, QRectF, QRectF, Bar, str]] = []  # name, bar, value
        self._titles: list[tuple[QRectF, str]] = []
        self._axes: list[tuple[float, float, float, float]] = []  # x0, x1, y, top value

    # --- data -------------------------------------------------------------------------
    def set_groups(self, groups: list[tuple[str, str, list[Bar]]]) -> None:
        self._groups = [g for g in groups if g[2]]
        self._relayout()

    def groups(self) -> list[str]:
        return [key for key, _t, _b in self._groups]

    def bar_geometry(self) -> list[tuple[str, QRectF, QRectF, QRectF]]:
        """(group, name box, bar, value box) of every bar, top to bottom (for tests)."""
        return [(group, name, bar, value) for name, bar, value, _b, group in self._bars]

    def axis_of(self, group: str) -> tuple[float, float, float]:
        """(x of 0, x of the scale's top, the top value) of *group*'s chart."""
        i = self.groups().index(group)
        x0, x1, _y, top = self._axes[i]
        return x0, x1, top

    # --- geometry ---------------------------------------------------------------------
    def _small(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
        return font

    def _relayout(self) -> None:
        """Place titles, names (wrapped), bars and values for the current width."""
        fm, small = QFontMetrics(self.font()), QFontMetrics(self._small())
        bold = QFont(self.font())
        bold.setBold(True)
        pad, width = self.PAD, max(self.width(), 240)
        name_w = max(110.0, width * 0.42)
        value_w = (
            max(
                small.horizontalAdvance(b.value_text) for _k, _t, bars in self._groups for b in bars
            )
            + pad
            if self._groups
            else 0
        )
        x0 = pad + name_w + pad
        x1 = max(x0 + 40, width - pad - value_w)
        y = float(pad)
        self._bars, self._titles, self._axes = [], [], []
        for key, title, bars in self._groups:
            self._titles.append((QRectF(pad, y, width - 2 * pad, fm.height()), title))
            y += fm.height() + pad
            top = max(b.figure.value for b in bars) or 1.0
            if key == "percent":
                top = max(top, 100.0)  # a share reads against the whole
            for bar in bars:
                flags = int(Qt.TextFlag.TextWordWrap)
                need = fm.boundingRect(0, 0, int(name_w) - 4, 10_000, flags, bar.name).height() + 2
                row = max(need, self.BAR_HEIGHT) + pad
                name = QRectF(pad, y, int(name_w) - 4, row - pad)
                length = (x1 - x0) * max(bar.figure.value, 0.0) / top
                mid = y + (row - pad) / 2
                rect = QRectF(x0, mid - self.BAR_HEIGHT / 2, max(length, 1.0), self.BAR_HEIGHT)
                value = QRectF(
                    rect.right() + pad / 2,
                    mid - small.height() / 2,
                    small.horizontalAdvance(bar.value_text) + 2,
                    small.height(),
                )
                self._bars.append((name, rect, value, bar, key))
                y += row
            self._axes.append((x0, x1, y, top))
            y += small.height() + 2 * pad + pad  # the scale under the bars, then a gap
        self._height = int(y)
        self.updateGeometry()
        self.setMinimumHeight(self._height)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(360, getattr(self, "_height", 100))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._relayout()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._relayout()
        super().changeEvent(event)

    # --- drawing ----------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
        text = self.palette().color(QPalette.ColorRole.Text)
        bold = QFont(self.font())
        bold.setBold(True)
        p.setFont(bold)
        p.setPen(text)
        for rect, title in self._titles:
            p.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), title)
        for name, rect, value, bar, key in self._bars:
            p.setFont(self.font())
            p.setPen(text)
            flags = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            p.drawText(name, int(flags) | int(Qt.TextFlag.TextWordWrap), bar.name)
            p.fillRect(rect, QColor(_COLOURS[key]))
            p.setFont(self._small())
            p.setPen(QColor("#333333"))
            p.drawText(
                value,
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                bar.value_text,
            )
        p.setFont(self._small())
        fm = QFontMetrics(self._small())
        for x0, x1, y, top in self._axes:
            p.setPen(QColor("#888888"))
            p.drawLine(int(x0), int(y), int(x1), int(y))
            roomy = (x1 - x0) / 2 > fm.horizontalAdvance(axis_text(top)) + 8
            for frac in (0.0, 0.5, 1.0) if roomy else (0.0, 1.0):
                x = x0 + (x1 - x0) * frac
                p.drawLine(int(x), int(y), int(x), int(y + 3))
                label = axis_text(top * frac)
                w = fm.horizontalAdvance(label)
                p.drawText(QRectF(x - w / 2, y + 4, w + 2, fm.height()), label)
        p.end()

    # --- interaction ------------------------------------------------------------------
    def _bar_at(self, pos) -> Bar | None:
        for name, rect, value, bar, _key in self._bars:
            row = name.united(rect).united(value)
            if row.top() <= pos.y() <= row.bottom():
                return bar
        return None

    def mousePressEvent(self, event) -> None:
        bar = self._bar_at(event.position())
        if bar is not None and bar.figure.entity_id:
            self.bar_clicked.emit(bar.figure.entity_id)
        super().mousePressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            bar = self._bar_at(event.pos())
            if bar is None:
                QToolTip.hideText()
            else:
                lines = [bar.name, bar.value_text]
                if bar.figure.evidence:
                    lines.append(f"“{bar.figure.evidence[0].quote}”")
                tip = "<p>" + "<br>".join(escape(t) for t in lines) + "</p>"  # inert text
                QToolTip.showText(event.globalPos(), tip, self)
            return True
        return super().event(event)


class FiguresPanel(Retranslating, QWidget):
    """The charts above, the full list (keyboard, long units) below; follows the language."""

    def __init__(self, qs: QtState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.qs = qs
        self._figures: list[Figure] = []
        self.chart = FiguresChart()
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.chart)
        self.scroll.setMinimumHeight(220)
        self.list = QListWidget(self)
        self.list.setObjectName("figuresList")
        self.split = QSplitter(Qt.Orientation.Vertical, self)
        self.split.addWidget(self.scroll)
        self.split.addWidget(self.list)
        self.split.setStretchFactor(0, 3)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.split)
        self.setFocusProxy(self.list)
        self.list.itemActivated.connect(self._on_item)
        self.list.itemClicked.connect(self._on_item)
        self.chart.bar_clicked.connect(self._select)
        refresh_on(self.refresh, qs.graph_changed, qs.lang_changed)
        self.refresh()

    def figures(self) -> list[Figure]:
        return list(self._figures)

    def _label(self, fig: Figure, lang) -> str:
        kg = self.qs.state.kg
        return fig.counts_label(lang) or (kg.label(fig.entity_id, lang) if fig.entity_id else "")

    def refresh(self) -> None:
        self._figures = sorted(self.qs.state.kg.figures(), key=lambda f: -f.value)
        lang = self.qs.state.lang
        self.list.clear()
        for fig in self._figures:
            item = QListWidgetItem(f"{self._value_text(fig)} — {self._label(fig, lang)}")
            if fig.evidence:
                item.setToolTip(f"<p>“{escape(fig.evidence[0].quote)}”</p>")
            item.setData(NodeIdRole, fig.entity_id)
            self.list.addItem(item)
        self._fill_chart()

    @staticmethod
    def _number(fig: Figure) -> str:
        """The value beside a bar: the chart's title says the unit (% stays)."""
        number = f"{fig.value:,.10g}"
        return f"{number}%" if unit_group(fig) == "percent" else number

    def _value_text(self, fig: Figure) -> str:
        lang = self.qs.state.lang
        unit = fig.unit_label("en" if lang == "en" else "zh")
        number = f"{fig.value:,.10g}"
        return f"{number}{unit}" if unit in ("%", "％") else f"{number} {unit}".strip()

    def _fill_chart(self) -> None:
        lang = self.qs.state.lang
        one = "en" if lang == "en" else "zh"
        titles = {
            "people": self.tr("People"),
            "percent": self.tr("Percentages"),
            "count": self.tr("Counts"),
        }
        groups = []
        for key in GROUPS:
            bars = [
                Bar(f, self._label(f, one), self._number(f))
                for f in self._figures
                if f.value > 0 and unit_group(f) == key
            ]
            groups.append((key, titles[key], bars))
        self.chart.set_groups(groups)

    def _select(self, node_id: str) -> None:
        if node_id:
            self.qs.select(node_id)

    def _on_item(self, item: QListWidgetItem) -> None:
        self._select(item.data(NodeIdRole))
