"""Opening the spreadsheets users bring, safely and fast: xlsx/xlsm, xls, xlsb and ods through
python-calamine (Rust), CSV through the csv module.

An xlsx sheet is streamed once (`xlsx_split`): merged ranges, hidden rows, formula cells without
a cached value and error cells come from its raw XML, and calamine reads it back piece by piece
from a normalised temporary workbook, so memory stays bounded whatever the sheet's size. An
.xls, .xlsb or .ods file (small by nature; their size is checked) is read by calamine whole, its
sheet taken once and the workbook closed at once.
Integral numbers come as int (as Excel shows them), except those the file wrote with a decimal
point; an empty cell is None.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import python_calamine as calamine
from openpyxl.utils import get_column_letter

from kehu.core.i18n import N_, Message, note
from kehu.exchange.csv_reading import ENCODING_LABELS, csv_rows, detect_encoding, sniff_delimiter
from kehu.exchange.sheet_files import (
    SpreadsheetError,
    damaged,
    identify,
    not_spreadsheet,
    open_package,
)
from kehu.exchange.xlsx_split import SheetScan, write_workbook

logger = logging.getLogger(__name__)

__all__ = [
    "SheetInfo",
    "SheetScan",
    "SpreadsheetError",
    "Table",
    "check_zip",
    "identify",
    "is_blank",
    "open_table",
    "range_text",
    "read_preview",
    "text_of",
]


@dataclass(frozen=True)
class SheetInfo:
    name: str
    hidden: bool


@dataclass
class Table:
    """One sheet (or a CSV file) opened for reading; `rows()` streams (row number, values)."""

    path: Path
    kind: str  # "xlsx", "xls", "xlsb", "ods" or "csv"
    sheets: list[SheetInfo]
    sheet: str
    scan: SheetScan
    epoch1904: bool = False
    encoding: str | None = None
    notes: list[Message] = field(default_factory=list)  # about the whole file
    _workbook: Any = None  # a calamine workbook (xlsx: read piece by piece)
    _sheet: Any = None  # .xls/.xlsb/.ods: the calamine sheet, taken once (its workbook closed)
    _pieces: list[Any] = field(default_factory=list)  # sheet names (xlsx: p1, p2 …) or indexes
    _temporary: Path | None = None
    _delimiter: str = ","

    def rows(self) -> Iterator[tuple[int, tuple[Any, ...]]]:
        if self.kind == "csv":
            yield from csv_rows(self.path, self.encoding or "utf-8", self._delimiter)
        else:
            yield from _fill_merged(self._calamine_rows(), self.scan.merged)

    def _calamine_rows(self) -> Iterator[tuple[int, tuple[Any, ...]]]:
        decimals = self.scan.decimal_integers
        decimal_rows = {r for r, _c in decimals}
        for piece in self._pieces:
            try:
                if self._sheet is not None:
                    sheet = self._sheet
                elif isinstance(piece, int):
                    sheet = self._workbook.get_sheet_by_index(piece)
                else:
                    sheet = self._workbook.get_sheet_by_name(piece)
            except calamine.CalamineError as exc:
                raise damaged(self.path, exc) from exc
            start = sheet.start
            if start is None:
                continue
            first, pad = start[0] + 1, (None,) * start[1]
            for offset, cells in enumerate(sheet.iter_rows()):
                values = [
                    (None if v == "" else v)
                    if type(v) is str
                    else (int(v) if type(v) is float and v.is_integer() else v)
                    for v in cells
                ]
                number = first + offset
                if number in decimal_rows:
                    for col in range(len(cells)):
                        if (number, col + start[1] + 1) in decimals:
                            values[col] = float(cells[col])
                if values.count(None) != len(values):  # not blank (count: C speed)
                    yield number, pad + tuple(values) if pad else tuple(values)

    def close(self) -> None:
        self._sheet = None
        if self._workbook is not None:
            self._workbook.close()
            self._workbook = None
        if self._temporary is not None:
            self._temporary.unlink(missing_ok=True)
            self._temporary = None

    def __enter__(self) -> Table:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _fill_merged(
    rows: Iterator[tuple[int, tuple[Any, ...]]], merged: list[tuple[int, int, int, int]]
) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """Give every cell of a merged range the value of its top-left cell (Excel shows it so).

    Ranges are already clipped to the data; rows that hold nothing of their own stay out."""
    if not merged:
        yield from rows
        return
    starts: dict[int, list[tuple[int, int, int, int]]] = {}
    for rng in merged:
        starts.setdefault(rng[1], []).append(rng)
    active: list[tuple[tuple[int, int, int, int], Any]] = []
    for number, values in rows:
        for rng in starts.get(number, ()):
            c1 = rng[0]
            active.append((rng, values[c1 - 1] if c1 - 1 < len(values) else None))
        active = [item for item in active if item[0][3] >= number]
        if active:
            cells = list(values)
            for (c1, r1, c2, _r2), value in active:
                if r1 <= number:
                    if len(cells) < c2:
                        cells.extend([None] * (c2 - len(cells)))
                    for col in range(c1, c2 + 1):
                        cells[col - 1] = value
            values = tuple(cells)
        yield number, values


def range_text(rng: tuple[int, int, int, int]) -> str:
    c1, r1, c2, r2 = rng
    return f"{get_column_letter(c1)}{r1}:{get_column_letter(c2)}{r2}"


def check_zip(path: Path) -> None:
    """Refuse zip bombs, DTDs and packages that are not xlsx workbooks."""
    open_package(path).close()


# --- opening ------------------------------------------------------------------------------


def open_table(path: str | Path, sheet: str | None = None) -> Table:
    """Open a spreadsheet or CSV file for import; `sheet` defaults to the first visible sheet."""
    path = Path(path)
    kind = identify(path)
    if kind == "csv":
        return _open_csv(path)
    if kind == "xlsx":
        return _open_xlsx(path, sheet)
    return _open_other(path, kind, sheet)


def _choose(path: Path, sheets: list[SheetInfo], sheet: str | None) -> str:
    names = [s.name for s in sheets]
    if not sheets:
        raise SpreadsheetError(N_("{file} has no worksheets"), file=path.name)
    if sheet is None:
        visible = [s.name for s in sheets if not s.hidden]
        return visible[0] if visible else names[0]
    if sheet not in names:
        raise SpreadsheetError(
            N_("No sheet named '{sheet}'; the sheets are: {sheets}"),
            sheet=sheet,
            sheets=", ".join(names),
        )
    return sheet


def _open_xlsx(path: Path, sheet: str | None) -> Table:
    package = open_package(path)
    temporary: Path | None = None
    try:
        sheets = [SheetInfo(s.name, s.hidden) for s in package.sheets]
        chosen = _choose(path, sheets, sheet)
        part = next(s.part for s in package.sheets if s.name == chosen)
        handle, name = tempfile.mkstemp(prefix="kehu-import-", suffix=".xlsx")
        temporary = Path(name)
        with os.fdopen(handle, "wb") as target:
            scan, count = write_workbook(package, part, target)
        workbook = _calamine(path, temporary)
    except BaseException:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        raise
    finally:
        package.close()
    table = Table(path, "xlsx", sheets, chosen, scan, package.epoch1904, _workbook=workbook,
                  _pieces=[f"p{n}" for n in range(1, count + 1)], _temporary=temporary)  # fmt: skip
    if os.name == "posix":  # calamine holds the file open: it goes when the table is closed
        temporary.unlink(missing_ok=True)
        table._temporary = None
    table.notes.extend(_sheet_notes(sheets, chosen, package.epoch1904, scan))
    return table


def _calamine(path: Path, source: Path) -> Any:
    try:
        return calamine.CalamineWorkbook.from_path(str(source))
    except calamine.PasswordError as exc:
        text = N_("{file} is protected with a password and cannot be read.")
        raise SpreadsheetError(text, file=path.name) from exc
    except (calamine.CalamineError, OSError, ValueError) as exc:
        raise damaged(path, exc) from exc


_KIND_NAMES = {
    "xls": N_("an Excel 97-2003 workbook (.xls)"),
    "xlsb": N_("an Excel binary workbook (.xlsb)"),
    "ods": N_("an OpenDocument spreadsheet (.ods)"),
}


def _open_other(path: Path, kind: str, sheet: str | None) -> Table:
    try:
        workbook = _calamine(path, path)
    except SpreadsheetError as exc:
        if "error" not in exc.values:
            raise
        text = N_(
            "{file} cannot be read as {what} ({error}). Open it in Excel or WPS, save it as "
            "an Excel Workbook (.xlsx) and import that."
        )
        raise SpreadsheetError(text, file=path.name, what=_KIND_NAMES[kind],
                               error=exc.values["error"]) from exc  # fmt: skip
    try:
        metadata = workbook.sheets_metadata
        usable = [
            (index, m)
            for index, m in enumerate(metadata)
            if m.typ == calamine.SheetTypeEnum.WorkSheet
        ]
        sheets = [SheetInfo(m.name, m.visible != calamine.SheetVisibleEnum.Visible)
                  for _i, m in usable]  # fmt: skip
        if not sheets and metadata:
            raise not_spreadsheet(path, N_("a workbook without worksheets"))
        chosen = _choose(path, sheets, sheet)
        index = next(i for i, m in usable if m.name == chosen)
        scan = SheetScan()
        try:
            # The sheet is a copy of the workbook's: taken once (the preview, the header
            # check and the run read it again), and the workbook closed at once, so that the
            # parsed book is not held twice (for an .xls of 60,000 rows: 60 MB).
            chosen_sheet = workbook.get_sheet_by_index(index)
        except calamine.CalamineError as exc:
            raise damaged(path, exc) from exc
        ranges = chosen_sheet.merged_cell_ranges or []
        scan.merged = [(c1 + 1, r1 + 1, c2 + 1, r2 + 1) for (r1, c1), (r2, c2) in ranges]
    finally:
        workbook.close()
    table = Table(path, kind, sheets, chosen, scan, _sheet=chosen_sheet, _pieces=[index])
    table.notes.extend(_sheet_notes(sheets, chosen, False, scan))
    return table


def _sheet_notes(
    sheets: list[SheetInfo], chosen: str, epoch1904: bool, scan: SheetScan
) -> list[Message]:
    notes = []
    hidden = [s.name for s in sheets if s.hidden]
    if hidden:
        notes.append(
            note(
                N_("The workbook has hidden sheets: {sheets} (not imported unless you choose one)"),
                sheets=", ".join(hidden),
            )
        )
    if any(s.name == chosen and s.hidden for s in sheets):
        notes.append(note(N_("Reading the hidden sheet '{sheet}'"), sheet=chosen))
    if epoch1904:
        notes.append(
            note(
                N_(
                    "This workbook uses the 1904 date system (old Mac Excel); dates are "
                    "converted accordingly"
                )
            )
        )
    if scan.far_cells:
        notes.append(
            note(
                N_("{n} cells beyond column ZZ were not read (no dossier field is that far right)"),
                n=scan.far_cells,
            )
        )
    return notes


def _open_csv(path: Path) -> Table:
    encoding = detect_encoding(path)
    table = Table(
        path,
        "csv",
        [SheetInfo(path.stem, False)],
        path.stem,
        SheetScan(),
        encoding=encoding,
        _delimiter=sniff_delimiter(path, encoding),
    )
    label = ENCODING_LABELS.get(encoding, encoding.upper())
    table.notes.append(note(N_("CSV encoding: {encoding}"), encoding=label))
    return table


def read_preview(table: Table, limit: int = 50) -> list[tuple[int, tuple[Any, ...]]]:
    """The first rows of a table, for header detection and the wizard's preview."""
    found = []
    for item in table.rows():
        found.append(item)
        if len(found) >= limit:
            break
    return found


def is_blank(values: tuple[Any, ...]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


def text_of(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date().isoformat()
    return str(value)
