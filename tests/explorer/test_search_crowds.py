"""Keys shared by crowds of entities: a type filter still finds the one of its type, and a
look-up does only the work its answer needs (issue 16, "search usable").

A generated file may give one label or one typo'd word to 200k entities; fuzzy matching
used to take a slot per owner of a key (30 people named ``comitte`` hid the one
organization), and an exact or word match read every owner on every keystroke.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from explorer import labels, search, search_keys
from explorer.graph import KnowledgeGraph
from explorer.search import FUZZY_CUTOFF, PARTIAL_CUTOFF, PARTIAL_MIN_QUERY, Columns, SearchIndex

GEN = "https://example.org/crowd/"


def crowd_graph(tmp_path: Path, people: list[str], organization: str) -> KnowledgeGraph:
    """A real Turtle file: people labelled *people* (in order), then one organization."""
    lines = [
        "@prefix foaf: <http://xmlns.com/foaf/0.1/> .",
        "@prefix org: <http://www.w3.org/ns/org#> .",
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
        f"@prefix g: <{GEN}> .",
    ]
    lines += [
        f'g:p{i} a foaf:Person ; skos:prefLabel "{name}"@en .' for i, name in enumerate(people)
    ]
    lines.append(f'g:unit a org:Organization ; skos:prefLabel "{organization}"@en .')
    path = tmp_path / "crowd.ttl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return KnowledgeGraph.from_file(path)


def test_a_crowd_sharing_a_near_key_hides_no_organization(tmp_path):
    """30 owners of ``comitte`` (closer to the query) took every fuzzy slot: the
    Organization filter then kept nothing, though ``committees`` is a fair guess."""
    kg = crowd_graph(tmp_path, ["comitte"] * 30, "committees")
    hits = kg.search_index.search("comittee", categories={"organization"})
    assert [(h.node_id, h.kind) for h in hits] == [(GEN + "unit", "fuzzy")]
    everyone = kg.search_index.search("comittee", limit=40)
    assert len(everyone) == 31  # each owner once, the closer key's first
    assert {h.node_id for h in everyone[:30]} == {GEN + f"p{i}" for i in range(30)}


def test_a_type_filter_is_not_starved_by_other_types_closer_keys(tmp_path):
    """30 people with a key each, every one closer than the organization's: the filter
    must look past them, not stop at the first *limit* keys."""
    rng = random.Random(4)
    near = set()
    while len(near) < 30:  # one letter changed: none holds the query, none is held by it
        i = rng.randrange(8)
        near.add("comittee"[:i] + rng.choice("abdfghjknpqrsuvwxyz") + "comittee"[i + 1 :])
    kg = crowd_graph(tmp_path, sorted(near), "The Committees")
    assert len(kg.search_index.search("comittee", limit=50)) == 31
    hits = kg.search_index.search("comittee", categories={"organization"}, limit=5)
    assert [h.node_id for h in hits] == [GEN + "unit"]


# --- fuzzy answers are the best by (score, entity), whatever the crowds -----------------


def _reference(texts: list[list[str]], cats: list[str], q: str, wanted, limit: int, every_key):
    """Every entity's best fuzzy score, by the rules in explorer.search, best first (a
    large index scores only the keys that share the query's first letter)."""
    best: dict[int, float] = {}
    shortest = max(3, (len(q) + 1) // 2)
    for entry, names in enumerate(texts):
        if wanted is not None and cats[entry] not in wanted:
            continue
        for key in map(labels.normalise, names):
            if not every_key and key[0] != q[0]:
                continue
            scores = [fuzz.ratio(q, key, score_cutoff=FUZZY_CUTOFF)]
            if len(q) >= PARTIAL_MIN_QUERY and len(key) >= shortest:
                partial = fuzz.partial_ratio(q, key, score_cutoff=PARTIAL_CUTOFF)
                scores.append(partial * 0.95 if partial else 0)
            if max(scores):
                best[entry] = max(best.get(entry, 0.0), max(scores) / 100.0)
    return sorted(((-s, e) for e, s in best.items()))[:limit]


@pytest.mark.parametrize("every_key", [True, False])  # small index / first-letter candidates
def test_fuzzy_answers_are_the_best_owners_of_all_close_keys(monkeypatch, every_key):
    if not every_key:
        monkeypatch.setattr(search, "WRATIO_LIMIT", 0)
    monkeypatch.setattr(search_keys, "CHUNK", 97)  # crowds spread over several sorted runs
    rng = random.Random(11)
    words = ["".join(rng.choice("abcde") for _ in range(rng.randint(5, 8))) for _ in range(40)]
    # a few words owned by crowds of people, added in no order of entity: a filter for
    # another type must look past them
    crowds = words[:4]
    texts = [[rng.choice(crowds if rng.random() < 0.6 else words[4:])] for _ in range(1500)]
    cats = [
        "person" if t[0] in crowds else rng.choice(["organization", "person", "place"])
        for t in texts
    ]
    rows = list(range(len(texts)))
    rng.shuffle(rows)
    columns = Columns(
        [f"e{i}" for i in range(len(texts))],
        cats,
        ([texts[r][0] for r in rows], rows),
        ([], []),
        ([], []),
    )
    index = SearchIndex.from_columns(columns, display=str)
    checked = 0
    for word in words[:16]:
        i = rng.randrange(1, len(word))
        q = word[:i] + "z" + word[i + 1 :]  # "z": in no key, so only fuzzy matches
        for wanted in (None, {"organization"}, {"place"}):
            for limit in (3, 20):
                before = index.search(q, categories=wanted, limit=limit)
                assert {h.kind for h in before} <= {"fuzzy"}
                got = [(-h.score, int(h.node_id[1:])) for h in before]
                assert got == _reference(texts, cats, q, wanted, limit, every_key), (q, wanted)
                checked += bool(got)
    assert checked > 30
    answers = [index.search(w[:-1] + "z", limit=20) for w in words]
    index.warm()  # merged runs answer the same
    assert [index.search(w[:-1] + "z", limit=20) for w in words] == answers


# --- an exact match reads only what its answer needs -----------------------------------


class CountedCategories(list):
    """A categories column that counts its reads (one per entity a search looked at)."""

    reads = 0

    def __getitem__(self, i):
        self.reads += 1
        return super().__getitem__(i)


class CountedSkip(frozenset):
    """Rows never returned, counting how often a search asks."""

    asked = 0

    def __contains__(self, row):
        self.asked += 1
        return super().__contains__(row)


def crowd_index(n: int = 100_000) -> tuple[SearchIndex, CountedCategories, CountedSkip]:
    """*n* entities sharing one label, added in no order, one in 3 a person, the first
    (in entity order) never returned."""
    rows = list(range(n))
    random.Random(2).shuffle(rows)
    cats = CountedCategories(("organization", "person", "place")[i % 3] for i in range(n))
    skip = CountedSkip({0})
    columns = Columns(
        [f"e{i}" for i in range(n)],
        cats,
        (["Party Committee"] * n, rows),
        ([], []),
        ([], []),
        skip,
    )
    return SearchIndex.from_columns(columns, display=str), cats, skip


@pytest.mark.parametrize("warm", [False, True])
def test_an_exact_match_owned_by_a_crowd_reads_only_the_first_few(monkeypatch, warm):
    monkeypatch.setattr(search_keys, "CHUNK", 4096)  # several sorted runs until warm()
    index, cats, skip = crowd_index()
    if warm:
        index.warm()
    cats.reads = skip.asked = 0
    hits = index.search("party committee", limit=10)
    assert [h.node_id for h in hits] == [f"e{i}" for i in range(1, 11)]  # ties: entity order
    assert {h.kind for h in hits} == {"exact"}
    assert skip.asked < 1000  # was every owner: 100,000
    cats.reads = skip.asked = 0
    people = index.search("Party Committee", categories={"person"}, limit=10)
    assert [h.node_id for h in people] == [f"e{i}" for i in range(1, 30, 3)]
    assert cats.reads < 1000
    cats.reads = 0
    words = index.search("comm party", categories={"person"}, limit=10)  # every word begun
    assert [(h.node_id, h.reason) for h in words] == [(h.node_id, "words") for h in people]
    assert cats.reads < 1000


def test_every_keys_owners_are_kept_in_ascending_order(monkeypatch):
    """What lets a look-up stop early: in sorted runs, once merged, and in the pinyin keys
    (merged from spelt and initials runs of two columns), whatever order rows came in."""
    from explorer.search import Entry

    monkeypatch.setattr(search_keys, "CHUNK", 50)
    monkeypatch.setattr(search, "PINYIN_EXACT_LIMIT", 0)
    rng = random.Random(7)
    names = ["兰州市委", "西固区委", "Party Committee", "party committee", "Office", "七里河"]
    items = [
        Entry(f"e{i}", "x", "org", (rng.choice(names), rng.choice(names)), (rng.choice(names),))
        for i in range(600)
    ]
    rng.shuffle(items)  # rows: not the order of their ids

    def tables(keys):
        return [t for stripe in (*keys.narrow, *keys.wide) for t in stripe.tables]

    def ascending(keys) -> bool:
        return all(
            list(t.owners_of(j)) == sorted(t.owners_of(j))
            for t in tables(keys)
            for j in range(len(t))
        )

    index = SearchIndex(items)
    assert len(tables(index._labels)) > 1 and ascending(index._labels)
    index.warm()
    for part in ("_labels", "_aliases", "_descriptions", "_pinyin"):
        assert ascending(getattr(index, part)), part
    owners = [i for i, e in enumerate(items) if "兰州市委" in e.labels + e.aliases]
    assert list(index._pinyin.exact("lanzhoushiwei")) == owners
    assert list(index._pinyin.exact("lzsw")) == owners and index._pinyin.marked("lzsw")


@pytest.mark.parametrize("warm", [False, True])
def test_a_prefix_or_substring_shared_by_a_crowd_still_finds_a_rare_type(monkeypatch, warm):
    """The cap on prefix and substring hits counted every owner of the first keys: typing
    ``party`` with the Mechanism filter found 1 of the crowd's 100 mechanisms."""
    monkeypatch.setattr(search_keys, "CHUNK", 4096)
    n = 50_000
    rows = list(range(n))
    random.Random(3).shuffle(rows)
    cats = ["mechanism" if i % 500 == 0 else "organization" for i in range(n)]
    texts = [("Party Committee", "Party Office")[r % 2] for r in rows]
    columns = Columns([f"e{i}" for i in range(n)], cats, (texts, rows), ([], []), ([], []))
    index = SearchIndex.from_columns(columns, display=str)
    if warm:
        index.warm()
    rare = [f"e{i}" for i in range(0, 5000, 500)]
    for query, kind in (("party", "prefix"), ("committee", "substring"), ("tycomm", "substring")):
        hits = index.search(query, categories={"mechanism"}, limit=10)
        assert [(h.node_id, h.kind) for h in hits] == [(nid, kind) for nid in rare], query
    # Unfiltered, the first key's 25,000 owners took every slot: the closer key ranks first.
    unfiltered = index.search("party", limit=10)
    assert {h.matched for h in unfiltered} == {"partyoffice"}
    assert [h.node_id for h in unfiltered] == [f"e{i}" for i in range(1, 20, 2)]
