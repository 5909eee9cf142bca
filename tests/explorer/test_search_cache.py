"""A file reopened from the on-disk cache has its search index warm: nothing to rebuild.

A real generated file (store-backed), a real cache folder under tmp_path.
"""

from __future__ import annotations

import pytest

from benchmarks.generate import generate
from explorer.sources import cache, open_source
from explorer.sources.opening import finish_in_background, open_for_window

QUERIES = ["兰州", "lanzhou", "lz", "Committee", "xin comm", "unit number 7", "Comitee", "委员"]


@pytest.fixture
def big(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_VARIABLE, str(tmp_path / "cache"))
    monkeypatch.setenv("KG_EXPLORER_LARGE_BYTES", "100000")  # store-backed from 100 kB
    path = tmp_path / "big.ttl"
    path.write_text(generate(20_000), encoding="utf-8")
    return path


def test_a_reopened_index_is_warm_and_answers_the_same(big):
    first = open_for_window(big)
    assert finish_in_background(first)  # warms the index, then writes the cache entry
    answers = [first.search_index.search(q) for q in QUERIES]
    again = open_source(big)
    assert again.from_cache
    index = again.search_index
    assert index.warm(cancelled=lambda: True) is True  # nothing left to build
    assert [index.search(q) for q in QUERIES] == answers
