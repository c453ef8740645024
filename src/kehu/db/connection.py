"""Opening and creating database files, modes, and short retried write transactions.

The files are SQLite's; the PRAGMAs of each mode and of the checks come from `kehu.db.dialect`.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import random
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from peewee import DatabaseError as PeeweeDatabaseError
from peewee import OperationalError, SqliteDatabase

from kehu import __version__
from kehu.core.i18n import N_, Message, note
from kehu.db import errors, migrations, probe, sales_arrays, server
from kehu.db.backup import backup_database, restore_under_way
from kehu.db.dialect import SQLITE, dialect
from kehu.db.models import Setting, database_proxy
from kehu.db.paths import Location, locate

logger = logging.getLogger(__name__)

T = TypeVar("T")

LOCAL, SHARED = "local", "shared"
MODES = (LOCAL, SHARED)
SQLITE_HEADER = probe.SQLITE_HEADER
# Files up to this size are checked (PRAGMA quick_check) when opened; bigger ones take
# seconds, so they are checked in the background after opening (Database.quick_check).
QUICK_CHECK_MAX_BYTES = 256 * 1024 * 1024
_SETTINGS = {  # per mode: journal, synchronous, busy timeout (ms); PRAGMAs from kehu.db.dialect
    LOCAL: SQLITE.mode_settings("wal", "normal", 5000),
    SHARED: SQLITE.mode_settings("delete", "full", 15000),
}
_SETTING_NAMES = ("journal_mode", "synchronous", "busy_timeout")


@dataclass
class Database:
    """An open kehu database file and what the user should know about it."""

    db: SqliteDatabase
    path: Path
    mode: str
    location: Location
    created: bool = False
    migrated_from: int | None = None
    backup_path: Path | None = None
    warnings: list[Message] = field(default_factory=list)  # shown with .message(lang)
    check_deferred: bool = False  # a big file: run quick_check() in the background
    read_only: bool = False  # the file cannot be written: the window disables saving
    identity: tuple[int, int] | None = None  # (device, inode) when opened
    url: str | None = None  # a server database (kehu.db.server): its postgresql:// URL

    @property
    def is_server(self) -> bool:
        return self.url is not None

    @property
    def target(self) -> str:
        """What opens this database again: the file's path, or the server's URL."""
        return self.url if self.url is not None else str(self.path)

    @property
    def shown(self) -> str:
        """How the user sees it named: the file's path, or the server's URL without password
        (the title bar, the recent list)."""
        return server.Address.from_url(self.url).shown if self.url is not None else str(self.path)

    def still_there(self) -> bool:
        """Whether the path still leads to the file that was opened (not replaced by a
        rename or a copy, not removed): checked before each write and on each poll."""
        return self.identity is None or probe.identity(self.path) == self.identity

    def quick_check(self) -> None:
        """Read the whole file and raise DamagedDatabaseError if it is damaged.

        Uses its own read-only connection, so it may run on a worker thread while the
        application works.
        """
        if self.is_server:
            return  # the server keeps its own files consistent
        conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
        try:
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise errors.DamagedDatabaseError(self.path, str(exc)) from exc
        finally:
            conn.close()
        if result != "ok":
            raise errors.DamagedDatabaseError(self.path, result)

    def close(self) -> None:
        if not self.db.is_closed():
            self.db.close()

    def data_version(self) -> int:
        """Changes whenever another connection commits (cheap to poll)."""
        return dialect(self.db).data_version(self.db)


def _location_warnings(location: Location) -> list[Message]:
    found = []
    if location.network:
        found.append(
            note(
                N_(
                    "The database is on a network drive ({filesystem}); it uses shared mode "
                    "(rollback journal, full sync). Saving may take a moment when several people "
                    "work at once."
                ),
                filesystem=location.filesystem or "SMB/NFS",
            )
        )
    if location.cloud:
        found.append(
            note(
                N_(
                    "The database is inside the cloud-synced folder '{folder}'. Sync clients can "
                    "copy a file while it is being written and damage it; keep the database in a "
                    "normal folder or on a network share, and put backups in the cloud folder "
                    "instead."
                ),
                folder=location.cloud,
            )
        )
    return found


def _connect(path: Path, mode: str, read_only_uri: str = "") -> SqliteDatabase:
    """A connection with the settings of `mode`. The busy timeout comes first, so that every
    later statement waits for other users; the journal mode is only set when the file is not
    in it already (switching needs the file to itself: 4 editors opening at once must not
    fight over it), and never on a read-only file."""
    journal, synchronous, busy = (_SETTINGS[mode][k] for k in _SETTING_NAMES)
    pragmas = [("busy_timeout", busy), ("synchronous", synchronous)]
    pragmas += list(SQLITE.foreign_keys_setting().items())
    if read_only_uri:
        db = SqliteDatabase(read_only_uri, uri=True, pragmas=pragmas, check_same_thread=False)
    else:
        db = SqliteDatabase(str(path), pragmas=pragmas, check_same_thread=False)
    db.connect()
    if not read_only_uri:
        _set_journal(db, path, str(journal))
    db.kehu_path = path  # type: ignore[attr-defined]  # read by write() and its messages
    db.kehu_busy_ms = int(busy)  # type: ignore[attr-defined]  # restored after a quick try
    return db


def _set_journal(db: SqliteDatabase, path: Path, journal: str) -> None:
    sql = dialect(db)
    if sql.journal_mode(db) == journal:
        return
    try:
        sql.apply_settings(db, {"journal_mode": journal})
    except (OperationalError, sqlite3.OperationalError) as exc:
        if not _is_locked(exc):
            raise
        # Others have the file open: it keeps its journal until it is opened alone.
        logger.warning("%s stays in %s mode for now: %s", path, sql.journal_mode(db), exc)


def open_database(
    path: str | os.PathLike[str],
    *,
    create: bool = True,
    mode: str | None = None,
    bind: bool = True,
    check: bool = True,
) -> Database:
    """Open (or, with `create`, create) a database file, check it, migrate it and bind the
    models to it.

    Nothing is written before the file is known to be a kehu database (`kehu.db.probe`): a
    missing path without `create`, an empty file, a file of another program stay as they
    were. The mode stored in the file wins over `mode` unless `mode` is given to switch it.
    Raises a `kehu.db.errors.DatabaseError` subclass with a message for the user.

    A postgresql:// URL opens a server database instead (`kehu.db.server`).
    """
    if bind:  # the analyses' arrays were of the database bound before (same path: maybe not)
        sales_arrays.forget()
    if server.is_url(path):
        return _open_server(str(path), create=create, bind=bind)
    path = Path(path).expanduser().absolute()
    location = locate(path)
    facts = probe.inspect(path, migrations.latest_version())
    if not facts.exists:
        if not create:
            raise errors.NoSuchDatabaseError(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise errors.CannotOpenError(path, str(exc)) from exc
    elif facts.blank and not create:
        raise errors.NotADatabaseError(path, "an empty SQLite file")
    exists = facts.exists and not facts.blank
    read_only = facts.exists and not facts.writable
    if read_only and facts.schema_version < migrations.latest_version():
        raise errors.ReadOnlyError(path, "it needs an upgrade to this version of kehu")
    default_mode = SHARED if location.network or location.cloud else LOCAL
    initial_mode = facts.stored_mode or mode or default_mode
    try:
        db = _connect(path, initial_mode, facts.read_uri if read_only else "")
        deferred = False
        if exists and check:
            if path.stat().st_size <= QUICK_CHECK_MAX_BYTES:
                result = SQLITE.quick_check(db)
                if result != "ok":
                    db.close()
                    raise errors.DamagedDatabaseError(path, result)
            else:  # reading the whole file takes seconds: parse the schema now, check later
                SQLITE.read_schema(db)
                deferred = True
        opened = Database(
            db, path, initial_mode, location, created=not exists, check_deferred=deferred
        )
        opened.read_only = read_only
        opened.identity = probe.identity(path)
        db.kehu_identity = opened.identity  # type: ignore[attr-defined]
        if not read_only:
            _migrate(opened, exists)
            if mode and facts.stored_mode and mode != facts.stored_mode:
                set_mode(opened, mode)
            elif not facts.stored_mode:
                _write_setting(db, "mode", initial_mode)
    except sqlite3.DatabaseError as exc:
        raise _translate(exc, path) from exc
    except PeeweeDatabaseError as exc:
        raise _translate(exc, path) from exc
    if read_only:
        opened.warnings.append(note(READ_ONLY_NOTE, path=path))
    opened.warnings.extend(_location_warnings(location))
    if bind:
        database_proxy.initialize(db)
    return opened


def _open_server(url: str, *, create: bool, bind: bool) -> Database:
    db, created, migrated_from = server.open_server(url, create=create)
    shown = server.display_url(url)
    opened = Database(db, Path(shown), server.SERVER, server.LOCATION, created=created)
    opened.migrated_from = migrated_from
    opened.url = url
    if bind:
        database_proxy.initialize(db)
    return opened


READ_ONLY_NOTE = N_(
    "The database '{path}' is read-only (the file's permissions, or a read-only drive or "
    "share): it is opened for reading, and nothing can be saved."
)


def _migrate(opened: Database, existed: bool) -> None:
    db = opened.db
    version = migrations.schema_version(db)
    if version > migrations.latest_version():
        db.close()
        raise errors.NewerVersionError(opened.path, f"schema {version}")
    if version == migrations.latest_version():
        return
    if existed and version > 0:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = opened.path.with_name(f"{opened.path.stem}.v{version}-{stamp}.bak")
        backup_database(db, backup)
        opened.backup_path = backup
        opened.migrated_from = version
        logger.info("backed up %s to %s before migrating", opened.path, backup)
    elif existed and db.get_tables():
        db.close()
        raise errors.NotADatabaseError(opened.path, "an SQLite file of another program")
    migrations.migrate(db)
    if not existed or version == 0:
        _write_setting(db, "created_with", __version__)
        _write_setting(db, "created_at", dt.datetime.now().isoformat(timespec="seconds"))


def _write_setting(db: SqliteDatabase, key: str, value: str) -> None:
    # bind_ctx, not bind(): the query is built for `db`, whatever the models were bound to.
    with Setting.bind_ctx(db, bind_refs=False, bind_backrefs=False):
        Setting.insert(key=key, value=value).on_conflict(
            conflict_target=[Setting.key], update={Setting.value: value}
        ).execute()


def set_mode(opened: Database, mode: str) -> None:
    """Switch between local (WAL) and shared (rollback journal) mode; stored in the file."""
    if mode not in MODES:
        raise ValueError(mode)
    dialect(opened.db).apply_settings(opened.db, _SETTINGS[mode])
    _write_setting(opened.db, "mode", mode)
    opened.mode = mode


def _translate(exc: Exception, path: Path) -> errors.DatabaseError:
    text = str(exc).lower()
    if isinstance(exc, errors.DatabaseError):
        return exc
    if "not a database" in text or "file is encrypted" in text:
        return errors.NotADatabaseError(path)
    if "malformed" in text or "corrupt" in text:
        return errors.DamagedDatabaseError(path, str(exc))
    if "locked" in text or "busy" in text:
        return errors.DatabaseLockedError(path)
    if errors.is_disk_full(exc):
        return errors.DiskFullError(path)
    if "readonly" in text or "read-only" in text:
        return errors.ReadOnlyError(path)
    return errors.CannotOpenError(path, str(exc))


def _is_locked(exc: BaseException) -> bool:
    text = str(exc).lower()
    # SQLite: locked/busy; PostgreSQL: a lock wait that timed out, a deadlock, a serialisation
    # failure (the transaction is retried like a locked one).
    return any(w in text for w in ("locked", "busy", "lock timeout", "deadlock", "serialize"))


def check_identity(db: SqliteDatabase) -> None:
    """Raise FileReplacedError when the database file was replaced or removed since it was
    opened: writing on would go into a file that no one will ever open again."""
    known = getattr(db, "kehu_identity", None)
    path = getattr(db, "kehu_path", None)
    if known is not None and path is not None and probe.identity(path) != known:
        raise errors.FileReplacedError(path)


def write(db: SqliteDatabase, fn: Callable[[], T], *, attempts: int = 10) -> T:
    """Run `fn` in a short BEGIN IMMEDIATE transaction, retried with backoff while locked.

    Inside an outer transaction `fn` simply runs (in a savepoint). Never call this around a
    dialog: the file stays locked for the whole transaction. Before the transaction the file's
    identity is checked (a replaced file is not written); a full disk is reported as such.

    A front end that shows waiting sets `db.kehu_on_wait` (a callable taking True when the
    write has to wait for another user's lock, False when it is over): the first try then
    waits only `QUICK_TRY_MS`, so the wait is shown at once, and the long wait follows.
    """
    if db.in_transaction():
        with db.atomic():
            return fn()
    check_identity(db)
    on_wait = getattr(db, "kehu_on_wait", None)
    busy_ms = getattr(db, "kehu_busy_ms", None)
    quick = on_wait is not None and busy_ms is not None and busy_ms > QUICK_TRY_MS
    if quick:
        _busy_timeout(db, QUICK_TRY_MS)
    waiting = False
    try:
        return _write_retried(db, fn, attempts, quick=quick)
    except _QuickTryLocked:
        waiting = True
        on_wait(True)
        _busy_timeout(db, busy_ms)
        quick = False
        return _write_retried(db, fn, attempts, quick=False)
    finally:
        if quick:
            _busy_timeout(db, busy_ms)
        if waiting:
            on_wait(False)


class _QuickTryLocked(Exception):
    """The first, short try found the file locked by another user."""


QUICK_TRY_MS = 300


def _busy_timeout(db: SqliteDatabase, ms: int) -> None:
    dialect(db).apply_settings(db, {"busy_timeout": int(ms)})


def _write_retried(db: SqliteDatabase, fn: Callable[[], T], attempts: int, quick: bool) -> T:
    """The retry loop of `write`; with `quick`, the first locked try raises _QuickTryLocked."""
    delay = 0.02
    path = getattr(db, "kehu_path", None) or Path(db.database)
    for attempt in range(attempts):
        try:
            with db.atomic("IMMEDIATE"):
                if restore_under_way(path):  # checked holding the lock: see db.backup
                    raise errors.RestoreUnderWayError(path)
                return fn()
        except (OperationalError, sqlite3.OperationalError) as exc:
            if errors.is_disk_full(exc):
                raise errors.DiskFullError(path) from exc
            if "readonly" in str(exc).lower():
                raise errors.ReadOnlyError(path, str(exc)) from exc
            if not _is_locked(exc):
                raise
            if quick:
                raise _QuickTryLocked() from exc
            if attempt == attempts - 1:
                raise errors.DatabaseLockedError(path) from exc
            logger.info("database locked, retry %s in %.2fs", attempt + 1, delay)
            time.sleep(delay + random.uniform(0, delay))
            delay = min(delay * 2, 1.0)
        except OSError as exc:
            if errors.is_disk_full(exc):
                raise errors.DiskFullError(path) from exc
            raise
    raise AssertionError("unreachable")
