"""The load job: parse, build, index a graph off the GUI thread (run by ``OperationRunner``)."""

from __future__ import annotations

import threading

from explorer.errors import LoadError

LOAD_KEY = "load"  # one load at a time


def as_load_error(exc: Exception, path: str | None) -> LoadError:
    """What a failed load says: a ``LoadError`` naming the file."""
    if isinstance(exc, LoadError):
        return exc
    return LoadError(f"unexpected error: {exc}", source=path or "")


def load_graph(path: str | None, cancel: threading.Event):
    """The graph at *path* (``None``: the bundled article), its first screen computed.

    Runs in a worker; a failure reaches the window through :func:`as_load_error`.
    *cancel* is checked between steps (a parse itself cannot be interrupted); the
    rest of the index (``finish_in_background``) is not run here.
    """
    from explorer.sources.opening import open_for_window

    # cached index, first view, roots, search: off the GUI (OpenCancelled once cancelled)
    return open_for_window(path, cancelled=cancel.is_set)
