"""Plain, frozen values that cross from the core into the UI, CLI and exporters.

Nothing here knows about rdflib or Qt: ids are strings (an IRI, or ``_:name``
for a blank node) and every field is a primitive, a tuple or another value.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Literal

Lang = Literal["zh", "en", "both"]
LANGS: tuple[Lang, ...] = ("zh", "en", "both")


#: The language of the interface's own words (category, type and relation names):
#: set by the app from its interface language; ``None`` follows the label language.
_interface: list[str | None] = [None]


def set_interface_language(lang: str | None) -> None:
    """Make the interface's own words follow *lang* ("en" or "zh"), whatever the data's."""
    _interface[0] = lang if lang in ("zh", "en") else None


@contextmanager
def speaking(lang: str | None) -> Iterator[None]:
    """The interface's words in *lang* for a while (one CLI run), then as they were."""
    previous = _interface[0]
    set_interface_language(lang)
    try:
        yield
    finally:
        _interface[0] = previous


def interface_language(label_lang: str = "en") -> str:
    """The language for the interface's own words, given the labels' language."""
    return _interface[0] or label_lang


def pick_label(labels: tuple[tuple[str, str], ...], lang: str, fallback: str) -> str:
    """The label to show for *lang* from ``(language, text)`` pairs.

    ``both`` joins the Chinese and English labels ("兰州市委 / Lanzhou CPC
    Municipal Committee"); a missing language falls back to the other one,
    then to any label, then to *fallback*.
    """
    by_lang: dict[str, str] = {}
    for tag, text in labels:
        base = tag.split("-")[0].lower()
        by_lang.setdefault(base, text)
    zh, en = by_lang.get("zh"), by_lang.get("en")
    if lang == "both" and zh and en and zh != en:
        return f"{zh} / {en}"
    first = by_lang.get("zh" if lang != "en" else "en")
    if first:
        return first
    for text in (en, zh, by_lang.get(""), *by_lang.values()):
        if text:
            return text
    return fallback


def label_language(labels: tuple[tuple[str, str], ...], lang: str) -> str:
    """The language tag of the label :func:`pick_label` shows for *lang* ("" if untagged)."""
    text = pick_label(labels, lang, "")
    return next((tag for tag, t in labels if t == text), "") if text else ""


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact comes from: a phrase of the article and its section."""

    quote: str
    section: str = ""  # section heading, as a display string
    section_id: str = ""
    source: str = ""  # citation of the source document
    note: str = ""  # e.g. "OCR correction: 书记领税 -> 书记领航", "general knowledge"


@dataclass(frozen=True, slots=True)
class Node:
    """An entity as the UI shows it."""

    id: str
    labels: tuple[tuple[str, str], ...]  # (language tag, text); "" for untagged
    fallback: str  # local name or blank-node stand-in when there is no label
    types: tuple[str, ...] = ()  # rdf:type IRIs
    category: str = "other"  # organization, mechanism, initiative, ... (see categories.py)
    type_label: str = ""  # display name of the main type (in the language of its making)
    descriptions: tuple[tuple[str, str], ...] = ()
    aliases: tuple[str, ...] = ()
    type_id: str = ""  # the type ``type_label`` names, to name it again in another language

    def label(self, lang: Lang = "zh") -> str:
        return pick_label(self.labels, lang, self.fallback)

    def description(self, lang: Lang = "zh") -> str:
        return pick_label(self.descriptions, lang, "")


@dataclass(frozen=True, slots=True)
class Edge:
    """One relation between two entities, with the evidence it rests on."""

    source: str
    target: str
    predicate: str  # IRI
    labels: tuple[tuple[str, str], ...] = ()  # labels of the predicate
    fallback: str = ""  # predicate local name
    evidence: tuple[Evidence, ...] = ()

    @property
    def id(self) -> str:
        return f"{self.source}|{self.predicate}|{self.target}"

    def label(self, lang: Lang = "zh") -> str:
        """The relation's name: an interface word, so in the interface's language."""
        return pick_label(self.labels, interface_language(lang), self.fallback)


@dataclass(frozen=True, slots=True)
class GraphView:
    """A selection of the graph to draw or export: a neighbourhood, a path, a tree."""

    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    title: str = ""
    focus: tuple[str, ...] = ()  # ids the view is centred on or highlights
    omitted: int = 0  # how many nodes a cap left out
    kind: str = "all"  # all | neighbourhood | path | hierarchy | selection
    folded: tuple[tuple[str, int], ...] = ()  # (unit, children hidden) of a folded org chart

    @property
    def node_ids(self) -> frozenset[str]:
        return frozenset(n.id for n in self.nodes)


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result. Lower ``rank`` is better."""

    node_id: str
    label: str
    matched: str  # the text that matched (label, alias, pinyin, description)
    kind: str  # exact | prefix | alias | substring | pinyin | description | fuzzy
    rank: int
    score: float
    category: str = "other"
    #: Why it matched, for the person reading the results: exact | prefix | alias |
    #: pinyin | initials | substring | words | description | fuzzy ("" if unknown).
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Figure:
    """A number the source states, attached to what it counts."""

    id: str
    entity_id: str  # the entity the number describes ("" if none)
    value: float
    unit: tuple[tuple[str, str], ...] = ()
    counts: tuple[tuple[str, str], ...] = ()  # what is counted, labelled
    as_of: str = ""
    evidence: tuple[Evidence, ...] = ()

    def unit_label(self, lang: Lang = "zh") -> str:
        return pick_label(self.unit, lang, "")

    def counts_label(self, lang: Lang = "zh") -> str:
        return pick_label(self.counts, lang, "")


@dataclass(frozen=True, slots=True)
class Step:
    """One hop of a path; ``forward`` is False when the edge points back."""

    edge: Edge
    forward: bool


@dataclass(frozen=True, slots=True)
class Path:
    node_ids: tuple[str, ...]
    steps: tuple[Step, ...]


@dataclass(frozen=True, slots=True)
class TreeLink:
    """A parent -> child link of a hierarchy and the predicate it came from."""

    parent: str
    child: str
    predicate: str


@dataclass(frozen=True, slots=True)
class TreeRow:
    """One row of a printed organization tree; a unit with several parents has a row under
    each, and ``also_under`` names the other parents."""

    node_id: str
    depth: int
    parent: str = ""  # "" for a root
    also_under: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Staff:
    """A person or post of a unit: who holds which post in what role, or a plain member."""

    person_id: str = ""  # "" for a post nobody holds
    post_id: str = ""  # "" for a member without a post
    role_id: str = ""  # org:role of the post or membership, "" if none
    head: bool = False  # the person is org:headOf the unit


@dataclass(frozen=True, slots=True)
class Cycle:
    """A hierarchy cycle found in the data; ``cut`` is the link we ignore."""

    node_ids: tuple[str, ...]
    cut: TreeLink


@dataclass(frozen=True, slots=True)
class TypeCount:
    type_id: str
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class Ranked:
    node_id: str
    label: str
    degree: int
    centrality: float = 0.0


@dataclass(frozen=True, slots=True)
class Neighbourhood:
    view: GraphView
    hops: dict[str, int] = field(default_factory=dict)
