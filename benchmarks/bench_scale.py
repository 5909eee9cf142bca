"""Open time and peak memory at 10k / 100k / 1M triples, each in its own process.

Side by side in one run: rdflib parsing the file, pyoxigraph merely parsing it,
pyoxigraph filling an in-memory store, and ``kg-explorer search`` end to end
(start-up, open, index, search, print) with the backend chosen by size and with
the store-backed one forced. The ratio column is the issue's yardstick: search
time over bare pyoxigraph parse time of the same file.
"""

from __future__ import annotations

import tempfile

from explorer.sources import large_threshold
from explorer.sources.cache import CACHE_VARIABLE as CACHE

from .common import PYTHON, SCRIPT, best_of, table
from .generate import ensure

QUERY = "兰州"

PARSE_RDFLIB = "import sys, rdflib; rdflib.Graph().parse(sys.argv[1], format='turtle')"
PARSE_OX = (
    "import sys, collections, pyoxigraph as ox; "
    "collections.deque(ox.parse(path=sys.argv[1], format=ox.RdfFormat.TURTLE), maxlen=0)"
)
APP_OPEN = (
    "import sys; from explorer.sources.opening import open_for_window; "
    "from explorer import views; g = open_for_window(sys.argv[1]); views.whole(g)"
)
LOAD_OX = (
    "import sys, pyoxigraph as ox; ox.Store().load(path=sys.argv[1], format=ox.RdfFormat.TURTLE)"
)


def measure(sizes: list[int], *, repeat: int = 3, rdflib_max: int = 1_000_000) -> list[list]:
    """One row per file and tool: seconds, peak MB, ratio to the bare parse."""
    rows: list[list] = []
    for size in sizes:
        path = ensure(size)
        mb = path.stat().st_size / 1e6
        parse_s, parse_mb = best_of([PYTHON, "-c", PARSE_OX, str(path)], repeat)
        results = [("pyoxigraph parse (bare)", parse_s, parse_mb)]
        if size <= rdflib_max:
            s, m = best_of(
                [PYTHON, "-c", PARSE_RDFLIB, str(path)], 1 if size >= 500_000 else repeat
            )
            results.append(("rdflib parse", s, m))
        s, m = best_of([PYTHON, "-c", LOAD_OX, str(path)], repeat)
        results.append(("pyoxigraph Store.load", s, m))
        search = [SCRIPT, "search", QUERY, "--data", str(path), "--limit", "20"]
        s, m = best_of(search, repeat)
        auto = "store" if path.stat().st_size > large_threshold() else "full projection"
        results.append((f"kg-explorer search (auto: {auto})", s, m))
        if auto != "store":
            s, m = best_of(search, repeat, env={"KG_EXPLORER_LARGE_BYTES": "0"})
            results.append(("kg-explorer search (store forced)", s, m))
        app_runs = 1 if size >= 500_000 else repeat
        with tempfile.TemporaryDirectory(prefix="kg-bench-scale-") as empty:
            s, m = best_of([PYTHON, "-c", APP_OPEN, str(path)], app_runs, {CACHE: empty})
        results.append(("app-ready open: open_for_window + whole view (no cache)", s, m))
        for name, s, m in results:
            rows.append(
                [_size(size), f"{mb:.1f} MB", name, f"{s:.2f}", f"{m:.0f}", f"{s / parse_s:.1f}×"]
            )
    return rows


def _size(n: int) -> str:
    return f"{n // 1_000_000}M" if n >= 1_000_000 else f"{n // 1000}k"


def run(sizes: list[int], *, repeat: int = 3) -> str:
    rows = measure(sizes, repeat=repeat)
    return (
        "### Opening a file: `kg-explorer search` end to end vs parsing alone\n\n"
        f"Median of {repeat} runs each (rdflib at 1M: one run); peak RSS of that process; "
        f"query `{QUERY}`.\n\n"
        + table(["triples", "file", "what", "seconds", "peak MB", "÷ bare parse"], rows)
    )


if __name__ == "__main__":  # pragma: no cover
    import sys

    sizes = [int(a) for a in sys.argv[1:]] or [10_000, 100_000, 1_000_000]
    print(run(sizes))
