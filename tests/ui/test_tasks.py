"""The one progress dialog for long jobs (kehu.ui.tasks.run_job): Cancel stops the job at
its next progress report, the dialog closes, and no error box appears."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton, QWidget

from kehu.core.changes import Changes
from kehu.core.jobs import Cancelled, Job
from kehu.ui import errors
from kehu.ui.operations import ChangeHub, perform_in_background
from kehu.ui.tasks import TaskRunner, run_job


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def runner():
    tasks = TaskRunner(threads=1)
    yield tasks
    tasks.cancel_all()
    tasks.wait()


@pytest.fixture
def no_error_boxes(monkeypatch):
    shown: list[object] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a))
    monkeypatch.setattr(errors, "show_unexpected", lambda *a, **k: shown.append(a))
    return shown


class SlowJob:
    """Reports progress until cancelled; remembers what the work saw."""

    def __init__(self) -> None:
        self.started = threading.Event()
        self.seen: list[str] = []

    def __call__(self, job: Job) -> str:
        job.stage("Writing", 1000)
        self.started.set()
        try:
            for done in range(1000):
                job.progress(done)
                threading.Event().wait(0.01)
        except Cancelled:
            self.seen.append("cancelled")
            raise
        self.seen.append("finished")
        return "written"


def _cancel_button_click(dialog: QProgressDialog) -> None:
    (button,) = dialog.findChildren(QPushButton)
    button.click()


def test_cancel_on_the_dialog_cancels_the_running_job(qtbot, parent, runner, no_error_boxes):
    work = SlowJob()
    outcome: dict[str, object] = {}
    dialog = run_job(
        runner,
        parent,
        "Exporting…",
        work,
        on_success=lambda result: outcome.setdefault("success", result),
        on_failure=lambda exc: outcome.setdefault("failure", exc),
        on_cancelled=lambda: outcome.setdefault("cancelled", True),
    )
    assert dialog.objectName() == "jobProgressDialog" and dialog.isVisible()
    assert work.started.wait(5)
    qtbot.waitUntil(lambda: dialog.maximum() == 1000, timeout=5000)  # progress reaches the UI
    _cancel_button_click(dialog)
    qtbot.waitUntil(lambda: "cancelled" in outcome, timeout=5000)
    assert work.seen == ["cancelled"]  # the work saw Cancelled at its next job.progress
    assert "success" not in outcome and "failure" not in outcome
    assert not dialog.isVisible()
    assert no_error_boxes == []


def test_without_on_cancelled_the_failure_handler_gets_cancelled_and_shows_nothing(
    qtbot, parent, runner, no_error_boxes
):
    work = SlowJob()
    failures: list[BaseException] = []

    def failed(exc: BaseException) -> None:
        failures.append(exc)
        errors.show_error(parent, exc)  # what most callers do

    dialog = run_job(runner, parent, "Printing…", work, lambda _r: None, failed)
    assert work.started.wait(5)
    _cancel_button_click(dialog)
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert isinstance(failures[0], Cancelled)
    assert not dialog.isVisible()
    assert no_error_boxes == []


def test_a_finished_job_closes_the_dialog(qtbot, parent, runner):
    results: list[object] = []
    dialog = run_job(
        runner, parent, "Counting…", lambda job: job.progress(1, 1) or 42, results.append, print
    )
    qtbot.waitUntil(lambda: results == [42], timeout=5000)
    assert not dialog.isVisible()


def test_a_long_write_tells_the_hub_when_done_and_nothing_when_cancelled(
    qtbot, parent, runner, no_error_boxes
):
    hub = ChangeHub()
    seen: list[Changes] = []
    hub.changed.connect(seen.append)
    done: list[object] = []
    perform_in_background(
        hub, runner, parent, "Importing…", lambda job: Changes.everything(), done.append
    )
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert seen == [Changes.everything()]
    work, cancelled = SlowJob(), []
    dialog = perform_in_background(
        hub, runner, parent, "Importing…", work, on_cancelled=lambda: cancelled.append(True)
    )
    assert work.started.wait(5)
    _cancel_button_click(dialog)
    qtbot.waitUntil(lambda: bool(cancelled), timeout=5000)
    assert seen == [Changes.everything()] and no_error_boxes == []


def test_results_for_a_deleted_context_are_dropped_and_its_task_cancelled(qtbot, runner):
    """A window closed while its list loads: its result never reaches the deleted window (it had failed the next test with "Signal source has been
    deleted")."""
    from PySide6.QtCore import QObject

    started, release = threading.Event(), threading.Event()
    seen: list[object] = []

    def work(job: Job) -> str:
        started.set()
        release.wait(10)
        job.check()
        return "done"

    context = QObject()
    task = runner.start(work, on_success=seen.append, on_failure=seen.append, context=context)
    assert started.wait(10)
    context.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(context), timeout=5_000)
    release.set()
    assert runner.wait(10_000)
    qtbot.waitUntil(lambda: task.cancelled, timeout=5_000)  # its result came: nobody waits
    assert seen == []

    kept = QObject()  # and while the context lives, its callbacks get the result
    runner.start(lambda job: "ok", on_success=seen.append, context=kept)
    qtbot.waitUntil(lambda: seen == ["ok"], timeout=5_000)
