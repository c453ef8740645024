"""Every released schema version opens and upgrades to the schema of a new database, keeping
its data.

`tests/data/schema_v{N}.db` is one small database of each released version, built by
`scripts/make_schema_fixtures.py` from the frozen schema files. Each is copied, opened the way
the application opens a file (which migrates it), and its whole schema — tables, indexes,
triggers, the FTS5 table and its shadow tables, as stored in `sqlite_master` — is compared with
a freshly created database's. A new migration needs a new fixture: the test of the fixture
list fails until `schema_v{latest}.db` is committed.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import sqlite3
from collections import Counter
from pathlib import Path

import pytest
from peewee import SqliteDatabase

from kehu.db import errors, migrations, search
from kehu.db.connection import open_database
from kehu.db.models import (
    ALL_MODELS,
    AUDIT_TRIGGERS,
    Customer,
    KeyPerson,
    User,
    database_proxy,
)
from kehu.services.workspace import open_workspace

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "data"
SCRIPT = ROOT / "scripts" / "make_schema_fixtures.py"


def _fixture_version(path: Path) -> int:
    return int(re.fullmatch(r"schema_v(\d+)\.db", path.name).group(1))


FIXTURE_FILES = sorted(FIXTURES.glob("schema_v*.db"), key=_fixture_version)

# Tables whose rows a migration rebuilds instead of carrying over: {table: the version whose
# migration replaces them}. Fixtures older than that version lose these rows by design.
# Migration 13 rewrites the keys of customers whose names hold a polyphone.
REBUILT_BY = {"search_key": 13}


# --- the comparison ---------------------------------------------------------------------------


def normalise_sql(sql: str | None) -> str | None:
    """The SQL of a schema object with layout and identifier quoting taken out: the same
    statement written on one line or many, with or without quotes, compares equal."""
    if sql is None:  # automatic indexes (UNIQUE, PRIMARY KEY of WITHOUT ROWID tables)
        return None
    parts = re.split(r"('(?:[^']|'')*')", sql)  # string literals are kept as they are
    for i in range(0, len(parts), 2):
        text = re.sub(r"--[^\n]*", " ", parts[i])
        text = re.sub(r'"(\w+)"', r"\1", text)
        text = re.sub(r"\s+", " ", text)
        parts[i] = re.sub(r"\s*([(),;=])\s*", r"\1", text)
    return "".join(parts).strip()


def schema_of(path: Path) -> list[tuple[str, str, str, str | None]]:
    """Every object of the file's schema: (type, name, table, normalised SQL), sorted.

    Covers tables (FTS5 virtual tables and their shadow tables too), indexes, automatic
    indexes, triggers and views; only the statistics tables of ANALYZE are left out.
    """
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%'"
        ).fetchall()
    finally:
        conn.close()
    return sorted((kind, name, table, normalise_sql(sql)) for kind, name, table, sql in rows)


def schema_differences(got: Path, want: Path) -> list[str]:
    """What `got`'s schema lacks, has in excess, or has differently from `want`'s."""
    mine = {(kind, name): (table, sql) for kind, name, table, sql in schema_of(got)}
    theirs = {(kind, name): (table, sql) for kind, name, table, sql in schema_of(want)}
    found = []
    for key in sorted(theirs.keys() - mine.keys()):
        found.append(f"missing {key[0]} {key[1]}: {theirs[key][1]}")
    for key in sorted(mine.keys() - theirs.keys()):
        found.append(f"unexpected {key[0]} {key[1]}: {mine[key][1]}")
    for key in sorted(mine.keys() & theirs.keys()):
        if mine[key] != theirs[key]:
            found.append(f"different {key[0]} {key[1]}:\n  got  {mine[key]}\n  want {theirs[key]}")
    return found


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]


def _data_tables(conn: sqlite3.Connection) -> list[str]:
    """Tables holding data: not SQLite's own, not the shadow tables of FTS5 (its virtual table
    is read instead)."""
    return [
        name
        for name, kind in conn.execute(
            "SELECT name, type FROM pragma_table_list WHERE schema='main'"
        )
        if kind in ("table", "virtual") and not name.startswith("sqlite_")
    ]


def rows_of(path: Path) -> dict[str, tuple[list[str], list[tuple]]]:
    """{table: (columns, rows)} of every data table."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        found = {}
        for table in _data_tables(conn):
            columns = _columns(conn, table)
            names = ", ".join(f'"{c}"' for c in columns)
            found[table] = (columns, conn.execute(f'SELECT {names} FROM "{table}"').fetchall())
        return found
    finally:
        conn.close()


