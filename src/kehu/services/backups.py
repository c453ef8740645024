"""Backups the user never has to think about: automatic, rotated, each verified, and listed.

Automatic backups go to the backups folder beside the database as
`NAME-auto-YYYYmmdd-HHMMSS.db`; `rotate` keeps the newest of each of the last `daily` days and
of each of the last `weekly` weeks, and never deletes a backup the user made by hand. Every
backup is verified after writing: opened read-only, `quick_check`, schema version.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from kehu.core.i18n import N_, UserError
from kehu.core.jobs import Job
from kehu.db import errors, migrations
from kehu.db.backup import backup_database, customer_count, remove_with_journals, verify_file
from kehu.db.connection import Database

logger = logging.getLogger(__name__)

AUTO = "auto"
_STAMP = re.compile(r"-(?:auto-)?(\d{8}-\d{6})\.(?:db|bak)$")


class ServerBackupsError(UserError):
    """Automatic (file) backups asked of a server database."""


AUTOMATIC_ON_SERVER = N_(
    "Automatic backups copy a database file; a server database is backed up on the server "
    "(pg_dump every night: docs/SERVER.md, Backups). File → Back up now writes a pg_dump "
    "backup from here."
)


def backup_folder(db_path: Path) -> Path:
    return db_path.parent / "backups"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: dt.datetime
    size: int
    customers: int | None  # None: the file cannot be read
    automatic: bool


def _taken_at(path: Path) -> dt.datetime:
    found = _STAMP.search(path.name)
    if found:
        try:
            return dt.datetime.strptime(found.group(1), "%Y%m%d-%H%M%S")
        except ValueError:
            pass
    return dt.datetime.fromtimestamp(path.stat().st_mtime)


def list_backups(db_path: Path, with_counts: bool = True) -> list[BackupInfo]:
    """The backups of this database (its backups folder, and the copies made before a
    migration beside it), newest first."""
    stem = db_path.stem
    candidates = list(backup_folder(db_path).glob(f"{stem}-*.db"))
    candidates += list(db_path.parent.glob(f"{stem}.v*.bak"))
    found = []
    for path in candidates:
        if not path.is_file() or path.name.endswith(".part"):
            continue
        found.append(
            BackupInfo(
                path,
                _taken_at(path),
                path.stat().st_size,
                customer_count(path) if with_counts else None,
                f"-{AUTO}-" in path.name,
            )
        )
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def verify(path: Path) -> None:
    """Raise DamagedDatabaseError unless the file opens read-only, passes quick_check and
    has a schema version this program knows."""
    try:
        version, result = verify_file(path, full=False)
    except Exception as exc:  # noqa: BLE001 - any failure to read makes it unusable
        raise errors.DamagedDatabaseError(path, str(exc)) from exc
    if result != "ok":
        raise errors.DamagedDatabaseError(path, result)
    if not 1 <= version <= migrations.latest_version():
        raise errors.DamagedDatabaseError(path, f"schema {version}")


def latest_good_backup(db_path: Path) -> BackupInfo | None:
    """The newest backup that verifies (the start-up offer for a damaged file)."""
    for info in list_backups(db_path):
        try:
            verify(info.path)
        except errors.DatabaseError:
            logger.warning("backup %s does not verify", info.path)
            continue
        return info
    return None


def automatic_backup(
    database: Database, daily: int = 7, weekly: int = 4, job: Job | None = None
) -> Path:
    """Write a verified automatic backup and rotate the automatic ones (files only: a
    server's backups are its own, ServerBackupsError)."""
    if database.is_server:
        raise ServerBackupsError(AUTOMATIC_ON_SERVER)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backup_folder(database.path) / f"{database.path.stem}-{AUTO}-{stamp}.db"
    backup_database(database.db, target, job)
    try:
        verify(target)
    except errors.DatabaseError:
        remove_with_journals(target)
        raise
    rotate(database.path, daily, weekly)
    logger.info("automatic backup %s", target)
    return target


def rotate(db_path: Path, daily: int, weekly: int, today: dt.date | None = None) -> list[Path]:
    """Delete the automatic backups that are not the newest of one of the last `daily` days
    or of one of the last `weekly` ISO weeks; returns those deleted."""
    today = today or dt.date.today()
    autos = [b for b in list_backups(db_path, with_counts=False) if b.automatic]
    keep: set[Path] = set()
    days: set[dt.date] = set()
    weeks: set[tuple[int, int]] = set()
    for info in autos:  # newest first
        day = info.taken_at.date()
        week = tuple(day.isocalendar())[:2]
        if day not in days and (today - day).days < daily:
            days.add(day)
            keep.add(info.path)
        if week not in weeks and (today - day).days < weekly * 7:
            weeks.add(week)
            keep.add(info.path)
    if autos:
        keep.add(autos[0].path)  # the newest always stays
    deleted = [b.path for b in autos if b.path not in keep]
    for path in deleted:
        remove_with_journals(path)
    return deleted


def last_automatic(db_path: Path) -> dt.datetime | None:
    autos = [b for b in list_backups(db_path, with_counts=False) if b.automatic]
    return autos[0].taken_at if autos else None
