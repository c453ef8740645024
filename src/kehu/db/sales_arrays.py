"""The sales per customer and month (`sales_month`, schema 7) and the customers' grades and
status, held in numpy arrays in memory, for the analyses that look at every customer: the
ABC ranking, the top customers, the customers whose sales fell.

Summing a period's `sales_month` rows per customer in SQL reads a million customers' rows and
hands them to Python one by one (seconds at the demo's size); over arrays it is a few
vectorised passes. The arrays are read once per database file and kept until the data
changes: each part (`sales`, `links`, `customers`) has a stamp in `analysis_stamp` (schema
11) that triggers set to a new random number on every change of `sales_month`,
`customer_category`, or a customer's status or owner — in this process or another one
writing the same file. Reading a stamp is one row, so every analysis checks it first.

Amounts are integer cents (int64): sums are exact. Customers without an owner are owner 0.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Collection
from dataclasses import dataclass

import numpy as np
from peewee import Database

logger = logging.getLogger(__name__)

SALES, LINKS, CUSTOMERS = "sales", "links", "customers"
PARTS = (SALES, LINKS, CUSTOMERS)
_EMPTY = np.zeros(0, dtype=np.int64)


@dataclass(frozen=True)
class MonthSales:
    """The rows of sales_month, ordered by customer then month."""

    customer: np.ndarray  # int64
    month: np.ndarray  # int32
    owner: np.ndarray  # int32, 0: no owner
    amount: np.ndarray  # int64 cents

    def __len__(self) -> int:
        return len(self.customer)


@dataclass(frozen=True)
class CustomerStatus:
    active: np.ndarray  # bool by customer id: active (False: archived, or no such id)
    active_per_owner: dict[int, int]  # owner id (0: none) → active customers


@dataclass(frozen=True)
class Totals:
    """Each customer's sales in a period: ids ascending, their sums (some may be ≤ 0)."""

    customer: np.ndarray
    amount: np.ndarray

    def __len__(self) -> int:
        return len(self.customer)


_lock = threading.Lock()
_cache: dict[tuple[str, str, object], tuple[int, object]] = {}


def _key(db: Database) -> str:
    return str(db.database)


def stamps(db: Database) -> dict[str, int]:
    """The stored stamps (an empty dict before schema 11)."""
    try:
        return dict(db.execute_sql("SELECT part, stamp FROM analysis_stamp").fetchall())
    except Exception:  # noqa: BLE001 - a file without the table: never cached
        return {}


def bump(db: Database, parts: Collection[str] = PARTS) -> None:
    """New stamps for `parts` (after work done with the stamp triggers dropped)."""
    p = db.param
    for part in parts:
        db.execute_sql(
            f"UPDATE analysis_stamp SET stamp = random() WHERE part = {p}", (part,)
        )


def _cached(db: Database, part: str, arg: object, load):
    """The value of `load()` for (this database, part, arg), loaded again when the part's
    stamp changed. Loads are serialised: two threads asking at once read the file once."""
    stamp = stamps(db).get(part)
    key = (_key(db), part, arg)
    with _lock:
        found = _cache.get(key)
        if found is not None and stamp is not None and found[0] == stamp:
            return found[1]
        began = time.perf_counter()
        value = load()
        logger.info("analysis arrays %s %s read in %.2f s", part, arg or "", time.perf_counter() - began)
        if stamp is not None:
            for other in [k for k in _cache if k[0] != key[0]]:
                del _cache[other]  # one database at a time is open: keep no other's arrays
            _cache[key] = (stamp, value)
        return value


def forget() -> None:
    """Drop every cached array (tests; closing a database)."""
    with _lock:
        _cache.clear()


def _column(text: str | None, dtype) -> np.ndarray:
    if not text:
        return np.zeros(0, dtype=dtype)
    return np.array(text.split(","), dtype=dtype)


def _read_columns(db: Database, columns: tuple[str, ...], source: str) -> list[np.ndarray]:
    """Whole columns as arrays: SQLite joins each column into one text (group_concat, in one
    scan) that numpy parses, instead of a Python tuple per row."""
    select = ", ".join(f"group_concat({c})" for c in columns)
    row = db.execute_sql(f"SELECT {select} FROM {source}").fetchone()
    return [_column(text, np.int64) for text in row]


def month_sales(db: Database) -> MonthSales:
    def load() -> MonthSales:
        customer, month, owner, amount = _read_columns(
            db, ("customer_id", "month", "owner_id", "amount"), "sales_month"
        )
        if len(customer) > 1:
            step = np.diff(customer)
            ordered = bool((step > 0).all() or ((step >= 0).all() and _months_ordered(customer, month)))
            if not ordered:
                order = np.lexsort((month, customer))
                customer, month, owner, amount = (a[order] for a in (customer, month, owner, amount))
        return MonthSales(customer, month.astype(np.int32), owner.astype(np.int32), amount)

    return _cached(db, SALES, None, load)


def _months_ordered(customer: np.ndarray, month: np.ndarray) -> bool:
    same = customer[1:] == customer[:-1]
    return bool((month[1:][same] > month[:-1][same]).all())


