"""Qt signals for ``ExplorerState``'s plain events, so widgets can connect as usual."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from explorer.state import ExplorerState


class QtState(QObject):
    """Re-emits every ``ExplorerState`` event as a Qt signal; ``.state`` is the model."""

    graph_changed = Signal(object)  # KnowledgeGraph
    view_changed = Signal(object)  # ViewChange
    selection_changed = Signal(object)  # Selection
    lang_changed = Signal(str)
    history_changed = Signal(object)  # History
    path_changed = Signal(object)  # Path | None
    options_changed = Signal(str)

    def __init__(self, state: ExplorerState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        state.graph_changed.connect(self.graph_changed.emit)
        state.view_changed.connect(self.view_changed.emit)
        state.selection_changed.connect(self.selection_changed.emit)
        state.lang_changed.connect(self.lang_changed.emit)
        state.history_changed.connect(self.history_changed.emit)
        state.path_changed.connect(self.path_changed.emit)
        state.options_changed.connect(self.options_changed.emit)
