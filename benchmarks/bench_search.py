"""Search latency per keystroke on a large index (200k+ entities from the 1M-triple file).

Queries are drawn from the data itself (deterministically): Chinese and English
label prefixes, Chinese infixes (substring), pinyin prefixes, and labels with a
typo that only the fuzzy fallback can match. The lazy parts (pinyin keys, scan
strings) are built first by ``SearchIndex.warm()``, as the app does in a worker;
that one-off cost is reported separately, with the longest time a thread beside
the build waited for the GIL (a stand-in for the GUI thread), the index's size
and how long its pickled form (the on-disk cache) takes to load. Last, keystrokes on a
label shared by a crowd of 200k entities (a generated file's), exact and fuzzy.
"""

from __future__ import annotations

import gc
import pickle
import random
import sys
import threading
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


class Ticker:
    """A plain thread ticking every 5 ms, keeping the longest gap between two ticks: it
    needs the GIL to tick, as the GUI thread does to paint or answer a click."""

    def __init__(self) -> None:
        self.longest = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._tick, daemon=True)

    def _tick(self) -> None:
        last = time.perf_counter()
        while not self._stop.wait(0.005):
            now = time.perf_counter()
            self.longest, last = max(self.longest, now - last), now

    def __enter__(self) -> Ticker:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _timed(what) -> tuple[object, float, float]:
    """What *what()* returns, its seconds, and the longest gap of a ticker beside it."""
    with Ticker() as ticker:
        t0 = time.perf_counter()
        out = what()
        took = time.perf_counter() - t0
    return out, took, ticker.longest


def _size_mb(index) -> float:
    """The key tables' own bytes (strings and arrays), all parts built."""
    total = 0
    for keys in (index._labels, index._aliases, *(getattr(index, p) for p in index._LAZY)):
        for part in (t for stripe in (*keys.narrow, *keys.wide) for t in stripe.tables):
            arrays = (part.starts, part.groups, part.owners, part.marks)
            total += sys.getsizeof(part.text) + sum(map(sys.getsizeof, arrays))
    return total / 2**20


def measure(triples: int, *, n: int = 200) -> tuple[int, list[list], list[list]]:
    from explorer.search import SearchIndex
    from explorer.sources.store import open_store
    from explorer.sources.store_load import LABELS

    graph = open_store(ensure(triples), preload=False)
    t0 = time.perf_counter()
    index = graph.search_index
    build = time.perf_counter() - t0
    show = {"display": index._display}
    _again, alone, alone_pause = _timed(lambda: SearchIndex.from_columns(index._cols, **show))
    texts = graph._scan.columns[LABELS].values
    zh = [t for t in texts if not t.isascii()]
    en = [t for t in texts if t.isascii()]
    _none, warm, warm_pause = _timed(index.warm)
    scan = pickle.dumps(graph._scan, protocol=pickle.HIGHEST_PROTOCOL)
    both = pickle.dumps((graph._scan, index), protocol=pickle.HIGHEST_PROTOCOL)
    loads = {}
    for name, data in (("scan", scan), ("both", both)):
        gc.disable()  # as the cache loads it
        t0 = time.perf_counter()
        pickle.loads(data)
        loads[name] = time.perf_counter() - t0
        gc.enable()
    once = [
        ["index build (one pass over the scanned labels)", f"{build * 1000:.0f}", ""],
        [
            "of which SearchIndex.from_columns (sorted chunks, searchable)",
            f"{alone * 1000:.0f}",
            f"{alone_pause * 1000:.0f}",
        ],
        [
            "SearchIndex.warm() (merge, descriptions, pinyin, word index, fuzzy)",
            f"{warm * 1000:.0f}",
            f"{warm_pause * 1000:.0f}",
        ],
        [
            f"pickled index (warm, beside the scan): {(len(both) - len(scan)) / 2**20:.0f} MB, "
            f"load (ms); its tables in memory: {_size_mb(index):.0f} MB",
            f"{(loads['both'] - loads['scan']) * 1000:.0f}",
            "",
        ],
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


def crowd(n: int = 200_000, repeat: int = 15) -> list[list]:
    """Keystrokes on a key owned by a crowd: *n* entities sharing one label, added in no
    order (a generated file), one in 3 a person, one in 1,000 a mechanism. An answer
    should cost what was asked for (20 hits), not a walk over the crowd."""
    from explorer.search import Columns, SearchIndex

    rows = list(range(n))
    random.Random(1).shuffle(rows)
    cats = [
        ("organization", "person", "place")[i % 3] if i % 1000 else "mechanism" for i in range(n)
    ]
    columns = Columns(
        [f"urn:e{i}" for i in range(n)], cats, (["Party Committee"] * n, rows), ([], []), ([], [])
    )
    index = SearchIndex.from_columns(columns, display=str)
    index.warm()
    out = []
    for what, query, wanted in (
        ("exact, no filter", "party committee", None),
        ("exact, type filter (1 in 3)", "party committee", {"person"}),
        ("exact, type filter (1 in 1,000)", "party committee", {"mechanism"}),
        ("prefix ('party'), type filter (1 in 1,000)", "party", {"mechanism"}),
        ("words ('comm party'), no filter", "comm party", None),
        ("fuzzy (one letter lost), no filter", "partycommitee", None),
        ("fuzzy, type filter (1 in 1,000)", "partycommitee", {"mechanism"}),
    ):
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            hits = index.search(query, categories=wanted, limit=20)
            times.append((time.perf_counter() - t) * 1000)
        out.append([what, len(hits), f"{percentile(times, 0.5):.2f}", f"{max(times):.2f}"])
    return out


def run(triples: int = 1_000_000) -> str:
    entities, once, rows = measure(triples)
    return (
        f"### Search per keystroke: {entities:,} entities ({triples:,}-triple file)\n\n"
        + table(["query kind", "queries", "p50 ms", "p95 ms", "max ms", "used fuzzy"], rows)
        + "\n\nOne-off costs (ms), and the longest gap between the ticks of a thread"
        + " ticking every 5 ms beside them (the GUI thread's wait for the GIL):\n\n"
        + table(["what", "ms", "longest tick gap ms"], once)
        + "\n\nA crowd: 200,000 entities sharing one label, added in no order (20 hits"
        + " asked for):\n\n"
        + table(["query", "hits", "p50 ms", "max ms"], crowd())
    )


if __name__ == "__main__":  # pragma: no cover
    print(run())
