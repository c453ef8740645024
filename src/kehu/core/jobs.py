"""The one contract for long work: import, export, print, demo, backup, index rebuild.

The caller creates a `Job` and passes it to the work. The work reports progress through
`job.progress(done, total, stage)` (which also checks for cancellation) and may call
`job.check()` between steps; both raise `Cancelled` once `job.cancel()` was called (from any
thread). Work that is cancelled leaves nothing half done: it rolls back, or removes the file
it was writing, before letting `Cancelled` through.

`stage` is an English source string marked with `N_()`, translated where it is shown.
A listener (the window's progress dialog, the CLI's progress line) is given to the job; it
is called on the worker's thread and must not touch widgets directly.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass


class Cancelled(Exception):
    """The user cancelled the job; whatever it did has been undone."""


@dataclass(frozen=True)
class Progress:
    done: int
    total: int  # 0: unknown
    stage: str = ""  # English source (N_), translated where shown


Listener = Callable[[Progress], None]


class Job:
    """Progress and cancellation of one piece of long work, shared by caller and work."""

    def __init__(self, listener: Listener | None = None) -> None:
        self._listener = listener
        self._cancel = threading.Event()
        self.last = Progress(0, 0)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        """Ask the work to stop; it raises `Cancelled` at its next check."""
        self._cancel.set()

    def check(self) -> None:
        """Raise `Cancelled` if the job was cancelled."""
        if self._cancel.is_set():
            raise Cancelled()

    def progress(self, done: int, total: int | None = None, stage: str | None = None) -> None:
        """Report `done` of `total` (kept from the last call when None) in `stage`.

        Raises `Cancelled` when the job was cancelled, so that reporting is also the
        cancellation point.
        """
        self.check()
        last = self.last
        self.last = Progress(
            int(done),
            last.total if total is None else int(total),
            last.stage if stage is None else stage,
        )
        if self._listener is not None:
            self._listener(self.last)

    def stage(self, stage: str, total: int = 0) -> None:
        """Start a new stage at 0 of `total`."""
        self.progress(0, total, stage)


def no_job() -> Job:
    """A job nobody watches or cancels: the default of work called without one."""
    return Job()
