"""Bulk writes of plain rows (import, demo data): `executemany` of one INSERT per table (COPY on
a server, `kehu.db.dialect`).

Callers give column names as they are in the table (`owner_id`, not `owner`) and rows as
tuples in that order; they run inside the caller's write transaction, a few thousand rows
at a time (DESIGN §2.1).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

from peewee import Model

from kehu.db.dialect import dialect
from kehu.db.models import Customer

IMPORT_CACHE_MB = 8  # page cache while an import writes (SQLite's default is 2 MB); 48 MB
# took the 100k-row import to 240 MB peak, over the 200 MB bound, for no clear gain


LOAD_CACHE_MB = 8  # the same, for an import written in one transaction (`kehu.db.import_load`)


@contextmanager
def import_writes(load: bool = False) -> Iterator[None]:
    """Around an import's batches: a bigger page cache on the importing connection, so that
    inserts into the search-key and duplicate indexes stay in memory instead of re-reading
    pages (at 100,000 rows the index outgrows the default cache many times). Settings only:
    every batch is still its own complete, committed transaction."""
    db = Customer._meta.database
    with dialect(db).page_cache(db, LOAD_CACHE_MB if load else IMPORT_CACHE_MB):
        yield


def insert_rows(model: type[Model], columns: Sequence[str], rows: Iterable[Sequence]) -> int:
    """INSERT every row into `model`'s table; returns the number of rows given."""
    rows = rows if isinstance(rows, list) else list(rows)
    db = model._meta.database
    return dialect(db).copy_rows(db, model._meta.table_name, columns, rows)


def customer_ids_by_code(codes: Iterable[str]) -> dict[str, int]:
    """The ids the database gave the customers with these codes (read back after an insert)."""
    wanted = list(codes)
    db = Customer._meta.database
    found: dict[str, int] = {}
    for start in range(0, len(wanted), 500):  # SQL text, not the query builder: 20k codes
        part = wanted[start : start + 500]  # cost the builder ten times the query itself
        marks = ", ".join([db.param] * len(part))
        sql = f'SELECT "code", "id" FROM "customer" WHERE "code" IN ({marks})'
        found.update(db.execute_sql(sql, part).fetchall())
    return found


def last_customer_id() -> int:
    """The highest customer id (0 for none): where new customer-code candidates start."""
    return Customer.select(Customer.id).order_by(Customer.id.desc()).limit(1).scalar() or 0
