"""Tree roots, labels in bulk and search's input, read from the scan's arrays in bulk,
give the answers the per-entity questions give, in the same order.

The fixture is made for order: labels that tie (also once case-folded), missing
labels, labels in several languages and of several predicates, a blank label, roots
found through a downward and a declared sub-property, a blank-node parent, a term
typed twice in two places and a term with several types.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer.categories import category_of
from explorer.sources import forked
from explorer.sources.facts import fallback_name
from explorer.sources.store import StoreGraph, open_store
from explorer.sources.store_load import LABELS

R = "https://example.org/r/"

FIXTURE = """\
@prefix ex: <https://example.org/r/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix kgx: <https://w3id.org/kg-explorer/vocab#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .

ex:unitOf rdfs:subPropertyOf org:subOrganizationOf .
ex:zh a org:Organization ; skos:prefLabel "甲"@zh .
ex:tie2 a org:Organization ; rdfs:label "Same"@en .
ex:tie1 a org:Organization ; rdfs:label "same"@en .
ex:tie3 a org:Organization ; rdfs:label "Same"@en .
ex:both a org:Organization ; skos:prefLabel "乙"@zh, "Bee"@en .
ex:ranks a org:Organization ; rdfs:label "Aardvark"@en ; skos:prefLabel "Zed"@en .
ex:gb a org:Organization ; rdfs:label "Colour"@en-GB .
ex:plain a org:Organization ; rdfs:label "plain" .
ex:blank a org:Organization ; rdfs:label "   "@en, "丙"@zh .
ex:spaced a org:Organization ; rdfs:label "  Dee   Unit "@en .
ex:other a org:Organization ; rdfs:label "Équipe"@fr, "Ähm"@de .
ex:nolabel a org:Organization .
ex:apple a org:Organization ; rdfs:label "apple"@en .
ex:Apple a org:Organization ; rdfs:label "Apple"@en .
ex:twice a org:OrganizationalUnit ; rdfs:label "Twice"@en .
ex:several a kgx:Person, org:Organization ; rdfs:label "Several"@en .
ex:untyped org:hasSubOrganization ex:k0 .
_:p rdfs:label "Blank parent"@en ; org:hasSubOrganization ex:k0 .
ex:k0 org:subOrganizationOf ex:zh, ex:tie1, ex:tie2, ex:tie3, ex:both ; rdfs:label "K0"@en .
ex:k1 org:subOrganizationOf ex:ranks, ex:gb, ex:plain, ex:blank, ex:spaced ; a kgx:Person .
ex:k2 ex:unitOf ex:other ; org:subOrganizationOf ex:apple, ex:Apple .
ex:nolabel org:hasSubOrganization ex:k2 .
ex:several org:hasSubOrganization ex:twice .
ex:twice org:hasSubOrganization ex:k3 ; a kgx:Mechanism .
ex:k3 a org:Post, org:Organization, kgx:Person .
"""

#: The roots' order before they were read in bulk, by English label case-folded, then
#: by id: "Apple" and "apple" tie once folded, as do three "Same"; "ranks" sorts by its
#: skos:prefLabel "Zed", "other" (no English, no Chinese) by "Ähm" (de before fr),
#: "blank" by its Chinese label (its English one is blank), "nolabel" and "untyped" by
#: their names; the blank-node parent is no root.
EXPECTED_ROOTS = [
    "Apple",
    "apple",
    "both",
    "gb",
    "spaced",
    "nolabel",
    "plain",
    "tie1",
    "tie2",
    "tie3",
    "several",
    "untyped",
    "ranks",
    "other",
    "blank",
    "zh",
]


@pytest.fixture(scope="module")
def path(tmp_path_factory) -> Path:
    p = tmp_path_factory.mktemp("roots") / "roots.ttl"
    p.write_text(FIXTURE, encoding="utf-8")
    return p


@pytest.fixture(scope="module")
def tables(path) -> StoreGraph:
    return open_store(path)


@pytest.fixture(scope="module")
def store(path) -> StoreGraph:
    return open_store(path, preload=False)  # a lean scan: the store answers the rest


def test_roots_come_in_the_order_of_their_english_labels_then_ids(path):
    graph = open_store(path)
    graph.node(R + "both")  # one already built: its label is read from the Node
    roots = graph.hierarchy.roots()
    assert roots == [R + local for local in EXPECTED_ROOTS]
    one_by_one = sorted(roots, key=lambda i: (graph.label(i, "en").casefold(), i))
    assert roots == one_by_one


@pytest.mark.skipif(not forked.available(), reason="the child is forked (Linux)")
def test_roots_found_in_a_child_while_the_index_is_built_are_the_same(path):
    graph = open_store(path)
    graph.prepare_for_window(in_child=True)
    assert "search_index" in graph.__dict__
    assert graph._roots == [R + local for local in EXPECTED_ROOTS]  # the child's answer
    assert graph.hierarchy.roots() == graph._roots
    links = graph.scan.links
    assert links.by_object.built() is not None  # adopted from the child, not rebuilt
    here = open_store(path)
    for nid in (R + "k0", R + "zh", R + "twice", R + "nolabel"):
        assert graph.hierarchy.children(nid) == here.hierarchy.children(nid)
        assert graph.hierarchy.parents(nid) == here.hierarchy.parents(nid)
        assert graph.facts(nid) == here.facts(nid)


def test_the_roots_are_the_stores(tables, store):
    assert tables.tree_roots() == store.tree_roots()
    assert not tables._loader.started


def test_entities_are_counted_from_their_flags(tables, store):
    for graph in (tables, store):
        assert len(graph) == len(graph.node_ids) == len(list(graph.nodes()))
        assert R + "k3" in graph.node_ids and R + "untyped" not in graph.node_ids


@pytest.mark.parametrize("lang", ["en", "zh", "both"])
def test_labels_in_bulk_are_the_labels_one_by_one(path, lang):
    graph = open_store(path)
    graph.node(R + "both")
    ids = [n for n in graph.scan.names if not n.startswith("_:")] + ["urn:nothing", "_:x"]
    assert graph.label_each(ids, lang) == [graph.label(i, lang) for i in ids]


def test_search_input_has_every_entitys_labels_and_category(tables, store):
    for graph in (tables, store):
        columns = graph._search_columns()
        category = dict(zip(columns.ids, columns.categories, strict=True))
        texts, rows = columns.labels
        found: dict[str, list[str]] = {}
        for text, row in zip(texts, rows, strict=True):
            found.setdefault(columns.ids[row], []).append(text)
        for nid in graph.node_ids:
            types = tuple(sorted(set(graph.node(nid).types)))
            assert category[nid] == category_of(types), nid
            labels = [text for _rank, _lang, text in graph.scan.of(nid, LABELS)]
            assert sorted(found[nid]) == sorted(labels or [fallback_name(nid, types)]), nid
        assert category[R + "twice"] == category[R + "k3"] == "organization"  # typed twice
        assert category[R + "k1"] == "person"
        assert found[R + "nolabel"] == ["nolabel"]


def test_entries_equal_to_some_values_are_found_on_the_bytes():
    import random
    from array import array

    from explorer.sources.store import _where

    rng = random.Random(16)
    pool = [0, 1, 255, 256, 257, 65536, 65537, 2**24, 2**32 - 1, 2**32 - 256]
    table = array("I", (rng.choice(pool) for _ in range(5000)))
    for values in ({0}, {256}, {1, 2**32 - 1}, {7}, set(pool)):
        expected = bytes(int(x in values) for x in table)
        assert _where(table, frozenset(values)) == expected, values
    assert _where(array("I"), frozenset({1})) == b""
