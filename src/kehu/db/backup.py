"""Backups through the SQLite backup API: consistent even while other connections write and
while WAL holds committed pages outside the main file (a file copy would miss them)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from peewee import SqliteDatabase


def backup_database(db: SqliteDatabase, destination: str | Path) -> Path:
    destination = Path(destination)
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".part")
    partial.unlink(missing_ok=True)
    target = sqlite3.connect(partial)
    try:
        db.connection().backup(target, pages=4096)
        target.execute("PRAGMA journal_mode=DELETE")
    finally:
        target.close()
    partial.replace(destination)
    return destination


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
