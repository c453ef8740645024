"""Errors of the database layer, each with a message that says what happened and what to do.
The UI and the CLI show `message(lang)`; neither shows a traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

from kehu.core.i18n import N_, Message, UserError, translate


class DatabaseError(UserError):
    """`text` is the English source (N_) of the message, with the file as `{path}`."""

    text = N_("Database error")

    def __init__(self, path: object = None, detail: str = "") -> None:
        self.path = path
        self.detail = detail  # from SQLite or the operating system: shown as it is
        super().__init__(type(self).text, **self._values())
        self.args = (self.message("en"),)  # the log shows the detail too

    def _values(self) -> dict[str, object]:
        return {"path": self.path}

    def message(self, lang: str) -> str:
        text = translate(self.text, lang, **self.values)
        return f"{text}\n{self.detail}" if self.detail else text


class NotADatabaseError(DatabaseError):
    text = N_(
        "'{path}' is not a kehu database (it may be damaged, or the wrong file was chosen). "
        "Choose the right file, or restore the latest backup."
    )


class DamagedDatabaseError(DatabaseError):
    text = N_(
        "The database '{path}' is damaged: the integrity check failed. Stop writing to it and "
        "restore the latest good backup."
    )


class NewerVersionError(DatabaseError):
    text = N_(
        "The database '{path}' was written by a newer version of kehu and cannot be opened "
        "by this one. Please upgrade the application."
    )


class DatabaseLockedError(DatabaseError):
    text = N_(
        "The database '{path}' is in use by another user or program and stayed locked after "
        "several retries. Try again in a moment; if it persists, check that no program hangs."
    )


class DiskFullError(DatabaseError):
    """`path` is the file that could not be written (the database, a backup, an export)."""

    text = N_(
        "The disk is full ({free} MB free on {place}): '{path}' cannot be written. The last "
        "change was not saved and nothing half-written was kept; free some disk space and try "
        "again."
    )

    def _values(self) -> dict[str, object]:
        place, free = free_space(self.path)  # measured when the write failed
        return {"path": self.path, "place": place, "free": free}


def free_space(path: object) -> tuple[str, str]:
    """(the folder measured, megabytes free there) for the disk that holds `path`."""
    folder = Path(str(path or ".")).absolute()
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if folder.is_file():
        folder = folder.parent
    try:
        free = shutil.disk_usage(folder).free / 1_000_000
    except OSError:
        return str(folder), "?"
    return str(folder), f"{free:,.1f}" if free < 10 else f"{free:,.0f}"


def is_disk_full(exc: BaseException) -> bool:
    """SQLite's "database or disk is full" or the system's ENOSPC/EDQUOT, also when another
    error was raised while handling it (peewee's "cannot rollback")."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, DiskFullError):
            return True
        if isinstance(seen, OSError) and seen.errno in (28, 122):  # ENOSPC, EDQUOT
            return True
        if "disk is full" in str(seen).lower():
            return True
        seen = seen.__context__ or seen.__cause__
    return False


class ReadOnlyError(DatabaseError):
    text = N_(
        "The database '{path}' is read-only: nothing can be saved. Check the file's "
        "permissions or the network share's write access."
    )


class NoSuchDatabaseError(DatabaseError):
    text = N_(
        "There is no database at '{path}'. Check the path (nothing was created there); a new "
        "database is made with `kehu init` or the window's first start."
    )


class EmptyFileError(DatabaseError):
    text = N_(
        "'{path}' is an empty file (0 bytes), not a kehu database. Choose the right file or "
        "restore the latest backup; the empty file was left as it is."
    )


class FileReplacedError(DatabaseError):
    text = N_(
        "The database file '{path}' was replaced or removed by another program (a restore, a "
        "copy, a sync client) while it was open. Nothing more is written to it; your unsaved "
        "edits are kept in the window. Reopen the database to continue."
    )


class RestoreUnderWayError(DatabaseError):
    text = N_(
        "A backup is being restored into '{path}' right now: the change was not saved. Try "
        "again in a moment (the window shows the restored data when it is done)."
    )


class CannotOpenError(DatabaseError):
    text = N_(
        "The database '{path}' cannot be opened. Check that its folder exists and is writable."
    )


def warning_message(warning: Message, lang: str) -> str:
    """A warning about the database file (`Database.warnings`) in `lang`."""
    return warning.message(lang)


class ServerUnavailableError(DatabaseError):
    """A PostgreSQL server that refused the connection; `path` is its URL without password.
    The subclasses say why, where the server's words tell (`kehu.db.server.refusal`)."""

    text = N_(
        "The database server '{path}' cannot be reached or refused the connection. Check the "
        "address, the database name, the user and the password, and that the server runs."
    )


class ServerConnectionLostError(DatabaseError):
    """The server dropped the connection of an open database (a restart, the network)."""

    text = N_(
        "The connection to the database server '{path}' was lost: this was not saved, and "
        "your unsaved edits are kept in the window. kehu connects again by itself: when the "
        "server is back, try again (View → Refresh shows the latest data)."
    )


class ServerUnreachableError(ServerUnavailableError):
    text = N_(
        "The database server '{path}' does not answer. Check the server's name or address "
        "and port, that the server runs, and that this computer may reach it (network, "
        "firewall)."
    )


class ServerLoginError(ServerUnavailableError):
    text = N_(
        "The database server '{path}' did not accept the user name or the password. Check "
        "both: they are the ones the administrator gave you for this database."
    )


class ServerPasswordNeededError(ServerLoginError):
    text = N_("The database server '{path}' needs the password of this user: enter it.")


class ServerNoDatabaseError(ServerUnavailableError):
    text = N_(
        "The server of '{path}' has no database of that name. Check the database name, or "
        "ask the administrator to create it (docs/SERVER.md)."
    )


class ServerExtensionMissingError(DatabaseError):
    text = N_(
        "The server database '{path}' needs PostgreSQL's pg_trgm extension (for searching "
        "parts of names), which the server does not have. Ask the administrator to install "
        "it (Debian: the postgresql-contrib package; Windows: part of the installer)."
    )


class ServerNotAUserError(DatabaseError):
    text = N_(
        "The login '{role}' is not a user of the kehu database '{path}'. Log in with your "
        "kehu user name, or ask the administrator to add you (Office → Users and rights)."
    )

    def __init__(self, path: object = None, detail: str = "", *, role: str = "") -> None:
        self.role = role
        super().__init__(path, detail)

    def _values(self) -> dict[str, object]:
        return {"path": self.path, "role": self.role}


class ServerDriverMissingError(DatabaseError):
    text = N_(
        "Opening the server database '{path}' needs the PostgreSQL driver, which is not "
        'installed: install it with  pip install "kehu[server]"'
    )
