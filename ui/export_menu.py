"""File › Export: the current view as an image, a page or data, as it is on screen.

SVG, PDF, HTML and GEXF use the node positions read from the page (after any
dragging) and our own writer; PNG is the canvas as drawn, at a higher pixel
ratio. The dialogs only gather a path and options; ``ExportMenu.export_to``
does the work and is what the tests call. Failures are shown in a message box.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
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

from explorer.export import EXTENSIONS, FORMATS, NEEDS_POSITIONS, ExportError, ExportOptions, export
from explorer.export.atomic import write_bytes

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

IMAGE_FORMATS = ("png", "svg", "pdf")
#: Formats that take image options (scale / background / legend / title).
WITH_OPTIONS = frozenset(IMAGE_FORMATS)


def tr(text: str) -> str:
    return QCoreApplication.translate("ExportMenu", text)


class ImageOptionsDialog(QDialog):
    """Scale or width, background, legend and title for one image export."""

    def __init__(self, fmt: str, defaults: ExportOptions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fmt, self.defaults = fmt, defaults
        self.setWindowTitle(tr("Export options"))
        form = QFormLayout(self)
        self.scale = QDoubleSpinBox(self, minimum=1.0, maximum=4.0, singleStep=0.5, suffix="×")
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
        if fmt == "png":
            form.addRow(tr("Scale"), self.scale)
            form.addRow(tr("Or width (pixels)"), self.width)
        form.addRow(self.transparent)
        if fmt != "png":
            form.addRow(self.legend)
            form.addRow(self.edge_labels)
            form.addRow(tr("Title"), self.title)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

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


class ExportMenu(QMenu):
    """The Export submenu and the exports it starts."""

    finished = Signal(list)  # the paths written
    failed = Signal(str)  # the message shown

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.w = window
        self.actions_by_format = {
            fmt: self.addAction("", lambda _checked=False, f=fmt: self.ask(f)) for fmt in FORMATS
        }
        for fmt in ("html", "ttl"):
            self.insertSeparator(self.actions_by_format[fmt])
        self.error_box: QMessageBox | None = None
        self.last_error = ""
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setTitle(tr("&Export"))
        for fmt, action in self.actions_by_format.items():
            action.setText(tr(FORMATS[fmt]) + "…")

    # --- gathering a path and options -----------------------------------------------
    def default_options(self) -> ExportOptions:
        state = self.w.state
        view = self.w.graph.current_view()
        return ExportOptions(
            lang=getattr(state, "lang", "zh"),
            title=view.title,
            edge_labels=getattr(state, "edge_labels", True),
        )

    def ask(self, fmt: str) -> None:
        """Ask where (and, for images, how), then export."""
        path = self._ask_path(fmt)
        if not path:
            return
        options = self.default_options()
        if fmt in WITH_OPTIONS:
            dialog = ImageOptionsDialog(fmt, options, self.w)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            options = dialog.options()
        self.export_to(fmt, path, options)

    def _ask_path(self, fmt: str) -> str:
        if fmt == "csv":
            return QFileDialog.getExistingDirectory(
                self.w, tr("Folder for nodes.csv and edges.csv")
            )
        ext = EXTENSIONS[fmt]
        name = f"graph{ext}"
        path, _filter = QFileDialog.getSaveFileName(
            self.w, tr("Export as {0}").format(tr(FORMATS[fmt])), name, f"*{ext}"
        )
        if path and not path.lower().endswith(ext):
            path += ext
        return path

    # --- exporting ------------------------------------------------------------------
    def export_to(self, fmt: str, path: str | Path, options: ExportOptions | None = None) -> None:
        """Export the current view; ``finished`` or ``failed`` is emitted when done."""
        options = options or self.default_options()
        graph = self.w.graph
        try:
            if fmt == "png":
                scale = options.scale
                if options.width:
                    canvas = getattr(graph, "web", graph).width()
                    scale = max(0.25, min(8.0, options.width / max(canvas, 1)))
                graph.grab_canvas_png(
                    scale, options.transparent, lambda data: self._write_png(path, data)
                )
            elif fmt in NEEDS_POSITIONS:
                graph.fetch_positions(lambda pos: self._write(fmt, path, options, pos))
            else:
                self._write(fmt, path, options, None)
        except Exception as exc:  # never let an export take the app down
            self._fail(str(exc))

    def _write_png(self, path: str | Path, data: bytes) -> None:
        if not data:
            self._fail(tr("The graph could not be captured."))
            return
        try:
            self._done([write_bytes(path, data)])
        except ExportError as exc:
            self._fail(str(exc))

    def _write(self, fmt: str, path: str | Path, options: ExportOptions, positions) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            written = export(
                self.w.graph.current_view(),
                path,
                fmt,
                kg=self.w.state.kg,
                positions=positions,
                options=options,
            )
        except Exception as exc:  # ExportError, or a bug: shown, not fatal
            self._fail(str(exc) or type(exc).__name__)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._done(written)

    def _done(self, written: list[Path]) -> None:
        self.last_error = ""
        bar = self.w.statusBar()
        bar.showMessage(tr("Exported to {0}").format(", ".join(str(p) for p in written)), 8000)
        self.finished.emit(written)

    def _fail(self, message: str) -> None:
        self.last_error = message
        self.error_box = QMessageBox(
            QMessageBox.Icon.Warning, tr("Export failed"), message, parent=self.w
        )
        self.error_box.open()  # not exec(): never blocks the app (or a test)
        self.failed.emit(message)


def install_export_menu(window: QMainWindow) -> QMenu:
    """Add File › Export to *window*'s menu bar (before Quit when there is one)."""
    menu = ExportMenu(window)
    menus = getattr(window, "menus", None)
    file_menu: QMenu | None = getattr(menus, "file", None)
    if file_menu is None:
        file_menu = window.menuBar().addMenu(tr("&File"))
    quit_action = getattr(menus, "quit", None)
    actions = file_menu.actions()
    before = None
    if quit_action in actions:
        i = actions.index(quit_action)
        before = actions[i - 1] if i > 0 and actions[i - 1].isSeparator() else quit_action
    if before is None:
        file_menu.addMenu(menu)
    else:
        file_menu.insertMenu(before, menu)
    window.export_menu = menu
    return menu
