"""The article's knowledge graph: shapes, provenance, key entities, hierarchy, figures."""

from __future__ import annotations

import time
from collections import deque
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import ORG, RDF, SKOS

from explorer.provenance import check_evidence, evidence_quotes, normalise
from explorer.vocab import KGX, KGX_NS, LZ
from explorer.rdf_io import load_graph
from graph_data import ARTICLE_TTL, SHAPES_TTL, VOCABULARY_TTL

SOURCE = Path(__file__).parents[2] / "../shared/source/000_77d3a71f4cfa9fbc.txt"

ENTITY_TYPES = {
    ORG.Organization,
    ORG.OrganizationalUnit,
    ORG.FormalOrganization,
    KGX.Mechanism,
    KGX.Initiative,
    KGX.Goal,
    KGX.Honour,
    KGX.Problem,
    KGX.Document,
    KGX.Event,
    KGX.Place,
    KGX.Person,
    KGX.AdministrativeLevel,
    KGX.Role,
}
# Headings that open sections 1-6, as they stand in the whitespace-free article text.
SECTION_STARTS = [
    "树立全域党建理念着力强化",
    "坚持全域四级联动全力推动",
    "突出全域共驻共建更加有效",
    "完善组织联结。",
    "促进资源共享。",
    "增强共建实效。",
]


def load_article_graph() -> Graph:
    return load_graph(ARTICLE_TTL, fmt="turtle")


def load_vocabulary() -> Graph:
    return load_graph(VOCABULARY_TTL, fmt="turtle")


def load_shapes() -> Graph:
    return load_graph(SHAPES_TTL, fmt="turtle")


@pytest.fixture(scope="module")
def graph() -> Graph:
    return load_article_graph()


@pytest.fixture(scope="module")
def article_text() -> str:
    if not SOURCE.is_file():
        pytest.skip(f"article not found at {SOURCE}")
    return SOURCE.read_text(encoding="utf-8")


def entities(graph: Graph) -> set[URIRef]:
    return {s for t in ENTITY_TYPES for s in graph.subjects(RDF.type, t)}


def labels(graph: Graph, node: URIRef, lang: str) -> list[str]:
    return [str(o) for o in graph.objects(node, SKOS.prefLabel) if o.language == lang]


def all_labels(graph: Graph, node: URIRef) -> set[str]:
    preds = (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)
    return {str(o) for p in preds for o in graph.objects(node, p)}


def entity_relations(graph: Graph) -> set[tuple[URIRef, URIRef, URIRef]]:
    """Asserted triples between an entity (or figure) and another lz: IRI."""
    holders = entities(graph) | set(graph.subjects(RDF.type, KGX.Figure))
    return {
        (s, p, o)
        for s in holders
        for p, o in graph.predicate_objects(s)
        if p != RDF.type and isinstance(o, URIRef) and str(o).startswith(str(LZ))
    }


# -- files and loader ------------------------------------------------------------------


def test_data_files_exist():
    for path in (ARTICLE_TTL, VOCABULARY_TTL, SHAPES_TTL):
        assert path.is_file(), path


def test_load_article_graph_is_fast_and_returns_fresh_copies():
    start = time.perf_counter()
    first = load_article_graph()
    elapsed = time.perf_counter() - start
    print(f"\nload_article_graph(): {len(first)} triples in {elapsed * 1000:.0f} ms")
    first.remove((None, None, None))
    assert len(load_article_graph()) > 1000


def test_prefixes_are_bound(graph):
    bound = dict(graph.namespaces())
    for prefix in ("kgx", "lz", "org", "skos", "prov", "dcterms", "schema"):
        assert prefix in bound, prefix
    assert str(bound["kgx"]) == KGX_NS


def test_article_ttl_is_up_to_date_with_its_source():
    from graph_data import build

    assert build.main(["--check"]) == 0


# -- shapes and vocabulary ------------------------------------------------------------


def validate(data: Graph) -> tuple[bool, str]:
    import pyshacl

    conforms, _, text = pyshacl.validate(
        data,
        shacl_graph=load_shapes(),
        ont_graph=load_vocabulary(),
        inference="none",
        advanced=True,
    )
    return conforms, text


def test_article_conforms_to_shapes(graph):
    conforms, text = validate(graph)
    assert conforms, text


def test_shapes_catch_a_missing_label_evidence_and_statement(graph):
    broken = load_article_graph()
    node = LZ["wugong-wulian-method"]
    for label in labels(broken, node, "en"):
        broken.remove((node, SKOS.prefLabel, Literal(label, lang="en")))
    broken.remove((LZ["red-matrix"], KGX.evidence, None))
    statement = BNode()
    for p, o in (
        (RDF.type, RDF.Statement),
        (RDF.subject, LZ["cpc"]),
        (RDF.predicate, KGX.leads),
        (RDF.object, LZ["lanzhou"]),
    ):
        broken.add((statement, p, o))
    conforms, text = validate(broken)
    assert not conforms
    assert "wugong-wulian-method" in text
    assert "red-matrix" in text
    assert "not asserted" in text
    assert "a statement needs at least one kgx:evidence" in text


