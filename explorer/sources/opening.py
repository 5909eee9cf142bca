"""Opening a file for the window: what the first screen needs now, the rest afterwards.

:func:`open_for_window` returns a graph whose opening view (the most connected
entities), tree roots and search are ready, and nothing more: on a large file it
reads the on-disk cache when an entry matches, else scans the file. Then
:func:`finish_in_background` computes what the first screen does not need (the
pinyin keys, word and fuzzy indexes of search) and writes the cache entry, with
progress through a plain callback and a cancel check between steps. Neither
knows Qt: the app runs both in its background runner.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from ..errors import LoadError, OpenCancelled
from . import cache
from .protocol import GraphSource, top_entities

log = logging.getLogger(__name__)

#: ``progress(fraction, what)``: 0..1 and a short English phrase for the status bar.
Progress = Callable[[float, str], None]
#: ``cancelled()``: True once the user no longer wants the result.
Cancelled = Callable[[], bool]
#: The whole-graph view's size (``ExplorerState.whole_cap``): its ranking is made at once.
WHOLE_CAP = 500


def _quiet(_fraction: float, _what: str) -> None:
    pass


def _never() -> bool:
    return False


def open_for_window(
    path: str | Path | None,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    notice: Callable[[str], None] | None = None,
) -> GraphSource:
    """A graph ready for the first window (LoadError on bad input, OpenCancelled).

    *path* None opens the bundled article. *notice* receives one-line messages the
    user should see (a damaged cache entry being rebuilt).
    """
    progress, cancelled = progress or _quiet, cancelled or _never
    if path is None:
        from ..graph import KnowledgeGraph

        graph: GraphSource = KnowledgeGraph.article()
    else:
        progress(0.0, "reading")
        graph = _open_file(Path(path), notice, cancelled)
    _check(cancelled)
    progress(0.6, "indexing")
    prepare = getattr(graph, "prepare_for_window", None)  # a large file: the tree roots
    if prepare is not None:  # found in a child meanwhile
        prepare(cancelled)
    graph.search_index  # noqa: B018 - built here, not on the GUI thread
    _check(cancelled)
    progress(0.7, "finding the tree roots")  # a large file's from the scan's links; their
    graph.hierarchy.roots()  # children are counted, and sorted when unfolded
    _check(cancelled)
    progress(0.8, "ranking")
    if len(graph) > WHOLE_CAP:  # the opening view, made once here: its facts and nodes
        from ..views import whole  # are then cached, and the GUI thread only draws

        whole(graph, cap=WHOLE_CAP)
    if not _is_large(graph):  # a small graph: its whole index costs milliseconds
        finish_in_background(graph)
    progress(1.0, "ready")
    return graph


def _open_file(
    path: Path, notice: Callable[[str], None] | None, cancelled: Cancelled
) -> GraphSource:
    from . import large_threshold, open_source

    try:
        size = path.stat().st_size if path.is_file() else 0
    except OSError:
        size = 0
    if size > large_threshold():
        found = from_cache(path, notice=notice)  # open_source would too, but silently
        if found is not None:
            return found
    return open_source(path, cancelled=cancelled)


def from_cache(path: str | Path, *, notice: Callable[[str], None] | None = None):
    """The cached graph of *path*, or None when there is no valid entry (or it is
    unreadable: the caller then opens the file)."""
    from .store import CachedStoreGraph
    from .store_load import StoreLoader

    def report(message: str) -> None:
        log.warning("%s", message)  # never lost, even by a caller that shows nothing
        if notice is not None:
            notice(message)

    try:
        entry = cache.load(path, report=report)
    except OSError:
        return None
    if entry is None:
        return None
    p = Path(path)
    base = p.resolve().as_uri()  # the store, if SPARQL is ever asked for: from the file
    loader = StoreLoader(str(p), entry.fmt, source=str(p), base_iri=base)
    graph = CachedStoreGraph(
        loader, entry.scan, source=str(p), roots=entry.roots, top=entry.top, index=entry.index
    )
    return graph


def _is_large(graph: GraphSource) -> bool:
    from .store import StoreGraph

    return isinstance(graph, StoreGraph)


def _check(cancelled: Cancelled) -> None:
    if cancelled():
        raise OpenCancelled


def finish_in_background(
    graph: GraphSource,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    notice: Callable[[str], None] | None = None,
) -> bool:
    """What the first screen does not need: search's pinyin, word and fuzzy indexes,
    then (a large file opened from itself) its cache entry. False if cancelled, in
    which case no cache entry was left behind; a cache that cannot be written is
    reported through *notice* and is not an error."""
    progress, cancelled = progress or _quiet, cancelled or _never
    index = graph.search_index
    if cancelled():
        return False
    progress(0.0, "indexing for pinyin and typo search")
    own = getattr(index, "warm", None)  # in short steps: asks cancelled(), tells progress
    if own is not None and not own(
        cancelled=cancelled,
        progress=lambda f, _what: progress(0.3 * f, "indexing for pinyin and typo search"),
    ):
        return False
    if cancelled():
        return False
    if not _is_large(graph) or graph.from_cache:  # type: ignore[attr-defined]
        progress(1.0, "ready")
        return True
    progress(0.3, "saving the index for the next open")
    roots = graph.hierarchy.roots()  # found by the open (cached)
    top = top_entities(graph, WHOLE_CAP) if len(graph) > WHOLE_CAP else []
    try:
        written = cache.write(
            graph,
            graph.source,
            top=top,
            roots=roots,
            cancelled=cancelled,
            progress=lambda f: progress(0.3 + 0.7 * f, "saving the index for the next open"),
        )
    except (OSError, LoadError, ValueError) as exc:
        if notice is not None:
            notice(f"The index of {Path(graph.source).name} could not be cached ({exc}).")
        return not cancelled()
    if written is None and cancelled():
        return False
    progress(1.0, "ready")
    return True
