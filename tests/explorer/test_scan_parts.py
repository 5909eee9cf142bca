"""A large file scanned in parts on several cores gives the tables of one pass.

Every test compares ``scan_file(..., parts=N)`` with the ordinary one-pass ``scan``
on real files, including files cut where a naive cut would be wrong (a long string
whose lines look like statements, a prefix redefined half-way, a comment after ``;``).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from explorer.errors import LoadError, OpenCancelled
from explorer.sources import forked
from explorer.sources import scan_parts as sp
from explorer.sources.store_load import Scan, scan

pytestmark = pytest.mark.skipif(not forked.available(), reason="parts are forked (Linux)")

HEAD = """# a generated organisation
@prefix ex: <http://example.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
PREFIX org: <http://www.w3.org/ns/org#>
@base <http://example.org/base/> .

"""


def _unit(i: int) -> str:
    parent = f"ex:u{i // 3}" if i else "<relative-root>"
    return (
        f"ex:u{i} a org:OrganizationalUnit ;\n"
        f'    skos:prefLabel "单位{i}"@zh, "Unit #{i}. (a.b)"@en ;\n'
        f"    org:subOrganizationOf {parent} ; # note: the parent.\n"
        f"    ex:count {i}.\n"
        f"_:b{i % 7} ex:mentions ex:u{i}, <rel/{i}> .\n"
    )


def _turtle(n: int, middle: str = "") -> str:
    units = [_unit(i) for i in range(n)]
    return HEAD + "".join(units[: n // 2]) + middle + "".join(units[n // 2 :])


def _tables(s: Scan) -> dict:
    out = {k: getattr(s, k) for k in ("ids", "names", "kinds", "meta", "order", "triples")}
    out |= {"prefixes": list(s.prefixes.items()), "degree": s.degree}
    for i, c in enumerate(s.columns):
        out[f"column {i}"] = (c.values, c.rows, c.kinds, c.ranks)
    if s.links is not None:
        out["links"] = (s.links.subjects, s.links.predicates, s.links.objects)
    if s.literals is not None:
        lit = s.literals
        out["literals"] = (lit.values, lit.rows, lit.predicates, lit.kinds)
    return out


def _same_as_one_pass(data: bytes, fmt: str, parts: int, *, degrees: bool = True) -> Scan:
    base = "file:///data/file.ttl"
    whole = scan(data, fmt, source="f", base_iri=base, degrees=degrees)
    cut = sp.scan_file(data, fmt, source="f", base_iri=base, degrees=degrees, parts=parts)
    assert _tables(cut) == _tables(whole)
    return cut


@pytest.mark.parametrize("parts", [2, 3, 4])
def test_turtle_in_parts_is_numbered_as_in_one_pass(parts):
    data = _turtle(3000).encode()
    assert sp._plan(data, "turtle", parts, None) is not None  # really cut
    got = _same_as_one_pass(data, "turtle", parts)
    assert "_:b3" in got.ids  # a labelled blank node is one node across parts
    assert got.prefixes["org"] == "http://www.w3.org/ns/org#"


def test_anonymous_blank_nodes_stay_apart_across_parts():
    """pyoxigraph draws their ids from per-thread random state, which a fork copies."""
    import pyoxigraph as ox

    ox.BlankNode()  # this thread has drawn an id before (as any earlier parse of [] has)
    rows = (f"ex:s{i} ex:p [ ex:q {i} ] ; ex:list ( ex:a ex:b ) .\n" for i in range(400))
    data = (HEAD + "".join(rows)).encode()
    whole = scan(data, "turtle", source="f", base_iri=None)
    cut = sp.scan_file(data, "turtle", source="f", base_iri=None, parts=3)
    assert len(cut.names) == len(whole.names)
    assert len(cut.links.subjects) == len(whole.links.subjects)


def test_prefixes_declared_late_come_in_one_pass_order():
    middle = "@prefix aaa: <http://a.example/> .\n"
    data = (_turtle(1000) + middle + "aaa:x aaa:y aaa:z .\n").encode()
    got = _same_as_one_pass(data, "turtle", 2)
    assert next(iter(got.prefixes)) == "aaa"


def test_long_lines_are_passed_over_when_cutting():
    long_line = f'ex:long skos:definition "{"x. " * 20_000}" .\n'
    data = (HEAD + long_line * 40).encode()
    assert sp._plan(data, "turtle", 2, None) is None  # every line too long to look at
    assert sp.scan_file(data, "turtle", source="f", base_iri=None, parts=2).triples == 40


def test_a_lean_scan_in_parts_is_the_one_pass_lean_scan():
    _same_as_one_pass(_turtle(2000).encode(), "turtle", 2, degrees=False)


def test_n_triples_in_parts():
    lines = [
        f'<http://e/{i}> <http://www.w3.org/2004/02/skos/core#prefLabel> "n {i} ." .\n'
        f"<http://e/{i}> <http://e/p> <http://e/{i // 2}> .\n"
        f"_:x{i % 5} <http://e/q> <http://e/{i}> .\n"
        for i in range(3000)
    ]
    _same_as_one_pass("".join(lines).encode(), "nt", 3)


def test_a_cut_inside_a_long_string_falls_back_to_one_pass():
    looks_like_statements = "".join(f"ex:x{i} ex:y ex:z .\n" for i in range(400))
    middle = f'ex:note skos:definition """\n{looks_like_statements}""" .\n'
    data = _turtle(200, middle).encode()
    _header, cuts = sp._plan(data, "turtle", 2, None)
    assert data.find(b'"""') < cuts[1] < data.rfind(b'"""')  # the cut is inside it
    got = _same_as_one_pass(data, "turtle", 2)
    assert "http://example.org/x0" not in got.ids


def test_a_prefix_redefined_after_the_head_falls_back_to_one_pass():
    middle = "@prefix ex: <http://other.example/> .\n"
    got = _same_as_one_pass(_turtle(2000, middle).encode(), "turtle", 2)
    assert "http://other.example/u1999" in got.ids


def test_a_syntax_error_in_a_later_part_is_reported_where_it_is():
    data = _turtle(2000, "ex:broken ex:p .\n").encode()
    with pytest.raises(LoadError) as one:
        scan(data, "turtle", source="f.ttl", base_iri=None)
    with pytest.raises(LoadError) as parts:
        sp.scan_file(data, "turtle", source="f.ttl", base_iri=None, parts=2)
    assert str(parts.value) == str(one.value)
    assert "line" in str(parts.value)


def test_formats_not_cut_by_lines_are_scanned_whole():
    trig = b"<http://g> { <http://s> <http://p> <http://o> . }\n" * 100
    assert sp._plan(trig, "trig", 2, None) is None
    assert sp.scan_file(trig, "trig", source="t", base_iri=None, parts=2).triples == 100


def test_cancel_stops_the_parts_and_leaves_no_child():
    data = _turtle(3000).encode()
    before = _children()
    with pytest.raises(OpenCancelled):
        sp.scan_file(data, "turtle", source="f", base_iri=None, parts=3, cancelled=lambda: True)
    assert _children() <= before


def test_a_child_gives_back_its_result_or_says_it_failed():
    before = _children()
    with forked.Child(sum, [1, 2, 3]) as child:
        assert child.result() == 6
    with forked.Child(int, "not a number") as child, pytest.raises(forked.Failed):
        child.result()
    with forked.Child(pow, 2, 10) as child:
        child.stop()
    with forked.Child(time.sleep, 600) as child, pytest.raises(forked.Failed):
        child.result(within=0.1)  # taken for hung: killed
    with forked.Child(time.sleep, 600) as child:
        assert child.result(lambda: True) is None  # cancelled while waiting: killed
    assert _children() <= before


def _children() -> set[str]:
    """This process's child processes, reaped or not (a zombie is still listed)."""
    found: set[str] = set()
    for task in Path(f"/proc/{os.getpid()}/task").iterdir():
        found.update((task / "children").read_text().split())
    return found
