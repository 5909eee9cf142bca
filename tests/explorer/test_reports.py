"""One report, three renderings: text, JSON and HTML all come from the same dataclass."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from explorer.graph import KnowledgeGraph
from explorer.render.report_html import details_html, path_html
from explorer.render.report_text import to_json, to_text
from explorer.reports import (
    EntityDetails,
    Quote,
    Ref,
    Relation,
    build_entity_details,
    build_hierarchy_report,
    build_path_report,
    display_quote,
)
from explorer.resolve import UnknownEntity, find_entity, resolve_entity

DATA = Path(__file__).parents[1] / "data"
LZ = "https://w3id.org/kg-explorer/lanzhou/"
SOURCE = "某报, 2021-01-04, p. B1"


def test_display_quote_drops_ocr_line_break_spaces_only_between_chinese():
    assert display_quote("党组织负责人为兼职 委员") == "党组织负责人为兼职委员"
    assert display_quote("426个社 区全部成立") == "426个社区全部成立"
    assert display_quote('深入推行 "兼职委员制"') == '深入推行"兼职委员制"'
    assert display_quote("兰州 Lanzhou city") == "兰州 Lanzhou city"
    assert display_quote('say "hello" now') == 'say "hello" now'


def test_the_stored_quote_stays_exact_and_only_display_changes(article):
    node_id = resolve_entity(article, "兼职委员制")
    details = build_entity_details(article, node_id, "zh")
    spaced = [
        q for q in details.all_quotes() if re.search(r"[\u4e00-\u9fff]\s+[\u4e00-\u9fff]", q.text)
    ]
    assert spaced, "the article's OCR text has line-break spaces in this entity's quotes"
    data = to_json(details)
    stored = {e["quote"] for r in data["relations_out"] for e in r["evidence"]}
    assert any(q.text in stored for q in spaced)  # JSON: exact
    page = details_html(details).html
    text = to_text(details)
    for q in spaced:
        assert q.display in page.replace("&#34;", '"') and q.display in text
        assert q.text not in text


def _details() -> EntityDetails:
    quote = Quote("街道党工委 推行五共五联", "第一节", SOURCE)
    other = Quote("五共五联", "第一节", SOURCE)
    return EntityDetails(
        id="urn:x:a",
        lang="zh",
        label="<b>甲</b>",
        description="描述",
        evidence=(other,),
        relations_out=(
            Relation(Ref("urn:x:a", "甲"), Ref("urn:p", "推行"), Ref("urn:x:b", "乙"), (quote,)),
            Relation(Ref("urn:x:a", "甲"), Ref("urn:p", "包含"), Ref("urn:x:c", "丙"), (other,)),
        ),
    )


def test_text_json_and_html_come_from_the_same_dataclass():
    details = _details()
    data = to_json(details)
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert data["relations_out"][0]["evidence"][0]["quote"] == "街道党工委 推行五共五联"
    assert [r["target"] for r in data["relations_out"]] == ["urn:x:b", "urn:x:c"]
    text = to_text(details)
    assert "→ 推行: 乙" in text and "“街道党工委推行五共五联” [第一节]" in text
    page = details_html(details)
    assert page.targets == ("urn:x:b", "urn:x:c")
    assert "&lt;b&gt;甲&lt;/b&gt;" in page.html and "<b>甲</b>" not in page.html  # autoescaped
    assert "urn:x:b" not in page.html  # links carry numbers, never IRIs


def test_one_citation_block_per_section_not_per_relation():
    page = details_html(_details()).html
    assert page.count(SOURCE) == 1
    assert page.count("[1]") == 4  # three quotes point to the one block, which is numbered


def test_citations_in_the_article_details_are_listed_once(article):
    node_id = resolve_entity(article, "五共五联")
    details = build_entity_details(article, node_id, "zh")
    page = details_html(details).html
    quotes = details.all_quotes()
    assert len(quotes) > len(details.citations()) >= 1
    for _section, source in details.citations():
        assert source
    source = quotes[0].source
    assert page.count(source) == 1


def test_description_follows_the_interface_language_when_the_data_has_it(load_text):
    kg = load_text(
        """@prefix ex: <http://example.org/> .
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        @prefix dcterms: <http://purl.org/dc/terms/> .
        ex:a skos:prefLabel "甲"@zh, "A"@en ;
             dcterms:description "中文描述"@zh, "English description"@en .
        ex:b skos:prefLabel "乙"@zh ; dcterms:description "only English"@en .
        """
    )
    a, b = "http://example.org/a", "http://example.org/b"
    assert build_entity_details(kg, a, "en", text_lang="zh").description == "中文描述"
    assert build_entity_details(kg, a, "zh", text_lang="en").description == "English description"
    assert build_entity_details(kg, b, "zh", text_lang="zh").description == "only English"


def test_path_report_reads_from_start_to_end_in_all_renderings(mini):
    a, b = LZ + "city-committee", find_entity(mini, "共建")
    report = build_path_report(mini, a, b, "zh")
    assert report.found and report.nodes[0].id == a and report.nodes[-1].id == b
    text = to_text(report).splitlines()
    assert text[0] == "兰州市委"
    data = to_json(report)
    assert [n["id"] for n in data["nodes"]] == [n.id for n in report.nodes]
    page = path_html(report, hops_heading="2 hops")
    assert page.targets == tuple(n.id for n in report.nodes)
    assert page.html.index("兰州市委") < page.html.index("共建")


def test_no_path_and_no_hierarchy_are_reports_that_found_nothing(mini):
    lonely = find_entity(mini, "李荣灿")
    report = build_path_report(mini, LZ + "city-committee", lonely, "zh")
    assert not report.found and to_json(report) is None
    assert to_text(report).startswith("no path between 兰州市委 and")
    assert not build_hierarchy_report(mini, lonely, "zh").found


def test_hierarchy_report_rows_and_cycles(load_text):
    tree = build_hierarchy_report(KnowledgeGraph.from_file(DATA / "mini.ttl"), None, "zh")
    assert to_text(tree).splitlines()[:2] == ["兰州市委", "  区县党委"]
    cyc = build_hierarchy_report(KnowledgeGraph.from_file(DATA / "bad" / "cycle.ttl"))
    assert cyc.cycles and to_json(cyc)["cycles"][0]["cut"]


def test_unknown_names_are_refused_with_suggestions(mini):
    with pytest.raises(UnknownEntity) as refused:
        resolve_entity(mini, "兰州市委员会议厅")
    assert refused.value.suggestions and "兰州市委" in refused.value.suggestions
    assert "did you mean" in str(refused.value)
    assert find_entity(mini, "兰州市委员会议厅") is None
    assert find_entity(mini, "  ") is None
    assert find_entity(mini, "wugongwulian") == LZ + "wugong-wulian"
