"""The article's knowledge graph: shapes, provenance, key entities, hierarchy, figures."""

from __future__ import annotations

import time
from collections import deque
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, RDF, SKOS

from explorer.provenance import check_evidence, evidence_quotes, normalise
from explorer.rdf_io import load_graph
from explorer.vocab import KGX, KGX_NS, LZ
from graph_data import ARTICLE_TTL, SHAPES_TTL, VOCABULARY_TTL

#: Data-only terms of the vocabulary (explorer.vocab.KGX names only what the code uses).
K = Namespace(KGX_NS)
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
    SKOS.Concept,
    SKOS.ConceptScheme,
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
    """Asserted triples between an entity (or figure) and another lz: IRI.

    Scheme membership and a figure's place are attributes, not relations read from a
    sentence, so they carry no statement of their own.
    """
    holders = entities(graph) | set(graph.subjects(RDF.type, KGX.Figure))
    return {
        (s, p, o)
        for s in holders
        for p, o in graph.predicate_objects(s)
        if p not in (RDF.type, SKOS.inScheme, K.place)
        and isinstance(o, URIRef)
        and str(o).startswith(str(LZ))
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


def lz(node) -> str:
    return str(node).removeprefix(str(LZ))


def parents(graph: Graph, slug: str) -> set[str]:
    return {lz(o) for o in graph.objects(LZ[slug], ORG.subOrganizationOf)}


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
    path, node = [], LZ["community-party-organizations"]
    while node is not None:
        path.append(node)
        node = seen[node]
    assert [lz(n) for n in reversed(path)] == [
        "lanzhou-municipal-party-committee",
        "district-county-party-committees",
        "subdistrict-party-working-committees",
        "community-party-organizations",
    ]


def test_the_organization_tree_has_one_root_the_party(graph):
    children = set(graph.subjects(ORG.subOrganizationOf, None))
    roots = {lz(o) for o in graph.objects(None, ORG.subOrganizationOf)} - {lz(c) for c in children}
    assert roots == {"cpc"}


def test_sub_organizations_are_organizations_never_places_or_kinds(graph):
    kinds = (ORG.Organization, ORG.FormalOrganization, ORG.OrganizationalUnit)
    organizations = {s for kind in kinds for s in graph.subjects(RDF.type, kind)}
    for child, parent in graph.subject_objects(ORG.subOrganizationOf):
        for node in (child, parent):
            assert node in organizations, node
            assert (node, RDF.type, KGX.Place) not in graph, node
            assert (node, RDF.type, SKOS.Concept) not in graph, node


@pytest.mark.parametrize(
    "body", ["subdistrict-greater-working-committees", "community-greater-party-committees"]
)
def test_greater_committees_are_enlarged_forms_with_part_time_members(graph, body):
    assert parents(graph, body) == set()
    base = {
        "subdistrict-greater-working-committees": "subdistrict-party-working-committees",
        "community-greater-party-committees": "community-party-organizations",
    }[body]
    assert (LZ[body], K.enlargedFormOf, LZ[base]) in graph
    assert (LZ["part-time-members"], ORG.postIn, LZ[body]) in graph
    assert (LZ["party-organization-heads"], K.takenInAs, LZ["part-time-members"]) in graph


def test_resident_units_are_a_category_with_kinds(graph):
    units = LZ["stationed-units"]
    assert (units, RDF.type, SKOS.Concept) in graph
    assert (units, RDF.type, ORG.Organization) not in graph
    kinds = {lz(s) for s in graph.subjects(SKOS.broader, units)}
    assert kinds == {"organs-in-area", "enterprises-and-institutions", "two-new-organizations"}
    assert not set(graph.subjects(ORG.subOrganizationOf, units))
    # their Party organizations are grassroots Party organizations, coordinated by the subdistrict
    assert parents(graph, "stationed-unit-party-organizations") == {"cpc"}
    coordinated = LZ["stationed-unit-party-organizations"]
    assert (LZ["subdistrict-party-working-committees"], KGX.coordinates, coordinated) in graph


@pytest.mark.parametrize(
    "body", ["temporary-party-organizations", "vanguard-teams", "volunteer-service-teams"]
)
def test_teams_and_temporary_organizations_are_set_up_not_sub_bodies(graph, body):
    assert parents(graph, body) == set()
    assert (LZ["lanzhou-municipal-party-committee"], KGX.establishes, LZ[body]) in graph


def test_qilihe_and_xihu_are_places_with_the_committee_linked_to_them(graph):
    for place in ("qilihe-district", "xihu-subdistrict"):
        assert (LZ[place], RDF.type, KGX.Place) in graph
        assert (LZ[place], RDF.type, ORG.Organization) not in graph
    assert (LZ["xihu-subdistrict"], KGX.locatedIn, LZ["qilihe-district"]) in graph
    committee = LZ["xihu-subdistrict-party-working-committee"]
    assert (committee, KGX.locatedIn, LZ["xihu-subdistrict"]) in graph
    assert (committee, KGX.establishes, LZ["minqing-assembly-line"]) in graph


def statement_evidence(graph: Graph, s: str, p, o: str) -> list:
    for st in graph.subjects(RDF.subject, LZ[s]):
        if graph.value(st, RDF.predicate) == p and graph.value(st, RDF.object) == LZ[o]:
            return list(graph.objects(st, KGX.evidence))
    raise AssertionError(f"no statement for {s} {p} {o}")


@pytest.mark.parametrize(
    ("child", "parent"),
    [
        ("gansu-provincial-party-committee", "cpc"),
        ("lanzhou-municipal-party-committee", "gansu-provincial-party-committee"),
    ],
)
def test_links_the_article_does_not_state_are_background_knowledge(graph, child, parent):
    evidence = statement_evidence(graph, child, ORG.subOrganizationOf, parent)
    assert evidence
    for ev in evidence:
        assert graph.value(ev, KGX.quote) is None
        assert graph.value(ev, KGX.generalKnowledge).toPython() is True
        assert graph.value(ev, DCTERMS.source) is not None


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


# -- relations that say what the text says (issue 11) ----------------------------------------


def triples(graph: Graph, s: str, o: str) -> set[str]:
    """The predicates (prefixed) from lz:s to lz:o."""
    return {graph.namespace_manager.qname(p) for p in graph.predicates(LZ[s], LZ[o])}


@pytest.mark.parametrize(
    "strategy",
    [
        "belt-and-road",
        "western-development",
        "yellow-river-strategy",
        "lanzhou-xining-urban-agglomeration",
    ],
)
def test_the_city_seizes_the_opportunity_of_the_national_strategies(graph, strategy):
    assert triples(graph, "lanzhou", strategy) == {"kgx:seizesOpportunityOf"}
    assert triples(graph, "lanzhou-municipal-party-committee", strategy) == set()
    [ev] = statement_evidence(graph, "lanzhou", K.seizesOpportunityOf, strategy)
    assert str(graph.value(ev, K.textSubject)) == "我们"


@pytest.mark.parametrize("target", ["small-micro-enterprises", "social-organizations"])
def test_communities_backstop_the_party_building_of_small_firms(graph, target):
    assert triples(graph, "community-party-organizations", target) == {
        "kgx:backstopsPartyBuildingOf"
    }


def test_the_subdistrict_coordinates_party_organizations_not_social_organizations(graph):
    assert triples(graph, "subdistrict-party-working-committees", "social-organizations") == set()
    assert "kgx:coordinates" in triples(
        graph, "subdistrict-party-working-committees", "social-organization-party-organizations"
    )


@pytest.mark.parametrize(
    "activity", ["joint-theme-party-days", "joint-party-lectures", "joint-theory-study"]
)
def test_joint_party_days_are_for_all_party_organizations_of_the_area(graph, activity):
    assert triples(graph, activity, "area-party-organizations") == {"kgx:appliesTo"}
    assert triples(graph, activity, "stationed-unit-party-organizations") == set()
    assert LZ["area-party-organizations"] != LZ["stationed-unit-party-organizations"]


def test_the_new_pattern_is_built_by_we_not_served_by_party_building(graph):
    assert triples(graph, "urban-grassroots-party-building", "new-pattern") == set()
    assert triples(graph, "lanzhou-municipal-party-committee", "new-pattern") == {"kgx:builds"}


def test_organs_in_the_area_and_organs_sending_members_are_two_nodes(graph):
    in_area, all_levels = LZ["organs-in-area"], LZ["organs-at-all-levels"]
    assert (in_area, SKOS.broader, LZ["stationed-units"]) in graph
    assert (all_levels, KGX.participatesIn, LZ["members-to-frontline"]) in graph
    sections = {
        str(graph.value(ev, KGX.section)).rsplit("-", 1)[1]
        for ev in graph.objects(all_levels, KGX.evidence)
    }
    assert sections == {"6"}


def test_no_generic_related_to_edges_remain(graph):
    assert not list(graph.subject_objects(KGX.relatedTo))


def test_every_we_sentence_names_its_subject(graph):
    """A quote with 我们 on a relation of the city or its committee says so in the data."""
    for st in graph.subjects(RDF.type, RDF.Statement):
        if graph.value(st, RDF.subject) not in (
            LZ["lanzhou"],
            LZ["lanzhou-municipal-party-committee"],
        ):
            continue
        for ev in graph.objects(st, KGX.evidence):
            if "我们" in str(graph.value(ev, KGX.quote) or ""):
                assert str(graph.value(ev, K.textSubject)) == "我们", st


# -- figures, OCR readings, labels ----------------------------------------------------------------


def test_every_figure_has_date_period_and_place(graph):
    for figure in graph.subjects(RDF.type, KGX.Figure):
        assert graph.value(figure, KGX.asOf) is not None, figure
        assert {p.language for p in graph.objects(figure, K.period)} == {"zh", "en"}, figure
        assert (figure, K.place, LZ["lanzhou"]) in graph, figure


@pytest.mark.parametrize("figure", ["figure-subdistricts-53", "figure-communities-426"])
def test_subdistrict_and_community_counts_are_lanzhous(graph, figure):
    targets = {lz(o) for o in graph.objects(LZ[figure], KGX.figureOf)}
    assert "lanzhou" in targets
    assert not targets & {"level-subdistrict", "level-community"}


def readings(graph: Graph) -> dict[str, tuple[str, str]]:
    """printed -> (reading or "", certainty local name)."""
    return {
        str(graph.value(r, KGX.ocrText)): (
            str(graph.value(r, KGX.correctedText) or ""),
            lz(graph.value(r, K.certainty)).rsplit("#", 1)[-1],
        )
        for r in graph.objects(None, KGX.ocrCorrection)
    }


def test_illegible_items_are_recorded_not_guessed(graph):
    found = readings(graph)
    assert found["重大力"] == ("", "illegible")
    assert found["工委对区县职能部门考核规划"] == ("", "illegible")
    fifth = LZ["power-major-matters"]
    assert (LZ["subdistrict-powers"], KGX.hasPart, fifth) in graph
    assert "重大…权" in labels(graph, fifth, "zh")[0]


def test_labels_add_no_words_the_print_lacks(graph):
    for node, label in graph.subject_objects(SKOS.prefLabel):
        assert "考核评价" not in str(label), node


def test_probable_readings_say_so(graph):
    found = readings(graph)
    assert found["规关与与权"] == ("规划参与权", "probable")
    assert found["书记领税"] == ("书记领航", "certain")


def test_dual_reporting_aliases(graph):
    names = all_labels(graph, LZ["community-registration"])
    assert {"双报到", "dual reporting"} <= names


@pytest.mark.parametrize(
    ("slug", "english"),
    [
        ("duty-access-system", "entry-approval system for community duties"),
        ("yellow-river-article", "making the most of the Yellow River"),
        ("role-axis", "pivot"),
        ("party-building-community", "Party-building consortium"),
        ("vertical-horizontal-coordination", "tiao–kuai coordination"),
    ],
)
def test_english_labels_in_china_studies_terms(graph, slug, english):
    assert labels(graph, LZ[slug], "en") == [english]


def test_level_concepts_are_in_a_scheme_and_do_not_shadow_bodies(graph):
    for level in ("level-city", "level-district", "level-subdistrict", "level-community"):
        node = LZ[level]
        assert (node, SKOS.inScheme, LZ["administrative-levels"]) in graph
        assert not all_labels(graph, node) & {"街道", "社区", "市", "区", "区县"}


@pytest.mark.parametrize(
    ("slug", "zh"),
    [
        ("bi-xue-gan-chao", "比学赶超"),
        ("party-organization-heads", "党组织负责人"),
        ("city-building", "城市建设"),
        ("ugpb-innovation", "城市基层党建工作创新"),
        ("integrated-co-building", "融合共建"),
        ("occasions", "重大节日、重要节点、重点活动"),
        ("timely-analysis", "及时分析研判"),
        ("follow-up-supervision", "跟进督促指导"),
    ],
)
def test_items_named_in_the_article_are_present(graph, slug, zh):
    assert zh in labels(graph, LZ[slug], "zh")


def test_vocabulary_semantics():
    from rdflib.namespace import PROV, RDFS

    vocab = load_vocabulary()
    assert (KGX.evidence, RDFS.subPropertyOf, PROV.wasDerivedFrom) not in vocab
    assert (KGX.issuedBy, RDFS.subPropertyOf, DCTERMS.creator) in vocab
    assert (KGX.issuedBy, RDFS.subPropertyOf, DCTERMS.publisher) not in vocab


# -- the shapes catch each kind of mistake ---------------------------------------------------------


def test_shapes_catch_a_place_in_the_tree_a_figure_without_place_a_guess_and_a_typo(graph):
    broken = load_article_graph()
    broken.add((LZ["xihu-subdistrict"], ORG.subOrganizationOf, LZ["qilihe-district"]))
    broken.remove((LZ["figure-agreements-4616"], K.place, None))
    reading = next(
        r
        for r in broken.objects(None, KGX.ocrCorrection)
        if str(broken.value(r, KGX.ocrText)) == "重大力"
    )
    broken.add((reading, KGX.correctedText, Literal("重大事项决策建议权", lang="zh")))
    typo = next(broken.subjects(RDF.object, LZ["red-matrix"]))
    broken.set((typo, RDF.object, LZ["red-matirx"]))
    broken.add((LZ["wugong-wulian-method"], KGX.hasPart, LZ["red-matirx"]))
    conforms, text = validate(broken)
    assert not conforms
    assert "only an organization (not a place or a category)" in text
    assert "a figure needs the place it counts in" in text
    assert "an illegible one gives none" in text
    assert "a misspelled id?" in text
