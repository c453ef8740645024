"""What every window of one open database shares: the workspace, the user, the language,
background tasks, the classification undo stack, and the change hub every view listens to
(`kehu.ui.operations`): this window's writes and other users' commits reach the views there."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QSocketNotifier, Qt, QThread, Signal
from PySide6.QtGui import QGuiApplication

from kehu.core.changes import Changes
from kehu.core.i18n import normalise
from kehu.db.models import User
from kehu.services import classification
from kehu.services.workspace import Workspace
from kehu.ui.operations import ChangeHub
from kehu.ui.operations import categories as category_operations
from kehu.ui.tasks import TaskRunner

logger = logging.getLogger(__name__)


class Session(QObject):
    undo_changed = Signal(bool)  # whether a classification change can be undone
    file_lost = Signal()  # the database file was replaced or removed under the window
    waiting = Signal(bool)  # a save waits for another user's lock (True), or no longer

    def __init__(
        self, workspace: Workspace, user: User, lang: str, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.user = user
        self.lang = normalise(lang)  # "zh_CN" or "en", chosen at start (translations)
        self.tasks = TaskRunner(self)
        self.hub = ChangeHub(self)  # what changed: every view subscribes to hub.changed
        self._undo: list[classification.Change] = []
        self._data_version = self._read_data_version()
        self.lost = False  # the file under the window was replaced or removed
        self.changed = False  # something was written since the window opened (backups)
        self.hub.changed.connect(self._on_changed)
        # A save that has to wait for another user's lock shows a busy cursor at once.
        self.database.db.kehu_on_wait = self._on_wait
        self._listener = None  # a server pushes other users' commits (no polling)
        if self.database.is_server:
            self._listen()

    def _listen(self) -> None:
        from kehu.db.server_changes import Listener, backend_pid

        try:
            self._listener = Listener(self.database.url, backend_pid(self.database.db))
        except Exception:  # noqa: BLE001 - no live refresh; saving still checks versions
            logger.warning("cannot listen for other users' changes", exc_info=True)
            return
        self._notifier = QSocketNotifier(self._listener.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_notified)

    def _on_notified(self) -> None:
        """Other users committed: the views of what they changed read it again."""
        try:
            changes = self._listener.changes()
        except Exception:  # noqa: BLE001 - the server went away: the next save says so
            logger.warning("live refresh stopped", exc_info=True)
            self._notifier.setEnabled(False)
            return
        if changes:
            self.hub.notify(changes)

    def _on_wait(self, waiting: bool) -> None:
        """Called by `db.connection.write` around a wait for the lock (any thread)."""
        if QThread.currentThread() is not self.thread():
            return  # background work has its own progress dialog
        if waiting:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        else:
            QGuiApplication.restoreOverrideCursor()
        self.waiting.emit(waiting)
        QGuiApplication.sync()  # the cursor and the status show while the write waits

    def _on_changed(self, _changes: Changes) -> None:
        self.changed = True

    @property
    def can_write(self) -> bool:
        """False on a read-only file and once the file was replaced: saving is disabled."""
        return not self.database.read_only and not self.lost

    @property
    def database(self):
        return self.workspace.database

    # classification changes are remembered until the window closes
    def record(self, change: classification.Change) -> None:
        """Remember a classification edit for Ctrl+Z (its views were told by the hub)."""
        self._undo.append(change)
        self.undo_changed.emit(True)

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    def undo_last(self) -> Changes | None:
        """Undo the last classification edit (a write: run it with `operations.perform`)."""
        if not self._undo:
            return None
        change = self._undo.pop()
        self.undo_changed.emit(bool(self._undo))
        return category_operations.undo(self.user, change)

    # other users
    def _read_data_version(self) -> int:
        try:
            return self.database.data_version()
        except Exception:  # a closed or vanished file: the next poll tells
            logger.debug("data_version failed", exc_info=True)
            return -1

    def poll(self) -> bool:
        """Tell the hub that anything may have changed when another connection committed
        since the last poll (PRAGMA data_version). A file replaced or removed meanwhile is
        told once (`file_lost`): nothing more is written to it (`db.connection.write`)."""
        if self.lost or self._listener is not None:  # a server pushes its changes
            return False
        if not self.database.still_there():
            logger.warning("%s was replaced or removed while open", self.database.path)
            self.lost = True
            self.file_lost.emit()
            return False
        version = self._read_data_version()
        if version != self._data_version and version != -1:
            self._data_version = version
            self.hub.notify(Changes.everything())
            return True
        return False

    def shutdown(self) -> None:
        self.tasks.cancel_all()
        self.tasks.wait()
        if self._listener is not None:
            self._notifier.setEnabled(False)
            self._listener.close()
