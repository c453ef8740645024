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

RECONNECT_POLLS = 5  # a server database without its listener: tried again every 5th poll


class Session(QObject):
    undo_changed = Signal(bool)  # whether a classification change can be undone
    file_lost = Signal()  # the database file was replaced or removed under the window
    waiting = Signal(bool)  # a save waits for another user's lock (True), or no longer
    connection_changed = Signal(bool)  # a server database: connection lost (False) or back

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
        # a file: its data_version is polled; a server pushes its changes (LISTEN)
        self._data_version = -1 if self.database.is_server else self._read_data_version()
        self.lost = False  # the file under the window was replaced or removed
        self.changed = False  # something was written since the window opened (backups)
        self.hub.changed.connect(self._on_changed)
        # A save that has to wait for another user's lock shows a busy cursor at once.
        self.database.db.kehu_on_wait = self._on_wait
        self._listener = None  # a server pushes other users' commits (no polling)
        self._notifier: QSocketNotifier | None = None
        self.offline = False  # a server database whose connection was lost (until it is back)
        self._polls_offline = 0
        if self.database.is_server:
            self._listen()

    # a server database: LISTEN instead of polling, and a lost connection
    def _listen(self) -> bool:
        from kehu.db.server_changes import Listener

        db = self.database.db
        try:
            self._listener = Listener(self.database.url, ignore=db.backend_pids)
        except Exception:  # noqa: BLE001 - no live refresh for now; poll() tries again
            logger.warning("cannot listen for other users' changes", exc_info=True)
            self._listener = None
            return False
        self._notifier = QSocketNotifier(self._listener.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_notified)
        return True

    def _on_notified(self) -> None:
        """Other users committed: the views of what they changed read it again."""
        try:
            changes = self._listener.changes()
        except Exception:  # noqa: BLE001 - the server went away: poll() connects again
            logger.warning("the connection to the server was lost", exc_info=True)
            self._drop_listener()
            self._set_offline(True)
            return
        if changes:
            self.hub.notify(changes)

    def _drop_listener(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._listener is not None:
            try:
                self._listener.close()
            except Exception:  # noqa: BLE001 - already broken
                logger.debug("closing a broken listener", exc_info=True)
            self._listener = None

    def _set_offline(self, offline: bool) -> None:
        if offline != self.offline:
            self.offline = offline
            self._polls_offline = 0
            self.connection_changed.emit(not offline)

    def _poll_server(self) -> bool:
        """Without a listener (the server was unreachable): try again every
        `RECONNECT_POLLS` polls; once it listens again, everything visible is read again
        (what others committed meanwhile was not pushed)."""
        if self._listener is not None:
            return False
        self._polls_offline += 1
        if self._polls_offline < RECONNECT_POLLS and self.offline:
            return False
        self._polls_offline = 0
        if not self._listen():
            self._set_offline(True)
            return False
        logger.info("connected to the server again")
        self._set_offline(False)
        self.hub.notify(Changes.everything())
        return True

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
        if self.database.is_server:  # a server pushes its changes
            return self._poll_server()
        if self.lost:
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
        self._drop_listener()
