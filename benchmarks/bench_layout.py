"""The layout service: the article's views, a 5,000-node graph, and the opening view.

Each row is ``explorer.layout.positions`` as the app and every export call it,
overlap removal included (goal: ≤ 1 s at 5,000 nodes), and the count of node
boxes left overlapping (always 0).
"""

from __future__ import annotations

import random
import time

from .common import table

SIZE = 5_000


def synthetic_view(n: int = SIZE, *, seed: int = 7):
    """A connected graph of *n* entities with Chinese labels of 3-12 characters."""
    from explorer.model import Edge, GraphView, Node

    rng = random.Random(seed)
    chars = "兰州城关七里河安宁西固红古永登皋兰榆中新区东西南北中华民和平建设人民幸福光明团结"
    nodes = tuple(
        Node(
            f"n{i}",
            (("zh", "".join(rng.choice(chars) for _ in range(rng.randint(3, 12)))),),
            f"n{i}",
            category=rng.choice(("organization", "mechanism", "initiative", "other")),
        )
        for i in range(n)
    )
    edges = [Edge(f"n{i}", f"n{rng.randrange(i)}", "https://example.org/p") for i in range(1, n)]
    edges += [
        Edge(f"n{rng.randrange(n)}", f"n{rng.randrange(n)}", "https://example.org/q")
        for _ in range(n // 2)
    ]
    return GraphView(nodes=nodes, edges=tuple(dict.fromkeys(edges)), kind="all")


def _timed(view, repeat: int) -> tuple[float, int]:
    from explorer import layout

    best, pos = float("inf"), {}
    for _ in range(repeat):
        t = time.perf_counter()
        pos = layout.positions(view, "auto", "zh")
        best = min(best, time.perf_counter() - t)
    return best, layout.overlapping_pairs(pos, layout.node_boxes(view, "zh"))


def run(repeat: int = 3) -> str:
    from explorer import layout, views
    from explorer.graph import KnowledgeGraph
    from explorer.state import ExplorerState

    kg = KnowledgeGraph.article()
    layout.positions(views.whole(kg, cap=5), "auto", "zh")  # font metrics, igraph import
    cases = [
        ("article: whole graph (force)", views.whole(kg)),
        ("article: org chart", views.hierarchy_view(kg)),
        (
            "article: neighbourhood of 兰州市委 (rings)",
            views.neighbourhood(kg, kg.resolve("兰州市委")),
        ),
        (f"generated: {SIZE:,} nodes (force)", synthetic_view()),
    ]
    rows = []
    for name, view in cases:
        seconds, overlapping = _timed(view, repeat if len(view.nodes) < 1000 else 1)
        rows.append([name, len(view.nodes), f"{seconds * 1000:.1f}", overlapping])
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        state = ExplorerState(kg)
        layout.positions(state.view, "auto", state.lang)
        best = min(best, time.perf_counter() - t)
    rows.append(
        [
            f"article: opening view ({state.view.kind}), view + layout",
            len(state.view.nodes),
            f"{best * 1000:.1f}",
            "–",
        ]
    )
    return "### Layout (explorer.layout.positions, overlap removal included)\n\n" + table(
        ["view", "nodes", "ms (best)", "overlapping boxes"], rows
    )


if __name__ == "__main__":  # pragma: no cover
    print(run())
