"""Keeping the duplicate scan's comparison keys (table `duplicate_key`) in step with the
customers.

The rows are written with the search keys: `kehu.db.search_index` computes them in `rows_for`
(one per customer, `kehu.core.duplicate_keys.stored_keys`) and inserts, deletes, clears and
re-indexes them together with its own, so every write that keeps the search keys right (card
save, archive and restore, import, merge and its undo, erase, demo data, repair) keeps these
right too. `fill` computes them for customers that have none (a file upgraded from schema 7,
`kehu repair`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence

from peewee import Database

from kehu.core.duplicate_keys import stored_keys
from kehu.core.i18n import N_
from kehu.core.jobs import Job, no_job
from kehu.db.connection import write
from kehu.db.dialect import dialect

logger = logging.getLogger(__name__)

TABLE = "duplicate_key"
# What a scan reads (id and StoredKeys); the row written ends with the core reversed.
COLUMNS = ("id", "core", "short", "core_hash", "uscc", "phone", "local", "short_phone", "address")
WRITTEN = (*COLUMNS, "core_reversed")
STAGE = N_("Duplicate keys")
BATCH = 20_000
_INDEXES = {"duplicate_key_core": "core", "duplicate_key_core_reversed": "core_reversed"}
_SOURCE = 'SELECT id, name, short_name, uscc, phone, address FROM "customer"'


def row_of(cid: int, name, short_name, uscc, phone, address) -> tuple:
    """Pure: the row of one customer (a plain tuple: it travels between processes)."""
    keys = stored_keys(name, short_name, uscc, phone, address)
    return (cid, *keys, keys.core[::-1])


def rows_for(customers: Iterable[tuple]) -> list[tuple]:
    """Pure: the rows of customers (id, name, short_name, uscc, phone, address)."""
    return [row_of(*customer) for customer in customers]


def insert(db: Database, rows: Sequence[tuple]) -> None:
    if rows:
        marks = ", ".join([db.param] * len(WRITTEN))
        db.cursor().executemany(
            f'INSERT INTO "{TABLE}" ({", ".join(WRITTEN)}) VALUES ({marks})', rows
        )


def delete(db: Database, ids: Sequence[int]) -> None:
    db.cursor().executemany(f'DELETE FROM "{TABLE}" WHERE id = {db.param}', [(i,) for i in ids])


def clear(db: Database) -> None:
    """Empty the table for a bulk load; its indexes go until `finish`."""
    for name in _INDEXES:
        dialect(db).drop_index(db, name)
    db.execute_sql(f'DELETE FROM "{TABLE}"')


def finish(db: Database) -> None:
    for name, column in _INDEXES.items():
        db.execute_sql(f'CREATE INDEX IF NOT EXISTS "{name}" ON "{TABLE}" ("{column}")')


def customers_without_keys(db: Database) -> list[int]:
    """Customers that have no row (every customer has one once its keys are computed)."""
    sql = (
        f'SELECT c.id FROM "customer" c WHERE NOT EXISTS (SELECT 1 FROM "{TABLE}" k '
        "WHERE k.id = c.id) ORDER BY c.id"
    )
    return [row[0] for row in db.execute_sql(sql).fetchall()]


def fill(db: Database, ids: Sequence[int] | None = None, job: Job | None = None) -> int:
    """Compute the rows of these customers (None: every customer without one), a batch per
    write transaction. Returns the number of rows written."""
    job = job or no_job()
    ids = customers_without_keys(db) if ids is None else sorted(set(ids))
    job.stage(STAGE, len(ids))
    p = db.param
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]

        def run(chunk: list[int] = chunk) -> None:
            customers = []
            if chunk[-1] - chunk[0] < 2 * len(chunk):  # dense (an upgraded file): one range
                wanted = set(chunk)
                sql = f"{_SOURCE} WHERE id >= {p} AND id <= {p}"
                found = db.execute_sql(sql, (chunk[0], chunk[-1])).fetchall()
                customers = [row for row in found if row[0] in wanted]
            for part in range(0, len(chunk), 500) if not customers else ():
                some = chunk[part : part + 500]
                sql = f"{_SOURCE} WHERE id IN ({', '.join([p] * len(some))})"
                customers += db.execute_sql(sql, some).fetchall()
            delete(db, chunk)
            insert(db, rows_for(customers))

        write(db, run)
        job.progress(start + len(chunk), len(ids))
    if ids:
        logger.info("duplicate keys computed for %s customers", len(ids))
    return len(ids)