def lost_rows(before: Path, after: Path, since_version: int) -> list[str]:
    """Rows of `before` not found in `after` (compared on the columns both still have)."""
    old, new = rows_of(before), rows_of(after)
    lost = []
    for table, (columns, rows) in old.items():
        if since_version < REBUILT_BY.get(table, 0):
            continue
        if table not in new:
            lost.append(f"table {table} is gone with its {len(rows)} rows")
            continue
        new_columns, new_rows = new[table]
        kept = [c for c in columns if c in new_columns]
        pick_old = [columns.index(c) for c in kept]
        pick_new = [new_columns.index(c) for c in kept]
        remaining = Counter(tuple(row[i] for i in pick_new) for row in new_rows)
        for row in rows:
            projected = tuple(row[i] for i in pick_old)
            if remaining[projected] > 0:
                remaining[projected] -= 1
            else:
                lost.append(f"{table}: {dict(zip(kept, projected, strict=True))}")
    return lost


# --- the comparison can fail ------------------------------------------------------------------


def _fresh(path: Path) -> Path:
    open_database(path, bind=False).close()
    return path


def test_the_schema_comparison_finds_a_missing_index_trigger_and_changed_table(tmp_path):
    want = _fresh(tmp_path / "want.db")
    got = tmp_path / "got.db"
    shutil.copy(want, got)
    assert schema_differences(got, want) == []
    conn = sqlite3.connect(got)
    conn.execute('DROP INDEX "visit_next_visit_on"')  # a migration that forgot an index
    conn.execute('DROP TRIGGER "category_count_category_delete"')
    conn.execute('ALTER TABLE "product" ADD COLUMN "barcode" TEXT')
    conn.execute('CREATE INDEX "product_unit" ON "product" ("unit")')
    conn.commit()
    conn.close()
    found = schema_differences(got, want)
    assert len(found) == 4, found
    assert found[0].startswith("missing index visit_next_visit_on: CREATE INDEX")
    assert found[1].startswith("missing trigger category_count_category_delete")
    assert found[2].startswith("unexpected index product_unit")
    assert found[3].startswith("different table product") and "barcode" in found[3]


def test_a_migration_that_forgets_an_index_is_caught(tmp_path, monkeypatch):
    def forgetful(db):
        step(db)
        db.execute_sql('DROP INDEX "pending_review_status"')

    version, description, step = migrations.MIGRATIONS[2]
    steps = list(migrations.MIGRATIONS)
    steps[2] = (version, description, forgetful)
    fixture = tmp_path / "v2.db"
    shutil.copy(FIXTURES / "schema_v2.db", fixture)
    want = _fresh(tmp_path / "fresh.db")
    monkeypatch.setattr(migrations, "MIGRATIONS", steps)
    open_database(fixture, bind=False).close()
    assert schema_differences(fixture, want) == [
        "missing index pending_review_status: CREATE INDEX pending_review_status ON pending_review(status)"
    ]


def test_layout_and_quoting_do_not_count_as_differences():
    assert normalise_sql('CREATE INDEX "a_b"\n  ON "a" ( "b" , c )') == "CREATE INDEX a_b ON a(b,c)"
    assert normalise_sql("SELECT RAISE(ABORT, 'x  y')") != normalise_sql(
        "SELECT RAISE(ABORT, 'x y')"
    )


def test_lost_rows_are_reported(tmp_path):
    before = tmp_path / "before.db"
    shutil.copy(FIXTURES / "schema_v1.db", before)
    after = tmp_path / "after.db"
    shutil.copy(before, after)
    conn = sqlite3.connect(after)
    conn.execute("DELETE FROM visit WHERE id = 2")
    conn.commit()
    conn.close()
    (lost,) = lost_rows(before, after, since_version=1)
    assert lost.startswith("visit: {'id': 2,")


# --- the fixtures -----------------------------------------------------------------------------


def test_there_is_a_fixture_of_every_released_schema_version():
    versions = [_fixture_version(path) for path in FIXTURE_FILES]
    wanted = list(range(1, migrations.latest_version() + 1))
    assert versions == wanted, (
        "commit tests/data/schema_vN.db for every schema version: "
        "add the rows of the new version to scripts/make_schema_fixtures.py and run it"
    )
    for path in FIXTURE_FILES:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == _fixture_version(path)
        conn.close()


