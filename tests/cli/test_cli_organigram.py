"""`kg-explorer` on a real published organigram and on a parent with 20,000 units."""

from __future__ import annotations

from pathlib import Path

from rdflib import URIRef
from rdflib.namespace import ORG

from benchmarks.bench_organigram import wide_organigram
from explorer.rdf_io import load_graph

SENFIN = str(Path(__file__).parents[2] / "../shared/data/organigrams/berlin-senfin-2023.ttl")
OG = "https://berlin.github.io/lod-organigram/"
ROOT = OG + "organisation-5fe5e3326f"
LIP = OG + "organisation-286c60a2fc"  # Leitstelle Investitionsplanung
ABT_II = OG + "organisation-108182e477"
ABT_III = OG + "organisation-b5fbc576a7"


def test_tree_of_the_root_by_name_lists_units_only(cli):
    # the chart document has the root's label too: the unit wins
    r = cli("tree", "Senatsverwaltung für Finanzen", "--data", SENFIN, "--json")
    assert r.code == 0, r.err
    nodes = r.json()["nodes"]
    assert nodes[0]["id"] == ROOT
    assert len(nodes) == 50
    assert all("/organisation-" in n["id"] for n in nodes)


def test_a_unit_with_two_parents_is_printed_under_both(cli, tmp_path):
    g = load_graph(SENFIN)
    g.add((URIRef(ABT_III), ORG.hasSubOrganization, URIRef(LIP)))
    path = tmp_path / "shared.ttl"
    g.serialize(path, format="turtle")
    r = cli("tree", "--data", str(path))
    assert r.code == 0, r.err
    rows = [line.strip() for line in r.out.splitlines() if "Leitstelle Investitionsplanung" in line]
    assert len(rows) == 2
    assert "also under Abteilung III" in rows[0] or "also under Abteilung III" in rows[1]
    data = cli("tree", "--data", str(path), "--json").json()
    parents = sorted(n["parent"] for n in data["nodes"] if n["id"] == LIP)
    assert parents == sorted([ABT_II, ABT_III])
    shown = cli("show", LIP, "--data", str(path), "--json").json()
    assert sorted(p["id"] for p in shown["parents"]) == sorted([ABT_II, ABT_III])


def test_people_by_family_name_and_units_by_type(cli):
    r = cli("search", "Dube", "--data", SENFIN, "--json")
    assert r.code == 0, r.err
    assert r.json()[0]["label"] == "Katrin Dube"
    r = cli("search", "Leitstelle", "--type", "organization", "--data", SENFIN, "--json")
    assert OG + "organisation-286c60a2fc" in {h["id"] for h in r.json()}


def test_show_gives_purpose_people_posts_and_parents(cli):
    r = cli("show", "Referat II F", "--data", SENFIN, "--json")
    assert r.code == 0, r.err
    data = r.json()
    assert data["description"].startswith("Angelegenheiten der Einzelpläne 07, 12 und 13")
    assert [p["label"] for p in data["parents"]] == ["Abteilung II - Finanzpolitik und Haushalt"]
    staff = data["people_and_posts"]
    assert staff[0]["post"]["label"] == "Referatsleitung, Referat II F"
    assert staff[0]["person"]["id"] == OG + "person-be7e8f1e90"
    assert staff[0]["role"]["label"] == "Referatsleitung"
    text = cli("show", "Referat II F", "--data", SENFIN).out
    assert "Einzelpläne 07, 12 und 13" in text and "Referatsleitung, Referat II F" in text
    assert "types: Organization, Referat" in text  # interface words in English, not 组织
    assert "has sub-organization" in text and "下设" not in text


def test_an_ambiguous_name_lists_the_candidates_with_exit_2(cli, tmp_path):
    path = tmp_path / "two.ttl"
    path.write_text(
        "@prefix ex: <http://example.org/> . @prefix org: <http://www.w3.org/ns/org#> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        'ex:a a org:Organization ; skos:prefLabel "Referat Z"@de ; org:hasSubOrganization ex:c .\n'
        'ex:b a org:Organization ; skos:prefLabel "Referat Z"@de .\n',
        encoding="utf-8",
    )
    r = cli("tree", "Referat Z", "--data", str(path))
    assert r.code == 2
    assert "http://example.org/a" in r.err and "http://example.org/b" in r.err


def test_plain_json_says_it_is_not_json_ld(cli, tmp_path):
    path = tmp_path / "chart.json"
    path.write_text('{"units": [{"name": "Referat"}]}', encoding="utf-8")
    r = cli("stats", "--data", str(path))
    assert r.code == 2
    assert "not JSON-LD" in r.err and "@context" in r.err


def test_tree_of_a_parent_with_twenty_thousand_units(cli, tmp_path):
    for labelled in (False, True):  # in memory (0.8 MB) and store-backed (2 MB)
        path = wide_organigram(tmp_path / f"wide-{labelled}.ttl", labelled=labelled)
        r = cli("tree", "--data", str(path))
        assert r.code == 0, r.err
        lines = r.out.splitlines()
        assert len(lines) == 20_001
        assert lines[0] == "Wide root"


def test_stats_counts_every_unit_as_an_organization(cli):
    r = cli("stats", "--data", SENFIN, "--json")
    assert r.code == 0, r.err
    kinds = {c["key"]: c["count"] for c in r.json()["categories"]}
    assert kinds["organization"] == 50  # 30 typed org:Organization, 20 only by a subclass
    assert kinds["person"] == 52
