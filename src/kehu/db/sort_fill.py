"""Migration 13 on an existing file: the names' pinyin sort keys of every customer, and the
search keys of the customers whose names hold a polyphone (their alternative readings became
kind PINYIN_ALT, ranked below the main reading).

The customers are read in id ranges of `BATCH`; the sort keys are computed here (a few
microseconds a name: `kehu.core.search_keys.sort_key`) and stored with one executemany per
batch, in id order (the table's own order), before the indexes on them exist. The search
keys of a polyphonic name are computed again and compared with the stored ones slot by slot
(`customer_keys` keeps the slots of schema 10): only the rows that differ are written —
mostly the kind of an alternative reading — and the names' trigram text and duplicate keys,
which do not change, are left alone.
"""

from __future__ import annotations

import logging
import time

from peewee import Database

from kehu.core.search_keys import (
    SLOTS,
    has_polyphone,
    key_rows,
    normalize,
    person_name_keys,
    sort_columns,
)
from kehu.db import key_sources
from kehu.db.dialect import dialect

logger = logging.getLogger(__name__)

BATCH = 50_000
KEY_BATCH = 500  # customers whose search keys are compared at a time
REINDEX_MIN = 20_000  # polyphonic customers from which the key index is dropped and made again
KEY_INDEX = "search_key_kind_key"


def fill(db: Database) -> dict[str, float]:
    """Fill the sort columns of every customer and bring the search keys of those with a
    polyphone in their names up to date; inside the migration's transaction. Returns figures
    (counts, seconds) for the log and the benchmarks."""
    began = time.perf_counter()
    low, high = db.execute_sql('SELECT MIN(id), MAX(id) FROM "customer"').fetchone()
    polyphonic: list[int] = []
    customers = 0
    p = db.param
    for start in range(low or 0, (high or -1) + 1, BATCH):
        rows = db.execute_sql(
            f'SELECT id, name, short_name FROM "customer" WHERE id >= {p} AND id < {p}',
            (start, start + BATCH),
        ).fetchall()
        sorts = []
        for cid, name, short_name in rows:
            sorts.append((*sort_columns(name, short_name), cid))
            if has_polyphone(normalize(name or "")) or has_polyphone(normalize(short_name or "")):
                polyphonic.append(cid)
        key_sources.update_sorts(db, sorts)
        customers += len(rows)
    sorted_at = time.perf_counter()
    written = 0
    indexed = db.execute_sql('SELECT 1 FROM "search_key" LIMIT 1').fetchone() is not None
    if indexed:  # a file without keys gets all of them when it is opened (services.workspace)
        sql = dialect(db)
        # many rows to change: without the (kind, key) index they are written in id order,
        # and the index is made again once (instead of a random index update per row)
        rebuild = [
            statement
            for name, statement in sql.index_definitions(db, ["search_key"])
            if len(polyphonic) >= REINDEX_MIN and name == KEY_INDEX
        ]
        if rebuild:
            sql.drop_index(db, KEY_INDEX)
        for start in range(0, len(polyphonic), KEY_BATCH):
            written += _rekey(db, polyphonic[start : start + KEY_BATCH])
        for statement in rebuild:
            db.execute_sql(statement)
        _person_names(db)
    figures = {
        "customers": customers,
        "sort_keys_s": round(sorted_at - began, 2),
        "polyphonic": len(polyphonic) if indexed else 0,
        "key_rows_written": written,
        "search_keys_s": round(time.perf_counter() - sorted_at, 2),
    }
    logger.info("migration 13: %s", figures)
    return figures


def _rekey(db: Database, ids: list[int]) -> int:
    """Write the search-key rows of these customers that differ from the stored ones."""
    p = db.param
    new = {key_id: (kind, key) for key_id, kind, key in _keys(db, ids)}
    wanted = set(ids)
    cursor = db.cursor()
    old = {  # one range read over the batch (ids ascending), the others' keys left out
        key_id: (kind, key)
        for key_id, kind, key in cursor.execute(
            f'SELECT id, kind, key FROM "search_key" WHERE id >= {p} AND id < {p}',
            (ids[0] * SLOTS, (ids[-1] + 1) * SLOTS),
        ).fetchall()
        if key_id // SLOTS in wanted
    }
    changed = [
        (*row, key_id) for key_id, row in new.items() if key_id in old and old[key_id] != row
    ]
    added = [(key_id, *row) for key_id, row in new.items() if key_id not in old]
    gone = [(key_id,) for key_id in old if key_id not in new]
    cursor.executemany(f'UPDATE "search_key" SET kind = {p}, key = {p} WHERE id = {p}', changed)
    cursor.executemany(f'INSERT INTO "search_key" (id, kind, key) VALUES ({p}, {p}, {p})', added)
    cursor.executemany(f'DELETE FROM "search_key" WHERE id = {p}', gone)
    return len(changed) + len(added) + len(gone)


def _keys(db: Database, ids: list[int]) -> list[tuple[int, int, str]]:
    customers, persons = key_sources.load(db, ids)
    by_customer: dict[int, list[tuple]] = {}
    for cid, _name, mobile, phone in persons:
        by_customer.setdefault(cid, []).append((mobile, phone))
    rows = []
    for cid, code, name, short_name, uscc, phone, _address in customers:
        rows += key_rows(cid, code, name, short_name, uscc, phone, by_customer.get(cid, ()))[0]
    return rows


def _person_names(db: Database) -> None:
    """Key persons' names with a polyphone get the keys of readings added in schema 13."""
    names = [
        name
        for (name,) in db.execute_sql('SELECT DISTINCT name FROM "key_person"').fetchall()
        if name and has_polyphone(normalize(name))
    ]
    db.cursor().executemany(
        dialect(db).insert_ignore_sql(db, "search_name", ("key", "name")),
        [(key, name) for name in names for key in person_name_keys(name)],
    )
