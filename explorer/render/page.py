"""What the graph page draws: vis-network node and edge records, labels, options.

Every label, tooltip and IRI travels as JSON inside a ``<script
type="application/json">`` block (with ``<``, ``>`` and ``&`` escaped), is parsed
by ``bridge.js`` and reaches the screen only as canvas text or ``textContent``:
data is never markup. Positions come from Python (physics off), so the first
frame is the final layout. The HTML around them is ``html_page``'s (pyvis).
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

from ..categories import category
from ..model import Edge, GraphView, Lang, Node

#: Font list for labels: the CJK face first so Chinese never falls back to boxes.
FONT_FACE = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Noto Sans", sans-serif'
ASSETS = Path(__file__).with_name("assets")
#: Chinese characters per label line, and Latin characters per line.
CJK_WIDTH = 8
LATIN_WIDTH = 22
TIP_DESCRIPTION = 300

_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")
_JS_UNSAFE = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_JS_UNSAFE_RE = re.compile("[<>&\u2028\u2029]")


def script_json(value: object) -> str:
    """JSON that is inert inside a ``<script>`` element (no ``</script>`` can close it)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return _JS_UNSAFE_RE.sub(lambda m: _JS_UNSAFE[m.group(0)], text)


# --- labels -------------------------------------------------------------------
def _wrap_part(text: str) -> list[str]:
    if _CJK.search(text) and len(_CJK.findall(text)) * 2 >= len(text.replace(" ", "")):
        return _wrap_cjk(text)
    return _wrap_latin(text)


_CLOSING = set("”’」』）)》〉】、，。；：！？,.;:!?")


def _wrap_cjk(text: str) -> list[str]:
    """Lines of about ``CJK_WIDTH`` characters, balanced so no line is a lone character.

    Latin runs ("5.6万", "PCC") stay whole, and closing punctuation never starts a line.
    """
    tokens = re.findall(r"[A-Za-z0-9.%]+|.", text)
    costs = [1 if _CJK.match(t) else max(1, len(t) // 2) for t in tokens]
    total = sum(costs)
    target = math.ceil(total / math.ceil(total / CJK_WIDTH)) if total else CJK_WIDTH
    lines, line, width = [], "", 0
    for token, cost in zip(tokens, costs, strict=True):
        if width + cost > target and line.strip() and token not in _CLOSING:
            if token.isspace():  # a space that breaks the line ends it: joining keeps the text
                lines.append(line + token)
                line, width = "", 0
                continue
            lines.append(line)
            line, width = "", 0
        if line or not token.isspace():
            line += token
            width += cost
    if line.strip():
        lines.append(line)
    return lines


def _wrap_latin(text: str) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > LATIN_WIDTH:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return lines


def wrap_label(text: str, max_lines: int = 4) -> str:
    """A label broken into short lines: ~8 Chinese characters or ~22 Latin ones each.

    >>> wrap_label("兰州市七里河区西湖街道党工委")
    '兰州市七里河区\\n西湖街道党工委'
    """
    lines: list[str] = []
    for part in text.split(" / "):
        lines.extend(_wrap_part(part))
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], lines[max_lines - 1] + "…"]
    return "\n".join(lines)


def node_tip(node: Node, lang: Lang) -> str:
    """Plain-text tooltip: both labels, the type, the start of the description."""
    parts = [node.label("zh")]
    en = node.label("en")
    if en != parts[0]:
        parts.append(en)
    if node.type_label:
        parts.append(f"[{node.type_label}]")
    description = node.description(lang if lang != "both" else "zh")
    if description:
        if len(description) > TIP_DESCRIPTION:
            description = description[: TIP_DESCRIPTION - 1] + "…"
        parts.append(description)
    return "\n".join(parts)


# --- records ------------------------------------------------------------------
#: Edge label size on screen, and the zoom from which every edge shows its label
#: (below it only the edges of the hovered or selected node do; see bridge.js).
EDGE_FONT_SIZE = 12
EDGE_LABEL_ZOOM = 0.8
#: The least zoom at which an org chart opens: 14 px labels drawn at 10.5 px.
READABLE_ZOOM = 0.75


def folded_marker(count: int) -> str:
    """The line under a folded unit's label: how many units a double-click unfolds."""
    return f"▸ +{count}"


def node_record(
    node: Node, pos: tuple[float, float], lang: Lang, *, focus: bool = False, folded: int = 0
) -> dict:
    """The vis-network node for *node*; ``tip`` is plain text, turned into a DOM tooltip in JS.

    *folded*: the children a folded org-chart unit hides, shown as "▸ +N" under its label.
    """
    cat = category(node.category)
    inside = cat.shape in ("box", "ellipse", "circle", "database", "text")
    label = wrap_label(node.label(lang))
    record = {
        "id": node.id,
        "label": f"{label}\n{folded_marker(folded)}" if folded else label,
        "tip": node_tip(node, lang),
        "group": cat.key,
        "shape": cat.shape,
        "x": round(pos[0], 1),
        "y": round(pos[1], 1),
        "color": {
            "background": cat.colour,
            "border": cat.border,
            # Selected: a yellow dot, or (label inside, white text) the box keeps its colour.
            "highlight": {
                "background": cat.colour if inside else "#ffe066",
                "border": "#d35400",
            },
            "hover": {"background": cat.colour, "border": "#222222"},
        },
        "font": {"color": "#ffffff" if inside else "#222222"},
        "borderWidth": 4 if focus else 1.5,
    }
    if not inside:
        record["size"] = 16 if focus else 12
    if folded:
        record["folded"] = folded
    return record


