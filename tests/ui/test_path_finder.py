"""The path finder in the real window: names through the core's one resolver."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl


def test_an_unknown_name_is_refused_with_suggestions_never_replaced(qtbot, window):
    finder = window.path_finder
    before = window.graph.current_view()
    finder.source.setText("兰州市委")
    finder.target.setText("五共五联联联联联")  # no such entity; close to 五共五联
    qtbot.mouseClick(finder.find_button, Qt.MouseButton.LeftButton)
    assert window.state.path is None
    assert window.graph.current_view() is before  # nothing drawn in its place
    text = finder.hop_text()
    assert "五共五联联联联联" in text and finder.tr("Did you mean:") in text
    suggestions = finder.suggestions()
    assert suggestions and any("五共五联" in s for s in suggestions)
    first = suggestions[0]
    finder._on_link(QUrl("#s0"))  # what clicking the first suggestion does
    assert finder.target.text() == first
    assert window.state.path is not None
    assert window.state.path.node_ids[0] == window.state.resolve("兰州市委")


def test_the_cli_and_the_panel_refuse_the_same_names(qtbot, window):
    from explorer.resolve import find_entity

    kg = window.state.kg
    for text in ("zzzqqq", "兰州市委员会议厅大楼"):
        assert find_entity(kg, text) is None
        assert window.state.resolve(text) is None
    assert window.state.resolve("wugongwulian") == find_entity(kg, "wugongwulian")


def test_the_hops_read_from_from_to_to_with_citations_once(qtbot, window):
    finder = window.path_finder
    finder.source.setText("兰州市委")
    finder.target.setText("五共五联")
    path = finder.find()
    assert path is not None
    text = finder.hop_text()
    first, last = (window.state.label(n) for n in (path.node_ids[0], path.node_ids[-1]))
    assert text.index(first) < text.rindex(last)
    assert text.count("2021-01-04") <= len(path.steps)
