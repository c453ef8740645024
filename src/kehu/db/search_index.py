"""Keeping the search keys in step with the customers.

- `refresh(ids)`: recompute the keys of some customers; call it INSIDE the write transaction
  that changed them (dossiers create/save/archive/restore do), so keys never lag the data.
- `remove(ids)`: drop the keys of customers that are gone (erase, import undo); also inside the
  transaction that deletes them.
- `fill_for(ids)`: bulk keys for many customers (an import), executemany in batches.
- `rebuild_all(job)`: every customer from scratch (repair), index dropped during the load and
  rebuilt after it, all in one transaction: a cancelled rebuild leaves the old keys.

With the keys go the pinyin sort keys of the name and short name (`customer.name_sort`,
`customer.short_name_sort`, `kehu.core.search_keys.sort_key`): every write that refreshes a
customer's keys refreshes them, so a list sorted by name never lags the data.

`fill_for` and `rebuild_all` take a `kehu.core.jobs.Job` (progress in customers, cancel).
The SQLite-only parts (the FTS5 table, insert-or-ignore) come from `kehu.db.dialect`.

Keys live in `search_key` with id = customer id * 256 + slot (see `kehu.db.models.SearchKey`)
and names in the trigram table `search_text` (rowid = customer id).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sqlite3
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from peewee import Database, fn

from kehu.core.i18n import N_
from kehu.core.jobs import Cancelled, Job, no_job
from kehu.core.search_keys import (
    SLOTS,
    SORT_COLUMNS,
    key_rows,
    person_name_keys,
    sort_columns,
)
from kehu.db import duplicate_index, key_sources
from kehu.db.connection import write
from kehu.db.dialect import dialect, is_server
from kehu.db.models import Customer

__all__ = [
    "BATCH",
    "PARALLEL_MIN",
    "STAGE",
    "Cancelled",
    "SearchRows",
    "fill_for",
    "clear_for_bulk_load",
    "finish_bulk_load",
    "insert_rows",
    "rebuild_all",
    "refresh",
    "remove",
    "rows_for",
]

logger = logging.getLogger(__name__)

BATCH = 20_000  # customers per bulk transaction
PARALLEL_MIN = 100_000  # rebuilds of at least this many ids compute rows in worker processes
WORKERS = 2
STAGE = N_("Search keys")
_INDEX = "search_key_kind_key"
_INDEX_SQL = f'CREATE INDEX IF NOT EXISTS "{_INDEX}" ON "search_key" ("kind", "key")'

# PostgreSQL's (schema/pg/0002_search.sql): the id too, as SQLite's indexes end with the rowid.
_SERVER_INDEX_SQL = f'CREATE INDEX IF NOT EXISTS "{_INDEX}" ON "search_key" ("kind", "key", "id")'


def _db() -> Database:
    return Customer._meta.database


@dataclass
class SearchRows:
    keys: list[tuple[int, int, str]] = field(default_factory=list)  # search_key (id, kind, key)
    texts: list[tuple[int, str]] = field(default_factory=list)  # search_text (rowid, text)
    names: set[str] = field(default_factory=set)  # key persons' names as stored
    duplicates: list[tuple] = field(default_factory=list)  # duplicate_key rows
    sorts: list[tuple] = field(default_factory=list)  # (name_sort, short_name_sort, id)


def rows_for(
    customers: Iterable[tuple], persons: Iterable[tuple], *, sorts: bool = True
) -> SearchRows:
    """Pure: the search rows of customers (id, code, name, short_name, uscc, phone, address)
    and their persons (customer id, name, mobile, phone), with the duplicate scan's keys
    (`kehu.db.duplicate_index`) and, with `sorts`, the names' sort keys (a loader that writes
    them with the customer rows, `sort_columns`, leaves them out). Bulk loaders compute them
    in worker processes and write them with `insert_rows`."""
    by_customer: dict[int, list[tuple]] = {}
    for row in persons:
        by_customer.setdefault(row[0], []).append(row)
    out = SearchRows()
    for cid, code, name, short_name, uscc, phone, address in customers:
        out.duplicates.append(duplicate_index.row_of(cid, name, short_name, uscc, phone, address))
        if sorts:
            out.sorts.append((*sort_columns(name, short_name), cid))
        own = by_customer.get(cid, ())
        out.names.update(person[1] for person in own if person[1])
        keys, text = key_rows(
            cid, code, name, short_name, uscc, phone, ((mobile, ph) for _c, _n, mobile, ph in own)
        )
        out.keys.extend(keys)
        if text:
            out.texts.append((cid, text))
    return out


def _insert(db: Database, rows: SearchRows, known_names: set[str] | None = None) -> None:
    """Insert rows; names already in search_name (`known_names`, kept up to date) are skipped."""
    sql = dialect(db)
    key_sources.update_sorts(db, rows.sorts)
    sql.copy_rows(db, "search_key", ("id", "kind", "key"), rows.keys)
    sql.copy_rows(db, "search_text", ("rowid", "text"), rows.texts)
    names = rows.names - known_names if known_names is not None else rows.names
    sql.copy_rows(
        db,
        "search_name",
        ("key", "name"),
        [(key, name) for name in names for key in person_name_keys(name)],
        ignore_conflicts=True,
    )
    if known_names is not None:
        known_names |= names
    duplicate_index.insert(db, rows.duplicates)


def _delete(db: Database, ids: Sequence[int]) -> None:
    p = db.param
    cursor = db.cursor()
    cursor.executemany(
        f'DELETE FROM "search_key" WHERE id >= {p} AND id < {p}',
        [(cid * SLOTS, (cid + 1) * SLOTS) for cid in ids],
    )
    cursor.executemany(f'DELETE FROM "search_text" WHERE rowid = {p}', [(cid,) for cid in ids])
    duplicate_index.delete(db, ids)


def refresh(customer_ids: Iterable[int], db: Database | None = None) -> None:
    """Recompute the keys of these customers (missing customers lose theirs).

    Runs in the caller's transaction when there is one (it should be: the one that changed
    the customers), otherwise in its own short write transaction. `db`: a database the
    models are not bound to yet (a migration).
    """
    ids = sorted(set(customer_ids))
    if not ids:
        return
    db = db or _db()

    def run() -> None:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            _delete(db, chunk)
            _insert(db, rows_for(*key_sources.load(db, chunk)))

    write(db, run)


def remove(customer_ids: Iterable[int]) -> None:
    """Drop the keys of customers that were deleted (erase, import undo), and the names of
    key persons that nobody has any more (an erased person's name must not stay findable)."""
    ids = sorted(set(customer_ids))
    if ids:
        db = _db()

        def run() -> None:
            _delete(db, ids)
            db.execute_sql(
                'DELETE FROM "search_name" WHERE NOT EXISTS '
                '(SELECT 1 FROM "key_person" p WHERE p.name = "search_name".name)'
            )

        write(db, run)


def fill_for(customer_ids: Iterable[int], job: Job | None = None) -> int:
    """Keys for many customers (an import, demo data): batches of `BATCH` per write
    transaction, progress in customers through `job`.

    Existing keys of these customers are replaced. Returns the number of keys written.
    Inside the caller's transaction a cancel rolls everything back with it; on its own, the
    batches written before a cancel stay (each one complete).
    """
    job = job or no_job()
    ids = sorted(set(customer_ids))
    db = _db()
    written = 0
    job.stage(STAGE, len(ids))
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]

        def run(chunk: list[int] = chunk) -> int:
            customers, persons = [], []
            for part in range(0, len(chunk), 500):
                c, p = key_sources.load(db, chunk[part : part + 500])
                customers += c
                persons += p
            rows = rows_for(customers, persons)
            _delete(db, chunk)
            _insert(db, rows)
            return len(rows.keys)

        written += write(db, run)
        job.progress(start + len(chunk), len(ids))
    return written


