"""Desktop app timings: cold start to a drawn article graph, and drawing 200 / 1,000 nodes.

Each measurement runs in a fresh process (offscreen Qt), so a cold start is
really cold. Not pass/fail: ``run()`` returns rows and ``main`` prints a table.

    python -m benchmarks.bench_app
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_COLD_S = 1.0
SIZES = (200, 1000)


def _child_env(cache: str) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
    env["XDG_CACHE_HOME"] = cache
    env["XDG_CONFIG_HOME"] = cache
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    return env


def _wait(condition, timeout_s: float = 60.0) -> None:
    from PySide6.QtWidgets import QApplication

    end = time.perf_counter() + timeout_s
    while not condition():
        if time.perf_counter() > end:
            raise TimeoutError("the graph did not draw")
        QApplication.processEvents()
        time.sleep(0.002)


def _child_cold() -> None:
    from ui.app import make_window

    window = make_window(None, remember=False)
    window.show()
    _wait(lambda: window.graph.is_ready() and window.graph.view_is_drawn())
    print(json.dumps({"drawn_at": time.time(), "nodes": len(window.state.view.nodes)}))


def _child_draw(sizes: list[int], workdir: str) -> None:
    from benchmarks.generate import generate
    from explorer.graph import KnowledgeGraph
    from explorer.layout import force_layout
    from explorer.views import whole
    from ui.app import make_window

    window = make_window(None, remember=False)
    window.show()
    graph = window.graph
    _wait(lambda: graph.is_ready() and graph.view_is_drawn())
    rows = []
    for size in sizes:
        path = Path(workdir) / f"gen-{size}.ttl"
        path.write_text(generate(size * 5), encoding="utf-8")
        kg = KnowledgeGraph.from_file(path)
        t = time.perf_counter()
        force_layout(whole(kg, cap=size))
        layout_s = time.perf_counter() - t
        window.state.whole_cap = size
        t = time.perf_counter()
        window.state.set_graph(kg)
        _wait(graph.view_is_drawn)  # the new view's data drawn, not an older frame
        total_s = time.perf_counter() - t
        nodes = len(window.state.view.nodes)
        rows.append({"nodes": nodes, "layout_s": layout_s, "total_s": total_s})
    print(json.dumps(rows))


def _spawn(args: list[str], cache: str) -> tuple[str, float]:
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_app", *args],
        cwd=ROOT,
        env=_child_env(cache),
        capture_output=True,
        text=True,
        timeout=300,
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    return done.stdout.strip().splitlines()[-1], started


def run() -> list[dict]:
    """Rows of ``{"benchmark", "case", "seconds", "note"}``."""
    from .common import compiled_like_an_install

    compiled_like_an_install()
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="kg-bench-app-") as cache:
        for case in ("first run (layout computed)", "later runs (layout cached)"):
            out, started = _spawn(["--child", "cold"], cache)
            data = json.loads(out)
            rows.append(
                {
                    "benchmark": "cold start to drawn article graph",
                    "case": case,
                    "seconds": round(data["drawn_at"] - started, 3),
                    "note": f"{data['nodes']} nodes; target ≤ {TARGET_COLD_S} s",
                }
            )
        out, _ = _spawn(["--child", "draw", *map(str, SIZES)], cache)
        for row in json.loads(out):
            rows.append(
                {
                    "benchmark": "draw a view in the open window",
                    "case": f"{row['nodes']} nodes",
                    "seconds": round(row["total_s"], 3),
                    "note": f"of which force layout {row['layout_s']:.3f} s",
                }
            )
    return rows


def print_table(rows: list[dict]) -> None:
    widths = {k: max(len(k), *(len(str(r[k])) for r in rows)) for k in rows[0]}
    print("  ".join(k.ljust(widths[k]) for k in widths))
    for row in rows:
        print("  ".join(str(row[k]).ljust(widths[k]) for k in widths))


def main(argv: list[str]) -> int:
    if argv[:2] == ["--child", "cold"]:
        _child_cold()
        return 0
    if argv[:2] == ["--child", "draw"]:
        with tempfile.TemporaryDirectory() as workdir:
            _child_draw([int(a) for a in argv[2:]], workdir)
        return 0
    print_table(run())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
