"""Messages shown without blocking: the app (and its tests) keep running while they are open.

What they say comes from files and servers (an endpoint's HTML error page, a label
with ``<img src=x>``), so it is shown as plain text: Qt would otherwise guess it is
rich text, draw its tags and open its links.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from explorer.errors import LoadError


def plain_message_box(
    parent: QWidget, name: str, title: str, text: str, informative: str = ""
) -> QMessageBox:
    """A window-modal, non-blocking warning whose text is never read as HTML or a link."""
    box = QMessageBox(parent)
    box.setObjectName(name)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.setInformativeText(informative)
    for label in box.findChildren(QLabel):  # QMessageBox opens links by default
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setOpenExternalLinks(False)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.open()
    return box


def load_error_box(parent: QWidget, error: LoadError, path: str) -> QMessageBox:
    """A box naming the file, the line and the problem."""
    where = []
    if error.line is not None:
        where.append(parent.tr("line %1").replace("%1", str(error.line)))
    if error.column is not None:
        where.append(parent.tr("column %1").replace("%1", str(error.column)))
    detail = (", ".join(where) + ": " if where else "") + error.message
    return plain_message_box(
        parent,
        "loadErrorDialog",
        parent.tr("Could not open the file"),
        parent.tr("Could not open %1.").replace("%1", path or error.source),
        detail + "\n\n" + parent.tr("The previous graph is still open."),
    )
