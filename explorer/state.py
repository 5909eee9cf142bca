"""What the user is looking at: graph, view, selection, history, language, filters.

Qt-free so it can be tested with plain pytest; ``ui/`` adapts each ``Emitter``
to a Qt signal. Views subscribe to events and never talk to each other: a
click in the tree, the search list, the details links or the graph all end in
``ExplorerState.select``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from .model import LANGS, GraphView, Lang, Path

if TYPE_CHECKING:
    from .graph import KnowledgeGraph

T = TypeVar("T")

LAYOUTS = ("force", "hierarchical")
MIN_DEPTH, MAX_DEPTH = 1, 5


def clamp_depth(depth: int) -> int:
    """A neighbourhood depth the views can afford (the spin box and the state share it)."""
    return max(MIN_DEPTH, min(int(depth), MAX_DEPTH))


class Emitter(Generic[T]):
    """A list of callbacks; the smallest event that needs no Qt."""

    def __init__(self) -> None:
        self._callbacks: list[Callable[[T], None]] = []

    def connect(self, callback: Callable[[T], None]) -> None:
        self._callbacks.append(callback)

    def disconnect(self, callback: Callable[[T], None]) -> None:
        self._callbacks.remove(callback)

    def emit(self, value: T) -> None:
        for callback in list(self._callbacks):
            callback(value)


@dataclass(frozen=True, slots=True)
class Selection:
    """The selected entity (``None`` when nothing is selected)."""

    node_id: str | None = None

    @property
    def node_ids(self) -> frozenset[str]:
        return frozenset() if self.node_id is None else frozenset({self.node_id})


@dataclass(frozen=True, slots=True)
class ViewChange:
    """A new view, and whether it only grew (the page can add nodes in place)."""

    view: GraphView
    added_only: bool = False


class History:
    """Back / forward over visited entities, like a browser."""

    def __init__(self) -> None:
        self._past: list[str] = []
        self._future: list[str] = []
        self.current: str | None = None

    def visit(self, node_id: str) -> None:
        if node_id == self.current:
            return
        if self.current is not None:
            self._past.append(self.current)
        self.current = node_id
        self._future.clear()

    def back(self) -> str | None:
        if not self._past:
            return None
        if self.current is not None:
            self._future.append(self.current)
        self.current = self._past.pop()
        return self.current

    def forward(self) -> str | None:
        if not self._future:
            return None
        if self.current is not None:
            self._past.append(self.current)
        self.current = self._future.pop()
        return self.current

    @property
    def can_back(self) -> bool:
        return bool(self._past)

    @property
    def can_forward(self) -> bool:
        return bool(self._future)


class ExplorerState:
    """The one model every panel observes.

    ``view`` is what the graph draws: ``base_view`` (whole graph, a
    neighbourhood, a tree or a path) minus the hidden categories.
    """

    def __init__(self, kg: KnowledgeGraph, *, lang: Lang = "zh", whole_cap: int = 500) -> None:
        self.graph_changed: Emitter[KnowledgeGraph] = Emitter()
        self.view_changed: Emitter[ViewChange] = Emitter()
        self.selection_changed: Emitter[Selection] = Emitter()
        self.lang_changed: Emitter[str] = Emitter()
        self.history_changed: Emitter[History] = Emitter()
        self.path_changed: Emitter[Path | None] = Emitter()
        self.options_changed: Emitter[str] = Emitter()  # name of the option that changed
        self.lang: Lang = lang
        self.depth = 1
        self.layout = "force"
        self.edge_labels = True
        self.hidden: frozenset[str] = frozenset()
        self.whole_cap = whole_cap
        self._install(kg)

    def _install(self, kg: KnowledgeGraph) -> None:
        from . import views
        from .organigram import PEOPLE_CATEGORIES, people_on_graph_by_default

        self.kg = kg
        self.history = History()
        self.selection = Selection()
        self.path: Path | None = None
        if not people_on_graph_by_default(kg):  # a large organigram: its units first
            self.hidden = self.hidden | PEOPLE_CATEGORIES
        self.base_view = views.whole(kg, cap=self.whole_cap)
        self.view = self._filtered(self.base_view)

    # --- the graph ------------------------------------------------------------
    def set_graph(self, kg: KnowledgeGraph) -> None:
        """Replace the graph (a file was opened): fresh view, no selection, no history."""
        self._install(kg)
        self.graph_changed.emit(kg)
        self.view_changed.emit(ViewChange(self.view))
        self.selection_changed.emit(self.selection)
        self.history_changed.emit(self.history)
        self.path_changed.emit(None)

    # --- views ----------------------------------------------------------------
    def _filtered(self, view: GraphView) -> GraphView:
        if not self.hidden:
            return view
        from .views import filter_view

        return filter_view(view, set(self.hidden))

    def _set_view(self, view: GraphView, *, added_only: bool = False) -> None:
        self.base_view = view
        self.view = self._filtered(view)
        self.view_changed.emit(ViewChange(self.view, added_only))

    def show_whole(self) -> None:
        from .views import whole

        self._set_path(None)
        self._set_view(whole(self.kg, cap=self.whole_cap))

    def show_neighbourhood(self, node_id: str | None = None) -> None:
        """The selected entity (or *node_id*) and everything within ``depth`` hops."""
        from .views import neighbourhood

        center = node_id or self.selection.node_id
        if center is None or center not in self.kg:
            return
        self._set_path(None)
        self._set_view(neighbourhood(self.kg, center, depth=self.depth))

    def show_hierarchy(self, root: str | None = None) -> None:
        from .views import hierarchy_view

        self._set_path(None)
        self._set_view(hierarchy_view(self.kg, root))

    def expand(self, node_id: str) -> None:
        """Add *node_id*'s neighbours to the view in place (double-click in the graph)."""
        from .views import expand

        if node_id not in self.kg:
            return
        self._set_view(expand(self.kg, self.base_view, node_id), added_only=True)

    def find_path(self, a: str, b: str) -> Path | None:
        """Show the shortest path between *a* and *b*; ``None`` (view unchanged) if none."""
        from .views import path_view, shortest_path

        if a not in self.kg or b not in self.kg:
            return None
        path = shortest_path(self.kg, a, b)
        if path is None:
            self._set_path(None)
            return None
        self._set_view(path_view(self.kg, path))
        self._set_path(path)
        return path

    def _set_path(self, path: Path | None) -> None:
        if path != self.path:
            self.path = path
            self.path_changed.emit(path)

    # --- selection and history ----------------------------------------------------
    def select(self, node_id: str | None, *, record: bool = True) -> bool:
        """Select an entity everywhere; show its neighbourhood if the view lacks it."""
        if node_id is not None and node_id not in self.kg:
            return False
        if node_id is not None and node_id not in self.view.node_ids:
            if node_id in self.base_view.node_ids and self.kg.node(node_id).category in self.hidden:
                self.set_category_hidden(self.kg.node(node_id).category, False)
            else:
                self.show_neighbourhood(node_id)
        if record and node_id is not None:
            self.history.visit(node_id)
            self.history_changed.emit(self.history)
        if Selection(node_id) != self.selection:
            self.selection = Selection(node_id)
            self.selection_changed.emit(self.selection)
        return True

    def back(self) -> None:
        target = self.history.back()
        if target is not None:
            self.history_changed.emit(self.history)
            self.select(target, record=False)

    def forward(self) -> None:
        target = self.history.forward()
        if target is not None:
            self.history_changed.emit(self.history)
            self.select(target, record=False)

    # --- options ----------------------------------------------------------------
    def set_lang(self, lang: Lang) -> None:
        if lang not in LANGS:
            raise ValueError(f"unknown language {lang!r}; expected one of {LANGS}")
        if lang != self.lang:
            self.lang = lang
            self.lang_changed.emit(lang)

    def set_depth(self, depth: int) -> None:
        depth = clamp_depth(depth)
        if depth != self.depth:
            self.depth = depth
            self.options_changed.emit("depth")
            if self.base_view.kind == "neighbourhood" and self.selection.node_id:
                self.show_neighbourhood()

    def set_category_hidden(self, key: str, hidden: bool) -> None:
        new = self.hidden | {key} if hidden else self.hidden - {key}
        if new != self.hidden:
            self.hidden = frozenset(new)
            self.options_changed.emit("hidden")
            self._set_view(self.base_view)

    def set_layout(self, layout: str) -> None:
        if layout not in LAYOUTS:
            raise ValueError(f"unknown layout {layout!r}; expected one of {LAYOUTS}")
        if layout != self.layout:
            self.layout = layout
            self.options_changed.emit("layout")

    def set_edge_labels(self, shown: bool) -> None:
        if shown != self.edge_labels:
            self.edge_labels = shown
            self.options_changed.emit("edge_labels")

    def label(self, node_id: str) -> str:
        return self.kg.label(node_id, self.lang)

    def resolve(self, text: str) -> str | None:
        """The entity a person means by *text* (``explorer.resolve.find_entity``), or None."""
        from .resolve import find_entity

        return find_entity(self.kg, text)
