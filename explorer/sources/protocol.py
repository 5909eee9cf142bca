"""The one interface the CLI, the UI, views and exporters use to read a graph.

``KnowledgeGraph`` (a small file, projected up front), ``StoreGraph`` (a large
file in a pyoxigraph store) and ``EndpointGraph`` (a remote SPARQL endpoint) all
satisfy it, so views never know where the data lives. ``nodes()`` and
``edges()`` may be bounded or lazy on the large sources: whole-graph views use
:func:`top_entities`, never a walk over every entity.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from ..model import Edge, Evidence, Figure, Lang, Node

if TYPE_CHECKING:
    from ..hierarchy import Hierarchy
    from ..search import SearchIndex


@runtime_checkable
class GraphSource(Protocol):
    """Entities, relations, evidence, search and hierarchy of one graph."""

    source: str

    def __contains__(self, node_id: object) -> bool: ...
    def __len__(self) -> int: ...
    def node(self, node_id: str) -> Node: ...
    def nodes(self) -> Sequence[Node]: ...
    def edges(self) -> Sequence[Edge]: ...
    def out_edges(self, node_id: str) -> list[Edge]: ...
    def in_edges(self, node_id: str) -> list[Edge]: ...
    def degree(self, node_id: str) -> int: ...
    def label(self, node_id: str, lang: Lang = "zh") -> str: ...
    def label_of(self, term, lang: Lang = "zh") -> str: ...
    def evidence(self, node_id: str) -> tuple[Evidence, ...]: ...
    def ocr_corrections(self, node_id: str) -> list[tuple[str, str, str]]: ...
    def attributes(self, node_id: str) -> list[tuple[str, str]]: ...
    def hidden_labels(self, node_id: str) -> tuple[str, ...]: ...
    def resolve(self, text: str) -> str | None: ...
    def figures(self) -> list[Figure]: ...
    def figures_of(self, node_id: str) -> list[Figure]: ...

    @property
    def search_index(self) -> SearchIndex: ...

    @property
    def hierarchy(self) -> Hierarchy: ...


def top_entities(kg: GraphSource, n: int) -> list[str]:
    """The *n* most connected entities: the source's own answer if it has one (big
    sources count in the store or endpoint), else a sort by degree over every node."""
    own = getattr(kg, "top_entities", None)
    if own is not None:
        return list(own(n))
    ranked = sorted(kg.nodes(), key=lambda node: (-kg.degree(node.id), node.id))
    return [node.id for node in ranked[:n]]


def prefetch(kg: GraphSource, ids) -> None:
    """Let a lazy source fetch the facts of many ids in one batch (a no-op otherwise)."""
    own = getattr(kg, "prefetch_around", None)
    if own is not None:
        own(list(ids))


def warm(kg: GraphSource, *, whole_cap: int = 500) -> None:
    """Compute what the first screen asks for (search index and its lazy parts, tree
    roots, the whole-graph view's entities), so a loading worker, not the GUI thread,
    pays for it: ~5 s on a million triples, milliseconds on the article."""
    if len(kg) > whole_cap:
        top_entities(kg, whole_cap)  # cached by the large sources; first: its memory peaks
    index = kg.search_index
    own = getattr(index, "warm", None)
    if own is not None:
        own()
    kg.hierarchy.roots()
