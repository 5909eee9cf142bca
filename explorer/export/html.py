"""The view as one interactive HTML file that works with no network and no app.

It is the app's own page (vis-network inlined, data as inert JSON) minus the
reference to Qt's channel script, which exists only inside the app; the page's
script already runs without it.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from ..model import GraphView
from ..render.page import build_page
from .atomic import ExportError, write_text
from .options import ExportOptions, Positions

_EXTERNAL_SCRIPT = re.compile(r"<script\s+src=\"[^\"]*\"\s*>\s*</script>\s*", re.I)
_REMOTE = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", re.I)
_DATA_BLOCK = re.compile(r'<script type="application/json"[^>]*>.*?</script>', re.S)


def html_text(view: GraphView, positions: Positions, options: ExportOptions) -> str:
    page = build_page(view, positions, lang=options.lang, edge_labels=options.edge_labels)
    page = _EXTERNAL_SCRIPT.sub("", page)
    title = options.title or view.title or "KG Explorer"
    page = page.replace("<title>KG Explorer</title>", f"<title>{escape(title)}</title>", 1)
    markup = _DATA_BLOCK.sub("", page)  # labels may quote URLs; only the markup matters
    if _REMOTE.search(markup) or "<script src" in markup:
        raise ExportError("the interactive page still refers to an outside file")
    return page


def write_html(
    view: GraphView, path: str | Path, positions: Positions, options: ExportOptions
) -> Path:
    return write_text(path, html_text(view, positions, options))