def rebuild_all(job: Job | None = None) -> int:
    """Recompute every customer's keys (repair): the fast bulk path.

    One write transaction: the (kind, key) index is dropped during the load and created after
    it, the trigram table is refilled. A cancelled rebuild (`job`) rolls back to the keys as
    they were. Returns the number of keys written.
    """
    job = job or no_job()
    db = _db()
    # Worker processes read the committed file: fine here (the rebuild changes no customer),
    # but not when the caller's own transaction changed customers they cannot see.
    parallel = not db.in_transaction()
    low, high = Customer.select(fn.MIN(Customer.id), fn.MAX(Customer.id)).tuples().get()

    def run() -> int:
        _clear(db)
        sort_indexes = _drop_sort_indexes(db)  # every row's sort keys are written again
        written = _fill_range(db, low, high, job, parallel)
        job.check()
        _finish(db)
        for statement in sort_indexes:
            db.execute_sql(statement)
        dialect(db).refresh_statistics(db, ("customer", "search_key"))  # of the remade indexes
        return written

    written = write(db, run)
    logger.info("search index rebuilt: %s keys", written)
    return written


def _drop_sort_indexes(db: Database) -> list[str]:
    """Drop the customer indexes on the sort columns; returns the statements that make them."""
    sql = dialect(db)
    found = [
        statement
        for name, statement in sql.index_definitions(db, ["customer"])
        if any(column in statement for column in SORT_COLUMNS.values())
    ]
    for name, statement in sql.index_definitions(db, ["customer"]):
        if statement in found:
            sql.drop_index(db, name)
    return found


