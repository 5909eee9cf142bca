"""A function run in a forked child process, its result handed back pickled.

Python runs one thread at a time, so the second core is reached only by another
process. A forked child needs nothing sent to it: it shares the parent's bytes and
imported modules as they were at the fork. It runs the one function it was given
(no imports, no logging, no Qt), pickles the result into an unlinked temporary file
the parent opened, and ends with ``os._exit``. The parent reads that file once the
child has gone, which a pipe closed by the child's exit tells it without polling.

Only where ``fork`` is safe to use this way (Linux); :func:`available` says so.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import pickle
import select
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import Any

from .giving_way import GivingWay

#: How often a waiting parent asks whether it was cancelled (milliseconds).
_ASK_EVERY_MS = 50
#: One fork at a time: a child forked by another thread would inherit the pipe end that
#: tells its parent the first child has ended.
_FORKING = threading.Lock()


#: How long a parent waits for a child doing the work it just did itself, as a multiple
#: of its own time plus a margin, before the child is taken for hung (a fork-time deadlock).
PATIENCE = 3.0
GRACE_S = 10.0


def patience(own_seconds: float) -> float:
    """How long to wait for a child doing what took this process *own_seconds*."""
    return PATIENCE * own_seconds + GRACE_S


def cores() -> int:
    """The CPUs this process may run on: its affinity, and a container's CPU quota
    (cgroup v2 ``cpu.max``) if lower."""
    try:
        found = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        found = os.cpu_count() or 1
    try:
        quota, period = Path("/sys/fs/cgroup/cpu.max").read_text().split()[:2]
        if quota != "max":
            found = min(found, max(1, int(quota) // int(period)))
    except (OSError, ValueError):
        pass
    return found


def available() -> bool:
    """Whether work can be forked off here (Linux; whether it pays is the caller's
    question: :func:`cores`)."""
    return sys.platform.startswith("linux") and hasattr(os, "fork")


class Failed(Exception):
    """The child ended without a result (it raised, or was killed)."""


class Child:
    """``fn(*args)`` running in a forked child; :meth:`result` waits for it.

    The owner must call :meth:`result` or :meth:`stop` (``with`` does the latter): a
    child left behind is killed when its parent dies, and otherwise ends on its own.
    """

    def __init__(self, fn: Callable[..., Any], *args: Any) -> None:
        self._out = tempfile.TemporaryFile()
        die_with_parent = _parent_death_signal()  # looked up here: the child loads nothing
        parent = os.getpid()
        try:
            with _FORKING:  # no other Child forks while *done* is open here
                ready, done = os.pipe()  # the child holds *done* open until it exits
                try:
                    pid = os.fork()
                except OSError:
                    os.close(ready)
                    raise
                finally:
                    if os.getpid() == parent:
                        os.close(done)
        except OSError:
            self._out.close()
            raise
        if pid == 0:  # the child: never returns
            os.close(ready)
            _run_and_exit(fn, args, self._out, die_with_parent, parent)
        self._pid: int | None = pid
        self._ready = ready

    def result(
        self, cancelled: Callable[[], bool] | None = None, *, within: float | None = None
    ) -> Any:
        """The child's result once it has ended (Failed if it raised, was killed, or is
        still running after *within* seconds: then it is killed); *cancelled* is asked
        while waiting, and True stops the child (returns None)."""
        deadline = None if within is None else time.monotonic() + within
        try:
            waiting = select.poll()  # not select(): any descriptor number
            waiting.register(self._ready, select.POLLIN | select.POLLHUP)
            while not waiting.poll(_ASK_EVERY_MS):
                if cancelled is not None and cancelled():
                    self.stop()
                    return None
                if deadline is not None and time.monotonic() > deadline:
                    self.stop()
                    raise Failed("the child took too long")
            ok = self._reap()
            if not ok:
                raise Failed
            self._out.seek(0)
            try:  # a GUI thread beside this one keeps painting while it unpickles
                return pickle.load(GivingWay(self._out))
            except (EOFError, pickle.UnpicklingError) as exc:
                raise Failed from exc
        finally:
            self._close()

    def stop(self) -> None:
        """Kill the child if it still runs, and reap it."""
        if self._pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self._pid, signal.SIGKILL)
            self._reap()
        self._close()

    def __enter__(self) -> Child:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def _reap(self) -> bool:
        pid, self._pid = self._pid, None
        if pid is None:
            return False
        _, status = os.waitpid(pid, 0)
        return os.waitstatus_to_exitcode(status) == 0

    def _close(self) -> None:
        if self._ready >= 0:
            os.close(self._ready)
            self._ready = -1
        self._out.close()


def _run_and_exit(fn: Callable[..., Any], args: tuple, out, die_with_parent, parent: int) -> None:
    """The child's whole life. ``fn`` runs in a new thread: native libraries keep random
    state per thread (pyoxigraph's ids of anonymous blank nodes), which the fork copied,
    so a child on the forking thread would draw the very ids its parent draws."""
    code = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
        if die_with_parent is not None:
            die_with_parent(1, signal.SIGKILL)  # PR_SET_PDEATHSIG: no orphan left scanning
        if os.getppid() == parent:  # else the parent died before the line above
            for arg in args:
                _fresh_property_locks(type(arg))
            done: list = []

            def work() -> None:
                with contextlib.suppress(BaseException):
                    done.append(fn(*args))

            worker = threading.Thread(target=work)
            worker.start()
            worker.join()
            if done:
                pickle.dump(done[0], out, protocol=pickle.HIGHEST_PROTOCOL)
                out.flush()
                code = 0
    except BaseException:  # the parent learns it from the exit code
        pass
    finally:
        os._exit(code)


def _fresh_property_locks(cls: type) -> None:
    """New locks for *cls*'s cached properties: before Python 3.12 each holds one lock
    for all instances, and another thread of the parent (the GUI's, on the previous
    graph) may have held it at the fork, for ever in the child."""
    for klass in cls.__mro__:
        for prop in vars(klass).values():
            if isinstance(prop, cached_property) and hasattr(prop, "lock"):
                prop.lock = threading.RLock()


_PRCTL: list = []


def _parent_death_signal():
    """libc's ``prctl``, through which a child asks to be killed with its parent."""
    if not _PRCTL:
        try:
            _PRCTL.append(ctypes.CDLL(None).prctl)
        except (OSError, AttributeError):
            _PRCTL.append(None)
    return _PRCTL[0]
