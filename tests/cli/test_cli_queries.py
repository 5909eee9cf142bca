"""The query subcommands through the real console script, on a user's own file."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parents[1] / "data"
MINI = str(DATA / "mini.ttl")
BAD = DATA / "bad"
LZ = "https://w3id.org/kg-explorer/lanzhou/"


def test_search_text_and_json(cli):
    r = cli("search", "wugongwulian", "--data", MINI)
    assert r.code == 0, r.err
    assert r.out.splitlines()[0].startswith("“五共五联”工作法")
    hits = cli("search", "五共五联", "--data", MINI, "--json", "--lang", "en").json()
    assert hits[0]["id"] == LZ + "wugong-wulian"
    assert hits[0]["label"] == "“Five Commons, Five Links” work method"


def test_search_type_filter_and_limit(cli):
    hits = cli("search", "委", "--data", MINI, "--json", "--type", "organization").json()
    assert hits and all(h["category"] == "organization" for h in hits)
    assert len(cli("search", "委", "--data", MINI, "--json", "--limit", "1").json()) == 1


def test_nothing_found_exits_1(cli):
    r = cli("search", "qqqqzzzz", "--data", MINI)
    assert r.code == 1 and r.out == ""
    r = cli("show", "no such thing", "--data", MINI)
    assert r.code == 1 and "no entity named" in r.err


def test_show_lists_relations_with_evidence(cli):
    r = cli("show", "街道党工委", "--data", MINI, "--lang", "zh")
    assert r.code == 0, r.err
    assert "“街道党工委推行五共五联”" in r.out
    assert "兰州市委 > 区县党委" in r.out
    data = cli("show", "lz:subdistrict-committee", "--data", MINI, "--json").json()
    assert data["figures"][0]["value"] == 53
    out = {e["target"]: e for e in data["relations_out"]}
    assert out[LZ + "wugong-wulian"]["evidence"][0]["quote"] == "街道党工委推行五共五联"


def test_tree_indents_and_reports_cycles(cli):
    r = cli("tree", "--data", MINI, "--lang", "zh")
    assert r.out.splitlines() == ["兰州市委", "  区县党委", "    街道党工委", "      社区党组织"]
    r = cli("tree", "--data", str(BAD / "cycle.ttl"))
    assert r.code == 0
    assert r.out.count("cycle (cut, not followed)") == 2
    depth = cli("tree", "区县党委", "--depth", "1", "--data", MINI, "--json").json()
    assert [n["depth"] for n in depth["nodes"]] == [0, 1]


def test_path_with_evidence_per_hop(cli):
    r = cli("path", "兰州市委", "共建", "--data", MINI, "--lang", "zh")
    assert r.code == 0, r.err
    lines = r.out.splitlines()
    assert lines[0] == "兰州市委" and lines[-1].endswith("共建")
    assert any("街道党工委推行五共五联" in line for line in lines)
    assert cli("path", "兰州市委", "李荣灿", "--data", MINI).code == 1


def test_stats(cli):
    data = cli("stats", "--data", MINI, "--json").json()
    assert data["entities"] == 9
    assert {t["label"]: t["count"] for t in data["types"]}["Organizational unit"] == 3
    assert data["figures"][0]["value"] == 53
    assert data["most_connected"][0]["id"] == LZ + "subdistrict-committee"


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("malformed.ttl", "malformed.ttl, line 4, column 8: Turtle syntax error"),
        ("truncated.jsonld", "truncated.jsonld, line 1"),
        ("junk.ttl", "binary file"),
        ("empty.ttl", "empty"),
        ("latin1.ttl", "line 2, column 19: the text is not UTF-8"),
    ],
)
def test_bad_input_exits_2_with_a_message_and_no_traceback(cli, name, words):
    r = cli("search", "x", "--data", str(BAD / name))
    assert r.code == 2
    assert words in r.err
    assert "Traceback" not in r.err + r.out


def test_usage_errors_exit_2(cli):
    assert cli("search").code == 2
    assert cli("search", "x", "--limit", "0", "--data", MINI).code == 2
    assert cli("tree", "--depth", "-1", "--data", MINI).code == 2
    r = cli("search", "x", "--data", "/nonexistent/file.ttl")
    assert r.code == 2 and "no such file" in r.err


def test_validate(cli, tmp_path):
    r = cli("validate", str(BAD / "malformed.ttl"))
    assert r.code == 2 and "line 4" in r.err
    plain = tmp_path / "plain.ttl"
    plain.write_text("<http://e/a> <http://e/b> <http://e/c> .\n", encoding="utf-8")
    r = cli("validate", str(plain))
    assert r.code == 0 and "no SHACL shapes apply" in r.out


def test_hostile_labels_print_as_text(cli):
    r = cli("search", "script", "--data", str(BAD / "hostile.ttl"), "--json")
    assert r.code == 0
    assert "</script><script>document.title='pwned'</script>" in r.out


def test_provenance_check(cli, tmp_path):
    source = tmp_path / "article.txt"
    source.write_text(
        "兰州市委书记\n李荣灿说，兰州市委和街道党工委推行五共\n五联，53个街道。", encoding="utf-8"
    )
    r = cli("provenance", "check", "--source", str(source), "--data", MINI)
    assert r.code == 0, r.out + r.err
    source.write_text("兰州市委书记李荣灿", encoding="utf-8")
    r = cli("provenance", "check", "--source", str(source), "--data", MINI, "--json")
    assert r.code == 1
    missing = {m["quote"] for m in r.json()}
    assert missing == {"五共五联", "街道党工委推行五共五联", "53个街道"}
