"""Large files open store-backed: same answers as the full projection, bounded views.

A low size threshold sends small files down the store path so it is exercised
quickly; the generated file has ~50k triples (10k entities).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.generate import generate
from explorer import analysis, views
from explorer.errors import LoadError
from explorer.graph import KnowledgeGraph
from explorer.model import pick_label
from explorer.sources import GraphSource, open_source
from explorer.sources import facts as fx
from explorer.sources.store import StoreGraph, open_store

DATA = Path(__file__).parents[1] / "data"
MINI = DATA / "mini.ttl"
LZ = "https://w3id.org/kg-explorer/lanzhou/"
GEN = "https://example.org/gen/"
SCRIPT = Path(sys.executable).parent / "kg-explorer"


@pytest.fixture(scope="module")
def stored() -> StoreGraph:
    return open_store(MINI)


@pytest.fixture(scope="module")
def local() -> KnowledgeGraph:
    return KnowledgeGraph.from_file(MINI)


@pytest.fixture(scope="module")
def big_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("scale") / "org-50k.ttl"
    path.write_text(generate(50_000), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def big(big_file) -> GraphSource:
    return open_source(big_file, large_threshold_bytes=1000)


def keys(edges) -> set[tuple]:
    return {(e.source, e.predicate, e.target, e.labels, e.evidence) for e in edges}


# --- the same answers as KnowledgeGraph -------------------------------------------------
def test_both_backends_satisfy_the_protocol(stored, local):
    assert isinstance(stored, GraphSource) and isinstance(local, GraphSource)


def test_entities_match_the_full_projection(stored, local):
    assert stored.node_ids == local.node_ids
    assert len(stored) == len(local)
    for nid in local.node_ids:
        assert stored.node(nid) == local.node(nid)
        assert keys(stored.out_edges(nid)) == keys(local.out_edges(nid))
        assert keys(stored.in_edges(nid)) == keys(local.in_edges(nid))
        assert stored.evidence(nid) == local.evidence(nid)
        assert stored.attributes(nid) == local.attributes(nid)
        assert stored.hidden_labels(nid) == local.hidden_labels(nid)
        assert stored.degree(nid) == local.degree(nid)
    assert LZ + "figure-subdistricts" not in stored
    assert stored.label_of("http://www.w3.org/ns/org#subOrganizationOf", "en") == (
        local.label_of("http://www.w3.org/ns/org#subOrganizationOf", "en")
    )


def test_labels_read_off_the_scan_match_the_full_projection(local):
    # StoreGraph.label reads the label column directly (the tree sorts ~50k children
    # by label at 1M triples): the same choice as the node built from all its facts.
    fresh = open_store(MINI, preload=False)  # no Node built yet: label() reads the scan
    for nid in local.node_ids:
        for lang in ("zh", "en", "both"):
            assert fresh.label(nid, lang) == local.node(nid).label(lang), (nid, lang)


def test_labels_read_off_the_scan_keep_the_label_order(big_file):
    # Chinese and English labels per entity: the same pairs, in the same order, as
    # the facts-based reading (predicate order, then language and text).
    fresh = open_store(big_file, preload=False)
    for nid in list(fresh.node_ids)[:3000]:
        labels = fx.pairs(fresh._scan_label_facts(nid), fx.LABELS)
        assert fresh._scan_labels(nid) == labels
        assert fresh.label(nid, "both") == pick_label(labels, "both", fx.fallback_name(nid, ()))


def test_figures_hierarchy_and_resolve_match(stored, local):
    assert [f.id for f in stored.figures()] == [f.id for f in local.figures()]
    assert stored.figures_of(LZ + "subdistrict-committee")[0].value == 53
    assert stored.hierarchy.roots() == local.hierarchy.roots()
    root = local.hierarchy.roots()[0]
    assert stored.hierarchy.descendants(root) == local.hierarchy.descendants(root)
    for text in (
        "lz:city-committee",
        "city-committee",
        "兰州市委",
        "中共兰州市委",
        f"<{LZ}article>",
    ):
        assert stored.resolve(text) == local.resolve(text), text
    assert stored.resolve("no such thing") is None


@pytest.mark.parametrize("query", ["五共五联", "wgwl", "part-time member", "Lanzhou", "兼职"])
def test_search_matches(stored, local, query):
    assert [h.node_id for h in stored.search_index.search(query)] == [
        h.node_id for h in local.search_index.search(query)
    ]


def test_views_match(stored, local):
    center = LZ + "subdistrict-committee"
    for depth in (1, 2):
        a = views.neighbourhood(stored, center, depth=depth)
        b = views.neighbourhood(local, center, depth=depth)
        assert a.node_ids == b.node_ids and set(a.edges) == set(b.edges)
    assert views.whole(stored, cap=3).node_ids == views.whole(local, cap=3).node_ids
    assert views.shortest_path(stored, LZ + "community-org", LZ + "joint-building") == (
        views.shortest_path(local, LZ + "community-org", LZ + "joint-building")
    )
    assert [r.node_id for r in analysis.most_connected(stored, top=3)] == [
        r.node_id for r in analysis.most_connected(local, top=3)
    ]


# --- choosing the backend, and errors --------------------------------------------------
def test_backend_is_chosen_by_size():
    assert isinstance(open_source(MINI), KnowledgeGraph)
    assert isinstance(open_source(MINI, large_threshold_bytes=100), StoreGraph)


@pytest.mark.parametrize(
    ("name", "words", "line", "column"),
    [("malformed.ttl", "Turtle syntax error", 4, 8), ("empty.ttl", "empty", None, None)],
)
def test_errors_say_where(name, words, line, column):
    with pytest.raises(LoadError) as info:
        open_source(DATA / "bad" / name, large_threshold_bytes=0)
    assert words in str(info.value)
    assert (info.value.line, info.value.column) == (line, column)


def test_missing_file():
    with pytest.raises(LoadError, match="no such file"):
        open_source(DATA / "nope.ttl", large_threshold_bytes=0)


# --- a generated file of 50k triples --------------------------------------------------
def test_large_file_opens_store_backed(big, big_file):
    assert isinstance(big, StoreGraph)
    subjects = sum(
        1 for line in big_file.read_text(encoding="utf-8").splitlines() if line[:3] == "g:e"
    )
    assert len(big) == subjects > 10_000
    assert big.triple_count >= 50_000
    node = big.node(GEN + "e1")
    assert node.category == "organization" and node.label("zh").endswith("工作委员会")
    assert [e.target for e in big.out_edges(GEN + "e1")] == [GEN + "e0"]
    assert GEN + "e1" in {e.source for e in big.in_edges(GEN + "e0")}


def test_large_file_views_are_capped(big):
    whole = views.whole(big, cap=100)
    assert len(whole.nodes) == 100 and whole.omitted == len(big) - 100
    assert GEN + "e0" in whole.node_ids  # the root has the most links
    near = views.neighbourhood(big, GEN + "e0", depth=2, cap=200)
    assert len(near.nodes) == 200 and near.omitted > 0
    assert all(e.source in near.node_ids and e.target in near.node_ids for e in near.edges)
    path = views.shortest_path(big, GEN + "e999", GEN + "e0")
    assert path is not None and path.node_ids[-1] == GEN + "e0"


def test_large_file_search_hierarchy_and_nodes(big):
    hits = big.search_index.search("委员会", limit=10)
    assert len(hits) == 10 and all("委员会" in h.label for h in hits)
    assert big.search_index.search("e77", limit=1) == []  # ids are not labels
    tree = big.hierarchy
    assert GEN + "e0" in tree.roots()
    assert tree.ancestors(GEN + "e1") == [GEN + "e0"]
    nodes = big.nodes()
    assert len(nodes) == len(big) and nodes[0].id == GEN + "e0"


def test_cli_uses_the_store_above_the_threshold(big_file):
    env = {**os.environ, "KG_EXPLORER_LARGE_BYTES": "1000"}
    run = subprocess.run(
        [str(SCRIPT), "search", "工作委员会", "--data", str(big_file), "--limit", "3"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert run.returncode == 0, run.stderr
    assert len(run.stdout.splitlines()) == 3
    show = subprocess.run(
        [str(SCRIPT), "show", "e1", "--data", str(big_file)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert show.returncode == 0, show.stderr
    assert "relations:" in show.stdout


def test_a_one_off_search_counts_no_degrees_yet_ranks_from_the_store(big_file, big):
    # kg-explorer search opens with preload=False: no degree per IRI in memory; the
    # whole view, if ever asked, is then ranked by the store's own count.
    once = open_store(big_file, preload=False)
    assert not once.scan.degree and big.scan.degree
    hits = big.search_index.search("工作委员会")[:5]
    assert hits and once.search_index.search("工作委员会")[:5] == hits
    assert once.top_entities(20) == big.top_entities(20)


# --- the tree from the scan's links, before the store --------------------------------
TREE_TTL = """\
@prefix org: <http://www.w3.org/ns/org#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix ex: <https://example.org/t/> .
ex:partOf rdfs:subPropertyOf org:subOrganizationOf .
ex:top rdfs:label "Top"@en ; org:hasSubOrganization ex:a , ex:b .
ex:a rdfs:label "A"@en . ex:b rdfs:label "b"@en .
ex:c rdfs:label "C"@en ; ex:partOf ex:a .
ex:d rdfs:label "D"@en ; org:subOrganizationOf ex:a , ex:b .
ex:under-blank rdfs:label "Under a blank"@en ; org:subOrganizationOf _:anon .
ex:e rdfs:label "E"@en ; org:subOrganizationOf ex:under-blank .
_:kid org:subOrganizationOf ex:only-blank-kids .
ex:only-blank-kids rdfs:label "Only blank children"@en .
ex:p rdfs:label "P"@en ; org:subOrganizationOf ex:q .
ex:q rdfs:label "Q"@en ; org:subOrganizationOf ex:p .
ex:r rdfs:label "R"@en ; org:subOrganizationOf ex:p .
ex:lit rdfs:label "Literal parent"@en ; org:unitOf "not a unit" .
ex:narrow skos:broader ex:broad .
"""
CONCEPTS_TTL = """\
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix ex: <https://example.org/t/> .
ex:k1 skos:prefLabel "k1"@en ; skos:broader ex:k0 .
ex:k0 skos:prefLabel "k0"@en ; skos:narrower ex:k2 .
ex:k2 skos:prefLabel "k2"@en .
"""


def _unstarted(path: Path) -> StoreGraph:
    """A store-backed graph whose store has not started loading: what it answers comes
    from the scan alone (a question that needed the store would start it)."""
    from explorer.sources.store_load import StoreLoader, scan

    base = path.resolve().as_uri()
    loader = StoreLoader(str(path), "turtle", source=str(path), base_iri=base)
    found = scan(path.read_bytes(), "turtle", source=str(path), base_iri=base)
    return StoreGraph(loader, found, source=str(path))


@pytest.mark.parametrize("text", [TREE_TTL, CONCEPTS_TTL], ids=["organization", "concepts"])
def test_tree_roots_and_children_come_from_the_scan_as_the_store_gives_them(tmp_path, text):
    path = tmp_path / "tree.ttl"
    path.write_text(text, encoding="utf-8")
    early = _unstarted(path)
    store_only = open_store(path, preload=False)  # no links kept: the store answers
    assert store_only.scan.links is None and early.scan.links is not None
    roots = early.tree_roots()
    assert roots and roots == store_only.tree_roots()
    iris = sorted(i for i in early.scan.names if not i.startswith("_:"))
    mine, theirs = early.tree_kin(iris, down=True), store_only.tree_kin(iris, down=True)
    assert {k: sorted(v) for k, v in mine.items()} == {k: sorted(v) for k, v in theirs.items()}
    shown = early.hierarchy.roots()
    assert shown == store_only.hierarchy.roots()
    assert [early.hierarchy.children(r) for r in shown] == [
        store_only.hierarchy.children(r) for r in shown
    ]
    assert not early._loader._started  # the first window's tree never waited for the store
    # parents too (in file order; the store gave them in its index's order)
    mine, theirs = early.tree_kin(iris, down=False), store_only.tree_kin(iris, down=False)
    assert {k: sorted(v) for k, v in mine.items()} == {k: sorted(v) for k, v in theirs.items()}
    # One parse: a blank node's id is the same wherever it occurs, so its kin are found
    # (the store's own blank ids were another parse's), and never shown.
    for blank in (i for i in early.scan.names if i.startswith("_:")):
        kids = early.tree_kin([blank], down=True)[blank]
        assert all(not k.startswith("_:") for k in kids)
    if text == TREE_TTL:
        anon = next(
            b for b in early.scan.names if b.startswith("_:") and early.tree_kin([b], down=True)[b]
        )
        assert early.tree_kin([anon], down=True)[anon] == ["https://example.org/t/under-blank"]


def test_the_organization_tree_from_the_links_keeps_sub_properties_blanks_and_cycles(tmp_path):
    path = tmp_path / "tree.ttl"
    path.write_text(TREE_TTL, encoding="utf-8")
    t = "https://example.org/t/"
    g = _unstarted(path)
    # under-blank has a (blank) parent: not a root; only-blank-kids has (blank) children: one;
    # p and q are a cycle (no root); the concept tree is another kind, never mixed in.
    assert g.tree_roots() == [t + "only-blank-kids", t + "top"]
    assert g.hierarchy.children(t + "top") == [t + "a", t + "b"]
    assert g.hierarchy.children(t + "a") == [t + "c", t + "d"]  # c by the sub-property
    assert g.hierarchy.children(t + "only-blank-kids") == []


def test_the_links_are_kept_only_when_degrees_are(big_file, big):
    once = open_store(big_file, preload=False)
    assert once.scan.links is None
    links = big.scan.links
    assert links is not None and len(links.subjects) == len(links.objects) > 0
    assert big.tree_roots() == once.tree_roots()
