"""SVG, PNG and PDF exports, read back by other readers: xml.etree, Pillow, pypdf."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from explorer import views
from explorer.export import ExportError, ExportOptions, export
from explorer.export.images import svg_text
from explorer.graph import KnowledgeGraph
from explorer.layout import force_layout
from explorer.model import GraphView, Node
from explorer.render.fonts import text_width

DATA = Path(__file__).parents[1] / "data" / "export"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def kg() -> KnowledgeGraph:
    return KnowledgeGraph.from_file(DATA / "small.ttl")


@pytest.fixture(scope="module")
def view(kg) -> GraphView:
    return views.whole(kg)


@pytest.fixture(scope="module")
def positions(view):
    return force_layout(view)


def texts(root: ET.Element) -> list[str]:
    return [t.text or "" for t in root.iter(f"{SVG}text")]


def placed_texts(root: ET.Element):
    """(text, absolute x, y, font size, anchor) for each <text>, through translate()s."""
    out = []

    def walk(el: ET.Element, dx: float, dy: float) -> None:
        m = re.match(r"translate\(([-\d.]+),([-\d.]+)\)", el.get("transform", ""))
        if m:
            dx, dy = dx + float(m.group(1)), dy + float(m.group(2))
        if el.tag == f"{SVG}text":
            out.append(
                (
                    el.text or "",
                    float(el.get("x")) + dx,
                    float(el.get("y")) + dy,
                    float(el.get("font-size")),
                    el.get("text-anchor"),
                )
            )
        for child in el:
            walk(child, dx, dy)

    walk(root, 0.0, 0.0)
    return out


def test_svg_is_valid_with_chinese_labels_as_text(view, positions):
    svg = svg_text(view, positions, ExportOptions(lang="zh", title="兰州 Test"))
    root = ET.fromstring(svg.encode("utf-8"))
    assert root.tag == f"{SVG}svg"
    found = texts(root)
    for label in ("兰州市委", "七里河区委", "西湖街道党工委", "共建共治共享", "兰州 Test"):
        assert label in found
    assert "组织" in found and "机制" in found  # the legend
    families = [g.get("font-family") for g in root.iter(f"{SVG}g") if g.get("font-family")]
    assert families and "Noto Sans CJK SC" in families[0] and families[0].endswith("sans-serif")


def test_svg_draws_arrowheads_shapes_and_nothing_outside(view, positions):
    svg = svg_text(view, positions, ExportOptions(lang="en"))
    root = ET.fromstring(svg.encode("utf-8"))
    width, height = float(root.get("width")), float(root.get("height"))
    assert root.get("viewBox") == f"0 0 {root.get('width')} {root.get('height')}"
    polygons = list(root.iter(f"{SVG}polygon"))
    arrows = [p for p in polygons if p.get("fill") == "#9aa5b1"]
    assert len(arrows) == len(view.edges)
    assert len(list(root.iter(f"{SVG}rect"))) > 1 and list(root.iter(f"{SVG}ellipse"))
    for text, x, y, size, anchor in placed_texts(root):
        w = text_width(text, size)
        left = x - w / 2 if anchor == "middle" else x
        assert 0 <= left and left + w <= width, text
        assert y - size >= 0 and y + size * 0.3 <= height, text


def test_svg_options_and_unsafe_text():
    odd = Node("urn:x", (("zh", "控制\x01字符 <b>&"),), "x", category="goal")
    view = GraphView(nodes=(odd,), edges=())
    svg = svg_text(view, {"urn:x": (0.0, 0.0)}, ExportOptions(legend=False, transparent=True))
    root = ET.fromstring(svg.encode("utf-8"))
    assert "".join(texts(root)) == "控制字符 <b>&"  # wrapped over two lines
    assert "目标" not in texts(root)  # no legend
    assert not [r for r in root.iter(f"{SVG}rect") if r.get("fill") == "#ffffff"]


def test_png_size_scale_pixels_and_transparency(qapp, view, positions, tmp_path):
    from PIL import Image

    one, two = tmp_path / "one.png", tmp_path / "two.png"
    export(view, one, "png", positions=positions, options=ExportOptions(scale=1))
    export(view, two, "png", positions=positions, options=ExportOptions(scale=2))
    a, b = Image.open(one), Image.open(two)
    assert abs(b.width - 2 * a.width) <= 1 and abs(b.height - 2 * a.height) <= 1
    rgb = b.convert("RGB")
    assert rgb.getpixel((0, 0)) == (255, 255, 255)
    colours = rgb.getcolors(maxcolors=1_000_000)
    non_white = sum(n for n, c in colours if c != (255, 255, 255))
    assert non_white > 0.02 * b.width * b.height
    assert (217, 83, 79) in {c for _n, c in colours}  # an organization's fill

    clear = tmp_path / "clear.png"
    export(view, clear, "png", positions=positions, options=ExportOptions(transparent=True))
    c = Image.open(clear).convert("RGBA")
    assert c.getpixel((0, 0))[3] == 0
    assert c.getchannel("A").getextrema()[1] == 255

    wide = tmp_path / "wide.png"
    export(view, wide, "png", positions=positions, options=ExportOptions(width=900))
    assert Image.open(wide).width == 900


def test_png_refuses_an_impossible_size(qapp, view, positions, tmp_path):
    far = {k: (x * 40, y * 40) for k, (x, y) in positions.items()}
    with pytest.raises(ExportError, match="smaller scale"):
        export(view, tmp_path / "x.png", "png", positions=far, options=ExportOptions(scale=4))
    assert not list(tmp_path.iterdir())


def test_pdf_is_vector_with_embedded_fonts_and_chinese_text(qapp, view, positions, tmp_path):
    from pypdf import PdfReader

    out = tmp_path / "g.pdf"
    export(view, out, "pdf", positions=positions, options=ExportOptions(lang="zh", title="图"))
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    assert len(reader.pages) == 1
    page = reader.pages[0]
    fonts = page["/Resources"]["/Font"]
    embedded = []
    for ref in fonts.values():
        font = ref.get_object()
        for desc in font.get("/DescendantFonts", [font]):
            descriptor = desc.get_object().get("/FontDescriptor")
            if descriptor and any(k.startswith("/FontFile") for k in descriptor.get_object()):
                embedded.append(str(font["/BaseFont"]))
    assert embedded, "no embedded font"
    text = page.extract_text()
    for label in ("兰州市委", "七里河区委", "共建共治共享", "目标"):
        assert label in text  # 目标 copies as 目 (U+76EE), not the radical ⽬ (U+2F6C)
    assert "\u2f6c" not in text
    assert "/Image" not in str(page["/Resources"].get("/XObject", ""))  # vector, not a picture


def test_pdf_page_is_the_drawing_size(qapp, view, positions, tmp_path):
    from pypdf import PdfReader

    svg = svg_text(view, positions, ExportOptions())
    root = ET.fromstring(svg.encode("utf-8"))
    out = tmp_path / "g.pdf"
    export(view, out, "pdf", positions=positions)
    box = PdfReader(out).pages[0].mediabox
    assert float(box.width) == pytest.approx(float(root.get("width")) * 0.75, abs=1.5)
    assert float(box.height) == pytest.approx(float(root.get("height")) * 0.75, abs=1.5)


def test_a_self_loop_and_a_lone_node_are_drawn_inside(tmp_path):
    from explorer.model import Edge

    a = Node("urn:a", (("zh", "自我"),), "a", category="mechanism")
    b = Node("urn:b", (("zh", "孤立节点"),), "b", category="event")
    loop = Edge("urn:a", "urn:a", "urn:p", (("zh", "自指"),), "p")
    view = GraphView(nodes=(a, b), edges=(loop,))
    root = ET.fromstring(svg_text(view, {"urn:a": (0.0, 0.0)}, ExportOptions()).encode())
    width, height = float(root.get("width")), float(root.get("height"))
    assert {"自我", "孤立节点", "自指"} <= set(texts(root))
    for text, x, y, size, anchor in placed_texts(root):
        w = text_width(text, size)
        left = x - w / 2 if anchor == "middle" else x
        assert 0 <= left <= left + w <= width and 0 <= y <= height, text


def test_without_fontconfig_qt_finds_a_cjk_family(qapp, view, positions, tmp_path, monkeypatch):
    from pypdf import PdfReader

    from explorer.export import qtdraw
    from explorer.render import fonts

    def none():
        raise fonts.FontError("no fontconfig here")

    fonts.text_width("预热", 10)  # metrics are cached before fontconfig "disappears"
    monkeypatch.setattr(fonts, "cjk_font", none)
    monkeypatch.setattr(qtdraw, "cjk_font", none)
    export(view, tmp_path / "g.png", "png", positions=positions)
    export(view, tmp_path / "g.pdf", "pdf", positions=positions)
    assert "兰州市委" in PdfReader(tmp_path / "g.pdf").pages[0].extract_text()
