"""A large file answered from the scan's tables gives the store's answers.

The same file opened twice: once scanned whole (every triple kept as arrays: what the
app does, no store loaded) and once scanned lean, so that every question beyond labels
is asked of a real pyoxigraph store. Literals of many kinds, blank nodes, reified
statements with evidence, figures, a post without a label, a declared subclass.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer import views
from explorer.sources.store import StoreGraph, open_store

F = "https://example.org/f/"
ORG = "http://www.w3.org/ns/org#"

FIXTURE = """\
@prefix ex: <https://example.org/f/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix kgx: <https://w3id.org/kg-explorer/vocab#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .

ex:Unit rdfs:subClassOf org:OrganizationalUnit .
ex:Team rdfs:subClassOf ex:Unit .
ex:a a org:Organization ; rdfs:label "A"@en, "甲"@zh, "A"@en-GB ; skos:altLabel "Alpha" ;
    skos:hiddenLabel "alfa" ; dcterms:description "The first one."@en ;
    ex:founded "1999-01-01"^^xsd:date ; ex:size 42 ; ex:ratio 0.5 ; ex:flag true ;
    ex:note "plain" ; ex:custom "x"^^ex:myType ; ex:note "再见"@zh ;
    org:hasSubOrganization ex:b ; ex:partner _:p1 ; kgx:evidence ex:ev1 .
ex:ev1 kgx:quote "A is big" ; kgx:section ex:sec1 .
ex:sec1 rdfs:label "Section 1"@en ; kgx:sourceArticle ex:art .
ex:art a kgx:Article ; rdfs:label "Article"@en ; dcterms:date "2020-05-01"^^xsd:date ;
    dcterms:creator ex:author .
ex:author a kgx:Person ; rdfs:label "Author"@en .
_:p1 rdfs:label "Partner"@en ; a org:Organization ; ex:rel ex:c .
ex:b rdfs:label "B"@en ; ex:rel ex:c ; a ex:Team .
ex:c rdfs:label "C"@en ; ex:rel _:p1 .
ex:stmt a rdf:Statement ; rdf:subject ex:b ; rdf:predicate ex:rel ; rdf:object ex:c ;
    kgx:evidence ex:ev2 .
[] a rdf:Statement ; rdf:subject ex:b ; rdf:predicate ex:rel ; rdf:object ex:c ;
    kgx:evidence [ kgx:quote "again, B and C" ; kgx:section ex:sec1 ] .
ex:ev2 kgx:quote "B relates to C" ; kgx:section ex:sec1 .
ex:d a ex:Unit ; rdfs:label "D"@en ; org:subOrganizationOf ex:a .
ex:fig a kgx:Figure ; kgx:value "53"^^xsd:integer ; kgx:figureOf ex:a ;
    kgx:counts "units"@en ; kgx:asOf "2020" ; kgx:evidence ex:ev1 .
