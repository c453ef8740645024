"""Copies of a database through the SQLite backup API: consistent even while other connections
write and while WAL holds committed pages outside the main file (a file copy would miss them).

A copy is written to `NAME.part` and renamed when complete; progress is reported in pages
through a `kehu.core.jobs.Job`, and a cancelled or failed copy removes its partial file and
the journals beside it. (The PostgreSQL server mode backs up with pg_dump instead.)
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from peewee import Database

from kehu.core.i18n import N_
from kehu.core.jobs import Job, no_job

PAGES_PER_STEP = 4096
BACKUP_STAGE = N_("Backing up")
_SIDE_FILES = ("-journal", "-wal", "-shm")


def backup_database(db: Database, destination: str | Path, job: Job | None = None) -> Path:
    """Copy the open database `db` to `destination` (replaced when the copy is complete)."""
    return copy_connection(db.connection(), Path(destination), job or no_job(), BACKUP_STAGE)


def copy_file(
    source: Path, destination: Path, job: Job | None = None, stage: str = "", read_only: bool = True
) -> Path:
    """Copy the database file `source` to `destination`. A file that may have a WAL of its
    own (the user's database, not open in this process) is opened with `read_only=False`, so
    that its committed WAL pages are read and the WAL is checkpointed when it closes."""
    if read_only:
        connection = sqlite3.connect(f"file:{source.absolute()}?mode=ro", uri=True)
    else:
        connection = sqlite3.connect(source)
    try:
        return copy_connection(connection, destination, job or no_job(), stage)
    finally:
        connection.close()


def copy_connection(
    connection: sqlite3.Connection, destination: Path, job: Job, stage: str
) -> Path:
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".part")
    remove_with_journals(partial)
    job.stage(stage)

    def progress(_status: int, remaining: int, total: int) -> None:
        job.progress(total - remaining, total)  # raises Cancelled: the backup API stops

    try:
        target = sqlite3.connect(partial)
        try:
            connection.backup(target, pages=PAGES_PER_STEP, progress=progress)
            job.check()
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()
        partial.replace(destination)
    except BaseException:
        remove_with_journals(partial)
        raise
    return destination


def remove_with_journals(path: Path) -> None:
    """Remove a database file and the journal, WAL and shared-memory files beside it."""
    for name in (str(path), *(f"{path}{suffix}" for suffix in _SIDE_FILES)):
        with contextlib.suppress(FileNotFoundError):
            Path(name).unlink()


def verify_file(path: str | Path) -> tuple[int, str]:
    """Open a file read-only and return (schema version, integrity_check result)."""
    uri = f"file:{Path(path).absolute()}?mode=ro"
    conn = sqlite3.connect(uri, uri=True)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        return version, result
    finally:
        conn.close()
