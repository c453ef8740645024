"""Temporary files with customer data (print previews): made here, deleted when their
preview closes, and at the latest when the application quits.

`new_pdf()` gives a fresh path in a private temporary folder; `remove(path)` deletes it (and
its folder); every file still registered is removed on `QCoreApplication.aboutToQuit` (and
at interpreter exit, for a crash of the window without a clean quit).
"""

from __future__ import annotations

import atexit
import logging
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication

logger = logging.getLogger(__name__)

PREFIX = "kehu-print-"
_files: set[Path] = set()
_hooked = False


def new_pdf(name: str = "document.pdf") -> Path:
    """A path for a temporary PDF, registered for deletion."""
    _hook()
    path = Path(tempfile.mkdtemp(prefix=PREFIX)) / name
    _files.add(path)
    return path


def registered() -> set[Path]:
    return set(_files)


def remove(path: Path | str) -> None:
    """Delete a registered temporary file and its private folder (unknown paths are left)."""
    path = Path(path)
    if path not in _files:
        return
    _files.discard(path)
    try:
        path.unlink(missing_ok=True)
        if path.parent.name.startswith(PREFIX):
            shutil.rmtree(path.parent, ignore_errors=True)
    except OSError:
        logger.warning("could not delete the temporary file %s", path, exc_info=True)


def remove_all() -> None:
    for path in list(_files):
        remove(path)


def _hook() -> None:
    global _hooked
    if _hooked:
        return
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(remove_all)
        _hooked = True


atexit.register(remove_all)
