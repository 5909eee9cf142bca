"""The article's numbers as a bar chart; a bar (or a row of the list) selects its entity.

QtCharts is imported when the panel is first shown, not at start-up.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QSplitter, QVBoxLayout, QWidget

from explorer.model import Figure

from .hierarchy_model import NodeIdRole
from .qt_state import QtState

MAX_BARS = 30


class FiguresPanel(QWidget):
    def __init__(self, qs: QtState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.qs = qs
        self.chart_view = None
        self._figures: list[Figure] = []
        self.list = QListWidget(self)
        self.list.setObjectName("figuresList")
        self.split = QSplitter(Qt.Orientation.Vertical, self)
        self.split.addWidget(self.list)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.split)
        self.setFocusProxy(self.list)
        self.list.itemActivated.connect(self._on_item)
        self.list.itemClicked.connect(self._on_item)
        qs.graph_changed.connect(lambda _g: self.refresh())
        qs.lang_changed.connect(lambda _l: self.refresh())
        self.refresh()

    def figures(self) -> list[Figure]:
        return list(self._figures)

    def _label(self, fig: Figure) -> str:
        kg, lang = self.qs.state.kg, self.qs.state.lang
        what = fig.counts_label(lang) or (kg.label(fig.entity_id, lang) if fig.entity_id else "")
        return what

    def refresh(self) -> None:
        self._figures = sorted(self.qs.state.kg.figures(), key=lambda f: -f.value)
        lang = self.qs.state.lang
        self.list.clear()
        for fig in self._figures:
            value = f"{fig.value:g} {fig.unit_label(lang)}".strip()
            item = QListWidgetItem(f"{value} — {self._label(fig)}")
            if fig.evidence:
                item.setToolTip(f"“{fig.evidence[0].quote}”")
            item.setData(NodeIdRole, fig.entity_id)
            self.list.addItem(item)
        if self.chart_view is not None:
            self._fill_chart()

    def showEvent(self, event) -> None:
        if self.chart_view is None:
            self._make_chart()
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.chart_view is not None:
            self._fill_chart()
        super().changeEvent(event)

    def _make_chart(self) -> None:
        from PySide6.QtCharts import QChartView

        self.chart_view = QChartView(self)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(220)
        self.split.insertWidget(0, self.chart_view)
        self._fill_chart()

    def _fill_chart(self) -> None:
        from PySide6.QtCharts import (
            QAbstractBarSeries,
            QBarCategoryAxis,
            QBarSet,
            QChart,
            QHorizontalBarSeries,
            QLogValueAxis,
        )

        shown = [f for f in self._figures if f.value > 0][:MAX_BARS]
        shown.reverse()  # largest at the top
        chart = QChart()
        chart.setTitle(self.tr("Figures in the article"))
        chart.legend().hide()
        bars = QBarSet(self.tr("value"))
        bars.append([f.value for f in shown])
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value")
        series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        bars.setLabelColor(QColor("#333333"))
        small = QFont(self.font())
        small.setPointSizeF(max(6.5, small.pointSizeF() - 1.5))
        chart.setMargins(QMargins(2, 2, 2, 2))
        chart.addSeries(series)
        names = QBarCategoryAxis()
        labels: list[str] = []
        for f in shown:  # categories must be unique, or QtCharts merges bars
            label = self._short(f)
            while label in labels:
                label += "\u200b"
            labels.append(label)
        names.append(labels)
        names.setLabelsFont(small)
        names.setTruncateLabels(False)
        values = QLogValueAxis()
        values.setLabelFormat("%g")
        values.setBase(10)
        values.setLabelsFont(small)
        top = max((f.value for f in shown), default=10)
        values.setRange(1, 10 ** math.ceil(math.log10(max(top, 10)) + 0.01))
        chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(names)
        series.attachAxis(values)
        bars.clicked.connect(lambda i, figs=shown: self._select(figs[i].entity_id))
        self.chart_view.setChart(chart)

    def _short(self, fig: Figure) -> str:
        """An axis label that fits a narrow panel: one language, at most ~8 characters."""
        kg, lang = self.qs.state.kg, self.qs.state.lang
        one = "zh" if lang == "both" else lang
        text = fig.counts_label(one) or (kg.label(fig.entity_id, one) if fig.entity_id else "")
        limit = 8 if one == "zh" else 14
        return text if len(text) <= limit else text[: limit - 1] + "…"

    def _select(self, node_id: str) -> None:
        if node_id:
            self.qs.select(node_id)

    def _on_item(self, item: QListWidgetItem) -> None:
        self._select(item.data(NodeIdRole))
