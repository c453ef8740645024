"""Paths of the user's data and logs, and logging setup."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from platformdirs import user_data_path, user_log_path

APP_NAME = "kehu"
DB_FILENAME = "kehu.db"


def data_dir() -> Path:
    override = os.environ.get("KEHU_DATA_DIR")
    return Path(override) if override else user_data_path(APP_NAME, appauthor=False)


def log_dir() -> Path:
    override = os.environ.get("KEHU_LOG_DIR")
    return Path(override) if override else user_log_path(APP_NAME, appauthor=False)


def default_database_path() -> Path:
    return Path(os.environ.get("KEHU_DB") or data_dir() / DB_FILENAME)


def setup_logging(verbose: bool = False) -> Path:
    """One rotating log file in the user log folder; returns its path."""
    folder = log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "kehu.log"
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    return path
