"""Search latency per keystroke on a large index (200k+ entities from the 1M-triple file).

Queries are drawn from the data itself (deterministically): Chinese and English
label prefixes, Chinese infixes (substring), pinyin prefixes, and labels with a
typo that only the fuzzy fallback can match. The lazy parts (pinyin keys, scan
strings) are built first by ``SearchIndex.warm()``, as the app does in a worker;
that one-off cost is reported separately.
"""

from __future__ import annotations

import random
import time

from .common import percentile, table
from .generate import ensure


def _queries(labels_zh: list[str], labels_en: list[str], n: int) -> dict[str, list[str]]:
    rng = random.Random(3)
    zh = rng.sample(labels_zh, n)
    en = rng.sample([t for t in labels_en if len(t) >= 10], n)

    def typo(text: str) -> str:
        i = rng.randrange(2, len(text) - 2)
        return text[:i] + text[i + 1 :]

    from explorer.labels import pinyin_keys

    return {
        "prefix (zh, 2 chars)": [t[:2] for t in zh],
        "prefix (en, 4 letters)": [t[:4] for t in en],
        "substring (zh infix)": [t[1:3] for t in zh],
        "pinyin prefix": [pinyin_keys(t[:2])[0] for t in zh],
        "fuzzy (en, one letter lost)": [typo(t) for t in en],
        "fuzzy (zh, one char lost)": [typo(t + "委员会") for t in zh[: n // 2]],
    }


def measure(triples: int, *, n: int = 200) -> tuple[int, list[list], list[list]]:
    from explorer.sources.store import open_store
    from explorer.sources.store_load import LABELS

    graph = open_store(ensure(triples))
    t0 = time.perf_counter()
    index = graph.search_index
    build = time.perf_counter() - t0
    texts = graph._scan.columns[LABELS].values
    zh = [t for t in texts if not t.isascii()]
    en = [t for t in texts if t.isascii()]
    t0 = time.perf_counter()
    index.warm()
    warm = time.perf_counter() - t0
    once = [
        ["index build (one pass over the scanned labels)", f"{build * 1000:.0f}"],
        ["SearchIndex.warm() (pinyin, scan strings, word index, fuzzy)", f"{warm * 1000:.0f}"],
    ]
    rows = []
    for kind, queries in _queries(zh, en, n).items():
        times, fuzzy = [], 0
        for q in queries:
            t = time.perf_counter()
            hits = index.search(q, limit=20)
            times.append((time.perf_counter() - t) * 1000)
            fuzzy += any(h.kind == "fuzzy" for h in hits)
        rows.append(
            [
                kind,
                len(times),
                f"{percentile(times, 0.5):.2f}",
                f"{percentile(times, 0.95):.2f}",
                f"{max(times):.2f}",
                f"{fuzzy}",
            ]
        )
    return len(graph), once, rows


def run(triples: int = 1_000_000) -> str:
    entities, once, rows = measure(triples)
    return (
        f"### Search per keystroke: {entities:,} entities ({triples:,}-triple file)\n\n"
        + table(["query kind", "queries", "p50 ms", "p95 ms", "max ms", "used fuzzy"], rows)
        + "\n\nOne-off costs (ms):\n\n"
        + table(["what", "ms"], once)
    )


if __name__ == "__main__":  # pragma: no cover
    print(run())
