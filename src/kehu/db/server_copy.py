"""Moving a whole database between a file and a server (issue 16, point 6), verified.

`to_server(file_db, server_db)` copies every row of an open file database into an empty server
database (COPY, in one transaction; the counts, summaries and search index are copied as they
are, so the triggers are off meanwhile); `to_file(server_db, file_db)` writes a server's rows
into a new file. Both end with `verify`: per table, the row count and a SHA-256 of the rows
in primary-key order, values written alike on both sides. The "mode" setting belongs to where
the database lives (local/shared/server): it is not copied and not compared.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from peewee import Database

from kehu.core.i18n import N_
from kehu.core.jobs import Job, no_job
from kehu.db.dialect import SQLITE, dialect
from kehu.db.pg_dialect import POSTGRES, VERSION_TABLE

logger = logging.getLogger(__name__)

SERVER_ONLY = {VERSION_TABLE, "kehu_role"}
LOCAL_SETTINGS = ("mode",)  # where the database lives: set by each side itself
SELF_REFERENCES = {"user": "manager_id", "category": "parent_id"}
BATCH = 5000
_KEEP_LOCAL = {"setting": " WHERE key NOT IN ('mode')"}
STAGE = N_("Copying tables")


@dataclass
class TableCheck:
    table: str
    rows: int
    sha256: str


@dataclass
class Report:
    tables: list[TableCheck] = field(default_factory=list)
    differences: list[str] = field(default_factory=list)  # tables whose copy differs

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables)


def server_tables(db: Database) -> list[str]:
    """The server's data tables, each after the tables its foreign keys point to."""
    names = {
        name
        for (name,) in db.execute_sql(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
        )
        if name not in SERVER_ONLY
    }
    needs: dict[str, set[str]] = {name: set() for name in names}
    for child, parent in db.execute_sql(
        "SELECT c.conrelid::regclass::text, c.confrelid::regclass::text FROM pg_constraint c "
        "WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace"
    ):
        child, parent = child.strip('"'), parent.strip('"')
        if child in needs and parent in names and parent != child:
            needs[child].add(parent)
    ordered: list[str] = []
    while needs:
        ready = sorted(n for n, deps in needs.items() if not deps - set(ordered))
        if not ready:  # a cycle (none in kehu's schema): the rest in name order
            ready = sorted(needs)
        for name in ready:
            ordered.append(name)
            del needs[name]
    return ordered


def columns_of(db: Database, table: str) -> list[str]:
    return [
        name
        for (name,) in db.execute_sql(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = "
            f"current_schema() AND table_name = {db.param} ORDER BY ordinal_position",
            (table,),
        )
    ]


def key_of(db: Database, table: str) -> list[str]:
    """The primary key's columns (the order of the checksum)."""
    return [
        name
        for (name,) in db.execute_sql(
            "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid "
            f"AND a.attnum = ANY(i.indkey) WHERE i.indrelid = {db.param}::regclass "
            "AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)",
            (f'"{table}"',),
        )
    ]


def _select(table: str, columns: list[str], key: list[str]) -> str:
    names = ", ".join(f'"{c}"' for c in columns)
    where = " WHERE key NOT IN ('mode')" if table == "setting" else ""
    order = ", ".join(f'"{c}"' for c in key)
    return f'SELECT {names} FROM "{table}"{where} ORDER BY {order}'


def _rows(db: Database, sql: str) -> Iterator[tuple]:
    cursor = db.execute_sql(sql)
    while batch := cursor.fetchmany(BATCH):
        yield from batch


def _text(value) -> str:
    if value is None:
        return "\x00"
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    try:
        number = float(value)  # Decimal
    except (TypeError, ValueError):
        return str(value)
    return _text(number) if not isinstance(value, str) else str(value)


def checksum(rows: Iterable[tuple]) -> tuple[int, str]:
    digest, count = hashlib.sha256(), 0
    for row in rows:
        # Most values are text: those go as they are (the rest through `_text`).
        line = "\x1f".join([v if type(v) is str else _text(v) for v in row])
        digest.update(line.encode("utf-8") + b"\x1e")
        count += 1
    return count, digest.hexdigest()


