"""Work off the UI thread: database, Excel and PDF jobs with progress and cancel.

A task is a plain function `fn(job)` taking a `kehu.core.jobs.Job`: the one job contract of
the app (`job.progress(done, total, stage)`, `job.check()`, both raising `Cancelled` once the
user cancelled). Results and errors come back as signals on the UI thread; workers never
touch widgets. `run_job` shows the one progress dialog that every long job uses. Each worker
thread opens its own database connection (peewee keeps one per thread) and closes it when
done.

A runner can be held (`hold()`) while the main window opens: tasks started meanwhile wait
until `release()`, except `urgent` ones (the customer list), so that the list comes first
and counts, the today panel and the file check follow once it is painted.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from kehu.core.i18n import translate
from kehu.core.jobs import Cancelled, Job, Progress
from kehu.db.models import database_proxy

logger = logging.getLogger(__name__)

__all__ = ["Cancelled", "Job", "Task", "TaskRunner", "run_job"]


class TaskSignals(QObject):
    progressed = Signal(object)  # a kehu.core.jobs.Progress
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()


class Task(QRunnable):
    def __init__(self, fn: Callable[[Job], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn = fn
        self.signals = TaskSignals()
        self.job = Job(self._progressed)

    @property
    def cancelled(self) -> bool:
        return self.job.cancelled

    def cancel(self) -> None:
        self.job.cancel()

    def _progressed(self, progress: Progress) -> None:
        self._emit(self.signals.progressed, progress)

    def _emit(self, signal, *values) -> None:
        try:
            signal.emit(*values)
        except RuntimeError:  # the receiving window was closed meanwhile
            logger.debug("task result dropped: its receiver is gone")

    def run(self) -> None:
        try:
            result = self.fn(self.job)
        except BaseException as exc:  # handed to the UI thread, which shows it
            if not isinstance(exc, Cancelled):
                logger.exception("background task failed")
            self._emit(self.signals.failed, exc)
        else:
            self._emit(self.signals.succeeded, result)
        finally:
            try:
                if database_proxy.obj is not None:
                    database_proxy.close()  # this thread's connection only
            except Exception:  # closing must never hide the task's own result
                logger.debug("closing the worker connection failed", exc_info=True)
            self._emit(self.signals.finished)


def _while_alive(
    callback: Callable[[Any], None] | None, context: QObject | None, task: Task
) -> Callable[[Any], None] | None:
    """`callback`, called only while `context` (a window, a dialog, a model) still exists:
    a result that arrives after its window was deleted is dropped, and the task is cancelled
    since nobody waits for it any more."""
    if callback is None or context is None:
        return callback

    def call(value: Any) -> None:
        if shiboken6.isValid(context):
            callback(value)
        else:
            task.cancel()
            logger.debug("task result dropped: its receiver is gone")

    return call


class TaskRunner(QObject):
    """Starts tasks on its own thread pool and keeps them alive until they finish."""

    # Four threads: a long task (the 1M-id list, the today report, a big file's check) never
    # keeps a short one (tree counts, one card) waiting; most of their time is in SQLite.
    def __init__(self, parent: QObject | None = None, threads: int = 4) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        self._running: set[Task] = set()
        self._held: list[Task] | None = None  # None: not held
        self._on_release: list[Callable[[], None]] = []

    @property
    def is_held(self) -> bool:
        return self._held is not None

    def hold(self) -> None:
        """Keep tasks started from now on (except urgent ones) until `release()`."""
        if self._held is None:
            self._held = []

    def release(self) -> None:
        """Start the held tasks in the order they were started, then run `when_released` calls."""
        held, self._held = self._held, None
        for task in held or []:
            if not task.cancelled:
                self.pool.start(task)
            else:
                self._running.discard(task)
        callbacks, self._on_release = self._on_release, []
        for callback in callbacks:
            callback()

    def when_released(self, callback: Callable[[], None]) -> None:
        """Call `callback` now, or on `release()` while the runner is held."""
        if self._held is None:
            callback()
        else:
            self._on_release.append(callback)

    def start(
        self,
        fn: Callable[[Job], Any],
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[Progress], None] | None = None,
        urgent: bool = False,
        context: QObject | None = None,
    ) -> Task:
        """Run `fn(job)` on the pool; the callbacks run on the UI thread while `context` lives.

        `context` is the object the callbacks belong to (none: they always run). When it is
        deleted first (its window closed), its results are dropped and the task cancelled.
        """
        task = Task(fn)
        queued = Qt.ConnectionType.QueuedConnection
        for signal, callback in (
            (task.signals.succeeded, on_success),
            (task.signals.failed, on_failure),
            (task.signals.progressed, on_progress),
        ):
            callback = _while_alive(callback, context, task)
            if callback is not None:
                signal.connect(callback, queued)
        self._running.add(task)
        task.signals.finished.connect(
            lambda: self._running.discard(task), Qt.ConnectionType.QueuedConnection
        )
        if self._held is not None and not urgent:
            self._held.append(task)
        else:
            self.pool.start(task)
        return task

    def cancel_all(self) -> None:
        for task in list(self._running):
            task.cancel()
        if self._held is not None:
            for task in self._held:
                self._running.discard(task)
            self._held.clear()
        self._on_release.clear()

    def wait(self, msecs: int = 10_000) -> bool:
        return self.pool.waitForDone(msecs)


def run_job(
    runner: TaskRunner,
    parent: QWidget,
    label: str,
    fn: Callable[[Job], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None],
    lang: str = "en",
    on_cancelled: Callable[[], None] | None = None,
) -> QProgressDialog:
    """Run `fn(job)` with the one modal progress dialog; its Cancel button cancels the job.

    The dialog shows `label` and the job's current stage (an N_ source, translated into
    `lang`) and is closed however the job ends. When the user cancelled, the job's function
    sees `Cancelled` at its next `job.progress` / `job.check`; then `on_cancelled()` runs if
    given, otherwise `on_failure` receives the `Cancelled` (which `show_error` does not show).
    """
    dialog = QProgressDialog(label, QCoreApplication.translate("Tasks", "Cancel"), 0, 0, parent)
    dialog.setObjectName("jobProgressDialog")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(200)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def progressed(progress: Progress) -> None:
        stage = translate(progress.stage, lang) if progress.stage else ""
        dialog.setLabelText(f"{label}\n{stage}" if stage else label)
        dialog.setMaximum(max(progress.total, 0))
        dialog.setValue(min(progress.done, progress.total) if progress.total else 0)

    def finish() -> None:
        dialog.close()

    def failed(exc: BaseException) -> None:
        finish()
        if isinstance(exc, Cancelled):
            logger.info("cancelled: %s", label)
            if on_cancelled is not None:
                on_cancelled()
                return
        on_failure(exc)

    task = runner.start(
        fn,
        on_success=lambda result: (finish(), on_success(result)),
        on_failure=failed,
        on_progress=progressed,
        context=parent,
    )
    dialog.canceled.connect(task.cancel)
    dialog.show()
    return dialog
