"""File → Move to a server…, Save a copy as a file… (issue 16, point 6, from the window).

The same moves as `kehu server migrate` and `kehu server export`
(`kehu.services.server_admin`): administrators only, verified table by table (row counts and
checksums), audited. A file moves into an empty server database, chosen in the Server
dialog, and the window then opens it there (the file stays as it was); a server database is
copied into a new file. Each runs with the one progress dialog; a refusal or a failure says
why and changes nothing.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from kehu.core import rights
from kehu.services import server_admin
from kehu.ui.errors import show_error
from kehu.ui.tasks import run_job

if TYPE_CHECKING:
    from kehu.ui.session import Session

logger = logging.getLogger(__name__)

FILE_FILTER = "kehu (*.db);;*"


class DatabaseMoves:
    """Mixin of the main window: a database file to a server, a server database to a file."""

    session: Session

    def _install_move_actions(self) -> None:
        self.move_to_server_action = QAction(self.tr("&Move to a server…"), self)
        self.move_to_server_action.setObjectName("moveToServerAction")
        self.move_to_server_action.triggered.connect(self.move_to_server)
        self.copy_to_file_action = QAction(self.tr("Save a &copy as a file…"), self)
        self.copy_to_file_action.setObjectName("copyToFileAction")
        self.copy_to_file_action.triggered.connect(self.copy_to_file)
        file_menu = self.menuBar().actions()[0].menu()
        after = file_menu.actions().index(self.open_server_action) + 1
        before = file_menu.actions()[after] if after < len(file_menu.actions()) else None
        for action in (self.move_to_server_action, self.copy_to_file_action):
            file_menu.insertAction(before, action)
        file_menu.setToolTipsVisible(True)  # a greyed action says why
        self._allow_move_actions()

    def _allow_move_actions(self) -> None:
        """Greyed out with the reason where the service would refuse: not an administrator,
        the wrong kind of database for the move, the file lost."""
        user, lang = self.session.user, self.session.lang
        on_server = self.session.database.is_server
        may = rights.allowed(user, rights.Action.BACKUP, rights.Scope.ALL)
        refusal = "" if may else rights.Refused(user, rights.Action.BACKUP).message(lang)
        if refusal:
            move_why = copy_why = refusal
        elif on_server:
            move_why, copy_why = self.tr("This database is on a server already."), ""
        else:
            copy_why = self.tr("This database is a file already: File → Back up now copies it.")
            move_why = (
                self.tr("The database file is gone or was replaced: open it again first.")
                if self.session.lost
                else ""
            )
        for action, why, what in (
            (
                self.move_to_server_action,
                move_why,
                self.tr(
                    "Copies this database into an empty database on a PostgreSQL server, "
                    "checks the copy and opens it there; the file stays as it is"
                ),
            ),
            (
                self.copy_to_file_action,
                copy_why,
                self.tr("Copies this server database into a new database file, checked"),
            ),
        ):
            action.setEnabled(not why)
            action.setToolTip(why or what)
            action.setStatusTip(why or what)

    def move_to_server(self) -> None:
        """The Server dialog (as "Move here"), the verified copy, then the server opens."""
        from kehu.ui.dialogs.server_dialog import ServerDialog

        if not self._cards_may_close():  # unsaved edits go with the move, or stay here
            return
        lang = self.session.lang
        dialog = ServerDialog(self, lang)
        dialog.setWindowTitle(self.tr("Move this database to a server"))
        dialog.intro.setText(
            self.tr(
                "Every dossier, user and record of this file is copied into an empty database "
                "on the office's PostgreSQL server and checked table by table; then kehu opens "
                "it there. The file stays as it is. Log in as the server database's owner (the "
                "administrator who created it)."
            )
        )
        dialog.connect_button.setText(self.tr("Move here"))
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.url is None:
            return
        url, file_db, user = dialog.url, self.session.database.db, self.session.user

        def moved(result: server_admin.Moved) -> None:
            QMessageBox.information(
                self,
                self.tr("Moved to the server"),
                result.message(lang)
                + "\n\n"
                + self.tr(
                    "kehu opens the server database now. Ask the others in the office to open "
                    "it too (File → Open server database…): the file no longer receives "
                    "their work."
                ),
            )
            self.replaced_by = self.opening.switch_database(self, url)

        self._run_move(
            self.tr("Moving the database to the server…"),
            lambda job: server_admin.move_to_server(file_db, user, url, job),
            moved,
        )

    def copy_to_file(self) -> None:
        """A new file chosen by the user; the server database is copied into it, checked."""
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save a copy as a file"),
            str(Path.home() / self.tr("customers.db")),
            FILE_FILTER,
            options=QFileDialog.Option.DontConfirmOverwrite,  # the service refuses, says why
        )
        if not path:
            return
        if Path(path).suffix == "":
            path += ".db"
        lang, server_db, user = self.session.lang, self.session.database.db, self.session.user

        def copied(result: server_admin.Moved) -> None:
            QMessageBox.information(
                self,
                self.tr("Copy saved"),
                result.message(lang)
                + "\n\n"
                + self.tr("Open it with File → Open database… (this window stays on the server)."),
            )

        self._run_move(
            self.tr("Copying the server database into a file…"),
            lambda job: server_admin.export_to_file(server_db, user, path, job),
            copied,
        )

    def _run_move(self, label: str, fn, done) -> None:
        """One move with the progress dialog; a refusal or failure is said, nothing changed."""
        run_job(
            self.session.tasks,
            self,
            label,
            fn,
            on_success=done,
            on_failure=lambda exc: show_error(self, exc),
            lang=self.session.lang,
        )


__all__ = ["DatabaseMoves"]
