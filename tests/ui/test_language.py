"""Labels in Chinese, English or both; the interface itself in English or Chinese."""

from __future__ import annotations

from PySide6.QtCore import Qt

LZ = "https://w3id.org/kg-explorer/lanzhou/"
CITY = LZ + "lanzhou-municipal-party-committee"


def test_label_language_switches_everywhere(qtbot, window, page):
    window.state.select(CITY)
    assert window.details.title_text() == "兰州市委"
    window.menus.lang_actions["en"].trigger()
    assert window.details.title_text() == "Lanzhou Municipal Party Committee"
    assert window.hierarchy.tree.currentIndex().data() == "Lanzhou Municipal Party Committee"
    qtbot.waitUntil(
        lambda: page.js(window.graph, f"kg.nodes.get('{CITY}').label").startswith("Lanzhou"),
    )
    window.menus.lang_actions["both"].trigger()
    qtbot.waitUntil(
        lambda: page.js(window.graph, f"kg.nodes.get('{CITY}').label").startswith("兰州市委\n"),
    )
    assert window.details.title_text().startswith("兰州市委 / Lanzhou")


def test_interface_language_switches_at_run_time(qtbot, window):
    assert window.menus.file.title() == "&File"
    assert window.docks["search"].windowTitle() == "Search"
    window.menus.ui_actions["zh"].trigger()
    qtbot.waitUntil(lambda: window.docks["search"].windowTitle() == "搜索")
    assert "文件" in window.menus.file.title()
    assert window.nav.back.text() == "后退"
    assert window.search.types.itemText(0) == "全部类型"
    window.menus.ui_actions["en"].trigger()
    qtbot.waitUntil(lambda: window.docks["search"].windowTitle() == "Search")
    assert window.nav.back.text() == "Back"


def test_every_menu_action_with_a_shortcut_is_listed(window):
    shortcuts = dict(window.menus.shortcut_list())
    for name in ("Back", "Forward", "Go to Search", "Go to Hierarchy", "Go to Path finder"):
        assert name in shortcuts, name
    assert shortcuts["Go to Search"] == "Ctrl+F"


def test_keyboard_reaches_the_tree_and_opens_an_entity(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    tree = window.hierarchy.tree
    qtbot.waitUntil(tree.hasFocus)
    qtbot.keyClick(tree, Qt.Key.Key_Home)
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert window.state.selection.node_id == window.hierarchy.current_id() is not None


def test_the_status_bar_says_how_to_get_a_chinese_font(window, monkeypatch):
    from ui import fonts

    assert fonts.has_cjk_font()  # fonts-noto-cjk is installed here: no warning
    assert window.font_warning.text() == ""
    monkeypatch.setattr(fonts, "has_cjk_font", lambda: False)
    window.retranslate()
    assert "fonts-noto-cjk" in window.font_warning.text()
