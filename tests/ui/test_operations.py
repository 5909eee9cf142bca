"""The operations runner on its own: answers on the GUI thread, cancel, newest-wins, shutdown.

Jobs here wait on events the test controls, never on a sleep being long enough.
"""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QCoreApplication

from ui.operations import OperationRunner

WAIT = 15_000


@pytest.fixture
def runner(qapp):
    runner = OperationRunner()
    yield runner
    runner.shutdown()


def test_a_job_runs_in_a_worker_and_answers_on_the_gui_thread(qtbot, runner):
    answers: list[tuple[int, int]] = []
    runner.run(
        lambda _cancel: threading.get_ident(),
        on_done=lambda worker: answers.append((worker, threading.get_ident())),
    )
    assert runner.busy()
    qtbot.waitUntil(lambda: bool(answers), timeout=WAIT)
    worker, answered_on = answers[0]
    assert worker != threading.main_thread().ident
    assert answered_on == threading.main_thread().ident
    assert not runner.busy()


def test_a_failure_reaches_on_error_not_on_done(qtbot, runner):
    done: list[object] = []
    errors: list[Exception] = []

    def job(_cancel):
        raise ValueError("the server said <b>no</b>")

    runner.run(job, on_done=done.append, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=WAIT)
    assert isinstance(errors[0], ValueError) and done == []


def test_the_newest_request_of_a_key_wins(qtbot, runner):
    gate = threading.Event()
    answers: list[str] = []

    def slow(_cancel):
        gate.wait()
        return "first"

    first = runner.run(slow, key="select", on_done=answers.append)
    other = runner.run(lambda _c: "other key", key="search", on_done=answers.append)
    second = runner.run(lambda _c: "second", key="select", on_done=answers.append)
    assert first.cancelled and not second.cancelled and not other.cancelled
    qtbot.waitUntil(lambda: sorted(answers) == ["other key", "second"], timeout=WAIT)
    gate.set()  # the superseded job ends now: its answer is dropped
    qtbot.waitUntil(lambda: not first.running(), timeout=WAIT)
    QCoreApplication.processEvents()
    assert sorted(answers) == ["other key", "second"]


def test_cancel_tells_the_job_and_drops_its_answer_at_once(qtbot, runner):
    seen: list[bool] = []
    answers: list[object] = []

    def cooperative(cancel: threading.Event):
        seen.append(cancel.wait(WAIT / 1000))  # a request that stops when told to
        return "late"

    op = runner.run(cooperative, key="connect", on_done=answers.append, on_error=answers.append)
    assert runner.cancel("connect")
    assert not runner.busy("connect") and not runner.busy()  # no longer waited for
    assert not runner.cancel("connect")  # nothing left to cancel
    qtbot.waitUntil(lambda: not op.running(), timeout=WAIT)
    QCoreApplication.processEvents()
    assert seen == [True] and answers == []


def test_inline_runs_at_once_through_the_same_callbacks(runner):
    answers: list[object] = []
    runner.run(lambda _c: 42, inline=True, on_done=answers.append)
    assert answers == [42]
    assert not runner.running_workers()


def test_shutdown_cancels_waits_with_a_bound_and_then_nothing_is_delivered(qtbot, runner):
    stuck = threading.Event()  # a worker that ignores its cancel flag (a parse, say)
    answers: list[object] = []

    def cooperative(cancel):
        cancel.wait()
        return "stopped"

    def stubborn(_cancel):
        stuck.wait()
        return "too late"

    polite = runner.run(cooperative, on_done=answers.append)
    rude = runner.run(stubborn, key="load", on_done=answers.append)
    left = runner.shutdown(timeout=0.2)
    assert not polite.running()  # stopped when told, and waited for
    assert left == [rude.thread]  # the bound held: the stubborn one was left behind
    assert rude.thread.daemon  # so it cannot keep the process alive
    after = runner.run(lambda _c: "after", on_done=answers.append)
    assert after.cancelled and after.thread is None  # a closed runner starts nothing
    stuck.set()
    qtbot.waitUntil(lambda: not rude.running(), timeout=WAIT)
    QCoreApplication.processEvents()
    assert answers == []


def test_progress_reaches_the_gui_thread_and_stops_with_a_cancel(qtbot, runner):
    reports: list[tuple[object, str, int]] = []
    gate, reported = threading.Event(), threading.Event()

    def job(control):
        control.report(0.5, "half")
        control.say("a message")
        reported.set()
        gate.wait()
        control.report(0.9, "after the cancel")  # unheard
        return "done"

    op = runner.run(
        job,
        key="index",
        on_progress=lambda f, w: reports.append((f, w, threading.get_ident())),
        on_done=reports.append,
    )
    assert reported.wait(WAIT / 1000)
    qtbot.waitUntil(lambda: len(reports) == 2, timeout=WAIT)
    assert [(f, w) for f, w, _t in reports] == [(0.5, "half"), (None, "a message")]
    assert {t for _f, _w, t in reports} == {threading.main_thread().ident}
    runner.cancel("index")
    gate.set()
    op.thread.join(WAIT / 1000)
    QCoreApplication.processEvents()
    assert len(reports) == 2


def test_a_job_started_before_its_receiver_is_followed_with_its_progress(qtbot, runner):
    gate = threading.Event()
    heard: list[object] = []

    def job(control):
        gate.wait()
        control.report(0.5, "half")
        return "loaded"

    op = runner.run(job, key="load")  # the window does not exist yet
    assert runner.follow(
        op, on_done=heard.append, on_progress=lambda f, what: heard.append((f, what))
    )
    gate.set()
    qtbot.waitUntil(lambda: "loaded" in heard, timeout=WAIT)
    assert heard == [(0.5, "half"), "loaded"]


def test_a_job_that_answered_unheard_cannot_be_followed(qtbot, runner):
    op = runner.run(lambda _c: "nobody listens", key="load")
    qtbot.waitUntil(lambda: not runner.busy("load"), timeout=WAIT)
    assert not runner.follow(op, on_done=print)  # the caller starts it again
    gate = threading.Event()
    dropped = runner.run(lambda _c: gate.wait(), key="other")
    runner.cancel("other")
    assert not runner.follow(dropped, on_done=print)  # cancelled: nothing to follow
    gate.set()
