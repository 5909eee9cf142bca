"""What the user is looking at: graph, view, selection, history, language, filters.

Qt-free so it can be tested with plain pytest; ``ui/`` adapts each ``Emitter``
to a Qt signal. Views subscribe to events and never talk to each other: a
click in the tree, the search list, the details links or the graph all end in
``ExplorerState.select``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Generic, TypeVar

from .model import LANGS, GraphView, Lang, Path

if TYPE_CHECKING:
    from .graph import KnowledgeGraph

T = TypeVar("T")

#: ``auto`` draws each view in the layout its kind calls for (see ``explorer.layout.kind_for``);
#: the others override it for the view on show only.
LAYOUTS = ("auto", "force", "hierarchical")
#: The first view of a graph without an organization tree: its most connected entities.
OPENING_CAP = 60
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


@dataclass(frozen=True, slots=True)
class Camera:
    """The graph's zoom and centre, as the page reports them (graph coordinates)."""

    scale: float
    x: float
    y: float


@dataclass(frozen=True, slots=True)
class ViewSnapshot:
    """What was on screen: the view (its kind, centre or root in ``focus``, and every
    node, expanded ones included), the layout, the path and the camera. The view is kept
    whole, so going back shows it again without recomputing or refetching anything."""

    view: GraphView  # the base view, before hidden types are filtered out
    layout: str
    path: Path | None = None
    camera: Camera | None = None

    @property
    def kind(self) -> str:
        return self.view.kind

    @property
    def centre(self) -> str | None:
        return self.view.focus[0] if self.view.focus else None


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """A visited entity and the view as it was when the user left it."""

    node_id: str
    snapshot: ViewSnapshot | None = None


