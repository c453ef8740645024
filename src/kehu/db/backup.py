"""Copies of a database through the SQLite backup API: consistent even while other connections
write and while WAL holds committed pages outside the main file (a file copy would miss them).

A copy is written to `NAME.part` and renamed when complete; progress is reported in pages
through a `kehu.core.jobs.Job`, and a cancelled or failed copy removes its partial file and
the journals beside it. (The PostgreSQL server mode backs up with pg_dump instead.)
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from peewee import Database

from kehu.core.i18n import N_
from kehu.core.jobs import Cancelled, Job, no_job
from kehu.db import errors

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
    except BaseException as exc:
        remove_with_journals(partial)
        if errors.is_disk_full(exc):
            raise errors.DiskFullError(destination) from exc
        raise
    return destination


def restore_in_place(source: Path, target: Path, job: Job, stage: str) -> None:
    """Write the database file `source` over `target` page by page through the backup API,
    inside one write transaction on `target`: its file (its identity, its journal mode) stays,
    other connections wait for the lock and then see the restored content (their
    `data_version` moves), and a failure rolls `target` back as it was."""
    reader = sqlite3.connect(f"{source.absolute().as_uri()}?mode=ro", uri=True)
    writer = sqlite3.connect(target, timeout=60)
    job.stage(stage)

    def progress(_status: int, remaining: int, total: int) -> None:
        with contextlib.suppress(Cancelled):  # past the last moment a cancel changes nothing
            job.progress(total - remaining, total)

    try:
        writer.execute("PRAGMA busy_timeout=60000")
        reader.backup(writer, pages=PAGES_PER_STEP, progress=progress)
    except sqlite3.Error as exc:
        if errors.is_disk_full(exc):
            raise errors.DiskFullError(target) from exc
        raise
    finally:
        reader.close()
        writer.close()


RESTORE_MARK = ".restore-under-way"  # beside the database while a restore writes into it
STALE_MARK_SECONDS = 15 * 60


@contextlib.contextmanager
def restore_mark(target: Path) -> Iterator[None]:
    """Tell other kehu programs that a restore is under way: from the moment the current file
    is copied aside until the backup is in place, their writes are refused (checked inside
    their write transaction, `restore_under_way`), so no save they report falls between the
    copy kept aside and the restored file."""
    mark = Path(f"{target}{RESTORE_MARK}")
    mark.write_text(json.dumps({"host": socket.gethostname(), "pid": os.getpid()}))
    try:
        _wait_for_writers(target)
        yield
    finally:
        mark.unlink(missing_ok=True)


def _wait_for_writers(target: Path) -> None:
    """Take and give back the write lock: a write that began before the mark existed (and so
    did not see it) is committed before the current file is copied aside."""
    conn = sqlite3.connect(target, timeout=60, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
    except sqlite3.DatabaseError:  # a damaged file: nobody writes to it
        pass
    finally:
        conn.close()


def restore_under_way(target: str | Path) -> bool:
    """Whether another program is restoring into `target` now (a mark left by a restore that
    was killed is stale: its process is gone, or it is older than a quarter of an hour)."""
    mark = Path(f"{target}{RESTORE_MARK}")
    try:
        facts = json.loads(mark.read_text() or "{}")
        age = time.time() - mark.stat().st_mtime
    except (OSError, ValueError):
        return False
    if facts.get("pid") == os.getpid() and facts.get("host") == socket.gethostname():
        return False  # this process restores: its own writes go on
    if facts.get("host") == socket.gethostname():
        try:
            os.kill(int(facts["pid"]), 0)
        except ProcessLookupError:
            return False
        except (OSError, KeyError, ValueError):
            pass
    return age < STALE_MARK_SECONDS


def remove_with_journals(path: Path) -> None:
    """Remove a database file and the journal, WAL and shared-memory files beside it."""
    for name in (str(path), *(f"{path}{suffix}" for suffix in _SIDE_FILES)):
        with contextlib.suppress(FileNotFoundError):
            Path(name).unlink()


def verify_file(path: str | Path, full: bool = True) -> tuple[int, str]:
    """Open a file read-only and return (schema version, integrity_check result; with
    `full=False` the quicker quick_check, for the automatic backups)."""
    uri = f"{Path(path).absolute().as_uri()}?mode=ro"
    conn = sqlite3.connect(uri, uri=True)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        check = "integrity_check" if full else "quick_check"
        result = conn.execute(f"PRAGMA {check}").fetchone()[0]
        return version, result
    finally:
        conn.close()


def customer_count(path: str | Path) -> int | None:
    """Customers in a backup file (read-only), None when it cannot be read."""
    try:
        conn = sqlite3.connect(f"{Path(path).absolute().as_uri()}?mode=ro", uri=True)
        try:
            return conn.execute('SELECT COUNT(*) FROM "customer"').fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return None
