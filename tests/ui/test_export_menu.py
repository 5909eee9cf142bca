"""File › Export in the real main window: what is on screen is what gets written."""

from __future__ import annotations

import base64
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from explorer.export import EXPORTERS, ExportOptions
from explorer.graph import KnowledgeGraph

SMALL = Path(__file__).parents[1] / "data" / "export" / "small.ttl"
CITY = "https://example.org/lz/city"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def window(qtbot, tmp_path):
    from ui.main_window import MainWindow

    w = MainWindow(KnowledgeGraph.from_file(SMALL), lang="zh", restore=False, cache_dir=tmp_path)
    qtbot.addWidget(w)
    w.resize(1100, 760)
    w.show()
    qtbot.waitUntil(lambda: w.graph.is_ready() and w.graph.draw_count > 0, timeout=30_000)
    return w


def run_export(qtbot, window, fmt, path, options=None):
    menu = window.export_menu
    with qtbot.waitSignals([menu.finished], timeout=30_000):
        menu.export_to(fmt, path, options or ExportOptions(lang="zh"))
    assert menu.last_error == ""


def js(qtbot, page, code: str):
    box = []
    page.runJavaScript(code, 0, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10_000)
    return box[0]


def test_the_menu_offers_every_format(window):
    menu = window.export_menu
    assert list(menu.actions_by_format) == list(EXPORTERS)
    file_menu = window.menus.file
    assert menu.menuAction() in file_menu.actions()
    assert file_menu.actions()[-1] is window.menus.quit  # Export sits above Quit


def test_svg_and_pdf_use_the_positions_on_screen(qtbot, window, tmp_path):
    js(qtbot, window.graph._page, f"kg.network.moveNode({json.dumps(CITY)}, 4000, 0); 1")
    out = tmp_path / "live.svg"
    run_export(qtbot, window, "svg", out)
    root = ET.fromstring(out.read_bytes())
    assert float(root.get("width")) > 4000  # the node dragged far right is drawn there
    assert "兰州市委" in [t.text for t in root.iter(f"{SVG}text")]

    from pypdf import PdfReader

    pdf = tmp_path / "live.pdf"
    run_export(qtbot, window, "pdf", pdf)
    assert "兰州市委" in PdfReader(pdf).pages[0].extract_text()


def test_png_is_the_svg_drawing_at_the_chosen_scale(qtbot, window, tmp_path):
    """One PNG route for app and CLI: the SVG writer's drawing (same positions), by Qt."""
    from PIL import Image

    svg, png = tmp_path / "same.svg", tmp_path / "same.png"
    run_export(qtbot, window, "svg", svg)
    run_export(qtbot, window, "png", png, ExportOptions(lang="zh", scale=2))
    svg_width = float(ET.fromstring(svg.read_bytes()).get("width"))
    image = Image.open(png).convert("RGB")
    assert abs(image.width - 2 * svg_width) <= 2
    colours = image.getcolors(maxcolors=1_000_000)
    assert sum(n for n, c in colours if c != (255, 255, 255)) > 0.005 * image.width * image.height
    assert (217, 83, 79) in {c for _n, c in colours}  # an organization's fill, as in the SVG


def test_the_selection_is_highlighted_alike_in_every_image_format(qtbot, window, tmp_path):
    other = next(n.id for n in window.graph.current_view().nodes if n.id != CITY)
    window.state.select(other)
    options = window.export_menu.default_options()
    assert other in options.highlight
    run_export(qtbot, window, "svg", tmp_path / "sel.svg", options)
    thick = [
        el
        for el in ET.fromstring((tmp_path / "sel.svg").read_bytes()).iter()
        if el.get("stroke-width") in ("4", "4.0")
    ]
    assert thick, "the selected entity is drawn with the focus border"


@pytest.mark.parametrize("fmt", list(EXPORTERS))
def test_every_format_of_the_table_exports_from_the_app(qtbot, window, tmp_path, fmt):
    exporter = EXPORTERS[fmt]
    out = tmp_path / f"view{exporter.extension or '-folder'}"
    menu = window.export_menu
    with qtbot.waitSignal(menu.finished, timeout=30_000) as done:
        menu.export_to(fmt, out, menu.default_options())
    assert menu.last_error == ""
    written = done.args[0]
    assert written and all(p.stat().st_size > 0 for p in written)
    assert len(written) > 1 if exporter.multi_file else written == [out]


