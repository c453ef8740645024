"""Formula injection: text that Excel would run as a formula is written with a leading quote.

A cell that begins with = + - @ (or a tab or carriage return) in a file opened by Excel can
run a formula or a DDE command. Exports write such text as `'=…`; the importer removes the
quote again (see `xlsx_cells`), so a round trip keeps the value.
"""

from __future__ import annotations

from typing import Any

DANGEROUS_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell_value(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(DANGEROUS_STARTS):
        return "'" + value
    return value
