"""Every subcommand and every export format on a file large enough to open store-backed.

Finding 4 of issue 14: ``stats`` and ``export --format ttl`` on such a file needed
a module that was not declared. A generated file of ~1.4 MB (over the 1 MB
threshold) is used; the image formats that draw with Qt run as the real console
script in a child process, the rest in-process through ``explorer.cli.main``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest

from benchmarks.generate import generate
from explorer import cli
from explorer.export import EXPORTERS
from explorer.sources import LARGE_THRESHOLD_BYTES, open_source
from explorer.sources.store import StoreGraph

SCRIPT = Path(sys.executable).parent / "kg-explorer"
SOURCE = Path(__file__).parents[2].parent / "shared" / "source" / "000_77d3a71f4cfa9fbc.txt"
ROOT, OTHER = "https://example.org/gen/e0", "https://example.org/gen/e5"
QT_DRAWN = {"png", "pdf"}


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("big") / "org.ttl"
    path.write_text(generate(40_000), encoding="utf-8")
    assert path.stat().st_size > LARGE_THRESHOLD_BYTES
    assert isinstance(open_source(path), StoreGraph)
    return path


@pytest.fixture
def run(capsys):
    def call(*argv: str) -> tuple[int, str, str]:
        code = cli.main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return call


def subcommand_calls(big: Path, tmp: Path) -> dict[str, list[str]]:
    shapes = tmp / "shapes.ttl"  # the project's shapes take ~25 s on 40k triples
    shapes.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "<urn:shape> a sh:NodeShape ; sh:targetClass <urn:nothing> .\n",
        encoding="utf-8",
    )
    data = ["--data", str(big)]
    return {
        "search": ["search", "委员会", *data],
        "show": ["show", ROOT, *data],
        "tree": ["tree", "--depth", "1", *data],
        "path": ["path", ROOT, OTHER, *data],
        "stats": ["stats", *data],
        "validate": ["validate", str(big), "--shapes", str(shapes)],
        "provenance": ["provenance", "check", "--source", str(SOURCE), *data],
        "export": ["export", "--format", "nt", "--out", str(tmp / "g.nt"), *data],
        "cache": ["cache", "info"],
    }


def test_every_subcommand(run, big, tmp_path):
    calls = subcommand_calls(big, tmp_path)
    names = set(cli.build_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    assert names == set(calls)
    for name, argv in calls.items():
        code, out, err = run(*argv)
        assert code == 0, f"{name}: {err}"
        assert out.strip(), name
    code, out, _err = run("stats", "--data", str(big), "--json")
    assert '"triples": 40' in out  # ~40,000, counted through the store


@pytest.mark.parametrize("fmt", sorted(set(EXPORTERS) - QT_DRAWN))
def test_every_export_format(run, big, tmp_path, fmt):
    out = tmp_path / ("tables" if fmt == "csv" else f"g.{fmt}")
    code, _out, err = run("export", "--format", fmt, "--out", str(out), "--data", str(big))
    assert code == 0, err
    files = sorted(out.iterdir()) if fmt == "csv" else [out]
    assert [f.name for f in files] == (["edges.csv", "nodes.csv"] if fmt == "csv" else [out.name])
    assert all(f.stat().st_size > 1000 for f in files)
    if fmt in ("ttl", "nt"):  # the whole graph, readable again
        parsed = list(
            pyoxigraph.parse(path=str(out), format=pyoxigraph.RdfFormat.from_extension(fmt))
        )
        assert len(parsed) == len(list(pyoxigraph.parse(path=str(big))))


@pytest.mark.parametrize("fmt", sorted(QT_DRAWN))
def test_qt_drawn_formats(big, tmp_path, fmt):
    out = tmp_path / f"g.{fmt}"
    done = subprocess.run(
        [
            str(SCRIPT),
            "export",
            "--format",
            fmt,
            "--out",
            str(out),
            "--data",
            str(big),
            "--view",
            f"neighbourhood:{ROOT}",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size > 1000
