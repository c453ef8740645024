"""A database that cannot be opened at start is never a dead end: the user may restore the
latest good backup, open another file, create the missing database, or quit."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from kehu.db import server
from kehu.db.errors import DatabaseError, NoSuchDatabaseError
from kehu.services import backup as backup_service
from kehu.services import backups
from kehu.ui.dialogs.start_problem_dialog import (
    CREATE,
    OPEN,
    RESTORE,
    RETRY,
    StartProblemDialog,
)
from kehu.ui.errors import show_error

logger = logging.getLogger(__name__)


def resolve(
    path: str, exc: DatabaseError, lang: str, parent: QWidget | None
) -> tuple[str, bool] | None:
    """Ask what to do about `exc`; returns (the path to open now, create it) or None (quit).
    A chosen restore is done here (verified; the damaged file is kept aside)."""
    on_server = server.is_url(path)  # no file, no backups beside it: connect again
    latest = None if on_server else backups.latest_good_backup(Path(path))
    missing = isinstance(exc, NoSuchDatabaseError) and not on_server
    dialog = StartProblemDialog(exc.message(lang), latest, missing, parent, retry=on_server)
    dialog.exec()
    if dialog.choice == RETRY:
        return path, False
    if dialog.choice == RESTORE and latest is not None:
        try:
            restored = backup_service.restore(latest.path, Path(path), by=None, damaged=True)
        except Exception as error:  # shown; the dialog comes again
            show_error(parent, error)
            return path, False
        logger.info("restored %s from %s (kept %s)", path, latest.path, restored.kept)
        return path, False
    if dialog.choice == OPEN:
        chosen, _ = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("Application", "Open database"),
            "" if on_server else str(Path(path).parent),
            "kehu (*.db *.kehu *.sqlite);;*",
        )
        return (chosen, False) if chosen else (path, False)
    if dialog.choice == CREATE and missing:
        return path, True
    return None
