"""Exports of a view behind one registry: ``EXPORTERS`` and ``export(view, path, fmt)``.

``EXPORTERS`` is the one table of formats: what each is called, its extension,
its writer, which ``ExportOptions`` it reads, and whether it needs node
positions or the graph. The CLI's ``export`` command, the app's File › Export
menu and its options dialog, and the tests all read this table; a new format
is one row here.

Images (png, svg, pdf) and the interactive page (html) need node positions:
the app passes the ones on screen, the CLI a Python layout. PNG and PDF are the
SVG writer's drawing rendered by Qt (``qtdraw``), in the app as on the command
line. Data formats write the view's triples (ttl, jsonld, nt; they need the
``KnowledgeGraph``) or its nodes and edges as tables (graphml, gexf, csv).
Every file is written beside its target and renamed into place, so a failure
never harms an existing file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import GraphView
from .atomic import ExportError
from .options import MAX_SCALE, MIN_SCALE, ExportOptions, Positions

if TYPE_CHECKING:
    from ..graph import KnowledgeGraph

__all__ = ["EXPORTERS", "ExportError", "ExportJob", "ExportOptions", "Exporter", "export"]


@dataclass(frozen=True, slots=True)
class ExportJob:
    """What a writer gets: the view, where to write, and what it may need."""

    view: GraphView
    path: Path
    kg: KnowledgeGraph | None
    positions: Positions
    options: ExportOptions


#: ``ExportOptions`` fields an image export can be asked for (besides ``lang``).
IMAGE_OPTIONS = ("scale", "width", "transparent", "legend", "edge_labels", "title")


@dataclass(frozen=True, slots=True)
class Exporter:
    """One format: a row of the table."""

    key: str  # what --format and the menu call it
    name: str  # what it is, in English (the app translates it)
    extension: str  # with the dot; "" when it writes a folder
    write: Callable[[ExportJob], list[Path]]
    options: tuple[str, ...] = ()  # ExportOptions fields it reads besides lang
    kind: str = "data"  # image | page | data: how menus group formats
    needs_positions: bool = False
    needs_graph: bool = False

    @property
    def multi_file(self) -> bool:
        """Writes several files into a folder (the path names the folder)."""
        return not self.extension


# --- the writers: small adapters, each importing its module only when used -----------------
def _image(fmt: str) -> Callable[[ExportJob], list[Path]]:
    def write(job: ExportJob) -> list[Path]:
        from . import images

        writer = {"png": images.write_png, "svg": images.write_svg, "pdf": images.write_pdf}[fmt]
        return [writer(job.view, job.path, job.positions, job.options)]

    return write


def _html(job: ExportJob) -> list[Path]:
    from .html import write_html

    return [write_html(job.view, job.path, job.positions, job.options)]


def _rdf(fmt: str) -> Callable[[ExportJob], list[Path]]:
    def write(job: ExportJob) -> list[Path]:
        from .rdf import write_view

        assert job.kg is not None  # export() checks needs_graph
        return [write_view(job.kg, job.view, job.path, fmt)]

    return write


def _graphml(job: ExportJob) -> list[Path]:
    from .tables import write_graphml

    return [write_graphml(job.view, job.path, job.options.lang, job.positions or None)]


def _gexf(job: ExportJob) -> list[Path]:
    from .tables import write_gexf

    return [write_gexf(job.view, job.path, job.options.lang, job.positions)]


def _csv(job: ExportJob) -> list[Path]:
    from .tables import write_csv

    return write_csv(job.view, job.path, job.options.lang)


_IMAGE = {"kind": "image", "needs_positions": True}
EXPORTERS: dict[str, Exporter] = {
    e.key: e
    for e in (
        Exporter("png", "PNG image", ".png", _image("png"), IMAGE_OPTIONS, **_IMAGE),
        Exporter("svg", "SVG vector image", ".svg", _image("svg"), IMAGE_OPTIONS[2:], **_IMAGE),
        Exporter("pdf", "PDF document", ".pdf", _image("pdf"), IMAGE_OPTIONS[2:], **_IMAGE),
        Exporter(
            "html",
            "Interactive HTML page",
            ".html",
            _html,
            ("edge_labels", "title"),
            kind="page",
            needs_positions=True,
        ),
        Exporter("ttl", "Turtle (RDF)", ".ttl", _rdf("ttl"), needs_graph=True),
        Exporter("jsonld", "JSON-LD (RDF)", ".jsonld", _rdf("jsonld"), needs_graph=True),
        Exporter("nt", "N-Triples (RDF)", ".nt", _rdf("nt"), needs_graph=True),
        Exporter("graphml", "GraphML (Cytoscape, Gephi, NetworkX)", ".graphml", _graphml),
        Exporter("gexf", "GEXF (Gephi)", ".gexf", _gexf, needs_positions=True),
        Exporter("csv", "CSV tables (nodes.csv, edges.csv)", "", _csv),
    )
}


def export(
    view: GraphView,
    path: str | Path,
    fmt: str,
    *,
    kg: KnowledgeGraph | None = None,
    positions: Positions | None = None,
    options: ExportOptions | None = None,
) -> list[Path]:
    """Write *view* to *path* as *fmt*; the files written (ExportError on any failure).

    ``options.highlight``, when given, names the entities drawn emphasised (the app
    passes what it highlights on screen); otherwise the view's own focus is.
    """
    options = options or ExportOptions()
    exporter = EXPORTERS.get(fmt)
    if exporter is None:
        raise ExportError(f"unknown format {fmt!r}: use one of {', '.join(EXPORTERS)}")
    if not MIN_SCALE <= options.scale <= MAX_SCALE:
        raise ExportError(f"scale must be between {MIN_SCALE:g} and {MAX_SCALE:g}")
    if options.width is not None and options.width < 1:
        raise ExportError("width must be a positive number of pixels")
    if exporter.needs_graph and kg is None:
        raise ExportError(f"{exporter.name} needs the graph the view came from")
    if options.highlight is not None:
        view = replace(view, focus=tuple(options.highlight))
    if positions is None and exporter.needs_positions:
        positions = _layout(view, options.layout, options.lang)
    try:
        return exporter.write(ExportJob(view, Path(path), kg, positions or {}, options))
    except ExportError:
        raise
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from exc


def _layout(view: GraphView, kind: str, lang) -> Positions:
    from ..layout import positions

    try:
        return positions(view, kind, lang)
    except ValueError as exc:
        raise ExportError(str(exc)) from exc
