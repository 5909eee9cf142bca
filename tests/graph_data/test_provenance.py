"""explorer.provenance: quotes are matched against the article with whitespace removed."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from explorer.provenance import MissingPhrase, check_evidence, evidence_quotes, normalise

DATA = Path(__file__).parents[1] / "data" / "provenance"
LZ = "https://w3id.org/kg-explorer/lanzhou/"
SUB_ORG = "http://www.w3.org/ns/org#subOrganizationOf"


@pytest.fixture
def sample() -> Graph:
    return Graph().parse(DATA / "sample.ttl", format="turtle")


@pytest.fixture
def short_text() -> str:
    return (DATA / "short_article.txt").read_text(encoding="utf-8")


def test_normalise_drops_every_kind_of_whitespace():
    assert normalise(" 城 市\n党建\t工作\u3000新\r\n局面\u200b ") == "城市党建工作新局面"


def test_normalise_keeps_punctuation_and_ocr_errors():
    assert normalise('书记领税 "大工委",') == '书记领税"大工委",'


def test_evidence_quotes_lists_entities_and_statements(sample):
    rows = evidence_quotes(sample)
    assert len(rows) == 4
    assert ("产业最密集的地区", f"{LZ}section-1", f"{LZ}lanzhou") in rows
    statement = (
        f"{LZ}subdistrict-greater-working-committees {SUB_ORG} "
        f"{LZ}subdistrict-party-working-committees"
    )
    assert ("全市53个街道全部成立", f"{LZ}section-4", statement) in rows


def test_check_reports_exactly_the_absent_phrase(sample, short_text):
    assert check_evidence(sample, short_text) == [
        MissingPhrase(
            quote="426个社区全部成立",
            section=f"{LZ}section-4",
            subject=f"{LZ}community-greater-party-committees",
        )
    ]


def test_check_matches_across_line_breaks_and_full_width_spaces(sample, short_text):
    # Every present quote crosses a line break or carries a space the text lacks.
    found = {q for q, _, _ in evidence_quotes(sample)} - {
        m.quote for m in check_evidence(sample, short_text)
    }
    assert found == {"产业最密集的地区", "兼职　委员制", "全市53个街道全部成立"}


def test_check_with_all_phrases_present_is_empty(sample, short_text):
    assert check_evidence(sample, short_text + "\n426个社\n区全部成立") == []


def test_empty_quote_is_reported(short_text):
    graph = Graph().parse(
        data=f"""
        @prefix kgx: <https://w3id.org/kg-explorer/vocab#> .
        <{LZ}x> kgx:evidence [ kgx:quote " " ; kgx:section <{LZ}section-0> ] .
        """,
        format="turtle",
    )
    assert [m.quote for m in check_evidence(graph, short_text)] == [" "]
