"""A real SPARQL server (oxigraph, on 127.0.0.1) explored through the CLI and the Python API.

The server is started by the fixture, loaded with the article graph (default
graph), the small test graph (``urn:kg-explorer:mini``) and a generated
org-hierarchy graph (``urn:kg-explorer:generated``); it is never assumed running.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from benchmarks.generate import generate
from explorer import views
from explorer.errors import LoadError
from explorer.graph import KnowledgeGraph
from explorer.sources.sparql import EndpointGraph
from explorer.sources.sparql_http import EndpointError

ROOT = Path(__file__).parents[2]
MINI = ROOT / "tests" / "data" / "mini.ttl"
ARTICLE = ROOT / "graph_data" / "article.ttl"
VOCABULARY = ROOT / "graph_data" / "vocabulary.ttl"
SCRIPT = Path(sys.executable).parent / "kg-explorer"
LZ = "https://w3id.org/kg-explorer/lanzhou/"
MINI_GRAPH = "urn:kg-explorer:mini"
GEN_GRAPH = "urn:kg-explorer:generated"


@pytest.fixture(scope="session")
def server(tmp_path_factory, oxigraph_server):
    root = tmp_path_factory.mktemp("oxigraph")
    generated = root / "generated.ttl"
    generated.write_text(generate(5_000), encoding="utf-8")
    default = [ARTICLE, VOCABULARY] if ARTICLE.exists() else [MINI]
    return oxigraph_server(root / "db", [*default, (MINI, MINI_GRAPH), (generated, GEN_GRAPH)])


@pytest.fixture(scope="session")
def remote_mini(server) -> EndpointGraph:
    return EndpointGraph(server.url, default_graph=MINI_GRAPH, timeout=10)


@pytest.fixture(scope="session")
def local_mini() -> KnowledgeGraph:
    return KnowledgeGraph.from_file(MINI)


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(SCRIPT), *args], capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL
    )


# --- the Python API against the same data read locally ----------------------------------
def edge_keys(edges) -> set[tuple[str, str, str, tuple]]:
    return {(e.source, e.predicate, e.target, tuple(ev.quote for ev in e.evidence)) for e in edges}


def figure_keys(figures) -> list[tuple]:
    return [(f.id, f.entity_id, f.value, set(f.unit), set(f.counts), f.evidence) for f in figures]


@pytest.mark.parametrize(
    "name", ["subdistrict-committee", "wugong-wulian", "city-committee", "joint-building"]
)
def test_entities_relations_and_evidence_match_the_local_file(remote_mini, local_mini, name):
    nid = LZ + name
    assert nid in remote_mini
    remote, local = remote_mini.node(nid), local_mini.node(nid)
    assert set(remote.labels) == set(local.labels)
    assert (remote.types, remote.category, remote.aliases) == (
        local.types,
        local.category,
        local.aliases,
    )
    assert edge_keys(remote_mini.out_edges(nid)) == edge_keys(local_mini.out_edges(nid))
    assert edge_keys(remote_mini.in_edges(nid)) == edge_keys(local_mini.in_edges(nid))
    assert remote_mini.evidence(nid) == local_mini.evidence(nid)
    assert remote_mini.hidden_labels(nid) == local_mini.hidden_labels(nid)
    assert figure_keys(remote_mini.figures_of(nid)) == figure_keys(local_mini.figures_of(nid))


def test_bookkeeping_nodes_are_not_entities(remote_mini):
    assert LZ + "figure-subdistricts" not in remote_mini
    assert LZ + "section-1" not in remote_mini


@pytest.mark.parametrize(
    "query", ["五共五联", "兰州市委", "part-time member", "描加党工委", "共建"]
)
def test_search_finds_what_local_search_finds(remote_mini, local_mini, query):
    remote = remote_mini.search_index.search(query, limit=5)
    local = local_mini.search_index.search(query, limit=5)
    assert remote and remote[0].node_id == local[0].node_id


def test_hierarchy_neighbourhood_and_path(remote_mini, local_mini):
    tree, ref = remote_mini.hierarchy, local_mini.hierarchy
    assert tree.roots() == ref.roots()
    root = ref.roots()[0]
    assert tree.descendants(root) == ref.descendants(root)
    assert tree.ancestors(LZ + "community-org") == ref.ancestors(LZ + "community-org")
    center = LZ + "subdistrict-committee"
    for depth in (1, 2):
        got = views.neighbourhood(remote_mini, center, depth=depth)
        want = views.neighbourhood(local_mini, center, depth=depth)
        assert got.node_ids == want.node_ids
        assert {e.id for e in got.edges} == {e.id for e in want.edges}
    path = views.shortest_path(remote_mini, LZ + "community-org", LZ + "joint-building")
    assert path is not None
    assert path == views.shortest_path(local_mini, LZ + "community-org", LZ + "joint-building")


def test_answers_are_cached_and_views_take_few_round_trips(server):
    graph = EndpointGraph(server.url, default_graph=GEN_GRAPH)
    before = graph.round_trips
    view = views.neighbourhood(graph, "https://example.org/gen/e0", depth=2, cap=100)
    spent = graph.round_trips - before
    assert len(view.nodes) == 100 and spent < 30  # batched per hop, not per entity
    views.neighbourhood(graph, "https://example.org/gen/e0", depth=2, cap=100)
    assert graph.round_trips - before == spent  # all from the cache


def test_tree_view_fetches_per_batch(server):
    graph = EndpointGraph(server.url, default_graph=GEN_GRAPH)
    view = views.hierarchy_view(graph, "https://example.org/gen/e0", cap=300)
    assert len(view.nodes) == 300 and len(view.edges) == 299  # a tree: one link per child
    assert graph.round_trips < 40  # batches per level, not a query per entity


def test_generated_graph_in_a_named_graph(server):
    graph = EndpointGraph(server.url, default_graph=GEN_GRAPH)
    root = "https://example.org/gen/e0"
    assert root in graph
    kids = graph.hierarchy.children(root)
    assert kids and all(root in graph.hierarchy.parents(k) for k in kids[:5])
    view = views.neighbourhood(graph, root, depth=2, cap=50)
    assert len(view.nodes) == 50 and view.omitted > 0
    whole = views.whole(graph, cap=30)
    assert len(whole.nodes) == 30 and root in whole.node_ids
    hits = graph.search_index.search("委员会", limit=5)
    assert len(hits) == 5


def test_article_graph_through_the_endpoint(server):
    if not ARTICLE.exists():
        pytest.skip("graph_data/article.ttl is not there yet")
    graph = EndpointGraph(server.url)
    local = KnowledgeGraph.article()
    hit = graph.search_index.search("七里河区", limit=1)[0]
    assert hit.node_id == local.search_index.search("七里河区", limit=1)[0].node_id
    assert edge_keys(graph.out_edges(hit.node_id)) == edge_keys(local.out_edges(hit.node_id))


# --- the CLI ---------------------------------------------------------------------------
def test_cli_subcommands_through_the_endpoint(server):
    common = ["--endpoint", server.url, "--default-graph", MINI_GRAPH]
    r = run_cli("search", "五共五联", *common, "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)[0]["id"] == LZ + "wugong-wulian"
    r = run_cli("show", "五共五联", *common)
    assert r.returncode == 0 and "街道党工委推行五共五联" in r.stdout
    r = run_cli("tree", *common, "--lang", "en")
    assert r.returncode == 0
    assert r.stdout.splitlines()[:2] == [
        "Lanzhou Municipal Party Committee",
        "  district and county Party committees",
    ]
    r = run_cli("path", "社区党组织", "共建", *common, "--json")
    assert r.returncode == 0
    assert [n["id"] for n in json.loads(r.stdout)["nodes"]][-1] == LZ + "joint-building"


def test_cli_neighbourhood_export_through_the_endpoint(server, tmp_path):
    out = tmp_path / "csv"
    r = run_cli(
        "export",
        "--format",
        "csv",
        "--out",
        str(out),
        "--view",
        "neighbourhood:街道党工委",
        "--endpoint",
        server.url,
        "--default-graph",
        MINI_GRAPH,
    )
    assert r.returncode == 0, r.stderr
    assert "community-org" in (out / "nodes.csv").read_text(encoding="utf-8")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_cli_dead_endpoint_is_a_plain_message():
    r = run_cli("search", "x", "--endpoint", f"http://127.0.0.1:{free_port()}/query")
    assert r.returncode == 2
    assert "connection refused" in r.stderr and "Traceback" not in r.stderr


# --- failures --------------------------------------------------------------------------
def test_server_stopped_while_connected(tmp_path, oxigraph_server):
    srv = oxigraph_server(tmp_path / "db", [MINI])
    try:
        graph = EndpointGraph(srv.url, timeout=3)
        known = graph.node(LZ + "city-committee")
    finally:
        srv.stop()
    assert graph.node(LZ + "city-committee") == known  # what was fetched stays usable
    outcome: list[BaseException | None] = []

    def ask() -> None:
        try:
            graph.out_edges(LZ + "wugong-wulian")
            outcome.append(None)
        except BaseException as exc:
            outcome.append(exc)

    worker = threading.Thread(target=ask, daemon=True)
    worker.start()
    worker.join(timeout=graph.client.timeout + 10)
    assert not worker.is_alive(), "the explorer hung on a stopped server"
    assert isinstance(outcome[0], EndpointError)
    assert "refused" in str(outcome[0]) and srv.url in str(outcome[0])


def test_silent_server_times_out():
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(5)  # accepts connections, never answers
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/sparql"
        with pytest.raises(LoadError, match=r"no answer within 0\.5 s"):
            EndpointGraph(url, timeout=0.5)


def test_http_errors_name_the_status(server):
    bad = server.url.replace("/query", "/no-such-service")
    with pytest.raises(EndpointError, match="HTTP 404"):
        EndpointGraph(bad)


def test_not_sparql_and_bad_credentials(tmp_path):
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            if "Authorization" in self.headers and "secret" not in self.path:
                self.send_response(401)
                self.end_headers()
                return
            body = b"<html>hello</html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    port = httpd.server_address[1]
    try:
        with pytest.raises(EndpointError, match=r"not SPARQL JSON|not a SPARQL ASK"):
            EndpointGraph(f"http://127.0.0.1:{port}/sparql")
        with pytest.raises(EndpointError) as info:
            EndpointGraph(f"http://127.0.0.1:{port}/sparql", auth=("ann", "hunter2"))
        assert "HTTP 401" in str(info.value) and "hunter2" not in str(info.value)
        with pytest.raises(EndpointError) as info:
            EndpointGraph(f"http://ann:hunter2@127.0.0.1:{port}/sparql")
        assert "hunter2" not in str(info.value) and "ann" not in str(info.value)
    finally:
        httpd.shutdown()


def test_only_http_urls():
    with pytest.raises(EndpointError, match="not an http"):
        EndpointGraph("file:///etc/passwd")
