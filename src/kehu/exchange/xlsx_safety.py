"""Text that an xlsx cell can hold, and that Excel will not run.

A cell that begins with = + - @ (or a tab or carriage return) in a file opened by Excel can
run a formula or a DDE command. Exports write such text as `'=…`; the importer removes the
quote again (see `xlsx_cells`), so a round trip keeps the value. Control characters other than
tab and line breaks (NUL, a vertical tab…) cannot be stored in an xlsx at all: they are left
out, so that no stored text can make an export fail. A cell holds at most 32,767 characters.
"""

from __future__ import annotations

import re
from typing import Any

DANGEROUS_STARTS = ("=", "+", "-", "@", "\t", "\r")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
MAX_CELL = 32_767


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
        if value.startswith(DANGEROUS_STARTS):
            return "'" + value[: MAX_CELL - 1]
    return value
