"""Every subcommand through the one error handler: bad input, dead endpoints and
unsupported operations end in exit 2 and one line on stderr, never a traceback.

Run in-process through ``explorer.cli.main`` (the console script's own entry point)
so the whole matrix stays quick; the endpoint cases use a real dead port and a
real ``oxigraph serve``.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from explorer import cli
from explorer.cli import commands

ROOT = Path(__file__).parents[2]
MINI = ROOT / "tests" / "data" / "mini.ttl"
BAD = ROOT / "tests" / "data" / "bad" / "malformed.ttl"
SCRIPT = Path(sys.executable).parent / "kg-explorer"
SOURCE = ROOT.parent / "shared" / "source" / "000_77d3a71f4cfa9fbc.txt"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def subcommands(out: Path) -> dict[str, list[str]]:
    """A valid call of every subcommand (the graph option is added per case)."""
    return {
        "search": ["search", "五共五联"],
        "show": ["show", "五共五联"],
        "tree": ["tree"],
        "path": ["path", "社区党组织", "共建"],
        "stats": ["stats"],
        "validate": ["validate", str(MINI)],
        "provenance": ["provenance", "check", "--source", str(SOURCE)],
        "export": ["export", "--format", "ttl", "--out", str(out / "x.ttl"), "--view", "all"],
    }


@pytest.fixture
def run(capsys, monkeypatch):
    monkeypatch.delenv("KG_EXPLORER_DEBUG", raising=False)

    def call(*argv: str) -> tuple[int, str, str]:
        code = cli.main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return call


def one_line_exit_2(result: tuple[int, str, str], *expected: str) -> None:
    code, _out, err = result
    assert code == 2, err
    assert "Traceback" not in err
    assert len(err.splitlines()) == 1 and err.startswith("kg-explorer: "), err
    for text in expected:
        assert text in err


#: Subcommands that read no graph (no --data, no --endpoint).
GRAPHLESS = {"cache"}


def test_the_matrix_covers_every_subcommand(tmp_path):
    parser = cli.build_parser()
    names = set(parser._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    assert names - GRAPHLESS == set(subcommands(tmp_path))


@pytest.mark.parametrize("name", list(subcommands(Path())))
def test_bad_file(run, tmp_path, name):
    argv = subcommands(tmp_path)[name]
    if name == "validate":
        argv = ["validate", str(BAD)]
    else:
        argv = [*argv, "--data", str(BAD)]
    one_line_exit_2(run(*argv), "malformed.ttl", "line 4")
    argv = [a if a != str(BAD) else str(tmp_path / "missing.ttl") for a in argv]
    one_line_exit_2(run(*argv), "missing.ttl")


@pytest.mark.parametrize("name", [n for n in subcommands(Path()) if n != "validate"])
def test_dead_endpoint(run, tmp_path, name):
    url = f"http://127.0.0.1:{free_port()}/sparql"
    argv = [*subcommands(tmp_path)[name], "--endpoint", url, "--timeout", "5"]
    one_line_exit_2(run(*argv), f"SPARQL endpoint {url}: connection refused")


@pytest.fixture(scope="module")
def live(tmp_path_factory, oxigraph_server):
    return oxigraph_server(tmp_path_factory.mktemp("ox") / "db", [MINI])


@pytest.mark.parametrize(
    "argv",
    [
        # finding 3: a view's triples cannot be taken from an endpoint
        ["export", "--format", "ttl", "--view", "neighbourhood:五共五联"],
        ["export", "--format", "jsonld", "--view", "all"],
        ["export", "--format", "nt", "--view", "hierarchy"],
        ["provenance", "check", "--source", str(SOURCE)],
    ],
)
def test_unsupported_on_an_endpoint(run, tmp_path, live, argv):
    if argv[0] == "export":
        argv = [*argv, "--out", str(tmp_path / "x.out")]
    one_line_exit_2(run(*argv, "--endpoint", live.url), "never downloaded from an endpoint")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", [n for n in subcommands(Path()) if n != "validate"])
def test_two_sources_at_once(run, tmp_path, name):
    argv = [*subcommands(tmp_path)[name], "--data", str(MINI), "--endpoint", "http://127.0.0.1:1/"]
    one_line_exit_2(run(*argv), "either --data or --endpoint")


def test_unsupported_view_and_format(run, tmp_path):
    one_line_exit_2(run(*subcommands(tmp_path)["export"][:-1], "sideways"), "unknown view")
    with pytest.raises(SystemExit) as info:  # argparse's own usage error, also exit 2
        run("export", "--format", "docx", "--out", str(tmp_path / "x"))
    assert info.value.code == 2


def test_nothing_found_is_still_exit_1(run):
    code, _out, err = run("show", "不存在的实体")
    assert code == 1 and err.strip() == "kg-explorer: no entity named '不存在的实体'"


@pytest.mark.parametrize("error", [RuntimeError("boom\nsecond line"), KeyError("p")])
def test_an_internal_error_is_one_line_and_traced_only_on_request(
    run, monkeypatch, tmp_path, error
):
    def broken(args):
        raise error

    monkeypatch.setattr(commands, "cmd_stats", broken)
    code, _out, err = run("stats")
    assert code == 2 and "Traceback" not in err and len(err.splitlines()) == 1
    assert err.startswith(f"kg-explorer: internal error: {type(error).__name__}: ")
    assert "KG_EXPLORER_DEBUG=1" in err  # a KeyError is a bug, never "nothing found"
    monkeypatch.setenv("KG_EXPLORER_DEBUG", "1")
    code, _out, err = run("stats")
    assert code == 2 and "Traceback" in err and "internal error" in err.splitlines()[-1]


def test_verbose_logs_each_query_on_stderr(live):
    """``-vv``: every SPARQL request as a DEBUG line (through ``logging``), output unchanged."""
    done = subprocess.run(
        [str(SCRIPT), "search", "五共五联", "--endpoint", live.url, "-vv", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)[0]["id"].endswith("wugong-wulian")
    queries = [line for line in done.stderr.splitlines() if "sparql_http" in line]
    assert queries and all(
        f"DEBUG: explorer.sources.sparql_http: {live.url}: " in q for q in queries
    )
    quiet = subprocess.run(
        [str(SCRIPT), "search", "五共五联", "--endpoint", live.url],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert quiet.returncode == 0 and quiet.stderr == ""
