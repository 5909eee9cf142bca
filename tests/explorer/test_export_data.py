"""Data exports read back by other readers: pyoxigraph, rdflib, NetworkX, the csv module."""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal
from rdflib.compare import isomorphic

from explorer import views
from explorer.export import ExportError, ExportOptions, export
from explorer.export.rdf import view_graph
from explorer.graph import KnowledgeGraph

DATA = Path(__file__).parents[1] / "data" / "export"
EX = "https://example.org/lz/"


@pytest.fixture(scope="module")
def kg() -> KnowledgeGraph:
    return KnowledgeGraph.from_file(DATA / "small.ttl")


@pytest.fixture(scope="module")
def whole(kg):
    return views.whole(kg)


@pytest.fixture(scope="module")
def near(kg):
    return views.neighbourhood(kg, EX + "city", depth=1)


@pytest.mark.parametrize(
    ("fmt", "rdflib_name", "ox_format"),
    [
        ("ttl", "turtle", ox.RdfFormat.TURTLE),
        ("nt", "nt", ox.RdfFormat.N_TRIPLES),
        ("jsonld", "json-ld", ox.RdfFormat.JSON_LD),
    ],
)
def test_rdf_round_trip_is_isomorphic(kg, whole, tmp_path, fmt, rdflib_name, ox_format):
    out = tmp_path / f"g.{fmt}"
    assert export(whole, out, fmt, kg=kg) == [out]
    back = Graph().parse(out, format=rdflib_name)
    assert isomorphic(back, kg.rdf)
    quads = list(ox.parse(path=str(out), format=ox_format))
    assert len(quads) == len(kg.rdf)


def test_view_data_is_its_entities_with_their_evidence(kg, near, tmp_path):
    out = tmp_path / "near.ttl"
    export(near, out, "ttl", kg=kg)
    back = Graph().parse(out, format="turtle")
    assert isomorphic(back, view_graph(kg, near))
    quotes = {str(o) for o in back.objects() if isinstance(o, Literal)}
    assert "兰州市委高度重视城市基层党建" in quotes  # evidence of an entity
    assert "市委统筹、区委主抓" in quotes  # evidence of a statement about a relation
    subjects = {str(s) for s in back.subjects()}
    assert EX + "city" in subjects and EX + "district" in subjects
    assert EX + "goal" not in subjects  # two hops away: not in the view
    assert len(list(ox.parse(path=str(out), format=ox.RdfFormat.TURTLE))) == len(back)


def test_data_formats_need_the_graph(near, tmp_path):
    with pytest.raises(ExportError, match="needs the graph"):
        export(near, tmp_path / "x.ttl", "ttl")


def test_graphml_opens_in_networkx_with_labels_and_predicates(whole, tmp_path):
    out = tmp_path / "g.graphml"
    export(whole, out, "graphml", options=ExportOptions(lang="zh"))
    g = nx.read_graphml(out)
    assert g.number_of_nodes() == len(whole.nodes)
    assert g.number_of_edges() == len(whole.edges)
    city = g.nodes[EX + "city"]
    assert city["label"] == "兰州市委" and city["label_en"] == "Lanzhou CPC Municipal Committee"
    assert city["category"] == "organization" and "Organization" in city["types"]
    predicates = {d["predicate"] for _a, _b, d in g.edges(data=True)}
    assert "https://w3id.org/kg-explorer/vocab#leads" in predicates
    assert all(
        isinstance(v, str) for _n, d in g.nodes(data=True) for k, v in d.items() if k not in "xy"
    )


def test_gexf_opens_in_networkx_with_labels_colours_and_positions(whole, tmp_path):
    out = tmp_path / "g.gexf"
    export(whole, out, "gexf", positions={n.id: (1.0, 2.0) for n in whole.nodes})
    g = nx.read_gexf(out)
    assert g.number_of_nodes() == len(whole.nodes)
    assert g.number_of_edges() == len(whole.edges)
    city = g.nodes[EX + "city"]
    assert city["label"] == "兰州市委"
    assert city["viz"]["color"]["r"] == 0xD9 and city["viz"]["position"]["x"] == 1.0
    assert {d["label_en"] for _a, _b, d in g.edges(data=True)} >= {"leads"}


def test_csv_is_two_excel_friendly_files(whole, tmp_path):
    folder = tmp_path / "tables"
    written = export(whole, folder, "csv", options=ExportOptions(lang="zh"))
    assert sorted(p.name for p in written) == ["edges.csv", "nodes.csv"]
    raw = (folder / "nodes.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    with open(folder / "nodes.csv", encoding="utf-8-sig", newline="") as f:
        nodes = list(csv.DictReader(f))
    with open(folder / "edges.csv", encoding="utf-8-sig", newline="") as f:
        edges = list(csv.DictReader(f))
    assert len(nodes) == len(whole.nodes) and len(edges) == len(whole.edges)
    assert {"id", "label", "label_zh", "label_en", "category"} <= set(nodes[0])
    assert "兰州市委" in {n["label"] for n in nodes}
    lead = next(e for e in edges if e["predicate"].endswith("#leads"))
    assert lead["source_label"] == "兰州市委" and lead["evidence"] == "市委统筹、区委主抓"


def test_csv_refuses_a_file_as_its_folder(whole, tmp_path):
    plain = tmp_path / "plain.txt"
    plain.write_text("keep", encoding="utf-8")
    with pytest.raises(ExportError, match="name a folder"):
        export(whole, plain, "csv")
    assert plain.read_text(encoding="utf-8") == "keep"
