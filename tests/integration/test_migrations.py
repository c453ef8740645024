"""Every schema version opens and upgrades; the migrated schema equals the models' schema."""

import shutil
import sqlite3

import pytest
from peewee import SqliteDatabase

from kehu.db import errors, migrations
from kehu.db.connection import open_database
from kehu.db.models import ALL_MODELS, AUDIT_TRIGGERS, Customer, KeyPerson, database_proxy

FIXTURES = __import__("pathlib").Path(__file__).parent.parent / "data"


def _schema(path):
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
    got, want = _schema(migrated), _schema(declared)
    assert set(got) >= set(want)
    for table in want:
        assert got[table] == want[table], table


@pytest.mark.parametrize("version", [v for v, _d, _s in migrations.MIGRATIONS[:-1]])
def test_a_database_of_each_older_version_is_backed_up_and_upgraded(tmp_path, version):
    path = tmp_path / f"v{version}.db"
    db = SqliteDatabase(path)
    db.connect()
    migrations.migrate(db, target=version)
    db.execute_sql("INSERT INTO setting (key, value) VALUES ('mode', 'local')")
    db.close()
    opened = open_database(path)
    assert migrations.schema_version(opened.db) == migrations.latest_version()
    assert opened.migrated_from == version
    assert opened.backup_path.exists()
    conn = sqlite3.connect(opened.backup_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == version
    conn.close()
    opened.close()


def test_the_committed_version_1_file_opens_with_its_data(tmp_path):
    path = tmp_path / "old.db"
    shutil.copy(FIXTURES / "schema_v1.db", path)
    opened = open_database(path)
    assert migrations.schema_version(opened.db) == migrations.latest_version()
    customer = Customer.get(Customer.code == "KH000001")
    assert customer.name == "重庆长江商贸有限公司"
    assert customer.registered_capital == 5000000  # cents
    assert KeyPerson.get(KeyPerson.customer == customer).name == "单雄"
    assert (opened.backup_path is not None) == (migrations.latest_version() > 1)
    opened.close()


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