ex:post a org:Post ; org:role ex:chair ; org:postIn ex:a .
ex:chair rdfs:label "Chair"@en .
ex:rel rdfs:label "relates to"@en .
ex:a ex:seeAlso ex:c .
"""


@pytest.fixture(scope="module")
def path(tmp_path_factory) -> Path:
    p = tmp_path_factory.mktemp("tables") / "fixture.ttl"
    p.write_text(FIXTURE, encoding="utf-8")
    return p


@pytest.fixture(scope="module")
def tables(path) -> StoreGraph:
    return open_store(path)


@pytest.fixture(scope="module")
def store(path) -> StoreGraph:
    graph = open_store(path, preload=False)  # a lean scan: the store answers the rest
    assert not graph.scan.complete
    return graph


def _iris(graph: StoreGraph) -> list[str]:
    return sorted(n for n in graph.scan.names if not n.startswith("_:"))


def _named(pairs) -> list:
    """Facts with blank nodes written alike (each parse names them its own way)."""
    return sorted(
        tuple("_:" if isinstance(x, str) and x.startswith("_:") else x for x in pair)
        for pair in pairs
    )


def test_facts_and_incoming_links_are_the_stores(tables, store, path):
    iris = _iris(tables)
    assert set(iris) >= {F + "a", F + "ev1", F + "fig", F + "stmt", F + "Unit"}
    mine, theirs = tables._fetch_out(iris), store._fetch_out(iris)
    assert {k: _named(v) for k, v in mine.items()} == {k: _named(v) for k, v in theirs.items()}
    mine_in, theirs_in = tables._fetch_in(iris), store._fetch_in(iris)
    assert {k: _named(v) for k, v in mine_in.items()} == {
        k: _named(v) for k, v in theirs_in.items()
    }
    kinds = {type(o).__name__ for _p, o in mine[F + "a"]}
    assert kinds == {"str", "Lit"}
    datatypes = {o.datatype for _p, o in mine[F + "a"] if not isinstance(o, str)}
    assert {"http://www.w3.org/2001/XMLSchema#date", F + "myType"} <= datatypes
    assert not tables._loader._started  # nothing of this loaded the store


def test_entities_edges_evidence_and_figures_are_the_stores(tables, store):
    for nid in _iris(tables):
        assert (nid in tables) == (nid in store), nid
        if nid not in tables:
            continue
        assert tables.node(nid) == store.node(nid)
        for mine, theirs in (
            (tables.out_edges(nid), store.out_edges(nid)),
            (tables.in_edges(nid), store.in_edges(nid)),
        ):
            assert _edges(mine) == _edges(theirs), nid
        assert tables.evidence(nid) == store.evidence(nid)
        assert tables.attributes(nid) == store.attributes(nid)
        assert tables.hidden_labels(nid) == store.hidden_labels(nid)
        assert tables.figures_of(nid) == store.figures_of(nid)
    assert tables.figures() == store.figures()
    assert tables.figures()[0].value == 53
    evidence = next(e for e in tables.out_edges(F + "b") if e.target == F + "c").evidence
    assert sorted(e.quote for e in evidence) == ["B relates to C", "again, B and C"]
    assert tables.citation(F + "art") == store.citation(F + "art")
    assert not tables._loader._started


def _edges(edges) -> list:
    def blank(x: str) -> str:
        return "_:" if x.startswith("_:") else x

    return sorted(
        # statements' evidence in file order; the store gave its own order
        (blank(e.source), e.predicate, blank(e.target), e.labels, *sorted(e.evidence, key=repr))
        for e in edges
    )


def test_classes_posts_and_the_tree_are_the_stores(tables, store):
    assert tables.organization_classes == store.organization_classes
    assert F + "Team" in tables.organization_classes
    assert tables.node(F + "b").category == "organization"
    assert tables.node(F + "post").label("en") == store.node(F + "post").label("en")
    assert tables.node(F + "post").label("en") == "Chair, A"
    assert tables.tree_roots() == store.tree_roots() == [F + "a"]
    assert tables.hierarchy.children(F + "a") == store.hierarchy.children(F + "a")
    assert tables.hierarchy.parents(F + "d") == store.hierarchy.parents(F + "d") == [F + "a"]
    assert tables.hierarchy.child_count(F + "a") == 2
    assert not tables._loader._started


def test_labelled_blank_nodes_are_entities_found_by_search(tables):
    # One parse: a blank node has the same id in every table, so it is an entity like
    # any other (the lean scan, which the store completes, cannot know it).
    (hit,) = [h for h in tables.search_index.search("Partner") if h.label == "Partner"]
    blank = hit.node_id
    assert blank.startswith("_:") and blank in tables
    assert {e.target for e in tables.out_edges(blank)} == {F + "c"}
    assert blank in {e.source for e in tables.in_edges(F + "c")}
    near = views.neighbourhood(tables, blank, depth=1)
    assert {F + "a", F + "c"} <= near.node_ids


def test_the_store_is_built_only_for_rdflib(path):
    graph = open_store(path)
    views.whole(graph, cap=3)
    graph.search_index.search("A")
    assert not graph._loader._started
    assert len(graph.rdf) == graph.triple_count  # rdflib's API: the store, now
    assert graph._loader._started


@pytest.mark.parametrize(
    "rows",
    [
        [0, 0, 1, 2, 2, 2],
        [3, 3, 0, 1, 1, 2],
        [2, 0, 2, 1, 0, 2, 5],
        [],
        [7],
        [9, 9, 9, 0, 4, 4, 0, 30],  # fewer runs than rows, yet a row comes back
        [5, 5],
        [65536, 65536, 0, 256, 65792, 65792, 1, 256],  # rows that differ in one byte only
    ],
    ids=["sorted", "grouped", "scattered", "empty", "one", "comes-back", "one-run", "bytes"],
)
def test_a_row_index_finds_every_entry_in_file_order(rows):
    from array import array

    from explorer.sources.store_load import RowIndex

    index = RowIndex(array("I", rows))
    for row in range(max(rows, default=0) + 2):
        assert list(index.positions(row)) == [i for i, r in enumerate(rows) if r == row]


def test_a_row_index_of_long_random_tables_finds_every_entry():
    import random
    from array import array

    from explorer.sources.store_load import RowIndex

    rng = random.Random(16)
    for shape in ("grouped", "scattered", "mostly-grouped"):
        rows: list[int] = []
        subjects = rng.sample(range(3000), 2000)
        for s in subjects:
            rows += [s] * rng.randint(1, 4)
        if shape == "scattered":
            rng.shuffle(rows)
        elif shape == "mostly-grouped":
            rows += subjects[:3]  # three subjects said more of later
        index = RowIndex(array("I", rows))
        expected: dict[int, list[int]] = {}
        for i, r in enumerate(rows):
            expected.setdefault(r, []).append(i)
        for row in range(3001):
            assert list(index.positions(row)) == expected.get(row, []), (shape, row)


def test_a_row_counts_its_children_before_they_are_sorted(path):
    graph = open_store(path)
    tree = graph.hierarchy
    assert tree.child_count(F + "a") == 2  # the tree panel asks it of every visible row
    assert F + "a" not in tree._children  # nothing sorted by label yet
    assert tree.children(F + "a") == [F + "b", F + "d"]
    assert tree.child_count(F + "c") == 0


def test_search_offers_the_categories_of_entities_only(tables, store):
    # reified statements, evidence and figures are typed but no entities: their kinds
    # are not offered as type filters, whichever way the file was scanned
    for graph in (tables, store):
        expected = {graph.node(n).category for n in graph.node_ids}
        assert graph.search_index.categories() == expected
