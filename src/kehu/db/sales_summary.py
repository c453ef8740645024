"""The sales summaries of schema 7 (sales_month, sales_summary, product_month): kept by
triggers on sale_line, customer_category and customer (SQLite triggers named
`sales_summary_*`), dropped during a bulk load and rebuilt after it, and rebuilt by repair.
The stamps of schema 11 (`kehu.db.sales_arrays`) are kept by triggers of the same prefix,
so a bulk load drops and restores them too, and a rebuild renews them.
"""

from __future__ import annotations

from peewee import Database

from kehu.db import sales_arrays
from kehu.db.dialect import dialect

TRIGGER_PREFIX = "sales_summary_"  # also the stamps' of schema 11
STAMP_PREFIX = "sales_summary_stamp_month_"
TABLES = ("sales_month", "sales_summary", "product_month")

_MONTH = "CAST(substr(sl.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(sl.sale_date, 6, 2) AS INTEGER) - 1"
_REBUILD = (
    "INSERT INTO sales_month (customer_id, month, owner_id, amount, lines) "
    f"SELECT sl.customer_id, {_MONTH}, COALESCE(c.owner_id, 0), SUM(sl.amount), COUNT(*) "
    "FROM sale_line sl JOIN customer c ON c.id = sl.customer_id GROUP BY 1, 2",
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
        for table in TABLES:
            db.execute_sql(f'DELETE FROM "{table}"')
        for statement in _REBUILD:
            db.execute_sql(statement)
        for _name, statement in stamps:
            db.execute_sql(statement)
        if _has_stamps(db):
            sales_arrays.clear_log(db)
            sales_arrays.bump(db)


def _has_stamps(db: Database) -> bool:
    return bool(
        db.execute_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'analysis_stamp'"
        ).fetchone()
    )


def drop_triggers(db: Database) -> list[str]:
    """Drop the summary triggers before a bulk load; returns their SQL for `restore`."""
    sql = dialect(db)
    triggers = sql.trigger_definitions(db, TRIGGER_PREFIX)
    for name, _statement in triggers:
        sql.drop_trigger(db, name)
    return [statement for _name, statement in triggers]


def restore_triggers(db: Database, triggers: list[str]) -> None:
    """After a bulk load: rebuild the summaries and recreate the triggers."""
    if not triggers:
        return
    rebuild(db)
    for statement in triggers:
        db.execute_sql(statement)


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
            + ")",
        ),
    }
    for table, (stored, computed) in queries.items():
        a = db.execute_sql(f"SELECT COUNT(*) FROM ({stored} EXCEPT SELECT * FROM ({computed}))")
        b = db.execute_sql(f"SELECT COUNT(*) FROM (SELECT * FROM ({computed}) EXCEPT {stored})")
        a, b = a.fetchone()[0], b.fetchone()[0]
        if a or b:
            found.append(table)
    return found
