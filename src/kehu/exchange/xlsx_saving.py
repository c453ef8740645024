"""Saving an openpyxl workbook so that a failed save (a full disk, a vanished folder) leaves
no half-written archive open: openpyxl's own `save` leaves its zip file to the garbage
collector, which tries to finish it and prints "Exception ignored … OSError" on the
terminal. The caller removes the partial file."""

from __future__ import annotations

import contextlib
import datetime as dt
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter


def save_book(workbook: Workbook, path: Path) -> None:
    """Write `workbook` to `path` (as openpyxl's `Workbook.save`); on failure the archive
    is abandoned and the error raised."""
    archive = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    try:
        workbook.properties.modified = dt.datetime.now(tz=dt.UTC).replace(tzinfo=None)
        ExcelWriter(workbook, archive).write_data()
        archive.close()
    except BaseException:
        _abandon(archive)
        raise


def _abandon(archive: zipfile.ZipFile) -> None:
    # Closing the archive would write its central directory (and fail again): close only
    # the file beneath it, and tell the archive it has none.
    handle, archive.fp = archive.fp, None
    if handle is not None:
        with contextlib.suppress(OSError):
            handle.close()
