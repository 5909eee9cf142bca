"""Where a graph comes from: a small file, a large file, or a SPARQL endpoint.

:func:`open_source` picks the backend by file size: below the threshold the
simple full projection (``KnowledgeGraph``), above it ``StoreGraph``, which keeps
every triple as arrays and computes nodes and edges on demand from them, read back from the
on-disk cache (``cache.py``) when the app indexed that very file before. The app
opens through :func:`opening.open_for_window` and then
:func:`opening.finish_in_background`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from .protocol import GraphSource, prefetch, top_entities, warm

#: Files above this size open as a StoreGraph (~30k triples of Turtle: the full projection
#: takes ~1.5 s there and grows by ~5 s per 100k triples); the environment variable
#: overrides it.
LARGE_THRESHOLD_BYTES = 1_000_000
THRESHOLD_VARIABLE = "KG_EXPLORER_LARGE_BYTES"


def large_threshold() -> int:
    """The size above which a file opens store-backed (``$KG_EXPLORER_LARGE_BYTES`` or 1 MB)."""
    try:
        return int(os.environ.get(THRESHOLD_VARIABLE, LARGE_THRESHOLD_BYTES))
    except ValueError:
        return LARGE_THRESHOLD_BYTES


__all__ = [
    "LARGE_THRESHOLD_BYTES",
    "GraphSource",
    "large_threshold",
    "open_endpoint",
    "open_source",
    "prefetch",
    "top_entities",
    "warm",
]


def open_source(
    path: str | Path,
    *,
    large_threshold_bytes: int | None = None,
    preload: bool = True,
    cancelled: Callable[[], bool] | None = None,
) -> GraphSource:
    """Open an RDF file with the backend its size calls for (LoadError on bad input).

    *preload* (large files): keep every triple of the scan, for anything that will ask
    for relations; a one-off search passes False and keeps labels and types only.
    *cancelled* is asked now and then during a large file's scan (``OpenCancelled``).
    """
    if large_threshold_bytes is None:
        large_threshold_bytes = large_threshold()
    p = Path(path)
    try:
        size = p.stat().st_size if p.is_file() else 0
    except OSError:
        size = 0
    if size > large_threshold_bytes:
        from .opening import from_cache
        from .store import open_store

        return from_cache(p) or open_store(p, preload=preload, cancelled=cancelled)
    from ..graph import KnowledgeGraph

    return KnowledgeGraph.from_file(p)


def open_endpoint(url: str, **options) -> GraphSource:
    """Connect to a SPARQL endpoint (LoadError if it cannot be reached or answers badly)."""
    from .sparql import EndpointGraph

    return EndpointGraph(url, **options)
