"""What the CLI prints, its ``--json`` and the details / path panels show: built once here.

Each report is a plain frozen dataclass assembled from the graph in one place;
``explorer.render.report_text`` turns it into text or JSON and
``explorer.render.report_html`` into HTML. Labels are already chosen for the
report's language, so a renderer never goes back to the graph.

To add a field: give it a default (old callers keep working), fill it in the
``build_*`` function, and show it in the renderers that need it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .categories import category
from .hierarchy import OUTLINE_CAP
from .model import Evidence, Lang, Path, interface_language

if TYPE_CHECKING:
    from .sources.protocol import GraphSource

# --- display-only text -------------------------------------------------------------------
_CJK = (
    "\u2e80-\u2fdf"  # radicals
    "\u3000-\u303f"  # CJK punctuation
    "\u3040-\u30ff"  # kana
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # ideographs
    "\uff00-\uffef"  # full-width forms
    "\u2018-\u201f"  # curly quotes, used around Chinese terms
)
# a gap with Chinese on both sides, or between Chinese and a straight quote mark
_OCR_GAP = re.compile(rf'(?<=[{_CJK}])\s+(?=[{_CJK}"])|(?<=[{_CJK}"])\s+(?=[{_CJK}])')


def display_quote(text: str) -> str:
    """*text* without the spaces OCR left at line breaks between Chinese characters.

    For display only: the stored quote stays exactly as printed in the source, which is
    what the provenance check matches.
    """
    return _OCR_GAP.sub("", text)


# --- the pieces ----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Ref:
    """An entity (or a term) and its label in the report's language."""

    id: str
    label: str


@dataclass(frozen=True, slots=True)
class Quote:
    """One piece of evidence: the exact phrase, its section and the source it cites."""

    text: str  # exact, as stored
    section: str = ""  # the section heading, in the report's language when the data has it
    source: str = ""  # the citation of the source document
    note: str = ""

    @property
    def display(self) -> str:
        return display_quote(self.text)

    @property
    def cited(self) -> tuple[str, str]:
        """What a citation block is made of: one block per distinct pair."""
        return (self.section, self.source)


@dataclass(frozen=True, slots=True)
class Relation:
    """One relation with its evidence; ``forward`` is False when a path walks it backwards."""

    source: Ref
    predicate: Ref
    target: Ref
    evidence: tuple[Quote, ...] = ()
    forward: bool = True

    @property
    def far_end(self) -> Ref:
        """The entity this relation leads to when walked in its direction of travel."""
        return self.target if self.forward else self.source


@dataclass(frozen=True, slots=True)
class FigureLine:
    value: float
    unit: str
    counts: str
    evidence: tuple[Quote, ...] = ()


@dataclass(frozen=True, slots=True)
class OcrFix:
    printed: str
    corrected: str
    comment: str = ""


def citations(quotes) -> tuple[tuple[str, str], ...]:
    """The distinct ``(section, source)`` pairs of *quotes*, in order of first use."""
    return tuple(dict.fromkeys(q.cited for q in quotes if q.section or q.source))


@dataclass(frozen=True, slots=True)
class StaffLine:
    """A person or post of a unit (organigrams): who holds which post, in what role."""

    person: Ref | None = None
    post: Ref | None = None
    role: Ref | None = None
    head: bool = False  # the person is org:headOf the unit

    @property
    def target(self) -> Ref:
        """What the line links to: the person, else the post."""
        found = self.person or self.post
        assert found is not None
        return found


