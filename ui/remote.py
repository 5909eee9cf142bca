"""Remote sources answer slowly or not at all: their look-ups run off the GUI thread.

An ``EndpointGraph`` fetches on demand over HTTP, so whatever a panel reads from
it for the first time may block for up to its timeout. ``Fetcher`` runs such a
look-up on a thread pool and hands the result (or the exception) back on the GUI
thread; a newer request makes older answers stale, so a slow reply never
overwrites what the user asked for since. Local sources never come here.

No lock is needed around the graph: ``LazyGraph``'s caches only ever gain whole
entries (never iterated, never changed in place) and ``SparqlClient`` locks its
own answer cache, so a GUI-thread read during a worker's fetch sees an entry or
its absence (and then fetches it itself), never a half-written one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from explorer import views
from explorer.reports import build_entity_details
from explorer.sources.sparql import EndpointGraph


def is_remote(kg: object) -> bool:
    """Whether reading *kg* may mean a network round-trip (a SPARQL endpoint)."""
    return isinstance(kg, EndpointGraph)


def warm_selection(kg: Any, node_id: str, *, depth: int, in_view: bool) -> bool:
    """Fetch into *kg*'s caches what selecting *node_id* reads on the GUI thread: the
    entity, its neighbourhood (when the view lacks it), its details and its place in the
    tree (ancestors and the rows they unfold). False if there is no such entity."""
    if node_id not in kg:
        return False
    if not in_view:
        views.neighbourhood(kg, node_id, depth=depth)
    build_entity_details(kg, node_id, "zh")
    tree = kg.hierarchy
    if tree.contains(node_id):
        chain = tree.ancestors(node_id)
        rows = [child for parent in chain for child in tree.children(parent)]
        prefetch_kids = getattr(tree, "prefetch", None)
        if prefetch_kids is not None:
            prefetch_kids(rows)  # the tree asks each shown row whether it has children
        kg.prefetch(chain + rows)
    return True


class _Task(QRunnable):
    def __init__(self, fetcher: Fetcher, generation: int, job: Callable[[], Any]) -> None:
        super().__init__()
        self._fetcher, self._generation, self._job = fetcher, generation, job

    def run(self) -> None:
        result, error = None, None
        try:
            result = self._job()
        except Exception as exc:  # delivered to the GUI thread, never raised in the pool
            error = exc
        try:
            self._fetcher.answered.emit(self._generation, result, error)
        except RuntimeError:  # the fetcher (its window) is gone
            pass


class Fetcher(QObject):
    """One look-up at a time on a thread pool; only the newest request's answer is used."""

    answered = Signal(int, object, object)  # generation, result, exception (worker -> GUI)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._generation = 0
        self._callbacks: tuple[Callable[[Any], None], Callable[[Exception], None]] | None = None
        self.answered.connect(self._on_answered)  # queued: the fetcher lives on the GUI thread

    def run(
        self,
        job: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        """Start *job* in the pool; *on_done* or *on_error* follow on the GUI thread,
        unless another request (or :meth:`cancel`) came first."""
        self._generation += 1
        self._callbacks = (on_done, on_error)
        self._pool.start(_Task(self, self._generation, job))

    def cancel(self) -> None:
        """Drop the answer of the request under way (it still runs to its end)."""
        self._generation += 1
        self._callbacks = None

    def busy(self) -> bool:
        return self._callbacks is not None

    @Slot(int, object, object)
    def _on_answered(self, generation: int, result: object, error: object) -> None:
        if generation != self._generation or self._callbacks is None:
            return
        on_done, on_error = self._callbacks
        self._callbacks = None
        if isinstance(error, Exception):
            on_error(error)
        else:
            on_done(result)
