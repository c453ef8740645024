"""Text that an xlsx cell can hold, and that Excel will not run.

A cell that begins with = + - @ (or a tab or carriage return) in a file opened by Excel can
run a formula or a DDE command. Exports write such text as `'=…`; the importer removes the
quote again (see `xlsx_cells`), so a round trip keeps the value. Text that reads as an Excel
error (`#N/A`…) is quoted the same way: unquoted, Excel and the importer take it for an error
cell. Control characters other than
tab and line breaks (NUL, a vertical tab…) cannot be stored in an xlsx at all: they are left
out, so that no stored text can make an export fail. A cell holds at most 32,767 characters.
"""

from __future__ import annotations

import re
from typing import Any

DANGEROUS_STARTS = ("=", "+", "-", "@", "\t", "\r")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
MAX_CELL = 32_767
EXCEL_ERRORS = frozenset(
    ("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
     "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!")
)  # fmt: skip


def is_error_text(text: str) -> bool:
    """Whether `text` reads as an Excel error value (as Excel compares: trimmed, any case)."""
    text = text.strip()
    return text[:1] == "#" and text.upper() in EXCEL_ERRORS


def cell_text(text: str) -> str:
    """`text` without the characters an xlsx cannot hold, cut to what a cell holds."""
    if not text.isprintable():
        text = CONTROL.sub("", text)
    if len(text) > MAX_CELL:
        text = text[: MAX_CELL - 1] + "…"
    return text


def safe_cell_value(value: Any) -> Any:
    if isinstance(value, str):
        value = cell_text(value)
        if value.startswith(DANGEROUS_STARTS) or is_error_text(value):
            return "'" + value[: MAX_CELL - 1]
    return value


# A dangerous start (or an error value's #) in a column's text joined line by line (with a line
# break in front). A line break followed by `-` inside one value matches too: the column is then
# cleaned cell by cell (slower, never wrong).
_STARTS = re.compile(r"\n(?:[=+\-@\t\r]| *#)")


def safe_rows(rows: list[Any]) -> list[Any]:
    """`rows` (a block of equal or unequal rows) with every text cell as `safe_cell_value`
    makes it; the rows that change are copied, the others are returned as they are.

    The test runs column by column at C speed (the column's text joined, one regular
    expression, one length); only a column where some value may need it is cleaned cell by
    cell. A list export spends next to nothing here."""
    if not rows:
        return rows
    widths = set(map(len, rows))
    if len(widths) != 1:  # ragged rows: cell by cell
        return [[safe_cell_value(v) for v in row] for row in rows]
    for index, column in enumerate(zip(*rows, strict=True)):
        if _suspect(column):
            _clean_column(rows, index)
    return rows


def _suspect(column: tuple[Any, ...]) -> bool:
    """Whether some text cell of `column` may need `safe_cell_value` (C-speed tests only)."""
    try:
        texts: list[Any] = list(filter(None, column))
        joined = "\n".join(texts)
    except TypeError:  # numbers, dates…: only the column's text cells count
        texts = [v for v in column if isinstance(v, str)]
        joined = "\n".join(texts)
    if not texts:
        return False
    if _STARTS.search("\n" + joined) is not None:
        return True
    spaced = " ".join(texts)  # printable unless a cell holds a control character or a tab
    if not spaced.isprintable() and CONTROL.search(spaced) is not None:
        return True
    return len(spaced) > MAX_CELL and max(map(len, texts)) > MAX_CELL


def _clean_column(rows: list[Any], index: int) -> None:
    for number, row in enumerate(rows):
        value = row[index]
        if isinstance(value, str):
            safe = safe_cell_value(value)
            if safe is not value:
                row = list(row)  # the caller's row stays as it was
                row[index] = safe
                rows[number] = row
