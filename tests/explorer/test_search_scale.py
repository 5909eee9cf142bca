"""The large-index paths of search give the same answers as the small-index ones.

Speed is measured in ``benchmarks/``; here the code paths that only large indexes
take (columns, the per-character pinyin table, first-character fuzzy candidates,
the scan strings) are forced on small data and checked for correctness.
"""

from __future__ import annotations

import random

import pytest

from explorer import search
from explorer.search import Columns, Entry, SearchIndex


def entries(n: int = 3000, seed: int = 5) -> list[Entry]:
    rng = random.Random(seed)
    chars = "兰州城关七里河安宁西固红古永登皋榆中新区东西南北华民和平建设"
    words = ["Lanzhou", "Chengguan", "Qilihe", "Anning", "Xigu", "Party", "Committee", "Office"]
    out = []
    for i in range(n):
        zh = "".join(rng.choice(chars) for _ in range(rng.randint(2, 5))) + "委员会"
        en = " ".join(rng.choice(words) for _ in range(rng.randint(1, 3)))
        aliases = (f"{2000 + i % 30}年{zh[:2]}",) if i % 4 == 0 else ()
        descriptions = (f"unit number {i} of {en}",) if i % 9 == 0 else ()
        out.append(
            Entry(f"urn:e{i}", f"{zh} / {en}", "organization", (zh, en), aliases, descriptions)
        )
    return out


QUERIES = ["兰州", "城关委", "lanzhou", "party office", "qilihe", "2005", "5年", "number 18", "xx"]


def column(items: list[Entry], field: str) -> tuple[list[str], list[int]]:
    texts = [t for e in items for t in getattr(e, field)]
    rows = [i for i, e in enumerate(items) for _ in getattr(e, field)]
    return texts, rows


def columns_of(items: list[Entry]) -> Columns:
    return Columns(
        [e.node_id for e in items],
        [e.category for e in items],
        column(items, "labels"),
        column(items, "aliases"),
        column(items, "descriptions"),
    )


@pytest.mark.parametrize("query", QUERIES)
def test_columns_and_entries_give_the_same_hits(query):
    items = entries()
    by_entries = SearchIndex(items)
    by_columns = SearchIndex.from_columns(
        columns_of(items), display=lambda nid: items[int(nid[5:])].display
    )
    assert by_entries.search(query) == by_columns.search(query)


def test_skipped_rows_are_never_returned():
    items = entries(200)
    cols = columns_of(items)._replace(skip=frozenset(range(0, 200, 2)))
    index = SearchIndex.from_columns(cols, display=lambda nid: nid)
    for query in QUERIES:
        assert all(int(h.node_id[5:]) % 2 == 1 for h in index.search(query, limit=50))


def test_substring_finds_ascii_inside_mixed_keys():
    index = SearchIndex(
        [
            Entry("a", "A", "other", ("2021年工作要点",)),
            Entry("b", "B", "other", ("plain words",)),
            Entry("c", "C", "other", ("兰州2021",)),
        ]
    )
    assert {h.node_id for h in index.search("2021")} == {"a", "c"}
    assert [h.node_id for h in index.search("年工作")] == ["a"]
    assert [h.node_id for h in index.search("words")] == ["b"]


def test_pinyin_table_agrees_with_pypinyin(monkeypatch):
    items = entries(400)
    exact = SearchIndex(items)
    monkeypatch.setattr(search, "PINYIN_EXACT_LIMIT", 0)
    table = SearchIndex(items)
    for query in ("lanzhou", "chengguan", "qlh", "anningxi"):
        assert [h.node_id for h in table.search(query)] == [h.node_id for h in exact.search(query)]


def test_large_index_fuzzy_still_forgives_a_typo(monkeypatch):
    monkeypatch.setattr(search, "WRATIO_LIMIT", 0)
    index = SearchIndex([Entry("jb", "J", "initiative", ("joint building",)), *entries(500)])
    hits = index.search("joint biulding")
    assert hits and hits[0].node_id == "jb" and hits[0].kind == "fuzzy"


def test_limit_and_ranking_hold_on_many_matches():
    index = SearchIndex(entries(5000))
    hits = index.search("委员会", limit=7)
    assert len(hits) == 7
    assert [(h.rank, -h.score) for h in hits] == sorted((h.rank, -h.score) for h in hits)


def test_entries_round_trip():
    items = entries(50)
    index = SearchIndex.from_columns(columns_of(items), display=lambda nid: "x")
    rebuilt = index.entries
    assert [e.labels for e in rebuilt] == [e.labels for e in items]
    assert [e.aliases for e in rebuilt] == [e.aliases for e in items]