# --- entity details ------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class EntityDetails:
    """Everything about one entity: the CLI's ``show`` and the details panel."""

    id: str
    lang: Lang
    label: str
    other_label: str = ""  # the label in the other language, when it differs
    labels: tuple[tuple[str, str], ...] = ()  # (language tag, text)
    aliases: tuple[str, ...] = ()
    types: tuple[Ref, ...] = ()
    category: str = "other"
    category_label: str = ""
    type_label: str = ""
    description: str = ""  # in the interface's language when the data has it
    within: tuple[Ref, ...] = ()  # the hierarchy above it, root first
    parents: tuple[Ref, ...] = ()  # every parent in the organization tree (a DAG)
    heads: tuple[Ref, ...] = ()  # people org:headOf this unit
    people: tuple[StaffLine, ...] = ()  # people and posts of this unit
    attributes: tuple[tuple[str, str], ...] = ()
    evidence: tuple[Quote, ...] = ()
    figures: tuple[FigureLine, ...] = ()
    relations_out: tuple[Relation, ...] = ()
    relations_in: tuple[Relation, ...] = ()
    ocr_corrections: tuple[OcrFix, ...] = ()
    found: bool = True

    def all_quotes(self) -> tuple[Quote, ...]:
        out = list(self.evidence)
        for f in self.figures:
            out.extend(f.evidence)
        for r in (*self.relations_out, *self.relations_in):
            out.extend(r.evidence)
        return tuple(out)

    def citations(self) -> tuple[tuple[str, str], ...]:
        return citations(self.all_quotes())

    @property
    def link_targets(self) -> tuple[str, ...]:
        """The ids behind the details' links, in page order: relations out, relations in,
        parents, heads, people and posts."""
        return (
            tuple(r.target.id for r in self.relations_out)
            + tuple(r.source.id for r in self.relations_in)
            + tuple(p.id for p in self.parents)
            + tuple(h.id for h in self.heads)
            + tuple(line.target.id for line in self.people)
        )


def staff_lines(kg: GraphSource, node_id: str, lang: Lang) -> tuple[StaffLine, ...]:
    """The people and posts of a unit, labelled (sources without ``staff`` have none)."""
    staff = getattr(kg, "staff", None)
    if staff is None:
        return ()

    def ref(term_id: str) -> Ref | None:
        return Ref(term_id, kg.label(term_id, lang)) if term_id else None

    return tuple(
        StaffLine(ref(s.person_id), ref(s.post_id), ref(s.role_id), s.head)
        for s in staff(node_id)
        if s.person_id or s.post_id
    )


def quotes_of(kg: GraphSource, evidence: tuple[Evidence, ...], lang: Lang) -> tuple[Quote, ...]:
    """Evidence as report quotes, each section heading in *lang* when the data has it."""
    return tuple(
        Quote(
            text=e.quote,
            section=kg.label(e.section_id, lang) if e.section_id else e.section,
            source=e.source,
            note=e.note,
        )
        for e in evidence
    )


def relation_of(kg: GraphSource, edge, lang: Lang, *, forward: bool = True) -> Relation:
    return Relation(
        source=Ref(edge.source, kg.label(edge.source, lang)),
        predicate=Ref(edge.predicate, edge.label(lang)),
        target=Ref(edge.target, kg.label(edge.target, lang)),
        evidence=quotes_of(kg, edge.evidence, lang),
        forward=forward,
    )


def build_entity_details(
    kg: GraphSource, node_id: str, lang: Lang = "zh", *, text_lang: Lang | None = None
) -> EntityDetails:
    """The details of *node_id*, labels in *lang*, the description in *text_lang*.

    *text_lang* is the interface's language (the panel's); the CLI leaves it to
    follow *lang* (``both`` reads Chinese first, then English).
    """
    node = kg.node(node_id)
    label = node.label(lang)
    other = node.label("en" if lang == "zh" else "zh") if lang != "both" else label
    people = staff_lines(kg, node_id, lang)
    cat = category(node.category)
    return EntityDetails(
        id=node.id,
        lang=lang,
        label=label,
        other_label=other if other != label else "",
        labels=node.labels,
        aliases=node.aliases,
        types=tuple(Ref(t, kg.label_of(t, interface_language(lang))) for t in node.types),
        category=node.category,
        category_label=cat.label(lang),
        type_label=(
            kg.label_of(node.type_id, interface_language(lang)) if node.type_id else node.type_label
        ),
        description=node.description(text_lang or lang),
        within=tuple(Ref(a, kg.label(a, lang)) for a in kg.hierarchy.ancestors(node_id)),
        parents=tuple(Ref(p, kg.label(p, lang)) for p in kg.hierarchy.parents(node_id)),
        heads=tuple(line.person for line in people if line.head and line.person),
        people=people,
        attributes=tuple(kg.attributes(node_id)),
        evidence=quotes_of(kg, kg.evidence(node_id), lang),
        figures=tuple(
            FigureLine(
                f.value, f.unit_label(lang), f.counts_label(lang), quotes_of(kg, f.evidence, lang)
            )
            for f in kg.figures_of(node_id)
        ),
        relations_out=tuple(relation_of(kg, e, lang) for e in kg.out_edges(node_id)),
        relations_in=tuple(relation_of(kg, e, lang) for e in kg.in_edges(node_id)),
        ocr_corrections=tuple(OcrFix(*fix) for fix in kg.ocr_corrections(node_id)),
    )


