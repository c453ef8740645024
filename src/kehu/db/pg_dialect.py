"""What only PostgreSQL understands: the twin of `kehu.db.dialect.SQLiteDialect` (DESIGN §2.6).

`ServerDatabase` is peewee's PostgreSQL database with kehu's conventions, so that the SQL of
`kehu.db` runs unchanged on both backends:

- psycopg 3 with client-side binding (`ClientCursor`): parameters are quoted into the
  statement as SQLite's are bound, so an untyped `%s` is text, as in SQLite;
- sums and averages come back as SQLite gives them (int when whole, else float);
- dates and times are ISO text (the schema keeps them as TEXT, as SQLite does: `substr`,
  comparisons and sorting work alike), booleans are the integers 0/1;
- SQLite's lock types (`atomic("IMMEDIATE")`) mean a plain transaction;
- `Model.replace()` is an upsert on the primary key;
- a connection the server dropped (a restart, the network) raises
  `kehu.db.errors.ServerConnectionLostError` (a message for the user, not a traceback) and is
  opened again before the next statement outside a transaction; every new connection (also a
  worker thread's) gets the lock wait `lock_ms`.

`PostgresDialect` has the same methods as `SQLiteDialect`: the substring index is a table
`search_text (rowid, text)` with a pg_trgm GIN index, insert-or-ignore is ON CONFLICT DO
NOTHING, indexes and triggers are read from the catalogue, the schema version is a table.

psycopg is an optional extra (`pip install "kehu[server]"`): imported only when a server
database is opened.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator, Sequence

from peewee import (
    SQL,
    Database,
    EnclosedNodeList,
    InterfaceError,
    NodeList,
    OperationalError,
    PostgresqlDatabase,
)

from kehu.db import errors

SQLITE_LOCKS = {"DEFERRED", "IMMEDIATE", "EXCLUSIVE"}
VERSION_TABLE = "kehu_schema"
COPY_FROM = 50  # fewer rows are inserted with one executemany (`copy_rows`)
BULK_SORT_MB = 256  # maintenance_work_mem while a bulk load builds its indexes (default 64)
# Settings of every kehu connection. kehu's queries are short lookups whose cost estimates (a
# correlated id-range scan per row) can pass jit_above_cost: compiling them took 2 s for a 1 ms
# search at 1M customers. No parallel workers either: they made a rare fragment's substring
# search a 150 ms parallel scan instead of a 0.1 ms index lookup, a UNION ALL of a search runs
# its parts in order only without them, and one desktop's query should not take every core of
# an office's server.
SESSION_OPTIONS = "-c jit=off -c max_parallel_workers_per_gather=0"


def _adapters(conn) -> None:
    """Dates, times and booleans as SQLite stores them (see the module doc)."""
    from psycopg.adapt import Dumper, Loader

    class DateText(Dumper):
        oid = 0  # unknown: the server takes it as the column's type (text)

        def dump(self, obj):
            return obj.isoformat().encode()

        def quote(self, obj):
            return b"'" + self.dump(obj) + b"'"

    class DateTimeText(DateText):
        def dump(self, obj):
            return obj.isoformat(" ").encode()

    class BoolInt(Dumper):
        oid = 20  # int8

        def dump(self, obj):
            return b"1" if obj else b"0"

        def quote(self, obj):
            return self.dump(obj)

    class NumberAsSQLite(Loader):
        """numeric as SQLite gives it: an int when whole (SUM of integers), else a float."""

        def load(self, data):
            text = bytes(data)
            return float(text) if b"." in text or b"e" in text.lower() else int(text)

    conn.adapters.register_loader("numeric", NumberAsSQLite)
    conn.adapters.register_dumper(dt.date, DateText)
    conn.adapters.register_dumper(dt.datetime, DateTimeText)
    conn.adapters.register_dumper(bool, BoolInt)


class ServerDatabase(PostgresqlDatabase):
    """peewee's PostgreSQL database with kehu's conventions (see the module doc)."""

    field_types = {**PostgresqlDatabase.field_types, "DATETIME": "TEXT", "DATE": "TEXT"}

    def __init__(self, url: str, *, lock_ms: int = 0, shown: str = "", **kwargs) -> None:
        import psycopg

        kwargs.setdefault("cursor_factory", psycopg.ClientCursor)
        if "options=" not in url:  # every connection (each thread has its own)
            kwargs.setdefault("options", SESSION_OPTIONS)
        super().__init__(url, prefer_psycopg3=True, **kwargs)
        self.kehu_url = url
        self.lock_ms = lock_ms  # how long a statement waits for a row lock (0: for ever)
        self.shown = shown or url  # the URL without its password, for messages
        self.backend_pids: set[int] = set()  # this program's connections (any thread)

    def _connect(self):
        conn = super()._connect()
        _adapters(conn)
        if self.lock_ms:
            conn.execute(f"SET lock_timeout = {int(self.lock_ms)}")
        self.backend_pids.add(conn.info.backend_pid)  # its notifications are our own
        return conn

    # -- a connection the server dropped ------------------------------------------------------
    def connection_lost(self) -> bool:
        """Whether this thread's connection was dropped by the server or the network."""
        conn = self._state.conn
        return conn is not None and bool(conn.closed or getattr(conn, "broken", False))

    def _reconnect_if_lost(self) -> None:
        if not self.connection_lost() or self.in_transaction():
            return
        self._state.reset()
        try:
            self.connect()
        except OperationalError as exc:
            self._state.reset()
            raise errors.ServerConnectionLostError(self.shown, _first_line(exc)) from exc

    def _again_if_dropped(self, run, repeatable: bool):
        """Run `run()`; a connection dropped while idle (a server restart) is opened again
        and `run()` sent once more when that changes nothing (a read, a BEGIN outside a
        transaction); otherwise the loss is ServerConnectionLostError."""
        self._reconnect_if_lost()
        try:
            return run()
        except (OperationalError, InterfaceError) as exc:
            if not self._unusable():
                raise
            if self.in_transaction() or not repeatable:
                raise errors.ServerConnectionLostError(self.shown) from exc
        self._reconnect_if_lost()
        try:
            return run()
        except (OperationalError, InterfaceError) as exc:
            if self._unusable():
                raise errors.ServerConnectionLostError(self.shown, _first_line(exc)) from exc
            raise

    def _unusable(self) -> bool:
        """Dropped, or not opened again (the server cannot be reached)."""
        return self.connection_lost() or self.is_closed()

    def execute_sql(self, sql, params=None, *args, **kwargs):
        run = lambda: super(ServerDatabase, self).execute_sql(sql, params, *args, **kwargs)  # noqa: E731
        return self._again_if_dropped(run, _safe_to_repeat(sql))

    def rollback(self):
        if self.connection_lost():
            return  # the server rolled back what the dropped connection had not committed
        super().rollback()

    def commit(self):
        if self.connection_lost():
            raise errors.ServerConnectionLostError(self.shown)
        super().commit()

    def begin(self, isolation_level=None):
        if isinstance(isolation_level, str) and isolation_level.upper() in SQLITE_LOCKS:
            isolation_level = None
        return self._again_if_dropped(
            lambda: super(ServerDatabase, self).begin(isolation_level), True
        )

    def conflict_update(self, oc, query):
        if (oc._action or "").lower() == "replace":
            table = query.table
            primary = table._meta.primary_key
            targets = (
                [table._meta.fields[n] for n in primary.field_names]
                if hasattr(primary, "field_names")
                else [primary]
            )
            names = [f.column_name for f in targets]
            columns = [c for c in _inserted_columns(query) if c not in names]
            target = EnclosedNodeList([SQL(f'"{n}"') for n in names])
            if not columns:
                return NodeList([SQL("ON CONFLICT"), target, SQL("DO NOTHING")])
            sets = ", ".join(f'"{c}" = EXCLUDED."{c}"' for c in columns)
            return NodeList([SQL("ON CONFLICT"), target, SQL(f"DO UPDATE SET {sets}")])
        return super().conflict_update(oc, query)


