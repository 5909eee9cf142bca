"""What a remote source must have fetched before the GUI thread reads it.

An ``EndpointGraph`` fetches on demand over HTTP, so whatever a panel reads from
it for the first time may block for up to its timeout. The window's
``OperationRunner`` runs the functions here in a worker, then the panel reads
the answers from the caches they filled, on the GUI thread.

No lock is needed around the graph: ``LazyGraph``'s caches only ever gain whole
entries (never iterated, never changed in place) and ``SparqlClient`` locks its
own answer cache, so a GUI-thread read during a worker's fetch sees an entry or
its absence (and then fetches it itself), never a half-written one.
"""

from __future__ import annotations

from typing import Any

from explorer import views
from explorer.reports import build_entity_details


def warm_selection(kg: Any, node_id: str, *, depth: int, in_view: bool) -> bool:
    """Fetch into *kg*'s caches what selecting *node_id* reads on the GUI thread: the
    entity, its neighbourhood (when the view lacks it), its details and its place in the
    tree (ancestors and the rows they unfold). False if there is no such entity."""
    if node_id not in kg:
        return False
    if not in_view:
        views.neighbourhood(kg, node_id, depth=depth)
    build_entity_details(kg, node_id, "zh")
    warm_tree_place(kg, node_id)
    return True


def warm_tree_place(kg: Any, node_id: str) -> None:
    """Fetch what revealing *node_id* in the tree reads: the top-level rows, its ancestors
    and the rows they unfold, with their labels and whether each has children."""
    tree = kg.hierarchy
    if not tree.contains(node_id):
        return
    chain = tree.ancestors(node_id)
    rows = tree.roots() + [child for parent in chain for child in tree.children(parent)]
    prefetch_kids = getattr(tree, "prefetch", None)
    if prefetch_kids is not None:
        prefetch_kids(rows)  # the tree asks each shown row whether it has children
    prefetch_facts(kg, chain + rows)


def prefetch_facts(kg: Any, ids: list[str]) -> None:
    """Labels, types and attributes of *ids* in one batch, on a lazy source."""
    own = getattr(kg, "prefetch", None)
    if own is not None:
        own(ids)


def warm_language(kg: Any, view_ids: list[str], selected: str | None, lang: str) -> None:
    """Fetch what switching labels to *lang* reads: the shown entities' facts (labels in
    every language) and the selected entity's details in *lang*."""
    prefetch_facts(kg, view_ids)
    if selected is not None and selected in kg:
        build_entity_details(kg, selected, lang)
