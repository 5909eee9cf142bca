"""A real published organigram (W3C ORG + SKOS + vCard, German labels), read as the
publisher wrote it: unit classes of its own, posts named by role, people by vCard name
parts, purposes, several parents, and the interface's words in the interface language."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import ORG, RDFS

from explorer.categories import category
from explorer.errors import LoadError
from explorer.graph import KnowledgeGraph
from explorer.model import set_interface_language
from explorer.rdf_io import load_graph
from explorer.resolve import AmbiguousName, find_entity

SENFIN = Path(__file__).parents[2] / "../shared/data/organigrams/berlin-senfin-2023.ttl"
OG = "https://berlin.github.io/lod-organigram/"
ROOT = OG + "organisation-5fe5e3326f"  # Senatsverwaltung für Finanzen
ABT_II = OG + "organisation-108182e477"  # Abteilung II - Finanzpolitik und Haushalt
LIP = OG + "organisation-286c60a2fc"  # Leitstelle Investitionsplanung, typed only orgtype-…
REF_IB = OG + "organisation-1ff57f2d68"  # Referat I B


@pytest.fixture(scope="module")
def senfin() -> KnowledgeGraph:
    return KnowledgeGraph.from_file(SENFIN)


@pytest.fixture
def interface_language():
    """Set the interface language for one test, and put it back."""
    yield set_interface_language
    set_interface_language(None)


def sub_organization_links(path: Path) -> set[tuple[str, str]]:
    g = load_graph(path)
    links = {(str(p), str(c)) for p, c in g.subject_objects(ORG.hasSubOrganization)}
    return links | {(str(p), str(c)) for c, p in g.subject_objects(ORG.subOrganizationOf)}


def tree_links(kg: KnowledgeGraph) -> set[tuple[str, str]]:
    rows = [row for root in kg.hierarchy.roots() for row in kg.hierarchy.outline(root)]
    return {(row.parent, row.node_id) for row in rows if row.parent}


def test_every_unit_is_in_the_tree_under_each_of_its_parents(senfin: KnowledgeGraph):
    links = sub_organization_links(SENFIN)
    assert len(links) == 49
    assert tree_links(senfin) == links
    assert senfin.hierarchy.roots() == [ROOT]


def test_a_unit_with_three_parents_shows_under_each(tmp_path: Path):
    g = load_graph(SENFIN)
    parents = [ABT_II, OG + "organisation-b5fbc576a7", OG + "organisation-2c53b5b606"]
    for parent in parents[1:]:
        g.add((URIRef(parent), ORG.hasSubOrganization, URIRef(LIP)))
    path = tmp_path / "shared.ttl"
    g.serialize(path, format="turtle")
    kg = KnowledgeGraph.from_file(path)
    rows = [r for r in kg.hierarchy.outline(ROOT) if r.node_id == LIP]
    assert sorted(r.parent for r in rows) == sorted(parents)
    for row in rows:
        assert sorted(row.also_under) == sorted(p for p in parents if p != row.parent)
    assert sorted(kg.hierarchy.parents(LIP)) == sorted(parents)
    assert tree_links(kg) == sub_organization_links(path)


def test_no_class_is_in_the_tree_and_subclass_typed_units_are_organizations(
    senfin: KnowledgeGraph,
):
    in_tree = {row.node_id for row in senfin.hierarchy.outline(ROOT)}
    assert len(in_tree) == 50
    assert all(senfin.node(n).category == "organization" for n in in_tree)
    assert str(ORG.Organization) not in in_tree
    classes = {n.id for n in senfin.nodes() if n.category == "class"}
    assert str(ORG.Organization) in classes and OG + "orgtype-0000000000" in classes
    assert not classes & in_tree
    # typed only by the publisher's class, declared rdfs:subClassOf org:Organization
    assert senfin.node(LIP).types == (OG + "orgtype-0000000000",)
    assert senfin.node(LIP).category == "organization"
    organizations = {n.id for n in senfin.nodes() if n.category == "organization"}
    assert organizations == in_tree
    hits = senfin.search_index.search("Leitstelle", categories={"organization"}, limit=20)
    assert LIP in {h.node_id for h in hits}


def test_subclass_chains_count_as_organizations(load_text):
    kg = load_text(
        """@prefix ex: <http://example.org/> .
        @prefix org: <http://www.w3.org/ns/org#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        ex:Amt rdfs:subClassOf ex:Behoerde . ex:Behoerde rdfs:subClassOf org:FormalOrganization .
        ex:Loop rdfs:subClassOf ex:Loop .
        ex:a a ex:Amt ; rdfs:label "A"@de . ex:b a ex:Loop ; rdfs:label "B"@de .
        """
    )
    assert kg.node("http://example.org/a").category == "organization"
    assert kg.node("http://example.org/b").category != "organization"


def test_people_are_named_by_vcard_parts_and_found_by_family_name(senfin: KnowledgeGraph):
    dube = OG + "person-06c11f8f08"
    assert senfin.node(dube).label("zh") == "Katrin Dube"
    assert senfin.node(dube).category == "person"
    assert senfin.search_index.search("Dube")[0].node_id == dube
    assert senfin.search_index.search("Katrin Dube")[0].node_id == dube
    unnamed = [n.id for n in senfin.nodes() if n.category == "person" and n.label() == n.fallback]
    assert unnamed == []


def test_posts_are_named_by_role_and_unit(senfin: KnowledgeGraph):
    post = OG + "position-632cdb0e18"  # org:role berorgs:Abteilungsleitung, in Abteilung II
    assert (
        senfin.label(post, "en") == "Abteilungsleitung, Abteilung II - Finanzpolitik und Haushalt"
    )
    hits = senfin.search_index.search("Abteilungsleitung, Abteilung II", limit=5)
    assert post in {h.node_id for h in hits}
    raw = [n.id for n in senfin.nodes() if n.category == "role" and n.label() == n.fallback]
    assert not [r for r in raw if "/position-" in r]


def test_people_and_posts_of_a_unit(senfin: KnowledgeGraph):
    staff = senfin.staff(ABT_II)
    assert [(s.person_id, s.post_id) for s in staff] == [
        (OG + "person-06c11f8f08", OG + "position-632cdb0e18")
    ]
    assert staff[0].role_id.endswith("/Abteilungsleitung")


def test_memberships_and_heads(load_text):
    kg = load_text(
        """@prefix ex: <http://example.org/> .
        @prefix org: <http://www.w3.org/ns/org#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        ex:unit a org:OrganizationalUnit ; rdfs:label "Referat A"@de .
        ex:boss a <http://xmlns.com/foaf/0.1/Person> ; rdfs:label "Chefin"@de ; org:headOf ex:unit .
        ex:m a org:Membership ; org:member ex:ann ; org:organization ex:unit ; org:role ex:Clerk .
        ex:ann rdfs:label "Ann"@de .
        ex:Clerk a org:Role ; rdfs:label "Sachbearbeitung"@de .
        """
    )
    unit = "http://example.org/unit"
    assert kg.heads(unit) == ("http://example.org/boss",)
    ann = [s for s in kg.staff(unit) if s.person_id == "http://example.org/ann"]
    assert ann[0].role_id == "http://example.org/Clerk"


def test_purpose_is_a_description_searchable_and_exported(senfin: KnowledgeGraph, tmp_path):
    assert senfin.node(REF_IB).description("zh") == "Beteiligungsmanagement I"
    hits = senfin.search_index.search("Beteiligungsmanagement", limit=20)
    assert REF_IB in {h.node_id for h in hits}
    from explorer.export import tables

    view = _whole(senfin)
    tables.write_csv(view, tmp_path, "both")
    with open(tmp_path / "nodes.csv", encoding="utf-8-sig") as fh:
        rows = {r["id"]: r for r in csv.DictReader(fh)}
    assert rows[REF_IB]["description"] == "Beteiligungsmanagement I"
    tables.write_graphml(view, tmp_path / "g.graphml", "both")
    assert "Beteiligungsmanagement I" in (tmp_path / "g.graphml").read_text(encoding="utf-8")


def _whole(kg: KnowledgeGraph):
    from explorer.model import GraphView

    return GraphView(tuple(kg.nodes()), tuple(kg.edges()), title="all")


def test_empty_labels_are_ignored(senfin: KnowledgeGraph):
    assert senfin.label(OG + "orgtype-0000000000") == "orgtype-0000000000"
    assert senfin.node(LIP).type_label != ""


def test_name_lookup_prefers_the_unit_over_the_chart_document(senfin: KnowledgeGraph):
    # the chart document (berorgs:Organogram) has the root unit's label too
    assert senfin.resolve("Senatsverwaltung für Finanzen") == ROOT
    assert senfin.node(OG + "organigram-20c5cdb22b").category == "document"


def test_an_ambiguous_name_lists_the_candidates(load_text):
    kg = load_text(
        """@prefix ex: <http://example.org/> .
        @prefix org: <http://www.w3.org/ns/org#> .
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        ex:a a org:Organization ; skos:prefLabel "Referat Z"@de .
        ex:b a org:Organization ; skos:prefLabel "Referat Z"@de .
        """
    )
    with pytest.raises(AmbiguousName) as caught:
        kg.resolve("Referat Z")
    assert sorted(i for i, _l in caught.value.candidates) == [
        "http://example.org/a",
        "http://example.org/b",
    ]
    assert "http://example.org/a" in str(caught.value)
    assert find_entity(kg, "Referat Z") is None  # a panel's lookup takes neither silently


def test_interface_words_follow_the_interface_language(senfin, interface_language):
    edge = next(e for e in senfin.edges() if e.predicate == str(ORG.hasSubOrganization))
    interface_language("en")
    assert category("organization").label("zh") == "Organization"
    assert category("other").label("both") == "Other"
    assert edge.label("zh") == "has sub-organization"
    interface_language("zh")
    assert category("organization").label("en") == "组织"
    assert edge.label("en") == "下设"
    # the data keeps its own language
    assert senfin.label(ROOT, "zh") == "Senatsverwaltung für Finanzen"


def test_svg_is_tagged_with_the_labels_language(senfin: KnowledgeGraph):
    from explorer.render.svg import SvgOptions, render_svg

    svg = render_svg(_whole(senfin), {}, SvgOptions(lang="zh"))
    assert 'xml:lang="de"' in svg


def test_plain_json_is_not_json_ld(tmp_path: Path):
    path = tmp_path / "data.json"
    path.write_text('{"name": "Referat", "children": [1, 2]}', encoding="utf-8")
    with pytest.raises(LoadError, match=r'not JSON-LD: it has no "@context"'):
        load_graph(path)


def test_json_ld_without_context_but_with_ids_still_loads(tmp_path: Path):
    path = tmp_path / "data.json"
    path.write_text(
        '{"@id": "http://example.org/a", "http://www.w3.org/2000/01/rdf-schema#label": "A"}',
        encoding="utf-8",
    )
    g: Graph = load_graph(path)
    assert (URIRef("http://example.org/a"), RDFS.label, Literal("A")) in g


def test_details_list_parents_people_and_posts_with_working_links(senfin: KnowledgeGraph):
    from explorer.render.report_html import details_html
    from explorer.reports import build_entity_details

    unit = OG + "organisation-226017243c"  # Referat II F
    d = build_entity_details(senfin, unit, "en")
    assert [p.id for p in d.parents] == [ABT_II]
    assert [(line.person.label, line.post.label) for line in d.people] == [
        ("Jan Schubert", "Referatsleitung, Referat II F")
    ]
    page = details_html(d)
    assert "People and posts" in page.html
    assert "Angelegenheiten der Einzelpläne 07, 12 und 13" in page.html
    # every link's number points at the entity it names
    links = re.findall(r"href='#e(\d+)'>([^<]+)</a>", page.html)
    assert len(links) >= 4  # the person, the post, the member, the parent
    for number, text in links:
        assert senfin.label(page.targets[int(number)], "en") == text.replace("&amp;", "&")


def test_a_store_backed_organigram_reads_the_same():
    """Charts over 1 MB open store-backed: same classes, names, posts and tree."""
    from explorer.sources.store import open_store

    kg = open_store(SENFIN)
    assert kg.label(OG + "position-632cdb0e18", "en") == (
        "Abteilungsleitung, Abteilung II - Finanzpolitik und Haushalt"
    )
    assert kg.label(OG + "person-06c11f8f08") == "Katrin Dube"
    assert kg.node(LIP).category == "organization"
    assert kg.hierarchy.roots() == [ROOT]
    rows = kg.hierarchy.outline(ROOT)
    assert {(r.parent, r.node_id) for r in rows if r.parent} == sub_organization_links(SENFIN)


def test_store_backed_lookup_prefers_the_unit_too():
    from explorer.sources.store import open_store

    assert open_store(SENFIN).resolve("Senatsverwaltung für Finanzen") == ROOT
