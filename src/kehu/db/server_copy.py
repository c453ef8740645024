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
import struct
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

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
BLOCK = 10000  # lines hashed together (on the server, one digest per block travels)
INDEX_MEMORY = "512MB"  # maintenance_work_mem of the index builds after a copy
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
    return f'SELECT {names} FROM "{table}"{_KEEP_LOCAL.get(table, "")}{_order(key)}'


def _order(key: list[str]) -> str:
    return " ORDER BY " + ", ".join(f'"{c}"' for c in key)


def _rows(db: Database, sql: str) -> Iterator[tuple]:
    cursor = db.execute_sql(sql)
    while batch := cursor.fetchmany(BATCH):
        yield from batch


# -- rows as COPY text lines ----------------------------------------------------------------
# The file's rows are written by SQLite itself as lines of PostgreSQL's COPY text format
# (tab between values, \N for NULL, the control characters that COPY TO escapes escaped
# alike), so a copy sends whole blocks of text, and a checksum hashes the same bytes on both
# sides: the server's `COPY (SELECT …) TO STDOUT`, and the file's lines. Floating-point
# values are compared by their IEEE bits (hex) and numerics at their scale, so that no
# decimal formatting of either side decides.
_ESCAPED = (("\\", "\\\\"), ("\b", "\\b"), ("\f", "\\f"), ("\n", "\\n"), ("\r", "\\r"),
            ("\t", "\\t"), ("\v", "\\v"))  # fmt: skip
_NULL = "'\\N'"
_ESCAPE_GLOB = "*[" + "".join(raw for raw, _ in _ESCAPED) + "]*"  # GLOB: no escapes in [ ]


@dataclass
class Column:
    name: str
    type: str  # information_schema data_type: bigint, text, double precision, numeric
    scale: int | None = None


def _sqlite_value(column: Column, for_checksum: bool) -> str:
    quoted = f'"{column.name}"'
    if column.type == "text":
        expr = quoted
        for raw, escaped in _ESCAPED:
            char = "'\\'" if raw == "\\" else f"char({ord(raw)})"
            expr = f"replace({expr}, {char}, '{escaped}')"
        # Most values have nothing to escape: one GLOB finds the few that do.
        expr = f"CASE WHEN {quoted} GLOB '{_ESCAPE_GLOB}' THEN {expr} ELSE {quoted} END"
    elif column.type == "double precision":
        expr = f"kehu_float_bits({quoted})" if for_checksum else f"kehu_float({quoted})"
    elif column.type == "numeric":
        expr = (
            f"kehu_numeric({quoted}, {column.scale or 0})"
            if for_checksum
            else (f"kehu_float({quoted})")
        )
    else:
        expr = quoted
    return f"coalesce({expr}, {_NULL})"


def _server_value(column: Column) -> str:
    quoted = f'"{column.name}"'
    if column.type == "text":
        expr = quoted
        for raw, escaped in _ESCAPED:
            char = "'\\'" if raw == "\\" else f"chr({ord(raw)})"
            expr = f"replace({expr}, {char}, '{escaped}')"
    elif column.type == "double precision":
        expr = f"encode(float8send({quoted}), 'hex')"
    else:
        expr = f"{quoted}::text"
    return f"coalesce({expr}, {_NULL})"


def _file_lines_sql(table: str, columns: list[Column], key: list[str], for_checksum: bool) -> str:
    values = " || char(9) || ".join(_sqlite_value(c, for_checksum) for c in columns)
    return f'SELECT {values} || char(10) FROM "{table}"{_KEEP_LOCAL.get(table, "")}{_order(key)}'


def _server_blocks_sql(table: str, columns: list[Column], key: list[str]) -> str:
    """The server's checksums of the same lines, a block of BLOCK lines at a time (the
    server hashes; only a digest per block travels)."""
    line = " || chr(9) || ".join(_server_value(c) for c in columns) + " || chr(10)"
    where = _KEEP_LOCAL.get(table, "")
    return (
        "SELECT sha256(convert_to(string_agg(line, '' ORDER BY n), 'UTF8')), count(*) "
        f"FROM (SELECT {line} AS line, row_number() OVER ({_order(key).strip()}) - 1 AS n "
        f'FROM "{table}"{where}) lines GROUP BY n / {BLOCK} ORDER BY n / {BLOCK}'
    )


def _float(value):
    return None if value is None else repr(float(value))


def _float_bits(value):
    return None if value is None else struct.pack(">d", float(value)).hex()


def _numeric(value, scale: int):
    if value is None:
        return None
    number = Decimal(value) if isinstance(value, int) else Decimal(repr(float(value)))
    rounded = number.quantize(Decimal(1).scaleb(-scale), rounding=ROUND_HALF_UP)
    return str(abs(rounded) if rounded == 0 else rounded)


def _sqlite_functions(file_db: Database) -> None:
    conn = file_db.connection()
    conn.create_function("kehu_float", 1, _float, deterministic=True)
    conn.create_function("kehu_float_bits", 1, _float_bits, deterministic=True)
    conn.create_function("kehu_numeric", 2, _numeric, deterministic=True)


def _file_blocks(file_db: Database, sql: str) -> Iterator[tuple[str, int]]:
    """The lines of `sql` (one text column each), joined in blocks of BLOCK lines: (text,
    lines)."""
    cursor = file_db.execute_sql(sql)
    while batch := cursor.fetchmany(BLOCK):
        yield "".join([line for (line,) in batch]), len(batch)


