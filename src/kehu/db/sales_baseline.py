"""The same questions as `kehu.db.sales_queries`, answered the plain way: GROUP BY over
sale_line joined to the customer and its classification, without the summaries.

This is the baseline of `benchmarks/analysis.py` and the reference of the tests (the summaries
must give the same answers to the cent). Not used by the application.
"""

from __future__ import annotations

from collections.abc import Collection

from kehu.core.periods import month_start
from kehu.db.sales_queries import Owners, _db, _marks, _owner_clause, _rows


def _range(first: int, last: int) -> list[str]:
    return [month_start(first).isoformat(), month_start(last + 1).isoformat()]


def category_sales(categories: Collection[int], first: int, last: int, owners: Owners):
    """{category id: (amount, lines)}; category 0 is all sales."""
    p = _db().param
    where, params = _owner_clause(owners, "COALESCE(c.owner_id, 0)")
    found = {}
    real = sorted(set(categories) - {0})
    if real:
        rows = _rows(
            "SELECT cc.category_id, SUM(sl.amount), COUNT(*) FROM sale_line sl "
            "JOIN customer c ON c.id = sl.customer_id "
            "JOIN customer_category cc ON cc.customer_id = sl.customer_id "
            f"WHERE cc.category_id IN ({_marks(real)}) AND sl.sale_date >= {p} "
            f"AND sl.sale_date < {p}{where} GROUP BY cc.category_id",
            [*real, *_range(first, last), *params],
        )
        found.update({cid: (a, n) for cid, a, n in rows})
    if 0 in categories:
        amount, lines = _rows(
            "SELECT SUM(sl.amount), COUNT(*) FROM sale_line sl JOIN customer c ON c.id = "
            f"sl.customer_id WHERE sl.sale_date >= {p} AND sl.sale_date < {p}{where}",
            [*_range(first, last), *params],
        )[0]
        if lines:
            found[0] = (amount, lines)
    return found


def category_product_sales(categories: Collection[int], first: int, last: int, owners: Owners):
    p = _db().param
    where, params = _owner_clause(owners, "COALESCE(c.owner_id, 0)")
    found = {}
    real = sorted(set(categories) - {0})
    if real:
        rows = _rows(
            "SELECT cc.category_id, sl.product_category, SUM(sl.amount) FROM sale_line sl "
            "JOIN customer c ON c.id = sl.customer_id "
            "JOIN customer_category cc ON cc.customer_id = sl.customer_id "
            f"WHERE cc.category_id IN ({_marks(real)}) AND sl.sale_date >= {p} "
            f"AND sl.sale_date < {p}{where} GROUP BY 1, 2",
            [*real, *_range(first, last), *params],
        )
        found.update({(cid, pc): a for cid, pc, a in rows})
    if 0 in categories:
        rows = _rows(
            "SELECT sl.product_category, SUM(sl.amount) FROM sale_line sl JOIN customer c "
            f"ON c.id = sl.customer_id WHERE sl.sale_date >= {p} AND sl.sale_date < {p}{where} "
            "GROUP BY 1",
            [*_range(first, last), *params],
        )
        found.update({(0, pc): a for pc, a in rows})
    return found


def owner_sales(first: int, last: int, owners: Owners):
    p = _db().param
    where, params = _owner_clause(owners, "COALESCE(c.owner_id, 0)")
    rows = _rows(
        "SELECT COALESCE(c.owner_id, 0), SUM(sl.amount), COUNT(*) FROM sale_line sl "
        f"JOIN customer c ON c.id = sl.customer_id WHERE sl.sale_date >= {p} "
        f"AND sl.sale_date < {p}{where} GROUP BY 1",
        [*_range(first, last), *params],
    )
    return {o: (a, n) for o, a, n in rows}


def monthly_sales(first: int, last: int, owners: Owners):
    p = _db().param
    where, params = _owner_clause(owners, "COALESCE(c.owner_id, 0)")
    rows = _rows(
        "SELECT CAST(substr(sl.sale_date, 1, 4) AS INTEGER) * 12 "
        "+ CAST(substr(sl.sale_date, 6, 2) AS INTEGER) - 1 AS m, SUM(sl.amount) FROM sale_line sl "
        f"JOIN customer c ON c.id = sl.customer_id WHERE sl.sale_date >= {p} "
        f"AND sl.sale_date < {p}{where} GROUP BY m",
        [*_range(first, last), *params],
    )
    return {(0, m): a for m, a in rows}


