"""The entity projection: nodes, labels by language, types, relations and their evidence."""

from __future__ import annotations

from explorer.graph import KnowledgeGraph

LZ = "https://w3id.org/kg-explorer/lanzhou/"


def test_entities_and_relations(mini: KnowledgeGraph):
    assert LZ + "city-committee" in mini
    assert LZ + "section-1" not in mini  # sections are provenance, not entities
    assert all(not n.id.startswith("_:") for n in mini.nodes())  # evidence nodes are not entities
    preds = {(e.source, e.predicate, e.target) for e in mini.edges()}
    assert (
        LZ + "subdistrict-committee",
        "https://w3id.org/kg-explorer/vocab#implements",
        LZ + "wugong-wulian",
    ) in preds
    assert all(e.predicate != "https://w3id.org/kg-explorer/vocab#evidence" for e in mini.edges())


def test_labels_by_language(mini: KnowledgeGraph):
    node = mini.node(LZ + "city-committee")
    assert node.label("zh") == "兰州市委"
    assert node.label("en") == "Lanzhou Municipal Party Committee"
    assert node.label("both") == "兰州市委 / Lanzhou Municipal Party Committee"
    assert node.category == "organization"
    assert node.description("en") == "The city's Party committee."


def test_label_fallbacks(load_text):
    kg = load_text(
        """@prefix ex: <http://example.org/> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix schema: <https://schema.org/> .
        @prefix foaf: <http://xmlns.com/foaf/0.1/> .
        @prefix dcterms: <http://purl.org/dc/terms/> .
        ex:a rdfs:label "Alpha" ; ex:r ex:b, ex:c, ex:d, ex:e, [ a ex:Widget ] .
        ex:b schema:name "Beta" .
        ex:c foaf:name "Gamma" .
        ex:d dcterms:title "Delta" .
        ex:e ex:r ex:a .
        """,
    )
    ids = {n.label("zh") for n in kg.nodes()}
    assert {"Alpha", "Beta", "Gamma", "Delta", "e"} <= ids
    blank = [n for n in kg.nodes() if n.id.startswith("_:")]
    assert [n.label("en") for n in blank] == ["(anonymous Widget 1)"]


def test_english_only_label_is_used_for_chinese_too(load_text):
    kg = load_text(
        "@prefix ex: <http://example.org/> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> ."
        ' ex:a skos:prefLabel "Only English"@en ; ex:r ex:b .',
    )
    assert kg.node("http://example.org/a").label("zh") == "Only English"
    assert kg.node("http://example.org/a").label("both") == "Only English"


def test_relation_evidence_comes_from_reified_statement(mini: KnowledgeGraph):
    edge = next(
        e for e in mini.out_edges(LZ + "subdistrict-committee") if e.target == LZ + "wugong-wulian"
    )
    (ev,) = edge.evidence
    assert ev.quote == "街道党工委推行五共五联"
    assert ev.section == "树立全域党建理念"
    assert "李荣灿" in ev.source and "2021-01-04" in ev.source


def test_entity_evidence_and_figures(mini: KnowledgeGraph):
    assert [e.quote for e in mini.evidence(LZ + "wugong-wulian")] == ["五共五联"]
    (fig,) = mini.figures()
    assert fig.value == 53
    assert fig.entity_id == LZ + "subdistrict-committee"
    assert fig.unit_label("en") == "subdistricts"
    assert fig.evidence[0].quote == "53个街道"
    assert mini.figures_of(LZ + "subdistrict-committee") == [fig]


def test_resolve_by_iri_prefixed_name_local_name_label_and_alias(mini: KnowledgeGraph):
    target = LZ + "wugong-wulian"
    for text in (target, f"<{target}>", "lz:wugong-wulian", "wugong-wulian", "五共五联"):
        assert mini.resolve(text) == target, text
    assert mini.resolve("Lanzhou Municipal Party Committee") == LZ + "city-committee"
    assert mini.resolve("nothing like this") is None


def test_predicate_labels_come_from_known_terms(mini: KnowledgeGraph):
    edge = next(iter(mini.out_edges(LZ + "district-committee")))
    assert edge.label("zh") == "隶属于"
    assert edge.label("en") == "sub-organization of"


def test_long_labels_are_clipped_for_display():
    from pathlib import Path

    kg = KnowledgeGraph.from_file(Path(__file__).parents[1] / "data" / "bad" / "long-label.ttl")
    node = kg.node("http://example.org/a")
    assert len(node.label("zh")) <= 200


def test_networkx_projection(mini: KnowledgeGraph):
    g = mini.nx
    assert g.number_of_nodes() == len(mini)
    assert g.nodes[LZ + "city-committee"]["label_zh"] == "兰州市委"
    assert g.number_of_edges() == len(mini.edges())
