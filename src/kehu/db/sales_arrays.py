"""The sales per customer and month (`sales_month`, schema 7) and the customers' grades and
status, held in numpy arrays in memory, for the analyses that look at every customer: the
ABC ranking, the top customers, the customers whose sales fell.

Summing a period's `sales_month` rows per customer in SQL reads a million customers' rows and
hands them to Python one by one (seconds at the demo's size); over arrays it is a few
vectorised passes. The arrays are read once per database file and kept until the data
changes: each part (`sales`, `links`, `customers`) has a stamp in `analysis_stamp` (schema
11) that triggers count up on every change of `customer_category`, or of a customer's status
or owner — in this process or another one writing the same file; changes of `sales_month`
are logged by customer (`analysis_change`), so that only those customers' rows are read
again. Work done with those triggers dropped (a rebuild, a transfer) counts the stamp up
once: then everything is read again. Reading the stamps is one small query, so every
analysis checks them first. What is read inside a transaction is used but not kept (a
rollback would give its stamp to another change).

Amounts are integer cents (int64): sums are exact. Customers without an owner are owner 0.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Collection
from dataclasses import dataclass, field

import numpy as np
from peewee import Database

logger = logging.getLogger(__name__)

SALES, LINKS, CUSTOMERS = "sales", "links", "customers"
PARTS = (SALES, LINKS, CUSTOMERS)
_EMPTY = np.zeros(0, dtype=np.int64)
_EXACT = float(2**53)


@dataclass(frozen=True)
class MonthSales:
    """The rows of sales_month ordered by month (within a month mostly by customer), as of
    change `seq` of the log: a period is one slice of them."""

    customer: np.ndarray  # int64
    month: np.ndarray  # int32, ascending
    owner: np.ndarray  # int32, 0: no owner
    amount: np.ndarray  # int64 cents
    seq: int = 0  # the last analysis_change row they include
    weights: np.ndarray = field(default=None, repr=False)  # the amounts as float64
    exact: bool = True  # float64 sums are exact: no sum of amounts reaches 2**53 cents
    size: int = 1  # one past the highest customer id (the length of per-customer bins)

    def __post_init__(self) -> None:
        if len(self.month) > 1 and not bool((self.month[1:] >= self.month[:-1]).all()):
            # a stable sort: rows read by customer stay so within each month
            offset = self.month - self.month.min()
            if int(offset.max()) < 2**15:  # a radix sort for 16-bit keys: 6x faster
                offset = offset.astype(np.int16)
            order = np.argsort(offset, kind="stable")
            for name in ("customer", "month", "owner", "amount"):
                object.__setattr__(self, name, getattr(self, name)[order])
        # bincount sums float64 weights; integers below 2**53 are exact in float64, and
        # so are all partial sums while the sum of |amount| stays below it
        object.__setattr__(self, "weights", self.amount.astype(np.float64))
        object.__setattr__(self, "exact", float(np.abs(self.amount).sum()) < _EXACT)
        size = int(self.customer.max()) + 1 if len(self.customer) else 1
        object.__setattr__(self, "size", size)

    def __len__(self) -> int:
        return len(self.customer)

    def rows(self, first: int, last: int) -> slice:
        """The rows of months first..last."""
        return slice(
            int(np.searchsorted(self.month, first, side="left")),
            int(np.searchsorted(self.month, last, side="right")),
        )


@dataclass(frozen=True)
class CustomerStatus:
    active: np.ndarray  # bool by customer id: active (False: archived, or no such id)
    per_owner: dict[tuple[int, str], int]  # (owner id (0: none), status) → customers

    def count(self, owners: Collection[int] | None, active_only: bool = False) -> dict[int, int]:
        """{owner: customers} of the owners seen (None: all), active ones or all."""
        found: dict[int, int] = {}
        for (owner, status), n in self.per_owner.items():
            if (owners is None or owner in owners) and (status == "active" or not active_only):
                found[owner] = found.get(owner, 0) + n
        return found


@dataclass(frozen=True)
class Totals:
    """Each customer's sales in a period: ids ascending, their sums (some may be ≤ 0)."""

    customer: np.ndarray
    amount: np.ndarray

    def __len__(self) -> int:
        return len(self.customer)


_lock = threading.Lock()
_cache: dict[tuple[str, str, object], tuple[int, object]] = {}
# More changed customers than this since the arrays were read: read them all again.
REREAD_ALL_ABOVE = 50_000
LOG_KEPT = 100_000  # the changes the log keeps (schema 11's triggers drop older ones)


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
        db.execute_sql(f"UPDATE analysis_stamp SET stamp = stamp + 1 WHERE part = {p}", (part,))


