"""A 200-node neighbourhood on a large file, and what each interaction costs on an endpoint.

The view is computed on the store-backed graph of the largest file and laid out
with the same code the screen and exports use. The endpoint part starts an
``oxigraph serve`` on 127.0.0.1 loaded with a generated file and counts HTTP
round-trips and time for what a user does: connect, search, open an entity,
show its neighbourhood, unfold the tree, find a path.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from .common import table
from .generate import ensure

ROOT_ID = "https://example.org/gen/e0"
FAR_ID = "https://example.org/gen/e999"


def views_on_store(triples: int) -> str:
    from explorer import layout, views
    from explorer.sources.store import open_store

    graph = open_store(ensure(triples))
    rows = []
    for depth in (2, 3):
        t = time.perf_counter()
        view = views.neighbourhood(graph, ROOT_ID, depth=depth, cap=200)
        mid = time.perf_counter()
        layout.positions(view)
        end = time.perf_counter()
        rows.append(
            [
                f"neighbourhood depth {depth}",
                len(view.nodes),
                len(view.edges),
                view.omitted,
                f"{(mid - t) * 1000:.0f}",
                f"{(end - mid) * 1000:.0f}",
            ]
        )
    t = time.perf_counter()
    view = views.whole(graph, cap=500)
    mid = time.perf_counter()
    layout.positions(view)
    end = time.perf_counter()
    rows.append(
        [
            "whole graph (500 most connected)",
            len(view.nodes),
            len(view.edges),
            view.omitted,
            f"{(mid - t) * 1000:.0f}",
            f"{(end - mid) * 1000:.0f}",
        ]
    )
    return f"### Views on the store-backed graph ({triples:,} triples)\n\n" + table(
        ["view", "nodes", "edges", "N more…", "view ms", "layout ms"], rows
    )


def _oxigraph() -> str | None:
    found = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    return found if Path(found).exists() else None


def endpoint_round_trips(triples: int) -> str:
    from explorer import views
    from explorer.sources.sparql import EndpointGraph

    binary = _oxigraph()
    if binary is None:
        return "### Endpoint\n\n(skipped: the `oxigraph` server is not installed)"
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "db"
        subprocess.run(
            [binary, "load", "--location", str(db), "--file", str(ensure(triples))],
            check=True,
            capture_output=True,
        )
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = subprocess.Popen(
            [binary, "serve", "--location", str(db), "--bind", f"127.0.0.1:{port}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        url = f"http://127.0.0.1:{port}/query"
        try:
            _wait(url)
            rows = []
            graph = None

            def step(name: str, action) -> None:
                nonlocal graph
                before = graph.round_trips if graph is not None else 0
                t = time.perf_counter()
                result = action()
                elapsed = (time.perf_counter() - t) * 1000
                if graph is None:
                    graph = result
                    before = 0
                rows.append([name, graph.round_trips - before, f"{elapsed:.0f}"])

            step("connect", lambda: EndpointGraph(url))
            step("search “兰州” (20 hits)", lambda: graph.search_index.search("兰州"))
            step("open an entity (card, relations)", lambda: _card(graph, ROOT_ID))
            step(
                "neighbourhood, 200 nodes",
                lambda: views.neighbourhood(graph, ROOT_ID, depth=3, cap=200),
            )
            step(
                "same neighbourhood again (cached)",
                lambda: views.neighbourhood(graph, ROOT_ID, depth=3, cap=200),
            )
            step("tree: children of the root", lambda: graph.hierarchy.children(ROOT_ID))
            step(
                "tree view below the root (500 nodes)", lambda: views.hierarchy_view(graph, ROOT_ID)
            )
            step("path e999 → e0", lambda: views.shortest_path(graph, FAR_ID, ROOT_ID))
            step("whole graph (200 most connected)", lambda: views.whole(graph, cap=200))
        finally:
            server.terminate()
            server.wait(timeout=10)
    return (
        f"### Endpoint round-trips per interaction (oxigraph server, {triples:,} triples)\n\n"
        + table(["interaction", "HTTP round-trips", "ms"], rows)
    )


def _card(graph, node_id: str):
    node = graph.node(node_id)
    return node, graph.out_edges(node_id), graph.in_edges(node_id), graph.evidence(node_id)


def _wait(url: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url + "?query=ASK%7B%7D", timeout=1).read()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("the oxigraph server did not start")


def run(triples: int, endpoint_triples: int) -> str:
    from . import bench_layout

    return "\n\n".join(
        (views_on_store(triples), bench_layout.run(), endpoint_round_trips(endpoint_triples))
    )


if __name__ == "__main__":  # pragma: no cover
    print(run(1_000_000, 100_000))
