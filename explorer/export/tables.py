"""A view as network files for Gephi, Cytoscape and NetworkX, and as spreadsheets.

GraphML and GEXF carry labels (both languages), category, types and predicates
as attributes, every value a string (GraphML readers reject tuples and None).
GEXF also carries the on-screen colour, size and position (its ``viz``
extension), so Gephi opens it looking like the app. CSV is two files,
``nodes.csv`` and ``edges.csv``, UTF-8 with a byte-order mark so Excel shows
Chinese correctly.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import networkx as nx

from ..categories import category
from ..model import GraphView, Lang
from .atomic import ExportError, write_set, write_with

Positions = dict[str, tuple[float, float]]

NODE_COLUMNS = ("id", "label", "label_zh", "label_en", "category", "type", "types", "description")
EDGE_COLUMNS = (
    "source",
    "target",
    "predicate",
    "label",
    "label_zh",
    "label_en",
    "source_label",
    "target_label",
    "evidence",
)


def node_rows(view: GraphView, lang: Lang) -> list[dict[str, str]]:
    return [
        {
            "id": n.id,
            "label": n.label(lang),
            "label_zh": n.label("zh"),
            "label_en": n.label("en"),
            "category": n.category,
            "type": n.type_label,
            "types": " ".join(n.types),
            "description": n.description(lang if lang != "both" else "zh"),
        }
        for n in view.nodes
    ]


def edge_rows(view: GraphView, lang: Lang) -> list[dict[str, str]]:
    names = {n.id: n.label(lang) for n in view.nodes}
    return [
        {
            "source": e.source,
            "target": e.target,
            "predicate": e.predicate,
            "label": e.label(lang),
            "label_zh": e.label("zh"),
            "label_en": e.label("en"),
            "source_label": names.get(e.source, ""),
            "target_label": names.get(e.target, ""),
            "evidence": " | ".join(ev.quote for ev in e.evidence),
        }
        for e in view.edges
    ]


def to_networkx(view: GraphView, lang: Lang, positions: Positions | None = None) -> nx.MultiDiGraph:
    """The view as a MultiDiGraph with string attributes only (what GraphML/GEXF can hold)."""
    graph = nx.MultiDiGraph(name=view.title or "KG Explorer")
    for row, node in zip(node_rows(view, lang), view.nodes, strict=True):
        attrs = {k: _text(v) for k, v in row.items() if k != "id"}
        graph.add_node(node.id, **attrs)
        if positions is not None and node.id in positions:
            x, y = positions[node.id]
            graph.nodes[node.id]["x"], graph.nodes[node.id]["y"] = float(x), float(-y)
    ids = set(graph.nodes)
    for row in edge_rows(view, lang):
        if row["source"] in ids and row["target"] in ids:
            attrs = {k: _text(v) for k, v in row.items() if k not in ("source", "target")}
            graph.add_edge(row["source"], row["target"], key=row["predicate"], **attrs)
    return graph


def _text(value: object) -> str:
    """A string for any attribute value (None -> "", sequences joined)."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple, set, frozenset)):
        return " ".join(_text(v) for v in value)
    return str(value)


def write_graphml(
    view: GraphView, path: str | Path, lang: Lang, positions: Positions | None = None
) -> Path:
    graph = to_networkx(view, lang, positions)
    return write_with(path, lambda handle: nx.write_graphml(graph, handle, encoding="utf-8"))


def write_gexf(
    view: GraphView, path: str | Path, lang: Lang, positions: Positions | None = None
) -> Path:
    graph = to_networkx(view, lang, positions)
    for node_id, data in graph.nodes(data=True):
        cat = category(data.get("category", "other"))
        viz: dict = {"color": _rgb(cat.colour), "size": 16.0 if node_id in view.focus else 12.0}
        if "x" in data:
            viz["position"] = {"x": data.pop("x"), "y": data.pop("y"), "z": 0.0}
        data["viz"] = viz
    return write_with(path, lambda handle: nx.write_gexf(graph, handle, encoding="utf-8"))


def _rgb(colour: str) -> dict[str, int | float]:
    value = colour.lstrip("#")
    return {"r": int(value[0:2], 16), "g": int(value[2:4], 16), "b": int(value[4:6], 16), "a": 1.0}


def csv_bytes(rows: list[dict[str, str]], columns: tuple[str, ...]) -> bytes:
    """CSV with a header, CRLF line ends and a BOM: what Excel opens as UTF-8."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def write_csv(view: GraphView, folder: str | Path, lang: Lang) -> list[Path]:
    """``nodes.csv`` and ``edges.csv`` in *folder* (created if only it is missing), both
    replaced or neither: an old ``edges.csv`` never sits beside a new ``nodes.csv``."""
    target = Path(folder)
    if target.exists() and not target.is_dir():
        raise ExportError(f"cannot write CSV to {target}: it is a file; name a folder")
    if not target.exists():
        if not target.parent.is_dir():
            raise ExportError(f"cannot write {target}: the folder {target.parent} does not exist")
        try:
            target.mkdir()
        except OSError as exc:
            raise ExportError(f"cannot create {target}: {exc.strerror or exc}") from exc
    return write_set(
        {
            target / "nodes.csv": csv_bytes(node_rows(view, lang), NODE_COLUMNS),
            target / "edges.csv": csv_bytes(edge_rows(view, lang), EDGE_COLUMNS),
        }
    )
