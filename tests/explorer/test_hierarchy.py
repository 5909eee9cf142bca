"""Hierarchies from ORG, SKOS and RDFS; cycles reported and cut; deep and wide trees."""

from __future__ import annotations

from pathlib import Path

from explorer.graph import KnowledgeGraph
from explorer.hierarchy import Hierarchy
from explorer.model import TreeLink

BAD = Path(__file__).parents[1] / "data" / "bad"
LZ = "https://w3id.org/kg-explorer/lanzhou/"
EX = "http://example.org/"


def test_org_tree_from_city_to_community(mini: KnowledgeGraph):
    tree = mini.hierarchy
    assert tree.roots() == [LZ + "city-committee"]
    assert tree.children(LZ + "city-committee") == [LZ + "district-committee"]
    assert tree.ancestors(LZ + "community-org") == [
        LZ + "city-committee",
        LZ + "district-committee",
        LZ + "subdistrict-committee",
    ]
    assert tree.child_count(LZ + "community-org") == 0


def test_org_concept_and_class_trees_are_separate_views(load_text):
    """The organization tree never mixes in concepts or classes (issue 12); each is its
    own view. (This test used to expect all three kinds in one tree.)"""
    kg = load_text(
        """@prefix ex: <http://example.org/> .
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix org: <http://www.w3.org/ns/org#> .
        ex:animal skos:narrower ex:dog .
        ex:puppy skos:broader ex:dog .
        ex:Cat rdfs:subClassOf ex:Mammal .
        ex:corp org:hasUnit ex:dept .
        """
    )
    tree = kg.hierarchy
    assert tree.kind == "organization"
    assert tree.roots() == [EX + "corp"]
    assert tree.children(EX + "corp") == [EX + "dept"]
    assert not tree.contains(EX + "dog") and not tree.contains(EX + "Cat")
    concepts = kg.hierarchy_of("concept")
    assert concepts.ancestors(EX + "puppy") == [EX + "animal", EX + "dog"]
    assert not concepts.contains(EX + "corp")
    assert kg.hierarchy_of("class").parents(EX + "Cat") == [EX + "Mammal"]


def test_data_without_units_shows_its_concept_tree(load_text):
    kg = load_text(
        """@prefix ex: <http://example.org/> .
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        ex:puppy skos:broader ex:dog .
        ex:Cat rdfs:subClassOf ex:Mammal .
        """
    )
    assert kg.hierarchy.kind == "concept"
    assert kg.hierarchy.roots() == [EX + "dog"]


def test_declared_sub_property_of_sub_organization_counts(load_text):
    kg = load_text(
        """@prefix ex: <http://example.org/> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix org: <http://www.w3.org/ns/org#> .
        ex:branchOf rdfs:subPropertyOf org:subOrganizationOf .
        ex:b ex:branchOf ex:a .
        """
    )
    assert kg.hierarchy.parents(EX + "b") == [EX + "a"]


def test_cycles_and_self_loops_are_reported_and_cut():
    kg = KnowledgeGraph.from_file(BAD / "cycle.ttl")
    tree = kg.hierarchy
    assert len(tree.cycles) == 2
    loops = sorted(tuple(sorted(c.node_ids)) for c in tree.cycles)
    assert loops == [(EX + "a", EX + "b", EX + "c"), (EX + "d",)]
    # every walk terminates and every node is reachable from some root
    reached = {n for root in tree.roots() for n, _ in tree.descendants(root)}
    assert {EX + x for x in "abcde"} <= reached
    for node in (EX + x for x in "abcde"):
        assert node not in tree.ancestors(node)


def test_ten_thousand_deep_chain_needs_no_recursion():
    kg = KnowledgeGraph.from_file(BAD / "deep-chain.ttl")
    tree = kg.hierarchy
    assert tree.roots() == ["http://example.org/n/0"]
    assert len(tree.ancestors("http://example.org/n/10000")) == 10000
    assert len(tree.descendants("http://example.org/n/0")) == 10001


def test_twenty_thousand_children():
    links = [TreeLink("root", f"c{i}", "p") for i in range(20000)]
    tree = Hierarchy(links)
    assert tree.child_count("root") == 20000
    assert tree.children("root")[:2] == ["c0", "c1"]
    assert tree.ancestors("c19999") == ["root"]
