"""The block-wise cleaning of list exports gives exactly the cell-by-cell result."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from kehu.exchange.xlsx_safety import MAX_CELL, safe_cell_value, safe_rows

PIECES = ["北京", "a", " ", "-", "=", "+", "@", "\t", "\r", "\n", "\x00", "\x0b", "\x1f", "'", "#"]


def _value(rnd: random.Random):
    kind = rnd.random()
    if kind < 0.15:
        return None
    if kind < 0.25:
        return rnd.choice([0, 7, 2.5, Decimal("1.10"), dt.date(2024, 5, 6), True])
    if kind < 0.27:
        return "长" * (MAX_CELL + rnd.randint(-1, 3))
    return "".join(rnd.choice(PIECES) for _ in range(rnd.randint(0, 6)))


def test_blocks_are_cleaned_as_cell_by_cell():
    rnd = random.Random(18)
    for _ in range(300):
        width = rnd.randint(1, 6)
        mixed = rnd.random() < 0.5  # columns of one type, or anything anywhere
        column_kinds = [rnd.random() < 0.3 for _ in range(width)]
        rows = []
        for _ in range(rnd.randint(1, 40)):
            row = [
                _value(rnd) if mixed or not numeric else rnd.choice([None, 1, 2.5])
                for numeric in column_kinds
            ]
            rows.append(tuple(row) if rnd.random() < 0.2 else row)
        before = [list(row) for row in rows]
        expected = [[safe_cell_value(v) for v in row] for row in before]
        got = safe_rows(list(rows))
        assert [list(row) for row in got] == expected
        assert [list(row) for row in rows] == before  # the caller's rows are not changed


def test_clean_columns_are_passed_through_as_they_came():
    rows = [["KH000001", "北京科技有限公司", None, 3], ["KH000002", "上海-贸易", "多行\n文本", 4]]
    got = safe_rows(list(rows))
    assert got[0] is rows[0] and got[1] is rows[1]


def test_a_line_break_before_a_dash_inside_a_value_is_kept():
    rows = [["第一行\n-第二行", "x"], ["=1+1", "\t开头"]]
    assert safe_rows(rows) == [["第一行\n-第二行", "x"], ["'=1+1", "'\t开头"]]


def test_ragged_rows_are_cleaned_cell_by_cell():
    rows = [["=a"], ["b", "\x00c", None]]
    assert safe_rows(rows) == [["'=a"], ["b", "c", None]]
