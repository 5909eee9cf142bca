"""The app's open path on large files: first open, reopen from the cache, whole view.

Each figure comes from a fresh process (its own peak RSS), side by side with the
bare pyoxigraph parse of the same file, which is the yardstick (issue 16):

* **first open**: ``open_for_window`` with an empty cache (what the loading worker
  does before the first window: scan, search index, degree ranking, roots);
* **background part**: ``finish_in_background`` (pinyin/word/fuzzy indexes, and
  writing the cache entry);
* **reopen**: ``open_for_window`` again, the entry now present;
* **whole view**: ``views.whole`` (500 most connected entities) right after either;
* **app reopen**: ``kg-explorer FILE --screenshot`` end to end with the entry present
  (Python and Qt start-up, WebEngine page, drawing included).

    python -m benchmarks.bench_open [100000 1000000 ...]
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

from .common import PYTHON, SCRIPT, best_of, table
from .generate import ensure

PARSE_OX = (
    "import sys, collections, pyoxigraph as ox; "
    "collections.deque(ox.parse(path=sys.argv[1], format=ox.RdfFormat.TURTLE), maxlen=0)"
)
#: The in-memory store alone (what relations, evidence and the tree roots wait for).
STORE_OX = (
    "import sys, pyoxigraph as ox; "
    "ox.Store().load(path=sys.argv[1], format=ox.RdfFormat.TURTLE, lenient=True)"
)
CHILD = """
import json, resource, sys, time
t = time.perf_counter()
from explorer import views
from explorer.sources.opening import finish_in_background, open_for_window
marks = []
g = open_for_window(sys.argv[1], progress=lambda f, what: marks.append((what, time.perf_counter())))
opened = time.perf_counter() - t
stages = [(what, end - start) for (what, start), (_w, end) in zip(marks, marks[1:])]
peak_open = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
t = time.perf_counter()
v = views.whole(g)
whole = time.perf_counter() - t
finish = None
if sys.argv[2] == "finish":
    t = time.perf_counter()
    finish_in_background(g)
    finish = time.perf_counter() - t
print(json.dumps({"open": opened, "peak_open": peak_open, "whole": whole, "finish": finish,
                  "cached": g.from_cache, "nodes": len(v.nodes), "stages": stages}))
"""


#: open_for_window's progress phrases -> what the step until the next one does.
STAGES = {
    "reading": "scan (every triple into arrays; no store)",
    "indexing": "search index",
    "finding the tree roots": "tree roots (their children counted when shown)",
    "ranking": "opening view (from the scan's tables)",
}


def _child(args: list[str], env: dict[str, str]) -> tuple[dict, float, float]:
    """The child's JSON answer, its wall seconds and its peak RSS in MB."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env={**os.environ, **env}
    )
    out = proc.stdout.read() if proc.stdout else b""
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{args[:3]} failed")
    lines = out.decode().strip().splitlines()
    return (json.loads(lines[-1]) if lines else {}), wall, usage.ru_maxrss / 1024


def _app_env(cache: str, home: str) -> dict[str, str]:
    return {
        "KG_EXPLORER_CACHE_DIR": cache,
        "QT_QPA_PLATFORM": "offscreen",
        "QTWEBENGINE_CHROMIUM_FLAGS": "--no-sandbox",
        "XDG_CONFIG_HOME": home,
        "XDG_CACHE_HOME": home,
    }


def measure(sizes: list[int], *, repeat: int = 2, app: bool = True) -> list[list]:
    rows: list[list] = []
    for size in sizes:
        path = str(ensure(size))
        parse_s, parse_mb = best_of([PYTHON, "-c", PARSE_OX, path], repeat)
        label = f"{size // 1_000_000}M" if size >= 1_000_000 else f"{size // 1000}k"

        def row(what, seconds, mb, note="", label=label, parse_s=parse_s) -> None:
            mb = mb if isinstance(mb, str) else f"{mb:.0f}"
            ratio = f"{seconds / parse_s:.1f}×"
            rows.append([label, what, f"{seconds:.2f}", mb, ratio, note])

        row("pyoxigraph parse (bare)", parse_s, parse_mb)
        store_s, store_mb = best_of([PYTHON, "-c", STORE_OX, path], repeat)
        row("(pyoxigraph in-memory Store.load alone)", store_s, store_mb, "for scale")
        with tempfile.TemporaryDirectory(prefix="kg-bench-open-") as tmp:
            cache, home = os.path.join(tmp, "cache"), os.path.join(tmp, "home")
            env = {"KG_EXPLORER_CACHE_DIR": cache}
            search = [SCRIPT, "search", "兰州", "--data", path, "--limit", "3"]
            wall, peak = best_of(search, repeat, env=env)  # the cache is still empty
            row("kg-explorer search (no cache: a lean scan)", wall, peak, "start-up included")
            firsts = []
            for _ in range(repeat):
                shutil.rmtree(cache, ignore_errors=True)
                firsts.append(_child([PYTHON, "-c", CHILD, path, "finish"], env))
            first, wall, peak = min(firsts, key=lambda f: f[0]["open"])
            row(
                "first open: open_for_window (process)",
                wall - first["finish"] - first["whole"],
                first["peak_open"],
                f"in-process {first['open']:.2f} s",
            )
            for what, seconds in first["stages"]:  # where the first open's time goes
                row(f"… of which: {STAGES.get(what, what)}", seconds, "-")
            row("… whole view (500) after it", first["whole"], "-", f"{first['nodes']} nodes")
            row(
                "… background part: finish_in_background",
                first["finish"],
                peak,
                "pinyin/fuzzy indexes, cache entry written; peak of the whole process",
            )
            again = [_child([PYTHON, "-c", CHILD, path, "none"], env) for _ in range(repeat)]
            second, wall, peak = min(again, key=lambda f: f[1])
            assert second["cached"], "the reopen did not read the cache"
            row(
                "reopen from the cache: open_for_window (process)",
                wall - second["whole"],
                peak,
                f"in-process {second['open']:.2f} s",
            )
            row("… whole view (500) after it", second["whole"], "-", f"{second['nodes']} nodes")
            if app:
                shot = os.path.join(tmp, "shot.png")
                cmd = [SCRIPT, path, "--screenshot", shot]
                wall, peak = best_of(cmd, repeat, env=_app_env(cache, home))
                row("app reopen: kg-explorer FILE --screenshot", wall, peak, "start-up included")
                wall, peak = best_of(
                    [SCRIPT, "--screenshot", shot], repeat, env=_app_env(cache, home)
                )
                row("(app start alone: the bundled article --screenshot)", wall, peak, "for scale")
                empty = os.path.join(tmp, "empty")
                wall, peak = best_of(cmd, 1, env=_app_env(empty, home))
                row(
                    "app first open: kg-explorer FILE --screenshot",
                    wall,
                    peak,
                    "start-up included; one run",
                )
    return rows


def run(sizes: list[int], *, repeat: int = 2) -> str:
    rows = measure(sizes, repeat=repeat)
    return (
        "### The app's open path: first open, reopen from the cache, whole view\n\n"
        f"Best of {repeat} runs (app first open: one run); peak RSS of that process.\n\n"
        + table(["triples", "what", "seconds", "peak MB", "÷ bare parse", "note"], rows)
    )


if __name__ == "__main__":  # pragma: no cover
    print(run([int(a) for a in sys.argv[1:]] or [100_000, 1_000_000]))
