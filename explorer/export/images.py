"""Images of a view: SVG from our writer; PNG and PDF are that same SVG drawn by Qt."""

from __future__ import annotations

import itertools
from dataclasses import replace
from pathlib import Path

from ..model import GraphView
from ..render.fonts import EXPORT_FAMILY, FontError, subset_font
from ..render.svg import SvgOptions, render_svg
from .atomic import ExportError, write_bytes, write_text
from .options import ExportOptions, Positions

_serial = itertools.count(1)


def svg_options(
    view: GraphView, options: ExportOptions, *, font_family: str | None = None
) -> SvgOptions:
    base = SvgOptions(
        lang=options.lang,
        legend=options.legend,
        title=options.title,
        background=None if options.transparent else "#ffffff",
        edge_labels=options.edge_labels,
    )
    return replace(base, font_family=font_family) if font_family else base


def svg_text(view: GraphView, positions: Positions, options: ExportOptions) -> str:
    """The SVG file's text: the portable font-family list, for any viewer."""
    return render_svg(view, positions, svg_options(view, options))


def _qt_svg(view: GraphView, positions: Positions, options: ExportOptions) -> str:
    """The same drawing, naming the one installed CJK family (QtSvg takes a single name)."""
    from .qtdraw import qt_family

    try:
        family = qt_family()
    except FontError as exc:
        raise ExportError(str(exc)) from exc
    return render_svg(view, positions, svg_options(view, options, font_family=family))


def write_svg(
    view: GraphView, path: str | Path, positions: Positions, options: ExportOptions
) -> Path:
    return write_text(path, svg_text(view, positions, options))


def write_png(
    view: GraphView, path: str | Path, positions: Positions, options: ExportOptions
) -> Path:
    from .qtdraw import DrawError, png_bytes

    try:
        data = png_bytes(
            _qt_svg(view, positions, options),
            scale=options.scale,
            width=options.width,
            transparent=options.transparent,
        )
    except DrawError as exc:
        raise ExportError(str(exc)) from exc
    return write_bytes(path, data)


def write_pdf(
    view: GraphView, path: str | Path, positions: Positions, options: ExportOptions
) -> Path:
    """PDF drawn with a subset of the CJK font made for this file (see ``subset_font``)."""
    from .qtdraw import DrawError, pdf_bytes

    family = f"{EXPORT_FAMILY} {next(_serial)}"  # new name each time: Qt caches fonts by name
    svg = render_svg(view, positions, svg_options(view, options, font_family=family))
    title = options.title or view.title
    try:
        try:
            font = subset_font(svg, family)
        except FontError:  # no fontconfig font file: Qt's own CJK family, unsubset
            data = pdf_bytes(_qt_svg(view, positions, options), title=title)
        else:
            data = pdf_bytes(svg, title=title, font=font)
    except (DrawError, FontError) as exc:
        raise ExportError(str(exc)) from exc
    return write_bytes(path, data)
