"""The derived counts of an owner transfer, moved set-based (SQLite).

A customer's owner is in the category counts (`category_count`, schema 4) and in the sales
summaries (`sales_month`, `sales_summary`, `product_month`, schema 7), kept by two triggers
that fire per customer (`category_count_customer_update`, `sales_summary_owner_update`). For
a transfer of 100,000 customers those triggers are most of the time; so inside the transfer's
transaction they are dropped, the counts are moved by a few statements over the whole batch,
and the triggers are created again before the commit (SQLite's schema changes are part of
the transaction: a failure rolls the drop back with everything else). Where a trigger was
missing (a damaged file), its counts are left as they were, for `kehu repair`.

Two ways: every customer of one owner (their count rows change owner whole), or a chosen set
(held in a temporary table, its counts subtracted from the old owners and added to the new).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from peewee import Database

from kehu.db import sales_arrays
from kehu.db.dialect import dialect

COUNT_TRIGGER = "category_count_customer_update"
SALES_TRIGGER = "sales_summary_owner_update"
MOVING = "temp_owner_moving"
STAMP_TRIGGERS = "sales_summary_stamp_"

_MONTH = "CAST(substr(sl.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(sl.sale_date, 6, 2) AS INTEGER) - 1"
_SUMMARY_KEYS = {
    "category_count": ("category_id", "owner_id", "status"),
    "sales_summary": ("category_id", "month", "owner_id", "product_category"),
    "product_month": ("month", "product_id", "owner_id"),
}
_SUMMARY_SUMS = {
    "category_count": ("n",),
    "sales_summary": ("amount", "lines"),
    "product_month": ("amount", "lines"),
}


@contextmanager
def owner_triggers_off(db: Database) -> Iterator[set[str]]:
    """Inside a write transaction: the two per-customer owner triggers are dropped for the
    block (yields the names that existed), and created again after it."""
    sql = dialect(db)
    found = [
        (name, statement)
        for prefix in (COUNT_TRIGGER, SALES_TRIGGER)
        for name, statement in sql.trigger_definitions(db, prefix)
        if name == prefix
    ]
    # The analyses' stamps (schema 11) would be renewed per customer and per month row:
    # they are renewed once after the block instead.
    stamps = sql.trigger_definitions(db, STAMP_TRIGGERS)
    for name, _statement in found + stamps:
        sql.drop_trigger(db, name)
    try:
        yield {name for name, _statement in found}
    finally:
        for _name, statement in found + stamps:
            db.execute_sql(statement)
        if stamps:
            sales_arrays.bump(db, (sales_arrays.SALES, sales_arrays.CUSTOMERS))


def _upsert(table: str, select: str) -> str:
    keys, sums = _SUMMARY_KEYS[table], _SUMMARY_SUMS[table]
    update = ", ".join(f"{s} = {s} + excluded.{s}" for s in sums)
    return (
        f'INSERT INTO "{table}" ({", ".join(keys + sums)}) {select} '
        f"ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {update}"
    )


def move_all_counts(db: Database, off: set[str], from_id: int, to_id: int) -> None:
    """Every customer of `from_id` goes to `to_id`: their count rows change owner whole."""
    p = db.param
    tables = []
    if COUNT_TRIGGER in off:
        tables.append("category_count")
    if SALES_TRIGGER in off:
        db.execute_sql(
            f"UPDATE sales_month SET owner_id = {p} WHERE owner_id = {p}", (to_id, from_id)
        )
        tables += ["sales_summary", "product_month"]
    for table in tables:
        keys, sums = _SUMMARY_KEYS[table], _SUMMARY_SUMS[table]
        columns = ", ".join(p if k == "owner_id" else k for k in keys + sums)
        db.execute_sql(
            _upsert(table, f'SELECT {columns} FROM "{table}" WHERE owner_id = {p}'),
            (to_id, from_id),
        )
        db.execute_sql(f'DELETE FROM "{table}" WHERE owner_id = {p}', (from_id,))


def fill_moving(db: Database, rows: Sequence[tuple[int, int]]) -> None:
    """The temporary table of the chosen customers: (customer id, old owner or 0)."""
    db.execute_sql(
        f"CREATE TEMP TABLE IF NOT EXISTS {MOVING} "
        "(customer_id INTEGER PRIMARY KEY, old_owner INTEGER NOT NULL)"
    )
    db.execute_sql(f"DELETE FROM {MOVING}")
    db.cursor().executemany(f"INSERT INTO {MOVING} VALUES ({db.param}, {db.param})", rows)


def drop_moving(db: Database) -> None:
    db.execute_sql(f"DROP TABLE IF EXISTS {MOVING}")


def move_chosen_counts(db: Database, off: set[str], to_id: int) -> None:
    """The customers of the temporary table go to `to_id` (run before their owner changes):
    their links and sales are counted once, taken from the old owners, given to the new."""
    p = db.param
    # (owner expression, sign): the old owners lose, the new one gains
    sides = (("m.old_owner", "-", ()), (p, "", (to_id,)))
    if COUNT_TRIGGER in off:
        for owner, sign, params in sides:
            select = (
                f"SELECT cc.category_id, {owner}, c.status, {sign}COUNT(*) FROM {MOVING} m "
                "JOIN customer c ON c.id = m.customer_id "
                "JOIN customer_category cc ON cc.customer_id = m.customer_id "
                "WHERE 1 GROUP BY 1, 2, 3"
            )
            db.execute_sql(_upsert("category_count", select), params)
    if SALES_TRIGGER not in off:
        return
    db.execute_sql(
        f"UPDATE sales_month SET owner_id = {p} "
        f"WHERE customer_id IN (SELECT customer_id FROM {MOVING})",
        (to_id,),
    )
    categories = (
        f"(SELECT customer_id, 0 AS category_id FROM {MOVING} UNION ALL "
        f"SELECT cc.customer_id, cc.category_id FROM customer_category cc "
        f"JOIN {MOVING} mm ON mm.customer_id = cc.customer_id)"
    )
    for owner, sign, params in sides:
        select = (
            f"SELECT k.category_id, {_MONTH}, {owner}, sl.product_category, "
            f"{sign}SUM(sl.amount), {sign}COUNT(*) FROM {MOVING} m "
            "JOIN sale_line sl ON sl.customer_id = m.customer_id "
            f"JOIN {categories} k ON k.customer_id = m.customer_id WHERE 1 GROUP BY 1, 2, 3, 4"
        )
        db.execute_sql(_upsert("sales_summary", select), params)
        select = (
            f"SELECT {_MONTH}, COALESCE(sl.product_id, 0), {owner}, "
            f"{sign}SUM(sl.amount), {sign}COUNT(*) FROM {MOVING} m "
            "JOIN sale_line sl ON sl.customer_id = m.customer_id WHERE 1 GROUP BY 1, 2, 3"
        )
        db.execute_sql(_upsert("product_month", select), params)
