"""Loading many generated rows at once (demo data): executemany inserts (COPY on a server), ids
from the database, indexes (and on a server foreign keys) dropped during the load and created
again after it.

The caller holds one write transaction around the whole load (so a cancelled or failed load
rolls back completely) inside `session(db)`, which switches the connection to bulk-load
settings. What is SQLite-only comes from `kehu.db.dialect`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from peewee import Database, fn

from kehu.db.dialect import dialect
from kehu.db.models import Customer, Route, RouteStop

logger = logging.getLogger(__name__)


@contextmanager
def session(db: Database) -> Iterator[None]:
    """Bulk-load settings on this connection for the block; enter it outside a transaction."""
    with dialect(db).bulk_load(db):
        yield


def insert_rows(db: Database, table: str, columns: Sequence[str], rows: list[tuple]) -> int:
    """Insert `rows` (tuples in the order of `columns`): one executemany, COPY on a server."""
    return dialect(db).copy_rows(db, table, columns, rows)


def first_customer_number() -> int:
    """Where a generator starts numbering new customers (their codes, and the ids it expects
    the database to give them): one past the highest id. Never written as an id:
    `insert_customers` reads the real ids back."""
    return (Customer.select(fn.MAX(Customer.id)).scalar() or 0) + 1


def insert_customers(db: Database, columns: Sequence[str], rows: list[tuple]) -> list[int]:
    """Insert customers (rows without an id column; `columns` includes "code") and return the
    ids the database gave them, in the order of `rows`, read back by their unique codes."""
    insert_rows(db, "customer", columns, rows)
    at = list(columns).index("code")
    codes = [row[at] for row in rows]
    return ids_of_codes(codes)


def ids_of_codes(codes: Sequence[str]) -> list[int]:
    """The customer ids of these codes, in their order (KeyError for a code not stored).

    Codes of one width that follow each other are read with one range scan of the unique
    index (cheap for a chunk of generated codes), others one by one in batches.
    """
    found: dict[str, int] = {}
    by_width: dict[int, list[str]] = {}
    for code in codes:
        by_width.setdefault(len(code), []).append(code)
    for same_width in by_width.values():
        low, high = min(same_width), max(same_width)
        if len(same_width) * 2 >= _span(low, high):
            query = Customer.select(Customer.code, Customer.id).where(
                (Customer.code >= low) & (Customer.code <= high)
            )
            found.update(_rows(query))
        else:
            for start in range(0, len(same_width), 500):
                part = same_width[start : start + 500]
                query = Customer.select(Customer.code, Customer.id).where(Customer.code.in_(part))
                found.update(_rows(query))
    return [found[code] for code in codes]


def _rows(query) -> list[tuple]:
    """The rows of a query as plain tuples, without peewee's per-row wrapper (a chunk of a
    bulk load reads back tens of thousands)."""
    sql, params = query.sql()
    return Customer._meta.database.execute_sql(sql, params).fetchall()


def _span(low: str, high: str) -> int:
    """How many codes lie between two codes with a number at the end (a large number if they
    do not end in digits): decides between a range scan and lookups."""
    digits = len(low) - len(low.rstrip("0123456789"))
    if digits == 0 or low[:-digits] != high[: len(high) - digits]:
        return 1 << 62
    return int(high[-digits:]) - int(low[-digits:]) + 1


def insert_route(values: dict, stops: Sequence[int]) -> int:
    """Insert one route (id from the database) and its stops (customer ids in order)."""
    route_id = Route.insert(**values).execute()
    db = Route._meta.database
    insert_rows(
        db,
        RouteStop._meta.table_name,
        ("route_id", "customer_id", "position"),
        [(route_id, customer, n + 1) for n, customer in enumerate(stops)],
    )
    return route_id


def route_count() -> int:
    return Route.select().count()


def drop_indexes(db: Database, tables: Sequence[str], keep: set[str]) -> list[str]:
    """Drop the indexes of `tables` except those named in `keep` (ones that rows reach in
    order and that grow at their end); returns their statements for `create_indexes`."""
    sql = dialect(db)
    dropped = []
    for name, statement in sql.index_definitions(db, tables):
        if name not in keep:
            sql.drop_index(db, name)
            dropped.append(statement)
    return dropped


def drop_foreign_keys(db: Database, tables: Sequence[str]) -> list[str]:
    """Drop the foreign keys of `tables` (a server's: a file's are off for the session);
    returns the statements that add them again, for `create_indexes`."""
    return dialect(db).drop_foreign_keys(db, tables)


def create_indexes(db: Database, statements: Sequence[str]) -> None:
    for statement in statements:
        began = time.perf_counter()
        db.execute_sql(statement)
        logger.info("%.2f s: %s", time.perf_counter() - began, statement)


def update_statistics(db: Database) -> None:
    dialect(db).update_statistics(db)
