"""Messages shown without blocking: the app (and its tests) keep running while they are open."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from explorer.errors import LoadError


def load_error_box(parent: QWidget, error: LoadError, path: str) -> QMessageBox:
    """A window-modal, non-blocking box naming the file, the line and the problem."""
    box = QMessageBox(parent)
    box.setObjectName("loadErrorDialog")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(parent.tr("Could not open the file"))
    box.setText(parent.tr("Could not open %1.").replace("%1", path or error.source))
    where = []
    if error.line is not None:
        where.append(parent.tr("line %1").replace("%1", str(error.line)))
    if error.column is not None:
        where.append(parent.tr("column %1").replace("%1", str(error.column)))
    detail = (", ".join(where) + ": " if where else "") + error.message
    box.setInformativeText(detail + "\n\n" + parent.tr("The previous graph is still open."))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.open()
    return box
