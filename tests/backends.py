"""The two backends of the integration tests: SQLite files, and PostgreSQL databases on one
throwaway cluster per session (KEHU_TEST_PG, set by .ci/run, or started here when the server
binaries are installed: `kehu.db.pg_cluster`). Each PostgreSQL test gets a database of its
own, copied from a template that holds the migrated schema.

A test module runs on both with `pytestmark = BOTH` (the `backend` fixture, read by `db_path`:
a file path or a postgresql:// URL); `other_connection(target)` is a second connection to the
same database (plain peewee), for conflict tests.
"""

from __future__ import annotations

import itertools
import os

import pytest

SQLITE, POSTGRESQL = "sqlite", "postgresql"
BACKENDS = (SQLITE, POSTGRESQL)
# On a module (pytestmark = BOTH): each test that uses a database (`db_path`, `workspace`…)
# runs on both backends (tests/conftest.py: pytest_generate_tests).
BOTH = pytest.mark.backends
TEMPLATE = "kehu_template"
PASSWORD = "secret-wang-1"  # the login roles' password in `server_office` (tests/conftest.py)
_numbers = itertools.count(1)


def pg_available() -> str:
    """'' when PostgreSQL tests can run here, else the reason they are skipped."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return 'psycopg is not installed (pip install "kehu[server]")'
    from kehu.db.pg_cluster import server_binaries

    if not os.environ.get("KEHU_TEST_PG") and server_binaries() is None:
        return "no PostgreSQL server binaries and KEHU_TEST_PG is not set"
    return ""


class Server:
    """The session's server: its admin URL, and a fresh database per test."""

    def __init__(self) -> None:
        self.cluster = None
        url = os.environ.get("KEHU_TEST_PG")
        if not url:
            from kehu.db.pg_cluster import Cluster

            self.cluster = Cluster().start()
            url = self.cluster.url()
        self.admin_url = url
        self._template_made = False

    def url(self, database: str) -> str:
        """The admin URL with another database name."""
        from urllib.parse import urlsplit, urlunsplit

        parts = urlsplit(self.admin_url)
        return urlunsplit((parts.scheme, parts.netloc, f"/{database}", parts.query, ""))

    def admin(self):
        import psycopg

        return psycopg.connect(self.admin_url, autocommit=True)

    def _template(self) -> None:
        if self._template_made:
            return
        from kehu.db import migrations
        from kehu.db.server import connect

        with self.admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{TEMPLATE}"')
            conn.execute(
                f"CREATE DATABASE \"{TEMPLATE}\" TEMPLATE template0 LC_COLLATE 'C' LC_CTYPE 'C.UTF-8'"
            )
        db = connect(self.url(TEMPLATE))
        migrations.migrate(db)
        db.close()
        self._template_made = True

    def new_database(self, schema: bool = True) -> str:
        """A new empty database (with the current schema, or none) and its URL."""
        name = f"kehu_test_{os.getpid()}_{next(_numbers)}"
        if schema:
            self._template()
        template = TEMPLATE if schema else "template0"
        with self.admin() as conn:
            conn.execute(
                f"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\" LC_COLLATE 'C' LC_CTYPE 'C.UTF-8'"
            )
        return self.url(name)

    def drop(self, url: str) -> None:
        name = url.split("?")[0].rsplit("/", 1)[1]
        with self.admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def ask_passwords(self, database: str) -> tuple[str, str]:
        """Make the server ask every login to `database` for its password (scram-sha-256
        lines first in its pg_hba.conf, reloaded); returns what `trust_again` puts back.
        Skips the test when the server's pg_hba.conf cannot be written here."""
        import time
        from pathlib import Path

        import psycopg

        with self.admin() as conn:
            path = conn.execute("SHOW hba_file").fetchone()[0]
            try:
                before = Path(path).read_text(encoding="utf-8")
                lines = (
                    f"local {database} all scram-sha-256\nhost {database} all all scram-sha-256\n"
                )
                Path(path).write_text(lines + before, encoding="utf-8")
            except OSError as exc:
                pytest.skip(f"cannot make the test server ask for passwords: {exc}")
            conn.execute("SELECT pg_reload_conf()")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:  # the server reads the file again on its own time
            try:
                psycopg.connect(self.url(database), connect_timeout=5).close()
            except psycopg.OperationalError:
                return path, before
            time.sleep(0.05)
        pytest.fail("the server did not start asking for passwords")

    def trust_again(self, asked: tuple[str, str]) -> None:
        from pathlib import Path

        path, before = asked
        Path(path).write_text(before, encoding="utf-8")
        with self.admin() as conn:
            conn.execute("SELECT pg_reload_conf()")

    def stop(self) -> None:
        if self.cluster is not None:
            self.cluster.stop()


def other_connection(target):
    """A second, independent peewee connection to the database of `target` (path or URL)."""
    from kehu.db.server import is_url

    if is_url(str(target)):
        from kehu.db.server import connect

        return connect(str(target))
    from peewee import SqliteDatabase

    return SqliteDatabase(str(target), pragmas={"foreign_keys": 1})


def settled(dialog, timeout_s: float = 30) -> None:
    """Wait until the Server dialog has the server's answer: Connect asks off the UI thread
    (the dialog stays responsive meanwhile)."""
    import time

    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout_s
    while dialog.checking:
        if time.monotonic() > deadline:
            raise AssertionError("the server did not answer the Server dialog")
        QApplication.processEvents()
        time.sleep(0.005)
