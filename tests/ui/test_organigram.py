"""A user's own organigram in the real window: German data under an English interface,
a unit under several parents, and a parent with 20,000 units opened from the File menu."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from rdflib import URIRef
from rdflib.namespace import ORG

from benchmarks.bench_organigram import ROOT_ID, wide_organigram
from explorer.graph import KnowledgeGraph
from explorer.rdf_io import load_graph

SENFIN = Path(__file__).parents[2] / "../shared/data/organigrams/berlin-senfin-2023.ttl"
OG = "https://berlin.github.io/lod-organigram/"
PAGE_TIMEOUT = 60_000


def _rows(model, parent: QModelIndex | None = None) -> list[str]:
    parent = parent or QModelIndex()
    model.fetch_now(parent)
    return [
        model.index(r, 0, parent).data(Qt.ItemDataRole.DisplayRole)
        for r in range(model.rowCount(parent))
    ]


def test_german_organigram_speaks_english_in_an_english_interface(qtbot, make_window, tmp_path):
    g = load_graph(SENFIN)
    shared, other_parent = OG + "organisation-286c60a2fc", OG + "organisation-b5fbc576a7"
    g.add((URIRef(other_parent), ORG.hasSubOrganization, URIRef(shared)))
    path = tmp_path / "senfin-shared.ttl"
    g.serialize(path, format="turtle")
    window = make_window(KnowledgeGraph.from_file(path), lang="zh", ui_lang="en")
    window.state.show_whole()  # it opens on its org chart (units only); all its types here
    qtbot.waitUntil(lambda: "Class" in window.graph.legend.items.text())
    legend = window.graph.legend.items.text()
    assert "Organization" in legend and "Class" in legend
    assert "组织" not in legend and "其他" not in legend and "类" not in legend
    # 116 people and posts: the chart starts with its units; the Types menu brings them back
    assert {"person", "role"} <= window.state.hidden
    window.state.set_category_hidden("person", False)
    qtbot.waitUntil(lambda: "Person" in window.graph.legend.items.text())
    panel = window.hierarchy
    assert _rows(panel.model) == ["Senatsverwaltung für Finanzen"]  # no class tree mixed in
    # the shared unit is under both of its parents, each row saying where else it is
    root = panel.index_of_label("Senatsverwaltung für Finanzen")
    state_secretary = panel.index_of_label("Staatssekretariat Geschäftsbereich B", root)
    found = []
    for label in ("Abteilung II -", "Abteilung III -"):
        unit = panel.index_of_label(label, state_secretary)
        rows = _rows(panel.model, unit)
        found += [t for t in rows if t.startswith("Leitstelle Investitionsplanung")]
    assert len(found) == 2
    assert "also under Abteilung III" in found[0] and "also under Abteilung II" in found[1]


def test_a_parent_with_twenty_thousand_units_opens_in_the_app(qtbot, window, tmp_path):
    path = wide_organigram(tmp_path / "wide.ttl")  # 2 MB: opens store-backed
    assert window.open_file(str(path))
    qtbot.waitUntil(lambda: window.state.kg.source == str(path), timeout=PAGE_TIMEOUT)
    model = window.hierarchy.model
    assert _rows(model) == ["Wide root"]
    root = model.index(0, 0)
    assert model.data(root, Qt.ItemDataRole.UserRole + 1) == ROOT_ID
    while model.canFetchMore(root):
        model.fetch_now(root)
    assert model.rowCount(root) == 20_000
    assert model.index(19_999, 0, root).data() == "Unit 19999"
    window.state.select("http://example.org/unit/c12345")
    qtbot.waitUntil(lambda: window.hierarchy.current_id() == "http://example.org/unit/c12345")


def test_german_organigram_speaks_chinese_in_a_chinese_interface(qtbot, make_window):
    window = make_window(KnowledgeGraph.from_file(SENFIN), lang="en", ui_lang="zh")
    try:
        legend = window.graph.legend.items.text()
        assert "组织" in legend and "Organization" not in legend
        assert _rows(window.hierarchy.model) == ["Senatsverwaltung für Finanzen"]  # German
        window.state.select(OG + "organisation-226017243c")  # Referat II F
        text = window.details.plain_text()
        assert "人员与职位" in text and "Jan Schubert" in text
        assert "Referatsleitung, Referat II F" in text
        assert "组织" in text and "Organization" not in text  # type named in the interface's
    finally:  # this window's translators stay installed until its own switch removes them
        window.set_ui_language("en")
