"""File › Connect to SPARQL endpoint…: ask for the endpoint, connect off the GUI thread.

The dialog asks for a URL, an optional default graph and optional HTTP basic
credentials. Connecting (and the first bounded queries the opening view needs)
runs in a ``QThreadPool`` task, so a dead or slow endpoint never freezes the
window; on success the main window switches to the remote graph, on failure a
message says what failed and the previous graph stays. Credentials live only in
the dialog's fields and the connection object: never in settings or logs.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
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
    QMessageBox,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from explorer.errors import LoadError

_LAST_URL = "endpoint/last_url"
_LAST_GRAPH = "endpoint/last_graph"


class _Signals(QObject):
    connected = Signal(object, int)  # EndpointGraph, attempt number
    failed = Signal(str, int)  # message, attempt number


class ConnectTask(QRunnable):
    """Connect and prefetch what the first screen shows (the whole-graph view, tree roots)."""

    def __init__(self, attempt: int, url: str, graph: str | None, auth, timeout: float) -> None:
        super().__init__()
        self.signals = _Signals()
        self._attempt, self._url, self._graph = attempt, url, graph
        self._auth, self._timeout = auth, timeout

    @Slot()
    def run(self) -> None:
        from explorer import views
        from explorer.sources.sparql import EndpointGraph

        try:
            graph = EndpointGraph(
                self._url, default_graph=self._graph, auth=self._auth, timeout=self._timeout
            )
            views.whole(graph, cap=500)  # answers are cached for the GUI thread
            graph.hierarchy.roots()
            graph.figures()
        except LoadError as exc:
            self.signals.failed.emit(str(exc), self._attempt)
            return
        except Exception as exc:  # an odd answer must not kill the app
            self.signals.failed.emit(f"unexpected error: {exc}", self._attempt)
            return
        finally:
            self._auth = None
        self.signals.connected.emit(graph, self._attempt)


class EndpointDialog(QDialog):
    """URL, default graph, user and password; Connect runs in the background."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("endpointDialog")
        self.setWindowTitle(self.tr("Connect to SPARQL endpoint"))
        self._window = window
        self._attempt = 0
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
        self.status = QLabel(self, wordWrap=True)
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
        """Start connecting in the thread pool; the window stays usable meanwhile."""
        url = self.url.text().strip()
        if not url:
            self.status.setText(self.tr("Enter the endpoint's URL."))
            return
        user = self.user.text()
        auth = (user, self.password.text()) if user else None
        self._attempt += 1
        task = ConnectTask(
            self._attempt,
            url,
            self.default_graph.text().strip() or None,
            auth,
            self.timeout.value(),
        )
        task.signals.connected.connect(self._on_connected)
        task.signals.failed.connect(self._on_failed)
        self._set_busy(True)
        self.status.setText(self.tr("Connecting…"))
        self._task = task  # keep its signal object alive until it reports
        QThreadPool.globalInstance().start(task)

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not busy)
        for field in (self.url, self.default_graph, self.user, self.password):
            field.setEnabled(not busy)

    def reject(self) -> None:
        self._attempt += 1  # a connection still under way is ignored when it ends
        self._set_busy(False)
        super().reject()

    def _on_connected(self, graph, attempt: int) -> None:
        if attempt != self._attempt:
            return
        self._set_busy(False)
        self.password.clear()
        settings = getattr(self._window, "settings", None)
        if settings is not None:  # the URL without credentials; never user or password
            settings.set(_LAST_URL, graph.source)
            settings.set(_LAST_GRAPH, self.default_graph.text().strip())
        hand_over(self._window, graph)
        self.accept()

    def _on_failed(self, message: str, attempt: int) -> None:
        if attempt != self._attempt:
            return
        self._set_busy(False)
        self.status.setText(message)
        box = QMessageBox(self)
        box.setObjectName("endpointErrorDialog")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Could not connect"))
        box.setText(message)
        box.setInformativeText(self.tr("The previous graph is still open."))
        box.open()
        self.error_box = box


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