class History:
    """Back / forward over visited entities, like a browser: each entry keeps the view
    as it was when it was left, so going back shows that view again."""

    #: Entries kept behind the current one (each holds a view; old ones are dropped).
    LIMIT = 200

    def __init__(self) -> None:
        self._past: list[HistoryEntry] = []
        self._future: list[HistoryEntry] = []
        self.entry: HistoryEntry | None = None

    @property
    def current(self) -> str | None:
        return self.entry.node_id if self.entry else None

    def visit(self, node_id: str, leaving: ViewSnapshot | None = None) -> None:
        """Go to *node_id*; *leaving* is what the current entry showed until now."""
        if node_id == self.current:
            return
        if self.entry is not None:
            self._past.append(HistoryEntry(self.entry.node_id, leaving))
            del self._past[: -self.LIMIT]
        self.entry = HistoryEntry(node_id)
        self._future.clear()

    def back(self, leaving: ViewSnapshot | None = None) -> str | None:
        return self._step(self._past, self._future, leaving)

    def forward(self, leaving: ViewSnapshot | None = None) -> str | None:
        return self._step(self._future, self._past, leaving)

    def _step(self, source: list, dest: list, leaving: ViewSnapshot | None) -> str | None:
        if not source:
            return None
        if self.entry is not None:
            dest.append(HistoryEntry(self.entry.node_id, leaving))
        self.entry = source.pop()
        return self.entry.node_id

    def peek(self, step: int) -> HistoryEntry | None:
        """The entry back (-1) or forward (+1) would go to, without going."""
        stack = self._past if step < 0 else self._future
        return stack[-1] if stack else None

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
        self.camera_restored: Emitter[Camera] = Emitter()  # back / forward: zoom to this
        self.path_changed: Emitter[Path | None] = Emitter()
        self.options_changed: Emitter[str] = Emitter()  # name of the option that changed
        self.lang: Lang = lang
        self.depth = 1
        self.layout = "auto"
        self.edge_labels = True
        self.hidden: frozenset[str] = frozenset()
        self.whole_cap = whole_cap
        self._install(kg)

    def _install(self, kg: KnowledgeGraph) -> None:
        from .organigram import PEOPLE_CATEGORIES, people_on_graph_by_default

        self.kg = kg
        self.history = History()
        self.selection = Selection()
        self.path: Path | None = None
        if not people_on_graph_by_default(kg):  # a large organigram: its units first
            self.hidden = self.hidden | PEOPLE_CATEGORIES
        self.camera: Camera | None = None
        self.base_view = self._opening_view()
        self.view = self._filtered(self.base_view)

    def _opening_view(self) -> GraphView:
        """An org chart's top levels if the graph has one, else its most connected entities.

        Either way few enough nodes that their labels are legible at the first fit;
        the rest is one click (unfold, Whole graph, expand) away.
        """
        from . import views

        kg = self.kg
        if hasattr(kg, "prefetch_around"):  # a store or an endpoint: the whole view the
            return views.whole(kg, cap=self.whole_cap)  # loading worker already fetched
        opened = views.opening_units(kg)
        if opened is not None:
            return views.hierarchy_view(kg, open_units=opened)
        return views.whole(kg, cap=min(self.whole_cap, OPENING_CAP))

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

    def _set_view(self, view: GraphView, *, added_only: bool = False, fresh: bool = False) -> None:
        """Show *view*; a *fresh* one (a new whole graph, neighbourhood, tree or path) in the
        layout its kind calls for: a layout chosen for one view does not stick to the next."""
        self.base_view = view
        self.view = self._filtered(view)
        relaid = fresh and self.layout != "auto"
        if relaid:
            self.layout = "auto"
        self.view_changed.emit(ViewChange(self.view, added_only))
        if relaid:
            self.options_changed.emit("layout")

    def show_whole(self) -> None:
        from .views import whole

        self._set_path(None)
        self._set_view(whole(self.kg, cap=self.whole_cap), fresh=True)

    def show_neighbourhood(self, node_id: str | None = None) -> None:
        """The selected entity (or *node_id*) and everything within ``depth`` hops."""
        from .views import neighbourhood

        center = node_id or self.selection.node_id
        if center is None or center not in self.kg:
            return
        self._set_path(None)
        self._set_view(neighbourhood(self.kg, center, depth=self.depth), fresh=True)

    def show_hierarchy(self, root: str | None = None) -> None:
        """The org chart below *root* (or of every tree): its top levels open, and the
        branch down to the selection and its children, the rest folded."""
        from .views import hierarchy_view, opening_units

        opened = set(opening_units(self.kg, root=root) or ())
        sel = self.selection.node_id
        if sel is not None and self.kg.hierarchy.contains(sel):
            opened.update(self.kg.hierarchy.ancestors(sel))
            opened.add(sel)
        self._set_path(None)
        self._set_view(hierarchy_view(self.kg, root, open_units=opened), fresh=True)

    def toggle_unit(self, node_id: str) -> bool:
        """Unfold a folded unit of the org chart on show, or fold an open one (False: not a unit
        with children in this chart). What is open is read off the chart itself, so a chart
        brought back by Back folds and unfolds from where it was."""
        from .views import hierarchy_view

        view, tree = self.base_view, self.kg.hierarchy
        if view.kind != "hierarchy" or node_id not in view.node_ids or not tree.children(node_id):
            return False
        folded = {unit for unit, _count in view.folded}
        opened = {n for n in view.node_ids if n not in folded and tree.children(n)}
        root = view.focus[0] if view.focus else None
        self._set_view(hierarchy_view(self.kg, root, open_units=opened ^ {node_id}))
        return True

    def expand(self, node_id: str) -> None:
        """Add *node_id*'s neighbours to the view in place (double-click in the graph);
        in an org chart, unfold or fold the unit instead."""
        from .views import expand

        if node_id not in self.kg or self.toggle_unit(node_id):
            return
        self._set_view(expand(self.kg, self.base_view, node_id), added_only=True)

    def fold(self, node_id: str) -> None:
        """Take out of the view the neighbours that hang from *node_id* alone (undoes an
        expand; the context menu's Fold). The view's centre is never taken out. In an org
        chart, an open unit folds (its "+N" marker says what it hides)."""
        if self.base_view.kind == "hierarchy" and not dict(self.base_view.folded).get(node_id):
            if self.toggle_unit(node_id):
                return
        view = self.base_view
        links: dict[str, set[str]] = {}
        for e in view.edges:
            links.setdefault(e.source, set()).add(e.target)
            links.setdefault(e.target, set()).add(e.source)
        keep = {node_id, *view.focus}
        drop = {n for n in links.get(node_id, ()) if n not in keep and links[n] <= {node_id}}
        if not drop:
            return
        nodes = tuple(n for n in view.nodes if n.id not in drop)
        edges = tuple(e for e in view.edges if e.source not in drop and e.target not in drop)
        self._set_view(replace(view, nodes=nodes, edges=edges))

    def find_path(self, a: str, b: str) -> Path | None:
        """Show the shortest path between *a* and *b*; ``None`` (view unchanged) if none."""
        from .views import path_view, shortest_path

        if a not in self.kg or b not in self.kg:
            return None
        path = shortest_path(self.kg, a, b)
        if path is None:
            self._set_path(None)
            return None
        self._set_view(path_view(self.kg, path), fresh=True)
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
        leaving = self.snapshot()
        if node_id is not None and node_id not in self.view.node_ids:
            if node_id in self.base_view.node_ids and self.kg.node(node_id).category in self.hidden:
                self.set_category_hidden(self.kg.node(node_id).category, False)
            else:
                self.show_neighbourhood(node_id)
        if record and node_id is not None:
            self.history.visit(node_id, leaving)
            self.history_changed.emit(self.history)
        if Selection(node_id) != self.selection:
            self.selection = Selection(node_id)
            self.selection_changed.emit(self.selection)
        return True

    def snapshot(self) -> ViewSnapshot:
        """What is on screen now (history keeps it with the entry being left)."""
        return ViewSnapshot(self.base_view, self.layout, self.path, self.camera)

    def set_camera(self, camera: Camera) -> None:
        """The page reports its zoom and centre (no event: nothing redraws for it)."""
        self.camera = camera

    def back(self) -> None:
        if self.history.back(self.snapshot()) is not None:
            self._restore()

    def forward(self) -> None:
        if self.history.forward(self.snapshot()) is not None:
            self._restore()

    def _restore(self) -> None:
        """Show the current history entry as it was left: view, layout, path, selection,
        then the camera (last, so that selecting does not move it)."""
        entry = self.history.entry
        assert entry is not None
        self.history_changed.emit(self.history)
        snap = entry.snapshot
        if snap is not None:
            relayout = snap.layout != self.layout
            self.layout = snap.layout  # set before the view is drawn, announced after
            if relayout or (snap.view is not self.base_view and snap.view != self.base_view):
                self._set_view(snap.view)
            if relayout:
                self.options_changed.emit("layout")
            self._set_path(snap.path)
        self.select(entry.node_id, record=False)
        if snap is not None and snap.camera is not None:
            self.camera_restored.emit(snap.camera)

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
        """Draw the view on show in *layout* (until the next view: ``auto`` again)."""
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
