"""Never lose a file: a failed export leaves what was at the path byte for byte."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Graph

from explorer import views
from explorer.export import ExportError, export
from explorer.export.atomic import replacing, write_bytes
from explorer.graph import KnowledgeGraph

DATA = Path(__file__).parents[1] / "data" / "export"
OLD = "旧文件 old file\n".encode()
SCRIPT = str(Path(sys.executable).parent / "kg-explorer")


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


# --- a multi-file export replaces all of its files or none ------------------------------
OLD_NODES, OLD_EDGES = b"old nodes\n", b"old edges\n"


@pytest.fixture
def old_csv(tmp_path: Path) -> Path:
    folder = tmp_path / "tables"
    folder.mkdir()
    (folder / "nodes.csv").write_bytes(OLD_NODES)
    (folder / "edges.csv").write_bytes(OLD_EDGES)
    return folder


def assert_old_pair(folder: Path) -> None:
    assert (folder / "nodes.csv").read_bytes() == OLD_NODES
    assert sorted(p.name for p in folder.iterdir()) == ["edges.csv", "nodes.csv"]  # no temps


def test_csv_pair_with_a_folder_in_the_way_of_the_second_file(kg, tmp_path):
    folder = tmp_path / "tables"
    folder.mkdir()
    (folder / "nodes.csv").write_bytes(OLD_NODES)
    (folder / "edges.csv").mkdir()
    with pytest.raises(ExportError, match=r"edges\.csv: it is a folder"):
        export(views.whole(kg), folder, "csv")
    assert (folder / "nodes.csv").read_bytes() == OLD_NODES
    assert sorted(p.name for p in folder.iterdir()) == ["edges.csv", "nodes.csv"]


def test_csv_pair_when_the_disk_refuses_the_second_file(old_csv):
    """A real write failure (the file-size limit, EFBIG) on the second file, in a child."""
    code = (
        "import resource, signal, sys\n"
        "from pathlib import Path\n"
        "from explorer.export.atomic import ExportError, write_set\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))\n"
        "folder = Path(sys.argv[1])\n"
        "try:\n"
        "    write_set({folder / 'nodes.csv': b'new' * 10, folder / 'edges.csv': b'x' * 9000})\n"
        "except ExportError as exc:\n"
        "    print(exc)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(old_csv)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"cannot write {old_csv / 'edges.csv'}: File too large")
    assert_old_pair(old_csv)
    assert (old_csv / "edges.csv").read_bytes() == OLD_EDGES


def test_csv_pair_when_the_second_rename_fails_restores_the_first(kg, old_csv, monkeypatch):
    real_replace = os.replace

    def refuse_edges(src, dst):
        if Path(dst).name == "edges.csv":
            raise PermissionError(13, "Permission denied")
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", refuse_edges)
    with pytest.raises(ExportError, match=r"edges\.csv: Permission denied"):
        export(views.whole(kg), old_csv, "csv")
    monkeypatch.undo()
    assert_old_pair(old_csv)
    assert (old_csv / "edges.csv").read_bytes() == OLD_EDGES


def test_csv_pair_replaces_both(kg, old_csv):
    written = export(views.whole(kg), old_csv, "csv")
    assert [p.name for p in written] == ["nodes.csv", "edges.csv"]
    assert (old_csv / "nodes.csv").read_bytes() != OLD_NODES
    assert (old_csv / "edges.csv").read_bytes() != OLD_EDGES
    assert sorted(p.name for p in old_csv.iterdir()) == ["edges.csv", "nodes.csv"]


# --- SIGTERM mid-export ------------------------------------------------------------------
def test_sigterm_during_an_export_removes_the_temporary_file(tmp_path):
    """The child is held inside the write: with --verbose it logs the temporary file's
    name to a stderr pipe that the test has filled, so it blocks there until the test
    has sent SIGTERM and drains the pipe. No sleep decides anything."""
    out = tmp_path / "out.ttl"
    out.write_bytes(OLD)
    read_end, write_end = os.pipe()
    os.set_blocking(write_end, False)
    with contextlib.suppress(BlockingIOError):
        while True:
            os.write(write_end, b"." * 4096)
    os.set_blocking(write_end, True)
    with contextlib.suppress(BlockingIOError):  # the last bytes that fit
        os.set_blocking(write_end, False)
        while True:
            os.write(write_end, b".")
    os.set_blocking(write_end, True)
    child = subprocess.Popen(
        [SCRIPT, "export", "--format", "ttl", "--out", str(out), "--verbose"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=write_end,
    )
    os.close(write_end)
    try:
        deadline = time.monotonic() + 120  # a hang guard only
        while not list(tmp_path.glob(".out.ttl.*.part")):
            assert child.poll() is None, "the export ended before its temporary file appeared"
            assert time.monotonic() < deadline, "no temporary file appeared"
            time.sleep(0.01)
        child.send_signal(signal.SIGTERM)
        with os.fdopen(read_end, "rb") as pipe:
            err = pipe.read()  # drains the pipe; ends when the child exits
        assert child.wait(timeout=120) == 143
    finally:
        if child.poll() is None:
            child.kill()
    assert err.decode().rstrip().endswith("kg-explorer: terminated")
    assert out.read_bytes() == OLD
    assert [p.name for p in tmp_path.iterdir()] == ["out.ttl"]
