"""graph_data.build: the tables in graph_data/source/ are the one source of article.ttl."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF

from graph_data import build

LZ = "https://w3id.org/kg-explorer/lanzhou/"
KGX = "https://w3id.org/kg-explorer/vocab#"


@pytest.fixture
def tables(tmp_path: Path) -> Path:
    copy = tmp_path / "source"
    shutil.copytree(build.SOURCE, copy)
    return copy


def append_row(path: Path, **cells: str) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        columns = next(csv.reader(handle))
    with path.open("a", encoding="utf-8", newline="") as handle:
        csv.DictWriter(handle, columns, lineterminator="\n").writerow(cells)


def test_article_ttl_is_current_with_its_tables():
    assert build.main(["--check"]) == 0


def test_the_same_tables_give_the_same_file():
    assert build.render() == build.render()


def test_prefixes_come_from_the_vocabulary():
    bound = {prefix for prefix, _ in build.build_graph().namespaces()}
    assert {"kgx", "lz", "org", "skos", "dcterms"} <= bound
    assert "PREFIXES" not in vars(build)


def test_a_relation_row_becomes_a_triple_and_a_statement_with_its_evidence(tables):
    append_row(
        tables / "relations.csv",
        subject="lanzhou-municipal-party-committee",
        predicate="kgx:organizes",
        object="on-site-observation",
        quote="组织开展现 场观摩活动",
        section="2",
    )
    graph = build.build_graph(tables)
    s, p, o = (
        URIRef(LZ + "lanzhou-municipal-party-committee"),
        URIRef(KGX + "organizes"),
        URIRef(LZ + "on-site-observation"),
    )
    assert (s, p, o) in graph
    [statement] = [st for st in graph.subjects(RDF.subject, s) if graph.value(st, RDF.object) == o]
    quotes = {
        graph.value(ev, URIRef(KGX + "quote"))
        for ev in graph.objects(statement, URIRef(KGX + "evidence"))
    }
    assert Literal("组织开展现 场观摩活动", lang="zh") in quotes


def test_an_unknown_prefix_is_named_with_its_file_and_line(tables, capsys):
    append_row(tables / "relations.csv", subject="cpc", predicate="kgz:leads", object="lanzhou")
    lines = (tables / "relations.csv").read_text(encoding="utf-8").count("\n")
    with pytest.raises(build.BuildError, match=rf"relations\.csv:{lines}: 'kgz:leads'"):
        build.build_graph(tables)
    assert build.main(["--check", "--source", str(tables)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "relations.csv" in err


def test_a_ragged_row_is_reported(tables):
    with (tables / "entities.csv").open("a", encoding="utf-8") as handle:
        handle.write("only-an-id\n")
    with pytest.raises(build.BuildError, match=r"entities\.csv"):
        build.build_graph(tables)
