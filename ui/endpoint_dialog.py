"""File › Connect to SPARQL endpoint…: ask for the endpoint, connect off the GUI thread.

The dialog asks for a URL, an optional default graph and optional HTTP basic
credentials. Connecting (and the first bounded queries the opening view needs)
runs through the window's ``OperationRunner``, so a dead, hanging or dripping
endpoint never freezes the window and Cancel stops waiting at once; on success the
main window switches to the remote graph, on failure a message (plain text: it may
be the server's HTML page) says what failed and the previous graph stays.
Credentials live only in the dialog's fields and the connection object: never in
settings or logs.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from explorer.errors import LoadError

from .dialogs import plain_message_box

_LAST_URL = "endpoint/last_url"
_LAST_GRAPH = "endpoint/last_graph"


def connect_endpoint_job(url: str, graph: str | None, auth, timeout: float):
    """Connect and prefetch what the first screen shows (the whole-graph view, tree roots).

    Runs in a worker; the credentials live in this call only."""
    from explorer import views
    from explorer.sources.sparql import EndpointGraph

    endpoint = EndpointGraph(url, default_graph=graph, auth=auth, timeout=timeout)
    views.whole(endpoint, cap=500)  # answers are cached for the GUI thread
    endpoint.hierarchy.roots()
    endpoint.figures()
    return endpoint


CONNECT_KEY = "connect"


class EndpointDialog(QDialog):
    """URL, default graph, user and password; Connect runs in the background."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("endpointDialog")
        self.setWindowTitle(self.tr("Connect to SPARQL endpoint"))
        self._window = window
        self.url = QLineEdit(self, placeholderText="https://example.org/sparql")
        self.default_graph = QLineEdit(self, placeholderText=self.tr("(optional)"))
        self.user = QLineEdit(self, placeholderText=self.tr("(optional)"))
        self.password = QLineEdit(self, echoMode=QLineEdit.EchoMode.Password)
        self.timeout = QDoubleSpinBox(self, minimum=1, maximum=120, value=10, suffix=" s")
        settings = getattr(window, "settings", None)
        if settings is not None:
            self.url.setText(str(settings.value(_LAST_URL, "") or ""))
            self.default_graph.setText(str(settings.value(_LAST_GRAPH, "") or ""))
        form = QFormLayout()
        form.addRow(self.tr("Endpoint URL"), self.url)
        form.addRow(self.tr("Default graph"), self.default_graph)
        form.addRow(self.tr("User"), self.user)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Timeout"), self.timeout)
        self.status = QLabel(self, wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.busy = QProgressBar(self, textVisible=False)
        self.busy.setRange(0, 0)
        self.busy.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Connect"))
        self.buttons.accepted.connect(self.connect_endpoint)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)

    def connect_endpoint(self) -> None:
        """Start connecting in a worker; the window stays usable meanwhile."""
        url = self.url.text().strip()
        if not url:
            self.status.setText(self.tr("Enter the endpoint's URL."))
            return
        user = self.user.text()
        auth = (user, self.password.text()) if user else None
        graph, timeout = self.default_graph.text().strip() or None, self.timeout.value()
        self._set_busy(True)
        self.status.setText(self.tr("Connecting…"))
        self._window.runner.run(
            lambda _cancel: connect_endpoint_job(url, graph, auth, timeout),
            key=CONNECT_KEY,
            what=url,
            on_done=self._on_connected,
            on_error=self._on_failed,
        )

    def connecting(self) -> bool:
        return self._window.runner.busy(CONNECT_KEY)

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not busy)
        for field in (self.url, self.default_graph, self.user, self.password):
            field.setEnabled(not busy)

    def reject(self) -> None:
        """Cancel: stop waiting at once (a connection under way is dropped, unheard)."""
        self._window.runner.cancel(CONNECT_KEY)
        self._set_busy(False)
        super().reject()

    def _on_connected(self, graph) -> None:
        self._set_busy(False)
        self.password.clear()
        settings = getattr(self._window, "settings", None)
        if settings is not None:  # the URL without credentials; never user or password
            settings.set(_LAST_URL, graph.source)
            settings.set(_LAST_GRAPH, self.default_graph.text().strip())
        hand_over(self._window, graph)
        self.accept()

    def _on_failed(self, error: Exception) -> None:
        # an odd answer must not kill the app; it is named, never shown as a traceback
        message = str(error) if isinstance(error, LoadError) else f"unexpected error: {error}"
        self._set_busy(False)
        self.status.setText(message)
        self.error_box = plain_message_box(
            self,
            "endpointErrorDialog",
            self.tr("Could not connect"),
            message,
            self.tr("The previous graph is still open."),
        )


def hand_over(window: QMainWindow, graph) -> None:
    """Make *graph* the window's graph, the way the window installs a loaded file."""
    window.source = graph.source
    window.state.set_graph(graph)
    window.statusBar().showMessage(window.tr("Connected to %1").replace("%1", graph.source), 5000)


def install_endpoint_menu(window: QMainWindow) -> QAction:
    """Add File › Connect to SPARQL endpoint… (after Open, else at the end of File)."""
    menus = getattr(window, "menus", None)
    file_menu: QMenu | None = getattr(menus, "file", None)
    if file_menu is None:
        file_menu = window.menuBar().addMenu(window.tr("&File"))
    action = QAction(window.tr("Connect to SPARQL endpoint…"), window)
    action.setObjectName("connectEndpointAction")
    action.triggered.connect(lambda: open_endpoint_dialog(window))
    actions = file_menu.actions()
    opener = getattr(menus, "open", None)
    if opener in actions and actions.index(opener) + 1 < len(actions):
        file_menu.insertAction(actions[actions.index(opener) + 1], action)
    else:
        file_menu.addAction(action)
    return action


def open_endpoint_dialog(window: QWidget) -> EndpointDialog:
    dialog = EndpointDialog(window)  # type: ignore[arg-type]
    window.endpoint_dialog = dialog  # type: ignore[attr-defined] (MainWindow declares it)
    dialog.open()
    return dialog
