"""A lazy tree model over ``Hierarchy``: children are fetched when a branch opens.

A branch of 20,000 children is fetched 500 rows at a time (``canFetchMore``), and so
are the top-level rows: a large file has ~11,000 roots per million triples, and a
view laying out every row asks each whether it has children (~0.2 s on the GUI
thread, in the turn that should show the file's first frame). A cycle in the data
shows as one marked leaf instead of an endless branch.
On a remote source the top-level rows, and each branch the user opens, show a "…"
row while the rows (and their labels) are fetched by the window's
``OperationRunner``; ``fetch_failed`` says when that failed. Without a runner
(tests of the model alone) rows are read on the calling thread.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from explorer.errors import LoadError
from explorer.graph import KnowledgeGraph
from explorer.model import Lang
from explorer.sources.protocol import prefetch

from .operations import Operation, OperationRunner, reads_may_block
from .plain_text import tooltip

BATCH = 500
NodeIdRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()


class Item:
    """One row: an entity under a parent row (the same entity can appear under several)."""

    __slots__ = (
        "also_under",
        "children",
        "cycle",
        "loading",
        "node_id",
        "parent",
        "pending",
        "row",
    )

    def __init__(
        self,
        node_id: str,
        parent: Item | None,
        row: int,
        *,
        cycle: bool = False,
        also_under: tuple[str, ...] = (),
    ):
        self.node_id = node_id
        self.parent = parent
        self.row = row
        self.cycle = cycle  # a link the hierarchy cut to break a loop: shown, never opened
        self.also_under = also_under  # a shared unit's other parents
        self.children: list[Item] = []
        self.pending: list[tuple[str, bool]] | None = None  # not yet fetched
        self.loading = False  # its children are being fetched: one "…" row (node_id "")


class HierarchyModel(QAbstractItemModel):
    fetch_failed = Signal(QModelIndex, str, str)  # the row, its id, what failed where

    def __init__(
        self,
        kg: KnowledgeGraph,
        lang: Lang = "zh",
        parent=None,
        runner: OperationRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.kg = kg
        self.tree = kg.hierarchy
        self.lang: Lang = lang
        self._runner = runner if runner is not None and reads_may_block(kg) else None
        self._ops: set[Operation] = set()
        self._cut: dict[str, list[str]] | None = None  # links cut to break cycles, by parent
        self._root = Item("", None, 0)
        if self._runner is None:
            self._fetch(self._root)
        else:  # the roots (and whether each has children) come from a worker
            self._root.loading = True
            self._root.children.append(Item("", self._root, 0))
            self._start(self._root, self._rows_of_roots)

    def _rows_of_roots(self) -> list[str]:
        """The top-level rows, their labels and child counts fetched (in a worker)."""
        tree, roots = self.tree, self.tree.roots()
        tree.cycles  # noqa: B018 (read once here, so never on the GUI thread)
        prefetch_kids = getattr(tree, "prefetch", None)
        if prefetch_kids is not None:
            prefetch_kids(roots)
        prefetch(self.kg, roots)
        return roots

    def _cuts(self, node_id: str) -> list[str]:
        if self._cut is None:
            self._cut = {}
            for cycle in self.tree.cycles:
                self._cut.setdefault(cycle.cut.parent, []).append(cycle.cut.child)
        return self._cut.get(node_id, [])

    def cancel(self) -> None:
        """Drop every fetch under way (the model is being replaced)."""
        for op in list(self._ops):
            self._runner.cancel_op(op)
        self._ops.clear()

    # --- structure ------------------------------------------------------------------
    def _item(self, index: Index) -> Item:
        return index.internalPointer() if index.isValid() else self._root

    def _kids_of(self, item: Item) -> list[tuple[str, bool]]:
        if item is self._root:
            return [(r, False) for r in self.tree.roots()]
        kids = [(c, False) for c in self.tree.children(item.node_id)]
        return kids + [(c, True) for c in self._cuts(item.node_id)]

    def _fetch(self, item: Item, *, everything: bool = False) -> None:
        if item.pending is None:
            item.pending = self._kids_of(item)
        take = item.pending if everything else item.pending[:BATCH]
        item.pending = [] if everything else item.pending[BATCH:]
        start = len(item.children)
        for offset, (node_id, cycle) in enumerate(take):
            also = self._also_under(node_id, item.node_id) if item.node_id and not cycle else ()
            item.children.append(Item(node_id, item, start + offset, cycle=cycle, also_under=also))

    def _also_under(self, node_id: str, parent: str) -> tuple[str, ...]:
        """A shared unit's other parents (not asked on this thread where reads may block)."""
        also = getattr(self.tree, "also_under", None)
        return () if also is None or self._runner is not None else tuple(also(node_id, parent))

    def index(self, row: int, column: int, parent: Index = NO_PARENT) -> QModelIndex:
        item = self._item(parent)
        if column != 0 or not 0 <= row < len(item.children):
            return QModelIndex()
        return self.createIndex(row, 0, item.children[row])

    def parent(self, index: Index = NO_PARENT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        up = self._item(index).parent
        if up is None or up is self._root:
            return QModelIndex()
        return self.createIndex(up.row, 0, up)

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return len(self._item(parent).children)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 1

    def hasChildren(self, parent: Index = NO_PARENT) -> bool:
        item = self._item(parent)
        if item is self._root:
            return bool(item.children)
        if item.cycle or not item.node_id:
            return False
        return bool(item.children) or bool(
            self.tree.child_count(item.node_id) or self._cuts(item.node_id)
        )

    def canFetchMore(self, parent: Index) -> bool:
        item = self._item(parent)
        if item.cycle or item.loading or (parent.isValid() and not item.node_id):
            return False
        return item.pending is None or bool(item.pending)

    def fetchMore(self, parent: Index) -> None:
        """The next batch of rows; on a remote source a branch's first fetch is a worker's."""
        item = self._item(parent)
        if self._runner is not None and item.pending is None and item is not self._root:
            self._fetch_later(item, parent)
        else:
            self._fetch_batch(item, parent)

    def fetch_now(self, parent: Index) -> None:
        """The next batch of rows at once, even on a remote source (the caller waits)."""
        item = self._item(parent)
        if item.loading:
            self._settle(item)
        if self.canFetchMore(parent):
            self._fetch_batch(item, parent, everything=item is self._root)

    def is_loading(self) -> bool:
        """Whether some rows (the top level, a branch) are still waiting to be fetched."""
        return bool(self._ops)

    def _fetch_later(self, item: Item, parent: Index) -> None:
        self.beginInsertRows(parent, 0, 0)
        item.loading = True
        item.children.append(Item("", item, 0))
        self.endInsertRows()
        kg, tree, node_id = self.kg, self.tree, item.node_id

        def warm() -> None:  # what the new rows read: ids, labels, whether they have children
            kids = tree.children(node_id)
            prefetch_kids = getattr(tree, "prefetch", None)
            if prefetch_kids is not None:
                prefetch_kids(kids)
            prefetch(kg, kids)

        self._start(item, warm)

    def _start(self, item: Item, warm) -> None:
        box: list[Operation] = []
        op = self._runner.run(
            lambda _cancel: warm(),
            what=item.node_id,
            on_done=lambda result: self._arrived(item, box[0], result, None),
            on_error=lambda exc: self._arrived(item, box[0], None, exc),
        )
        box.append(op)
        self._ops.add(op)

    def _arrived(self, item: Item, op: Operation, result, error: Exception | None) -> None:
        self._ops.discard(op)
        if not item.loading:  # filled at once meanwhile (a selection revealed it)
            return
        self._settle(item)
        index = self._index_of(item)
        if item is self._root and error is None:
            item.pending = [(r, False) for r in result]  # the roots the worker found
        if error is None:
            self._fetch_batch(item, index)  # from the caches
            return
        self.fetch_failed.emit(index, item.node_id, self._message(error))

    def _message(self, error: Exception) -> str:
        return str(error) if isinstance(error, LoadError) else f"{self.kg.source}: {error}"

    def _index_of(self, item: Item) -> QModelIndex:
        return QModelIndex() if item is self._root else self.createIndex(item.row, 0, item)

    def _settle(self, item: Item) -> None:
        """Take the "…" row away (the children are then fetched again when asked for)."""
        self.beginRemoveRows(self._index_of(item), 0, len(item.children) - 1)
        item.children.clear()
        item.loading = False
        self.endRemoveRows()

    def _fetch_batch(self, item: Item, parent: Index, *, everything: bool = False) -> None:
        if item.pending is None:
            item.pending = self._kids_of(item)
        count = len(item.pending) if everything else min(BATCH, len(item.pending))
        if not count:
            return
        start = len(item.children)
        self.beginInsertRows(parent, start, start + count - 1)
        self._fetch(item, everything=everything)
        self.endInsertRows()

    # --- content ------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self._item(index)
        if not item.node_id:  # the row standing for children on their way
            return "…" if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            label = self.kg.label(item.node_id, self.lang)
            if item.also_under:
                return f"{label}  ⑂ " + self._also_text(item)
            return f"↻ {label}" if item.cycle else label
        if role == Qt.ItemDataRole.ToolTipRole:
            if item.cycle:
                return self.tr("Cycle in the data: this link leads back up the tree")
            if item.also_under:
                return tooltip(f"{item.node_id}\n{self._also_text(item)}")
            return tooltip(item.node_id)
        if role == Qt.ItemDataRole.ForegroundRole and item.cycle:
            return QBrush(QColor("#a85a14"))
        if role == Qt.ItemDataRole.ForegroundRole and item.also_under:
            return QBrush(QColor("#1f4e8c"))
        if role == NodeIdRole:
            return item.node_id
        return None

    def _also_text(self, item: Item) -> str:
        """ "also under A, B": where else a shared unit sits in the tree."""
        names = ", ".join(self.kg.label(p, self.lang) for p in item.also_under[:3])
        more = "…" if len(item.also_under) > 3 else ""
        return self.tr("also under %1").replace("%1", names + more)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if index.isValid() and not self._item(index).node_id:
            return Qt.ItemFlag.NoItemFlags  # "…" can be neither chosen nor selected
        return super().flags(index)

    def set_lang(self, lang: Lang) -> None:
        self.lang = lang
        self.layoutAboutToBeChanged.emit()
        self.layoutChanged.emit()

    # --- finding rows -------------------------------------------------------------
    def find_child(self, parent: QModelIndex, node_id: str) -> QModelIndex:
        """The row of *node_id* under *parent*, fetching batches until it appears."""
        item = self._item(parent)
        if item.loading:
            self._settle(item)
        while True:
            for child in item.children:
                if child.node_id == node_id and not child.cycle:
                    return self.createIndex(child.row, 0, child)
            if not self.canFetchMore(parent):
                return QModelIndex()
            self._fetch_batch(item, parent)

    def reveal_path(self, node_id: str) -> QModelIndex:
        """The index of *node_id* along its first-parent chain from a root (or invalid)."""
        if not self.tree.contains(node_id):
            return QModelIndex()
        index = QModelIndex()
        for step in [*self.tree.ancestors(node_id), node_id]:
            index = self.find_child(index, step)
            if not index.isValid():
                return QModelIndex()
        return index
