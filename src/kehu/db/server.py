"""Opening a kehu database on a PostgreSQL server (DESIGN §2.6): the twin of opening a file.

`open_server(url)` connects, migrates (the same numbered steps, with the PostgreSQL twins of
schema/pg/) and returns the same `kehu.db.connection.Database` as a file gives, in mode
"server": no journal, no file identity, no file checks (the server keeps its own files).
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from urllib.parse import parse_qs, urlsplit, urlunsplit

from peewee import DatabaseError as PeeweeDatabaseError

from kehu import __version__
from kehu.db import errors, migrations
from kehu.db.models import Setting
from kehu.db.paths import Location

logger = logging.getLogger(__name__)

SERVER = "server"
SCHEMES = ("postgresql://", "postgres://")
BUSY_MS = 15000  # how long a statement waits for another user's row lock


ENABLE_ENV = "KEHU_SERVER_PREVIEW"


def enabled() -> bool:
    """Server databases are not offered to users until every feature works on them; the
    tests (and developers) turn them on with KEHU_SERVER_PREVIEW=1."""
    import os

    return os.environ.get(ENABLE_ENV) == "1"


def is_url(target: object) -> bool:
    """Whether `target` names a server database (a postgresql:// URL), not a file."""
    return isinstance(target, str) and target.lower().startswith(SCHEMES)


def display_url(url: str) -> str:
    """The URL without its password (for messages, logs and the title bar)."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    user = f"{parts.username}@" if parts.username else ""
    port = f":{parts.port}" if parts.port else ""
    return urlunsplit((parts.scheme, f"{user}{host}{port}", parts.path, parts.query, ""))


def database_name(url: str) -> str:
    """The database's name on its server (the URL's path)."""
    return urlsplit(url).path.lstrip("/") or "postgres"


def server_name(url: str) -> str:
    """Where the server is, as a user knows it: host[:port] (a local socket: its folder)."""
    parts = urlsplit(url)
    host = parts.hostname or parse_qs(parts.query).get("host", ["localhost"])[0]
    port = parts.port or parse_qs(parts.query).get("port", [""])[0]
    return f"{host}:{port}" if port and str(port) != "5432" else host


def connect(url: str):
    """A `ServerDatabase` connection to `url` (errors with a message for the user)."""
    shown = display_url(url)
    try:
        from kehu.db.pg_dialect import ServerDatabase
    except ImportError as exc:  # pragma: no cover - psycopg is an optional extra
        raise errors.ServerDriverMissingError(shown) from exc
    try:
        import psycopg  # noqa: F401
    except ImportError as exc:
        raise errors.ServerDriverMissingError(shown) from exc
    db = ServerDatabase(url, lock_ms=BUSY_MS, shown=shown)
    try:
        db.connect()
    except PeeweeDatabaseError as exc:
        raise errors.ServerUnavailableError(shown, str(exc).strip()) from exc
    db.kehu_path = Path(shown)  # type: ignore[attr-defined]  # in messages; no file identity
    db.kehu_busy_ms = BUSY_MS  # type: ignore[attr-defined]
    return db


def open_server(url: str, *, create: bool = True) -> tuple[object, bool, int | None]:
    """Connect to a server database and create or migrate its schema: (the connection,
    whether it was created, the version it was migrated from or None). The caller
    (`kehu.db.connection.open_database`) wraps it and binds the models."""
    shown = display_url(url)
    db = connect(url)
    try:
        version = migrations.schema_version(db)
        if version > migrations.latest_version():
            db.close()
            raise errors.NewerVersionError(shown, f"schema {version}")
        existed = version > 0
        if not existed:
            if db.get_tables():
                db.close()
                raise errors.NotADatabaseError(shown, "a database of another program")
            if not create:
                db.close()
                raise errors.NoSuchDatabaseError(shown)
        migrated_from = version if existed and version < migrations.latest_version() else None
        migrations.migrate(db)
        # A schema without its creation mark (`kehu server init`, a test's template) is new:
        # the first open seeds it, as for a new file.
        existed = existed and _read_setting(db, "created_with") is not None
        if not existed:
            _write_setting(db, "created_with", __version__)
            _write_setting(db, "created_at", dt.datetime.now().isoformat(timespec="seconds"))
            _write_setting(db, "mode", SERVER)
    except PeeweeDatabaseError as exc:
        db.close()
        raise errors.CannotOpenError(shown, str(exc).strip()) from exc
    return db, not existed, migrated_from


LOCATION = Location(network=True, cloud=None, filesystem="postgresql")


def _read_setting(db, key: str) -> str | None:
    row = db.execute_sql(f"SELECT value FROM setting WHERE key = {db.param}", (key,)).fetchone()
    return row[0] if row else None


def _write_setting(db, key: str, value: str) -> None:
    # bind_ctx, not bind(): the query is built for `db`, whatever the models were bound to.
    with Setting.bind_ctx(db, bind_refs=False, bind_backrefs=False):
        Setting.insert(key=key, value=value).on_conflict(
            conflict_target=[Setting.key], update={Setting.value: value}
        ).execute()


def has_users(db) -> bool:
    """Whether a (migrated) server database holds users already, i.e. is not a new one."""
    return bool(db.execute_sql('SELECT EXISTS (SELECT 1 FROM "user")').fetchone()[0])
