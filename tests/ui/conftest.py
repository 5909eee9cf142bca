"""One QApplication for the suite (pytest-qt's ``qapp``), settings in a temporary folder,
the article graph loaded once, and a fresh main window per test."""

from __future__ import annotations

import json
import os
import tempfile

import pytest

_SETTINGS = tempfile.TemporaryDirectory(prefix="kg-explorer-settings-")
os.environ["XDG_CONFIG_HOME"] = _SETTINGS.name
os.environ["XDG_CACHE_HOME"] = _SETTINGS.name

LZ = "https://w3id.org/kg-explorer/lanzhou/"
PAGE_TIMEOUT = 30_000


@pytest.fixture(scope="session")
def qapp_cls():
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    return QApplication


@pytest.fixture(scope="session")
def article():
    from explorer.graph import KnowledgeGraph

    kg = KnowledgeGraph.article()
    kg.hierarchy  # noqa: B018 (built once for every test)
    kg.search_index  # noqa: B018
    return kg


@pytest.fixture
def make_window(qtbot, qapp, tmp_path):
    """A shown main window on *kg* whose graph page has drawn, in English UI by default."""
    from ui.main_window import MainWindow
    from ui.settings import Settings
    from ui.translation import Translations

    made: list[Translations] = []

    def make(kg, *, lang="zh", ui_lang="en"):
        translations = Translations(qapp)
        made.append(translations)
        translations.apply(ui_lang)
        window = MainWindow(
            kg,
            lang=lang,
            settings=Settings(),
            translations=translations,
            cache_dir=tmp_path / "layouts",
            restore=False,
        )
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(
            lambda: window.graph.is_ready() and window.graph.draw_count > 0,
            timeout=PAGE_TIMEOUT,
        )
        return window

    yield make

    for translations in made:  # removes the translators each window installed
        translations.apply("en")


@pytest.fixture
def window(make_window, article):
    return make_window(article)


class Page:
    """Talks to a window's graph page the way the app does: queued JavaScript calls."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot

    def js(self, graph, code: str):
        return _js(self.qtbot, graph, code)

    def wait_selection(self, graph, expected: set[str]) -> None:
        _wait_page_selection(self.qtbot, graph, expected)


@pytest.fixture
def big(tmp_path, monkeypatch):
    """A generated 20k-triple organigram opened as a large file (scan, in two parts
    when the machine has two cores, on-disk index in a folder of the test's own)."""
    from benchmarks.generate import generate

    monkeypatch.setenv("KG_EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("KG_EXPLORER_LARGE_BYTES", "100000")
    monkeypatch.setenv("KG_EXPLORER_PARTS_BYTES", "100000")
    path = tmp_path / "big.ttl"
    path.write_text(generate(20_000), encoding="utf-8")
    return path


@pytest.fixture
def page(qtbot) -> Page:
    return Page(qtbot)


def _js(qtbot, graph, code: str):
    """Run *code* in the page and return its result (strings are JSON-decoded when possible)."""
    box: dict = {}
    graph.run_js(code, lambda value: box.setdefault("value", value))
    qtbot.waitUntil(lambda: "value" in box, timeout=PAGE_TIMEOUT)
    value = box["value"]
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _wait_page_selection(qtbot, graph, expected: set[str]) -> None:
    """Poll the page until its selected nodes are *expected*."""
    latest: dict = {}

    def check() -> bool:
        graph.selected_ids(lambda ids: latest.update(ids=ids))
        return latest.get("ids") == expected

    qtbot.waitUntil(check, timeout=PAGE_TIMEOUT)
