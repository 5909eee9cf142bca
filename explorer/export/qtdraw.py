"""Qt as a drawing engine for exported SVGs: PNG pixels and PDF pages.

Qt's SVG renderer draws our SVG (text as text, anti-aliased), and its PDF
engine embeds a subset of the font actually used, so Chinese shows on any
machine and stays selectable. PySide6 is imported inside the functions, and a
command-line export runs on the offscreen platform with no display.

This is the one module of the core allowed to import Qt: the import-linter
contract in pyproject.toml names it, and fails on any other.
"""

from __future__ import annotations

import os
import sys

from ..render.fonts import FONT_FAMILIES, FontError, cjk_font

#: Largest image side we draw, in pixels (a 16k x 16k ARGB image is already 1 GB).
MAX_SIDE = 16384
MAX_PIXELS = 120_000_000


class DrawError(RuntimeError):
    """The image cannot be drawn (too large, or Qt's renderer rejected the SVG)."""


def ensure_app():
    """The running Qt application, or a new offscreen one for command-line use."""
    from PySide6.QtCore import QCoreApplication, Qt

    app = QCoreApplication.instance()
    if app is not None:
        return app
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # A later QtWebEngine (tests, the app) needs this set before the app exists.
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    from PySide6.QtWidgets import QApplication

    return QApplication(sys.argv[:1] or ["kg-explorer"])


def qt_family() -> str:
    """The one family Qt should draw with (QtSvg reads ``font-family`` as a single name).

    fontconfig's CJK font where there is fontconfig; elsewhere the first family
    of the SVG's list that Qt knows (FontError if none).
    """
    try:
        return cjk_font().family
    except FontError:
        from PySide6.QtGui import QFontDatabase

        ensure_app()
        known = set(QFontDatabase.families())
        for name in FONT_FAMILIES.split(","):
            family = name.strip().strip("'\"")
            if family in known:
                return family
        raise


def _renderer(svg: str):
    from PySide6.QtCore import QByteArray
    from PySide6.QtSvg import QSvgRenderer

    ensure_app()
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    if not renderer.isValid():
        raise DrawError("Qt could not read the SVG drawing")
    return renderer


def png_bytes(
    svg: str, *, scale: float = 1.0, width: int | None = None, transparent: bool = False
) -> bytes:
    """The SVG rasterised at *scale* (or to *width* pixels wide), PNG-encoded."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QImage, QPainter

    renderer = _renderer(svg)
    size = renderer.defaultSize()
    if width:
        scale = width / max(size.width(), 1)
    w, h = max(1, round(size.width() * scale)), max(1, round(size.height() * scale))
    if w > MAX_SIDE or h > MAX_SIDE or w * h > MAX_PIXELS:
        raise DrawError(
            f"the image would be {w}×{h} pixels, more than this export can draw; "
            "choose a smaller scale or width, or export SVG/PDF"
        )
    image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
    if image.isNull():
        raise DrawError(f"not enough memory for a {w}×{h} image")
    image.fill(Qt.GlobalColor.transparent if transparent else Qt.GlobalColor.white)
    image.setDotsPerMeterX(round(3780 * scale))  # 96 dpi at 1x, so 2x prints at the same size
    image.setDotsPerMeterY(round(3780 * scale))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, w, h))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise DrawError("Qt could not encode the PNG")
    buffer.close()
    return bytes(data.data())


def pdf_bytes(svg: str, *, title: str = "", font: bytes | None = None) -> bytes:
    """The SVG as a one-page vector PDF the size of the drawing (1 SVG px = 0.75 pt).

    *font* (a font file's bytes) is made available to Qt while the page is drawn,
    so the SVG can name it; Qt embeds the glyphs used.
    """
    from PySide6.QtCore import QByteArray
    from PySide6.QtGui import QFontDatabase

    ensure_app()
    font_id = QFontDatabase.addApplicationFontFromData(QByteArray(font)) if font else -1
    if font and font_id < 0:
        raise DrawError("Qt could not load the font for the PDF")
    try:
        return _pdf(svg, title)
    finally:
        if font_id >= 0:
            QFontDatabase.removeApplicationFont(font_id)


def _pdf(svg: str, title: str) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF
    from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

    renderer = _renderer(svg)
    size = renderer.defaultSize()
    points = QSizeF(size.width() * 0.75, size.height() * 0.75)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setCreator("KG Explorer")
    writer.setTitle(title or "KG Explorer graph")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(
                points, QPageSize.Unit.Point, "drawing", QPageSize.SizeMatchPolicy.ExactMatch
            ),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    writer.setResolution(96)
    painter = QPainter(writer)
    if not painter.isActive():
        raise DrawError("Qt could not start the PDF")
    renderer.render(painter, QRectF(0, 0, size.width(), size.height()))
    painter.end()
    buffer.close()
    return bytes(data.data())
