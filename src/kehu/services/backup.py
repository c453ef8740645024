"""Backup and restore of the whole database file (SQLite backup API, never a file copy).

Both take a `kehu.core.jobs.Job`: progress in pages, and a cancel that leaves nothing behind
(no partial backup, no `*.part-journal`; a cancelled restore leaves the database as it was).
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from kehu.core import rights
from kehu.core.i18n import N_, UserError
from kehu.core.jobs import Job, no_job
from kehu.db import errors, migrations, server, server_dump
from kehu.db.backup import (
    backup_database,
    copy_file,
    remove_with_journals,
    restore_in_place,
    restore_mark,
    verify_file,
)
from kehu.db.connection import SQLITE_HEADER, Database, write
from kehu.db.models import User
from kehu.services import audit


class ServerRestoreError(UserError):
    """Restoring over a server database: that is PostgreSQL's pg_restore, on the server."""


RESTORE_ON_SERVER = N_(
    "A server database is not restored from kehu: an administrator restores a pg_dump backup "
    "on the server with PostgreSQL's pg_restore (docs/SERVER.md, Backups). kehu's restore "
    "puts a backup in place of a database file."
)

KEEP_STAGE = N_("Keeping the current database")
RESTORE_STAGE = N_("Restoring")


def default_backup_path(db_path: Path) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return db_path.parent / "backups" / f"{db_path.stem}-{stamp}.db"


def backup(
    database: Database, target: Path | None = None, job: Job | None = None, *, by: User | None
) -> Path:
    """Back up the open database to `target` (default: a backups folder beside it), verified.
    Administrators only (`rights.Action.BACKUP`): a copy holds every owner's customers."""
    rights.check(by, rights.Action.BACKUP)
    if database.is_server:  # PostgreSQL's own backup
        target = target or server_backup_path(database)
        server_dump.dump(database.url, target)
        write(database.db, lambda: audit.record(by, "backup", None, None, str(target)))
        return target
    target = target or default_backup_path(database.path)
    backup_database(database.db, target, job)
    _version, integrity = verify_file(target)
    if integrity != "ok":
        raise errors.DamagedDatabaseError(target, integrity)
    write(database.db, lambda: audit.record(by, "backup", None, None, str(target)))
    return target


def server_backup_path(database: Database) -> Path:
    """Where a server database's dump goes by default: the user's data folder."""
    from kehu.config import data_dir

    name = database.url.split("?")[0].rsplit("/", 1)[-1] or "kehu"
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return data_dir() / "backups" / f"{name}-{stamp}.dump"


def check_restorable(target: Path | str) -> None:
    """Raise ServerRestoreError when `target` is a server database (pg_restore's work)."""
    if server.is_url(str(target)):
        raise ServerRestoreError(RESTORE_ON_SERVER)


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


def restore(
    source: Path,
    target: Path | str,
    job: Job | None = None,
    *,
    by: User | None,
    damaged: bool = False,
) -> Restored:
    """Put a verified copy of `source` in place of the database at `target`; the current file
    is kept aside first. Administrators only (`rights.Action.RESTORE`), checked before
    anything is read; `damaged=True` (the start-up offer for a file nobody can open, so
    nobody can sign in to it) needs no user.

    The restore writes into the existing file through the backup API (`restore_in_place`),
    so a window open on it is not left writing to a deleted file: it waits for the moment of
    the copy and then sees the restored data. The mode stored in `target` stays (it belongs
    to where the file lives, not to the backup). Cancelled (`job`) before the copy starts,
    nothing changes: the copy kept aside and the staged copy are removed.
    """
    check_restorable(target)
    target = Path(target)
    if not damaged:
        rights.check(by, rights.Action.RESTORE)
    job = job or no_job()
    verify_backup(source)
    staged = target.with_name(target.name + ".restoring")
    existed = target.exists() and target.stat().st_size > 0
    if not existed:
        try:
            copy_file(source, staged, job, RESTORE_STAGE)
            staged.replace(target)
        finally:
            remove_with_journals(staged)
        return Restored(target, None)
    with restore_mark(target):
        return _restore_over(source, target, staged, job)


def _restore_over(source: Path, target: Path, staged: Path, job: Job) -> Restored:
    kept = None
    try:
        copy_file(source, staged, job, RESTORE_STAGE)
        kept = target.with_name(
            f"{target.stem}.before-restore-{dt.datetime.now():%Y%m%d-%H%M%S}{target.suffix}"
        )
        damaged = _keep_aside(target, kept, job)
        if not damaged:
            _keep_setting(staged, "mode", _setting(kept, "mode"))
        job.check()  # the last moment a cancel leaves the database as it was
    except BaseException:
        remove_with_journals(staged)
        if kept is not None:
            remove_with_journals(kept)
        raise
    try:
        if damaged:  # nobody can have it open: the file itself is replaced
            for suffix in ("-wal", "-shm", "-journal"):
                Path(f"{target}{suffix}").unlink(missing_ok=True)
            staged.replace(target)
        else:
            restore_in_place(staged, target, job, RESTORE_STAGE)
    finally:
        remove_with_journals(staged)
    return Restored(target, kept)


def _keep_aside(target: Path, kept: Path, job: Job) -> bool:
    """Copy the current file aside; returns True when it is damaged (copied byte for byte,
    since SQLite cannot read it page by page)."""
    try:
        copy_file(target, kept, job, KEEP_STAGE, read_only=False)
        return False
    except sqlite3.DatabaseError:
        remove_with_journals(kept)
        shutil.copyfile(target, kept)
        return True


def _setting(path: Path | None, key: str) -> str | None:
    if path is None:
        return None
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def _keep_setting(path: Path, key: str, value: str | None) -> None:
    """Write a setting into the staged copy (before it goes in place)."""
    if value is None:
        return
    conn = sqlite3.connect(path)
    try:
        with conn:
            conn.execute("UPDATE setting SET value = ? WHERE key = ?", (value, key))
    except sqlite3.Error as exc:
        if errors.is_disk_full(exc):
            raise errors.DiskFullError(path) from exc
        raise
    finally:
        conn.close()
