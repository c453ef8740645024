"""File → Back up now, Restore…, Check and repair…, and the automatic backups of the window.

Automatic backups run in the background every `BACKUP_EVERY_HOURS` hours of use and once when
the window closes (if the last one is older than `CLOSE_AFTER`), rotated and verified
(`kehu.services.backups`). A restore closes the window's database, writes the backup into the
same file (other windows on it see the restored data) and opens it again in a new window.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from kehu.core import rights
from kehu.core.i18n import translate
from kehu.db import health
from kehu.services import backup as backup_service
from kehu.services import backups, repair
from kehu.ui import settings
from kehu.ui.errors import show_error
from kehu.ui.tasks import Cancelled, run_job

if TYPE_CHECKING:
    from kehu.ui.session import Session

logger = logging.getLogger(__name__)

CLOSE_AFTER = dt.timedelta(minutes=30)  # closing backs up when the last backup is older
HOUR_MS = 3_600_000


class WindowBackups:
    """Mixin of the main window: backup, restore, check and repair."""

    session: Session

    def _install_backup_actions(self) -> None:
        self.backup_action = QAction(self.tr("&Back up now"), self)
        self.backup_action.setObjectName("backupAction")
        self.backup_action.triggered.connect(self.back_up_now)
        self.restore_action = QAction(self.tr("&Restore a backup…"), self)
        self.restore_action.setObjectName("restoreAction")
        self.restore_action.triggered.connect(self.restore_backup)
        self.check_action = QAction(self.tr("&Check and repair the database…"), self)
        self.check_action.setObjectName("checkAction")
        self.check_action.triggered.connect(self.check_database)
        file_menu = self.menuBar().actions()[0].menu()
        before = next(
            (a for a in file_menu.actions() if a.objectName() == "quitAction"),
            None,
        )
        for action in (self.backup_action, self.restore_action, self.check_action):
            file_menu.insertAction(before, action)
        file_menu.insertSeparator(before)
        file_menu.setToolTipsVisible(True)  # a greyed action says why
        self._allow_backup_actions()
        self.backup_timer = QTimer(self)
        self.backup_timer.setObjectName("backupTimer")
        hours = max(1, int(settings.get(settings.BACKUP_EVERY_HOURS)))
        self.backup_timer.setInterval(hours * HOUR_MS)
        self.backup_timer.timeout.connect(self.automatic_backup)
        if settings.get(settings.BACKUP_AUTOMATIC) and not self.is_server:
            self.backup_timer.start()  # a server's backups are the server's (docs/SERVER.md)
        self.session.tasks.when_released(self._background_check)

    def _background_check(self) -> None:
        """After opening: a cheap look for what an interrupted bulk load leaves behind; the
        status bar points to File → Check and repair."""
        db = self.session.database.db

        def shown(found: int) -> None:
            if found:
                self.statusBar().showMessage(
                    self.tr(
                        "The database has %1 problems that can be repaired: File → Check and "
                        "repair the database…"
                    ).replace("%1", str(found))
                )

        self.session.tasks.start(
            lambda _job: health.quick_problems(db),
            on_success=shown,
            on_failure=lambda exc: logger.warning("background check failed: %s", exc),
            context=self,
        )

    def _allow_backup_actions(self) -> None:
        """Greyed out where the rights matrix would refuse (admins only by default; the
        local user of a database without logins is one)."""
        user = self.session.user

        def may(action: rights.Action) -> bool:
            return rights.allowed(user, action, rights.Scope.ALL)

        self.backup_action.setEnabled(may(rights.Action.BACKUP) and not self.session.lost)
        self.restore_action.setEnabled(
            may(rights.Action.RESTORE) and self.session.can_write and not self.is_server
        )
        self.check_action.setEnabled(may(rights.Action.REPAIR))
        if self.is_server:
            self.backup_action.setToolTip(
                self.tr("Writes a backup of the server database with PostgreSQL's pg_dump")
            )
            self.restore_action.setToolTip(
                self.tr(
                    "A server database is restored on the server with pg_restore "
                    "(docs/SERVER.md), not from the window"
                )
            )
            self.restore_action.setStatusTip(self.restore_action.toolTip())

    @property
    def is_server(self) -> bool:
        return self.session.database.is_server

    def settings_opened(self, dialog) -> None:
        """The automatic-backup section of Edit → Settings…, saved when it is accepted."""
        super().settings_opened(dialog)  # type: ignore[misc]
        from kehu.ui.dialogs.backup_settings import BackupSettings

        note = translate(backups.AUTOMATIC_ON_SERVER, self.session.lang) if self.is_server else None
        section = BackupSettings(dialog, server_note=note)
        dialog.add_section(self.tr("Automatic backups"), section)
        dialog.accepted.connect(section.save)
        dialog.accepted.connect(self._apply_backup_settings)

    def _apply_backup_settings(self) -> None:
        hours = max(1, int(settings.get(settings.BACKUP_EVERY_HOURS)))
        self.backup_timer.setInterval(hours * HOUR_MS)
        if settings.get(settings.BACKUP_AUTOMATIC) and not self.is_server:
            self.backup_timer.start()
        else:
            self.backup_timer.stop()

    # -- backup
    def back_up_now(self) -> None:
        database, user = self.session.database, self.session.user

        def done(path) -> None:
            self.statusBar().showMessage(
                self.tr("Backed up to %1 (verified)").replace("%1", str(path)), 8000
            )

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, Cancelled):
                show_error(self, exc)

        run_job(
            self.session.tasks,
            self,
            self.tr("Backing up the database…"),
            lambda job: backup_service.backup(database, None, job, by=user),
            done,
            failed,
            lang=self.session.lang,
        )

    def automatic_backup(self, wait: bool = False) -> None:
        """A rotated, verified backup in the background (on the UI thread with `wait`); none of
        a server database (the server backs itself up: `backups.AUTOMATIC_ON_SERVER`)."""
        if not settings.get(settings.BACKUP_AUTOMATIC) or self.session.lost or self.is_server:
            return
        database = self.session.database
        daily = int(settings.get(settings.BACKUP_KEEP_DAILY))
        weekly = int(settings.get(settings.BACKUP_KEEP_WEEKLY))

        def work(_job=None):
            return backups.automatic_backup(database, daily, weekly)

        if wait:
            try:
                work()
            except Exception:  # closing must not fail because of a backup: logged
                logger.exception("automatic backup on close failed")
            return
        self.session.tasks.start(
            work,
            on_failure=lambda exc: logger.warning("automatic backup failed: %s", exc),
        )

    def backup_on_close(self) -> None:
        """Back up when the window wrote (or saw) changes and the last automatic backup is
        older than `CLOSE_AFTER`."""
        if not settings.get(settings.BACKUP_AUTOMATIC) or self.session.lost or self.is_server:
            return
        if not self.session.changed or not self.session.can_write:
            return
        last = backups.last_automatic(self.session.database.path)
        if last is None or dt.datetime.now() - last > CLOSE_AFTER:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self.automatic_backup(wait=True)
            finally:
                QApplication.restoreOverrideCursor()

    # -- restore
    def restore_backup(self) -> None:
        from kehu.ui.dialogs.restore_dialog import RestoreDialog

        if self.is_server:  # greyed out; the service refuses it too
            show_error(self, backup_service.ServerRestoreError(backup_service.RESTORE_ON_SERVER))
            return

        path = self.session.database.path
        dialog = RestoreDialog(backups.list_backups(path), path, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
            return
        source = dialog.chosen
        answer = QMessageBox.question(
            self,
            self.tr("Restore a backup"),
            self.tr(
                "Replace the data of %1 with the backup %2?\n\nThe current database is kept "
                "aside first (its name says before-restore); the window opens again with the "
                "restored data."
            )
            .replace("%1", str(path))
            .replace("%2", str(source)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return

        def restore() -> None:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                backup_service.restore(source, path, by=self.session.user)
            finally:
                QApplication.restoreOverrideCursor()

        self.restoring = True
        self.replaced_by = self.opening.switch_database(self, str(path), between=restore)

    # -- check and repair
    def check_database(self) -> None:
        from kehu.ui.dialogs.check_dialog import CheckDialog

        CheckDialog(self.session, self).exec()

    def run_repair(self, on_done) -> None:
        database, user = self.session.database, self.session.user
        run_job(
            self.session.tasks,
            self,
            self.tr("Repairing the database…"),
            lambda job: repair.repair(database, user, job),
            on_done,
            lambda exc: None if isinstance(exc, Cancelled) else show_error(self, exc),
            lang=self.session.lang,
        )


__all__ = ["WindowBackups"]
