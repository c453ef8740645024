"""Migration 11 on an existing file: the names' pinyin sort keys of every customer, and the
search keys of the customers whose names hold a polyphone (their alternative readings became
a kind of their own, ranked below the main reading).

The customers are read in id ranges of `BATCH`; the keys are computed here (a few
microseconds a name: `kehu.core.search_keys.sort_key`) and stored with one executemany per
batch, in id order (the table's own order), before the indexes on them exist.
"""

from __future__ import annotations

import logging
import time

from peewee import Database

from kehu.core.search_keys import has_polyphone, normalize
from kehu.db import search_index

logger = logging.getLogger(__name__)

BATCH = 50_000


def fill(db: Database) -> dict[str, float]:
    """Fill the sort columns of every customer and recompute the search keys of those with a
    polyphone in their names; inside the migration's transaction. Returns figures (counts,
    seconds) for the log and the benchmarks."""
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
            sorts.append((*search_index.sort_columns(name, short_name), cid))
            if has_polyphone(normalize(name or "")) or has_polyphone(normalize(short_name or "")):
                polyphonic.append(cid)
        search_index.update_sorts(db, sorts)
        customers += len(rows)
    sorted_at = time.perf_counter()
    indexed = db.execute_sql('SELECT 1 FROM "search_key" LIMIT 1').fetchone() is not None
    if indexed:  # a file without keys gets all of them when it is opened (services.workspace)
        search_index.refresh(polyphonic, db)
    figures = {
        "customers": customers,
        "sort_keys_s": round(sorted_at - began, 2),
        "polyphonic": len(polyphonic) if indexed else 0,
        "search_keys_s": round(time.perf_counter() - sorted_at, 2),
    }
    logger.info("migration 11: %s", figures)
    return figures
