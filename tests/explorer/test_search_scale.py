"""The large-index paths of search give the same answers as the small-index ones.

Speed is measured in ``benchmarks/``; here the code paths that only large indexes
take (columns, the per-character pinyin table, first-character fuzzy candidates,
the scan strings) are forced on small data and checked for correctness.
"""

from __future__ import annotations

import random

import pytest

from explorer import search, search_keys
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


# --- built in bounded steps, stored compactly (issue 16) ---------------------------------

MANY = [
    *QUERIES,
    "委员会",
    "兰",
    "lanzhou party",
    "chengguan committee office",
    "lzwyh",
    "qlh",
    "l",
    "c",
    "unit",
    "number 1",
    "2001",
    "committe",
    "Chenguan",
    "兰州城关委员",
]


def small_chunks(monkeypatch) -> None:
    """Many sorted runs and merge blocks on small data, as millions of keys give."""
    monkeypatch.setattr(search_keys, "CHUNK", 97)
    monkeypatch.setattr(search, "WRATIO_LIMIT", 0)  # the large-index fuzzy candidates too


def answers(index: SearchIndex) -> list[list]:
    return [index.search(q, limit=lim) for q in MANY for lim in (20, 3)]


@pytest.fixture(scope="module")
def reference() -> list[list]:
    """Answers of an index built in one chunk per script (as from one sorted list)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(search, "WRATIO_LIMIT", 0)
        return answers(SearchIndex(entries()))


@pytest.mark.parametrize("owners_at_once", [1 << 20, 0])  # merged blocks' owners: bulk, per key
def test_chunked_runs_answer_as_one_sorted_list(monkeypatch, reference, owners_at_once):
    small_chunks(monkeypatch)
    monkeypatch.setattr(search_keys, "_OWNERS_AT_ONCE", owners_at_once)
    index = SearchIndex(entries())
    assert not index._labels.is_merged  # searched as sorted runs until warm() merges them
    assert answers(index) == reference
    assert index.warm() is True
    assert index._labels.is_merged and index._pinyin.is_merged
    assert answers(index) == reference


def test_warm_in_steps_can_be_cancelled_and_resumed(monkeypatch, reference):
    small_chunks(monkeypatch)
    index = SearchIndex(entries())
    seen: list[float] = []
    stop_after_25 = lambda: len(seen) >= 25  # noqa: E731
    assert index.warm(cancelled=stop_after_25, progress=lambda f, _w: seen.append(f)) is False
    assert len(seen) == 25  # stopped between two steps
    assert answers(index) == reference  # a half-warm index answers the same
    fractions: list[float] = []
    assert index.warm(progress=lambda f, _what: fractions.append(f)) is True
    assert fractions == sorted(fractions) and 0 < fractions[0] and fractions[-1] <= 1.0
    assert answers(index) == reference
    assert index.warm(cancelled=lambda: True) is True  # nothing left to do


def test_a_pickled_index_answers_the_same_without_warming_again(monkeypatch, reference):
    import pickle

    small_chunks(monkeypatch)
    items = entries()
    index = SearchIndex.from_columns(columns_of(items), display=lambda nid: "x")
    index.warm()
    loaded = pickle.loads(pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))
    assert loaded._display is None
    loaded.redisplay(lambda nid: items[int(nid[5:])].display)
    assert all(getattr(loaded, part) is not None for part in SearchIndex._LAZY)
    assert answers(loaded) == reference
    assert loaded.warm(cancelled=lambda: True) is True  # nothing left to build


def test_an_index_pickled_in_another_format_is_refused():
    import pickle

    index = SearchIndex(entries(20))
    state = index.__getstate__()
    state.pop("_version")
    stale = SearchIndex.__new__(SearchIndex)
    with pytest.raises(pickle.UnpicklingError):
        stale.__setstate__(state)


def test_columns_may_be_arrays_and_tuples():
    from array import array

    items = entries(300)
    cols = columns_of(items)
    packed = cols._replace(
        labels=(tuple(cols.labels[0]), array("I", cols.labels[1])),
        aliases=(tuple(cols.aliases[0]), array("I", cols.aliases[1])),
        descriptions=(tuple(cols.descriptions[0]), array("I", cols.descriptions[1])),
    )
    show = {"display": lambda nid: items[int(nid[5:])].display}
    plain = SearchIndex.from_columns(cols, **show)
    compact = SearchIndex.from_columns(packed, **show)
    compact.warm()
    for query in MANY:
        assert compact.search(query) == plain.search(query)


@pytest.mark.parametrize(
    "texts",
    [
        [
            "Party Committee",
            "“五共五联”工作法",
            "ＡＢＣ　Ｄ",
            "a_b-c",
            "",
            "…",
            "Straße",
            "兰州 2021",
        ],
        ["only ascii", "A.B", "x\x1fy", "中文"],  # one holds the separator itself
        ["全角", "中文（括号）"],
    ],
)
def test_bulk_folding_is_labels_normalise(texts):
    from explorer import labels

    assert search_keys.normalise_all(texts) == [labels.normalise(t) for t in texts]
    words = [labels.words(t) for t in texts]
    assert search_keys.word_counts(texts) == (
        [w for ws in words for w in ws],
        list(map(len, words)),
    )


def test_a_key_both_spelt_and_initials_reads_as_initials(monkeypatch):
    """``lz`` is the initials of 兰州 and the pinyin of nothing: initials; with many runs."""
    monkeypatch.setattr(search_keys, "CHUNK", 3)
    monkeypatch.setattr(search, "PINYIN_EXACT_LIMIT", 0)
    index = SearchIndex([Entry(f"e{i}", "x", "org", ("兰州", "西固")) for i in range(10)])
    assert {h.reason for h in index.search("lz")} == {"initials"}
    assert {h.reason for h in index.search("lanzhou")} == {"pinyin"}
    assert len(index.search("xg", limit=50)) == 10


def test_only_built_answers_without_building_and_all_once_warm(reference):
    """For the GUI thread while warm() runs: never seconds of building on a keystroke."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(search, "WRATIO_LIMIT", 0)
        index, full = SearchIndex(entries()), SearchIndex(entries())
        early = {q: index.search(q, limit=999, only_built=True) for q in MANY}
        assert all(getattr(index, part) is None for part in SearchIndex._LAZY)
        assert early["兰州"] == full.search("兰州", limit=999)  # labels need nothing more
        not_yet = index.complete("lzwyh", only_built=True)  # 兰州委员会's initials
        assert not {h.reason for h in not_yet} & {"pinyin", "initials"}
        assert index.warm()
        assert {h.reason for h in index.complete("lzwyh", only_built=True)} == {"initials"}
        answers = [index.search(q, limit=lim, only_built=True) for q in MANY for lim in (20, 3)]
        assert answers == reference
