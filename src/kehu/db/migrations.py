"""Numbered schema migrations.

The schema version is `PRAGMA user_version` in a file, table kehu_schema on a server. Every database, new or old, reaches the
current schema through the same chain of steps; each step runs in one transaction that also
bumps the version. Before an existing database is migrated, a backup is taken with the SQLite
backup API. A file with a higher version than this code knows is refused.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from importlib import resources

from peewee import Database

from kehu.db.dialect import dialect, split_statements

logger = logging.getLogger(__name__)


def _script(db: Database, name: str) -> str:
    """schema/NAME on SQLite, or its twin schema/pg/NAME on PostgreSQL."""
    folder = resources.files("kehu.db").joinpath("schema")
    if dialect(db).name != "sqlite":
        folder = folder.joinpath("pg")
    return folder.joinpath(name).read_text("utf-8")


def _run_sql_file(name: str) -> Callable[[Database], None]:
    """A step that runs schema/NAME on SQLite, or its twin schema/pg/NAME on PostgreSQL."""

    def step(db: Database) -> None:
        dialect(db).run_script(db, _script(db, name))

    return step


def _name_sort(db: Database) -> None:
    """Migration 13: the columns, their values (computed in batches), then the indexes, so
    the fill does not keep indexes up to date row by row (schema/pg/ on a server)."""
    from kehu.db import sort_fill  # the pinyin tables load only when a file is upgraded

    sql = dialect(db)
    statements = split_statements(_script(db, "0013_name_sort.sql"))
    with sql.page_cache(db, 200):  # every customer row is written: 200 MB
        for statement in statements:
            if statement.upper().startswith("ALTER TABLE"):
                db.execute_sql(statement)
        sort_fill.fill(db)
        for statement in statements:
            if not statement.upper().startswith("ALTER TABLE"):
                db.execute_sql(statement)
    # a file with planner statistics (a bulk load made them) gets those of the new indexes
    # and of the remade key index, or the planner may pick a worse index
    sql.refresh_statistics(db, ("customer", "search_key"))


# (version, description, step). Append only; never change a published step.
MIGRATIONS: list[tuple[int, str, Callable[[Database], None]]] = [
    (1, "initial schema", _run_sql_file("0001_initial.sql")),
    (2, "search keys by customer range, trigram index of names", _run_sql_file("0002_search.sql")),
    (3, "import change log and pending reviews", _run_sql_file("0003_imports.sql")),
    (4, "category counts kept by triggers", _run_sql_file("0004_category_counts.sql")),
    (5, "shared customers, consent withdrawn, audit by record", _run_sql_file("0005_office.sql")),
    (
        6,
        "customer merges, stored completeness, lunar birthdays, visit cadence per category",
        _run_sql_file("0006_care_merges.sql"),
    ),
    (
        7,
        "sales summaries kept by triggers, ABC grading steps",
        _run_sql_file("0007_sales_summary.sql"),
    ),
    (8, "customer notes and filing date", _run_sql_file("0008_customer_notes.sql")),
    (
        9,
        "built-in keys of the default schemes and categories (shown in the reader's language)",
        _run_sql_file("0009_builtin_names.sql"),
    ),
    (10, "comparison keys of the duplicate scan", _run_sql_file("0010_duplicate_keys.sql")),
    (
        11,
        "stamps of the sales and classifications the analyses keep in memory",
        _run_sql_file("0011_analysis_stamps.sql"),
    ),
    (
        12,
        "the Today panel's keys: latest visit and grade per customer, birthdays by day",
        _run_sql_file("0012_today_keys.sql"),
    ),
    (13, "pinyin sort keys of names, alternative readings ranked below the main one", _name_sort),
]


def latest_version() -> int:
    return MIGRATIONS[-1][0]


def schema_version(db: Database) -> int:
    return dialect(db).schema_version(db)


def migrate(db: Database, target: int | None = None) -> list[int]:
    """Apply the missing steps up to `target` (default: latest). Returns the steps applied."""
    target = latest_version() if target is None else target
    if dialect(db).name != "sqlite":
        return _migrate_server(db, target)
    applied = []
    current = schema_version(db)  # read once: each step below sets it
    for version, description, step in MIGRATIONS:
        if version <= current or version > target:
            continue
        logger.info("migrating schema to version %s: %s", version, description)
        # Foreign keys off while tables are rebuilt (they cannot change inside a transaction).
        db.execute_sql("PRAGMA foreign_keys=OFF")
        try:
            with db.atomic("IMMEDIATE"):
                step(db)
                db.execute_sql(f"PRAGMA user_version={int(version)}")
                problems = db.execute_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise RuntimeError(f"migration {version} broke foreign keys: {problems[:5]}")
        finally:
            db.execute_sql("PRAGMA foreign_keys=ON")
        applied.append(version)
        current = version
    return applied


def _migrate_server(db: Database, target: int) -> list[int]:
    """PostgreSQL: each step and its version in one transaction (DDL is transactional there,
    and foreign keys are checked by every statement)."""
    sql = dialect(db)
    applied = []
    current = sql.schema_version(db)  # read once (two queries on a server): each step sets it
    for version, description, step in MIGRATIONS:
        if version <= current or version > target:
            continue
        logger.info("migrating schema to version %s: %s", version, description)
        with db.atomic():
            step(db)
            sql.set_schema_version(db, version)
        applied.append(version)
        current = version
    if applied and current == latest_version():
        _server_extras(db)
    return applied


def _server_extras(db: Database) -> None:
    """What only a server has, again after each upgrade (each script may run again): the
    notifications of live refresh, and the roles and policies when the database has them."""
    from kehu.db import server_roles  # only for servers

    sql = dialect(db)
    script = resources.files("kehu.db").joinpath("schema", "pg", "notify.sql").read_text("utf-8")
    with db.atomic():
        sql.run_script(db, script)
    if server_roles.is_secured(db):
        server_roles.secure(db)
