"""The menu bar. Every action shows its shortcut, so the menus double as the keyboard guide."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

if TYPE_CHECKING:
    from .main_window import MainWindow


class Menus:
    def __init__(self, w: MainWindow) -> None:
        self.w = w
        bar = w.menuBar()
        self.file = bar.addMenu("")
        self.view = bar.addMenu("")
        self.go = bar.addMenu("")
        self.help = bar.addMenu("")

        self.open = self.file.addAction("", w.choose_file)
        self.open.setShortcut(QKeySequence.StandardKey.Open)
        self.recent = QMenu(self.file)
        self.file.addMenu(self.recent)
        self.article = self.file.addAction("", w.open_article)
        self.article.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.clear_cache = self.file.addAction("", self.clear_index_cache)
        self.file.addSeparator()
        self.quit = self.file.addAction("", w.close)
        self.quit.setShortcut(QKeySequence.StandardKey.Quit)

        self.labels = QMenu(self.view)
        self.view.addMenu(self.labels)
        group = QActionGroup(self.labels)
        self.lang_actions: dict[str, QAction] = {}
        for i, lang in enumerate(("zh", "en", "both"), start=1):
            action = self.labels.addAction("")
            action.setCheckable(True)
            action.setShortcut(QKeySequence(f"Ctrl+Shift+{i}"))
            action.setChecked(w.state.lang == lang)
            action.triggered.connect(lambda _c=False, lg=lang: w.qs.set_lang(lg))
            group.addAction(action)
            self.lang_actions[lang] = action
        self.interface = QMenu(self.view)
        self.view.addMenu(self.interface)
        ui_group = QActionGroup(self.interface)
        self.ui_actions: dict[str, QAction] = {}
        for lang, name in (("en", "English"), ("zh", "中文")):
            action = self.interface.addAction(name)
            action.setCheckable(True)
            action.triggered.connect(lambda _c=False, lg=lang: w.set_ui_language(lg))
            ui_group.addAction(action)
            self.ui_actions[lang] = action
        self.view.addSeparator()
        nav = w.nav
        for action in (nav.neighbourhood, nav.whole, nav.tree, nav.fit):
            self.view.addAction(action)
        self.view.addAction(nav.edge_labels)
        self.view.addAction(nav.hierarchical)
        self.view.addMenu(nav.types_menu)
        self.view.addSeparator()
        self.panels = QMenu(self.view)
        self.view.addMenu(self.panels)
        for dock in w.docks.values():
            self.panels.addAction(dock.toggleViewAction())

        self.go.addAction(nav.back)
        self.go.addAction(nav.forward)
        self.go.addSeparator()
        self.focus_actions: dict[str, QAction] = {}
        for key, shortcut in (
            ("search", "Ctrl+F"),
            ("hierarchy", "Ctrl+E"),
            ("details", "Ctrl+D"),
            ("path", "Ctrl+P"),
            ("figures", "Ctrl+Shift+F"),
            ("graph", "Ctrl+G"),
        ):
            action = self.go.addAction("")
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda _c=False, k=key: w.focus_panel(k))
            self.focus_actions[key] = action

        self.shortcuts = self.help.addAction("", self.show_shortcuts)
        self.shortcuts.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.about = self.help.addAction("", self.show_about)
        self.retranslate()

    def fill_recent(self, files: list[str]) -> None:
        self.recent.clear()
        for path in files:
            self.recent.addAction(path, lambda p=path: self.w.open_file(p))
        self.recent.setEnabled(bool(files))

    def set_ui_checked(self, lang: str) -> None:
        self.ui_actions[lang].setChecked(True)

    def retranslate(self) -> None:
        tr = self.w.tr
        self.file.setTitle(tr("&File"))
        self.view.setTitle(tr("&View"))
        self.go.setTitle(tr("&Go"))
        self.help.setTitle(tr("&Help"))
        self.open.setText(tr("&Open RDF file…"))
        self.recent.setTitle(tr("Open &recent"))
        self.article.setText(tr("Back to the &article graph"))
        self.clear_cache.setText(tr("&Clear the index cache"))
        self.quit.setText(tr("&Quit"))
        self.labels.setTitle(tr("&Labels"))
        self.lang_actions["zh"].setText(tr("Chinese labels (中文)"))
        self.lang_actions["en"].setText(tr("English labels"))
        self.lang_actions["both"].setText(tr("Both (中文 / English)"))
        self.interface.setTitle(tr("&Interface language"))
        self.panels.setTitle(tr("&Panels"))
        names = {
            "search": tr("Search"),
            "hierarchy": tr("Hierarchy"),
            "details": tr("Details"),
            "path": tr("Path finder"),
            "figures": tr("Figures"),
            "graph": tr("Graph"),
        }
        for key, action in self.focus_actions.items():
            action.setText(tr("Go to %1").replace("%1", names[key]))
        self.shortcuts.setText(tr("&Keyboard shortcuts"))
        self.about.setText(tr("&About KG Explorer"))

    def shortcut_list(self) -> list[tuple[str, str]]:
        """(action, shortcut) for every action with a shortcut in the menus."""
        out: list[tuple[str, str]] = []

        def walk(menu: QMenu) -> None:
            for action in menu.actions():
                if action.menu():
                    walk(action.menu())
                elif not action.shortcut().isEmpty():
                    text = action.text().replace("&", "")
                    shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                    out.append((text, shortcut))

        for menu in (self.file, self.view, self.go, self.help):
            walk(menu)
        return out

    def clear_index_cache(self) -> None:
        """Delete the saved indexes of opened files (the next open of each reads it again)."""
        from explorer.sources.cache import clear

        count, freed = clear()
        text = self.w.tr("Index cache cleared: %1 files, %2 MB freed.")
        text = text.replace("%1", str(count)).replace("%2", f"{freed / 1e6:.0f}")
        self.w.statusBar().showMessage(text, 8000)

    def show_shortcuts(self) -> None:
        rows = "\n".join(f"{key}\t{text}" for text, key in self.shortcut_list())
        box = QMessageBox(QMessageBox.Icon.Information, self.w.tr("Keyboard shortcuts"), rows)
        box.setParent(self.w, box.windowFlags())
        box.open()

    def show_about(self) -> None:
        text = self.w.tr(
            "KG Explorer: organizations, mechanisms and initiatives of a knowledge graph, "
            "with the source's own words for every fact."
        )
        box = QMessageBox(QMessageBox.Icon.Information, self.w.tr("About KG Explorer"), text)
        box.setParent(self.w, box.windowFlags())
        box.open()
