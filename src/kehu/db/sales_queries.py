"""The questions the analyses ask of the sales summaries (schema 7), one function each.

Every function takes the period as a month range (`first`, `last`, inclusive month numbers of
`kehu.core.periods`) and `owners`: the owner ids the viewer sees (`kehu.db.visibility`), or
None for all. Amounts are integer cents. Customers without an owner are stored as owner 0
and seen only with `owners=None` (as in the tree counts).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from kehu.db import sales_arrays
from kehu.db.models import Customer

Owners = Collection[int] | None


def _db():
    return Customer._meta.database


def _marks(values: Collection) -> str:
    return ", ".join([_db().param] * len(values))


def _owner_clause(owners: Owners, column: str = "owner_id") -> tuple[str, list]:
    if owners is None:
        return "", []
    ids = sorted(owners)
    if not ids:
        return " AND 0", []
    return f" AND {column} IN ({_marks(ids)})", ids


def _rows(sql: str, params: Iterable) -> list[tuple]:
    return _db().execute_sql(sql, list(params)).fetchall()


def category_sales(categories: Collection[int], first: int, last: int, owners: Owners):
    """{category id: (amount, lines)} of the customers directly in each category (0: all)."""
    if not categories:
        return {}
    where, params = _owner_clause(owners)
    p = _db().param
    rows = _rows(
        "SELECT category_id, SUM(amount), SUM(lines) FROM sales_summary "
        f"WHERE category_id IN ({_marks(categories)}) AND month >= {p} AND month <= {p}{where} "
        "GROUP BY category_id HAVING SUM(lines) > 0",
        [*sorted(categories), first, last, *params],
    )
    return {cid: (amount, lines) for cid, amount, lines in rows}


def category_product_sales(
    categories: Collection[int], first: int, last: int, owners: Owners
) -> dict[tuple[int, str], int]:
    """{(category id, product category): amount} (category 0: all sales)."""
    if not categories:
        return {}
    where, params = _owner_clause(owners)
    p = _db().param
    rows = _rows(
        "SELECT category_id, product_category, SUM(amount) FROM sales_summary "
        f"WHERE category_id IN ({_marks(categories)}) AND month >= {p} AND month <= {p}{where} "
        "GROUP BY category_id, product_category HAVING SUM(lines) > 0",
        [*sorted(categories), first, last, *params],
    )
    return {(cid, pc): amount for cid, pc, amount in rows}


def owner_sales(first: int, last: int, owners: Owners) -> dict[int, tuple[int, int]]:
    """{owner id (0: none): (amount, lines)}."""
    where, params = _owner_clause(owners)
    p = _db().param
    rows = _rows(
        "SELECT owner_id, SUM(amount), SUM(lines) FROM sales_summary "
        f"WHERE category_id = 0 AND month >= {p} AND month <= {p}{where} GROUP BY owner_id "
        "HAVING SUM(lines) > 0",
        [first, last, *params],
    )
    return {owner: (amount, lines) for owner, amount, lines in rows}


def monthly_sales(
    first: int, last: int, owners: Owners, categories: Collection[int] = (0,)
) -> dict[tuple[int, int], int]:
    """{(category id, month): amount}; by default category 0 (all sales)."""
    where, params = _owner_clause(owners)
    p = _db().param
    rows = _rows(
        "SELECT category_id, month, SUM(amount) FROM sales_summary "
        f"WHERE category_id IN ({_marks(categories)}) AND month >= {p} AND month <= {p}{where} "
        "GROUP BY category_id, month",
        [*sorted(categories), first, last, *params],
    )
    return {(cid, month): amount for cid, month, amount in rows}


def category_customers(categories: Collection[int], owners: Owners) -> dict[int, int]:
    """{category id: customers in it} (active and archived: their sales are counted too)."""
    if not categories:
        return {}
    where, params = _owner_clause(owners)
    rows = _rows(
        f"SELECT category_id, SUM(n) FROM category_count WHERE category_id IN "
        f"({_marks(categories)}){where} GROUP BY category_id",
        [*sorted(categories), *params],
    )
    return dict(rows)


def owner_customers(owners: Owners) -> dict[int, int]:
    """{owner id (0: none): customers} (active and archived), from the counts kept in
    memory with the customers' status (`kehu.db.sales_arrays`)."""
    return sales_arrays.customer_status(_db()).count(owners)


