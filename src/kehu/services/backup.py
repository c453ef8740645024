"""Backup and restore of the whole database file (SQLite backup API, never a file copy)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from kehu.db import errors, migrations
from kehu.db.backup import backup_database, verify_file
from kehu.db.connection import SQLITE_HEADER, Database


def default_backup_path(db_path: Path) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return db_path.parent / "backups" / f"{db_path.stem}-{stamp}.db"


def backup(database: Database, target: Path | None = None) -> Path:
    target = target or default_backup_path(database.path)
    backup_database(database.db, target)
    _version, integrity = verify_file(target)
    if integrity != "ok":
        raise errors.DamagedDatabaseError(target, integrity)
    return target


@dataclass
class Restored:
    path: Path
    kept: Path | None


def verify_backup(source: Path) -> int:
    """Check a backup before anything is replaced; returns its schema version."""
    try:
        with open(source, "rb") as handle:
            if handle.read(16) != SQLITE_HEADER:
                raise errors.NotADatabaseError(source)
        version, integrity = verify_file(source)
    except OSError as exc:
        raise errors.CannotOpenError(source, str(exc)) from exc
    except sqlite3.DatabaseError as exc:
        raise errors.DamagedDatabaseError(source, str(exc)) from exc
    if integrity != "ok":
        raise errors.DamagedDatabaseError(source, integrity)
    if version > migrations.latest_version():
        raise errors.NewerVersionError(source, f"schema {version}")
    if version < 1:
        raise errors.NotADatabaseError(source)
    return version


def restore(source: Path, target: Path) -> Restored:
    """Replace `target` with a verified copy of `source`; the current file is kept aside.

    The database at `target` must not be open in this process.
    """
    verify_backup(source)
    kept = None
    if target.exists() and target.stat().st_size > 0:
        kept = target.with_name(
            f"{target.stem}.before-restore-{dt.datetime.now():%Y%m%d-%H%M%S}{target.suffix}"
        )
        current = sqlite3.connect(target)
        try:
            _copy(current, kept)
        finally:
            current.close()
    partial = target.with_name(target.name + ".restoring")
    src = sqlite3.connect(f"file:{source.absolute()}?mode=ro", uri=True)
    try:
        _copy(src, partial)
    finally:
        src.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    partial.replace(target)
    return Restored(target, kept)


def _copy(connection: sqlite3.Connection, destination: Path) -> None:
    destination.unlink(missing_ok=True)
    out = sqlite3.connect(destination)
    try:
        connection.backup(out)
        out.execute("PRAGMA journal_mode=DELETE")
    finally:
        out.close()
