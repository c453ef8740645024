"""One set of numbered migrations for both backends (issue 16, point 1): every step has its
PostgreSQL twin in schema/pg/, and each released schema version, loaded into a server database
at that version, upgrades to what the same file upgrades to: the same tables and columns, the
same indexes and triggers, the same rows, the category counts kept by the triggers."""

from __future__ import annotations

import shutil
import sqlite3
from decimal import Decimal
from importlib import resources
from pathlib import Path

import pytest
from test_migrations import FIXTURE_FILES, _fixture_version, rows_of

from kehu.db import migrations
from kehu.db.pg_dialect import POSTGRES, VERSION_TABLE
from kehu.db.server import connect
from kehu.services.workspace import open_workspace

SCHEMA = resources.files("kehu.db").joinpath("schema")


def test_every_migration_has_its_postgresql_twin():
    def numbered(folder) -> list[str]:
        return sorted(p.name for p in folder.iterdir() if p.name[:4].isdigit())

    files, twins = numbered(SCHEMA), numbered(SCHEMA.joinpath("pg"))
    assert files == twins
    assert len(files) == migrations.latest_version()


def _server_schema(db) -> dict[str, set[str]]:
    tables = {
        name
        for (name,) in db.execute_sql(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
        )
        if name != VERSION_TABLE
    }
    indexes = {name for name, _sql in POSTGRES.index_definitions(db, sorted(tables))}
    indexes.discard(POSTGRES.TEXT_INDEX)  # the trigram index stands for FTS5's own tables
    # The server's own: the notifications of live refresh (schema/pg/notify.sql).
    triggers = {
        name
        for name, _sql in POSTGRES.trigger_definitions(db, "")
        if not name.startswith("kehu_notify_")
    }
    return {"table": tables, "index": indexes, "trigger": triggers}


def _file_schema(path: Path) -> dict[str, set[str]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    rows = conn.execute("SELECT type, name FROM sqlite_master WHERE sql IS NOT NULL").fetchall()
    conn.close()
    found: dict[str, set[str]] = {"table": set(), "index": set(), "trigger": set()}
    for kind, name in rows:
        if name.startswith(("sqlite_", "search_text_")):  # statistics, FTS5 shadow tables
            continue
        found[kind].add(name)
    return found


def _value(v):
    if isinstance(v, Decimal | float):
        return round(float(v), 6)
    return v


def _rows(db, table: str, columns: list[str]) -> list[tuple]:
    names = ", ".join(f'"{c}"' for c in columns)
    rows = db.execute_sql(f'SELECT {names} FROM "{table}"').fetchall()
    return sorted((tuple(_value(v) for v in row) for row in rows), key=repr)


def _load(db, fixture: Path) -> None:
    """The fixture's rows into a server database at the fixture's version."""
    conn = sqlite3.connect(f"file:{fixture}?mode=ro", uri=True)
    for table, (columns, rows) in rows_of(fixture).items():
        if table == "search_text":
            columns, rows = (
                ["rowid", "text"],
                conn.execute("SELECT rowid, text FROM search_text").fetchall(),
            )
        db.execute_sql(f'DELETE FROM "{table}"')  # rows a migration put there: the file's win
        if not rows:
            continue
        names = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join(["%s"] * len(columns))
        db.cursor().executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)
    conn.close()


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=lambda path: path.stem)
def test_each_released_version_upgrades_on_the_server_as_in_a_file(
    tmp_path, fixture, pg_server, monkeypatch
):
    version = _fixture_version(fixture)
    url = pg_server.new_database(schema=False)
    try:
        db = connect(url)
        assert migrations.migrate(db, target=version) == list(range(1, version + 1))
        with db.atomic():
            # The rows as they are in the file: no foreign-key order, no triggers.
            db.execute_sql("SET LOCAL session_replication_role = replica")
            _load(db, fixture)
            POSTGRES.reset_sequences(db)
        db.close()

        server = open_workspace(url).database
        path = tmp_path / "kehu.db"
        shutil.copy(fixture, path)
        file = open_workspace(path).database
        try:
            assert server.migrated_from == file.migrated_from
            assert migrations.schema_version(server.db) == migrations.latest_version()
            assert _server_schema(server.db) == _file_schema(path)
            for table, (columns, _rows_before) in rows_of(path).items():
                if table == "search_text":
                    columns = ["rowid", "text"]
                assert _rows(server.db, table, columns) == _rows(file.db, table, columns), table
            counted = (
                "SELECT cc.category_id, COALESCE(c.owner_id, 0), c.status, COUNT(*) FROM "
                "customer_category cc JOIN customer c ON c.id = cc.customer_id GROUP BY 1, 2, 3"
            )
            kept = "SELECT category_id, owner_id, status, n FROM category_count WHERE n > 0"
            assert sorted(server.db.execute_sql(kept).fetchall()) == sorted(
                server.db.execute_sql(counted).fetchall()
            )
        finally:
            server.close()
            file.close()
    finally:
        pg_server.drop(url)
