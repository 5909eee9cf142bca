"""The bundled article graph: open time, peak memory and search latency per keystroke.

python -m benchmarks.bench_article
"""

from __future__ import annotations

import sys
import time

from .common import best_of, percentile, table

#: What a user types, one keystroke at a time (each prefix is one query).
_IMPORT = "from explorer.graph import KnowledgeGraph as K"
TYPED = ("五共五联", "wugongwulian", "part-time member", "兰州市委", "jiandang", "契约化共建")


def _keystroke_latencies(repeat: int = 20) -> list[list[object]]:
    from explorer.graph import KnowledgeGraph

    index = KnowledgeGraph.article().search_index
    index.warm()
    rows = []
    for text in TYPED:
        times = []
        for _ in range(repeat):
            for end in range(1, len(text) + 1):
                t = time.perf_counter()
                index.search(text[:end], limit=20)
                times.append((time.perf_counter() - t) * 1000)
        rows.append(
            [text, len(text), f"{percentile(times, 0.5):.2f}", f"{percentile(times, 0.95):.2f}"]
        )
    return rows


def run(repeat: int = 3) -> str:
    """The report as Markdown."""
    opening = []
    for what, code in (
        ("parse + entity projection", f"{_IMPORT}; K.article()"),
        (
            "… + search index and hierarchy",
            f"{_IMPORT}; k = K.article(); k.search_index.warm(); k.hierarchy.roots()",
        ),
    ):
        wall, peak = best_of([sys.executable, "-c", code], repeat)
        opening.append([what, f"{wall:.2f}", f"{peak:.0f}"])
    parts = [
        "### The article graph (213 entities, 5,846 triples)",
        "Opening, in a fresh process (Python start-up and imports included):",
        table(["what", "seconds", "peak MB"], opening),
        "Search per keystroke (every prefix of the text, 20 rounds), after `warm()`:",
        table(["typed", "keystrokes", "p50 ms", "p95 ms"], _keystroke_latencies()),
    ]
    return "\n\n".join(parts)


if __name__ == "__main__":
    print(run())
