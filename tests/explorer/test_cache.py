"""The on-disk index of opened files: reopening reads it, a changed file or a damaged
entry is indexed again, cancelling leaves nothing behind, ``cache clear`` empties it.

Real files (a generated 20k-triple graph, opened store-backed), a real cache folder
under tmp_path.
"""

from __future__ import annotations

import json
import os

import pytest

from benchmarks.generate import generate
from explorer.sources import cache, open_source
from explorer.sources.opening import OpenCancelled, finish_in_background, open_for_window
from explorer.sources.protocol import top_entities

QUERIES = ["兰州", "lanzhou", "lz", "Committee", "unit number 7", "Comitee"]


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.CACHE_VARIABLE, str(folder))
    monkeypatch.setenv("KG_EXPLORER_LARGE_BYTES", "100000")  # store-backed from 100 kB
    return folder


@pytest.fixture(scope="module")
def text() -> str:
    return generate(20_000)


@pytest.fixture
def big(tmp_path, text):
    path = tmp_path / "big.ttl"
    path.write_text(text, encoding="utf-8")
    return path


def _indexed(path, notes=None):
    graph = open_for_window(path, notice=(notes.append if notes is not None else None))
    assert not graph.from_cache
    assert finish_in_background(graph)
    return graph


def _summary(graph) -> dict:
    ids = sorted(graph.node_ids)
    sample = ids[:: max(1, len(ids) // 40)]
    return {
        "len": len(graph),
        "ids": ids,
        "labels": [(i, graph.label(i, "zh"), graph.label(i, "en")) for i in sample],
        "edges": [
            sorted((e.source, e.predicate, e.target) for e in graph.out_edges(i)) for i in sample
        ],
        "search": [[h.node_id for h in graph.search_index.search(q, limit=10)] for q in QUERIES],
        "top": top_entities(graph, 50),
        "roots": graph.hierarchy.roots(),
        "children": [graph.hierarchy.children(r) for r in graph.hierarchy.roots()[:30]],
    }


def test_reopen_reads_the_cache_and_gives_the_same_graph(cache_home, big):
    first = _indexed(big)
    entry = cache.entry_dir(big)
    assert (entry / cache.MANIFEST).is_file()
    again = open_for_window(big)
    assert again.from_cache
    assert _summary(again) == _summary(first)
    assert not first._loader._started and not again._loader._started  # no store, either time
    assert open_source(big).from_cache  # the command line reads it too


def test_a_changed_file_is_indexed_again(cache_home, big):
    _indexed(big)
    with big.open("a", encoding="utf-8") as f:
        f.write(
            "\n<https://example.org/gen/newcomer> "
            '<http://www.w3.org/2004/02/skos/core#prefLabel> "新来的单位"@zh .\n'
        )
    os.utime(big, ns=(big.stat().st_atime_ns, big.stat().st_mtime_ns + 1_000_000_000))
    reopened = open_for_window(big)
    assert not reopened.from_cache
    assert "https://example.org/gen/newcomer" in reopened
    assert finish_in_background(reopened)
    cached = open_for_window(big)
    assert cached.from_cache
    assert cached.search_index.search("新来的单位")[0].node_id == "https://example.org/gen/newcomer"


def test_same_size_and_time_but_other_content_is_indexed_again(cache_home, big):
    _indexed(big)
    stat = big.stat()
    data = bytearray(big.read_bytes())
    at = data.index("委员会".encode())
    data[at : at + 3] = "局局".encode()[:3]  # same length, other text
    big.write_bytes(bytes(data))
    os.utime(big, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert not open_for_window(big).from_cache


def _damage_data(entry):
    target = entry / cache.DATA_FILE
    target.write_bytes(target.read_bytes()[: target.stat().st_size // 2])


def _flip_data_bytes(entry):  # same size: only the checksum can tell
    target = entry / cache.DATA_FILE
    data = bytearray(target.read_bytes())
    for i in range(len(data) // 3, len(data) // 3 + 16):
        data[i] ^= 0xFF
    target.write_bytes(bytes(data))


def _drop_manifest(entry):
    (entry / cache.MANIFEST).unlink()


@pytest.mark.parametrize("damage", [_damage_data, _flip_data_bytes, _drop_manifest])
def test_a_damaged_entry_is_rebuilt_with_a_message(cache_home, big, damage):
    expected = _summary(_indexed(big))
    damage(cache.entry_dir(big))
    notes: list[str] = []
    graph = open_for_window(big, notice=notes.append)
    assert not graph.from_cache
    assert len(notes) == 1 and "big.ttl" in notes[0] and "rebuilding" in notes[0]
    assert _summary(graph) == expected
    assert finish_in_background(graph)
    assert open_for_window(big).from_cache


def test_an_entry_of_another_format_is_rebuilt_without_a_warning(cache_home, big):
    _indexed(big)
    manifest = cache.entry_dir(big) / cache.MANIFEST
    data = json.loads(manifest.read_text(encoding="utf-8"))
    manifest.write_text(json.dumps({**data, "version": 3}), encoding="utf-8")
    notes: list[str] = []
    assert not open_for_window(big, notice=notes.append).from_cache
    assert notes == []  # an older version's entry is not damage
    assert not cache.entry_dir(big).exists()


def test_cancelling_while_the_entry_is_written_leaves_nothing(cache_home, big):
    graph = open_for_window(big)
    steps: list[float] = []
    done = finish_in_background(
        graph,
        progress=lambda fraction, _what: steps.append(fraction),
        cancelled=lambda: any(0.3 < f < 1.0 for f in steps),  # once the entry is being written
    )
    assert not done
    assert not cache.entry_dir(big).exists()
    assert not cache_home.exists() or not any(cache_home.iterdir())  # no temporary folder
    assert not open_for_window(big).from_cache


def test_cancelling_during_the_search_warm_up_stops_it_there(cache_home, big):
    graph = open_for_window(big)
    steps: list[tuple[float, str]] = []
    done = finish_in_background(
        graph,
        progress=lambda fraction, what: steps.append((fraction, what)),
        cancelled=lambda: len(steps) >= 2,  # Cancel while pinyin and typo search is built
    )
    assert not done
    assert {what for _f, what in steps} == {"indexing for pinyin and typo search"}
    assert all(f <= 0.3 for f, _what in steps)  # the warm-up's share of the bar
    assert not graph.search_index.is_warm  # stopped mid-way, resumed by the next warm()
    assert not cache.entry_dir(big).exists()


def test_a_cancelled_open_raises_and_writes_nothing(cache_home, big):
    with pytest.raises(OpenCancelled):
        open_for_window(big, cancelled=lambda: True)
    assert not cache_home.exists() or not any(cache_home.iterdir())


def test_a_cancel_stops_the_scan_itself(cache_home, big, monkeypatch):
    """A 10M-triple scan takes minutes: Cancel must stop it, not only the steps after."""
    from explorer.sources import store_load

    monkeypatch.setattr(store_load, "CANCEL_EVERY", 64)  # asked every 64 new terms here
    asked: list[int] = []
    steps: list[str] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 3  # the user clicks Cancel while the file is being read

    with pytest.raises(OpenCancelled):
        open_for_window(big, cancelled=cancelled, progress=lambda _f, what: steps.append(what))
    assert steps == ["reading"]  # stopped during the scan, before indexing
    assert len(asked) == 4


def test_the_oldest_entries_go_above_the_size_limit(cache_home, big, tmp_path, monkeypatch):
    _indexed(big)
    size = cache.info().bytes
    other = tmp_path / "other.ttl"
    other.write_bytes(big.read_bytes())
    os.utime(cache.entry_dir(big) / cache.MANIFEST, (1, 1))  # used long ago
    monkeypatch.setenv(cache.LIMIT_VARIABLE, str(size * 1.5 / 1e6))
    _indexed(other)
    assert [e.source for e in cache.info().entries] == [str(other.resolve())]


def test_cache_info_and_clear_on_the_command_line(cache_home, big, capsys):
    from explorer.cli import main

    _indexed(big)
    assert main(["cache", "info", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert [e["source"] for e in shown["entries"]] == [str(big.resolve())]
    assert shown["bytes"] > 0
    assert main(["cache", "clear"]) == 0
    assert "cleared 1 cached index" in capsys.readouterr().out
    assert not cache.entry_dir(big).exists()
    assert cache.info().entries == ()
    assert not open_for_window(big).from_cache


def test_eviction_takes_incomplete_and_stale_folders_and_nothing_outside(cache_home, tmp_path):
    incomplete = cache_home / "0123456789abcdef0123"
    incomplete.mkdir(parents=True)
    (incomplete / cache.DATA_FILE).write_bytes(b"x" * 1000)
    stale = cache_home / "tmp-dead"
    stale.mkdir()
    os.utime(stale, (1, 1))
    outside = tmp_path / "keep"
    outside.mkdir()
    assert cache.evict(0) == 1
    assert not incomplete.exists() and not stale.exists()
    cache.remove(outside)
    assert outside.exists()
