"""Excel list exports: one sheet per table, write-only (constant memory), frozen header,
autofilter, long codes written as text columns, formula injection neutralised.

The export service (services/exports.py) makes the tables: titles, header labels, and
rows of values already converted (dates, amounts, choice labels) and masked.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.dimensions import ColumnDimension

from kehu.core.i18n import N_
from kehu.core.jobs import Job, no_job
from kehu.exchange.xlsx_safety import safe_rows
from kehu.exchange.xlsx_saving import save_book

HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
TEXT_WIDTH = 20
PROGRESS_EVERY = 500
WRITING = N_("Writing rows")


@dataclass
class Table:
    """One sheet of a list export."""

    title: str
    labels: Sequence[str]
    rows: Iterable[Sequence[Any]]
    text_columns: Sequence[int] = ()  # 0-based: codes, phone numbers, IDs (width 20)
    total: int = 0  # rows expected, for progress (0: unknown)
    counted: bool = field(default=True)  # its rows count as the export's rows


def write_tables(path: Path, tables: Iterable[Table], job: Job | None = None) -> int:
    """Write `tables` to the xlsx at `path`; returns the rows of the counted tables.

    Progress is reported every 500 rows; a cancelled job raises `Cancelled` (the caller
    removes the partial file)."""
    job = job or no_job()
    workbook = Workbook(write_only=True)
    try:
        count = _write(workbook, tables, job)
        job.check()
    except BaseException:
        _discard(workbook)
        raise
    save_book(workbook, path)
    return count


def _write(workbook: Workbook, tables: Iterable[Table], job: Job) -> int:
    count = 0
    for table in tables:
        sheet = workbook.create_sheet(table.title)
        _header(sheet, table.labels, table.text_columns)
        job.stage(WRITING, table.total)
        rows = 0
        append = sheet.append
        for block in _blocks(table.rows):
            # Formula injection and characters an xlsx cannot hold: tested column by column
            # over the block (C speed); the usual block is appended as it came.
            for row in safe_rows(block):
                append(row)
            rows += len(block)
            if rows % PROGRESS_EVERY == 0:
                job.progress(rows)
        sheet.auto_filter.ref = f"A1:{get_column_letter(max(len(table.labels), 1))}{rows + 1}"
        if table.counted:
            count += rows
    return count


def _discard(workbook: Workbook) -> None:
    """Close the sheets of an abandoned write-only workbook and delete their temporary
    files (they hold the rows written so far: customer data)."""
    for sheet in workbook.worksheets:
        with contextlib.suppress(Exception):  # best effort on the way out
            sheet.close()
        writer = getattr(sheet, "_writer", None)
        if writer is not None:
            with contextlib.suppress(OSError, ValueError, KeyError):
                writer.cleanup()


def _blocks(rows: Iterable[Sequence[Any]]) -> Iterator[list[Sequence[Any]]]:
    """`rows` in lists of `PROGRESS_EVERY` (progress is reported once a block)."""
    block: list[Sequence[Any]] = []
    for row in rows:
        block.append(row)
        if len(block) == PROGRESS_EVERY:
            yield block
            block = []
    if block:
        yield block


def _header(sheet: Any, labels: Sequence[str], text_columns: Iterable[int] = ()) -> None:
    bold = Font(bold=True)
    cells = []
    for label in labels:
        cell = WriteOnlyCell(sheet, value=label)
        cell.font, cell.fill = bold, HEADER_FILL
        cells.append(cell)
    for index in text_columns:
        letter = get_column_letter(index + 1)
        sheet.column_dimensions[letter] = ColumnDimension(sheet, index=letter, width=TEXT_WIDTH)
    sheet.freeze_panes = "A2"
    sheet.append(cells)