def _first_line(exc: BaseException) -> str:
    """The server's reason, without the socket path psycopg puts first."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return text.rsplit("FATAL:", 1)[-1].strip()


_REPEATABLE = ("SELECT", "BEGIN", "SET", "SHOW", "LISTEN")


def _safe_to_repeat(sql: str) -> bool:
    """A statement that changes nothing when sent twice (outside a transaction)."""
    return sql.lstrip().upper().startswith(_REPEATABLE)


def _inserted_columns(query) -> list[str]:
    insert = query._insert
    if isinstance(insert, dict):
        keys = insert.keys()
    elif isinstance(insert, list) and insert and isinstance(insert[0], dict):
        keys = insert[0].keys()
    else:
        keys = query._columns or query.table._meta.sorted_fields
    return [getattr(k, "column_name", k) for k in keys]


class PostgresDialect:
    name = "postgresql"

    # -- connection settings ----------------------------------------------------------------
    def mode_settings(self, journal: str, synchronous: str, busy_ms: int) -> dict[str, object]:
        return {"busy_timeout": busy_ms}

    def foreign_keys_setting(self) -> dict[str, object]:
        return {}

    def apply_settings(self, db: Database, settings: dict[str, object]) -> None:
        """Only the lock wait means something on a server (lock_timeout)."""
        busy = settings.get("busy_timeout")
        if busy is not None:
            db.execute_sql(f"SET lock_timeout = {int(busy)}")

    def journal_mode(self, db: Database) -> str:
        return "server"

    def data_version(self, db: Database) -> int:
        """Changes when any transaction on the server has committed since (cheap)."""
        return int(db.execute_sql("SELECT pg_snapshot_xmax(pg_current_snapshot())").fetchone()[0])

    def quick_check(self, db: Database) -> str:
        return "ok"  # the server keeps its own files consistent (checksums, WAL)

    def read_schema(self, db: Database) -> None:
        db.execute_sql("SELECT COUNT(*) FROM pg_catalog.pg_class").fetchone()

    def integrity(self, db: Database) -> str:
        return "ok"

    def foreign_key_problems(self, db: Database) -> list[tuple]:
        return []  # enforced by the server at every statement

    def secure_delete(self, db: Database) -> None:
        """Nothing per connection: dead rows are removed by the server's (auto)vacuum."""

    def explain(self, db: Database, sql: str, params: Sequence) -> list[str]:
        return [row[0] for row in db.execute_sql("EXPLAIN " + sql, params)]

    # -- schema version -----------------------------------------------------------------------
    def schema_version(self, db: Database) -> int:
        row = db.execute_sql(
            "SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = current_schema() "
            f"AND tablename = '{VERSION_TABLE}'"
        ).fetchone()
        if row is None:
            return 0
        found = db.execute_sql(f'SELECT version FROM "{VERSION_TABLE}"').fetchone()
        return int(found[0]) if found else 0

    def set_schema_version(self, db: Database, version: int) -> None:
        db.execute_sql(f'CREATE TABLE IF NOT EXISTS "{VERSION_TABLE}" (version BIGINT NOT NULL)')
        db.execute_sql(f'DELETE FROM "{VERSION_TABLE}"')
        db.execute_sql(f'INSERT INTO "{VERSION_TABLE}" (version) VALUES ({int(version)})')

    def run_script(self, db: Database, script: str) -> None:
        """A migration file: several statements (PL/pgSQL bodies included) sent at once."""
        conn = db.connection()
        with conn.cursor() as cursor:
            cursor.execute(script.encode("utf-8"))

    # -- bulk loading ---------------------------------------------------------------------------
    @contextlib.contextmanager
    def bulk_load(self, db: Database) -> Iterator[None]:
        """No wait for the WAL flush at commit while loading generated rows, and memory for
        the sorts of the indexes built after the load."""
        db.execute_sql("SET synchronous_commit = off")
        db.execute_sql(f"SET maintenance_work_mem = '{BULK_SORT_MB}MB'")
        try:
            yield
        finally:
            db.execute_sql("RESET synchronous_commit")
            db.execute_sql("RESET maintenance_work_mem")

    @contextlib.contextmanager
    def page_cache(self, db: Database, megabytes: int) -> Iterator[None]:
        yield  # the server's shared buffers are its own

    def index_definitions(self, db: Database, tables: Sequence[str]) -> list[tuple[str, str]]:
        """(name, CREATE INDEX statement) of the explicit indexes (not of constraints)."""
        marks = ", ".join([db.param] * len(tables))
        return db.execute_sql(
            "SELECT i.indexname, i.indexdef FROM pg_catalog.pg_indexes i "
            "WHERE i.schemaname = current_schema() "
            f"AND i.tablename IN ({marks}) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k "
            "WHERE k.conname = i.indexname) ORDER BY i.indexname",
            list(tables),
        ).fetchall()

    def trigger_definitions(self, db: Database, prefix: str) -> list[tuple[str, str]]:
        return db.execute_sql(
            "SELECT t.tgname, pg_get_triggerdef(t.oid) FROM pg_catalog.pg_trigger t "
            f"WHERE NOT t.tgisinternal AND substr(t.tgname, 1, {db.param}) = {db.param} "
            "ORDER BY t.tgname",
            (len(prefix), prefix),
        ).fetchall()

    def drop_index(self, db: Database, name: str) -> None:
        db.execute_sql(f'DROP INDEX IF EXISTS "{name}"')

    def drop_trigger(self, db: Database, name: str) -> None:
        for (table,) in db.execute_sql(
            "SELECT c.relname FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class c "
            f"ON c.oid = t.tgrelid WHERE t.tgname = {db.param}",
            (name,),
        ).fetchall():
            db.execute_sql(f'DROP TRIGGER IF EXISTS "{name}" ON "{table}"')

    def transaction_failed(self, db: Database) -> bool:
        from psycopg.pq import TransactionStatus

        conn = db.connection()
        return conn.info.transaction_status == TransactionStatus.INERROR

    def drop_foreign_keys(self, db: Database, tables: Sequence[str]) -> list[str]:
        """Drop the foreign keys of these tables (the owner's right) for a bulk load:
        checked per row they cost a lookup each; added again after the load, each checks
        every row in one join. Returns the ALTER TABLE statements that add them."""
        marks = ", ".join([db.param] * len(tables))
        found = db.execute_sql(
            "SELECT c.relname, k.conname, pg_get_constraintdef(k.oid) "
            "FROM pg_catalog.pg_constraint k JOIN pg_catalog.pg_class c ON c.oid = k.conrelid "
            "WHERE k.contype = 'f' AND c.relnamespace = current_schema()::regnamespace "
            f"AND c.relname IN ({marks}) ORDER BY c.relname, k.conname",
            list(tables),
        ).fetchall()
        statements = []
        for table, name, definition in found:
            db.execute_sql(f'ALTER TABLE "{table}" DROP CONSTRAINT "{name}"')
            statements.append(f'ALTER TABLE "{table}" ADD CONSTRAINT "{name}" {definition}')
        return statements

    COPY_TABLE = 'pg_temp."kehu_copy"'

    def copy_rows(
        self,
        db: Database,
        table: str,
        columns: Sequence[str],
        rows: Sequence[Sequence],
        *,
        ignore_conflicts: bool = False,
    ) -> int:
        """COPY … FROM STDIN (psycopg's copy, text format) of the rows. PostgreSQL refuses
        COPY FROM into a table whose row-level security applies to this role, and COPY
        cannot skip a row that breaks a unique key: then the rows are copied into a
        temporary table and inserted from it with one INSERT … SELECT (the policies
        checked, ON CONFLICT DO NOTHING with `ignore_conflicts`). A few rows (a card's
        history) go in with one executemany, as on SQLite."""
        if not rows:
            return 0
        quoted = table if '"' in table else f'"{table}"'
        names = ", ".join(f'"{c}"' for c in columns)
        if len(rows) < COPY_FROM:
            marks = ", ".join([db.param] * len(columns))
            ignore = " ON CONFLICT DO NOTHING" if ignore_conflicts else ""
            sql = f"INSERT INTO {quoted} ({names}) VALUES ({marks}){ignore}"
            db.cursor().executemany(sql, rows)
            return len(rows)
        direct = not ignore_conflicts and not self._row_security(db, quoted)
        cursor = db.cursor()
        if not direct:
            cursor.execute(f"DROP TABLE IF EXISTS {self.COPY_TABLE}")
            cursor.execute(
                f"CREATE TEMP TABLE {self.COPY_TABLE} AS SELECT {names} FROM {quoted} WITH NO DATA"
            )
        target = quoted if direct else self.COPY_TABLE
        with cursor.copy(f"COPY {target} ({names}) FROM STDIN") as copy:
            write = copy.write_row
            for row in rows:
                write(row)
        if not direct:
            ignore = " ON CONFLICT DO NOTHING" if ignore_conflicts else ""
            cursor.execute(
                f"INSERT INTO {quoted} ({names}) SELECT {names} FROM {self.COPY_TABLE}{ignore}"
            )
            cursor.execute(f"DROP TABLE {self.COPY_TABLE}")
        return len(rows)

    def _row_security(self, db: Database, quoted: str) -> bool:
        """Whether row-level security applies to this role on the table (COPY FROM refused)."""
        found = db.execute_sql("SELECT row_security_active(%s)", (quoted,)).fetchone()
        return bool(found and found[0])

    def update_statistics(self, db: Database) -> None:
        db.execute_sql("ANALYZE")

    def refresh_statistics(self, db: Database, tables: Sequence[str]) -> None:
        for table in tables:
            db.execute_sql(f'ANALYZE "{table}"')

    def reset_sequences(self, db: Database) -> None:
        """After rows were copied in with their ids (a file moved to the server): each id
        sequence goes past the highest id."""
        rows = db.execute_sql(
            "SELECT c.relname, a.attname, pg_get_serial_sequence(quote_ident(c.relname), a.attname) "
            "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid "
            "WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' "
            "AND a.attnum > 0 AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) "
            "IS NOT NULL"
        ).fetchall()
        for table, column, sequence in rows:
            db.execute_sql(
                f"SELECT setval('{sequence}', COALESCE((SELECT MAX(\"{column}\") "
                f'FROM "{table}"), 0) + 1, false)'
            )

    # -- temporary tables, insert-or-ignore ---------------------------------------------------
    INTEGER = "BIGINT"

    def temp_table(self, name: str) -> str:
        return f'pg_temp."{name}"'

    def insert_ignore_sql(self, db: Database, table: str, columns: Sequence[str]) -> str:
        marks = ", ".join([db.param] * len(columns))
        quoted = table if '"' in table else f'"{table}"'
        return (
            f"INSERT INTO {quoted} ({', '.join(columns)}) VALUES ({marks}) ON CONFLICT DO NOTHING"
        )

    # Ends a correlated subquery that must stay a lookup per outer row: PostgreSQL would plan a NOT EXISTS as a hash anti join over a whole key range; OFFSET 0 keeps it a lookup per candidate row, as on SQLite.
    CORRELATED = " OFFSET 0"

    # A server's round trip costs more than a search's query: the kinds of a search go as one UNION ALL statement.
    ONE_STATEMENT = True

    # An index on key_person.name holds each name's persons in no particular order.
    PERSONS_OF_A_NAME_IN_ID_ORDER = False

    # A trigram index gives a text's matches unordered: they are ordered first, then filtered (kehu.db.search.substring_sql).
    SUBSTRING_CANDIDATES_FIRST = True

    def join_column(self, column: str) -> str:
        """An aggregate joining a column's values with commas (rows in scan order: several in
        one query stay aligned)."""
        return f"string_agg(({column})::text, ',')"

    PREPARED_MAX = 64  # statements kept prepared per connection (then all are let go)

    def execute_planned(self, db: Database, sql: str, params: Sequence):
        """`sql` planned once per connection (PREPARE, then EXECUTE): for the queries of each
        keystroke, whose planning on a server costs more than their run."""
        conn = db.connection()
        prepared: dict[str, str] | None = getattr(conn, "_kehu_prepared", None)
        if prepared is None or len(prepared) >= self.PREPARED_MAX:
            if prepared:
                db.execute_sql("DEALLOCATE ALL")
            prepared = {}
            conn._kehu_prepared = prepared  # type: ignore[attr-defined]
        name = prepared.get(sql)
        if name is None:
            pieces = sql.split("%s")
            assert all("%" not in piece for piece in pieces), "a literal % in a prepared query"
            numbered = pieces[0] + "".join(f"${n}{part}" for n, part in enumerate(pieces[1:], 1))
            name = f"kehu_planned_{len(prepared) + 1}"
            db.execute_sql(f"PREPARE {name} AS {numbered}")
            prepared[sql] = name
        if not params:
            return db.execute_sql(f"EXECUTE {name}")
        return db.execute_sql(f"EXECUTE {name}({', '.join(['%s'] * len(params))})", params)

    # -- text functions ----------------------------------------------------------------------
    def contains(self, column: str, param: str) -> str:
        return f"strpos({column}, {param}) > 0"

    # -- substring index of names (pg_trgm) ------------------------------------------------
    TEXT_TABLE = "search_text"  # (rowid = customer id, text)
    TEXT_SCAN_TABLE, TEXT_SCAN_ID, TEXT_SCAN_COLUMN = "search_text", "rowid", '"text"'
    TEXT_INDEX = "search_text_trigram"

    def text_match(self, alias: str, param: str) -> str:
        return f'{alias}."text" LIKE {param}'

    def text_phrase(self, word: str) -> str:
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return f"%{escaped}%"

    def recreate_text_table(self, db: Database) -> None:
        """Empty the substring index for a bulk load; its GIN index comes back at the end."""
        db.execute_sql(f'DROP INDEX IF EXISTS "{self.TEXT_INDEX}"')
        db.execute_sql(f'TRUNCATE "{self.TEXT_TABLE}"')

    def finish_text_table(self, db: Database) -> None:
        db.execute_sql(
            f'CREATE INDEX IF NOT EXISTS "{self.TEXT_INDEX}" ON "{self.TEXT_TABLE}" '
            'USING gin ("text" gin_trgm_ops)'
        )


POSTGRES = PostgresDialect()
