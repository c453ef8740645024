"""The rejected-rows workbook of an import: the original cells, the row number and the reason,
so that the user can correct the rows and import this file again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill

from kehu.core.i18n import N_, translate
from kehu.exchange.xlsx_safety import cell_text, safe_cell_value
from kehu.exchange.xlsx_saving import save_book

HEADER_FILL = PatternFill("solid", fgColor="FCE4D6")


def write_rejected(
    path: str | Path,
    headers: list[str],
    rows: Iterable[tuple[int, tuple[Any, ...], list[str]]],
    warnings: Iterable[str] = (),
    lang: str = "en",
) -> Path:
    """rows: (sheet row number, original values, reasons). The reason column comes first."""
    path = Path(path)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(translate(N_("Rejected rows"), lang))
    sheet.freeze_panes = "C2"
    bold = Font(bold=True)
    head = [translate(N_("Reason"), lang), translate(N_("Row"), lang), *headers]
    cells = []
    for text in head:
        cell = WriteOnlyCell(sheet, value=safe_cell_value(text))
        cell.font, cell.fill = bold, HEADER_FILL
        cells.append(cell)
    sheet.append(cells)
    sheet.column_dimensions["A"].width = 60
    wrap = Alignment(wrap_text=True, vertical="top")
    for number, values, reasons in rows:
        reason = WriteOnlyCell(sheet, value=cell_text("\n".join(reasons)))
        reason.alignment = wrap
        sheet.append([reason, number, *(_original(sheet, v) for v in values[: len(headers)])])
    notes = list(warnings)
    if notes:
        other = workbook.create_sheet(translate(N_("Warnings"), lang))
        other.column_dimensions["A"].width = 120
        other.append([translate(N_("Imported, but please check:"), lang)])
        for line in notes:
            other.append([safe_cell_value(line)])
    save_book(workbook, path)
    return path


def _original(sheet: Any, value: Any) -> Any:
    if isinstance(value, str):
        cell = WriteOnlyCell(sheet, value=safe_cell_value(value))
        cell.number_format = "@"
        return cell
    if isinstance(value, (dt.datetime, dt.date)):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "yyyy-mm-dd"
        return cell
    return value
