"""File › Export: the current view as an image, a page or data, as it is on screen.

The formats, their extensions and their options come from the core's one table
(``explorer.export.EXPORTERS``), which the CLI reads too. Every positioned
format uses the node positions read from the page (after any dragging) and the
entities highlighted on screen (the view's focus and the selection). PNG is the
SVG writer's drawing rendered by Qt, like on the command line: the picture is
the same in PNG, SVG and PDF, at any scale, and the same as ``kg-explorer
export`` draws for those positions. The dialogs only gather a path and options;
``ExportMenu.export_to`` does the work and is what the tests call. Failures are
shown in a message box.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QMenu,
    QMessageBox,
    QSpinBox,
    QWidget,
)

from explorer.export import EXPORTERS, ExportOptions, export
from explorer.export.options import MAX_SCALE, MIN_SCALE

from .dialogs import plain_message_box
from .retranslate import Retranslating

if TYPE_CHECKING:
    from .main_window import MainWindow


def tr(text: str) -> str:
    return QCoreApplication.translate("ExportMenu", text)


class ImageOptionsDialog(QDialog):
    """The options a format reads (from its row of ``EXPORTERS``), one form row each.

    Every option has its row in one ``QFormLayout``; the rows the format does not
    read are hidden, so nothing is placed over anything else.
    """

    def __init__(self, fmt: str, defaults: ExportOptions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fmt, self.defaults = fmt, defaults
        self.setWindowTitle(tr("Export options"))
        self.form = QFormLayout(self)
        self.scale = QDoubleSpinBox(
            self, minimum=MIN_SCALE, maximum=MAX_SCALE, singleStep=0.5, suffix="×"
        )
        self.scale.setValue(defaults.scale)
        self.width = QSpinBox(self, minimum=0, maximum=16384, singleStep=100)
        self.width.setSpecialValueText(tr("use the scale"))
        self.width.setValue(defaults.width or 0)
        self.transparent = QCheckBox(tr("Transparent background"), self)
        self.transparent.setChecked(defaults.transparent)
        self.legend = QCheckBox(tr("Legend of the categories"), self)
        self.legend.setChecked(defaults.legend)
        self.edge_labels = QCheckBox(tr("Names of the relations"), self)
        self.edge_labels.setChecked(defaults.edge_labels)
        self.title = QLineEdit(defaults.title, self)
        self.title.setMinimumWidth(260)  # a whole title in view, in either language
        #: option name -> its field, in the order shown
        self.fields: dict[str, QWidget] = {
            "scale": self.scale,
            "width": self.width,
            "title": self.title,
            "transparent": self.transparent,
            "legend": self.legend,
            "edge_labels": self.edge_labels,
        }
        labels = {"scale": tr("Scale"), "width": tr("Or width (pixels)"), "title": tr("Title")}
        for name, field in self.fields.items():
            if name in labels:
                self.form.addRow(labels[name], field)
            else:
                self.form.addRow(field)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.form.addRow(buttons)
        offered = set(EXPORTERS[fmt].options)
        for name, field in self.fields.items():
            self.form.setRowVisible(field, name in offered)

    def shown_options(self) -> list[str]:
        """The options this dialog offers for its format (its visible rows)."""
        return [name for name, field in self.fields.items() if field.isVisibleTo(self)]

    def options(self) -> ExportOptions:
        return replace(
            self.defaults,
            scale=self.scale.value(),
            width=self.width.value() or None,
            transparent=self.transparent.isChecked(),
            legend=self.legend.isChecked(),
            edge_labels=self.edge_labels.isChecked(),
            title=self.title.text().strip(),
        )


class ExportMenu(Retranslating, QMenu):
    """The Export submenu and the exports it starts."""

    finished = Signal(list)  # the paths written
    failed = Signal(str)  # the message shown

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        self.actions_by_format = {}
        kind = None
        for fmt, exporter in EXPORTERS.items():
            if kind is not None and exporter.kind != kind:
                self.addSeparator()
            kind = exporter.kind
            self.actions_by_format[fmt] = self.addAction(
                "", lambda _checked=False, f=fmt: self.ask(f)
            )
        self.error_box: QMessageBox | None = None
        self.last_error = ""
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(tr("&Export"))
        for fmt, action in self.actions_by_format.items():
            action.setText(tr(EXPORTERS[fmt].name) + "…")

    # --- gathering a path and options -----------------------------------------------
    def default_options(self) -> ExportOptions:
        """The options an export starts from: the screen's language, relation names, title,
        and what it highlights (the view's focus and the selected entity)."""
        state = self.w.state
        view = self.w.graph.current_view()
        selected = state.selection.node_id
        highlight = tuple(dict.fromkeys((*view.focus, *([selected] if selected else []))))
        return ExportOptions(
            lang=state.lang, title=view.title, edge_labels=state.edge_labels, highlight=highlight
        )

    def ask(self, fmt: str) -> None:
        """Ask where (and, for formats with options, how), then export."""
        path = self._ask_path(fmt)
        if not path:
            return
        options = self.default_options()
        if EXPORTERS[fmt].options:
            dialog = ImageOptionsDialog(fmt, options, self.w)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            options = dialog.options()
        self.export_to(fmt, path, options)

    def _ask_path(self, fmt: str) -> str:
        exporter = EXPORTERS[fmt]
        if exporter.multi_file:
            return QFileDialog.getExistingDirectory(
                self.w, tr("Folder for nodes.csv and edges.csv")
            )
        ext = exporter.extension
        path, _filter = QFileDialog.getSaveFileName(
            self.w, tr("Export as {0}").format(tr(exporter.name)), f"graph{ext}", f"*{ext}"
        )
        if path and not path.lower().endswith(ext):
            path += ext
        return path

    # --- exporting ------------------------------------------------------------------
    def export_to(self, fmt: str, path: str | Path, options: ExportOptions | None = None) -> None:
        """Export the current view; ``finished`` or ``failed`` is emitted when done."""
        options = options or self.default_options()
        try:
            if EXPORTERS[fmt].needs_positions:
                self.w.graph.fetch_positions(lambda pos: self._write(fmt, path, options, pos))
            else:
                self._write(fmt, path, options, None)
        except Exception as exc:  # never let an export take the app down
            self._fail(str(exc))

    def _write(self, fmt: str, path: str | Path, options: ExportOptions, positions) -> None:
        """Through the window's runner: at once for a file's graph (the drawing needs
        this thread), in a worker when the graph is an endpoint (RDF formats read it)."""
        view, kg = self.w.graph.current_view(), self.w.state.kg
        remote = self.w.qs.may_block()
        if not remote:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.w.runner.run(
                lambda _control: export(
                    view, path, fmt, kg=kg, positions=positions, options=options
                ),
                key="export",
                what=str(path),
                inline=not remote,
                on_done=self._done,
                # ExportError, or a bug: shown, not fatal
                on_error=lambda exc: self._fail(str(exc) or type(exc).__name__),
            )
        finally:
            if not remote:
                QGuiApplication.restoreOverrideCursor()

    def _done(self, written: list[Path]) -> None:
        self.last_error = ""
        bar = self.w.statusBar()
        bar.showMessage(tr("Exported to {0}").format(", ".join(str(p) for p in written)), 8000)
        self.finished.emit(written)

    def _fail(self, message: str) -> None:
        self.last_error = message
        # plain text (a server's reply may be HTML), and open(): never blocks the app
        self.error_box = plain_message_box(self.w, "exportError", tr("Export failed"), message)
        self.failed.emit(message)


def install_export_menu(window: MainWindow) -> ExportMenu:
    """Add File › Export to *window*'s menu bar, above Quit; the window keeps what this returns."""
    menu = ExportMenu(window)
    file_menu, quit_action = window.menus.file, window.menus.quit
    actions = file_menu.actions()
    i = actions.index(quit_action)
    before = actions[i - 1] if i > 0 and actions[i - 1].isSeparator() else quit_action
    file_menu.insertMenu(before, menu)
    return menu
