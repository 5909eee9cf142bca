"""Qt signals for ``ExplorerState``'s plain events, so widgets can connect as usual."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from explorer.errors import LoadError
from explorer.state import ExplorerState

from .remote import Fetcher, is_remote, warm_selection


class QtState(QObject):
    """Re-emits every ``ExplorerState`` event as a Qt signal; ``.state`` is the model.

    Widgets select through :meth:`select`, which keeps the GUI thread off the network
    when the graph is a remote endpoint.
    """

    graph_changed = Signal(object)  # KnowledgeGraph
    view_changed = Signal(object)  # ViewChange
    selection_changed = Signal(object)  # Selection
    lang_changed = Signal(str)
    history_changed = Signal(object)  # History
    path_changed = Signal(object)  # Path | None
    options_changed = Signal(str)
    fetching = Signal(str)  # id being fetched from a remote source; "" when it is over
    remote_failed = Signal(str, str)  # id, message naming the endpoint and what failed

    def __init__(self, state: ExplorerState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._fetcher = Fetcher(self)
        state.graph_changed.connect(self._on_graph_changed)
        state.view_changed.connect(self.view_changed.emit)
        state.selection_changed.connect(self.selection_changed.emit)
        state.lang_changed.connect(self.lang_changed.emit)
        state.history_changed.connect(self.history_changed.emit)
        state.path_changed.connect(self.path_changed.emit)
        state.options_changed.connect(self.options_changed.emit)

    def _on_graph_changed(self, kg) -> None:
        if self._fetcher.busy():  # a selection on the previous graph is moot
            self._fetcher.cancel()
            self.fetching.emit("")
        self.graph_changed.emit(kg)

    # --- selecting --------------------------------------------------------------------
    def select(self, node_id: str | None) -> None:
        """Select *node_id* everywhere. On a remote source what the panels will read is
        fetched in a worker first, so a slow or dead endpoint never freezes the window;
        a failure is reported by ``remote_failed`` and the selection and view stay."""
        state, kg = self.state, self.state.kg
        if node_id is None or not is_remote(kg):
            if self._fetcher.busy():  # the newest choice wins
                self._fetcher.cancel()
                self.fetching.emit("")
            state.select(node_id)
            return
        depth, in_view = state.depth, node_id in state.view.node_ids
        self.fetching.emit(node_id)
        self._fetcher.run(
            lambda: warm_selection(kg, node_id, depth=depth, in_view=in_view),
            lambda _found: self._fetched(kg, node_id),
            lambda exc: self._failed(kg, node_id, exc),
        )

    def is_fetching(self) -> bool:
        return self._fetcher.busy()

    def _fetched(self, kg, node_id: str) -> None:
        self.fetching.emit("")
        if self.state.kg is kg:
            self.state.select(node_id)  # served from the caches just filled

    def _failed(self, kg, node_id: str, exc: Exception) -> None:
        self.fetching.emit("")
        if self.state.kg is not kg:
            return
        message = str(exc) if isinstance(exc, LoadError) else f"{kg.source}: {exc}"
        self.remote_failed.emit(node_id, message)