def verify(file_db: Database, server_db: Database) -> Report:
    """Row counts and checksums of every table on both sides; `differences` names those that
    are not the same."""
    report = Report()
    for table in server_tables(server_db):
        columns, key = columns_of(server_db, table), key_of(server_db, table)
        select = _select(table, columns, key)
        count, digest = checksum(_rows(server_db, select))
        theirs = checksum(_rows(file_db, select))
        report.tables.append(TableCheck(table, count, digest))
        if (count, digest) != theirs:
            report.differences.append(table)
    return report


def to_server(file_db: Database, server_db: Database, job: Job | None = None) -> Report:
    """Copy an open file database into an empty server database at the same schema version
    (see the module doc), then verify the copy."""
    job = job or no_job()
    tables = server_tables(server_db)
    job.stage(STAGE, len(tables))
    with server_db.atomic():
        conn = server_db.connection()
        # A superuser (the usual administrator) skips the foreign-key checks of each row too:
        # the file's rows are consistent (its own foreign keys were on).
        superuser = server_db.execute_sql(
            "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"
        ).fetchone()[0]
        if superuser:
            server_db.execute_sql("SET LOCAL session_replication_role = replica")
        for table in tables:
            server_db.execute_sql(f'ALTER TABLE "{table}" DISABLE TRIGGER USER')
        for n, table in enumerate(tables):
            columns, key = columns_of(server_db, table), key_of(server_db, table)
            rows: Iterable[tuple] = _rows(file_db, _select(table, columns, key))
            if table in SELF_REFERENCES:
                rows = _parents_first(list(rows), columns, SELF_REFERENCES[table])
            names = ", ".join(f'"{c}"' for c in columns)
            # Rows the migrations themselves put there (stamps): the file's replace them.
            server_db.execute_sql(f'DELETE FROM "{table}"' + _KEEP_LOCAL.get(table, ""))
            with (
                conn.cursor() as cursor,
                cursor.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy,
            ):
                for row in rows:
                    copy.write_row(row)
            job.progress(n + 1)
        for table in tables:
            server_db.execute_sql(f'ALTER TABLE "{table}" ENABLE TRIGGER USER')
        POSTGRES.reset_sequences(server_db)
    server_db.execute_sql("ANALYZE")
    return verify(file_db, server_db)


def _parents_first(rows: list[tuple], columns: list[str], parent: str) -> list[tuple]:
    """Rows of a table that points to itself, each after the row it points to."""
    at, key = columns.index(parent), columns.index("id")
    placed: set = set()
    ordered: list[tuple] = []
    pending = rows
    while pending:
        later = [r for r in pending if r[at] is not None and r[at] not in placed]
        now = [r for r in pending if r not in later] if len(later) < len(pending) else pending
        for row in now:
            placed.add(row[key])
            ordered.append(row)
        pending = later if now is not pending else []
    return ordered


def to_file(server_db: Database, file_db: Database, job: Job | None = None) -> Report:
    """Write a server database's rows into a new file database (created empty, at the same
    schema version), then verify the copy."""
    job = job or no_job()
    tables = server_tables(server_db)
    job.stage(STAGE, len(tables))
    sql = dialect(file_db)
    assert sql is SQLITE
    with sql.bulk_load(file_db), file_db.atomic():
        triggers = sql.trigger_definitions(file_db, "")
        for name, _statement in triggers:
            sql.drop_trigger(file_db, name)
        for n, table in enumerate(tables):
            columns, key = columns_of(server_db, table), key_of(server_db, table)
            names = ", ".join(f'"{c}"' for c in columns)
            marks = ", ".join(["?"] * len(columns))
            # Rows the migrations themselves put there (stamps): the server's replace them.
            file_db.execute_sql(f'DELETE FROM "{table}"' + _KEEP_LOCAL.get(table, ""))
            insert = f'INSERT INTO "{table}" ({names}) VALUES ({marks})'
            cursor = file_db.cursor()
            batch: list[tuple] = []
            for row in _rows(server_db, _select(table, columns, key)):
                batch.append(row)
                if len(batch) >= BATCH:
                    cursor.executemany(insert, batch)
                    batch = []
            if batch:
                cursor.executemany(insert, batch)
            job.progress(n + 1)
        for _name, statement in triggers:
            file_db.execute_sql(statement)
    return verify(file_db, server_db)
