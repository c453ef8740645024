"""File → New database…, Open database…, Open server database…, Open recent (the last
eight, remembered: files by path, servers by their URL without password).

Another file replaces the window: the current one closes (asking about unsaved cards), its
database is closed, the chosen one opens through the same path as at start (checks,
migration, login) in a new window. When the chosen file cannot be opened, the previous one
opens again.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from kehu.db import server
from kehu.ui import settings

if TYPE_CHECKING:
    from kehu.ui.session import Session

FILE_FILTER = "kehu (*.db *.kehu *.sqlite);;*"


def recent_databases() -> list[str]:
    """The last opened databases, newest first: the files that still exist, and servers
    (their URLs without password)."""
    stored = [p for p in str(settings.get(settings.RECENT_DATABASES)).split("|") if p]
    kept = [p for p in stored if server.is_url(p) or Path(p).exists()]
    return kept[: settings.RECENT_LIMIT]


def remember_database(path: str | Path) -> None:
    """Put a file (its absolute path) or a server (its URL, never the password) first."""
    if server.is_url(str(path)):
        path = server.Address.from_url(str(path)).shown
    else:
        path = str(Path(path).expanduser().absolute())
    stored = [p for p in str(settings.get(settings.RECENT_DATABASES)).split("|") if p]
    kept = [path, *(p for p in stored if p != path)][: settings.RECENT_LIMIT]
    settings.put(settings.RECENT_DATABASES, "|".join(kept))


class DatabaseFiles:
    """Mixin of the main window: the database actions at the top of the File menu."""

    session: Session
    replaced_by = None  # the window that took over after another file was opened

    def _install_file_actions(self) -> None:
        remember_database(self.session.database.target)
        self.new_database_action = QAction(self.tr("New &database…"), self)
        self.new_database_action.setObjectName("newDatabaseAction")
        self.new_database_action.triggered.connect(self.new_database)
        self.open_database_action = QAction(self.tr("&Open database…"), self)
        self.open_database_action.setObjectName("openDatabaseAction")
        self.open_database_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Open))
        self.open_database_action.triggered.connect(self.open_database)
        self.addAction(self.open_database_action)
        self.open_server_action = QAction(self.tr("Open &server database…"), self)
        self.open_server_action.setObjectName("openServerAction")
        self.open_server_action.triggered.connect(self.open_server_database)
        self.recent_menu = QMenu(self.tr("Open &recent"), self)
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._fill_recent_menu()
        file_menu = self.menuBar().actions()[0].menu()
        first = file_menu.actions()[0] if file_menu.actions() else None
        for action in (
            self.new_database_action,
            self.open_database_action,
            self.open_server_action,
        ):
            file_menu.insertAction(first, action)
        file_menu.insertMenu(first, self.recent_menu)
        file_menu.insertSeparator(first)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        current = self._current_target()
        for number, path in enumerate(recent_databases(), start=1):
            label = path.replace("&", "&&")  # a server URL's query is no shortcut key
            action = self.recent_menu.addAction(f"&{number} {label}")
            action.setObjectName(f"recent_{number}")
            action.setEnabled(path != current)
            action.triggered.connect(lambda _checked=False, p=path: self.switch_to(p))
        self.recent_menu.setEnabled(bool(self.recent_menu.actions()))

    def _current_target(self) -> str:
        """The open database as the recent list names it."""
        return self.session.database.shown

    def new_database(self) -> None:
        folder = self._folder()
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("New database"),
            str(Path(folder) / self.tr("customers.db")),
            FILE_FILTER,
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if not path:
            return
        if Path(path).suffix == "":
            path += ".db"
        if Path(path).exists() and Path(path).stat().st_size > 0:
            QMessageBox.information(
                self,
                self.tr("New database"),
                self.tr("%1 already exists; it is opened, not replaced.").replace("%1", path),
            )
        self.switch_to(path, create=True)

    def open_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open database"), self._folder(), FILE_FILTER
        )
        if path:
            self.switch_to(path)

    def _folder(self) -> str:
        """Where the file dialogs start: the open file's folder (a server: the home folder)."""
        database = self.session.database
        return str(Path.home() if database.is_server else database.path.parent)

    def open_server_database(self) -> None:
        """The Server dialog; once the server accepted the login, its database opens here."""
        from kehu.ui.dialogs.server_dialog import ask_server

        current = self.session.database
        address = server.Address.from_url(current.url) if current.is_server else None
        url = ask_server(self, self.session.lang, address.with_password(None) if address else None)
        if url is not None:
            self.replaced_by = self.opening.switch_database(self, url)

    def switch_to(self, path: str, create: bool = False) -> None:
        """Close this window and its database and open `path` in a new window (a new
        database there only with `create`). A server of the recent list opens with its
        remembered password, or the Server dialog asks."""
        if path == self._current_target():
            return
        if server.is_url(path):
            from kehu.ui.dialogs.server_dialog import reopen_url

            url = reopen_url(self, self.session.lang, path)
            if url is not None:
                self.replaced_by = self.opening.switch_database(self, url)
            return
        if Path(path).absolute() == self.session.database.path:
            return
        self.replaced_by = self.opening.switch_database(self, path, create)


__all__ = ["DatabaseFiles", "recent_databases", "remember_database"]
