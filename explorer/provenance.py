"""Check that every quoted phrase in a graph's evidence occurs in the source article.

Evidence is attached as ``x kgx:evidence [ kgx:quote "…"@zh ; kgx:section lz:section-N ]``
to entities and to ``rdf:Statement`` reifications. The article is OCR text whose lines
break words across columns, so phrases are compared with all whitespace removed.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import BNode, Graph, URIRef
from rdflib.term import Node

from explorer.vocab import KGX, RDF

# Characters that str.isspace() does not treat as whitespace but that OCR and
# copy-paste leave inside Chinese text.
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff")


def normalise(text: str) -> str:
    """*text* without any whitespace (ASCII, full-width U+3000, line breaks, zero-width).

    >>> normalise("城 市\\n党建\\u3000工作")
    '城市党建工作'
    """
    return "".join(ch for ch in text if not ch.isspace() and ch not in _INVISIBLE)


@dataclass(frozen=True, slots=True)
class MissingPhrase:
    """A quoted phrase that does not occur in the source text."""

    quote: str
    section: str
    subject: str


def _holder_id(graph: Graph, holder: Node) -> str:
    """An id for what carries the evidence: the entity IRI, or ``s p o`` for a statement."""
    if isinstance(holder, BNode) and (holder, RDF.type, RDF.Statement) in graph:
        parts = (
            graph.value(holder, RDF.subject),
            graph.value(holder, RDF.predicate),
            graph.value(holder, RDF.object),
        )
        return " ".join(str(p) if p is not None else "?" for p in parts)
    return str(holder)


def evidence_quotes(graph: Graph) -> list[tuple[str, str, str]]:
    """Every ``(quote, section id, holder id)`` in *graph*, sorted.

    The holder id is the IRI of the entity, or ``"<s> <p> <o>"`` (full IRIs joined by
    spaces) for an ``rdf:Statement``. An evidence node without a quote is skipped;
    one without a section gets ``""`` as its section.
    """
    rows: set[tuple[str, str, str]] = set()
    for holder, evidence in graph.subject_objects(KGX.evidence):
        section = graph.value(evidence, KGX.section)
        section_id = str(section) if isinstance(section, URIRef) else ""
        holder_id = _holder_id(graph, holder)
        for quote in graph.objects(evidence, KGX.quote):
            rows.add((str(quote), section_id, holder_id))
    return sorted(rows)


def check_evidence(graph: Graph, source_text: str) -> list[MissingPhrase]:
    """The evidence phrases of *graph* that do not occur in *source_text*.

    Both sides are compared after :func:`normalise`, so a phrase may run across a
    line break of the source. An empty list means every phrase was found.
    """
    haystack = normalise(source_text)
    return [
        MissingPhrase(quote, section, subject)
        for quote, section, subject in evidence_quotes(graph)
        if not normalise(quote) or normalise(quote) not in haystack
    ]
