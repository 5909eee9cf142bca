"""One runner for every background job of a window (after Anki's ``aqt/operations``).

A job is a plain function of the core: it gets a ``threading.Event`` (set when the
job is cancelled, for code that can stop early, such as a SPARQL request or a long
load) and returns a result or raises. The runner runs it off the GUI thread and
calls ``on_done(result)`` or ``on_error(exception)`` on the GUI thread, unless the
job was cancelled or superseded meanwhile: its answer is then dropped, unheard.

Ownership and shutdown, and why they are built this way:

- Workers are plain Python daemon threads, one per job, held by the runner. They
  are not ``QThread`` objects and they own no ``QObject``: Qt never has a running
  thread to destroy (``QThread: Destroyed while thread is still running`` aborted the
  app), and a worker can never emit through a widget that is being deleted (the
  segfault when a window closed during a load).
- A worker hands its answer to one module-wide relay ``QObject`` that lives as long
  as the application, under the runner's lock and only while the runner is open;
  the relay calls back on the GUI thread, where the runner checks the job is still
  the newest of its key and not cancelled.
- :meth:`OperationRunner.shutdown` (the window calls it before its widgets go)
  closes the runner under that lock, so no answer is delivered after it returns,
  cancels every job and waits for the workers up to a bound. A worker still stuck
  after that (a parse that cannot be interrupted, a server that never answers)
  runs on unheard and, being a daemon thread, never keeps the process alive.

"Newest request wins": a job started with a *key* (``"select"``, ``"search"``…)
cancels the previous job of that key. ``inline=True`` runs the job at once on the
calling thread, through the same callbacks: used for sources whose reads are
instant (see :func:`reads_may_block`), so a local graph answers synchronously.
"""

from __future__ import annotations

import itertools
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

SHUTDOWN_WAIT_S = 1.0  # how long closing a window waits for its workers at most

Job = Callable[["JobControl"], Any]


class JobControl(threading.Event):
    """What a job is handed: its cancel flag (set when it is cancelled or superseded),
    which also carries its progress to the GUI thread (``on_progress``), so a core
    function can take ``cancelled=control.is_set, progress=control.report``."""

    def __init__(self) -> None:
        super().__init__()
        self._sink: Callable[[float | None, str], None] | None = None

    def report(self, fraction: float | None, what: str = "") -> None:
        """*fraction* done (0..1; ``None``: a message only), and what is being done."""
        if self._sink is not None and not self.is_set():
            self._sink(fraction, what)

    def say(self, message: str) -> None:
        """A one-line message for the status bar (e.g. a damaged cache rebuilt)."""
        self.report(None, message)


def reads_may_block(kg: object) -> bool:
    """Whether reading *kg* may wait on the network (a SPARQL endpoint): then every read
    goes to a worker. Files, small or store-backed, answer from memory or local disk."""
    sparql = sys.modules.get("explorer.sources.sparql")  # not imported: no endpoint exists
    return sparql is not None and isinstance(kg, sparql.EndpointGraph)


class Operation:
    """One job: its cancel flag, its callbacks and its worker (a handle for the caller)."""

    __slots__ = (
        "cancel_event",
        "job",
        "key",
        "number",
        "on_done",
        "on_error",
        "on_progress",
        "thread",
        "what",
    )

    def __init__(
        self,
        number: int,
        key: str | None,
        what: str,
        job: Job,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[Exception], None] | None,
        on_progress: Callable[[float | None, str], None] | None = None,
    ) -> None:
        self.number, self.key, self.what, self.job = number, key, what, job
        self.on_done, self.on_error, self.on_progress = on_done, on_error, on_progress
        self.cancel_event = JobControl()
        self.thread: threading.Thread | None = None

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()

    def running(self) -> bool:
        """Whether its worker is still computing (cancelled or not)."""
        return self.thread is not None and self.thread.is_alive()

    def __repr__(self) -> str:
        return f"<Operation {self.number} {self.key or ''} {self.what!r}>"


class _Relay(QObject):
    """Carries finished jobs from workers to the GUI thread (one for the application)."""

    arrived = Signal(object, object, object)  # Operation, result, exception
    progressed = Signal(object, object, str)  # Operation, fraction or None, what

    @Slot(object, object, object)
    def deliver(self, op: Operation, result: object, error: object) -> None:
        runner = _owners.get(op.number)
        if runner is not None:
            runner._finish(op, result, error)

    @Slot(object, object, str)
    def deliver_progress(self, op: Operation, fraction: object, what: str) -> None:
        runner = _owners.get(op.number)  # gone once answered, dropped or shut down
        if runner is not None and not op.cancelled and op.on_progress is not None:
            op.on_progress(fraction, what)  # type: ignore[arg-type]


_relay: _Relay | None = None
_owners: dict[int, OperationRunner] = {}  # operation number -> runner, while it may answer
_numbers = itertools.count(1)


def _the_relay() -> _Relay:
    global _relay
    if _relay is None:  # created on the GUI thread, by the first runner
        _relay = _Relay()
        _relay.arrived.connect(_relay.deliver)  # queued from workers: they live elsewhere
        _relay.progressed.connect(_relay.deliver_progress)
    return _relay


