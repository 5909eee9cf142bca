"""The main window: it composes the panels around one ExplorerState and computes nothing.

It owns the window's one ``OperationRunner``: every load and every endpoint call of
its panels runs there, and closing the window shuts the runner down (cancels and
waits, with a bound) before any widget goes.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QWidget,
)

from explorer.errors import LoadError
from explorer.graph import KnowledgeGraph
from explorer.model import Lang
from explorer.state import ExplorerState, Selection

from . import fonts
from .background_index import IndexAfterDraw
from .details_panel import DetailsPanel
from .dialogs import load_error_box
from .endpoint_dialog import EndpointDialog, install_endpoint_menu
from .export_menu import install_export_menu
from .figures_chart import FiguresPanel
from .graph_menu import install_graph_menu
from .graph_view import GraphWidget
from .hierarchy_panel import HierarchyPanel
from .layout_cache import LayoutCache
from .menus import Menus
from .nav_toolbar import NavigationBar
from .operations import Operation, OperationRunner
from .path_finder import PathFinder
from .qt_state import QtState
from .retranslate import Retranslating, refresh_on
from .search_panel import SearchPanel
from .settings import Settings
from .translation import Translations
from .workers import LOAD_KEY, as_load_error, start_load

RDF_FILTER = "RDF (*.ttl *.turtle *.nt *.nq *.trig *.jsonld *.json *.rdf *.owl *.xml *.n3);;*"


class MainWindow(Retranslating, QMainWindow):
    """``state`` (ExplorerState with ``.kg`` and ``.view``) and ``graph`` are public contract."""

    def __init__(
        self,
        kg: KnowledgeGraph,
        *,
        lang: Lang = "zh",
        settings: Settings | None = None,
        translations: Translations | None = None,
        cache_dir: Path | None = None,
        restore: bool = True,
        start_problem: str | None = None,
        index_in_background: bool = True,
        runner: OperationRunner | None = None,
    ) -> None:
        """*index_in_background* False: a loaded file gets no pinyin/typo index and no
        cache entry (``--screenshot``, which exits once the view is drawn). *runner*: one
        already running the first file's load (see :meth:`open_file`)."""
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings or Settings()
        self.translations = translations
        self.state = ExplorerState(kg, lang=lang)
        self._index_message = ""
        self._loading = ""  # the file a load under way reads ("": the article)
        self.runner = runner = runner or OperationRunner()
        self.destroyed.connect(lambda *_: runner.shutdown(0))  # deleted without closeEvent
        self.qs = QtState(self.state, self.runner, self)
        self.error_dialog: QMessageBox | None = None
        self.last_error: LoadError | None = None
        self.last_remote_error = ""
        self.source = kg.source
        self.remember = restore
        self._sized = False

        self.graph = GraphWidget(self.qs, LayoutCache(cache_dir), self)
        self.indexing = IndexAfterDraw(
            runner,
            self.graph,
            on_progress=self._on_index_progress,
            on_error=lambda exc: self.statusBar().showMessage(
                self.tr("Search indexing failed: %1").replace("%1", str(exc)), 10_000
            ),
            parent=self,
        )
        self.indexing.enabled = index_in_background
        self.setCentralWidget(self.graph)
        self.search = SearchPanel(self.qs)
        self.indexing.finished.connect(self.search.index_ready)
        self.hierarchy = HierarchyPanel(self.qs)
        self.details = DetailsPanel(self.qs)
        self.path_finder = PathFinder(self.qs)
        self.search.indexing = self.path_finder.indexing = self.indexing.busy
        self.figures = FiguresPanel(self.qs)
        self.docks: dict[str, QDockWidget] = {}
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        for key, widget, area in (
            ("search", self.search, left),
            ("hierarchy", self.hierarchy, left),
            ("details", self.details, right),
            ("path", self.path_finder, right),
            ("figures", self.figures, right),
        ):
            dock = QDockWidget(self)
            dock.setObjectName(f"{key}Dock")
            dock.setMinimumWidth(360 if area == right else 270)
            dock.setWidget(widget)
            self.addDockWidget(area, dock)
            self.docks[key] = dock
        self.tabifyDockWidget(self.docks["details"], self.docks["path"])
        self.tabifyDockWidget(self.docks["path"], self.docks["figures"])
        self.docks["details"].raise_()

        self.nav = NavigationBar(self.qs, self.graph.fit, self)
        self.addToolBar(self.nav)
        self.menus = Menus(self)
        self.menus.fill_recent(self.settings.recent_files())
        self.export_menu = install_export_menu(self)
        self.endpoint_action = install_endpoint_menu(self)
        self.endpoint_dialog: EndpointDialog | None = None  # the last one opened
        self.start_problem = start_problem  # why the first graph could not be shown
        self.graph_menu = install_graph_menu(self)  # after the export menu, which it offers
        self.search.mark_hits_in(self.graph)

        self.breadcrumb = QLabel(self, textFormat=Qt.TextFormat.PlainText)
        self.progress = QProgressBar(self, maximumWidth=160, textVisible=False)
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.cancel_load = QPushButton(self)
        self.cancel_load.hide()
        self.font_warning = QLabel(self)
        self.font_warning.setStyleSheet("color: #a52a2a")
        status = self.statusBar()
        status.addWidget(self.breadcrumb, 1)
        status.addPermanentWidget(self.progress)
        status.addPermanentWidget(self.cancel_load)
        status.addPermanentWidget(self.font_warning)

        self.cancel_load.clicked.connect(self.cancel_loading)
        self.qs.selection_changed.connect(self._on_selection_changed)
        self.qs.fetching.connect(self._on_fetching)
        self.qs.remote_failed.connect(self._on_remote_failed)
        refresh_on(self._update_title, self.qs.graph_changed)
        self._order_tabs()
        self.retranslate()
        if restore:
            self._restore()
        else:
            self.resize(1400, 860)

    def _order_tabs(self) -> None:
        chain: list[QWidget] = [
            self.search.box,
            self.search.types,
            self.search.results,
            self.hierarchy.tree,
            self.graph.web,
            self.details.browser,
            self.path_finder.source,
            self.path_finder.target,
            self.path_finder.find_button,
            self.figures.list,
        ]
        for a, b in itertools.pairwise(chain):
            QWidget.setTabOrder(a, b)

    # --- language ---------------------------------------------------------------------
    def set_ui_language(self, lang: str) -> None:
        if self.translations is not None:
            self.translations.apply(lang)
            self.menus.set_ui_checked(self.translations.lang)
            self.settings.set("ui_language", self.translations.lang)

    def retranslate(self) -> None:
        titles = {
            "search": self.tr("Search"),
            "hierarchy": self.tr("Hierarchy"),
            "details": self.tr("Details"),
            "path": self.tr("Path finder"),
            "figures": self.tr("Figures"),
        }
        for key, dock in self.docks.items():
            dock.setWindowTitle(titles[key])
        self.cancel_load.setText(self.tr("Cancel"))
        self.menus.retranslate()
        if self.translations is not None:
            self.menus.set_ui_checked(self.translations.lang)
        if fonts.has_cjk_font():
            self.font_warning.setText("")
        else:
            self.font_warning.setText(
                self.tr("No Chinese font: labels show as boxes. Fix: %1").replace("%1", fonts.FIX)
            )
        self._update_title()
        self._on_selection_changed(self.state.selection)

    def _update_title(self) -> None:
        source = self.state.kg.source
        name = self.tr("article graph") if source == "article" else Path(source).name
        self.setWindowTitle(f"KG Explorer — {name}" if name else "KG Explorer")

    def _on_selection_changed(self, sel: Selection) -> None:
        if sel.node_id is None:
            self.breadcrumb.setText(self.tr("Nothing selected"))
            return
        tree = self.state.kg.hierarchy
        chain = [*tree.ancestors(sel.node_id), sel.node_id]
        self.breadcrumb.setText(" › ".join(self.state.label(n) for n in chain))

    # --- a remote source ------------------------------------------------------------------
    def _on_fetching(self, node_id: str) -> None:
        status = self.statusBar()
        if node_id:
            status.showMessage(self.tr("Fetching…"))
        elif status.currentMessage() == self.tr("Fetching…"):
            status.clearMessage()

    def _on_remote_failed(self, node_id: str, message: str) -> None:
        """Say what failed where, without a modal box: the view and selection stay."""
        self.last_remote_error = message
        self.menus.lang_actions[self.state.lang].setChecked(True)  # a switch may have failed
        text = self.tr("Could not fetch %1 (%2). Try again, or open a local file.")
        self.statusBar().showMessage(text.replace("%1", node_id).replace("%2", message))

    # --- panels -------------------------------------------------------------------------
    def focus_panel(self, key: str) -> None:
        if key == "graph":
            self.graph.setFocus()
            return
        dock = self.docks[key]
        dock.show()
        dock.raise_()
        dock.widget().setFocus(Qt.FocusReason.ShortcutFocusReason)
        if key == "search":
            self.search.box.selectAll()

    # --- files --------------------------------------------------------------------------
    def choose_file(self) -> None:
        start = str(Path(self.settings.value("last_dir", str(Path.home()))))
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open RDF file"), start, RDF_FILTER)
        if path:
            self.settings.set("last_dir", str(Path(path).parent))
            self.open_file(path)

    def open_file(self, path: str, *, started: Operation | None = None) -> bool:
        """Load *path* in a worker; the current graph stays until it has loaded.
        False if a load is already under way (cancel it first). *started*: that load,
        begun in this window's runner before the window was built (app start-up)."""
        return self._load(path, started)

    def open_article(self) -> bool:
        return self._load(None)

    def is_loading(self) -> bool:
        return self.runner.busy(LOAD_KEY)

    def is_indexing(self) -> bool:
        """Whether the loaded graph's background part waits for its draw or runs."""
        return self.indexing.busy()

    def cancel_loading(self) -> bool:
        """Stop waiting for the load under way: its result is dropped, the graph stays."""
        if not self.runner.cancel(LOAD_KEY):
            return False
        self._on_load_cancelled()
        return True

    def _load(self, path: str | None, started: Operation | None = None) -> bool:
        callbacks = {
            "on_done": lambda kg: self._on_loaded(kg, path or ""),
            "on_error": lambda exc: self._on_load_failed(as_load_error(exc, path), path or ""),
            "on_progress": self._on_load_progress,
        }
        if started is not None and self.runner.follow(started, **callbacks):
            self._on_load_started(path or "")
            return True
        if self.is_loading() or self.runner.closed:
            return False
        self._on_load_started(path or "")
        self.indexing.cancel()  # the previous graph's index is moot
        start_load(self.runner, path, **callbacks)
        return True

    def _on_load_progress(self, fraction: float | None, what: str) -> None:
        if fraction is None:  # a message, e.g. a damaged cache entry being rebuilt
            self.statusBar().showMessage(what, 10_000)
            return
        if fraction > 0:
            self.progress.setRange(0, 100)
            self.progress.setValue(round(100 * fraction))
        else:  # a step that reports no fraction (a whole file's scan): busy, not stuck at 0
            self.progress.setRange(0, 0)
        if what and what != "ready":  # the step under way, in the interface's language
            name = Path(self._loading).name if self._loading else self.tr("the article graph")
            text = self.tr("Loading %1: %2…").replace("%1", name)
            self.statusBar().showMessage(text.replace("%2", self._step_text(what)))

    def _step_text(self, what: str) -> str:
        """A step phrase of the core's open (``explorer.sources.opening``) in the
        interface's language; a phrase this table does not know is shown as it is."""
        steps = {
            "reading": self.tr("reading the file"),
            "indexing": self.tr("indexing for search"),
            "finding the tree roots": self.tr("finding the tree roots"),
            "ranking": self.tr("ranking the entities"),
            "indexing for pinyin and typo search": self.tr("Indexing for search: %1%"),
            "saving the index for the next open": self.tr("Saving the index for next time: %1%"),
        }
        return steps.get(what, what)

    def _on_index_progress(self, fraction: float | None, what: str) -> None:
        status = self.statusBar()
        if fraction is None:
            status.showMessage(what, 10_000)
        elif fraction >= 1.0:
            if status.currentMessage() == self._index_message:
                status.clearMessage()
        elif not self.is_loading():
            template = self._step_text(what)
            if "%1" not in template:
                template = self.tr("Indexing for search: %1%")
            text = template.replace("%1", str(round(100 * fraction)))
            self._index_message = text
            status.showMessage(text)

    def _on_load_started(self, path: str) -> None:
        self._loading = path
        self.progress.setRange(0, 0)  # busy until the load reports how far it is
        self.progress.show()
        self.cancel_load.show()
        name = Path(path).name if path else self.tr("the article graph")
        self.statusBar().showMessage(self.tr("Loading %1…").replace("%1", name))

    def _on_loaded(self, kg: KnowledgeGraph, path: str) -> None:
        self.progress.hide()
        self.cancel_load.hide()
        self.statusBar().clearMessage()
        self.source = kg.source
        self.indexing.loaded(kg)
        self.state.set_graph(kg)
        self.indexing.schedule(kg)
        if path:
            self.menus.fill_recent(self.settings.add_recent(path))

    def _on_load_cancelled(self) -> None:
        self.progress.hide()
        self.cancel_load.hide()
        self.statusBar().showMessage(self.tr("Loading cancelled; the current graph stays."), 5000)

    def _on_load_failed(self, error: LoadError, path: str) -> None:
        self.progress.hide()
        self.cancel_load.hide()
        self.statusBar().clearMessage()
        self.last_error = error
        self.error_dialog = load_error_box(self, error, path)

    def showEvent(self, event) -> None:
        """First show without saved layout: a short search panel, a tall tree."""
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            if self.settings.window_state() is None or not self.remember:
                docks = self.docks
                self.resizeDocks([docks["search"], docks["hierarchy"]], [220, 640], Qt.Vertical)
                self.resizeDocks([docks["search"], docks["details"]], [300, 400], Qt.Horizontal)

    # --- persistence --------------------------------------------------------------------
    def _restore(self) -> None:
        geometry, state = self.settings.geometry(), self.settings.window_state()
        self.resize(1400, 860)
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event) -> None:
        if self.remember:
            self.settings.save_window(self.saveGeometry(), self.saveState())
            self.settings.set("lang", self.state.lang)
            self.settings.sync()
        self.indexing.cancel()
        self.runner.shutdown()  # before any widget goes: no answer arrives after this
        self.graph.close()
        super().closeEvent(event)
