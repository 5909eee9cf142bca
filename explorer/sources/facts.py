"""The entity projection of ``KnowledgeGraph``, computed per entity from its facts.

Store-backed and endpoint-backed graphs cannot project everything up front, so
they ask a backend for the facts around a few ids at a time (batched, cached)
and build the same ``Node`` / ``Edge`` / ``Evidence`` values from them. Terms
are plain values: an IRI is a ``str``, a blank node ``"_:name"``, a literal a
:class:`Lit`.
"""

from __future__ import annotations

from typing import NamedTuple

from .. import labels as lab
from .. import vocab
from ..categories import category_of
from ..known_terms import KNOWN_LABELS
from ..model import Edge, Evidence, Figure, Lang, Node, pick_label
from ..vocab import DCTERMS, KGX, RDF, RDFS, SDO

Term = object  # str (IRI or "_:bnode") or Lit
Facts = list[tuple[str, Term]]  # (predicate, object) pairs of one subject


class Lit(NamedTuple):
    value: str
    lang: str = ""
    datatype: str = ""


TYPE = str(RDF.type)
META_PREDICATES = frozenset(str(p) for p in vocab.META_PREDICATES)
META_TYPES = frozenset(str(t) for t in vocab.META_TYPES)
#: Facts only bookkeeping nodes carry (an untyped evidence or OCR-fix node).
META_MARKERS = frozenset(str(p) for p in (KGX.quote, KGX.ocrText, KGX.correctedText))
LABELS = tuple(str(p) for p in lab.LABEL_PREDICATES)
ALIASES = tuple(str(p) for p in lab.ALIAS_PREDICATES)
HIDDEN = tuple(str(p) for p in lab.HIDDEN_PREDICATES)
DESCRIPTIONS = tuple(str(p) for p in lab.DESCRIPTION_PREDICATES)
_SKIP_ATTRIBUTES = frozenset(LABELS + ALIASES + HIDDEN + DESCRIPTIONS)
COMMENT = str(RDFS.comment)


def pairs(facts: Facts, predicates: tuple[str, ...], limit: int = lab.MAX_LABEL):
    """``(language, text)`` of the literal facts of *predicates*, in predicate order."""
    out: list[tuple[str, str]] = []
    for pred in predicates:
        found = [o for p, o in facts if p == pred and isinstance(o, Lit)]
        for o in sorted(found, key=lambda o: (o.lang, o.value)):  # same order as labels.py
            pair = (o.lang.lower(), lab.clip(o.value, limit))
            if pair[1] and pair not in out:
                out.append(pair)
    return tuple(out)


def first(facts: Facts, predicate: str) -> Term | None:
    return next((o for p, o in facts if p == predicate), None)


def is_meta(facts: Facts) -> bool:
    """Bookkeeping (a statement, evidence, figure, section), never drawn as an entity."""
    return any(
        (p == TYPE and o in META_TYPES) or p in META_MARKERS or p == str(KGX.figureOf)
        for p, o in facts
    )


def is_entity(facts: Facts) -> bool:
    return bool(facts) and not is_meta(facts)


def fallback_name(node_id: str, types: tuple[str, ...]) -> str:
    if node_id.startswith("_:"):
        kind = lab.local_name(types[0]) if types else "node"
        return f"(anonymous {kind})"
    return lab.clip(lab.local_name(node_id))


def make_node(
    node_id: str, facts: Facts, type_label, organization_classes: frozenset[str] = frozenset()
) -> Node:
    """The ``Node`` of *node_id*; *type_label(iri)* names its main type. A person without a
    label is named by the vCard name parts among its aliases."""
    types = tuple(sorted({o for p, o in facts if p == TYPE and isinstance(o, str)}))
    cat = category_of(types, organization_classes)
    main = next(
        (t for t in types if category_of((t,), organization_classes) == cat),
        types[0] if types else None,
    )
    alias_facts = tuple(
        (p, o.lang.lower(), lab.clip(o.value))
        for pred in ALIASES
        for p, o in facts
        if p == pred and isinstance(o, Lit) and o.value.strip()
    )
    aliases, person = lab.split_name_parts(alias_facts)
    return Node(
        id=node_id,
        labels=pairs(facts, LABELS) or person,
        fallback=fallback_name(node_id, types),
        types=types,
        category=cat,
        type_label=type_label(main) if main else "",
        type_id=main or "",
        descriptions=pairs(facts, DESCRIPTIONS, limit=2000),
        aliases=aliases,
    )


def relations(facts: Facts) -> list[tuple[str, str]]:
    """``(predicate, object id)`` of the facts that may be relations to other entities."""
    return [(p, o) for p, o in facts if isinstance(o, str) and p not in META_PREDICATES]


def term_labels(iri: str, facts: Facts) -> tuple[tuple[str, str], ...]:
    return pairs(facts, LABELS) or KNOWN_LABELS.get(iri, ())


def label_from(labels: tuple[tuple[str, str], ...], iri: str, lang: Lang) -> str:
    return pick_label(labels, lang, lab.local_name(iri))


def make_edge(s: str, p: str, o: str, labels, evidence: tuple[Evidence, ...]) -> Edge:
    return Edge(
        source=s,
        target=o,
        predicate=p,
        labels=labels,
        fallback=lab.local_name(p),
        evidence=evidence,
    )


def evidence_from(ev_facts: Facts, section_label: str, section_id: str, source: str) -> Evidence:
    note = ""
    general = first(ev_facts, str(KGX.generalKnowledge))
    if isinstance(general, Lit) and general.value.lower() in ("true", "1"):
        src = first(ev_facts, str(DCTERMS.source))
        shown = src.value if isinstance(src, Lit) else src
        note = "general knowledge" + (f" ({shown})" if src else "")
    quote = first(ev_facts, str(KGX.quote))
    return Evidence(
        quote=quote.value if isinstance(quote, Lit) else str(quote),
        section=section_label,
        section_id=section_id,
        source=source,
        note=note,
    )


def attributes(facts: Facts, predicate_label) -> list[tuple[str, str]]:
    out = [
        (predicate_label(p), lab.clip(o.value, 500))
        for p, o in facts
        if isinstance(o, Lit) and p not in _SKIP_ATTRIBUTES
    ]
    return sorted(out)


def ocr_fix(fix_facts: Facts) -> tuple[str, str, str]:
    def text(pred: str) -> str:
        value = first(fix_facts, pred)
        return value.value if isinstance(value, Lit) else ""

    return text(str(KGX.ocrText)), text(str(KGX.correctedText)), text(COMMENT)


def figure_from(fig_id: str, facts: Facts, evidence: tuple[Evidence, ...]) -> Figure | None:
    value = first(facts, str(KGX.value))
    if not isinstance(value, Lit):
        return None
    try:
        number = float(value.value)
    except ValueError:
        return None
    target = first(facts, str(KGX.figureOf))
    as_of = first(facts, str(KGX.asOf))
    return Figure(
        id=fig_id,
        entity_id=target if isinstance(target, str) else "",
        value=number,
        unit=pairs(facts, (str(KGX.unit),)),
        counts=pairs(facts, (str(KGX.counts),)) or pairs(facts, LABELS),
        as_of=as_of.value if isinstance(as_of, Lit) else "",
        evidence=evidence,
    )


CITATION_PREDICATES = (str(DCTERMS.date), str(SDO.pagination), str(SDO.pageStart))