def _load_script():
    spec = importlib.util.spec_from_file_location("make_schema_fixtures", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_fixtures_are_what_the_script_builds(tmp_path):
    script = _load_script()
    for path in FIXTURE_FILES:
        built = script.build(_fixture_version(path), tmp_path / path.name)
        assert schema_of(built) == schema_of(path), path.name
        assert rows_of(built) == rows_of(path), path.name


# --- every version upgrades -------------------------------------------------------------------


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=lambda path: path.stem)
def test_each_released_version_upgrades_to_the_schema_of_a_new_database(tmp_path, fixture):
    version = _fixture_version(fixture)
    path = tmp_path / "kehu.db"
    shutil.copy(fixture, path)
    workspace = open_workspace(path)
    try:
        database = workspace.database
        assert migrations.schema_version(database.db) == migrations.latest_version()
        assert database.migrated_from == (
            None if version == migrations.latest_version() else version
        )
        assert (database.backup_path is not None) == (version < migrations.latest_version())
        assert database.db.execute_sql("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert database.db.execute_sql("PRAGMA foreign_key_check").fetchall() == []

        customer = Customer.get(Customer.code == "KH000001")
        assert customer.name == "重庆长江商贸有限公司"
        assert customer.registered_capital == 5000000  # cents
        assert [p.name for p in KeyPerson.select().where(KeyPerson.customer == customer)] == [
            "单雄",
            "张伟",
        ]
        counted = database.db.execute_sql(
            "SELECT cc.category_id, COALESCE(c.owner_id, 0), c.status, COUNT(*) "
            "FROM customer_category cc JOIN customer c ON c.id = cc.customer_id GROUP BY 1, 2, 3"
        ).fetchall()
        kept = database.db.execute_sql(
            "SELECT category_id, owner_id, status, n FROM category_count WHERE n > 0"
        ).fetchall()
        assert sorted(kept) == sorted(counted)
    finally:
        workspace.database.close()

    fresh = tmp_path / "fresh.db"
    open_workspace(fresh).database.close()
    assert schema_differences(path, fresh) == []
    assert lost_rows(fixture, path, since_version=version) == []


OLDER_FIXTURES = [p for p in FIXTURE_FILES if _fixture_version(p) < migrations.latest_version()]


@pytest.mark.parametrize("fixture", OLDER_FIXTURES, ids=lambda path: path.stem)
def test_the_backup_taken_before_upgrading_is_the_old_file(tmp_path, fixture):
    version = _fixture_version(fixture)
    path = tmp_path / "kehu.db"
    shutil.copy(fixture, path)
    opened = open_database(path, bind=False)
    opened.close()
    assert opened.backup_path.name.startswith(f"kehu.v{version}-")
    assert schema_of(opened.backup_path) == schema_of(fixture)
    assert rows_of(opened.backup_path) == rows_of(fixture)


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=lambda path: path.stem)
def test_an_upgraded_file_finds_its_customers(tmp_path, fixture):
    path = tmp_path / "kehu.db"
    shutil.copy(fixture, path)
    workspace = open_workspace(path)
    try:
        admin = User.get(User.role == "admin")
        assert search.search("长江", admin) == [1]  # trigram text
        assert search.search("KH000002", admin) == [2]  # keys
        assert search.search("张伟", admin) == [1]  # key persons' names
    finally:
        workspace.database.close()


# --- the models and the migrations agree ------------------------------------------------------


def _model_schema(path):
    conn = sqlite3.connect(path)
    tables = {}
    for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE '%_fts%'"
    ):
        columns = [
            (r[1], r[2].upper(), r[3], r[5]) for r in conn.execute(f'PRAGMA table_info("{name}")')
        ]
        indexes = sorted(
            (r[1], r[2])
            for r in conn.execute(f'PRAGMA index_list("{name}")')
            if not r[1].startswith("sqlite_autoindex")
        )
        tables[name] = (sorted(columns), indexes)
    conn.close()
    return tables


def test_migrations_build_the_schema_the_models_declare(tmp_path):
    migrated = tmp_path / "migrated.db"
    db = SqliteDatabase(migrated)
    db.connect()
    migrations.migrate(db)
    db.close()
    declared = tmp_path / "declared.db"
    db = SqliteDatabase(declared)
    database_proxy.initialize(db)
    db.create_tables(ALL_MODELS)
    for trigger in AUDIT_TRIGGERS:
        db.execute_sql(trigger)
    db.close()
    got, want = _model_schema(migrated), _model_schema(declared)
    assert set(got) >= set(want)
    for table in want:
        assert got[table] == want[table], table


def test_a_file_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "future.db"
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version={migrations.latest_version() + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(errors.NewerVersionError) as caught:
        open_database(path)
    assert "更新版本" in caught.value.message("zh_CN")
    assert "newer version" in caught.value.message("en")