def clear_log(db: Database) -> None:
    """Empty the change log and renew the sales stamp (every copy is read whole again)."""
    db.execute_sql("DELETE FROM analysis_change")
    bump(db, (SALES,))


def _keep(db: Database) -> bool:
    """Whether what is read now may be kept: not inside a transaction, whose changes (and
    the numbers of its log rows) a rollback could take back."""
    return not db.in_transaction()


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
        logger.info(
            "analysis arrays %s %s read in %.2f s", part, arg or "", time.perf_counter() - began
        )
        if stamp is not None and _keep(db):
            _store(key, stamp, value)
        return value


def _store(key, stamp: int, value) -> None:
    for other in [k for k in _cache if k[0] != key[0]]:
        del _cache[other]  # one database at a time is open: keep no other's arrays
    _cache[key] = (stamp, value)


def forget() -> None:
    """Drop every cached array (tests; a file opened)."""
    with _lock:
        _cache.clear()


def _read_columns(db: Database, columns: tuple[str, ...], source: str, params=()) -> list:
    """Whole columns as int64 arrays: SQLite joins each column into one text (group_concat,
    all in one scan) that numpy parses, instead of a Python tuple per row."""
    select = ", ".join(f"group_concat({c})" for c in columns)
    row = db.execute_sql(f"SELECT {select} FROM {source}", params).fetchone()
    return [
        np.fromstring(text, dtype=np.int64, sep=",") if text else np.zeros(0, dtype=np.int64)
        for text in row
    ]


_MONTH_COLUMNS = ("customer_id", "month", "owner_id", "amount")


def _state(db: Database) -> tuple[int | None, int]:
    row = db.execute_sql(
        "SELECT (SELECT stamp FROM analysis_stamp WHERE part = 'sales'), "
        "(SELECT COALESCE(MAX(seq), 0) FROM analysis_change)"
    ).fetchone()
    return row[0], row[1]


def month_sales(db: Database) -> MonthSales:
    """The sales_month rows: kept while the sales stamp stays; the customers named in the
    change log since they were read are read again (their rows replaced), unless there are
    many (then all)."""
    try:
        stamp, seq = _state(db)
    except Exception:  # noqa: BLE001 - before schema 11: read, never kept
        return _month_sales_all(db, 0)
    key = (_key(db), SALES, None)
    with _lock:
        found = _cache.get(key)
        if found is not None and found[0] == stamp:
            kept: MonthSales = found[1]
            if kept.seq == seq:
                return kept
            # (older than the log's window: it no longer holds every change since)
            value = _month_sales_since(db, kept, seq) if seq - kept.seq < LOG_KEPT else None
        else:
            value = None
        if value is None:
            began = time.perf_counter()
            value = _month_sales_all(db, seq)
            logger.info("analysis arrays: sales_month read in %.2f s", time.perf_counter() - began)
        if _keep(db):
            _store(key, stamp, value)
        return value


def _month_sales_all(db: Database, seq: int) -> MonthSales:
    customer, month, owner, amount = _read_columns(db, _MONTH_COLUMNS, "sales_month")
    return MonthSales(customer, month.astype(np.int32), owner.astype(np.int32), amount, seq)


def _month_sales_since(db: Database, kept: MonthSales, seq: int) -> MonthSales | None:
    p = db.param
    changed = [
        cid
        for (cid,) in db.execute_sql(
            f"SELECT DISTINCT customer_id FROM analysis_change WHERE seq > {p} AND seq <= {p}",
            (kept.seq, seq),
        ).fetchall()
    ]
    if len(changed) > REREAD_ALL_ABOVE:
        return None
    parts = []
    for start in range(0, len(changed), 500):
        part = changed[start : start + 500]
        parts.append(
            _read_columns(
                db,
                _MONTH_COLUMNS,
                f"sales_month WHERE customer_id IN ({', '.join([p] * len(part))})",
                part,
            )
        )
    stay = ~np.isin(kept.customer, np.array(changed, dtype=np.int64))
    columns = [
        np.concatenate([old[stay], *(new[i] for new in parts)]).astype(old.dtype)
        for i, old in enumerate((kept.customer, kept.month, kept.owner, kept.amount))
    ]
    return MonthSales(*columns, seq=seq)


