"""The SQL side of a large import: secondary indexes dropped for the load and built again after
it, and the category links of new customers written without their per-row triggers.

A large import into a database that is small beside it (the first import of a new office's
list, typically) runs in ONE write transaction (`kehu.services.imports.run`): indexes that
nothing reads during the load are dropped at its start and created again (one sort each) at
its end, inside that transaction, so a cancelled or failed import rolls back to the old
schema and data alike, and no other connection ever sees the file without them. Inserting
into a B-tree in random key order (the search keys, the duplicate scan's name keys) costs
several times what building it once costs.

`insert_new_links` writes the category links of customers created in the same transaction:
such customers have no sale lines, so the sales-summary trigger on a new link adds nothing,
and the category counts of all the links are added with one upsert instead of one trigger
run per link. The two insert triggers are dropped around the executemany and put back.
What is SQLite-only (reading index and trigger definitions) comes from `kehu.db.dialect`.

The Today panel's key triggers (`kehu.db.care_keys`: one INSERT OR REPLACE with two subqueries
per new customer, one UPDATE per grade link) are dropped for the whole load and the keys
computed once at its end (`drop_load_triggers`, `restore_load_triggers`), as the demo load does.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from peewee import Database

from kehu.db import care_keys, sales_arrays
from kehu.db.dialect import dialect
from kehu.db.models import Customer

logger = logging.getLogger(__name__)

# Indexes no statement of an import reads (the import finds duplicates through its own key
# table, customers by their unique code, key persons by customer): dropped during a load.
LOAD_INDEXES = (
    "search_key_kind_key",
    "duplicate_key_core",
    "duplicate_key_core_reversed",
    "customer_status",
    "customer_owner_id_status",
    "customer_completeness",
    "customer_import_batch_id",
    # the names' pinyin sort keys go in with the rows, in random order: one sort after it
    "customer_name_sort",
    "customer_short_name_sort",
    "customer_owner_id_name_sort",
    "customer_owner_id_short_name_sort",
    "customer_trading_day",
    "key_person_name",
    "customer_category_category_id",
)
# The triggers that run per new link (category counts, sales summaries, the links' stamp of
# schema 11) and per new customer (the customers' stamp).
LINK_TRIGGERS = (
    "category_count_link_insert",
    "sales_summary_link_insert",
    "sales_summary_stamp_link_insert",
)
CUSTOMER_TRIGGERS = ("sales_summary_stamp_customer_insert",)
WITHOUT_TRIGGERS = 200  # fewer rows go in with their triggers


def _db() -> Database:
    return Customer._meta.database


def long_writes_ok(db: Database) -> bool:
    """Whether one long write transaction keeps nobody waiting: a file in the local mode
    (WAL; a shared file on a network drive is not), or a server (readers see the rows as
    they were; an import that drops indexes, into a database small beside it such as a new
    office's first list, locks those tables until it commits)."""
    return dialect(db).journal_mode(db) in ("wal", "server")


def customer_count() -> int:
    return _db().execute_sql('SELECT COUNT(*) FROM "customer"').fetchone()[0]


def drop_load_indexes() -> list[str]:
    """Drop `LOAD_INDEXES` (inside the caller's transaction); returns their statements."""
    db = _db()
    sql = dialect(db)
    tables = ("search_key", "duplicate_key", "customer", "key_person", "customer_category")
    dropped = []
    for name, statement in sql.index_definitions(db, tables):
        if name in LOAD_INDEXES:
            sql.drop_index(db, name)
            dropped.append(statement)
    return dropped


def drop_load_triggers() -> list[str]:
    """Drop the per-row triggers of the Today panel's keys for a load (inside the caller's
    transaction); returns their statements for `restore_load_triggers`."""
    return care_keys.drop_triggers(_db())


def restore_load_triggers(statements: list[str]) -> None:
    """After the load: the Today panel's keys computed once from the data, the triggers back."""
    care_keys.restore_triggers(_db(), statements)


SORT_THREADS = 2  # helper threads of SQLite's sorter while the indexes are built


def create_indexes(statements: Sequence[str]) -> None:
    """Build the dropped indexes again (each one sort, with the sorter's helper threads)."""
    db = _db()
    sql = dialect(db)
    sql.apply_settings(db, {"threads": SORT_THREADS})
    try:
        for statement in statements:
            began = time.perf_counter()
            db.execute_sql(statement)
            logger.info("%.2f s: %s", time.perf_counter() - began, statement)
    finally:
        sql.apply_settings(db, {"threads": 0})


def insert_new_customers(columns: Sequence[str], rows: list[tuple]) -> None:
    """Insert customers (`columns` as in the table); many at once renew the customers' stamp
    once instead of once per row."""
    db = _db()
    with _triggers_dropped(CUSTOMER_TRIGGERS, len(rows)) as dropped:
        dialect(db).copy_rows(db, "customer", columns, rows)
        if dropped:
            sales_arrays.bump(db, (sales_arrays.CUSTOMERS,))


def insert_new_links(rows: list[tuple[int, int, int]], owner_id: int | None, status: str) -> None:
    """Insert (customer id, scheme id, category id) links of customers created in this
    transaction, all with this owner and status, and count them into category_count."""
    if not rows:
        return
    db = _db()
    p = db.param
    with _triggers_dropped(LINK_TRIGGERS, len(rows)) as dropped:
        dialect(db).copy_rows(
            db, "customer_category", ("customer_id", "scheme_id", "category_id"), rows
        )
        if not dropped:
            return
        counts = Counter(category for _cid, _scheme, category in rows)
        db.cursor().executemany(
            "INSERT INTO category_count (category_id, owner_id, status, n) "
            f"VALUES ({p}, {p}, {p}, {p}) "
            "ON CONFLICT (category_id, owner_id, status) DO UPDATE SET n = category_count.n + excluded.n",
            [(category, owner_id or 0, status, n) for category, n in counts.items()],
        )
        if "sales_summary_stamp_link_insert" in dropped:
            sales_arrays.bump(db, (sales_arrays.LINKS,))


@contextmanager
def _triggers_dropped(names: Sequence[str], rows: int) -> Iterator[set[str]]:
    """These triggers dropped in the block (and put back after it) when `rows` is many;
    yields the names of those dropped (those the schema has)."""
    if rows < WITHOUT_TRIGGERS:
        yield set()
        return
    db = _db()
    sql = dialect(db)
    triggers = [(n, s) for n, s in sql.trigger_definitions(db, "") if n in names]
    for name, _statement in triggers:
        sql.drop_trigger(db, name)
    try:
        yield {name for name, _statement in triggers}
    except BaseException:
        # A server's failed transaction takes no more statements (the first error is the
        # one to report); its rollback brings the triggers back.
        if not sql.transaction_failed(db):
            _create(db, [statement for _name, statement in triggers])
        raise
    _create(db, [statement for _name, statement in triggers])


def _create(db: Database, statements: Sequence[str]) -> None:
    for statement in statements:
        db.execute_sql(statement)


def insert_person_names(rows: list[tuple[str, str]]) -> None:
    """(key, name) rows of key persons' names (search_name), computed elsewhere; a row
    already stored stays as it is."""
    db = _db()
    dialect(db).copy_rows(db, "search_name", ("key", "name"), rows, ignore_conflicts=True)