class _Digest:
    """A table's checksum: SHA-256 of the SHA-256 of each block of BLOCK lines."""

    def __init__(self) -> None:
        self.hash, self.rows = hashlib.sha256(), 0

    def add(self, block_digest: bytes, lines: int) -> None:
        self.hash.update(block_digest)
        self.rows += lines

    @property
    def result(self) -> tuple[int, str]:
        return self.rows, self.hash.hexdigest()


def file_checksum(file_db: Database, table: str, columns: list[Column], key: list[str]):
    _sqlite_functions(file_db)
    digest = _Digest()
    for block, lines in _file_blocks(file_db, _file_lines_sql(table, columns, key, True)):
        digest.add(hashlib.sha256(block.encode("utf-8")).digest(), lines)
    return digest.result


def server_checksum(server_db: Database, table: str, columns: list[Column], key: list[str]):
    digest = _Digest()
    for block_digest, lines in server_db.execute_sql(_server_blocks_sql(table, columns, key)):
        digest.add(bytes(block_digest), lines)
    return digest.result


def column_types(db: Database, table: str) -> list[Column]:
    return [
        Column(name, kind, scale)
        for name, kind, scale in db.execute_sql(
            "SELECT column_name, data_type, numeric_scale FROM information_schema.columns "
            f"WHERE table_schema = current_schema() AND table_name = {db.param} "
            "ORDER BY ordinal_position",
            (table,),
        )
    ]


def _has_floats(columns: list[Column]) -> bool:
    return any(c.type in ("double precision", "numeric") for c in columns)


def verify(file_db: Database, server_db: Database, known: dict | None = None) -> Report:
    """Row counts and checksums of every table on both sides; `differences` names those that
    are not the same. `known`: the file's checksums of tables already hashed (by the copy)."""
    report = Report()
    known = known or {}
    for table in server_tables(server_db):
        columns, key = column_types(server_db, table), key_of(server_db, table)
        count, digest = server_checksum(server_db, table, columns, key)
        theirs = known.get(table) or file_checksum(file_db, table, columns, key)
        report.tables.append(TableCheck(table, count, digest))
        if (count, digest) != theirs:
            report.differences.append(table)
    return report


def to_server(file_db: Database, server_db: Database, job: Job | None = None) -> Report:
    """Copy an open file database into an empty server database at the same schema version
    (see the module doc), then verify the copy.

    Each table is emptied (TRUNCATE) and filled by one COPY … FREEZE in the same
    transaction (the rows are visible to all at once, no vacuum needed before index-only
    scans); the explicit indexes are dropped first and built once at the end. The file is
    read, and verified, in one read transaction: what others save on a shared file meanwhile
    is neither half copied nor reported as a difference."""
    with file_db.atomic():
        return _to_server(file_db, server_db, job or no_job())


def _to_server(file_db: Database, server_db: Database, job: Job) -> Report:
    tables = server_tables(server_db)
    job.stage(STAGE, len(tables))
    _sqlite_functions(file_db)
    known: dict[str, tuple[int, str]] = {}
    with server_db.atomic():
        conn = server_db.connection()
        # A superuser (the usual administrator) skips the foreign-key checks of each row too:
        # the file's rows are consistent (its own foreign keys were on).
        superuser = server_db.execute_sql(
            "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"
        ).fetchone()[0]
        if superuser:
            server_db.execute_sql("SET LOCAL session_replication_role = replica")
        server_db.execute_sql(f"SET LOCAL maintenance_work_mem = '{INDEX_MEMORY}'")
        for table in tables:
            server_db.execute_sql(f'ALTER TABLE "{table}" DISABLE TRIGGER USER')
        indexes = POSTGRES.index_definitions(server_db, tables)
        for name, _statement in indexes:
            POSTGRES.drop_index(server_db, name)
        # Rows the migrations themselves put there (stamps): the file's replace them.
        emptied = [t for t in tables if t not in _KEEP_LOCAL]
        # (CASCADE: the server's own map of login roles to users, empty on a new database.)
        server_db.execute_sql("TRUNCATE " + ", ".join(f'"{t}"' for t in emptied) + " CASCADE")
        for table, where in _KEEP_LOCAL.items():
            server_db.execute_sql(f'DELETE FROM "{table}"{where}')
        for n, table in enumerate(tables):
            columns, key = column_types(server_db, table), key_of(server_db, table)
            names = ", ".join(f'"{c.name}"' for c in columns)
            freeze = " WITH (FREEZE)" if table in emptied else ""
            with (
                conn.cursor() as cursor,
                cursor.copy(f'COPY "{table}" ({names}) FROM STDIN{freeze}') as copy,
            ):
                if table in SELF_REFERENCES and not superuser:
                    plain = [c.name for c in columns]
                    rows = _rows(file_db, _select(table, plain, key))
                    for row in _parents_first(list(rows), plain, SELF_REFERENCES[table]):
                        copy.write_row(row)
                else:
                    digest = _Digest()
                    lines_sql = _file_lines_sql(table, columns, key, False)
                    for block, lines in _file_blocks(file_db, lines_sql):
                        data = block.encode("utf-8")
                        copy.write(data)
                        digest.add(hashlib.sha256(data).digest(), lines)
                    if not _has_floats(columns):  # the checksum's lines are the copy's
                        known[table] = digest.result
            job.progress(n + 1)
        for _name, statement in indexes:
            server_db.execute_sql(statement)
        for table in tables:
            server_db.execute_sql(f'ALTER TABLE "{table}" ENABLE TRIGGER USER')
        POSTGRES.reset_sequences(server_db)
    server_db.execute_sql("ANALYZE")
    return verify(file_db, server_db, known)


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
