"""db/bulk_load.py and the SQLite dialect on a real file: ids read back, settings restored."""

from __future__ import annotations

import pytest
from peewee import SqliteDatabase

from kehu.db import bulk_load
from kehu.db.dialect import SQLITE, dialect
from kehu.db.models import Customer


def test_ids_of_codes_follow_the_database_in_the_order_asked(workspace):
    for code in ("KH000010", "KH000011", "X-7", "KH000012", "KH9999999"):
        Customer.create(code=code, name=code)
    by_code = {c.code: c.id for c in Customer.select()}
    wanted = ["KH000012", "X-7", "KH000010", "KH9999999", "KH000011"]
    assert bulk_load.ids_of_codes(wanted) == [by_code[c] for c in wanted]
    with pytest.raises(KeyError):
        bulk_load.ids_of_codes(["KH000013"])


def test_insert_customers_returns_the_ids_the_database_gave(workspace):
    Customer.create(code="KH000001", name="已有")
    columns = ("code", "name", "status", "version", "created_at", "updated_at", "custom_fields")
    rows = [
        (f"KH{n:06d}", f"客户{n}", "active", 1, "2024-01-01", "2024-01-01", "{}")
        for n in range(100, 160)
    ]
    db = workspace.database.db
    ids = db.atomic()(bulk_load.insert_customers)(db, columns, rows)
    assert [Customer.get_by_id(i).code for i in ids] == [r[0] for r in rows]


def test_bulk_load_settings_come_back(workspace):
    db = workspace.database.db
    before = [
        db.execute_sql(f"PRAGMA {name}").fetchone()[0] for name in ("synchronous", "cache_size")
    ]
    with bulk_load.session(db):
        assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 0
        assert db.execute_sql("PRAGMA synchronous").fetchone()[0] == 0
    after = [
        db.execute_sql(f"PRAGMA {name}").fetchone()[0] for name in ("synchronous", "cache_size")
    ]
    assert after == before and db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_bulk_load_keeps_the_wal_while_another_connection_reads(workspace):
    import sqlite3

    db = workspace.database.db
    reader = sqlite3.connect(workspace.database.path)
    try:
        reader.execute("SELECT COUNT(*) FROM customer").fetchone()
        with bulk_load.session(db):
            assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        reader.close()
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_dropped_indexes_come_back_as_they_were(workspace):
    db = workspace.database.db
    schema = db.execute_sql("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()
    with db.atomic():
        dropped = bulk_load.drop_indexes(db, ("customer", "key_person"), {"customer_code"})
        assert dropped and not any('"customer_code"' in s for s in dropped)
        bulk_load.create_indexes(db, dropped)
    assert db.execute_sql("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall() == schema


def test_the_dialect_seam():
    assert dialect(SqliteDatabase(":memory:")) is SQLITE
    assert SQLITE.insert_ignore_sql(SqliteDatabase(":memory:"), "t", ("a", "b")) == (
        'INSERT OR IGNORE INTO "t" (a, b) VALUES (?, ?)'
    )

    class OtherDatabase:  # a second dialect is added in dialect(), not in its callers
        param = "%s"

    with pytest.raises(NotImplementedError):
        dialect(OtherDatabase())
