"""The subcommands on the bundled article graph, as a new user would first run them."""

from __future__ import annotations

LZ = "https://w3id.org/kg-explorer/lanzhou/"


def test_search_in_three_languages_lands_on_the_method(cli):
    for query in ("五共五联", "wugongwulian", "wu gong wu lian", "Wugong Wulian"):
        hits = cli("search", query, "--json").json()
        assert hits[0]["id"] == LZ + "wugong-wulian-method", query


def test_part_time_member_finds_the_system(cli):
    hits = cli("search", "part-time member", "--json", "--type", "mechanism").json()
    assert hits[0]["id"] == LZ + "part-time-member-system"


def test_tree_runs_from_the_city_down_to_a_community_body(cli):
    rows = cli("tree", "兰州市委", "--json", "--lang", "zh").json()["nodes"]
    depth = {r["label"]: r["depth"] for r in rows}
    assert depth["兰州市委"] == 0
    assert depth["区县党委"] == 1
    assert depth["街道党工委"] == 2
    assert depth["社区党组织"] == 3


def test_show_quotes_the_article(cli):
    data = cli("show", "五共五联", "--json").json()
    parts = [e for e in data["relations_out"] if e["predicate"].endswith("#hasPart")]
    assert len(parts) == 5
    assert all(e["evidence"] and e["evidence"][0]["section"] for e in parts)
    assert "2021-01-04" in data["evidence"][0]["source"]


def test_stats_lists_the_articles_figures(cli):
    data = cli("stats", "--json").json()
    values = {f["value"] for f in data["figures"]}
    assert {53, 426, 1303, 4616, 48000} <= values
    assert data["entities"] > 150


def test_path_from_the_city_committee_to_the_method(cli):
    data = cli("path", "兰州市委", "五共五联", "--json").json()
    assert data["nodes"][0]["id"] == LZ + "lanzhou-municipal-party-committee"
    assert data["nodes"][-1]["id"] == LZ + "wugong-wulian-method"
    assert all(hop["evidence"] for hop in data["hops"])


def test_validate_the_bundled_data(cli):
    from graph_data import ARTICLE_TTL

    r = cli("validate", str(ARTICLE_TTL))
    assert r.code == 0, r.out + r.err
    assert "conforms" in r.out
