"""Never lose a file: a failed export leaves what was at the path byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from explorer import views
from explorer.export import ExportError, export
from explorer.export.atomic import replacing, write_bytes
from explorer.graph import KnowledgeGraph

DATA = Path(__file__).parents[1] / "data" / "export"
OLD = "旧文件 old file\n".encode()


@pytest.fixture(scope="module")
def kg() -> KnowledgeGraph:
    return KnowledgeGraph.from_file(DATA / "small.ttl")


@pytest.fixture
def old(tmp_path: Path) -> Path:
    path = tmp_path / "graph.nt"
    path.write_bytes(OLD)
    return path


def test_an_error_mid_write_leaves_the_old_file(kg, old, monkeypatch):
    def broken(self, destination=None, format=None, **kw):
        destination.write(b"<urn:half> <urn:written")
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(Graph, "serialize", broken)
    with pytest.raises(RuntimeError, match="disk on fire"):
        export(views.whole(kg), old, "nt", kg=kg)
    assert old.read_bytes() == OLD
    assert [p.name for p in old.parent.iterdir()] == ["graph.nt"]  # no temporary left


def test_a_missing_folder_is_a_plain_error(kg, tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        export(views.whole(kg), tmp_path / "missing" / "g.ttl", "ttl", kg=kg)
    assert not (tmp_path / "missing").exists()


def test_a_folder_in_the_way_is_a_plain_error(kg, tmp_path):
    (tmp_path / "g.svg").mkdir()
    with pytest.raises(ExportError, match="is a folder"):
        export(views.whole(kg), tmp_path / "g.svg", "svg")


def test_success_replaces_and_keeps_the_permissions(old):
    old.chmod(0o640)
    write_bytes(old, b"new")
    assert old.read_bytes() == b"new" and old.stat().st_mode & 0o777 == 0o640


def test_interrupted_writer_leaves_nothing(tmp_path):
    target = tmp_path / "x.bin"
    with pytest.raises(KeyError), replacing(target) as handle:
        handle.write(b"partial")
        raise KeyError("stop")
    assert list(tmp_path.iterdir()) == []
