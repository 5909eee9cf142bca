"""Every vocabulary term the code names, in one place.

Terms are attributes of closed namespaces, so a misspelled term raises
``AttributeError`` at import time instead of silently minting a new IRI.
"""

from __future__ import annotations

from typing import ClassVar

from rdflib import Namespace, URIRef
from rdflib.namespace import (
    DCTERMS,
    FOAF,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    SKOS,
    XSD,
    DefinedNamespace,
)

#: Project vocabulary namespace (classes and properties described in
#: ``graph_data/vocabulary.ttl``).
KGX_NS = "https://w3id.org/kg-explorer/vocab#"
#: Namespace of the entities of the Lanzhou article graph.
LZ_NS = "https://w3id.org/kg-explorer/lanzhou/"

LZ = Namespace(LZ_NS)


class KGX(DefinedNamespace):
    """The project vocabulary. Only the terms listed here exist."""

    _NS = Namespace(KGX_NS)
    _fail = True

    # classes
    Mechanism: URIRef  # a work method, system, institution or arrangement
    Initiative: URIRef  # a strategy, programme, campaign or goal
    Goal: URIRef
    Honour: URIRef
    Problem: URIRef
    Document: URIRef
    Event: URIRef
    Place: URIRef
    Person: URIRef
    AdministrativeLevel: URIRef  # 市 / 区(县) / 街道 / 社区
    Role: URIRef  # the role a level plays, e.g. 市级统筹谋划
    Figure: URIRef  # a number the article states, attached to what it counts
    Evidence: URIRef  # a quoted phrase of the article, with its section
    Article: URIRef  # the source article
    ArticleSection: URIRef

    # relations between entities
    partOf: URIRef  # a component of a composite mechanism
    hasPart: URIRef
    leads: URIRef
    coordinates: URIRef
    implements: URIRef
    participatesIn: URIRef
    establishes: URIRef  # sets up a body or mechanism
    serves: URIRef  # a mechanism serves a goal / initiative
    praisedBy: URIRef
    atLevel: URIRef  # a body or role belongs to an administrative level
    hasRole: URIRef
    locatedIn: URIRef
    addresses: URIRef  # a mechanism addresses a problem
    issuedBy: URIRef
    relatedTo: URIRef
    guides: URIRef  # gives direction or guidance to a body or a piece of work
    grantedTo: URIRef  # a power or right -> the body it is given to
    appliesTo: URIRef  # a mechanism -> the bodies or people it applies to
    honouredWith: URIRef  # a place or body -> an honour it received
    organizes: URIRef  # a body -> an event or activity it convenes

    # provenance and data
    evidence: URIRef  # entity or rdf:Statement -> kgx:Evidence
    quote: URIRef  # exact phrase as printed (OCR errors included)
    section: URIRef  # Evidence -> kgx:ArticleSection
    sourceArticle: URIRef  # Evidence / ArticleSection -> kgx:Article
    ocrCorrection: URIRef  # entity -> a node describing one OCR correction
    ocrText: URIRef
    correctedText: URIRef
    generalKnowledge: URIRef  # evidence that is not from the article
    figureOf: URIRef  # Figure -> the entity it describes
    value: URIRef
    unit: URIRef
    counts: URIRef  # what the figure counts (a label, zh/en)
    asOf: URIRef
    valueQualifier: URIRef  # e.g. "more than"@en for 余 / 多 / 超过
    order: URIRef  # position of a section in the article


class VCARD(DefinedNamespace):
    """The vCard terms organigrams name people with (``VCARD["given-name"]``)."""

    _NS = Namespace("http://www.w3.org/2006/vcard/ns#")
    _fail = True
    _extras: ClassVar[list[str]] = [
        "given-name",
        "family-name",
        "additional-name",
        "honorific-prefix",
    ]

    fn: URIRef  # formatted name
    Individual: URIRef
    Organization: URIRef
    Address: URIRef
    title: URIRef  # a job title, not a name


#: Predicates that carry provenance or bookkeeping, never drawn as relations.
META_PREDICATES: frozenset[URIRef] = frozenset(
    {
        RDF.type,
        RDF.subject,
        RDF.predicate,
        RDF.object,
        RDF.first,
        RDF.rest,
        KGX.evidence,
        KGX.section,
        KGX.sourceArticle,
        KGX.ocrCorrection,
        KGX.figureOf,
    }
)
#: Types of bookkeeping nodes (statements, evidence, figures, article sections).
META_TYPES: frozenset[URIRef] = frozenset(
    {RDF.Statement, KGX.Evidence, KGX.Figure, KGX.ArticleSection}
)

__all__ = [
    "DCTERMS",
    "FOAF",
    "KGX",
    "KGX_NS",
    "LZ",
    "LZ_NS",
    "META_PREDICATES",
    "META_TYPES",
    "ORG",
    "OWL",
    "PROV",
    "RDF",
    "RDFS",
    "SDO",
    "SKOS",
    "VCARD",
    "XSD",
]