def test_every_kgx_term_used_is_declared(graph):
    vocab = load_vocabulary()
    used = {p for p in graph.predicates() if str(p).startswith(KGX_NS)}
    used |= {o for o in graph.objects(None, RDF.type) if str(o).startswith(KGX_NS)}
    undeclared = {t for t in used if (t, RDF.type, None) not in vocab}
    assert not undeclared


def test_vocabulary_labels_every_term_in_zh_and_en():
    from rdflib.namespace import RDFS

    vocab = load_vocabulary()
    terms = {s for s in vocab.subjects(RDF.type, None) if str(s).startswith(KGX_NS)}
    for term in terms:
        langs = {o.language for o in vocab.objects(term, RDFS.label)}
        assert {"zh", "en"} <= langs, term
    assert KGX.honouredWith in terms and KGX.valueQualifier in terms


# -- relations ---------------------------------------------------------------------------


def test_every_relation_object_is_a_typed_entity(graph):
    typed = entities(graph)
    untyped = {(s, p, o) for s, p, o in entity_relations(graph) if o not in typed}
    assert not untyped


def test_every_relation_has_a_statement_with_evidence(graph):
    reified = {
        (graph.value(st, RDF.subject), graph.value(st, RDF.predicate), graph.value(st, RDF.object))
        for st in graph.subjects(RDF.type, RDF.Statement)
        if (st, KGX.evidence, None) in graph
    }
    missing = entity_relations(graph) - reified
    assert not missing


def test_each_relation_is_reified_once(graph):
    triples = [
        (graph.value(st, RDF.subject), graph.value(st, RDF.predicate), graph.value(st, RDF.object))
        for st in graph.subjects(RDF.type, RDF.Statement)
    ]
    assert len(triples) == len(set(triples))


def test_every_entity_has_labels_and_evidence(graph):
    for node in entities(graph):
        assert labels(graph, node, "zh") and labels(graph, node, "en"), node
        assert (node, KGX.evidence, None) in graph, node


# -- provenance against the real article ---------------------------------------------------


def test_every_quote_occurs_in_the_article(graph, article_text):
    missing = check_evidence(graph, article_text)
    assert missing == [], "\n".join(f"{m.section}: {m.quote} ({m.subject})" for m in missing)


def test_every_quote_occurs_in_its_own_section(graph, article_text):
    text = normalise(article_text)
    starts = [0, *(text.index(h) for h in SECTION_STARTS), len(text)]
    wrong = []
    for quote, section, holder in evidence_quotes(graph):
        n = int(section.rsplit("-", 1)[1])
        if normalise(quote) not in text[starts[n] : starts[n + 1]]:
            wrong.append((section, quote, holder))
    assert not wrong


def test_hidden_labels_are_ocr_forms_found_in_the_article(graph, article_text):
    text = normalise(article_text)
    for node, hidden in graph.subject_objects(SKOS.hiddenLabel):
        assert normalise(str(hidden)) in text, (node, hidden)


# -- key entities ----------------------------------------------------------------------------

KEY_ENTITIES = {
    "lanzhou-municipal-party-committee": "兰州市委",
    "district-county-party-committees": "区县党委",
    "subdistrict-party-working-committees": "街道党工委",
    "community-party-organizations": "社区党组织",
    "subdistrict-greater-working-committees": "大工委",
    "community-greater-party-committees": "大党委",
    "stationed-unit-party-organizations": "驻区单位党组织",
    "two-new-organizations": "两新",
    "temporary-party-organizations": "临时党组织",
    "vanguard-teams": "党员先锋队",
    "volunteer-service-teams": "党员志愿者服务队",
    "lanzhou-employment-promotion-association": "兰州市就业创业促进会",
    "xihu-subdistrict": "七里河区西湖街道",
    "qilihe-district": "七里河区",
    "minqing-assembly-line": "民情流水线",
    "secretary-responsibility": "书记抓、抓书记",
    "party-building-responsibility-system": "党建工作责任制",
    "four-level-linkage": "四级联动",
    "three-maps": "三张导图",
    "key-tasks-map": "重点任务",
    "integration-map": "融合共建",
    "grid-map": "网格党建",
    "wugong-wulian-method": "五共五联",
    "part-time-member-system": "兼职委员制",
    "subdistrict-joint-conference-system": "街道党建联席会议制度",
    "contract-based-co-building": "契约化",
    "three-lists": "三项清单",
    "resource-list": "资源清单",
    "needs-list": "需求清单",
    "project-list": "项目清单",
    "member-registration": "在职党员到社区报到",
    "subdistrict-management-reform": "街道管理体制改革",
    "belt-and-road": "一带一路",
    "yellow-river-strategy": "黄河流域生态保护和高质量发展",
    "exquisite-lanzhou": "精致兰州",
    "one-core-two-wings": "一心两翼多点",
    "national-civilized-city": "全国文明城市",
    "national-garden-city": "国家园林城市",
    "city-opinions": "进一步加强城市基层党建工作的意见",
    "xi-inspection-2013": "2013",
    "xi-inspection-2019": "2019",
    "li-rongcan": "李荣灿",
    "xi-jinping": "习近平",
    "role-city-planning": "市级统筹谋划",
    "role-district-guidance": "区级指导推动",
    "role-subdistrict-implementation": "街道具体落实",
    "role-community-backstop": "社区兜底管理",
}