def test_html_export_draws_the_network_offline(qtbot, window, tmp_path):
    from PIL import Image
    from PySide6.QtCore import QUrl
    from PySide6.QtWebEngineWidgets import QWebEngineView

    out = tmp_path / "graph.html"
    run_export(qtbot, window, "html", out)
    html = out.read_text(encoding="utf-8")
    assert not re.search(r"""\b(?:src|href)\s*=\s*["']?(?:https?:|//)""", html, re.I)

    view = QWebEngineView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    with qtbot.waitSignal(view.loadFinished, timeout=30_000) as loaded:
        view.load(QUrl.fromLocalFile(str(out)))
    assert loaded.args == [True]
    page = view.page()
    count = json.loads(js(qtbot, page, "JSON.stringify(kg.network.body.data.nodes.length)"))
    assert count == len(window.graph.current_view().nodes)
    url = js(qtbot, page, "kg.grab(1, false)")
    png = base64.b64decode(url.split(",", 1)[1])
    image = Image.open(io.BytesIO(png)).convert("RGB")
    colours = image.getcolors(maxcolors=1_000_000)
    assert sum(n for n, c in colours if c != (255, 255, 255)) > 0.005 * image.width * image.height


def test_data_export_and_a_failure_shown_not_raised(qtbot, window, tmp_path):
    from rdflib import Graph

    out = tmp_path / "view.ttl"
    run_export(qtbot, window, "ttl", out)
    assert len(Graph().parse(out, format="turtle")) > 10

    old = tmp_path / "keep.gexf"
    old.write_bytes(b"old")
    menu = window.export_menu
    with qtbot.waitSignal(menu.failed, timeout=10_000):
        menu.export_to("graphml", tmp_path / "missing" / "x.graphml")
    assert "does not exist" in menu.last_error
    assert menu.error_box is not None and menu.error_box.isVisible()
    menu.error_box.close()
    assert old.read_bytes() == b"old"


def test_options_dialog_gathers_options(qtbot, window):
    from ui.export_menu import ImageOptionsDialog

    dialog = ImageOptionsDialog("png", ExportOptions(lang="en"), window)
    qtbot.addWidget(dialog)
    dialog.scale.setValue(3)
    dialog.transparent.setChecked(True)
    options = dialog.options()
    assert (options.scale, options.transparent, options.lang, options.width) == (
        3,
        True,
        "en",
        None,
    )
    svg_dialog = ImageOptionsDialog("svg", ExportOptions(), window)
    qtbot.addWidget(svg_dialog)
    svg_dialog.legend.setChecked(False)
    svg_dialog.edge_labels.setChecked(False)
    svg_dialog.title.setText("标题")
    chosen = svg_dialog.options()
    assert (chosen.legend, chosen.edge_labels, chosen.title) == (False, False, "标题")


@pytest.mark.parametrize("fmt", [f for f, e in EXPORTERS.items() if e.options])
def test_the_options_dialog_shows_each_formats_rows_without_overlap(qtbot, window, fmt):
    from ui.export_menu import ImageOptionsDialog

    dialog = ImageOptionsDialog(fmt, window.export_menu.default_options(), window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.shown_options() == [
        name for name in dialog.fields if name in EXPORTERS[fmt].options
    ]
    form = dialog.form
    boxes = []
    for name in dialog.shown_options():
        field = dialog.fields[name]
        label = form.labelForField(field)
        for widget in (field, label):
            if widget is not None:
                assert widget.isVisible()
                boxes.append((name, widget.geometry()))
    for name, field in dialog.fields.items():
        if name not in EXPORTERS[fmt].options:
            assert not field.isVisible()
            label = form.labelForField(field)
            assert label is None or not label.isVisible()
    for i, (a, ra) in enumerate(boxes):
        for b, rb in boxes[i + 1 :]:
            assert not ra.intersects(rb), f"{fmt}: {a} overlaps {b}"


def test_png_defaults_to_twice_the_size(window):
    from ui.export_menu import ImageOptionsDialog

    assert window.export_menu.default_options().scale == 2
    assert ImageOptionsDialog("png", window.export_menu.default_options()).scale.value() == 2


def test_defaults_follow_the_window(window):
    window.state.set_edge_labels(False)
    options = window.export_menu.default_options()
    assert (options.lang, options.edge_labels) == ("zh", False)


def test_the_svg_opens_in_a_browser(qtbot, window, tmp_path):
    from PySide6.QtCore import QUrl
    from PySide6.QtWebEngineWidgets import QWebEngineView

    out = tmp_path / "g.svg"
    run_export(qtbot, window, "svg", out)
    view = QWebEngineView()
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loadFinished, timeout=30_000):
        view.load(QUrl.fromLocalFile(str(out)))
    probe = (
        "JSON.stringify([document.documentElement.localName,"
        " document.querySelectorAll('text').length,"
        " document.getElementsByTagName('parsererror').length])"
    )
    name, text_count, errors = json.loads(js(qtbot, view.page(), probe))
    assert (name, errors) == ("svg", 0)
    assert text_count >= len(window.graph.current_view().nodes)
