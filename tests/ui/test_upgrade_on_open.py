"""Opening a file of an older schema from the window: the backup and the upgrade run off the
UI thread behind a busy dialog (a large file takes a minute), and a failed upgrade is said in
the user's language with the file as it was."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from kehu.db import migrations
from kehu.db.models import Customer
from kehu.services.workspace import needs_upgrade
from kehu.ui import application

OLD = Path(__file__).parents[1] / "data" / "schema_v8.db"


def test_an_old_file_is_upgraded_off_the_ui_thread_and_opens(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    shutil.copy(OLD, path)
    assert needs_upgrade(path) == 8
    threads = []
    real = migrations.migrate

    def migrate(db, target=None):
        threads.append(threading.current_thread())
        return real(db, target)

    monkeypatch.setattr(migrations, "migrate", migrate)
    opened = application._open(str(path), "zh_CN", None)
    assert opened is not None
    assert threads and threads[0] is not threading.main_thread()
    assert migrations.schema_version(opened.database.db) == migrations.latest_version()
    assert Customer.select().count() > 0  # the main thread reads the upgraded file
    assert needs_upgrade(path) is None
    assert list(tmp_path.glob("old.v8-*.bak"))  # the backup copy made first
    opened.database.close()


def test_a_failed_upgrade_says_so_and_leaves_the_file_as_it_was(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    shutil.copy(OLD, path)
    before = _contents(path)

    def broken(db, target=None):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(migrations, "migrate", broken)
    said = []
    monkeypatch.setattr(
        QMessageBox, "critical", lambda parent, title, text, *a: said.append((title, text))
    )
    assert application._open(str(path), "zh_CN", None) is None
    assert said and "磁盘已满" in said[0][1], said  # the message in the user's language
    assert needs_upgrade(path) == 8 and _contents(path) == before


def _contents(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT * FROM customer ORDER BY id").fetchall()
