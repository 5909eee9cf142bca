"""``kg-explorer export``: a view of the graph as an image, a page or data, with no display.

Positions come from the core's layout service, as in the app (by view, unless --layout). Exit 0
when the file is written, 2 on bad arguments or a failed write (plain message
on stderr; an existing file at the path is left untouched).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .. import views
from ..export import EXPORTERS, ExportOptions, export
from ..graph import KnowledgeGraph
from ..model import GraphView
from .common import NOTHING_FOUND, NotFound, UsageError, emit_json, handle_errors, load_kg, resolve

VIEW_HELP = "all | hierarchy | hierarchy:ROOT | neighbourhood:ENTITY | path:A,B (default: all)"


def register(subparsers, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "export",
        parents=[common],
        help="Write a view as PNG/SVG/PDF, interactive HTML, or RDF/GraphML/GEXF/CSV data.",
        description="Write a view of the graph to a file. For csv, --out names a folder "
        "that receives nodes.csv and edges.csv.",
    )
    p.add_argument("--format", required=True, choices=list(EXPORTERS), help="what to write")
    p.add_argument("--out", required=True, metavar="PATH", help="the file (a folder for csv)")
    p.add_argument("--view", default="all", metavar="VIEW", help=VIEW_HELP)
    p.add_argument(
        "--depth", type=int, metavar="N", help="hops for a neighbourhood, levels for a tree"
    )
    p.add_argument("--layout", choices=("force", "hierarchical"), help="default: by view")
    p.add_argument(
        "--scale", type=float, metavar="N", help=f"PNG: 1 to 4 (default {ExportOptions().scale:g})"
    )
    p.add_argument(
        "--width", type=int, metavar="PX", help="PNG: width in pixels instead of --scale"
    )
    p.add_argument("--transparent", action="store_true", help="PNG/SVG/PDF: no background")
    p.add_argument("--no-legend", action="store_true", help="images: leave out the legend")
    p.add_argument("--no-edge-labels", action="store_true", help="images: leave out relation names")
    p.add_argument("--title", help="images: a title above the graph (default: the view's)")
    p.set_defaults(run=handle_errors(run))


def run(args: argparse.Namespace) -> int:
    """Export one view; failures are raised for the CLI's one error handler."""
    if args.depth is not None and args.depth < 0:
        raise UsageError("--depth must be 0 or more")
    kg = load_kg(args)
    try:
        view = build_view(kg, args.view, args.depth)
    except NOTHING_FOUND as exc:  # nothing to write is a failed export: exit 2, not 1
        raise UsageError(str(exc.args[0])) from None
    options = ExportOptions(
        lang=args.lang,
        scale=ExportOptions().scale if args.scale is None else args.scale,
        width=args.width,
        transparent=args.transparent,
        legend=not args.no_legend,
        title=default_title(kg, view, args.lang) if args.title is None else args.title,
        edge_labels=not args.no_edge_labels,
        layout=args.layout or "auto",
    )
    written = export(view, Path(args.out), args.format, kg=kg, options=options)
    if args.json:
        emit_json({"format": args.format, "files": [str(p) for p in written]})
    else:
        for path in written:
            print(path)
    return 0


def build_view(kg: KnowledgeGraph, spec: str, depth: int | None) -> GraphView:
    """The view *spec* names (UsageError if malformed; NOTHING_FOUND for an unknown entity)."""
    kind, _, rest = spec.partition(":")
    kind = kind.strip().lower()
    if kind == "all" and not rest:
        return views.whole(kg)
    if kind in ("hierarchy", "tree"):
        root = resolve(kg, rest) if rest.strip() else None
        return views.hierarchy_view(kg, root, depth=depth)
    if kind in ("neighbourhood", "neighborhood") and rest.strip():
        return views.neighbourhood(kg, resolve(kg, rest), depth=1 if depth is None else depth)
    if kind == "path" and "," in rest:
        a, b = _two_entities(kg, rest)
        path = views.shortest_path(kg, a, b)
        if path is None:
            raise NotFound(f"no path between {kg.label(a)} and {kg.label(b)}")
        return views.path_view(kg, path)
    raise UsageError(f"unknown view {spec!r}: use {VIEW_HELP}")


def _two_entities(kg: KnowledgeGraph, text: str) -> tuple[str, str]:
    """Split ``A,B`` at the comma that leaves two known entities (labels may hold commas)."""
    cuts = [i for i, ch in enumerate(text) if ch == ","]
    for i in cuts:
        a, b = kg.resolve(text[:i]), kg.resolve(text[i + 1 :])
        if a and b:
            return a, b
    head, _, tail = text.partition(",")
    return resolve(kg, head), resolve(kg, tail)


def default_title(kg, view, lang: str) -> str:
    """The view's title in the label language asked for (views title themselves in zh)."""
    if not view.focus:
        return view.title
    if view.kind == "path":
        return f"{kg.label(view.focus[0], lang)} → {kg.label(view.focus[-1], lang)}"
    return kg.label(view.focus[0], lang)
