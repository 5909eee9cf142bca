"""``--screenshot``: render the main window offscreen once the graph has drawn, save a PNG."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer

SIZE = (1440, 900)
TIMEOUT_MS = 30_000  # for the page to draw
LOAD_TIMEOUT_MS = 600_000  # for the file to load: a 10M-triple file's first open takes ~1 min
SETTLE_MS = 300  # after the page reports a drawn frame, let the compositor deliver it


def _wait(app, condition, timeout_ms: int = TIMEOUT_MS) -> bool:
    loop = QEventLoop()
    timer = QTimer(singleShot=True, interval=timeout_ms)
    timer.timeout.connect(loop.quit)
    poll = QTimer(interval=20)
    poll.timeout.connect(lambda: condition() and loop.quit())
    timer.start()
    poll.start()
    if not condition():
        loop.exec()
    poll.stop()
    return condition()


def _pause(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def take_screenshot(app, window, out: str, *, select: str | None, has_file: bool) -> int:
    """Show *window* offscreen, optionally select *select*, save *out*; 0 on success."""
    window.resize(*SIZE)
    window.show()
    if has_file and not _wait(app, lambda: not window.is_loading(), LOAD_TIMEOUT_MS):
        print("kg-explorer: the file did not load in time", file=sys.stderr)
        window.close()  # the runner lets go of the load: the process exits
        return 1
    if window.last_error is not None:
        print(f"kg-explorer: {window.last_error}", file=sys.stderr)
        return 1
    graph = window.graph
    if not _wait(app, lambda: graph.is_ready() and graph.view_is_drawn()):
        print("kg-explorer: the graph page did not draw", file=sys.stderr)
        return 1
    if select:
        node_id = window.state.resolve(select)
        if node_id is None:
            print(f"kg-explorer: no entity matches {select!r}", file=sys.stderr)
            return 2
        before = graph.draw_count
        window.state.show_neighbourhood(node_id)  # readable: the entity and its relations
        window.state.select(node_id)
        graph.run_js("kg.network.redraw()")
        _wait(app, lambda: graph.draw_count > before, 5_000)
    _pause(SETTLE_MS)
    target = Path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(target), "PNG"):
        print(f"kg-explorer: could not write {target}", file=sys.stderr)
        return 1
    print(target)
    window.close()
    return 0
