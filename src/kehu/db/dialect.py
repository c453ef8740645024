"""What only SQLite understands, one section per feature: the seam for a second dialect.

The rest of `kehu.db` writes portable SQL (peewee's query builder, `db.param` placeholders,
range queries) and asks `dialect(db)` for the parts that differ between databases:

- connection settings (PRAGMAs, journal modes, the data version, integrity checks);
- bulk loading (durability off, a rollback journal instead of the WAL, indexes and triggers
  read from the schema, dropped and put back, statistics);
- insert-or-ignore; "contains" (`instr`);
- the substring index of names (FTS5 trigram table `search_text`, its bulk-load mode and the
  plain shadow table read for 1–2 character fragments).

The PostgreSQL server mode (DESIGN §2.6) has `PostgresDialect` with the same methods in
`kehu.db.pg_dialect` (pg_trgm instead of FTS5, `ON CONFLICT DO NOTHING`, `pg_indexes`/
`pg_trigger`, `ANALYZE`); `dialect()` picks one, callers do not change.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence

from peewee import Database, PostgresqlDatabase, SqliteDatabase


class SQLiteDialect:
    name = "sqlite"

    # -- connection settings (PRAGMAs, journal modes) --------------------------------------
    def mode_settings(self, journal: str, synchronous: str, busy_ms: int) -> dict[str, object]:
        """The per-connection settings of a file mode (given to peewee as pragmas)."""
        return {"journal_mode": journal, "synchronous": synchronous, "busy_timeout": busy_ms}

    def foreign_keys_setting(self) -> dict[str, object]:
        return {"foreign_keys": 1}

    def apply_settings(self, db: Database, settings: dict[str, object]) -> None:
        for name, value in settings.items():
            db.execute_sql(f"PRAGMA {name}={value}")

    def journal_mode(self, db: Database) -> str:
        return db.execute_sql("PRAGMA journal_mode").fetchone()[0]

    def data_version(self, db: Database) -> int:
        """Changes whenever another connection commits (cheap to poll)."""
        return db.execute_sql("PRAGMA data_version").fetchone()[0]

    def quick_check(self, db: Database) -> str:
        """'ok', or the first problem found by a quick check (reads the whole file)."""
        return db.execute_sql("PRAGMA quick_check").fetchone()[0]

    def read_schema(self, db: Database) -> None:
        """Make the connection parse the schema now (a damaged header fails here)."""
        db.execute_sql("SELECT COUNT(*) FROM sqlite_master").fetchone()

    def integrity(self, db: Database) -> str:
        """'ok', or the first problem found by a full integrity check."""
        return db.execute_sql("PRAGMA integrity_check").fetchone()[0]

    def foreign_key_problems(self, db: Database) -> list[tuple]:
        return db.execute_sql("PRAGMA foreign_key_check").fetchall()

    def secure_delete(self, db: Database) -> None:
        """Deleted rows' pages are zeroed from now on (erasure of personal data)."""
        db.execute_sql("PRAGMA secure_delete=ON")

    def explain(self, db: Database, sql: str, params: Sequence) -> list[str]:
        """The plan of a query, one line per step (EXPLAIN QUERY PLAN)."""
        return [row[-1] for row in db.execute_sql("EXPLAIN QUERY PLAN " + sql, params)]

    # -- schema version (PRAGMA user_version) ----------------------------------------------
    def schema_version(self, db: Database) -> int:
        return db.execute_sql("PRAGMA user_version").fetchone()[0]

    def set_schema_version(self, db: Database, version: int) -> None:
        db.execute_sql(f"PRAGMA user_version={int(version)}")

    def run_script(self, db: Database, script: str) -> None:
        """A migration file, statement by statement (triggers hold semicolons)."""
        for statement in split_statements(script):
            db.execute_sql(statement)

    # -- bulk loading -------------------------------------------------------------------------
    @contextlib.contextmanager
    def bulk_load(self, db: Database) -> Iterator[None]:
        """Settings for loading generated rows (consistent by construction) in one big
        transaction: no fsync, a big page cache, no foreign-key checks, and when no other
        connection has the file open, a rollback journal instead of the WAL (new pages are then
        written once, into the file, instead of into a WAL that grows to the size of the load
        and is copied again). Must be entered outside a transaction (SQLite ignores
        `foreign_keys` inside one); the normal settings come back afterwards."""
        synchronous = db.execute_sql("PRAGMA synchronous").fetchone()[0]
        cache = db.execute_sql("PRAGMA cache_size").fetchone()[0]
        wal = self.journal_mode(db) == "wal"
        # Leaving WAL needs the only connection: elsewhere (the window) the WAL stays.
        left_wal = wal and self._set_journal(db, "delete") == "delete"
        db.execute_sql("PRAGMA synchronous=OFF")
        db.execute_sql("PRAGMA cache_size=-200000")
        db.execute_sql("PRAGMA foreign_keys=OFF")
        threads = db.execute_sql("PRAGMA threads").fetchone()[0]
        db.execute_sql("PRAGMA threads=2")  # the sorts of CREATE INDEX on two cores
        try:
            yield
        finally:
            db.execute_sql(f"PRAGMA threads={int(threads)}")
            db.execute_sql(f"PRAGMA synchronous={int(synchronous)}")
            db.execute_sql(f"PRAGMA cache_size={int(cache)}")
            db.execute_sql("PRAGMA foreign_keys=ON")
            if left_wal:  # if this fails, the next open sets WAL again
                self._set_journal(db, "wal")
            elif wal:  # the load grew the WAL: shrink it
                db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    @contextlib.contextmanager
    def page_cache(self, db: Database, megabytes: int) -> Iterator[None]:
        """A page cache of at least `megabytes` on this connection for the block (an import's
        index inserts reach pages all over the search-key index); the old size after it."""
        cache = int(db.execute_sql("PRAGMA cache_size").fetchone()[0])
        db.execute_sql(f"PRAGMA cache_size={-megabytes * 1024}")  # negative: in KiB
        try:
            yield
        finally:
            db.execute_sql(f"PRAGMA cache_size={cache}")

    def _set_journal(self, db: Database, mode: str) -> str:
        try:
            return db.execute_sql(f"PRAGMA journal_mode={mode}").fetchone()[0]
        except Exception:  # noqa: BLE001 - locked by another connection: keep the journal
            return self.journal_mode(db)

    def index_definitions(self, db: Database, tables: Sequence[str]) -> list[tuple[str, str]]:
        """(name, CREATE INDEX statement) of the explicit indexes on these tables."""
        marks = ", ".join([db.param] * len(tables))
        return db.execute_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            f"AND tbl_name IN ({marks}) ORDER BY name",
            list(tables),
        ).fetchall()

    def trigger_definitions(self, db: Database, prefix: str) -> list[tuple[str, str]]:
        """(name, CREATE TRIGGER statement) of the triggers whose name starts with `prefix`."""
        return db.execute_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
            f"AND substr(name, 1, {db.param}) = {db.param} ORDER BY name",
            (len(prefix), prefix),
        ).fetchall()

    def drop_index(self, db: Database, name: str) -> None:
        db.execute_sql(f'DROP INDEX IF EXISTS "{name}"')

    def transaction_failed(self, db: Database) -> bool:
        """Whether the open transaction failed and refuses every statement until its
        rollback (PostgreSQL after an error; SQLite goes on)."""
        return False

    def drop_foreign_keys(self, db: Database, tables: Sequence[str]) -> list[str]:
        """Drop the foreign keys of these tables for a bulk load; returns the statements
        that add them again (and check every row once). Nothing on SQLite: `bulk_load`
        turns the checks off for the connection instead."""
        return []

    def copy_rows(
        self,
        db: Database,
        table: str,
        columns: Sequence[str],
        rows: Sequence[Sequence],
        *,
        ignore_conflicts: bool = False,
    ) -> int:
        """Write many rows (tuples in the order of `columns`) into `table` inside the
        caller's transaction; returns how many were given. SQLite: one executemany of an
        INSERT (OR IGNORE with `ignore_conflicts`: a row that would break a unique key is
        left out). PostgreSQL: COPY."""
        if not rows:
            return 0
        if ignore_conflicts:
            sql = self.insert_ignore_sql(db, table, columns)
        else:
            marks = ", ".join([db.param] * len(columns))
            names = ", ".join(f'"{c}"' for c in columns)
            sql = f"INSERT INTO {_quoted(table)} ({names}) VALUES ({marks})"
        db.cursor().executemany(sql, rows)
        return len(rows)

    def drop_trigger(self, db: Database, name: str) -> None:
        db.execute_sql(f'DROP TRIGGER IF EXISTS "{name}"')

    def update_statistics(self, db: Database) -> None:
        """Fresh planner statistics after a bulk load (bounded work per index)."""
        db.execute_sql("PRAGMA analysis_limit=1000")
        db.execute_sql("ANALYZE")

    def refresh_statistics(self, db: Database, tables: Sequence[str]) -> None:
        """Planner statistics of these tables again, if the file has statistics at all (a
        dropped and remade index loses its own, and the planner may then pick a worse one);
        a file without them stays without (bounded work per index)."""
        if db.execute_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone():
            db.execute_sql("PRAGMA analysis_limit=1000")
            for table in tables:
                db.execute_sql(f'ANALYZE "{table}"')

    # -- temporary tables, insert-or-ignore ---------------------------------------------------
    INTEGER = "INTEGER"  # a 64-bit integer column (INTEGER PRIMARY KEY: the rowid)

    def temp_table(self, name: str) -> str:
        """The qualified name of a connection-local temporary table."""
        return f'temp."{name}"'

    def insert_ignore_sql(self, db: Database, table: str, columns: Sequence[str]) -> str:
        """INSERT of one row that does nothing when it would break a unique key (`table`:
        a plain name, or one already qualified/quoted)."""
        marks = ", ".join([db.param] * len(columns))
        return f"INSERT OR IGNORE INTO {_quoted(table)} ({', '.join(columns)}) VALUES ({marks})"

    # Ends a correlated subquery that must stay a lookup per outer row: SQLite keeps a correlated NOT EXISTS a lookup per row as written.
    CORRELATED = ""

    # SQLite answers in-process: the kinds of a search are asked one by one, each only when the kinds before it left room.
    ONE_STATEMENT = False

    # An index on key_person.name holds each name's persons in rowid (id) order.
    PERSONS_OF_A_NAME_IN_ID_ORDER = True

    # FTS5 gives a text's matches in rowid order: the substring query filters them as they come (kehu.db.search.substring_sql).
    SUBSTRING_CANDIDATES_FIRST = False

    def join_column(self, column: str) -> str:
        """An aggregate joining a column's values with commas (rows in scan order: several in
        one query stay aligned)."""
        return f"group_concat({column})"

    def execute_planned(self, db: Database, sql: str, params: Sequence):
        """`sql` run like any other: SQLite keeps its own cache of prepared statements."""
        return db.execute_sql(sql, params)

    # -- text functions ----------------------------------------------------------------------
    def contains(self, column: str, param: str) -> str:
        """Condition: `column` contains the text of the parameter."""
        return f"instr({column}, {param}) > 0"

    # -- substring index of names (FTS5 trigram) -----------------------------------------------
    TEXT_TABLE = "search_text"  # (rowid = customer id, text)
    # The FTS5 table keeps its text in the plain shadow table search_text_content (id, c0):
    # a rowid range scan of that finds 1–2 character fragments, in id order.
    TEXT_SCAN_TABLE, TEXT_SCAN_ID, TEXT_SCAN_COLUMN = "search_text_content", "id", "c0"

    def text_match(self, alias: str, param: str) -> str:
        """Condition on the substring index: the text contains the phrase in the parameter
        (a word of 3+ characters, passed through `text_phrase`)."""
        return f"{alias}.{self.TEXT_TABLE} MATCH {param}"

    def text_phrase(self, word: str) -> str:
        return '"' + word.replace('"', '""') + '"'

    def recreate_text_table(self, db: Database) -> None:
        """Empty the substring index for a bulk load (deleting a million rows of an FTS5
        table one by one is slow: drop and create it again), without incremental merging."""
        db.execute_sql(f'DROP TABLE IF EXISTS "{self.TEXT_TABLE}"')
        db.execute_sql(
            f"""CREATE VIRTUAL TABLE "{self.TEXT_TABLE}" USING fts5("text", tokenize='trigram')"""
        )
        self._text_command(db, "automerge", 0)

    def finish_text_table(self, db: Database) -> None:
        """After a bulk load: normal incremental merging again, and one full merge now."""
        self._text_command(db, "automerge", 4)
        self._text_command(db, "optimize")

    def _text_command(self, db: Database, command: str, value: int | None = None) -> None:
        table = self.TEXT_TABLE
        if value is None:
            db.execute_sql(f'INSERT INTO "{table}"("{table}") VALUES ({db.param})', (command,))
        else:
            db.execute_sql(
                f'INSERT INTO "{table}"("{table}", rank) VALUES ({db.param}, {db.param})',
                (command, value),
            )


