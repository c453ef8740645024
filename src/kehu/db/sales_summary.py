"""The sales summaries of schema 7 (sales_month, sales_summary, product_month): kept by
triggers on sale_line, customer_category and customer (SQLite triggers named
`sales_summary_*`), dropped during a bulk load and rebuilt after it, and rebuilt by repair.
The stamps of schema 11 (`kehu.db.sales_arrays`) are kept by triggers of the same prefix,
so a bulk load drops and restores them too, and a rebuild renews them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from peewee import Database

from kehu.db import sales_arrays
from kehu.db.dialect import dialect, drop_named_triggers

TRIGGER_PREFIX = "sales_summary_"  # also the stamps' of schema 11
STAMP_PREFIX = "sales_summary_stamp_month_"
TABLES = ("sales_month", "sales_summary", "product_month")

_MONTH = "CAST(substr(sl.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(sl.sale_date, 6, 2) AS INTEGER) - 1"
_REBUILD = (
    "INSERT INTO sales_month (customer_id, month, owner_id, amount, lines) "
    f"SELECT sl.customer_id, {_MONTH}, COALESCE(c.owner_id, 0), SUM(sl.amount), COUNT(*) "
    "FROM sale_line sl JOIN customer c ON c.id = sl.customer_id GROUP BY 1, 2, 3",
    "INSERT INTO sales_summary (category_id, month, owner_id, product_category, amount, lines) "
    f"SELECT 0, {_MONTH}, COALESCE(c.owner_id, 0), sl.product_category, SUM(sl.amount), COUNT(*) "
    "FROM sale_line sl JOIN customer c ON c.id = sl.customer_id GROUP BY 2, 3, 4",
    "INSERT INTO sales_summary (category_id, month, owner_id, product_category, amount, lines) "
    f"SELECT cc.category_id, {_MONTH}, COALESCE(c.owner_id, 0), sl.product_category, "
    "SUM(sl.amount), COUNT(*) FROM sale_line sl JOIN customer c ON c.id = sl.customer_id "
    "JOIN customer_category cc ON cc.customer_id = sl.customer_id GROUP BY 1, 2, 3, 4",
    "INSERT INTO product_month (product_id, month, owner_id, amount, lines) "
    f"SELECT COALESCE(sl.product_id, 0), {_MONTH}, COALESCE(c.owner_id, 0), SUM(sl.amount), "
    "COUNT(*) FROM sale_line sl JOIN customer c ON c.id = sl.customer_id GROUP BY 2, 1, 3",
)


def clear(db: Database) -> None:
    """Empty the summaries (before `rebuild`, or a bulk load that writes them itself)."""
    for table in TABLES:
        db.execute_sql(f'DELETE FROM "{table}"')


def rebuild(db: Database) -> None:
    """Compute the three summaries again from the sale lines (in the caller's transaction or
    its own). The change-log triggers on sales_month (schema 11) are off meanwhile (they
    would log every row); the log is emptied and the stamps renewed once at the end, so
    every copy in memory of the analyses is read again."""
    sql = dialect(db)
    with db.atomic():
        stamps = sql.trigger_definitions(db, STAMP_PREFIX)
        for name, _statement in stamps:
            sql.drop_trigger(db, name)
        clear(db)
        for statement in _REBUILD:
            db.execute_sql(statement)
        for _name, statement in stamps:
            db.execute_sql(statement)
        renew_stamps(db)


def renew_stamps(db: Database) -> None:
    """After the summaries were written without their stamp triggers: an empty change log
    and new stamps, so every copy in memory of the analyses is read again."""
    if _has_stamps(db):
        sales_arrays.clear_log(db)
        sales_arrays.bump(db)


def _has_stamps(db: Database) -> bool:
    return db.table_exists("analysis_stamp")


def drop_triggers(db: Database) -> list[str]:
    """Drop the summary triggers before a bulk load; returns their SQL for `restore`."""
    return drop_named_triggers(db, TRIGGER_PREFIX)


def restore_triggers(db: Database, triggers: list[str], recompute: bool = True) -> None:
    """After a bulk load: rebuild the summaries (unless the loader wrote them: `recompute`
    False) and recreate the triggers."""
    if not triggers:
        return
    if recompute:
        rebuild(db)
    else:
        renew_stamps(db)
    for statement in triggers:
        db.execute_sql(statement)


def _month(date: str) -> int:
    """The month number of an ISO date as the SQL above computes it (year * 12 + month - 1)."""
    return int(date[:4]) * 12 + int(date[5:7]) - 1


_BITS = {"category": 20, "month": 16, "owner": 16, "label": 8, "product": 20}


def _fits(values: np.ndarray, bits: int) -> bool:
    return not len(values) or (int(values.min()) >= 0 and int(values.max()) < 1 << bits)


def _grouped(keys: np.ndarray, amounts: np.ndarray, lines: np.ndarray | None = None):
    """(distinct keys in order, summed amounts, summed lines): exact integer sums."""
    if not len(keys):
        return keys, amounts, amounts if lines is None else lines
    order = np.argsort(keys, kind="stable")
    keys, amounts = keys[order], amounts[order]
    starts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
    if lines is None:
        counts = np.diff(np.append(starts, len(keys)))
    else:
        counts = np.add.reduceat(lines[order], starts)
    return keys[starts], np.add.reduceat(amounts, starts), counts


class Sums:
    """The `sales_summary` and `product_month` sums of a bulk load, added up chunk by chunk:
    each chunk's sums come packed (`rows_for`: int64 keys, amounts and lines as bytes, cheap
    to send between processes), and are grouped once at the end (`rows`)."""

    def __init__(self, labels: Sequence[str]) -> None:
        self.labels = tuple(labels)  # product categories by their number in the keys
        self.parts: dict[str, list[bytes]] = {"summary": [], "products": []}

    def add(self, packed: Mapping[str, Sequence[bytes]]) -> None:
        for name in self.parts:
            self.parts[name].extend(packed[name])

    def _table(self, name: str):
        parts = self.parts[name]
        arrays = [
            np.concatenate([np.frombuffer(b, dtype=np.int64) for b in parts[i::3]] or [_EMPTY])
            for i in range(3)
        ]
        return _grouped(*arrays)

    def summary_rows(self) -> list[tuple]:
        """sales_summary rows (category, month, owner, product category, amount, lines)."""
        keys, amounts, lines = self._table("summary")
        b = _BITS
        category = keys >> (b["month"] + b["owner"] + b["label"])
        month = (keys >> (b["owner"] + b["label"])) & ((1 << b["month"]) - 1)
        owner = (keys >> b["label"]) & ((1 << b["owner"]) - 1)
        label = keys & ((1 << b["label"]) - 1)
        labels = self.labels
        return [
            (c, m, o, labels[pc], a, n)
            for c, m, o, pc, a, n in zip(
                category.tolist(),
                month.tolist(),
                owner.tolist(),
                label.tolist(),
                amounts.tolist(),
                lines.tolist(),
                strict=True,
            )
        ]

    def product_rows(self) -> list[tuple]:
        """product_month rows (month, product, owner, amount, lines)."""
        keys, amounts, lines = self._table("products")
        b = _BITS
        month = keys >> (b["product"] + b["owner"])
        product = (keys >> b["owner"]) & ((1 << b["product"]) - 1)
        owner = keys & ((1 << b["owner"]) - 1)
        return list(
            zip(
                month.tolist(),
                product.tolist(),
                owner.tolist(),
                amounts.tolist(),
                lines.tolist(),
                strict=True,
            )
        )


_EMPTY = np.zeros(0, dtype=np.int64)


def rows_for(
    lines: Sequence[tuple[str, int, int | None, str, int]],
    owners: Mapping[int, int | None],
    links: Sequence[tuple[int, int]],
    labels: Sequence[str],
) -> tuple[list[tuple], dict[str, list[bytes]]] | None:
    """Pure: what the summaries gain from new customers' sale lines (sale_date, customer id,
    product id, product category, amount), given the customers' owners, their links
    (customer id, category id) sorted by customer, and the product categories (`labels`):
    the `sales_month` rows (these customers have no others), and the packed additions to
    `sales_summary` and `product_month` for `Sums.add`. The same sums as `rebuild`; None when
    an id is too large for the packed keys (the caller rebuilds then). A bulk loader computes
    them in its worker processes."""
    label_of = {label: n for n, label in enumerate(labels)}
    months: dict[str, int] = {}
    for date in {line[0] for line in lines}:
        months[date] = _month(date)
    n = len(lines)
    month = np.fromiter((months[line[0]] for line in lines), dtype=np.int64, count=n)
    cid = np.fromiter((line[1] for line in lines), dtype=np.int64, count=n)
    product = np.fromiter((line[2] or 0 for line in lines), dtype=np.int64, count=n)
    label = np.fromiter((label_of[line[3]] for line in lines), dtype=np.int64, count=n)
    amount = np.fromiter((line[4] for line in lines), dtype=np.int64, count=n)
    owner = np.fromiter((owners[line[1]] or 0 for line in lines), dtype=np.int64, count=n)
    link_cid = np.fromiter((link[0] for link in links), dtype=np.int64, count=len(links))
    link_category = np.fromiter((link[1] for link in links), dtype=np.int64, count=len(links))
    b = _BITS
    if not (
        _fits(month, b["month"])
        and _fits(owner, b["owner"])
        and _fits(product, b["product"])
        and _fits(link_category, b["category"])
        and len(labels) < 1 << b["label"]
        and _fits(cid, 63 - b["month"])
    ):
        return None
    # sales_month: by (customer, month); the owner is the customer's
    keys, sums, counts = _grouped((cid << b["month"]) | month, amount)
    key_cid = keys >> b["month"]
    month_rows = [
        (c, m, owners[c] or 0, a, k)
        for c, m, a, k in zip(
            key_cid.tolist(),
            (keys & ((1 << b["month"]) - 1)).tolist(),
            sums.tolist(),
            counts.tolist(),
            strict=True,
        )
    ]
    # sales_summary: every line under category 0 and under each category of its customer
    first = np.searchsorted(link_cid, cid, side="left")
    per_line = np.searchsorted(link_cid, cid, side="right") - first
    fanned = np.repeat(np.arange(n), per_line)
    within = np.arange(len(fanned)) - np.repeat(np.cumsum(per_line) - per_line, per_line)
    category = np.concatenate((np.zeros(n, dtype=np.int64), link_category[first[fanned] + within]))
    line_of = np.concatenate((np.arange(n), fanned))
    rest = ((month << b["owner"] | owner) << b["label"]) | label
    summary = _grouped(
        (category << (b["month"] + b["owner"] + b["label"])) | rest[line_of], amount[line_of]
    )
    products = _grouped(
        (month << (b["product"] + b["owner"])) | (product << b["owner"]) | owner, amount
    )
    return month_rows, {
        "summary": [a.tobytes() for a in summary],
        "products": [a.tobytes() for a in products],
    }


def insert_month_rows(db: Database, rows: Sequence[tuple]) -> None:
    """Insert `sales_month` rows from `rows_for` (of customers without rows: new ones after
    `clear`)."""
    dialect(db).copy_rows(
        db, "sales_month", ("customer_id", "month", "owner_id", "amount", "lines"), rows
    )


def insert_sums(db: Database, sums: Sums) -> None:
    """Insert the `sales_summary` and `product_month` rows of a bulk load into tables emptied
    by `clear` (in primary-key order)."""
    sql = dialect(db)
    sql.copy_rows(
        db,
        "sales_summary",
        ("category_id", "month", "owner_id", "product_category", "amount", "lines"),
        sorted(sums.summary_rows()),
    )
    sql.copy_rows(
        db,
        "product_month",
        ("month", "product_id", "owner_id", "amount", "lines"),
        sums.product_rows(),
    )


def differences(db: Database) -> list[str]:
    """Names of the summary tables whose rows differ from a fresh computation (for check)."""
    found = []
    queries = {
        "sales_month": (
            "SELECT customer_id, month, owner_id, amount, lines FROM sales_month",
            _REBUILD[0].split(") ", 1)[1],
        ),
        "product_month": (
            "SELECT product_id, month, owner_id, amount, lines FROM product_month WHERE lines <> 0",
            _REBUILD[3].split(") ", 1)[1],
        ),
        "sales_summary": (
            "SELECT category_id, month, owner_id, product_category, amount, lines "
            "FROM sales_summary WHERE lines <> 0",
            "SELECT * FROM ("
            + _REBUILD[1].split(") ", 1)[1]
            + " UNION ALL "
            + _REBUILD[2].split(") ", 1)[1]
            + ") AS computed",
        ),
    }
    for table, (stored, computed) in queries.items():
        a = db.execute_sql(
            f"SELECT COUNT(*) FROM ({stored} EXCEPT SELECT * FROM ({computed}) AS c) AS a"
        )
        b = db.execute_sql(
            f"SELECT COUNT(*) FROM (SELECT * FROM ({computed}) AS c EXCEPT {stored}) AS b"
        )
        a, b = a.fetchone()[0], b.fetchone()[0]
        if a or b:
            found.append(table)
    return found
