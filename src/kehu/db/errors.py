"""Errors of the database layer, each with a message that says what happened and what to do.
The UI and the CLI show `message(lang)`; neither shows a traceback."""

from __future__ import annotations

from kehu.core.i18n import N_, Message, UserError, translate


class DatabaseError(UserError):
    """`text` is the English source (N_) of the message, with the file as `{path}`."""

    text = N_("Database error")

    def __init__(self, path: object = None, detail: str = "") -> None:
        self.path = path
        self.detail = detail  # from SQLite or the operating system: shown as it is
        super().__init__(type(self).text, path=path)
        self.args = (self.message("en"),)  # the log shows the detail too

    def message(self, lang: str) -> str:
        text = translate(self.text, lang, path=self.path)
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
    text = N_(
        "The disk is full: the database '{path}' cannot be written. The last change was not "
        "saved; free some disk space and try again."
    )


class ReadOnlyError(DatabaseError):
    text = N_(
        "The database '{path}' is read-only: nothing can be saved. Check the file's "
        "permissions or the network share's write access."
    )


class CannotOpenError(DatabaseError):
    text = N_(
        "The database '{path}' cannot be opened. Check that its folder exists and is writable."
    )


def warning_message(warning: Message, lang: str) -> str:
    """A warning about the database file (`Database.warnings`) in `lang`."""
    return warning.message(lang)
