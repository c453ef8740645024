"""Backup and restore of the whole database file (SQLite backup API, never a file copy).

Both take a `kehu.core.jobs.Job`: progress in pages, and a cancel that leaves nothing behind
(no partial backup, no `*.part-journal`; a cancelled restore leaves the database as it was).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from kehu.core import rights
from kehu.core.i18n import N_
from kehu.core.jobs import Job, no_job
from kehu.db import errors, migrations
from kehu.db.backup import backup_database, copy_file, remove_with_journals, verify_file
from kehu.db.connection import SQLITE_HEADER, Database, write
from kehu.db.models import User
from kehu.services import audit

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
    target = target or default_backup_path(database.path)
    backup_database(database.db, target, job)
    _version, integrity = verify_file(target)
    if integrity != "ok":
        raise errors.DamagedDatabaseError(target, integrity)
    write(database.db, lambda: audit.record(by, "backup", None, None, str(target)))
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


def restore(source: Path, target: Path, job: Job | None = None, *, by: User | None) -> Restored:
    """Replace `target` with a verified copy of `source`; the current file is kept aside.
    Administrators only (`rights.Action.RESTORE`), checked before anything is read.

    The database at `target` must not be open in this process. Cancelled (`job`), nothing
    changes: the copy kept aside and the partial copy are removed, `target` stays.
    """
    rights.check(by, rights.Action.RESTORE)
    job = job or no_job()
    verify_backup(source)
    kept = None
    partial = target.with_name(target.name + ".restoring")
    try:
        if target.exists() and target.stat().st_size > 0:
            kept = target.with_name(
                f"{target.stem}.before-restore-{dt.datetime.now():%Y%m%d-%H%M%S}{target.suffix}"
            )
            copy_file(target, kept, job, KEEP_STAGE, read_only=False)
        copy_file(source, partial, job, RESTORE_STAGE)
        job.check()  # the last moment a cancel leaves the database as it was
    except BaseException:
        remove_with_journals(partial)
        if kept is not None:
            remove_with_journals(kept)
        raise
    for suffix in ("-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    partial.replace(target)
    return Restored(target, kept)
