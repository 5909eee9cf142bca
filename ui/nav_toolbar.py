"""Navigation: back / forward, neighbourhood depth, whole graph, tree, fit, types, edge labels."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QSpinBox, QToolBar, QToolButton, QWidget

from explorer.categories import category
from explorer.layout import kind_for
from explorer.state import MAX_DEPTH, MIN_DEPTH

from .legend import present_categories, swatch
from .qt_state import QtState
from .retranslate import Retranslating, refresh_on


class NavigationBar(Retranslating, QToolBar):
    """Its actions also fill the Go and View menus, so every shortcut is listed there."""

    def __init__(self, qs: QtState, fit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigationBar")
        self.qs = qs
        state = qs.state
        self.back = QAction(self, shortcut=QKeySequence("Alt+Left"), enabled=False)
        self.forward = QAction(self, shortcut=QKeySequence("Alt+Right"), enabled=False)
        self.neighbourhood = QAction(self, shortcut=QKeySequence("Ctrl+N"))
        self.whole = QAction(self, shortcut=QKeySequence("Ctrl+R"))
        self.tree = QAction(self, shortcut=QKeySequence("Ctrl+T"))
        self.fit = QAction(self, shortcut=QKeySequence("Ctrl+0"))
        self.edge_labels = QAction(self, checkable=True, checked=state.edge_labels)
        self.edge_labels.setShortcut(QKeySequence("Ctrl+L"))
        self.hierarchical = QAction(self, checkable=True, checked=_top_down(state))
        self.hierarchical.setShortcut(QKeySequence("Ctrl+H"))
        self.depth = QSpinBox(self, minimum=MIN_DEPTH, maximum=MAX_DEPTH, value=state.depth)
        self.depth.setObjectName("depthSpin")
        self.depth_label = QLabel(self)
        self.types_menu = QMenu(self)
        self.types_button = QToolButton(self)
        self.types_button.setMenu(self.types_menu)
        self.types_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)

        for action in (self.back, self.forward):
            self.addAction(action)
        self.addSeparator()
        self.addWidget(self.depth_label)
        self.addWidget(self.depth)
        for action in (self.neighbourhood, self.whole, self.tree, self.fit):
            self.addAction(action)
        self.addSeparator()
        self.addWidget(self.types_button)
        self.addAction(self.edge_labels)
        self.addAction(self.hierarchical)

        self.back.triggered.connect(qs.back)
        self.forward.triggered.connect(qs.forward)
        self.neighbourhood.triggered.connect(lambda: qs.show_neighbourhood())
        self.whole.triggered.connect(qs.show_whole)
        self.tree.triggered.connect(qs.show_tree)
        self.fit.triggered.connect(fit)
        self.edge_labels.toggled.connect(state.set_edge_labels)
        # Draws the view on show top-down (or not); the next view has its own layout again.
        self.hierarchical.toggled.connect(
            lambda on: state.set_layout("hierarchical" if on else "force")
        )
        qs.view_changed.connect(self._on_view_changed)
        self.depth.valueChanged.connect(qs.set_depth)
        # A depth an endpoint could not serve: the box shows the depth that stays.
        qs.remote_failed.connect(lambda *_: self._show_depth())
        qs.history_changed.connect(self._on_history)
        refresh_on(self._fill_types, qs.graph_changed, qs.lang_changed)
        qs.options_changed.connect(self._on_option)
        self.retranslate()

    def _show_depth(self) -> None:
        if self.depth.value() != self.qs.state.depth:
            self.depth.blockSignals(True)
            self.depth.setValue(self.qs.state.depth)
            self.depth.blockSignals(False)

    def _on_history(self, history) -> None:
        self.back.setEnabled(history.can_back)
        self.forward.setEnabled(history.can_forward)

    def _on_option(self, name: str) -> None:
        state = self.qs.state
        if name == "depth":
            self._show_depth()
        elif name == "layout":
            self._show_layout()
        elif name == "hidden":
            for action in self.types_menu.actions():
                action.setChecked(action.data() not in state.hidden)

    def _on_view_changed(self, _change) -> None:
        # A method, not a lambda: Qt drops the connection when the toolbar goes (a lambda
        # outlived it and crashed a window closed twice).
        self._show_layout()

    def _show_layout(self) -> None:
        self.hierarchical.blockSignals(True)
        self.hierarchical.setChecked(_top_down(self.qs.state))
        self.hierarchical.blockSignals(False)

    def _fill_types(self) -> None:
        state = self.qs.state
        self.types_menu.clear()
        for key in present_categories(state.kg):
            action = self.types_menu.addAction(swatch(key), category(key).label(state.lang))
            action.setCheckable(True)
            action.setChecked(key not in state.hidden)
            action.setData(key)
            action.toggled.connect(lambda on, k=key: state.set_category_hidden(k, not on))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Navigation"))
        self.back.setText(self.tr("Back"))
        self.back.setToolTip(self.tr("Back (Alt+Left)"))
        self.forward.setText(self.tr("Forward"))
        self.forward.setToolTip(self.tr("Forward (Alt+Right)"))
        self.depth_label.setText(self.tr("Depth"))
        self.depth.setToolTip(self.tr("How many hops the neighbourhood reaches"))
        self.neighbourhood.setText(self.tr("Neighbourhood"))
        self.neighbourhood.setToolTip(self.tr("Show the selected entity's neighbourhood (Ctrl+N)"))
        self.whole.setText(self.tr("Whole graph"))
        self.whole.setToolTip(self.tr("Reset to the whole graph (Ctrl+R)"))
        self.tree.setText(self.tr("Tree"))
        self.tree.setToolTip(self.tr("Draw the organization tree, top-down (Ctrl+T)"))
        self.fit.setText(self.tr("Fit"))
        self.fit.setToolTip(self.tr("Fit the graph to the window (Ctrl+0)"))
        self.types_button.setText(self.tr("Types"))
        self.types_button.setToolTip(self.tr("Show or hide entity types"))
        self.edge_labels.setText(self.tr("Edge labels"))
        self.hierarchical.setText(self.tr("Top-down layout"))
        self._fill_types()


def _top_down(state) -> bool:
    """Whether the view on show is drawn top-down (an org chart, or by the user's choice)."""
    if state.layout == "auto":
        return kind_for(state.view) == "orgchart"
    return state.layout == "hierarchical"
