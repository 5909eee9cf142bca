"""Loading RDF files: every format, sniffing by content, and clear errors on bad input."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from explorer.errors import LoadError
from explorer.rdf_io import load_graph, sniff_format

DATA = Path(__file__).parents[1] / "data"
MINI = DATA / "mini.ttl"
BAD = DATA / "bad"


@pytest.fixture(scope="module")
def reference() -> Graph:
    return Graph().parse(MINI, format="turtle")


@pytest.mark.parametrize(
    ("fmt", "suffix"),
    [("turtle", ".ttl"), ("nt", ".nt"), ("json-ld", ".jsonld"), ("xml", ".rdf")],
)
def test_each_triple_format_loads_the_same_graph(tmp_path, reference, fmt, suffix):
    path = tmp_path / f"mini{suffix}"
    path.write_text(reference.serialize(format=fmt), encoding="utf-8")
    assert isomorphic(load_graph(path), reference)


@pytest.mark.parametrize(("fmt", "suffix"), [("nquads", ".nq"), ("trig", ".trig")])
def test_quad_formats_flatten_named_graphs(tmp_path, reference, fmt, suffix):
    ds = Dataset()
    named = ds.graph(URIRef("http://example.org/g1"))
    for triple in reference:
        named.add(triple)
    path = tmp_path / f"mini{suffix}"
    path.write_text(ds.serialize(format=fmt), encoding="utf-8")
    assert isomorphic(load_graph(path), reference)


def test_a_turtle_file_named_rdf_still_loads(tmp_path, reference):
    path = tmp_path / "actually-turtle.rdf"
    shutil.copy(MINI, path)
    assert isomorphic(load_graph(path), reference)


def test_unknown_extension_is_sniffed_from_content(tmp_path, reference):
    for fmt in ("turtle", "nt", "json-ld", "xml"):
        path = tmp_path / "data.dat"
        path.write_text(reference.serialize(format=fmt), encoding="utf-8")
        assert isomorphic(load_graph(path), reference), fmt


def test_sniffing():
    assert sniff_format('<?xml version="1.0"?><rdf:RDF>') == "xml"
    assert sniff_format('  {"@id": "x"}') == "json-ld"
    assert sniff_format("@prefix ex: <http://e/> .") == "turtle"
    assert sniff_format("<http://a> <http://b> <http://c> .") == "nt"
    assert sniff_format("hello") is None


def test_prefixes_of_the_file_are_kept():
    graph = load_graph(MINI)
    assert ("lz", URIRef("https://w3id.org/kg-explorer/lanzhou/")) in set(graph.namespaces())


@pytest.mark.parametrize(
    ("name", "words", "line", "column"),
    [
        ("malformed.ttl", "Turtle syntax error", 4, 8),
        ("truncated.jsonld", "JSON-LD", 1, None),
        ("junk.ttl", "binary file", None, None),
        ("empty.ttl", "empty", None, None),
        ("latin1.ttl", "not UTF-8", 2, 19),
    ],
)
def test_bad_inputs_give_one_clear_error(name, words, line, column):
    with pytest.raises(LoadError) as info:
        load_graph(BAD / name)
    err = info.value
    assert words in str(err)
    assert err.source.endswith(name)
    assert str(err).startswith(name)
    if line is not None:
        assert err.line == line
    if column is not None:
        assert err.column == column


def test_missing_file_folder_and_unreadable_file(tmp_path):
    with pytest.raises(LoadError, match="no such file"):
        load_graph(tmp_path / "nope.ttl")
    with pytest.raises(LoadError, match="folder"):
        load_graph(tmp_path)
    locked = tmp_path / "locked.ttl"
    shutil.copy(MINI, locked)
    locked.chmod(0)
    try:
        if locked.stat().st_mode & 0o444 == 0 and not _is_root():
            with pytest.raises(LoadError, match="permission"):
                load_graph(locked)
    finally:
        locked.chmod(0o644)


def _is_root() -> bool:
    import os

    return os.geteuid() == 0


def test_unknown_format_is_named(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("just some notes, not RDF\n", encoding="utf-8")
    with pytest.raises(LoadError, match="unknown format"):
        load_graph(path)


def test_syntax_error_in_sniffed_file_reports_the_sniffed_format(tmp_path):
    path = tmp_path / "broken.data"
    path.write_text("@prefix ex: <http://e/> .\nex:a ex:b .\n", encoding="utf-8")
    with pytest.raises(LoadError) as info:
        load_graph(path)
    assert info.value.line == 2
