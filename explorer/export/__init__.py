"""Exports of a view behind one small registry: ``export(view, path, fmt)``.

Images (png, svg, pdf) and the interactive page (html) need node positions:
the app passes the ones on screen, the CLI a Python layout. Data formats write
the view's triples (ttl, jsonld, nt; they need the ``KnowledgeGraph``) or its
nodes and edges as tables (graphml, gexf, csv). Every file is written beside
its target and renamed into place, so a failure never harms an existing file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..model import GraphView
from .atomic import ExportError
from .options import MAX_SCALE, MIN_SCALE, ExportOptions, Positions

if TYPE_CHECKING:
    from ..graph import KnowledgeGraph

__all__ = ["EXTENSIONS", "FORMATS", "ExportError", "ExportOptions", "export"]

#: Format key -> what it is, for menus and help.
FORMATS: dict[str, str] = {
    "png": "PNG image",
    "svg": "SVG vector image",
    "pdf": "PDF document",
    "html": "Interactive HTML page",
    "ttl": "Turtle (RDF)",
    "jsonld": "JSON-LD (RDF)",
    "nt": "N-Triples (RDF)",
    "graphml": "GraphML (Cytoscape, Gephi, NetworkX)",
    "gexf": "GEXF (Gephi)",
    "csv": "CSV tables (nodes.csv, edges.csv)",
}
EXTENSIONS: dict[str, str] = {
    "png": ".png",
    "svg": ".svg",
    "pdf": ".pdf",
    "html": ".html",
    "ttl": ".ttl",
    "jsonld": ".jsonld",
    "nt": ".nt",
    "graphml": ".graphml",
    "gexf": ".gexf",
    "csv": "",  # a folder
}
IMAGE_FORMATS = frozenset({"png", "svg", "pdf"})
NEEDS_POSITIONS = IMAGE_FORMATS | {"html", "gexf"}


def export(
    view: GraphView,
    path: str | Path,
    fmt: str,
    *,
    kg: KnowledgeGraph | None = None,
    positions: Positions | None = None,
    options: ExportOptions | None = None,
) -> list[Path]:
    """Write *view* to *path* as *fmt*; the files written (ExportError on any failure)."""
    options = options or ExportOptions()
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    if not MIN_SCALE <= options.scale <= MAX_SCALE:
        raise ExportError(f"scale must be between {MIN_SCALE:g} and {MAX_SCALE:g}")
    if options.width is not None and options.width < 1:
        raise ExportError("width must be a positive number of pixels")
    if positions is None and fmt in NEEDS_POSITIONS:
        positions = _layout(view, options.layout)
    try:
        return _write(view, Path(path), fmt, kg, positions or {}, options)
    except ExportError:
        raise
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from exc


def _layout(view: GraphView, kind: str) -> Positions:
    from ..layout import layout

    try:
        return layout(view, kind)
    except ValueError as exc:
        raise ExportError(str(exc)) from exc


def _write(
    view: GraphView,
    path: Path,
    fmt: str,
    kg: KnowledgeGraph | None,
    positions: Positions,
    options: ExportOptions,
) -> list[Path]:
    if fmt in IMAGE_FORMATS:
        from . import images

        writer = {"png": images.write_png, "svg": images.write_svg, "pdf": images.write_pdf}[fmt]
        return [writer(view, path, positions, options)]
    if fmt == "html":
        from .html import write_html

        return [write_html(view, path, positions, options)]
    if fmt in ("ttl", "jsonld", "nt"):
        if kg is None:
            raise ExportError(f"{FORMATS[fmt]} needs the graph the view came from")
        from .rdf import write_view

        return [write_view(kg, view, path, fmt)]
    from . import tables

    if fmt == "graphml":
        return [tables.write_graphml(view, path, options.lang, positions or None)]
    if fmt == "gexf":
        return [tables.write_gexf(view, path, options.lang, positions)]
    return tables.write_csv(view, path, options.lang)
