"""User actions that write, and the one place that tells the views what they changed.

Follows Anki's `qt/aqt/operations/`: a write is a function returning `Changes` (or an
`Outcome` with a value and its `Changes`); `perform` runs a quick one now on the UI thread,
`perform_in_background` a long one through the task runner with the one progress dialog.
Either way the error (if any) is shown, the caller's `on_success` runs, and then the
`Changes` go to the session's `ChangeHub`, whose single `changed` signal every view
subscribes to. Views never announce changes by hand.

The domain modules (`customers`, `categories`, `routes`, `visits`) name the user actions and
wrap the service functions; they take the acting user and return what changed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from kehu.core.changes import NOTHING, Changes, Outcome, changes_of
from kehu.core.jobs import Cancelled, Job
from kehu.ui.errors import show_error
from kehu.ui.tasks import TaskRunner, run_job

logger = logging.getLogger(__name__)

R = TypeVar("R")

__all__ = [
    "NOTHING",
    "Cancelled",
    "ChangeHub",
    "Changes",
    "Outcome",
    "perform",
    "perform_in_background",
]


class ChangeHub(QObject):
    """The one place views hear about changes: this window's writes and other users'."""

    changed = Signal(object)  # a kehu.core.changes.Changes

    def notify(self, changes: Changes) -> None:
        """Tell every view (nothing happens for an empty `Changes`)."""
        if changes:
            logger.debug("changed: %s", changes)
            self.changed.emit(changes)


def perform(
    hub: ChangeHub,
    parent: QWidget | None,
    write: Callable[[], R],
    on_success: Callable[[R], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
) -> R | None:
    """Run a quick write now; returns its result, or None when it failed or was cancelled.

    An error goes to `on_failure` (default: shown to the user, parented to `parent`);
    `Cancelled` (the user gave up in a dialog the write showed) is silent. On success
    `on_success(result)` runs first, then the hub is told, so the acting view is up to date
    before the others refresh.
    """
    try:
        result = write()
    except Cancelled:
        return None
    except Exception as exc:  # shown to the user, or handed to the caller
        if on_failure is None:
            show_error(parent, exc)
        else:
            on_failure(exc)
        return None
    if on_success is not None:
        on_success(result)
    hub.notify(changes_of(result))
    return result


def perform_in_background(
    hub: ChangeHub,
    runner: TaskRunner,
    parent: QWidget,
    label: str,
    write: Callable[[Job], Any],
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
    lang: str = "en",
) -> QProgressDialog:
    """Run a long write `write(job)` off the UI thread with the one progress dialog.

    Cancel stops the job at its next `job.progress`; the job undoes what it did, nothing is
    shown and `on_cancelled` runs. An error goes to `on_failure` (default: shown). On
    success `on_success(result)` runs, then the hub is told.
    """

    def succeeded(result: Any) -> None:
        if on_success is not None:
            on_success(result)
        hub.notify(changes_of(result))

    def failed(exc: BaseException) -> None:
        if on_failure is None:
            show_error(parent, exc)
        else:
            on_failure(exc)

    return run_job(
        runner,
        parent,
        label,
        write,
        succeeded,
        failed,
        lang=lang,
        on_cancelled=on_cancelled or (lambda: None),
    )
