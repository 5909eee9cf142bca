"""A lazy tree model over ``Hierarchy``: children are fetched when a branch opens.

A branch of 20,000 children is fetched 500 rows at a time (``canFetchMore``),
and a cycle in the data shows as one marked leaf instead of an endless branch.
On a remote source a branch the user opens shows a "…" row while its children
(and their labels) are fetched in a worker; ``fetch_failed`` says when that failed.
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

from .remote import Fetcher, is_remote

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

    def __init__(self, kg: KnowledgeGraph, lang: Lang = "zh", parent=None) -> None:
        super().__init__(parent)
        self.kg = kg
        self.tree = kg.hierarchy
        self.lang: Lang = lang
        self._remote = is_remote(kg)
        self._fetchers: set[Fetcher] = set()
        self._cut: dict[str, list[str]] = {}
        for cycle in self.tree.cycles:
            self._cut.setdefault(cycle.cut.parent, []).append(cycle.cut.child)
        self._root = Item("", None, 0)
        self._root.pending = [(r, False) for r in self.tree.roots()]
        self._fetch(self._root, everything=True)

    # --- structure ------------------------------------------------------------------
    def _item(self, index: Index) -> Item:
        return index.internalPointer() if index.isValid() else self._root

    def _kids_of(self, item: Item) -> list[tuple[str, bool]]:
        kids = [(c, False) for c in self.tree.children(item.node_id)]
        return kids + [(c, True) for c in self._cut.get(item.node_id, ())]

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
        """A shared unit's other parents (not asked of a remote source on this thread)."""
        also = getattr(self.tree, "also_under", None)
        return () if also is None or self._remote else tuple(also(node_id, parent))

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
            self.tree.child_count(item.node_id) or self._cut.get(item.node_id)
        )

    def canFetchMore(self, parent: Index) -> bool:
        item = self._item(parent)
        if item.cycle or item.loading or (parent.isValid() and not item.node_id):
            return False
        return item.pending is None or bool(item.pending)

    def fetchMore(self, parent: Index) -> None:
        """The next batch of rows; on a remote source a branch's first fetch is a worker's."""
        item = self._item(parent)
        if self._remote and item.pending is None and item is not self._root:
            self._fetch_later(item, parent)
        else:
            self._fetch_batch(item, parent)

    def fetch_now(self, parent: Index) -> None:
        """The next batch of rows at once, even on a remote source (the caller waits)."""
        item = self._item(parent)
        if item.loading:
            self._settle(item)
        if self.canFetchMore(parent):
            self._fetch_batch(item, parent)

    def is_loading(self) -> bool:
        """Whether some branch is still waiting for its children."""
        return bool(self._fetchers)

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

        fetcher = Fetcher(self)
        self._fetchers.add(fetcher)
        fetcher.run(
            warm,
            lambda _r: self._arrived(item, fetcher, None),
            lambda exc: self._arrived(item, fetcher, exc),
        )

    def _arrived(self, item: Item, fetcher: Fetcher, error: Exception | None) -> None:
        self._fetchers.discard(fetcher)
        fetcher.deleteLater()
        if not item.loading:  # filled at once meanwhile (a selection revealed it)
            return
        self._settle(item)
        index = self.createIndex(item.row, 0, item)
        if error is None:
            self._fetch_batch(item, index)  # from the caches just filled
            return
        message = str(error) if isinstance(error, LoadError) else f"{self.kg.source}: {error}"
        self.fetch_failed.emit(index, item.node_id, message)

    def _settle(self, item: Item) -> None:
        """Take the "…" row away (the children are then fetched again when asked for)."""
        self.beginRemoveRows(self.createIndex(item.row, 0, item), 0, len(item.children) - 1)
        item.children.clear()
        item.loading = False
        self.endRemoveRows()

    def _fetch_batch(self, item: Item, parent: Index) -> None:
        if item.pending is None:
            item.pending = self._kids_of(item)
        count = min(BATCH, len(item.pending))
        if not count:
            return
        start = len(item.children)
        self.beginInsertRows(parent, start, start + count - 1)
        self._fetch(item)
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
                return f"{item.node_id}\n{self._also_text(item)}"
            return item.node_id
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
