"""Keeping the search keys in step with the customers.

- `refresh(ids)`: recompute the keys of some customers; call it INSIDE the write transaction
  that changed them (dossiers create/save/archive/restore do), so keys never lag the data.
- `remove(ids)`: drop the keys of customers that are gone (erase, import undo); also inside the
  transaction that deletes them.
- `fill_for(ids)`: bulk keys for many customers (an import), executemany in batches.
- `rebuild_all()`: every customer from scratch (demo data, repair), index dropped during the
  load and rebuilt after it.

Keys live in `search_key` with id = customer id * 256 + slot (see `kehu.db.models.SearchKey`)
and names in the trigram table `search_text` (rowid = customer id).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sqlite3
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from peewee import SqliteDatabase

from kehu.core.search_keys import (
    PERSON,
    SLOTS,
    customer_keys,
    person_keys,
    person_name_keys,
)
from kehu.db.connection import write
from kehu.db.models import Customer

logger = logging.getLogger(__name__)

BATCH = 20_000  # customers per bulk transaction
PARALLEL_MIN = 100_000  # rebuilds of at least this many ids compute rows in worker processes
WORKERS = 2
INDEX_SQL = 'CREATE INDEX IF NOT EXISTS "search_key_kind_key" ON "search_key" ("kind", "key")'
FTS_SQL = """CREATE VIRTUAL TABLE "search_text" USING fts5("text", tokenize='trigram')"""  # = 0002

Progress = Callable[[str, int, int], bool | None]  # (stage, done, total) → False cancels
STAGE = "search keys"

_CUSTOMER_SQL = (
    'SELECT id, code, name, short_name, uscc, phone FROM "customer" WHERE id IN ({marks})'
)
_RANGE_CUSTOMER_SQL = (
    'SELECT id, code, name, short_name, uscc, phone FROM "customer" '
    "WHERE id >= ? AND id < ? ORDER BY id"
)
_PERSON_SQL = (
    'SELECT customer_id, name, mobile, phone FROM "key_person" WHERE customer_id IN ({marks}) '
    "ORDER BY customer_id, position, id"
)
_RANGE_PERSON_SQL = (
    'SELECT customer_id, name, mobile, phone FROM "key_person" '
    "WHERE customer_id >= ? AND customer_id < ? ORDER BY customer_id, position, id"
)


class Cancelled(Exception):
    pass


def _db() -> SqliteDatabase:
    return Customer._meta.database


@dataclass
class SearchRows:
    keys: list[tuple[int, int, str]] = field(default_factory=list)  # search_key (id, kind, key)
    texts: list[tuple[int, str]] = field(default_factory=list)  # search_text (rowid, text)
    names: set[str] = field(default_factory=set)  # key persons' names as stored


def rows_for(customers: Iterable[tuple], persons: Iterable[tuple]) -> SearchRows:
    """Pure: the search rows of customers (id, code, name, short_name, uscc, phone) and their
    persons (customer id, name, mobile, phone). Bulk loaders compute them in worker processes
    and write them with `insert_rows`."""
    by_customer: dict[int, list[tuple]] = {}
    for row in persons:
        by_customer.setdefault(row[0], []).append(row)
    out = SearchRows()
    for cid, code, name, short_name, uscc, phone in customers:
        rows, text = customer_keys(code, name, short_name, uscc, phone)
        found = {key for _kind, key in rows}
        for _cid, person_name, mobile, person_phone in by_customer.get(cid, ()):
            if person_name:
                out.names.add(person_name)
            for key in person_keys(mobile, person_phone):
                if key not in found:
                    found.add(key)
                    rows.append((PERSON, key))
        if len(rows) > SLOTS:
            logger.warning("customer %s has %s search keys; %s kept", cid, len(rows), SLOTS)
            rows = rows[:SLOTS]
        base = cid * SLOTS
        out.keys.extend((base + slot, kind, key) for slot, (kind, key) in enumerate(rows))
        if text:
            out.texts.append((cid, text))
    return out


def _insert(db: SqliteDatabase, rows: SearchRows, known_names: set[str] | None = None) -> None:
    """Insert rows; names already in search_name (`known_names`, kept up to date) are skipped."""
    cursor = db.cursor()
    cursor.executemany('INSERT INTO "search_key" (id, kind, key) VALUES (?, ?, ?)', rows.keys)
    cursor.executemany('INSERT INTO "search_text" (rowid, text) VALUES (?, ?)', rows.texts)
    names = rows.names - known_names if known_names is not None else rows.names
    cursor.executemany(
        'INSERT OR IGNORE INTO "search_name" (key, name) VALUES (?, ?)',
        [(key, name) for name in names for key in person_name_keys(name)],
    )
    if known_names is not None:
        known_names |= names


def _delete(db: SqliteDatabase, ids: Sequence[int]) -> None:
    cursor = db.cursor()
    cursor.executemany(
        'DELETE FROM "search_key" WHERE id >= ? AND id < ?',
        [(cid * SLOTS, (cid + 1) * SLOTS) for cid in ids],
    )
    cursor.executemany('DELETE FROM "search_text" WHERE rowid = ?', [(cid,) for cid in ids])


def _load(db: SqliteDatabase, ids: Sequence[int]) -> tuple[list[tuple], list[tuple]]:
    marks = ", ".join("?" * len(ids))
    customers = db.execute_sql(_CUSTOMER_SQL.format(marks=marks), list(ids)).fetchall()
    persons = db.execute_sql(_PERSON_SQL.format(marks=marks), list(ids)).fetchall()
    return customers, persons


def refresh(customer_ids: Iterable[int]) -> None:
    """Recompute the keys of these customers (missing customers lose theirs).

    Runs in the caller's transaction when there is one (it should be: the one that changed
    the customers), otherwise in its own short write transaction.
    """
    ids = sorted(set(customer_ids))
    if not ids:
        return
    db = _db()

    def run() -> None:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            _delete(db, chunk)
            _insert(db, rows_for(*_load(db, chunk)))

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


def fill_for(customer_ids: Iterable[int], progress: Progress | None = None) -> int:
    """Keys for many customers (an import): batches of `BATCH` per write transaction.

    Existing keys of these customers are replaced. Returns the number of keys written.
    """
    ids = sorted(set(customer_ids))
    db = _db()
    written = 0
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]

        def run(chunk: list[int] = chunk) -> int:
            customers, persons = [], []
            for part in range(0, len(chunk), 500):
                c, p = _load(db, chunk[part : part + 500])
                customers += c
                persons += p
            rows = rows_for(customers, persons)
            _delete(db, chunk)
            _insert(db, rows)
            return len(rows.keys)

        written += write(db, run)
        _report(progress, start + len(chunk), len(ids))
    return written


def _report(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None and progress(STAGE, done, total) is False:
        raise Cancelled()


def rebuild_all(progress: Progress | None = None) -> int:
    """Recompute every customer's keys: fast bulk path for demo data and repairs.

    The (kind, key) index is dropped during the load and created after it; the trigram table
    is refilled. Returns the number of keys written.
    """
    db = _db()
    low, high = db.execute_sql('SELECT MIN(id), MAX(id) FROM "customer"').fetchone()
    write(db, lambda: _clear(db))
    try:
        written = _fill_range(db, low, high, progress)
    finally:  # even when cancelled: without the index every search scans
        write(db, lambda: _finish(db))
    logger.info("search index rebuilt: %s keys", written)
    return written


def _fill_range(db: SqliteDatabase, low: int | None, high: int, progress: Progress | None) -> int:
    if low is None:
        return 0
    total = high - low + 1
    starts = range(low, high + 1, BATCH)
    known_names: set[str] = set()
    written = 0
    for start, rows in _computed(db, starts, total):
        write(db, lambda rows=rows: _insert(db, rows, known_names))
        written += len(rows.keys)
        _report(progress, min(start + BATCH - low, total), total)
    return written


def _computed(db: SqliteDatabase, starts: range, total: int) -> Iterator[tuple[int, SearchRows]]:
    """Rows per batch of ids, computed in worker processes for big databases (the writer
    meanwhile inserts the previous batch), in this process otherwise or if workers fail."""
    path = db.database
    if total < PARALLEL_MIN or path == ":memory:" or db.in_transaction():
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


def _computed_here(db: SqliteDatabase, starts: range) -> Iterator[tuple[int, SearchRows]]:
    for start in starts:
        customers = db.execute_sql(_RANGE_CUSTOMER_SQL, (start, start + BATCH)).fetchall()
        persons = db.execute_sql(_RANGE_PERSON_SQL, (start, start + BATCH)).fetchall()
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
        while pending:
            start, future = pending.popleft()
            following = next(queue, None)
            if following is not None:
                pending.append(
                    (following, pool.submit(_compute_range, path, following, following + BATCH))
                )
            yield start, future.result()


_worker_connection: sqlite3.Connection | None = None


def _compute_range(path: str, start: int, end: int) -> SearchRows:
    """In a worker process: read one id range (read-only connection) and compute its rows."""
    global _worker_connection
    if _worker_connection is None:
        uri = Path(path).absolute().as_uri() + "?mode=ro"
        _worker_connection = sqlite3.connect(uri, uri=True, timeout=30)
    customers = _worker_connection.execute(_RANGE_CUSTOMER_SQL, (start, end)).fetchall()
    persons = _worker_connection.execute(_RANGE_PERSON_SQL, (start, end)).fetchall()
    return rows_for(customers, persons)


def _finish(db: SqliteDatabase) -> None:
    db.execute_sql(INDEX_SQL)
    db.execute_sql('INSERT INTO "search_text"("search_text", rank) VALUES (\'automerge\', 4)')
    db.execute_sql('INSERT INTO "search_text"("search_text") VALUES (\'optimize\')')


def _clear(db: SqliteDatabase) -> None:
    db.execute_sql('DROP INDEX IF EXISTS "search_key_kind_key"')
    db.execute_sql('DELETE FROM "search_key"')
    # Deleting a million rows from an FTS5 table one by one is slow: drop and create it again.
    db.execute_sql('DROP TABLE "search_text"')
    db.execute_sql(FTS_SQL)
    db.execute_sql('DELETE FROM "search_name"')
    # Bulk load: no incremental merging of the trigram index; one 'optimize' at the end.
    db.execute_sql('INSERT INTO "search_text"("search_text", rank) VALUES (\'automerge\', 0)')


def insert_rows(rows: SearchRows, known_names: set[str] | None = None) -> None:
    """Write rows from `rows_for` inside the caller's write transaction; person names in
    `known_names` are already stored."""
    _insert(_db(), rows, known_names)