class OperationRunner:
    """Runs, cancels and outlives every background job of one window (not a QObject:
    nothing of Qt's can be deleted under a worker's feet)."""

    def __init__(self) -> None:
        self._relay = _the_relay()
        self._lock = threading.Lock()
        self._closed = False
        self._ops: dict[int, Operation] = {}  # started, not yet answered or dropped
        self._current: dict[str, Operation] = {}  # the newest job of each key
        self._workers: set[threading.Thread] = set()

    # --- starting and stopping ----------------------------------------------------------
    def run(
        self,
        job: Job,
        *,
        key: str | None = None,
        what: str = "",
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
        on_progress: Callable[[float | None, str], None] | None = None,
        inline: bool = False,
    ) -> Operation:
        """Start *job*; *on_done* / *on_error* (and *on_progress* for what the job
        reports) follow on the GUI thread unless it is cancelled first. A job with a
        *key* cancels the running job of that key. *inline*: run it now, on this thread
        (instant sources only)."""
        op = Operation(next(_numbers), key, what, job, on_done, on_error, on_progress)
        if key is not None:
            self.cancel(key)
        if self._closed:  # the window is closing: nothing new starts
            op.cancel_event.set()
            return op
        if inline:
            result, error = _call(op)
            self._apply(op, result, error)
            return op
        if key is not None:
            self._current[key] = op
        self._ops[op.number] = op
        _owners[op.number] = self
        if on_progress is not None:
            op.cancel_event._sink = lambda f, w: self._relay.progressed.emit(op, f, w)
        op.thread = threading.Thread(
            target=self._work, args=(op,), name=f"kg-op-{op.number}-{key or what}", daemon=True
        )
        self._workers.add(op.thread)
        op.thread.start()
        return op

    def follow(
        self,
        op: Operation,
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
        on_progress: Callable[[float | None, str], None] | None = None,
    ) -> bool:
        """Give a job started without callbacks (the app's first file, which loads while
        the window is being built) its receivers. False if it has already answered or
        was dropped: nobody heard it, and the caller starts it again."""
        if self._ops.get(op.number) is not op or op.cancelled:
            return False
        op.on_done, op.on_error, op.on_progress = on_done, on_error, on_progress
        if on_progress is not None:
            op.cancel_event._sink = lambda f, w: self._relay.progressed.emit(op, f, w)
        return True

    def cancel(self, key: str) -> bool:
        """Cancel the job of *key*: its answer is dropped at once; False if none runs."""
        op = self._current.get(key)
        if op is None:
            return False
        self._drop(op)
        return True

    def cancel_op(self, op: Operation) -> None:
        """Cancel one job (whatever its key)."""
        self._drop(op)

    def busy(self, key: str | None = None) -> bool:
        """Whether a job (of *key*) is under way and will still answer."""
        if key is not None:
            return key in self._current
        return bool(self._ops)

    def running_workers(self) -> list[threading.Thread]:
        """Workers still computing, cancelled ones included (for tests and diagnostics)."""
        return [t for t in list(self._workers) if t.is_alive()]

    def shutdown(self, timeout: float = SHUTDOWN_WAIT_S) -> list[threading.Thread]:
        """Cancel every job and wait for the workers, at most *timeout* seconds in all.

        After this returns no callback runs and nothing new starts. The workers still
        running are returned: daemon threads, they cannot keep the process alive.
        """
        with self._lock:  # a worker delivering now finishes first; none after this
            self._closed = True
        for op in list(self._ops.values()):
            self._drop(op)
        deadline = time.monotonic() + max(0.0, timeout)
        for thread in list(self._workers):
            thread.join(max(0.0, deadline - time.monotonic()))
        return self.running_workers()

    @property
    def closed(self) -> bool:
        return self._closed

    # --- the worker's side -------------------------------------------------------------
    def _work(self, op: Operation) -> None:
        result, error = _call(op)
        try:
            with self._lock:  # shutdown() cannot pass while this hands over
                if not self._closed and not op.cancelled:
                    self._relay.arrived.emit(op, result, error)
        finally:
            self._workers.discard(threading.current_thread())

    # --- the GUI thread's side ---------------------------------------------------------
    def _finish(self, op: Operation, result: object, error: object) -> None:
        if self._ops.pop(op.number, None) is None or op.cancelled or self._closed:
            return  # dropped meanwhile
        _owners.pop(op.number, None)
        if op.key is not None and self._current.get(op.key) is op:
            del self._current[op.key]
        self._apply(op, result, error)

    def _apply(self, op: Operation, result: object, error: object) -> None:
        if isinstance(error, BaseException):
            if op.on_error is None:
                raise error
            op.on_error(error)  # type: ignore[arg-type]
        elif op.on_done is not None:
            op.on_done(result)

    def _drop(self, op: Operation) -> None:
        op.cancel_event.set()
        self._ops.pop(op.number, None)
        _owners.pop(op.number, None)
        if op.key is not None and self._current.get(op.key) is op:
            del self._current[op.key]


def _call(op: Operation) -> tuple[object, Exception | None]:
    from explorer.sources.sparql_http import cancel_when

    try:
        with cancel_when(op.cancel_event.is_set):  # an endpoint request stops mid-reply
            return op.job(op.cancel_event), None
    except Exception as exc:  # handed to on_error on the GUI thread, never raised in a worker
        return None, exc