# --- paths ---------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class PathReport:
    """The shortest path from ``start`` to ``end``, hop by hop with evidence.

    ``nodes`` is empty when the two are not connected (``found`` is then False).
    """

    lang: Lang
    start: Ref
    end: Ref
    nodes: tuple[Ref, ...] = ()
    hops: tuple[Relation, ...] = ()

    @property
    def found(self) -> bool:
        return bool(self.nodes)

    def citations(self) -> tuple[tuple[str, str], ...]:
        return citations(q for hop in self.hops for q in hop.evidence)


def build_path_report(
    kg: GraphSource, a: str, b: str, lang: Lang = "zh", *, path: Path | None = None
) -> PathReport:
    """The path from *a* to *b* (*path* if already found, else the shortest one)."""
    if path is None:
        from .views import shortest_path

        path = shortest_path(kg, a, b)
    start, end = Ref(a, kg.label(a, lang)), Ref(b, kg.label(b, lang))
    if path is None:
        return PathReport(lang, start, end)
    return PathReport(
        lang,
        start,
        end,
        nodes=tuple(Ref(n, kg.label(n, lang)) for n in path.node_ids),
        hops=tuple(relation_of(kg, s.edge, lang, forward=s.forward) for s in path.steps),
    )


# --- hierarchy -----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class TreeRow:
    """One printed row; a unit with several parents has a row under each of them."""

    id: str
    label: str
    depth: int
    parent: str = ""  # "" for a root
    also_under: tuple[Ref, ...] = ()  # a shared unit's other parents


@dataclass(frozen=True, slots=True)
class CycleNote:
    """A cycle in the data: its members' labels and the link that was cut (child, parent)."""

    labels: tuple[str, ...]
    cut: tuple[str, str]


@dataclass(frozen=True, slots=True)
class HierarchyReport:
    """The hierarchy below ``roots`` (every root when none was asked for), pre-order."""

    lang: Lang
    rows: tuple[TreeRow, ...] = ()
    cycles: tuple[CycleNote, ...] = ()

    @property
    def found(self) -> bool:
        return bool(self.rows)


def build_hierarchy_report(
    kg: GraphSource, root: str | None = None, lang: Lang = "zh", *, depth: int | None = None
) -> HierarchyReport:
    """The tree below *root* (or below every root), at most *depth* levels down.

    An entity outside the hierarchy gives an empty report (``found`` False).
    """
    tree = kg.hierarchy
    if root is not None and not tree.contains(root):
        return HierarchyReport(lang)
    roots = [root] if root is not None else tree.roots()
    if not roots:
        return HierarchyReport(lang)
    rows: list[TreeRow] = []
    for top in roots:  # a unit under several parents is printed under each (capped)
        for row in tree.outline(top, depth=depth, cap=OUTLINE_CAP - len(rows)):
            also = tuple(Ref(p, kg.label(p, lang)) for p in row.also_under)
            rows.append(
                TreeRow(row.node_id, kg.label(row.node_id, lang), row.depth, row.parent, also)
            )
        if len(rows) >= OUTLINE_CAP:
            break
    cycles = tuple(
        CycleNote(tuple(kg.label(n, lang) for n in c.node_ids), (c.cut.child, c.cut.parent))
        for c in tree.cycles
    )
    return HierarchyReport(lang, tuple(rows), cycles)
