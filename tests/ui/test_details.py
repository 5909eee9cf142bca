"""The details panel in the real window: the core's report, read as a person reads it."""

from __future__ import annotations

import re

from explorer.graph import KnowledgeGraph

TWO_LANGUAGES = """
@prefix ex: <http://example.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
ex:a skos:prefLabel "甲"@zh, "A"@en ;
     dcterms:description "中文的描述"@zh, "An English description"@en ;
     ex:linksTo ex:b .
ex:b skos:prefLabel "乙"@zh, "B"@en .
"""


def test_one_citation_block_per_section_and_quotes_without_ocr_spaces(qtbot, window):
    node = window.state.resolve("兼职委员制")
    window.state.select(node)
    report = window.details.report
    assert report is not None and report.id == node
    text = window.details.plain_text()
    quotes = report.all_quotes()
    assert len(quotes) > len(report.citations()) == 1
    source = quotes[0].source
    assert text.count(source) == 1  # one block, however many relations quote the section
    spaced = [q for q in quotes if re.search(r"[\u4e00-\u9fff]\s+[\u4e00-\u9fff]", q.text)]
    assert spaced
    for q in spaced:
        assert q.display in text and q.text not in text
    assert any(q.text != q.display for q in quotes)  # the stored quote stays exact


def test_the_description_follows_the_interface_language(qtbot, make_window, tmp_path):
    path = tmp_path / "two.ttl"
    path.write_text(TWO_LANGUAGES, encoding="utf-8")
    window = make_window(KnowledgeGraph.from_file(path), lang="zh", ui_lang="zh")
    window.state.select("http://example.org/a")
    assert "中文的描述" in window.details.plain_text()
    window.set_ui_language("en")
    qtbot.waitUntil(lambda: "An English description" in window.details.plain_text())
    assert "中文的描述" not in window.details.plain_text()
    window.set_ui_language("zh")
    qtbot.waitUntil(lambda: "中文的描述" in window.details.plain_text())
    window.set_ui_language("en")  # the window's own translators: the next test reads English


def test_relation_links_and_citation_links(qtbot, window):
    window.state.select(window.state.resolve("兼职委员制"))
    targets = window.details.link_targets()
    assert targets
    window.details.follow(0)
    assert window.state.selection.node_id == targets[0]
