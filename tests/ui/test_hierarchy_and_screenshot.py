"""The tree with cycles and very wide branches; the --screenshot mode end to end."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QImage

from explorer.graph import KnowledgeGraph
from ui.hierarchy_model import BATCH, HierarchyModel


def _labels(model: HierarchyModel, parent: QModelIndex) -> list[str]:
    if model.canFetchMore(parent):
        model.fetchMore(parent)
    return [model.index(r, 0, parent).data() for r in range(model.rowCount(parent))]


def test_a_cycle_shows_as_a_marked_leaf_not_a_loop(qapp, ui_data):
    model = HierarchyModel(KnowledgeGraph.from_file(ui_data / "cycle.ttl"), "en")
    index, seen = QModelIndex(), []
    for _ in range(10):  # walk down the first child each time: it must end
        labels = _labels(model, index)
        if not labels:
            break
        seen.append(labels[0])
        index = model.index(0, 0, index)
    assert seen[0] == "top" and len(seen) < 10
    assert any(label.startswith("↻") for label in seen)
    assert not model.hasChildren(index)


def test_twenty_thousand_children_are_fetched_in_batches(qapp, tmp_path):
    lines = ["@prefix org: <http://www.w3.org/ns/org#> .", "@prefix ex: <http://example.org/w/> ."]
    lines += [f"ex:c{i} org:subOrganizationOf ex:root ." for i in range(20_000)]
    path = tmp_path / "wide.ttl"
    path.write_text("\n".join(lines), encoding="utf-8")
    model = HierarchyModel(KnowledgeGraph.from_file(path), "en")
    root = model.index(0, 0)
    assert model.hasChildren(root) and model.rowCount(root) == 0
    model.fetchMore(root)
    assert model.rowCount(root) == BATCH  # one batch made, not 20,000 rows: what keeps it fast
    found = model.reveal_path("http://example.org/w/c19999")
    assert found.isValid() and found.data() == "c19999"
    assert model.rowCount(root) < 20_000  # fetched only as far as needed


def test_thousands_of_roots_are_fetched_in_batches_too(qapp, tmp_path):
    lines = ["@prefix org: <http://www.w3.org/ns/org#> .", "@prefix ex: <http://example.org/r/> ."]
    lines += [f"ex:c{i:04} org:subOrganizationOf ex:p{i:04} ." for i in range(1_200)]
    path = tmp_path / "roots.ttl"
    path.write_text("\n".join(lines), encoding="utf-8")
    model = HierarchyModel(KnowledgeGraph.from_file(path), "en")
    assert model.rowCount() == BATCH and model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * BATCH
    found = model.reveal_path("http://example.org/r/c1199")  # under the very last root
    assert found.isValid() and found.parent().data() == "p1199"
    assert not model.canFetchMore(QModelIndex())


def test_later_batches_of_roots_leave_the_users_closed_roots_closed(qtbot, make_window, tmp_path):
    lines = ["@prefix org: <http://www.w3.org/ns/org#> .", "@prefix ex: <http://example.org/r/> ."]
    lines += [f"ex:c{i:04} org:subOrganizationOf ex:p{i:04} ." for i in range(1_200)]
    path = tmp_path / "roots.ttl"
    path.write_text("\n".join(lines), encoding="utf-8")
    window = make_window(KnowledgeGraph.from_file(path), lang="en")
    tree, model = window.hierarchy.tree, window.hierarchy.model
    first = model.index(0, 0)
    assert tree.isExpanded(first)  # the top rows open when the tree is first shown
    tree.collapse(first)
    window.state.select("http://example.org/r/c1199")  # under the very last root
    qtbot.waitUntil(lambda: window.hierarchy.current_id() == "http://example.org/r/c1199")
    assert model.rowCount() > BATCH  # later batches of roots were fetched to reveal it
    assert not tree.isExpanded(model.index(0, 0))  # and the user's closed root stayed closed


def test_screenshot_mode_saves_the_window_with_the_entity_selected(qapp, tmp_path, ui_data):
    from ui.app import run_app

    out = tmp_path / "shot.png"
    code = run_app(
        ["kg-explorer"],
        path=str(ui_data / "mini.ttl"),
        screenshot=str(out),
        select="西湖街道党工委",
    )
    assert code == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1440, 900)
    colours = {image.pixel(x, y) for x in range(300, 1000, 7) for y in range(100, 800, 7)}
    assert len(colours) > 20  # the graph was drawn, not a blank page


def test_screenshot_of_an_unknown_entity_fails(qapp, tmp_path, ui_data):
    from ui.app import run_app

    code = run_app(
        ["kg-explorer"],
        path=str(ui_data / "mini.ttl"),
        screenshot=str(tmp_path / "none.png"),
        select="no such entity at all",
    )
    assert code == 2 and not (tmp_path / "none.png").exists()


def test_the_export_contract_positions_and_a_sharp_canvas_png(qtbot, window):
    got: dict = {}
    window.graph.fetch_positions(lambda pos: got.update(pos=pos))
    window.graph.grab_canvas_png(2.0, False, lambda png: got.update(png=png))
    qtbot.waitUntil(lambda: "pos" in got and "png" in got, timeout=30_000)
    assert set(got["pos"]) == set(window.graph.current_view().node_ids)
    image = QImage.fromData(got["png"])
    web = window.graph.web.size()
    assert (image.width(), image.height()) == (2 * web.width(), 2 * web.height())


def test_settings_remember_language_and_recent_files(qtbot, make_window, article, ui_data):
    from ui.settings import Settings

    first = make_window(article)
    first.remember = True
    first.state.set_lang("en")
    first.settings.add_recent(str(ui_data / "mini.ttl"))
    first.close()
    settings = Settings()
    assert settings.value("lang") == "en"
    assert settings.recent_files()[0].endswith("mini.ttl")
    assert settings.geometry() is not None


def test_none_and_booleans_survive_many_qt_calls(qapp):
    """PySide6 6.12.0 on Python 3.11 took a reference from None per void call (pinned out)."""
    import sys

    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QWidget

    class Source(QObject):
        changed = Signal(bool)

    widget, source = QWidget(), Source()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(50_000):  # more calls than None has references on a fresh 3.11
        widget.setEnabled(True)
        source.changed.emit(True)
    assert abs(sys.getrefcount(None) - none_before) < 100
    assert abs(sys.getrefcount(True) - true_before) < 100