def top_customers(first: int, last: int, owners: Owners, limit: int):
    p = _db().param
    where, params = _owner_clause(owners, "COALESCE(c.owner_id, 0)")
    return _rows(
        "SELECT sl.customer_id, SUM(sl.amount) AS s FROM sale_line sl "
        f"JOIN customer c ON c.id = sl.customer_id WHERE sl.sale_date >= {p} "
        f"AND sl.sale_date < {p}{where} GROUP BY sl.customer_id ORDER BY s DESC, "
        f"sl.customer_id LIMIT {p}",
        [*_range(first, last), *params, limit],
    )


def top_products(first: int, last: int, owners: Owners, limit: int):
    p = _db().param
    where, params = _owner_clause(owners, "COALESCE(c.owner_id, 0)")
    return _rows(
        "SELECT COALESCE(sl.product_id, 0) AS pid, pr.name, pr.category, SUM(sl.amount) AS s "
        "FROM sale_line sl JOIN customer c ON c.id = sl.customer_id "
        "LEFT JOIN product pr ON pr.id = sl.product_id "
        f"WHERE sl.sale_date >= {p} AND sl.sale_date < {p}{where} GROUP BY pid "
        f"ORDER BY s DESC, pid LIMIT {p}",
        [*_range(first, last), *params, limit],
    )


def customer_totals(first: int, last: int, owners: Owners):
    p = _db().param
    where, params = _owner_clause(owners, "COALESCE(c.owner_id, 0)")
    return _rows(
        "SELECT sl.customer_id, SUM(sl.amount) FROM sale_line sl "
        f"JOIN customer c ON c.id = sl.customer_id WHERE sl.sale_date >= {p} "
        f"AND sl.sale_date < {p}{where} GROUP BY sl.customer_id",
        [*_range(first, last), *params],
    )


_MONTH = "CAST(substr(sl.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(sl.sale_date, 6, 2) AS INTEGER) - 1"


def declines(current, previous, owners: Owners, percent: int, limit: int):
    p = _db().param
    where, params = _owner_clause(owners, "COALESCE(c.owner_id, 0)")
    return _rows(
        f"SELECT sl.customer_id, SUM(CASE WHEN {_MONTH} >= {p} THEN sl.amount ELSE 0 END) AS cur, "
        f"SUM(CASE WHEN {_MONTH} < {p} THEN sl.amount ELSE 0 END) AS prev FROM sale_line sl "
        f"JOIN customer c ON c.id = sl.customer_id WHERE sl.sale_date >= {p} "
        f"AND sl.sale_date < {p}{where} GROUP BY sl.customer_id "
        f"HAVING prev > 0 AND cur * 100 < prev * (100 - {p}) "
        f"ORDER BY prev - cur DESC, sl.customer_id LIMIT {p}",
        [current[0], current[0], *_range(previous[0], current[1]), *params, percent, limit],
    )


def abc(first: int, last: int, owners: Owners, scheme_id: int, thresholds: tuple[int, int]):
    """The ABC rule of `kehu.services.analysis_abc` computed the plain way: each active
    customer's sale lines summed in SQL, ranked in Python. Returns {"total", "counts":
    {A/B/C: customers with rows in the period}, "amounts": {A/B/C: sales}, "proposed":
    {customer id: A/B/C}, "current": {customer id: grade category or None}}."""
    p = _db().param
    where, params = _owner_clause(owners, "COALESCE(c.owner_id, 0)")
    rows = _rows(
        "SELECT sl.customer_id, SUM(sl.amount), cc.category_id FROM sale_line sl "
        "JOIN customer c ON c.id = sl.customer_id LEFT JOIN customer_category cc ON "
        f"cc.customer_id = sl.customer_id AND cc.scheme_id = {p} WHERE c.status = 'active' "
        f"AND sl.sale_date >= {p} AND sl.sale_date < {p}{where} GROUP BY sl.customer_id",
        [scheme_id, *_range(first, last), *params],
    )
    ranked = sorted(((cid, a) for cid, a, _g in rows if a > 0), key=lambda r: (-r[1], r[0]))
    total = sum(a for _c, a in ranked)
    proposed, counts, amounts, before = {}, dict.fromkeys("ABC", 0), dict.fromkeys("ABC", 0), 0
    a_share, b_share = thresholds
    for cid, amount in ranked:
        grade = (
            "A"
            if before * 100 < a_share * total
            else "B"
            if before * 100 < b_share * total
            else "C"
        )
        proposed[cid] = grade
        counts[grade] += 1
        amounts[grade] += amount
        before += amount
    for cid, amount, _g in rows:
        if amount <= 0:
            proposed[cid] = "C"
            counts["C"] += 1
    current = {cid: grade for cid, _a, grade in rows}
    return {
        "total": total,
        "counts": counts,
        "amounts": amounts,
        "proposed": proposed,
        "current": current,
    }
