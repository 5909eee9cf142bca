"""A large file in the window: opened through ``open_for_window``, reopened from the
on-disk cache with the same drawing, and File › Clear the index cache empties it."""

from __future__ import annotations

PAGE_TIMEOUT = 30_000


def _open(qtbot, window, path: str):
    before = window.graph.draw_count
    assert window.open_file(path)
    qtbot.waitUntil(lambda: window.state.kg.source == path, timeout=PAGE_TIMEOUT)
    qtbot.waitUntil(lambda: window.graph.draw_count > before, timeout=PAGE_TIMEOUT)
    return window.state.kg


def test_a_big_file_reopens_from_the_cache_and_draws_the_same(qtbot, window, big, tmp_path):
    from explorer.sources import cache

    first = _open(qtbot, window, str(big))
    assert not first.from_cache
    drawn = set(window.state.view.node_ids)
    assert len(drawn) == 500
    # the window indexes the rest in the background, and saves the entry for next time
    qtbot.waitUntil(lambda: (cache.entry_dir(big) / cache.MANIFEST).is_file(), timeout=PAGE_TIMEOUT)
    qtbot.waitUntil(lambda: not window.runner.busy("index"), timeout=PAGE_TIMEOUT)

    window.open_article()
    qtbot.waitUntil(lambda: window.state.kg.source != str(big), timeout=PAGE_TIMEOUT)
    qtbot.waitUntil(lambda: not window.is_loading(), timeout=PAGE_TIMEOUT)
    again = _open(qtbot, window, str(big))
    assert again.from_cache
    assert set(window.state.view.node_ids) == drawn
    assert window.hierarchy.tree.model().rowCount() > 0
    hit = again.search_index.search("兰州", limit=1)[0].node_id
    window.state.select(hit)
    assert window.details.title_text() == again.label(hit, "zh")
    window.grab().save(str(tmp_path / "reopened.png"))

    window.menus.clear_cache.trigger()
    assert not cache.entry_dir(big).exists()
    assert "Index cache cleared: 1 files" in window.statusBar().currentMessage()
