"""Loading a graph off the GUI thread: parse, build, index, then hand it back."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from explorer.errors import LoadError


class _Loader(QObject):
    loaded = Signal(object, str)  # KnowledgeGraph, path
    failed = Signal(object, str)  # LoadError, path

    def __init__(self, path: str | None) -> None:
        super().__init__()
        self.path = path

    @Slot()
    def run(self) -> None:
        from explorer.sources.opening import open_for_window

        label = self.path or ""
        try:
            kg = open_for_window(self.path)  # cached index, first view, roots, search: off the GUI
        except LoadError as exc:
            self.failed.emit(exc, label)
            return
        except Exception as exc:  # a bug or an odd file must not kill the app
            self.failed.emit(LoadError(f"unexpected error: {exc}", source=label), label)
            return
        self.loaded.emit(kg, label)


class GraphLoader(QObject):
    """Starts one load at a time in a QThread; emits ``loaded`` or ``failed`` on the GUI thread."""

    started = Signal(str)
    loaded = Signal(object, str)
    failed = Signal(object, str)
    cancelled = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: QThread | None = None
        self._worker: _Loader | None = None
        self._abandoned: list[tuple[QThread, _Loader]] = []  # cancelled loads still finishing

    def busy(self) -> bool:
        return self._thread is not None

    def cancel(self) -> bool:
        """Abandon the running load: its result is dropped, the current graph stays.

        A parse cannot be interrupted half-way, so the thread runs on to its end in
        the background, unheard, and is deleted when it finishes.
        """
        thread, worker = self._thread, self._worker
        if thread is None or worker is None:
            return False
        worker.loaded.disconnect(self._on_loaded)
        worker.failed.disconnect(self._on_failed)
        # quit() is thread-safe; a direct call still works while the GUI thread waits in shutdown()
        direct = Qt.ConnectionType.DirectConnection
        worker.loaded.connect(thread.quit, direct)
        worker.failed.connect(thread.quit, direct)
        thread.finished.connect(worker.deleteLater)
        thread.finished.connect(thread.deleteLater)
        # Python owns the worker: keep both referenced until the thread has finished.
        pair = (thread, worker)
        self._abandoned.append(pair)
        thread.finished.connect(lambda p=pair: self._forget(p))
        self._thread, self._worker = None, None
        self.cancelled.emit()
        return True

    def load(self, path: str | None) -> bool:
        """Load *path* (``None``: the bundled article); False if a load is already running."""
        if self._thread is not None:
            return False
        self._thread = QThread(self)
        self._worker = _Loader(path)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.loaded.connect(self._on_loaded)
        self._worker.failed.connect(self._on_failed)
        self.started.emit(path or "")
        self._thread.start()
        return True

    def _forget(self, pair: tuple[QThread, _Loader]) -> None:
        if pair in self._abandoned:
            self._abandoned.remove(pair)

    def shutdown(self) -> None:
        """Wait for every load still running (the current one is cancelled first).

        Called when the window closes: Qt aborts the process if a QThread is destroyed
        while it still runs, and a parse cannot be interrupted.
        """
        self.cancel()
        for thread, _worker in list(self._abandoned):
            if shiboken6.isValid(thread):  # one deleted on finishing has nothing to wait for
                thread.wait()
        self._abandoned.clear()

    def _finish(self) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread.deleteLater()
            self._worker.deleteLater()
        self._thread, self._worker = None, None

    def _on_loaded(self, kg, path: str) -> None:
        if self.sender() is not self._worker:  # a cancelled load's late answer
            return
        self._finish()
        self.loaded.emit(kg, path)

    def _on_failed(self, error, path: str) -> None:
        if self.sender() is not self._worker:
            return
        self._finish()
        self.failed.emit(error, path)
