"""The only object the graph page's JavaScript can reach (registered as ``bridge``)."""

from __future__ import annotations

from collections.abc import Callable, Container

from PySide6.QtCore import QObject, Signal, Slot

from explorer.render import protocol


class GraphBridge(QObject):
    """One JSON slot in; typed Qt signals out. Malformed messages are counted and dropped."""

    ready = Signal()
    drawn = Signal()
    node_clicked = Signal(str)
    node_expand = Signal(str)
    context_menu = Signal(object, float, float)  # node id or None, x, y on the page
    camera = Signal(float, float, float)  # scale, x, y
    rejected = Signal(str)

    def __init__(self, known_ids: Callable[[], Container[str]], parent: QObject | None = None):
        super().__init__(parent)
        self._known_ids = known_ids
        self.rejections = 0

    @Slot(str)
    def send(self, raw: str) -> None:
        try:
            msg = protocol.decode(raw, self._known_ids())
        except protocol.ProtocolError as exc:
            self.rejections += 1
            self.rejected.emit(str(exc))
            return
        if isinstance(msg, protocol.Ready):
            self.ready.emit()
        elif isinstance(msg, protocol.Drawn):
            self.drawn.emit()
        elif isinstance(msg, protocol.NodeClicked):
            self.node_clicked.emit(msg.node_id)
        elif isinstance(msg, protocol.NodeExpand):
            self.node_expand.emit(msg.node_id)
        elif isinstance(msg, protocol.ContextMenu):
            self.context_menu.emit(msg.node_id, msg.x, msg.y)
        elif isinstance(msg, protocol.Camera):
            self.camera.emit(msg.scale, msg.x, msg.y)
