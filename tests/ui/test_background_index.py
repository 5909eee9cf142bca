"""A large file's open as the user meets it: the status bar names each step of the load,
Cancel stops waiting mid-load, and the background index (pinyin, typos, the cache
entry) waits for the page to draw the file's view, then runs under the window's runner
and stops with it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer

from ui.workers import INDEX_KEY

PAGE_TIMEOUT = 30_000
WORKER_TIMEOUT = 120_000  # an abandoned parse runs to its end, unheard


def test_the_background_index_starts_once_the_files_view_is_drawn(qtbot, window, big):
    from explorer.sources import cache

    graph, seen = window.graph, {}

    def installed(_kg) -> None:  # the window has the graph; its view is on its way
        seen["installed"] = True
        QTimer.singleShot(0, lambda: seen.setdefault("after load", snapshot()))

    def snapshot() -> tuple[bool, bool]:
        return graph.view_is_drawn(), window.runner.busy(INDEX_KEY)

    def drawn() -> None:  # after the window's own handler, which starts the index
        if "installed" in seen:
            seen.setdefault("at draw", window.runner.busy(INDEX_KEY))

    window.qs.graph_changed.connect(installed)
    graph.view_drawn.connect(drawn)
    assert window.open_file(str(big))
    qtbot.waitUntil(lambda: "at draw" in seen and "after load" in seen, timeout=PAGE_TIMEOUT)
    view_drawn, indexing = seen["after load"]
    assert indexing == view_drawn  # nothing started before the file's view was drawn
    assert seen["at draw"]  # and it started as soon as it was
    qtbot.waitUntil(lambda: not window.runner.busy(INDEX_KEY), timeout=PAGE_TIMEOUT)
    assert (cache.entry_dir(big) / cache.MANIFEST).is_file()
    assert window.state.kg.search_index.search("lanzhou", limit=1)  # pinyin search works


def test_closing_while_the_background_index_runs_shuts_down_cleanly(qtbot, window, big):
    from explorer.sources import cache

    before = window.state.kg
    closed: dict = {}

    def close_while_indexing() -> None:
        if window.runner.busy(INDEX_KEY) and not closed:
            closed["workers"] = window.runner.running_workers()
            window.close()
            closed["runner"] = (window.runner.closed, window.runner.busy())

    window.graph.view_drawn.connect(close_while_indexing)
    assert window.open_file(str(big))
    qtbot.waitUntil(lambda: "runner" in closed, timeout=PAGE_TIMEOUT)
    assert closed["runner"] == (True, False)  # closed, nothing left to answer
    assert closed["workers"]
    for worker in closed["workers"]:  # a cancelled index stops at its next step
        qtbot.waitUntil(lambda worker=worker: not worker.is_alive(), timeout=WORKER_TIMEOUT)
    QCoreApplication.processEvents()  # a (wrongly) delivered answer would arrive now
    assert window.state.kg is not before  # the file had loaded; nothing ran after
    root = cache.cache_dir()
    assert not list(root.glob("tmp-*"))  # no half-written entry left behind
    entry = cache.entry_dir(big)
    assert not entry.exists() or (entry / cache.MANIFEST).is_file()


def test_the_status_bar_names_the_load_steps_and_cancel_stops_mid_load(
    qtbot, window, ui_data, tmp_path, monkeypatch
):
    from benchmarks.generate import generate

    monkeypatch.setenv("KG_EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("KG_EXPLORER_LARGE_BYTES", "100000")
    small, large = tmp_path / "small.ttl", tmp_path / "large.ttl"
    small.write_text(generate(20_000), encoding="utf-8")
    large.write_text(generate(300_000), encoding="utf-8")
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)

    assert window.open_file(str(small))  # every step of a load is named as it comes
    qtbot.waitUntil(lambda: window.state.kg.source == str(small), timeout=PAGE_TIMEOUT)
    for step in ("reading the file", "indexing for search", "ranking the entities"):
        assert f"Loading small.ttl: {step}…" in messages

    kg = window.state.kg
    assert window.open_file(str(large))
    qtbot.waitUntil(
        lambda: "Loading large.ttl: reading the file…" in messages, timeout=PAGE_TIMEOUT
    )
    abandoned = window.runner.running_workers()
    qtbot.mouseClick(window.cancel_load, Qt.MouseButton.LeftButton)  # mid-load
    assert not window.is_loading() and not window.progress.isVisibleTo(window)
    assert window.statusBar().currentMessage() == "Loading cancelled; the current graph stays."
    cut = len(messages)
    assert window.state.kg is kg

    mini = str(ui_data / "mini.ttl")
    assert window.open_file(mini)  # something else loads at once
    qtbot.waitUntil(lambda: window.state.kg.source == mini, timeout=PAGE_TIMEOUT)
    qtbot.waitUntil(lambda: not any(t.is_alive() for t in abandoned), timeout=WORKER_TIMEOUT)
    QCoreApplication.processEvents()
    assert window.state.kg.source == mini  # the abandoned load never answered
    assert not any("large.ttl" in m for m in messages[cut:])  # nor reported progress


def test_type_lists_come_from_the_search_index_and_match_the_entities(
    article, ui_data, monkeypatch
):
    from explorer.sources.opening import open_for_window
    from ui.legend import present_categories

    monkeypatch.setenv("KG_EXPLORER_LARGE_BYTES", "100")  # mini.ttl opens store-backed
    for kg in (article, open_for_window(ui_data / "mini.ttl")):
        walked = {n.category for n in kg.nodes()}
        assert set(present_categories(kg)) == walked


def test_screenshot_mode_logs_when_the_files_view_was_drawn_and_indexes_nothing(
    qapp, tmp_path, ui_data, caplog
):
    import logging
    import re

    from ui.app import run_app

    caplog.set_level(logging.INFO, logger="ui.background_index")
    code = run_app(
        ["kg-explorer"], path=str(ui_data / "mini.ttl"), screenshot=str(tmp_path / "shot.png")
    )
    assert code == 0
    logged = "\n".join(r.getMessage() for r in caplog.records)
    loaded = re.search(r"mini\.ttl loaded ([\d.]+) s after the process started", logged)
    drawn = re.search(r"mini\.ttl drawn ([\d.]+) s after the process started", logged)
    assert loaded and drawn and float(loaded[1]) <= float(drawn[1])
    assert "indexed in the background" not in logged  # a one-shot render indexes nothing


def test_a_search_before_the_index_is_complete_builds_nothing_and_is_asked_again(
    qtbot, window, big, monkeypatch
):
    """A keystroke on the GUI thread must not build pinyin (seconds on a big file): it
    answers from what is built, and the window searches again when the index is done."""
    import threading

    from ui import background_index

    release = threading.Event()
    real = background_index.finish_index

    def held_back(kg, control):  # the real background part, once the test has typed
        release.wait(WORKER_TIMEOUT / 1000)
        return real(kg, control)

    monkeypatch.setattr(background_index, "finish_index", held_back)
    assert window.open_file(str(big))
    qtbot.waitUntil(lambda: window.runner.busy(INDEX_KEY), timeout=PAGE_TIMEOUT)
    index = window.state.kg.search_index
    assert not index.is_warm
    window.search.set_query("weiyuanhui")  # 委员会 in pinyin: no label holds it
    assert not index.is_warm  # nothing was built on the GUI thread
    assert window.search.hit_ids() == []
    with qtbot.waitSignal(window.indexing.finished, timeout=WORKER_TIMEOUT):
        release.set()
    assert index.is_warm
    assert window.search.hit_ids()  # the same query, asked again, finds by pinyin
