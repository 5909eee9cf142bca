"""The view as one interactive HTML file that works with no network and no app.

It is the app's own page (the same pyvis template, vis-network inlined, data as
inert JSON) with its data inline and without Qt's channel script, which exists
only inside the app; the page's script runs without it.
"""

from __future__ import annotations

from pathlib import Path

from ..model import GraphView
from ..render.html_page import render_page
from .atomic import write_text
from .options import ExportOptions, Positions


def html_text(view: GraphView, positions: Positions, options: ExportOptions) -> str:
    return render_page(
        view,
        positions,
        lang=options.lang,
        edge_labels=options.edge_labels,
        title=options.title or view.title or "KG Explorer",
    )


def write_html(
    view: GraphView, path: str | Path, positions: Positions, options: ExportOptions
) -> Path:
    return write_text(path, html_text(view, positions, options))
