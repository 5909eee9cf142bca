"""Search results that explain themselves: both labels, the type and why each matched;
no noise; a readable completion popup; hits marked in the graph."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt

from ui.search_panel import POPUP_MIN_WIDTH, DetailRole, ReasonRole

LZ = "https://w3id.org/kg-explorer/lanzhou/"
PAGE_TIMEOUT = 30_000


def rows(window) -> list[tuple[str, str, str]]:
    model = window.search.results_model
    return [
        (
            model.index(i, 0).data(),
            model.index(i, 0).data(DetailRole),
            model.index(i, 0).data(ReasonRole),
        )
        for i in range(model.rowCount())
    ]


def type_query(qtbot, window, text: str) -> None:
    """Type like a user (Latin keys), then wait for the debounced search."""
    window.activateWindow()
    box = window.search.box
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    box.clear()
    qtbot.keyClicks(box, text)
    qtbot.waitUntil(
        lambda: window.search.box.text() == text and not window.search._timer.isActive()
    )


def test_rows_show_both_labels_the_type_and_the_reason(qtbot, window, page):
    window.state.show_whole()  # the article opens on its org chart, which has no mechanism
    qtbot.waitUntil(
        lambda: page.js(window.graph, "kg.nodeCount()") == len(window.state.view.nodes),
        timeout=PAGE_TIMEOUT,
    )
    type_query(qtbot, window, "wgwl")
    qtbot.waitUntil(lambda: bool(rows(window)))
    label, detail, reason = rows(window)[0]
    assert label == "“五共五联”工作法 · 'five joint, five linked' work method"
    assert reason == "initials" and detail.endswith("pinyin initials: wgwl")
    assert detail.startswith("Mechanism") or " · " in detail  # the type comes first
    # The hits are marked in the graph (all of them are in the whole-graph view).
    qtbot.waitUntil(
        lambda: page.js(window.graph, "kg.marked()") == window.search.hit_ids(),
        timeout=PAGE_TIMEOUT,
    )
    shot = os.environ.get("KG_SEARCH_SHOT")
    if shot:
        window.docks["search"].grab().save(shot)


def test_each_kind_of_match_says_so(qtbot, window):
    for query, reason in (("wugongwulian", "pinyin"), ("lanzhou committee", "words")):
        type_query(qtbot, window, query)
        qtbot.waitUntil(lambda r=reason: rows(window)[:1] and rows(window)[0][2] == r)
    window.search.set_query("中共兰州市委")
    assert rows(window)[0][2] == "alias" and "中共兰州市委" in rows(window)[0][1]


def test_noise_is_gone(qtbot, window):
    type_query(qtbot, window, "wugong")
    qtbot.waitUntil(lambda: bool(rows(window)))
    assert [r[0].split(" · ")[0] for r in rows(window)] == ["“五共五联”工作法"]
    assert "中国共产党" not in str(rows(window))
    type_query(qtbot, window, "zzzqqq")
    qtbot.waitUntil(lambda: window.search.status.text() == "Nothing found")
    assert rows(window) == [] and window.search.hit_ids() == []


def test_the_completion_popup_is_wide_enough_to_read(qtbot, window):
    type_query(qtbot, window, "lanzhou")
    popup = window.search.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    assert popup.width() >= POPUP_MIN_WIDTH > window.search.box.width()
    popup.hide()


def test_markup_in_a_label_is_shown_as_text(qtbot, make_window, tmp_path):
    from explorer.graph import KnowledgeGraph

    path = tmp_path / "markup.ttl"
    path.write_text(
        '<urn:x> <http://www.w3.org/2000/01/rdf-schema#label> "<b>bold</b> & <i>co</i>" .\n',
        encoding="utf-8",
    )
    window = make_window(KnowledgeGraph.from_file(path))
    window.search.set_query("bold")
    assert rows(window)[0][0] == "<b>bold</b> & <i>co</i>"
    tip = window.search.results_model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;i&gt;co&lt;/i&gt;" in tip


def test_reasons_and_the_menu_speak_chinese_under_the_chinese_interface(
    qtbot, make_window, article
):
    window = make_window(article, ui_lang="zh")
    try:
        window.search.set_query("wgwl")
        assert rows(window)[0][1].endswith("拼音首字母：wgwl")
        window.search.set_query("zzzqqq")
        assert window.search.status.text() == "未找到"
        menu = window.graph_menu
        menu.open_at(LZ + "lanzhou-municipal-party-committee", 10, 10)
        texts = [a.text() for a in menu.menu.actions() if a.isVisible()]
        assert "复制 IRI" in texts and "导出当前视图" in texts
        menu.menu.hide()
    finally:
        window.set_ui_language("en")  # the translator it installed goes with it
