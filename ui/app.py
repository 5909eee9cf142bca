"""Starting the app: ``run_app`` (called by the CLI) and the offscreen ``--screenshot`` mode.

Heavy modules are imported inside functions so that ``kg-explorer --help``
stays instant and the window appears as early as possible.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def _prepare_environment(screenshot: bool) -> None:
    if screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # Chromium refuses root without this
        flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
        if "--no-sandbox" not in flags:
            os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = (flags + " --no-sandbox").strip()


def application(argv: list[str]):
    """The QApplication (created once; tests and repeated calls share it)."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
        app = QApplication(argv or ["kg-explorer"])
    app.setApplicationName("KG Explorer")
    app.setOrganizationName("kg-explorer")
    return app


def cache_dir() -> Path:
    from PySide6.QtCore import QStandardPaths

    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    return Path(base or Path.home() / ".cache" / "kg-explorer") / "layouts"


def load_start_graph(path: str | None):
    """The first graph: the article (loaded here), or an empty one while *path* loads."""
    from rdflib import Graph

    from explorer.errors import LoadError
    from explorer.graph import KnowledgeGraph

    if path is None:
        try:
            return KnowledgeGraph.article(), None
        except (LoadError, OSError) as exc:  # a broken install; our own imports fail loudly
            return KnowledgeGraph(Graph(), source=""), f"the article graph is missing ({exc})"
    return KnowledgeGraph(Graph(), source=""), None


def make_window(
    path: str | None = None,
    *,
    lang: str | None = None,
    ui_lang: str | None = None,
    remember: bool = True,
    argv: list[str] | None = None,
    index_in_background: bool = True,
):
    """Build the main window (not shown). *path* loads in the background, from before
    the window's modules are imported: its cache read overlaps Qt's start-up."""
    app = application(argv or [])
    runner = first_load = None
    if path is not None:
        from .operations import OperationRunner
        from .workers import start_load

        runner = OperationRunner()  # the window's: it owns the load from the start
        first_load = start_load(runner, path)  # callbacks given once the window exists
    from .main_window import MainWindow
    from .settings import Settings
    from .translation import Translations, system_ui_language

    settings = Settings()
    translations = Translations(app)
    chosen_ui = ui_lang or (settings.value("ui_language") if remember else None)
    translations.apply(str(chosen_ui or system_ui_language()))
    label_lang = lang or (settings.value("lang") if remember else None) or "zh"
    if label_lang not in ("zh", "en", "both"):
        label_lang = "zh"
    kg, problem = load_start_graph(path)
    window = MainWindow(
        kg,
        lang=label_lang,
        settings=settings,
        translations=translations,
        cache_dir=cache_dir(),
        restore=remember,
        start_problem=problem,
        index_in_background=index_in_background,
        runner=runner,
    )
    if problem:
        window.statusBar().showMessage(problem)
    if path is not None:
        window.open_file(path, started=first_load)
    return window


def run_app(
    argv: list[str],
    *,
    path: str | None = None,
    screenshot: str | None = None,
    select: str | None = None,
    lang: str | None = None,
) -> int:
    """Open the app on *path* (or the article graph); with *screenshot*, save a PNG and exit."""
    _prepare_environment(screenshot is not None)
    app = application(argv)
    window = make_window(
        path,
        lang=lang,
        remember=screenshot is None,
        argv=argv,
        index_in_background=screenshot is None,  # a one-shot render: no index for later
    )
    if screenshot is not None:
        from .screenshot import take_screenshot

        if window.start_problem:
            print(f"kg-explorer: {window.start_problem}", file=sys.stderr)
        try:
            return take_screenshot(
                app, window, screenshot, select=select, has_file=path is not None
            )
        finally:
            window.close()  # whatever happened: its runner lets go of every worker
    window.show()
    if select:
        _select_when_loaded(window, select)
    return app.exec()


def _select_when_loaded(window, text: str) -> None:
    def apply(*_args) -> None:
        node_id = window.state.resolve(text)
        if node_id is None:
            window.statusBar().showMessage(window.tr("No entity matches “%1”.").replace("%1", text))
        else:
            window.state.select(node_id)

    if window.is_loading():  # once, when the file's graph is installed

        def once(*_args) -> None:
            window.qs.graph_changed.disconnect(once)
            apply()

        window.qs.graph_changed.connect(once)
    else:
        apply()


if __name__ == "__main__":
    sys.exit(run_app(sys.argv, path=sys.argv[1] if len(sys.argv) > 1 else None))