def _quoted(table: str) -> str:
    return table if '"' in table else f'"{table}"'


def split_statements(script: str) -> list[str]:
    """The statements of an SQLite migration file (comment lines dropped)."""
    lines = [line for line in script.splitlines() if not line.startswith("--")]
    statements, current = [], []
    for line in lines:
        current.append(line)
        joined = "\n".join(current).strip()
        # Triggers contain semicolons inside BEGIN … END.
        if joined.endswith(";") and (
            not joined.upper().startswith("CREATE TRIGGER") or joined.upper().endswith("END;")
        ):
            statements.append(joined[:-1])
            current = []
    if "\n".join(current).strip():
        statements.append("\n".join(current).strip())
    return statements


SQLITE = SQLiteDialect()


def dialect(db: Database):
    """The dialect of a database: `SQLITE`, or `kehu.db.pg_dialect.POSTGRES` for a server."""
    target = getattr(db, "obj", None) or db
    if isinstance(target, SqliteDatabase):
        return SQLITE
    if isinstance(target, PostgresqlDatabase):
        from kehu.db.pg_dialect import POSTGRES

        return POSTGRES
    raise NotImplementedError(f"no kehu dialect for {type(db).__name__}")


def drop_named_triggers(db: Database, prefix: str) -> list[str]:
    """Drop the triggers named `prefix…` (before a bulk load); returns their SQL, to run again
    when the load is done."""
    sql = dialect(db)
    triggers = sql.trigger_definitions(db, prefix)
    for name, _statement in triggers:
        sql.drop_trigger(db, name)
    return [statement for _name, statement in triggers]


def is_server(db: Database) -> bool:
    """Whether the database is a PostgreSQL server (not a file)."""
    return isinstance(getattr(db, "obj", None) or db, PostgresqlDatabase)
