"""Keeping the duplicate scan's comparison keys (table `duplicate_key`) in step with the
customers.

The rows are written with the search keys: `kehu.db.search_index` computes them in `rows_for`
(one per customer, `kehu.core.duplicate_keys.stored_keys`) and inserts, deletes, clears and
re-indexes them together with its own, so every write that keeps the search keys right (card
save, archive and restore, import, merge and its undo, erase, demo data, repair) keeps these
right too. `fill` computes them for customers that have none (a file upgraded from schema 9
or older, `kehu repair`).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import repeat
from pathlib import Path

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
    dialect(db).copy_rows(db, TABLE, WRITTEN, rows)


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
    """Compute the rows of these customers (None: every customer without one). Returns the
    number of rows written.

    Into an empty table (a file upgraded from schema 9 or older): one transaction, the indexes
    dropped during the load and built after it, the rows of big files computed in worker
    processes.
    Otherwise a batch per write transaction."""
    job = job or no_job()
    if ids is None and not db.execute_sql(f'SELECT 1 FROM "{TABLE}" LIMIT 1').fetchone():
        return _fill_empty(db, job)
    ids = customers_without_keys(db) if ids is None else sorted(set(ids))
    job.stage(STAGE, len(ids))
    p = db.param
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]

        def run(chunk: list[int] = chunk) -> None:
            customers = []
            for part in range(0, len(chunk), 500):
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


def _fill_empty(db: Database, job: Job) -> int:
    low, high = db.execute_sql('SELECT MIN(id), MAX(id) FROM "customer"').fetchone()
    if low is None:
        return 0
    starts = range(low, high + 1, BATCH)
    parallel = high - low >= PARALLEL_MIN and db.database != ":memory:" and not db.in_transaction()

    def run() -> int:
        clear(db)
        written = 0
        job.stage(STAGE, high - low + 1)
        for start, rows in _computed(db, starts, parallel):
            insert(db, rows)
            written += len(rows)
            job.progress(min(start + BATCH, high + 1) - low)
        finish(db)
        return written

    written = write(db, run)
    logger.info("duplicate keys computed for %s customers", written)
    return written


PARALLEL_MIN = 100_000  # an empty table filled for at least this many ids: worker processes
WORKERS = 2
_RANGE = f"{_SOURCE} WHERE id >= ? AND id < ?"  # the sqlite3 module's own placeholder


def _computed(db: Database, starts: range, parallel: bool) -> Iterator[tuple[int, list]]:
    """Rows per batch of ids: in worker processes (each reads the committed file), or here."""
    done = 0
    if parallel:
        try:
            for start, rows in _computed_in_workers(db.database, starts):
                yield start, rows
                done += 1
            return
        except (OSError, RuntimeError, BrokenProcessPool) as exc:
            logger.warning("duplicate key workers failed (%s); computing here", exc)
    sql = _RANGE.replace("?", db.param)
    for start in starts[done:]:
        yield start, rows_for(db.execute_sql(sql, (start, start + BATCH)).fetchall())


def _computed_in_workers(path: str, starts: range) -> Iterator[tuple[int, list]]:
    # spawn, not fork: forking a process with Qt or other threads can deadlock the child.
    context = multiprocessing.get_context("spawn")
    workers = max(1, min(WORKERS, os.cpu_count() or 2))
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        yield from zip(starts, pool.map(_compute_range, repeat(path), starts), strict=True)


_worker_connection: sqlite3.Connection | None = None


def _compute_range(path: str, start: int) -> list[tuple]:
    """In a worker process: read one id range (read-only connection), compute its rows."""
    global _worker_connection
    if _worker_connection is None:
        uri = Path(path).absolute().as_uri() + "?mode=ro"
        _worker_connection = sqlite3.connect(uri, uri=True, timeout=30)
    return rows_for(_worker_connection.execute(_RANGE, (start, start + BATCH)).fetchall())
