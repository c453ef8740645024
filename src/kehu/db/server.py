"""Opening a kehu database on a PostgreSQL server (DESIGN §2.6): the twin of opening a file.

`open_server(url)` connects, migrates (the same numbered steps, with the PostgreSQL twins of
schema/pg/) and returns the same `kehu.db.connection.Database` as a file gives, in mode
"server": no journal, no file identity, no file checks (the server keeps its own files).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

from peewee import DatabaseError as PeeweeDatabaseError

from kehu import __version__
from kehu.db import errors, migrations, server_roles
from kehu.db.models import Setting
from kehu.db.paths import Location

logger = logging.getLogger(__name__)

SERVER = "server"
SCHEMES = ("postgresql://", "postgres://")
BUSY_MS = 15000  # how long a statement waits for another user's row lock
PORT = 5432  # PostgreSQL's port, unless the address says another
CONNECT_TIMEOUT_S = 10  # a server that does not answer is given up after this (libpq's)
# TLS (libpq's sslmode): what the Server dialog offers; "prefer" is libpq's default.
SSL_MODES = ("prefer", "require", "verify-full")
DEFAULT_SSL_MODE = "prefer"


@dataclass(frozen=True)
class Address:
    """Where a server database is and who logs in: what the Server dialog edits, what the
    recent list keeps (never the password), and the key of a remembered password."""

    host: str  # a name or IP address, or a Unix socket folder (starting with /)
    database: str
    user: str
    port: int = PORT
    sslmode: str = ""  # "" = libpq's default (prefer)
    password: str | None = field(default=None, repr=False)
    extra: tuple[tuple[str, str], ...] = ()  # other libpq parameters of the URL, kept

    @classmethod
    def from_url(cls, url: str) -> Address:
        parts = urlsplit(url)
        query = parse_qsl(parts.query, keep_blank_values=True)
        found = dict(query)
        host = unquote(parts.hostname or "") if parts.netloc.rpartition("@")[2] else ""
        host = host or found.get("host", "")
        try:
            port = parts.port or int(found.get("port") or PORT)
        except ValueError:
            port = PORT
        return cls(
            host=host,
            database=unquote(parts.path.lstrip("/")),
            user=unquote(parts.username or found.get("user", "")),
            port=port,
            sslmode=found.get("sslmode", ""),
            password=unquote(parts.password) if parts.password is not None else None,
            extra=tuple((k, v) for k, v in query if k not in ("host", "port", "sslmode", "user")),
        )

    def with_password(self, password: str | None) -> Address:
        return replace(self, password=password)

    def url(self, *, password: bool = True) -> str:
        """The postgresql:// URL (with the password only when `password` and one is set)."""
        query = list(self.extra)
        netloc = quote(self.user, safe="")
        if password and self.password:
            netloc += ":" + quote(self.password, safe="")
        netloc += "@" if self.user else ""
        if self.host.startswith("/"):  # a socket folder goes into the query, as libpq reads it
            query = [("host", self.host), ("port", str(self.port)), *query]
        else:
            host = f"[{self.host}]" if ":" in self.host else self.host
            netloc += host + (f":{self.port}" if self.port != PORT else "")
        if self.sslmode:
            query.append(("sslmode", self.sslmode))
        return urlunsplit(
            ("postgresql", netloc, "/" + quote(self.database, safe=""), urlencode(query), "")
        )

    @property
    def shown(self) -> str:
        """The URL without password: for the title bar, the recent list and messages."""
        return self.url(password=False)

    @property
    def key(self) -> str:
        """user@host:port/database: the name of its remembered password (kehu.services.secrets)."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"


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


def connect(url: str):
    """A `ServerDatabase` connection to `url` (errors with a message for the user). A
    server that does not answer is given up after CONNECT_TIMEOUT_S (unless the URL sets
    connect_timeout); the password is the URL's, else libpq's (PGPASSWORD, the pgpass file)."""
    shown = display_url(url)
    try:
        import psycopg  # noqa: F401

        from kehu.db.pg_dialect import ServerDatabase
    except ImportError as exc:  # psycopg is an optional extra
        raise errors.ServerDriverMissingError(shown) from exc
    options = {}
    if "connect_timeout=" not in urlsplit(url).query:
        options["connect_timeout"] = CONNECT_TIMEOUT_S
    db = ServerDatabase(url, lock_ms=BUSY_MS, shown=shown, **options)
    try:
        db.connect()
    except PeeweeDatabaseError as exc:
        raise refusal(shown, str(exc)) from exc
    db.kehu_path = Path(shown)  # type: ignore[attr-defined]  # in messages; no file identity
    db.kehu_busy_ms = BUSY_MS  # type: ignore[attr-defined]
    return db


# What libpq and the server say when a connection is refused (English; a server with other
# lc_messages gets the general message, with its own words below it).
_LOGIN_REFUSED = ("password authentication failed", "no password supplied", "does not exist")
_UNREACHABLE = (
    "connection refused",
    "no such file or directory",
    "timeout expired",
    "could not translate host name",
    "name or service not known",
    "network is unreachable",
    "no route to host",
    "could not connect",
)


def refusal(shown: str, text: str) -> errors.DatabaseError:
    """The error (with a message for the user) of a refused connection to `shown`."""
    detail = server_words(text)
    lowered = text.lower()
    if "database" in lowered and "does not exist" in lowered:
        return errors.ServerNoDatabaseError(shown, detail)
    if "no password supplied" in lowered:
        return errors.ServerPasswordNeededError(shown, detail)
    if any(words in lowered for words in _LOGIN_REFUSED):
        return errors.ServerLoginError(shown, detail)
    if any(words in lowered for words in _UNREACHABLE):
        return errors.ServerUnreachableError(shown, detail)
    return errors.ServerUnavailableError(shown, detail)


def server_words(text: str) -> str:
    """The server's (or libpq's) own reason, without the socket and address preamble."""
    line = text.strip().splitlines()[0] if text.strip() else ""
    reason = line.rpartition(" failed: ")[2] or line
    return reason.replace("FATAL:  ", "").strip()


def probe(url: str) -> None:
    """Check that `url` opens a kehu database (or an empty one kehu may create) without
    opening it: the login, the database, the pg_trgm extension, the schema's version and,
    on a database with roles, that the login is one of its users. Raises the error of
    `open_server` with its message; used by the window's Server dialog before it closes
    the database that is open."""
    shown = display_url(url)
    db = connect(url)
    try:
        ready = _trigram_ready(db)
        version = migrations.schema_version(db)
        if version > migrations.latest_version():
            raise errors.NewerVersionError(shown, f"schema {version}")
        if version == 0 and db.get_tables():
            raise errors.NotADatabaseError(shown, "a database of another program")
        if not ready:
            raise errors.ServerExtensionMissingError(shown)
        if version > 0:
            login_user(db, shown)
    except PeeweeDatabaseError as exc:
        raise errors.CannotOpenError(shown, str(exc).strip()) from exc
    finally:
        db.close()


def _trigram_ready(db) -> bool:
    """Whether pg_trgm (the substring search) is in the database or may be created there."""
    row = db.execute_sql(
        "SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'),"
        " EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm')"
    ).fetchone()
    return bool(row[0] or row[1])


def login_user(db, shown: str) -> int | None:
    """The kehu user id of this connection's login role; None where the login is not a kehu
    user but may see every row (a database without roles, a superuser). A login that is no
    user of a database with roles is refused: the rows it could see are none."""
    uid = server_roles.current_user_id(db)
    if uid is None and server_roles.is_secured(db) and not server_roles.sees_every_row(db):
        raise errors.ServerNotAUserError(shown, role=server_roles.session_role(db))
    return uid


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
        if version < migrations.latest_version() and not _trigram_ready(db):
            db.close()
            raise errors.ServerExtensionMissingError(shown)
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
