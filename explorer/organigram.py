"""The W3C ORG vocabulary as publishers use it: organization classes, posts, people.

Real organigrams type units by classes of their own (declared ``rdfs:subClassOf
org:Organization``), name posts only by their ``org:role``, and tie people to units
through posts, memberships and ``org:headOf``. These functions read that from an
rdflib graph in time proportional to the triples they touch.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable

from rdflib import Graph, URIRef

from . import labels as lab
from .categories import ORGANIZATION_CLASSES
from .model import Staff
from .vocab import ORG, RDFS

#: The categories of an organigram's people and posts (the graph's "people and posts" toggle).
PEOPLE_CATEGORIES: frozenset[str] = frozenset({"person", "role"})
#: Above this many people and posts the graph starts without them: a chart of units stays
#: readable, and the tree, details and search still list them.
PEOPLE_ON_GRAPH_LIMIT = 100
#: Links that tie people and posts to units.
STAFF_LINKS = (ORG.hasPost, ORG.postIn, ORG.heldBy, ORG.holds, ORG.hasMember, ORG.memberOf)


def people_and_posts(graph: Graph) -> frozenset:
    """The terms an organigram ties to its units as posts, people or memberships."""
    found: set = set()
    for s, o in ((s, o) for p in STAFF_LINKS for s, o in graph.subject_objects(p)):
        found.add(s)
        found.add(o)
    for p in (ORG.hasPost, ORG.hasMember):  # the unit itself is not one of them
        found.difference_update(graph.subjects(p, None))
    for p in (ORG.postIn, ORG.memberOf):
        found.difference_update(graph.objects(None, p))
    found.update(graph.subjects(ORG.headOf, None))
    found.update(graph.subjects(ORG.member, None))
    found.update(graph.objects(None, ORG.member))
    return frozenset(found)


def people_on_graph_by_default(kg) -> bool:
    """Whether the graph starts with people and posts drawn: yes, unless the data ties
    more than :data:`PEOPLE_ON_GRAPH_LIMIT` of them to its units (large sources: yes)."""
    from .graph import KnowledgeGraph  # here: graph.py imports this module

    if not isinstance(kg, KnowledgeGraph):  # a store or endpoint: not walked whole
        return True
    return len(people_and_posts(kg.rdf)) <= PEOPLE_ON_GRAPH_LIMIT


def organization_classes(graphs: Iterable[Graph]) -> frozenset[str]:
    """Every class declared ``rdfs:subClassOf*`` an ORG organization class (those included)."""
    return organization_subclasses(
        (str(sub), str(sup))
        for graph in graphs
        for sub, sup in graph.subject_objects(RDFS.subClassOf)
        if isinstance(sub, URIRef) and isinstance(sup, URIRef)
    )


def organization_subclasses(links: Iterable[tuple[str, str]]) -> frozenset[str]:
    """The ORG organization classes and every class below them, from ``(subclass,
    superclass)`` links (from a graph or a store alike).

    One breadth-first walk down the links, so a long or looping chain is fine.
    """
    below: dict[str, list[str]] = {}
    for sub, sup in links:
        below.setdefault(sup, []).append(sub)
    found = set(ORGANIZATION_CLASSES)
    todo = deque(found)
    while todo:
        for sub in below.get(todo.popleft(), ()):
            if sub not in found:
                found.add(sub)
                todo.append(sub)
    return frozenset(found)


def implied_categories(graph: Graph) -> dict:
    """Categories of untyped terms from how the data uses them: both ends of
    ``rdfs:subClassOf`` are classes, the object of ``org:role`` is a role."""
    found: dict = {}
    for sub, sup in graph.subject_objects(RDFS.subClassOf):
        found[sub] = found[sup] = "class"
    for role in graph.objects(None, ORG.role):
        found.setdefault(role, "role")
    return found


def post_units(graph: Graph, post) -> list:
    """The units a post is in: ``org:postIn``, or a unit's ``org:hasPost``."""
    units = list(graph.objects(post, ORG.postIn))
    units += [u for u in graph.subjects(ORG.hasPost, post) if u not in units]
    return units


def post_names(graph: Graph, post, term_labels, unit_labels) -> tuple[tuple[str, str], ...]:
    """Labels for a post with none of its own: its role and its unit, per language of the
    unit's labels ("Referatsleitung, Referat II A"). *term_labels(term)* gives a role's
    label pairs, *unit_labels(term)* a unit's."""
    roles = list(graph.objects(post, ORG.role))
    units = post_units(graph, post)
    if not roles and not units:
        return ()
    role_pairs = term_labels(roles[0]) if roles else ()
    role_fallback = lab.local_name(str(roles[0])) if roles else lab.local_name(str(ORG.Post))
    unit_pairs = unit_labels(units[0]) if units else ()
    if not unit_pairs:
        unit_pairs = (("", lab.local_name(str(units[0]))),) if units else (("", ""),)
    out = []
    for lang, unit in unit_pairs:
        role = same_language(role_pairs, lang) or role_fallback
        out.append((lang, f"{role}, {unit}" if unit else role))
    return tuple(dict.fromkeys(out))


def same_language(pairs: tuple[tuple[str, str], ...], lang: str) -> str:
    """The text of *pairs* in *lang* (by base language), else untagged, else any."""
    base = lang.split("-")[0]
    for wanted in (base, ""):
        for tag, text in pairs:
            if tag.split("-")[0] == wanted:
                return text
    return pairs[0][1] if pairs else ""


def staff_of(graph: Graph, unit) -> list[tuple]:
    """People and posts of *unit* as ``(person, post, role, head)`` rdflib terms (``None``
    where there is none): posts (``org:hasPost``/``org:postIn``, held by ``org:heldBy``/
    ``org:holds``), members (``org:hasMember``/``org:memberOf``), ``org:Membership``
    records with their ``org:role``, and heads (``org:headOf``)."""
    heads = set(graph.subjects(ORG.headOf, unit))
    rows: list[tuple] = []
    placed: set = set()
    for post in post_units_reverse(graph, unit):
        role = graph.value(post, ORG.role)
        holders = list(graph.objects(post, ORG.heldBy))
        holders += [p for p in graph.subjects(ORG.holds, post) if p not in holders]
        for person in holders or [None]:
            rows.append((person, post, role, person in heads))
            placed.add(person)
    for membership in graph.subjects(ORG.organization, unit):
        person = graph.value(membership, ORG.member)
        if person is None:
            continue
        rows.append((person, None, graph.value(membership, ORG.role), person in heads))
        placed.add(person)
    members = list(graph.objects(unit, ORG.hasMember))
    members += [p for p in graph.subjects(ORG.memberOf, unit) if p not in members]
    for person in [*members, *sorted(heads, key=str)]:
        if person not in placed:
            rows.append((person, None, None, person in heads))
            placed.add(person)
    return rows


def post_units_reverse(graph: Graph, unit) -> list:
    """The posts of a unit: ``org:hasPost``, or a post's ``org:postIn``."""
    posts = list(graph.objects(unit, ORG.hasPost))
    posts += [p for p in graph.subjects(ORG.postIn, unit) if p not in posts]
    return posts


def to_staff(rows: list[tuple], term_id) -> tuple[Staff, ...]:
    """The rows of :func:`staff_of` as plain values."""
    return tuple(
        Staff(
            person_id=term_id(person) if person is not None else "",
            post_id=term_id(post) if post is not None else "",
            role_id=term_id(role) if role is not None else "",
            head=head,
        )
        for person, post, role, head in rows
    )