def grades_by_customer(db: Database, scheme_id: int) -> np.ndarray:
    """The category in `scheme_id` of each customer, indexed by customer id (0: none)."""

    def load() -> np.ndarray:
        customer, category = _read_columns(
            db,
            ("customer_id", "category_id"),
            f"customer_category WHERE scheme_id = {int(scheme_id)}",
        )
        size = int(customer.max()) + 1 if len(customer) else 1
        found = np.zeros(max(size, _max_customer(db) + 1), dtype=np.int64)
        found[customer] = category
        return found

    return _cached(db, LINKS, int(scheme_id), load)


def _max_customer(db: Database) -> int:
    return db.execute_sql("SELECT COALESCE(MAX(id), 0) FROM customer").fetchone()[0]


def customer_status(db: Database) -> CustomerStatus:
    def load() -> CustomerStatus:
        (inactive,) = _read_columns(db, ("id",), "customer WHERE status <> 'active'")
        active = np.ones(_max_customer(db) + 1, dtype=bool)
        active[0] = False
        active[inactive] = False
        rows = db.execute_sql(
            "SELECT owner_id, COUNT(*) FROM customer WHERE status = 'active' GROUP BY owner_id"
        ).fetchall()
        per_owner: dict[int, int] = {}
        for owner, n in rows:
            per_owner[owner or 0] = per_owner.get(owner or 0, 0) + n
        return CustomerStatus(active, per_owner)

    return _cached(db, CUSTOMERS, None, load)


def is_active(status: CustomerStatus, ids: np.ndarray) -> np.ndarray:
    """Whether each customer is active (ids beyond the array: customers added since it was
    read are active: a new customer is)."""
    inside = ids < len(status.active)
    found = np.ones(len(ids), dtype=bool)
    found[inside] = status.active[ids[inside]]
    return found


def grade_of(grades: np.ndarray, ids: np.ndarray) -> np.ndarray:
    inside = ids < len(grades)
    found = np.zeros(len(ids), dtype=np.int64)
    found[inside] = grades[ids[inside]]
    return found


def _visible(sales: MonthSales, first: int, last: int, owners: Collection[int] | None):
    mask = (sales.month >= first) & (sales.month <= last)
    if owners is not None:
        mask &= np.isin(sales.owner, np.fromiter(owners, dtype=np.int32, count=len(owners)))
    return mask


def _group(customer: np.ndarray, *values: np.ndarray) -> tuple[np.ndarray, list[np.ndarray]]:
    """Sum `values` per run of equal customer ids (the rows are ordered by customer)."""
    if not len(customer):
        return _EMPTY, [_EMPTY for _v in values]
    starts = np.flatnonzero(np.concatenate(([True], customer[1:] != customer[:-1])))
    return customer[starts], [np.add.reduceat(v, starts) for v in values]


def period_totals(db: Database, first: int, last: int, owners: Collection[int] | None) -> Totals:
    """Every customer with sales_month rows in months first..last (of the owners seen)."""
    sales = month_sales(db)
    mask = _visible(sales, first, last, owners)
    ids, (amounts,) = _group(sales.customer[mask], sales.amount[mask])
    return Totals(ids, amounts)


def ranked_order(totals: Totals, limit: int | None = None) -> np.ndarray:
    """Indexes into `totals`, highest sales first, equal sales by customer id; only the first
    `limit` (without sorting the others: a partition finds them)."""
    n = len(totals)
    if limit is not None and limit < n:
        if limit <= 0:
            return np.zeros(0, dtype=np.int64)
        # the limit-th highest value; every customer at or above it is a candidate
        cut = np.partition(totals.amount, n - limit)[n - limit]
        candidates = np.flatnonzero(totals.amount >= cut)
    else:
        candidates = np.arange(n)
    # ids are ascending, so a stable sort on the negated amount breaks ties by id
    order = candidates[np.argsort(-totals.amount[candidates], kind="stable")]
    return order if limit is None else order[:limit]


def top_customers(
    db: Database, first: int, last: int, owners: Collection[int] | None, limit: int
) -> list[tuple[int, int]]:
    totals = period_totals(db, first, last, owners)
    order = ranked_order(totals, limit)
    return [(int(totals.customer[i]), int(totals.amount[i])) for i in order]


def declines(
    db: Database,
    current: tuple[int, int],
    previous: tuple[int, int],
    owners: Collection[int] | None,
    percent: int,
    limit: int,
) -> list[tuple[int, int, int]]:
    """Customers whose sales in `current` fell by more than `percent` % against `previous`:
    (customer id, current, previous), the biggest drop first (equal drops by id)."""
    sales = month_sales(db)
    mask = _visible(sales, previous[0], current[1], owners)
    month, amount = sales.month[mask], sales.amount[mask]
    in_cur = month >= current[0]  # the rest is the previous period (as in SQL: month < …)
    ids, (cur, prev) = _group(
        sales.customer[mask], np.where(in_cur, amount, 0), np.where(in_cur, 0, amount)
    )
    fell = np.flatnonzero((prev > 0) & (cur * 100 < prev * (100 - percent)))
    drop = prev[fell] - cur[fell]
    picked = ranked_order(Totals(ids[fell], drop), limit)
    return [(int(ids[fell][i]), int(cur[fell][i]), int(prev[fell][i])) for i in picked]
