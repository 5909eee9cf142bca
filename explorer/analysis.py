"""Counts and rankings: entities by type, the most connected, centrality."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from .model import Lang, Ranked, TypeCount

if TYPE_CHECKING:
    from .sources.protocol import GraphSource as KnowledgeGraph

#: Betweenness is exact and O(n·m); above this many nodes only degree is ranked.
BETWEENNESS_LIMIT = 3000


def type_counts(kg: KnowledgeGraph, lang: Lang = "en") -> list[TypeCount]:
    """How many entities have each rdf:type (untyped ones counted under ``""``), largest first."""
    counts: Counter[str] = Counter()
    for node in kg.nodes():
        for t in node.types or ("",):
            counts[t] += 1
    out = [TypeCount(t, kg.label_of(t, lang) if t else "(untyped)", n) for t, n in counts.items()]
    return sorted(out, key=lambda c: (-c.count, c.label))


def category_counts(kg: KnowledgeGraph) -> dict[str, int]:
    """Entities per display category (organization, mechanism, ...)."""
    return dict(Counter(n.category for n in kg.nodes()).most_common())


def most_connected(kg: KnowledgeGraph, *, top: int = 10, lang: Lang = "zh") -> list[Ranked]:
    """The entities with most relations, with betweenness centrality on graphs small enough."""
    from .sources.protocol import top_entities

    ranked = [kg.node(nid) for nid in top_entities(kg, top)]
    between: dict[str, float] = {}
    projection = getattr(kg, "nx", None) if 0 < len(kg) <= BETWEENNESS_LIMIT else None
    if projection is not None:  # only sources projected up front have one
        import networkx as nx

        between = nx.betweenness_centrality(nx.Graph(projection))
    return [
        Ranked(n.id, n.label(lang), kg.degree(n.id), round(between.get(n.id, 0.0), 4))
        for n in ranked
    ]
