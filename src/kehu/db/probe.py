"""What a file is, found out without changing it: opening reads first, and writes only to a
file it knows is a kehu database (DESIGN §2.1; issue 12, point 7).

`inspect` reads the SQLite header, then the schema version, the table names and the stored
mode through a read-only connection. A file of another program, an empty file or one from a
newer kehu is refused before any PRAGMA that could change it (such as the journal mode).
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from kehu.db import errors

SQLITE_HEADER = b"SQLite format 3\x00"
KEHU_TABLES = frozenset({"customer", "setting"})  # present from schema 1 on
MODES = ("local", "shared")


@dataclass(frozen=True)
class FileFacts:
    path: Path
    exists: bool
    schema_version: int = 0
    tables: frozenset[str] = frozenset()
    stored_mode: str | None = None
    writable: bool = True
    read_uri: str = ""  # how a read-only connection opens it

    @property
    def blank(self) -> bool:
        """An SQLite file with nothing in it yet (a new database being created)."""
        return self.schema_version == 0 and not self.tables


def inspect(path: Path, newest_version: int) -> FileFacts:
    """The facts about `path`, read without changing the file.

    Raises `EmptyFileError`, `NotADatabaseError`, `NewerVersionError`, `DamagedDatabaseError`
    or `CannotOpenError`; a path that does not exist gives `FileFacts(exists=False)`.
    """
    if not path.exists():
        if path.is_symlink():
            raise errors.CannotOpenError(path, "a link to a file that does not exist")
        return FileFacts(path, exists=False)
    if path.is_dir():
        raise errors.NotADatabaseError(path, "a folder")
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise errors.CannotOpenError(path, str(exc)) from exc
    if not header:
        raise errors.EmptyFileError(path)
    if not header.startswith(SQLITE_HEADER) or len(header) < 100:
        raise errors.NotADatabaseError(path)
    writable = is_writable(path)
    uri, (version, tables, mode) = _read_schema(path, writable)
    facts = FileFacts(path, True, version, tables, mode, writable, uri)
    if version == 0 and tables:
        raise errors.NotADatabaseError(path, "an SQLite file of another program")
    if version > 0 and not tables >= KEHU_TABLES:
        raise errors.NotADatabaseError(path, "an SQLite file of another program")
    if version > newest_version:
        raise errors.NewerVersionError(path, f"schema {version}")
    return facts


def read_only_uri(path: Path, immutable: bool = False) -> str:
    """The URI of a read-only connection; `immutable` for a WAL file on a drive where its
    shared-memory file cannot be made (nothing can write there, so nothing changes it)."""
    return f"{path.absolute().as_uri()}?{'immutable=1' if immutable else 'mode=ro'}"


def _read_schema(path: Path, writable: bool) -> tuple[str, tuple[int, frozenset[str], str | None]]:
    """Schema version, table names and stored mode, read through a read-only connection
    (and the URI that opened it).

    A file whose last writer died keeps a hot journal that only a writer can roll back: then
    (only with its journal beside it) a plain connection reads, which rolls the journal back
    as any SQLite open would; no setting is changed.
    """
    uri = read_only_uri(path)
    try:
        return uri, _read_with(sqlite3.connect(uri, uri=True))
    except sqlite3.DatabaseError as exc:
        text = str(exc).lower()
        if "readonly" in text or "read-only" in text or "unable to open" in text:
            hot = any(Path(f"{path}{s}").exists() for s in ("-journal", "-wal"))
            try:
                if hot and writable:
                    return uri, _read_with(sqlite3.connect(path, timeout=15))
                if not writable and not Path(f"{path}-wal").exists():
                    uri = read_only_uri(path, immutable=True)
                    return uri, _read_with(sqlite3.connect(uri, uri=True))
            except sqlite3.DatabaseError as again:
                raise _refusal(path, again) from again
        raise _refusal(path, exc) from exc


def _read_with(conn: sqlite3.Connection) -> tuple[int, frozenset[str], str | None]:
    try:
        conn.execute("PRAGMA busy_timeout=15000")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = frozenset(
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        )
        mode = None
        if "setting" in tables:
            row = conn.execute("SELECT value FROM setting WHERE key = 'mode'").fetchone()
            mode = row[0] if row and row[0] in MODES else None
        return version, tables, mode
    finally:
        conn.close()


def _refusal(path: Path, exc: sqlite3.DatabaseError) -> errors.DatabaseError:
    text = str(exc).lower()
    if "not a database" in text or "encrypted" in text:
        return errors.NotADatabaseError(path)
    if "malformed" in text or "corrupt" in text:
        return errors.DamagedDatabaseError(path, str(exc))
    if "locked" in text or "busy" in text:
        return errors.DatabaseLockedError(path)
    return errors.CannotOpenError(path, str(exc))


def is_writable(path: Path) -> bool:
    """Whether the file can be written and journals created beside it (a read-only file, a
    read-only mount or share, a folder without write access: False). Tries to open the file
    for writing (which changes nothing), so that it also holds for the superuser."""
    try:
        handle = os.open(path, os.O_RDWR)
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return False
        raise errors.CannotOpenError(path, str(exc)) from exc
    os.close(handle)
    return os.access(path.parent, os.W_OK)


def identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of the file, None when it is gone: a file replaced by a rename or a
    copy from elsewhere has another identity; a restore in place keeps it."""
    with contextlib.suppress(OSError):
        found = os.stat(path)
        return found.st_dev, found.st_ino
    return None
