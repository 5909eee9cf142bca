"""Search in Chinese, English, pinyin and aliases, ranked; punctuation never matters."""

from __future__ import annotations

import pytest

from explorer.graph import KnowledgeGraph
from explorer.search import Entry, SearchIndex

LZ = "https://w3id.org/kg-explorer/lanzhou/"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("五共五联", "wugong-wulian"),
        ("“五共五联”工作法", "wugong-wulian"),
        ("wugongwulian", "wugong-wulian"),
        ("wu gong wu lian", "wugong-wulian"),
        ("WuGongWuLian", "wugong-wulian"),
        ("wgwl", "wugong-wulian"),
        ("part-time member", "part-time-members"),
        ("兼职", "part-time-members"),
        ("Lanzhou", "city-committee"),
        ("中共兰州市委", "city-committee"),  # alias
        ("描加党工委", "subdistrict-committee"),  # hidden label (OCR form)
        ("jiedao dang gongwei", "subdistrict-committee"),
        ("joint biulding", "joint-building"),  # typo
    ],
)
def test_query_lands_on_the_right_entity(mini: KnowledgeGraph, query, expected):
    hits = mini.search_index.search(query)
    assert hits, query
    assert hits[0].node_id == LZ + expected


def test_ranking_order():
    index = SearchIndex(
        [
            Entry("desc", "D", "other", ("Something",), descriptions=("about party work",)),
            Entry("sub", "S", "other", ("the party office",)),
            Entry("alias", "A", "other", ("Committee",), aliases=("party",)),
            Entry("prefix", "P", "other", ("party building",)),
            Entry("exact", "E", "other", ("Party",)),
            Entry("fuzzy", "F", "other", ("parti",)),
        ]
    )
    hits = index.search("party", limit=10)
    # Issue 13: a fuzzy guess ("parti") is noise once real matches exist.
    assert [h.node_id for h in hits] == ["exact", "prefix", "alias", "sub", "desc"]
    assert [h.kind for h in hits] == ["exact", "prefix", "alias", "substring", "description"]
    assert [h.reason for h in hits] == ["exact", "prefix", "alias", "substring", "description"]
    typo = index.search("prty")  # nothing matches for real: close guesses come
    assert typo and {h.reason for h in typo} == {"fuzzy"} and typo[0].matched == "party"


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ("“五共五联”工作法", "exact"),
        ("五共五联", "prefix"),
        ("中共兰州市委", "alias"),
        ("wugongwulian", "pinyin"),
        ("wgwl", "initials"),
        ("part-time member", "words"),
        ("joint biulding", "fuzzy"),
    ],
)
def test_each_hit_says_why_it_matched(mini: KnowledgeGraph, query, reason):
    assert mini.search_index.search(query)[0].reason == reason


def test_noise_is_not_returned():
    """Issue 13: ``wugong`` gave 中国共产党 and ``zzzqqq`` gave 区(县)级."""
    article = KnowledgeGraph.article()
    wugong = article.search_index.search("wugong")
    assert [article.label(h.node_id, "zh") for h in wugong] == ["“五共五联”工作法"]
    assert wugong[0].reason == "pinyin"
    assert article.search_index.search("zzzqqq") == []
    assert article.search_index.search("qqqq") == []


def test_filter_by_category(mini: KnowledgeGraph):
    hits = mini.search_index.search("五共五联", categories={"initiative"})
    assert [h.node_id for h in hits] == [LZ + "joint-building"]  # via its description


def test_empty_and_punctuation_only_queries(mini: KnowledgeGraph):
    assert mini.search_index.search("") == []
    assert mini.search_index.search("“”（）") == []


def test_limit_is_respected(mini: KnowledgeGraph):
    assert len(mini.search_index.search("e", limit=2)) <= 2
