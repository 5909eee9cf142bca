"""The background part of a load: pinyin and typo search and a large file's cache entry
(``explorer.sources.opening.finish_in_background``), after the first frame.

It starts once the page has drawn the loaded file's view, not when the load answers:
that work holds the GIL for long stretches, and started at once it delayed the first
frame by seconds on a large file. It runs in the window's runner (which cancels it with
the next load and stops it before the window's widgets go). With ``-v`` it logs when
the view was drawn and the GUI thread's longest stall while it ran.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from .graph_view import GraphWidget
from .operations import OperationRunner
from .timing import StallProbe, since_start
from .workers import INDEX_KEY, finish_index

log = logging.getLogger(__name__)

#: How long the background part waits for the page to draw, at most (a page that never
#: reports a draw must not leave search without pinyin and typos).
AT_LATEST_MS = 10_000

Progress = Callable[[float | None, str], None]


def graph_name(kg) -> str:
    """How the log names a graph: its file's name (the article has none)."""
    return Path(kg.source).name if kg.source and kg.source != "article" else "the article graph"


class IndexAfterDraw(QObject):
    """Schedules, runs and reports the background part of each load of one window."""

    #: The background part of the graph on show has finished (search is complete now).
    finished = Signal()

    def __init__(
        self,
        runner: OperationRunner,
        graph: GraphWidget,
        *,
        on_progress: Progress,
        on_error: Callable[[Exception], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.enabled = True  # False: loads get no background part (``--screenshot``)
        self._runner, self._graph = runner, graph
        self._on_progress, self._on_error = on_progress, on_error
        self._waiting = None  # a loaded graph whose view is not drawn yet
        self._timer = QTimer(self, singleShot=True, interval=AT_LATEST_MS)
        self._timer.timeout.connect(self._start)
        self._stall: StallProbe | None = None  # with -v only: it costs a wake-up per 10 ms
        self._window_drawn = False
        graph.view_drawn.connect(self._on_view_drawn)

    def loaded(self, kg) -> None:
        """*kg*'s load has answered (logged: the window installs it next)."""
        log.info("%s loaded %.2f s after the process started", graph_name(kg), since_start())

    def schedule(self, kg) -> None:
        """*kg* has just been installed: index it once its view is drawn."""
        self._waiting = kg
        if self._graph.view_is_drawn():
            self._start()
        else:
            self._timer.start()

    def cancel(self) -> None:
        """The graph is moot (another load starts, the window closes)."""
        self._waiting = None
        self._timer.stop()
        self._runner.cancel(INDEX_KEY)
        if self._stall is not None:
            self._stall.stop()

    def busy(self) -> bool:
        """Whether a loaded graph's background part waits for its draw or runs."""
        return self._waiting is not None or self._runner.busy(INDEX_KEY)

    def _on_view_drawn(self) -> None:
        if not self._window_drawn:  # the window's first frame with a graph in it
            self._window_drawn = True
            log.info("window drawn %.2f s after the process started", since_start())
        self._start()

    def _start(self) -> None:
        kg, self._waiting = self._waiting, None
        if kg is None:  # a later view drawn, or nothing loaded
            return
        self._timer.stop()
        if not self._graph.view_is_drawn():
            log.warning("the graph page did not draw in %d ms", AT_LATEST_MS)
        log.info("%s drawn %.2f s after the process started", graph_name(kg), since_start())
        if not self.enabled:
            return
        started = time.perf_counter()
        if log.isEnabledFor(logging.INFO):
            self._stall = self._stall or StallProbe(parent=self)
            self._stall.start()
        self._runner.run(
            lambda control: finish_index(kg, control),
            key=INDEX_KEY,
            what=str(kg.source),
            on_done=lambda _done: self._done(kg, started),
            on_error=self._failed,
            on_progress=self._on_progress,
        )

    def _done(self, kg, started: float) -> None:
        self._on_progress(1.0, "")
        self.finished.emit()
        if self._stall is not None:
            log.info(
                "%s indexed in the background in %.2f s; the GUI thread's longest stall "
                "meanwhile %.0f ms",
                graph_name(kg),
                time.perf_counter() - started,
                1000 * self._stall.stop(),
            )

    def _failed(self, exc: Exception) -> None:
        if self._stall is not None:
            self._stall.stop()
        self._on_error(exc)
