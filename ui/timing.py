"""What the user waits for, measured the way they meet it: seconds since the process
started (interpreter start-up included), and the GUI thread's longest stall.

Both feed ``-v`` log lines that ``benchmarks/bench_open.py`` reads, so the figures in
the benchmark are the ones a user can reproduce with ``kg-explorer FILE -v``.
"""

from __future__ import annotations

import os
import time

from PySide6.QtCore import QObject, QTimer

_IMPORTED = time.perf_counter()  # the fallback origin, where /proc is not available


def since_start() -> float:
    """Seconds since this process started (Linux: its start time in ``/proc/self/stat``,
    10 ms resolution; elsewhere since this module was imported)."""
    try:
        with open("/proc/self/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")  # field 22: starttime, in ticks
        return time.clock_gettime(time.CLOCK_BOOTTIME) - started
    except (OSError, ValueError, IndexError, AttributeError):
        return time.perf_counter() - _IMPORTED


class StallProbe(QObject):
    """A timer ticking every *interval_ms* on the GUI thread; the longest gap between two
    ticks is how long the GUI could not answer (a worker holding the GIL, a long slot)."""

    def __init__(self, interval_ms: int = 10, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self.longest = 0.0  # seconds

    def start(self) -> None:
        self.longest = 0.0
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> float:
        """Stop ticking; the longest stall in seconds (the gap up to now included)."""
        if self._timer.isActive():
            self._tick()
            self._timer.stop()
        return self.longest

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now