def edge_record(edge: Edge, lang: Lang, *, highlight: bool = False) -> dict:
    label = edge.label(lang)
    record = {
        "id": edge.id,
        "from": edge.source,
        "to": edge.target,
        "label": label,
        "tip": label + (f"\n“{edge.evidence[0].quote}”" if edge.evidence else ""),
        "arrows": "to",
    }
    if highlight:
        record["color"] = {"color": "#d35400", "highlight": "#d35400"}
        record["width"] = 3
    return record


def circle_positions(ids: list[str], radius: float = 300.0) -> dict[str, tuple[float, float]]:
    """A fallback layout: ids on a circle (used for nodes a layout did not place)."""
    n = max(len(ids), 1)
    return {
        nid: (radius * math.cos(2 * math.pi * i / n), radius * math.sin(2 * math.pi * i / n))
        for i, nid in enumerate(ids)
    }


def page_data(
    view: GraphView,
    positions: dict[str, tuple[float, float]],
    lang: Lang,
    *,
    nodes: tuple[Node, ...] | None = None,
) -> dict:
    """Nodes and edges as vis-network records; *nodes* limits them to a subset (expansion)."""
    chosen = view.nodes if nodes is None else nodes
    chosen_ids = {n.id for n in chosen}
    missing = [n.id for n in chosen if n.id not in positions]
    spare = circle_positions(missing, radius=300.0 + 40 * len(missing) ** 0.5) if missing else {}
    focus = set(view.focus)
    folded = dict(view.folded)
    path_edges = view.kind == "path"
    edges = [
        edge_record(e, lang, highlight=path_edges)
        for e in view.edges
        if nodes is None or e.source in chosen_ids or e.target in chosen_ids
    ]
    if view.kind == "hierarchy":
        from ..layout import chart_links

        runs = chart_links(view)
        for record in edges:
            record["smooth"] = chart_curve(runs[record["id"]] == "side")
            # An org chart's links all say "part of": written on each, they pile up
            # against the unit names (as along a list's spine); the tooltip keeps it.
            record["label"] = ""
    return {
        "nodes": [
            node_record(
                n,
                positions.get(n.id) or spare[n.id],
                lang,
                focus=n.id in focus,
                folded=folded.get(n.id, 0),
            )
            for n in chosen
        ],
        "edges": edges,
    }


def chart_curve(listed: bool) -> dict:
    """An org chart's link: down from the parent into the child's top, or, to a unit of a
    list hanging beside its parent, sideways along the list's spine (see ``layout._stack``)."""
    direction = "horizontal" if listed else "vertical"
    return {"enabled": True, "type": "cubicBezier", "forceDirection": direction, "roundness": 0.5}


def options(*, edge_labels: bool = True) -> dict:
    """vis-network options as a dict (pyvis's ``set_options`` strips the spaces of font names)."""
    return {
        "autoResize": True,
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "interaction": {
            "hover": True,
            "tooltipDelay": 250,
            "navigationButtons": False,
            "keyboard": {"enabled": False},
            "multiselect": False,
        },
        "nodes": {
            "font": {"face": FONT_FACE, "size": 14, "multi": False},
            "borderWidthSelected": 4,
            "shapeProperties": {"interpolation": False},
            "margin": 8,
        },
        # Edge labels read level on a white halo and pad, at the middle of the edge, well
        # before the (small) arrowhead. bridge.js shows them from EDGE_LABEL_ZOOM on, and
        # below it only around the hovered or selected node: an overview stays legible.
        "edges": {
            "font": {
                "face": FONT_FACE,
                "size": EDGE_FONT_SIZE if edge_labels else 0,
                "color": "#333333",
                "strokeWidth": 4,
                "strokeColor": "#ffffff",
                "background": "rgba(255,255,255,0.85)",
                "align": "horizontal",
            },
            "color": {"color": "#9aa5b1", "highlight": "#d35400", "hover": "#555555"},
            "smooth": {"enabled": True, "type": "continuous", "roundness": 0.2},
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "arrowStrikethrough": False,
            "selectionWidth": 2,
            "scaling": {"label": {"enabled": False, "drawThreshold": 3}},
        },
        "kg": {
            "edgeLabels": edge_labels,
            "edgeFont": EDGE_FONT_SIZE,
            "labelZoom": EDGE_LABEL_ZOOM,
            "readableZoom": READABLE_ZOOM,
        },
    }
