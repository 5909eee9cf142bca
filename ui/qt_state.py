"""Qt signals for ``ExplorerState``'s plain events, so widgets can connect as usual."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from explorer import views
from explorer.errors import LoadError
from explorer.state import ExplorerState, clamp_depth

from .operations import OperationRunner, reads_may_block
from .remote import warm_language, warm_selection

VIEW_KEY = "view"  # selection, view and path requests: the newest one wins
LANG_KEY = "lang"  # the label language: the newest choice wins


class QtState(QObject):
    """Re-emits every ``ExplorerState`` event as a Qt signal; ``.state`` is the model.

    Widgets select, expand and change the view through its methods (:meth:`select`,
    :meth:`expand`, :meth:`show_whole`...), which keep the GUI thread off the network
    when the graph is a remote endpoint (see :meth:`run_remote`). ``runner`` is the
    window's one :class:`OperationRunner`: widgets reach it here and start no threads.
    """

    graph_changed = Signal(object)  # KnowledgeGraph
    view_changed = Signal(object)  # ViewChange
    selection_changed = Signal(object)  # Selection
    lang_changed = Signal(str)
    history_changed = Signal(object)  # History
    camera_restored = Signal(object)  # Camera: back / forward zooms to where it was
    path_changed = Signal(object)  # Path | None
    options_changed = Signal(str)
    fetching = Signal(str)  # id being fetched from a remote source; "" when it is over
    remote_failed = Signal(str, str)  # id, message naming the endpoint and what failed

    def __init__(
        self,
        state: ExplorerState,
        runner: OperationRunner | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.runner = runner or OperationRunner()
        state.graph_changed.connect(self._on_graph_changed)
        state.view_changed.connect(self.view_changed.emit)
        state.selection_changed.connect(self.selection_changed.emit)
        state.lang_changed.connect(self.lang_changed.emit)
        state.history_changed.connect(self.history_changed.emit)
        state.camera_restored.connect(self.camera_restored.emit)
        state.path_changed.connect(self.path_changed.emit)
        state.options_changed.connect(self.options_changed.emit)

    def _on_graph_changed(self, kg) -> None:
        self._drop()  # a selection on the previous graph is moot
        self.graph_changed.emit(kg)

    def may_block(self) -> bool:
        """Whether reading the current graph may wait on the network (then: a worker)."""
        return reads_may_block(self.state.kg)

    # --- acting on a remote source ------------------------------------------------------
    def run_remote(
        self,
        what: str,
        warm: Callable[[], Any],
        apply: Callable[[], None],
        *,
        key: str = VIEW_KEY,
    ) -> None:
        """Do *apply* (an ``ExplorerState`` action). On a local source at once; on a remote
        one *warm* first fetches, in a worker, whatever *apply* will read, and *apply* then
        runs on the GUI thread from the caches it filled. A failure is reported by
        ``remote_failed`` (*what* names what was asked for) and the state stays as it was;
        a newer request of the same *key* makes the answer of an older one moot."""
        kg = self.state.kg
        if not reads_may_block(kg):
            if key == VIEW_KEY:
                self._drop()  # the newest request wins
            apply()
            return
        self.fetching.emit(what)
        self.runner.run(
            lambda _cancel: warm(),
            key=key,
            what=what,
            on_done=lambda _result: self._fetched(kg, what, apply),
            on_error=lambda exc: self._failed(kg, what, exc),
        )

    def is_fetching(self) -> bool:
        return self.runner.busy(VIEW_KEY)

    def _drop(self) -> None:
        if self.runner.cancel(VIEW_KEY):
            self.fetching.emit("")

    def _fetched(self, kg, what: str, apply: Callable[[], None]) -> None:
        self.fetching.emit("")
        if self.state.kg is not kg:
            return
        try:
            apply()  # served from the caches just filled
        except LoadError as exc:  # something the worker could not foresee: still no freeze
            self._failed(kg, what, exc)

    def _failed(self, kg, what: str, exc: Exception) -> None:
        self.fetching.emit("")
        if self.state.kg is not kg:
            return
        message = str(exc) if isinstance(exc, LoadError) else f"{kg.source}: {exc}"
        self.remote_failed.emit(what, message)

    # --- selecting --------------------------------------------------------------------
    def select(self, node_id: str | None) -> None:
        """Select *node_id* everywhere (on a remote source once fetched, see above)."""
        state, kg = self.state, self.state.kg
        if node_id is None:
            self._drop()
            state.select(None)
            return
        depth, in_view = state.depth, node_id in state.view.node_ids
        self.run_remote(
            node_id,
            lambda: warm_selection(kg, node_id, depth=depth, in_view=in_view),
            lambda: state.select(node_id),
        )

    def back(self) -> None:
        self._go(-1, self.state.back)

    def forward(self) -> None:
        self._go(+1, self.state.forward)

    def _go(self, step: int, apply: Callable[[], None]) -> None:
        """Back or forward: the entity it leads to is fetched like a selection (its view
        is kept in the history, so only a missing one is fetched), then the step is taken."""
        state, kg = self.state, self.state.kg
        entry = state.history.peek(step)
        if entry is None:
            return
        target, snap = entry.node_id, entry.snapshot
        depth = state.depth
        in_view = target in (snap.view if snap else state.view).node_ids
        self.run_remote(
            target, lambda: warm_selection(kg, target, depth=depth, in_view=in_view), apply
        )

    # --- options ----------------------------------------------------------------------
    def set_lang(self, lang: str) -> None:
        """Show labels in *lang* (on a remote source once what they read is fetched)."""
        state, kg = self.state, self.state.kg
        if lang == state.lang:
            self.runner.cancel(LANG_KEY)
            return
        shown, selected = list(state.view.node_ids), state.selection.node_id
        self.run_remote(
            lang,
            lambda: warm_language(kg, shown, selected, lang),
            lambda: state.set_lang(lang),
            key=LANG_KEY,
        )

    # --- views ------------------------------------------------------------------------
    def expand(self, node_id: str) -> None:
        """Add *node_id*'s neighbours to the view (a double-click in the graph)."""
        state, kg = self.state, self.state.kg
        base = state.base_view
        self.run_remote(
            node_id,
            lambda: node_id in kg and views.expand(kg, base, node_id),
            lambda: state.expand(node_id),
        )

    def show_neighbourhood(self, node_id: str | None = None) -> None:
        """The selected entity's (or *node_id*'s) neighbourhood at the current depth."""
        state, kg = self.state, self.state.kg
        center = node_id or state.selection.node_id
        if center is None:
            return
        depth = state.depth
        self.run_remote(
            center,
            lambda: center in kg and views.neighbourhood(kg, center, depth=depth),
            lambda: state.show_neighbourhood(center),
        )

    def show_whole(self) -> None:
        state, kg = self.state, self.state.kg
        cap = state.whole_cap
        self.run_remote(str(kg.source), lambda: views.whole(kg, cap=cap), state.show_whole)

    def show_tree(self) -> None:
        """The organization tree top-down, from the root above the selection (or all)."""
        state, kg = self.state, self.state.kg
        sel = state.selection.node_id

        def apply() -> None:
            state.show_hierarchy(tree_root(kg, sel))

        self.run_remote(
            sel or str(kg.source),
            lambda: views.hierarchy_view(kg, tree_root(kg, sel)),
            apply,
        )

    def set_depth(self, depth: int) -> None:
        """Change the neighbourhood depth; a neighbourhood on show is redrawn at it."""
        state, kg = self.state, self.state.kg
        depth, center = clamp_depth(depth), state.selection.node_id
        if depth == state.depth:  # back to the depth shown: a change under way is moot
            self._drop()
            return
        if state.base_view.kind != "neighbourhood" or not center:
            state.set_depth(depth)  # nothing to fetch
            return
        self.run_remote(
            center,
            lambda: views.neighbourhood(kg, center, depth=depth),
            lambda: state.set_depth(depth),
        )


def tree_root(kg, node_id: str | None) -> str | None:
    """The root of the tree *node_id* sits in (``None``: the whole forest)."""
    tree = kg.hierarchy
    if node_id and tree.contains(node_id):
        chain = tree.ancestors(node_id)
        return chain[0] if chain else node_id
    return None


def built_so_far(index, indexing: bool) -> dict[str, bool]:
    """While the background index is being built (*indexing*), a keystroke on the GUI
    thread answers from the parts already built (building pinyin there took ~1 s at 1M
    triples); the window searches again once it is complete. Otherwise a missing part is
    built on demand, as on a small graph nobody warms (milliseconds)."""
    return {"only_built": True} if indexing and not getattr(index, "is_warm", True) else {}