def grades_by_customer(db: Database, scheme_id: int) -> np.ndarray:
    """The category in `scheme_id` of each customer, indexed by customer id (0: none)."""

    def load() -> np.ndarray:
        customer, category = _read_columns(
            db,
            ("customer_id", "category_id"),
            "customer_category WHERE category_id IN (SELECT id FROM category WHERE "
            f"scheme_id = {db.param})",
            (int(scheme_id),),
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
        # along the (owner_id, status) index: no sort, no table rows
        rows = db.execute_sql(
            "SELECT owner_id, status, COUNT(*) FROM customer GROUP BY owner_id, status"
        ).fetchall()
        per_owner: dict[tuple[int, str], int] = {}
        for owner, status, n in rows:
            per_owner[(owner or 0, status)] = per_owner.get((owner or 0, status), 0) + n
        return CustomerStatus(active, per_owner)

    return _cached(db, CUSTOMERS, None, load)


def is_active(status: CustomerStatus, ids: np.ndarray) -> np.ndarray:
    """Whether each customer is active (ids beyond the array: customers added since it was
    read are active: a new customer is)."""
    if not len(ids) or int(ids[-1]) < len(status.active):  # ids ascending
        return status.active[ids]
    inside = ids < len(status.active)
    found = np.ones(len(ids), dtype=bool)
    found[inside] = status.active[ids[inside]]
    return found


def grade_of(grades: np.ndarray, ids: np.ndarray) -> np.ndarray:
    if not len(ids) or int(ids[-1]) < len(grades):  # ids ascending
        return grades[ids]
    inside = ids < len(grades)
    found = np.zeros(len(ids), dtype=np.int64)
    found[inside] = grades[ids[inside]]
    return found


def _seen(sales: MonthSales, rows: slice, owners: Collection[int] | None):
    """(customer ids, weights, amounts, months) of the rows in `rows` whose owner is seen."""
    picked = [sales.customer[rows], sales.weights[rows], sales.amount[rows], sales.month[rows]]
    if owners is None:
        return picked
    wanted = np.fromiter(owners, dtype=np.int32, count=len(owners))
    mask = np.isin(sales.owner[rows], wanted)
    return [column[mask] for column in picked]


def _sums(sales: MonthSales, rows: slice, owners, split: int | None = None):
    """The customers with rows in `rows` (a period's slice) of the owners seen, ids
    ascending, and the sum of their amounts — or with `split` (a month) two sums: before it
    and from it on. Counted into per-id bins (float64, exact: checked when read; otherwise
    exact integer sums after a sort)."""
    customer, weights, amount, month = _seen(sales, rows, owners)
    if not sales.exact:
        return _sorted_sums(customer, amount, month, split)
    size = sales.size
    ids = np.flatnonzero(np.bincount(customer, minlength=size))
    if split is None:
        parts = [slice(None)]
    else:
        at = int(np.searchsorted(month, split, side="left"))  # the months are ascending
        parts = [slice(None, at), slice(at, None)]
    sums = [
        np.bincount(customer[part], weights=weights[part], minlength=size)[ids].astype(np.int64)
        for part in parts
    ]
    return ids, sums


def _sorted_sums(customer, amount, month, split):
    order = np.argsort(customer, kind="stable")
    customer = customer[order]
    if not len(customer):
        return _EMPTY, [_EMPTY] * (1 if split is None else 2)
    starts = np.flatnonzero(np.concatenate(([True], customer[1:] != customer[:-1])))
    amount, month = amount[order], month[order]
    parts = [amount] if split is None else [np.where(month < split, amount, 0)]
    if split is not None:
        parts.append(np.where(month < split, 0, amount))
    return customer[starts], [np.add.reduceat(part, starts) for part in parts]


def period_totals(db: Database, first: int, last: int, owners: Collection[int] | None) -> Totals:
    """Every customer with sales_month rows in months first..last (of the owners seen)."""
    sales = month_sales(db)
    ids, (amounts,) = _sums(sales, sales.rows(first, last), owners)
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
    # from the previous period's first month; before current[0] is "previous" (as in SQL)
    rows = sales.rows(previous[0], current[1])
    ids, (prev, cur) = _sums(sales, rows, owners, split=current[0])
    fell = np.flatnonzero((prev > 0) & (cur * 100 < prev * (100 - percent)))
    ids, cur, prev = ids[fell], cur[fell], prev[fell]
    picked = ranked_order(Totals(ids, prev - cur), limit)
    return list(zip(ids[picked].tolist(), cur[picked].tolist(), prev[picked].tolist(), strict=True))
