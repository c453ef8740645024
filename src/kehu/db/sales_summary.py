"""The sales summaries of schema 7 (sales_month, sales_summary, product_month): kept by
triggers on sale_line, customer_category and customer (SQLite triggers named
`sales_summary_*`), dropped during a bulk load and rebuilt after it, and rebuilt by repair.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from peewee import Database

from kehu.db.dialect import dialect

TRIGGER_PREFIX = "sales_summary_"
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


def clear(db: Database) -> None:
    """Empty the summaries (before `rebuild`, or a bulk load that writes them itself)."""
    for table in TABLES:
        db.execute_sql(f'DELETE FROM "{table}"')


def rebuild(db: Database) -> None:
    """Compute the three summaries again from the sale lines (in the caller's transaction or
    its own)."""
    with db.atomic():
        clear(db)
        for statement in _REBUILD:
            db.execute_sql(statement)


def drop_triggers(db: Database) -> list[str]:
    """Drop the summary triggers before a bulk load; returns their SQL for `restore`."""
    sql = dialect(db)
    triggers = sql.trigger_definitions(db, TRIGGER_PREFIX)
    for name, _statement in triggers:
        sql.drop_trigger(db, name)
    return [statement for _name, statement in triggers]


def restore_triggers(db: Database, triggers: list[str], rebuilt: bool = True) -> None:
    """After a bulk load: rebuild the summaries (unless the loader wrote them: `rebuilt`
    False) and recreate the triggers."""
    if not triggers:
        return
    if rebuilt:
        rebuild(db)
    for statement in triggers:
        db.execute_sql(statement)


def _month(date: str) -> int:
    """The month number of an ISO date as the SQL above computes it (year * 12 + month - 1)."""
    return int(date[:4]) * 12 + int(date[5:7]) - 1


class Totals(dict):
    """Summary rows being added up: primary key → [amount, lines]."""

    def add(self, key: tuple, amount: int, lines: int = 1) -> None:
        found = self.get(key)
        if found is None:
            self[key] = [amount, lines]
        else:
            found[0] += amount
            found[1] += lines

    def merge(self, other: Mapping[tuple, Sequence[int]]) -> None:
        for key, (amount, lines) in other.items():
            self.add(key, amount, lines)


def rows_for(
    lines: Iterable[tuple[str, int, int | None, str, int]],
    owners: Mapping[int, int | None],
    categories: Mapping[int, Sequence[int]],
) -> tuple[list[tuple], Totals, Totals]:
    """Pure: what the summaries gain from new customers' sale lines (sale_date, customer id,
    product id, product category, amount), given the customers' owners and the categories
    they are in: the `sales_month` rows (these customers have no others), and the additions
    to `sales_summary` and `product_month` by primary key. The same sums as `rebuild`; a bulk
    loader computes them in its worker processes and adds the chunks up (`Totals.merge`)."""
    months: dict[str, int] = {}
    per_customer, summary, products = Totals(), Totals(), Totals()
    last, under = None, (0,)
    for date, cid, product, product_category, amount in lines:
        month = months.get(date)
        if month is None:
            month = months[date] = _month(date)
        owner = owners[cid] or 0
        if cid != last:  # category 0 holds every line
            last, under = cid, (0, *categories.get(cid, ()))
        # Totals.add, inlined (millions of calls)
        key = (cid, month, owner)
        found = per_customer.get(key)
        if found is None:
            per_customer[key] = [amount, 1]
        else:
            found[0] += amount
            found[1] += 1
        key = (month, product or 0, owner)
        found = products.get(key)
        if found is None:
            products[key] = [amount, 1]
        else:
            found[0] += amount
            found[1] += 1
        for category in under:
            key = (category, month, owner, product_category)
            found = summary.get(key)
            if found is None:
                summary[key] = [amount, 1]
            else:
                found[0] += amount
                found[1] += 1
    month_rows = sorted(
        (cid, month, owner, a, n) for (cid, month, owner), (a, n) in per_customer.items()
    )
    return month_rows, summary, products


def insert_month_rows(db: Database, rows: Sequence[tuple]) -> None:
    """Insert `sales_month` rows from `rows_for` (of customers without rows: new ones after
    `clear`)."""
    if rows:
        db.cursor().executemany(
            "INSERT INTO sales_month (customer_id, month, owner_id, amount, lines) "
            f"VALUES ({', '.join([db.param] * 5)})",
            rows,
        )


def insert_totals(db: Database, summary: Mapping, products: Mapping) -> None:
    """Insert the summed `sales_summary` and `product_month` rows of a bulk load into tables
    emptied by `clear` (in primary-key order)."""
    p = db.param
    cursor = db.cursor()
    cursor.executemany(
        "INSERT INTO sales_summary (category_id, month, owner_id, product_category, amount, "
        f"lines) VALUES ({p}, {p}, {p}, {p}, {p}, {p})",
        [(*key, a, n) for key, (a, n) in sorted(summary.items())],
    )
    cursor.executemany(
        "INSERT INTO product_month (month, product_id, owner_id, amount, lines) "
        f"VALUES ({p}, {p}, {p}, {p}, {p})",
        [(*key, a, n) for key, (a, n) in sorted(products.items())],
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