def active_grade_counts(owners: Owners, categories: Collection[int]) -> dict[int, int]:
    """{category id: active customers in it} (from the counts kept for the trees)."""
    if not categories:
        return {}
    where, params = _owner_clause(owners)
    rows = _rows(
        f"SELECT category_id, SUM(n) FROM category_count WHERE category_id IN "
        f"({_marks(categories)}) AND status = 'active'{where} GROUP BY category_id",
        [*sorted(categories), *params],
    )
    return dict(rows)


def active_customer_count(owners: Owners) -> int:
    return sum(sales_arrays.customer_status(_db()).count(owners, active_only=True).values())


def idle_customers(
    first: int, last: int, owners: Owners, scheme_id: int, except_category: int
) -> list[tuple[int, int | None]]:
    """(customer id, category in the scheme or None) of the active customers without sales in
    the period whose category is not `except_category` (those an ABC step moves to C)."""
    where, params = _owner_clause(owners, "c.owner_id")
    p = _db().param
    return _rows(
        "SELECT c.id, cc.category_id FROM customer c LEFT JOIN customer_category cc ON "
        f"cc.customer_id = c.id AND cc.scheme_id = {p} WHERE c.status = 'active'{where} "
        f"AND (cc.category_id IS NULL OR cc.category_id <> {p}) AND NOT EXISTS (SELECT 1 FROM "
        f"sales_month s WHERE s.customer_id = c.id AND s.month >= {p} AND s.month <= {p})",
        [scheme_id, *params, except_category, first, last],
    )


def customer_totals(first: int, last: int, owners: Owners) -> list[tuple[int, int]]:
    """(customer id, amount) of every customer with sale lines in the period, by id (from
    the arrays of `kehu.db.sales_arrays`)."""
    totals = sales_arrays.period_totals(_db(), first, last, owners)
    return list(zip(totals.customer.tolist(), totals.amount.tolist(), strict=True))


def top_customers(first: int, last: int, owners: Owners, limit: int) -> list[tuple[int, int]]:
    """The `limit` customers with the highest sales: (customer id, amount), highest first,
    equal sales by id."""
    return sales_arrays.top_customers(_db(), first, last, owners, limit)


def declines(
    current: tuple[int, int], previous: tuple[int, int], owners: Owners, percent: int, limit: int
) -> list[tuple[int, int, int]]:
    """Customers whose sales in `current` fell by more than `percent` % against `previous`:
    (customer id, current, previous), the biggest drop in amount first."""
    return sales_arrays.declines(_db(), current, previous, owners, percent, limit)


def top_products(
    first: int, last: int, owners: Owners, limit: int
) -> list[tuple[int, str | None, str | None, int]]:
    """(product id, name, category, amount) of the best-selling products, highest first
    (product 0: lines without a product)."""
    where, params = _owner_clause(owners, "pm.owner_id")
    p = _db().param
    return _rows(
        "SELECT pm.product_id, pr.name, pr.category, SUM(pm.amount) AS s FROM product_month pm "
        "LEFT JOIN product pr ON pr.id = pm.product_id "
        f"WHERE pm.month >= {p} AND pm.month <= {p}{where} GROUP BY pm.product_id HAVING SUM(pm.lines) > 0 "
        f"ORDER BY s DESC, pm.product_id LIMIT {p}",
        [first, last, *params, limit],
    )


def customer_product_sales(
    customer_id: int, start: str | None = None, end: str | None = None
) -> dict[str, int]:
    """{product category: amount} of one customer's sale lines (dates: start ≤ d < end)."""
    p = _db().param
    sql = f"SELECT product_category, SUM(amount) FROM sale_line WHERE customer_id = {p}"
    params: list = [customer_id]
    if start:
        sql += f" AND sale_date >= {p}"
        params.append(start)
    if end:
        sql += f" AND sale_date < {p}"
        params.append(end)
    return dict(_rows(sql + " GROUP BY product_category", params))


def customers_of(ids: Collection[int]) -> dict[int, tuple[str, str, int | None, str]]:
    """{id: (code, name, owner id, status)} for a few customers."""
    found: dict[int, tuple[str, str, int | None, str]] = {}
    ids = sorted(ids)
    for start in range(0, len(ids), 500):
        part = ids[start : start + 500]
        query = Customer.select(
            Customer.id, Customer.code, Customer.name, Customer.owner, Customer.status
        ).where(Customer.id.in_(part))
        for cid, code, name, owner, status in query.tuples():
            found[cid] = (code, name, owner, status)
    return found
