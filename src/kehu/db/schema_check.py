"""The schema a database of this version should have, compared with the one it has.

The expected schema is built once per process by running the migrations on an in-memory
database, so a new migration (a table, an index, a trigger) is expected without any list to
keep up to date. A bulk load that died between dropping an index or trigger and creating it
again leaves it missing; `missing_objects` finds it and `recreate` puts it back.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from peewee import Database, SqliteDatabase

from kehu.db import migrations
from kehu.db.dialect import dialect

KINDS = ("table", "index", "trigger")


@dataclass(frozen=True)
class SchemaObject:
    kind: str  # table, index, trigger
    name: str
    table: str
    sql: str


@functools.cache
def expected_schema() -> tuple[SchemaObject, ...]:
    """Tables, indexes and triggers of a new database of the latest version."""
    db = SqliteDatabase(":memory:")
    db.connect()
    try:
        migrations.migrate(db)
        return tuple(_objects(db))
    finally:
        db.close()


def _objects(db: Database) -> list[SchemaObject]:
    marks = ", ".join([db.param] * len(KINDS))
    rows = db.execute_sql(
        "SELECT type, name, tbl_name, sql FROM sqlite_master "
        f"WHERE type IN ({marks}) AND sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
        "ORDER BY type, name",
        KINDS,
    ).fetchall()
    return [SchemaObject(*row) for row in rows]


def missing_objects(db: Database) -> list[SchemaObject]:
    """What the expected schema has and the database lacks (compared by kind and name).

    A server database: none. Its bulk loads drop and create indexes and triggers inside
    their one transaction, and PostgreSQL rolls DDL back with it, so nothing is left
    missing; the expected schema here is the file's (`health.check` says so in a note)."""
    if dialect(db).name != "sqlite":
        return []
    present = {(o.kind, o.name) for o in _objects(db)}
    return [o for o in expected_schema() if (o.kind, o.name) not in present]


def recreate(db: Database, objects: list[SchemaObject]) -> list[SchemaObject]:
    """Create missing indexes and triggers again (inside the caller's transaction); a missing
    table is not invented (its data is gone: that is a case for a backup). Returns those
    created."""
    created = []
    for obj in objects:
        if obj.kind in ("index", "trigger"):
            db.execute_sql(obj.sql)
            created.append(obj)
    return created