def _fill_range(db: Database, low: int | None, high: int, job: Job, parallel: bool) -> int:
    if low is None:
        return 0
    total = high - low + 1
    starts = range(low, high + 1, BATCH)
    known_names: set[str] = set()
    written = 0
    job.stage(STAGE, total)
    for start, rows in _computed(db, starts, total, parallel):
        _insert(db, rows, known_names)
        written += len(rows.keys)
        job.progress(min(start + BATCH - low, total))
    return written


def _computed(
    db: Database, starts: range, total: int, parallel: bool
) -> Iterator[tuple[int, SearchRows]]:
    """Rows per batch of ids, computed in worker processes for big databases (the writer
    meanwhile inserts the previous batch), in this process otherwise or if workers fail."""
    path = db.database
    if total < PARALLEL_MIN or path == ":memory:" or not parallel or is_server(db):
        yield from _computed_here(db, starts)
        return
    done = 0
    try:
        for start, rows in _computed_in_workers(path, starts):
            yield start, rows
            done += 1
    except (OSError, RuntimeError, BrokenProcessPool) as exc:
        logger.warning("search key workers failed (%s); computing in this process", exc)
        yield from _computed_here(db, starts[done:])


def _computed_here(db: Database, starts: range) -> Iterator[tuple[int, SearchRows]]:
    customer_sql, person_sql = key_sources.by_range(db.param)
    for start in starts:
        customers = db.execute_sql(customer_sql, (start, start + BATCH)).fetchall()
        persons = db.execute_sql(person_sql, (start, start + BATCH)).fetchall()
        yield start, rows_for(customers, persons)


def _computed_in_workers(path: str, starts: range) -> Iterator[tuple[int, SearchRows]]:
    # spawn, not fork: forking a process with Qt or other threads can deadlock the child.
    workers = max(1, min(WORKERS, os.cpu_count() or 2))
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        pending: deque = deque()
        queue = iter(starts)
        for start in islice(queue, workers * 2):
            pending.append((start, pool.submit(_compute_range, path, start, start + BATCH)))
        try:
            while pending:
                start, future = pending.popleft()
                following = next(queue, None)
                if following is not None:
                    pending.append(
                        (following, pool.submit(_compute_range, path, following, following + BATCH))
                    )
                yield start, future.result()
        finally:  # cancelled: do not compute what nobody will write
            for _start, future in pending:
                future.cancel()


_worker_connection: sqlite3.Connection | None = None


def _compute_range(path: str, start: int, end: int) -> SearchRows:
    """In a worker process: read one id range (read-only connection) and compute its rows."""
    global _worker_connection
    if _worker_connection is None:
        uri = Path(path).absolute().as_uri() + "?mode=ro"
        _worker_connection = sqlite3.connect(uri, uri=True, timeout=30)
    customer_sql, person_sql = key_sources.by_range("?")  # the sqlite3 module's own placeholder
    customers = _worker_connection.execute(customer_sql, (start, end)).fetchall()
    persons = _worker_connection.execute(person_sql, (start, end)).fetchall()
    return rows_for(customers, persons)


def _finish(db: Database) -> None:
    db.execute_sql(_INDEX_SQL if not is_server(db) else _SERVER_INDEX_SQL)
    duplicate_index.finish(db)
    dialect(db).finish_text_table(db)


def _clear(db: Database) -> None:
    """Empty the keys for a bulk load: the (kind, key) index goes until `_finish`."""
    sql = dialect(db)
    sql.drop_index(db, _INDEX)
    db.execute_sql('DELETE FROM "search_key"')
    sql.recreate_text_table(db)
    db.execute_sql('DELETE FROM "search_name"')
    duplicate_index.clear(db)


def clear_for_bulk_load() -> None:
    """Before loading keys with `insert_rows` into an empty database (demo data): no keys,
    no (kind, key) index, the trigram table in bulk mode. Call `finish_bulk_load` after."""
    _clear(_db())


def finish_bulk_load() -> None:
    _finish(_db())


def insert_rows(rows: SearchRows, known_names: set[str] | None = None) -> None:
    """Write rows from `rows_for` inside the caller's write transaction; person names in
    `known_names` are already stored."""
    _insert(_db(), rows, known_names)
