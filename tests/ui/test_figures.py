"""The figures chart: one axis per unit (people, percentages, counts), values beside
their bars, names whole; a bar selects its entity."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt

from explorer.graph import KnowledgeGraph
from ui.figures_chart import unit_group

LZ = "https://w3id.org/kg-explorer/lanzhou/"


def shown_chart(qtbot, window):
    window.docks["figures"].raise_()
    chart = window.figures.chart
    qtbot.waitUntil(lambda: chart.isVisible() and chart.width() > 200)
    return chart


def test_units_are_grouped():
    figures = {f.counts_label("en"): f for f in KnowledgeGraph.article().figures()}
    assert unit_group(figures["increase in the city's population"]) == "people"
    assert unit_group(figures["in-service Party members registered with communities"]) == "people"
    assert unit_group(figures["urbanisation rate of the resident population"]) == "percent"
    assert unit_group(figures["volunteer service activities held"]) == "count"


def test_percentages_and_people_are_on_different_axes(qtbot, window):
    chart = shown_chart(qtbot, window)
    assert chart.groups() == ["people", "percent", "count"]
    bars = {
        g: [(n, b, v) for gg, n, b, v in chart.bar_geometry() if gg == g] for g in chart.groups()
    }
    ((_n, percent_bar, _v),) = bars["percent"]
    people_top = bars["people"][0][1]  # 145,000 people: the longest bar of its chart
    x0, x1, top = chart.axis_of("percent")
    assert top == 100 and chart.axis_of("people")[2] == 145_000
    # 80 % is drawn at 80 % of its own axis, not as a sliver next to 145,000.
    assert abs(percent_bar.width() - 0.8 * (x1 - x0)) < 2
    assert abs(people_top.width() - (x1 - x0)) < 2
    for group in chart.groups():
        for name, bar, value in bars[group]:
            assert value.left() >= bar.right()  # the value beside its bar, not over it
            assert value.right() <= chart.width()
            assert name.right() < bar.left()  # the name never runs under a bar
    shot = os.environ.get("KG_FIGURES_SHOT")
    if shot:
        window.docks["figures"].grab().save(shot)


def test_long_names_wrap_whole(qtbot, window):
    chart = shown_chart(qtbot, window)
    rows = chart.bar_geometry()
    line = chart.fontMetrics().height()
    assert any(name.height() >= 2 * line for _g, name, _b, _v in rows)  # wrapped, not cut
    assert all(name.width() < chart.width() for _g, name, _b, _v in rows)


def test_a_bar_selects_its_entity(qtbot, window):
    chart = shown_chart(qtbot, window)
    bar = chart.bar_geometry()[0][2]
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=bar.center().toPoint())
    assert window.state.selection.node_id == LZ + "lanzhou"