@pytest.mark.parametrize(("slug", "zh"), sorted(KEY_ENTITIES.items()))
def test_key_entity_exists_with_zh_and_en_labels(graph, slug, zh):
    node = LZ[slug]
    assert node in entities(graph)
    assert any(zh in label for label in all_labels(graph, node))
    assert labels(graph, node, "zh") and labels(graph, node, "en")


def test_wugong_wulian_alias_without_quote_marks(graph):
    assert "五共五联" in all_labels(graph, LZ["wugong-wulian-method"])


@pytest.mark.parametrize(
    ("whole", "parts"),
    [
        (
            "wugong-wulian-method",
            [
                "wugong-organization",
                "wugong-affairs",
                "wugong-activities",
                "wugong-resources",
                "wugong-experience",
            ],
        ),
        ("three-maps", ["key-tasks-map", "integration-map", "grid-map"]),
        ("three-lists", ["resource-list", "needs-list", "project-list"]),
        (
            "four-level-linkage",
            [
                "role-city-planning",
                "role-district-guidance",
                "role-subdistrict-implementation",
                "role-community-backstop",
            ],
        ),
    ],
)
def test_composites_link_to_their_parts(graph, whole, parts):
    assert set(graph.objects(LZ[whole], KGX.hasPart)) == {LZ[p] for p in parts}


def test_each_level_has_its_role(graph):
    for level, role in [
        ("level-city", "role-city-planning"),
        ("level-district", "role-district-guidance"),
        ("level-subdistrict", "role-subdistrict-implementation"),
        ("level-community", "role-community-backstop"),
    ]:
        assert (LZ[level], KGX.hasRole, LZ[role]) in graph


def test_hierarchy_leads_from_the_city_committee_to_a_community_body(graph):
    start, seen, queue = LZ["lanzhou-municipal-party-committee"], {}, deque()
    seen[start] = None
    queue.append(start)
    while queue:
        node = queue.popleft()
        for child in graph.subjects(ORG.subOrganizationOf, node):
            if child not in seen:
                seen[child] = node
                queue.append(child)
    community = [n for n in seen if (n, KGX.atLevel, LZ["level-community"]) in graph]
    assert LZ["community-party-organizations"] in community
    assert LZ["community-greater-party-committees"] in community
    path, node = [], LZ["community-greater-party-committees"]
    while node is not None:
        path.append(node)
        node = seen[node]
    assert [str(n).removeprefix(str(LZ)) for n in reversed(path)] == [
        "lanzhou-municipal-party-committee",
        "district-county-party-committees",
        "subdistrict-party-working-committees",
        "community-party-organizations",
        "community-greater-party-committees",
    ]


def test_hierarchy_has_no_cycles(graph):
    for node in set(graph.subjects(ORG.subOrganizationOf, None)):
        seen, current = set(), node
        while current is not None:
            assert current not in seen, node
            seen.add(current)
            current = graph.value(current, ORG.subOrganizationOf)


# -- figures --------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [53, 426, 1303, 4616, 48000, 145000, 16, 64, 228, 2888])
def test_figure_exists_with_unit_and_subject(graph, value):
    figures = [
        f
        for f in graph.subjects(RDF.type, KGX.Figure)
        if graph.value(f, KGX.value) is not None and graph.value(f, KGX.value).toPython() == value
    ]
    assert figures, value
    figure = figures[0]
    assert {u.language for u in graph.objects(figure, KGX.unit)} >= {"zh", "en"}
    assert {c.language for c in graph.objects(figure, KGX.counts)} >= {"zh", "en"}
    assert all(o in entities(graph) for o in graph.objects(figure, KGX.figureOf))


def test_new_residents_figure_is_dated_2019(graph):
    figure = LZ["figure-new-residents-2019"]
    assert str(graph.value(figure, KGX.asOf)) == "2019"
    quotes = [str(graph.value(e, KGX.quote)) for e in graph.objects(figure, KGX.evidence)]
    assert any("14.5万" in q for q in quotes)


# -- OCR corrections --------------------------------------------------------------------------


def corrections(graph: Graph) -> set[tuple[str, str]]:
    return {
        (str(graph.value(c, KGX.ocrText)), str(graph.value(c, KGX.correctedText)))
        for c in graph.objects(None, KGX.ocrCorrection)
    }


def test_ocr_corrections_are_recorded(graph):
    found = corrections(graph)
    assert ("书记领税", "书记领航") in found
    assert ("描加", "街道") in found
    assert ("科道党组织", "街道党组织") in found
    node = LZ["column-secretaries-at-the-helm"]
    assert "书记领航" in labels(graph, node, "zh")
    assert "书记领税" in {str(h) for h in graph.objects(node, SKOS.hiddenLabel)}
