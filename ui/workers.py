"""The load job: parse, build, index a graph off the GUI thread (run by ``OperationRunner``)."""

from __future__ import annotations

from explorer.errors import LoadError

from .operations import JobControl, Operation, OperationRunner

LOAD_KEY = "load"  # one load at a time
INDEX_KEY = "index"  # the background part of the newest load


def as_load_error(exc: Exception, path: str | None) -> LoadError:
    """What a failed load says: a ``LoadError`` naming the file."""
    if isinstance(exc, LoadError):
        return exc
    return LoadError(f"unexpected error: {exc}", source=path or "")


def start_load(runner: OperationRunner, path: str | None, **callbacks) -> Operation:
    """Start loading *path* in *runner* (the one load at a time, under ``LOAD_KEY``)."""
    return runner.run(
        lambda control: load_graph(path, control), key=LOAD_KEY, what=path or "", **callbacks
    )


def load_graph(path: str | None, control: JobControl):
    """The graph at *path* (``None``: the bundled article), its first screen computed.

    Runs in a worker; a failure reaches the window through :func:`as_load_error`.
    *control* is checked between steps (a parse itself cannot be interrupted) and
    carries the progress; the rest of the index is :func:`finish_index`'s.
    """
    from explorer.sources.opening import open_for_window

    # cached index, first view, roots, search: off the GUI (OpenCancelled once cancelled)
    return open_for_window(
        path, cancelled=control.is_set, progress=control.report, notice=control.say
    )


def finish_index(kg, control: JobControl) -> bool:
    """What the first screen did not need (pinyin and typo search, the cache entry of a
    large file), after the window shows the graph; False if cancelled."""
    from explorer.sources.opening import finish_in_background

    return finish_in_background(
        kg, cancelled=control.is_set, progress=control.report, notice=control.say
    )
