"""What every window of one open database shares: the workspace, the user, the language,
background tasks, the classification undo stack, and change notifications between views."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from kehu.core.i18n import normalise
from kehu.db.models import User
from kehu.services import classification
from kehu.services.workspace import Workspace
from kehu.ui.tasks import TaskRunner

logger = logging.getLogger(__name__)


class Session(QObject):
    customers_changed = Signal(list)  # ids saved, created, archived here
    categories_changed = Signal()  # tree edited or customers classified here
    changed_elsewhere = Signal()  # another process committed (PRAGMA data_version)
    undo_changed = Signal(bool)  # whether a classification change can be undone

    def __init__(
        self, workspace: Workspace, user: User, lang: str, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.user = user
        self.lang = normalise(lang)  # "zh_CN" or "en", chosen at start (translations)
        self.tasks = TaskRunner(self)
        self._undo: list[classification.Change] = []
        self._data_version = self._read_data_version()

    @property
    def database(self):
        return self.workspace.database

    # classification changes are remembered until the window closes
    def record(self, change: classification.Change) -> None:
        self._undo.append(change)
        self.undo_changed.emit(True)
        self.categories_changed.emit()

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    def undo_last(self) -> classification.Change | None:
        if not self._undo:
            return None
        change = self._undo.pop()
        classification.undo(change, self.user)
        self.undo_changed.emit(bool(self._undo))
        self.categories_changed.emit()
        if change.kind == "assign":
            self.customers_changed.emit(list(change.previous))
        return change

    # other users
    def _read_data_version(self) -> int:
        try:
            return self.database.data_version()
        except Exception:  # a closed or vanished file: the next poll tells
            logger.debug("data_version failed", exc_info=True)
            return -1

    def poll(self) -> bool:
        """Emit `changed_elsewhere` when another connection committed since the last poll."""
        version = self._read_data_version()
        if version != self._data_version and version != -1:
            self._data_version = version
            self.changed_elsewhere.emit()
            return True
        return False

    def shutdown(self) -> None:
        self.tasks.cancel_all()
        self.tasks.wait()
