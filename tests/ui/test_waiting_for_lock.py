"""A save that waits for another user's lock shows it at once (issue 12, point 1): a busy
cursor and a status message while it waits, both gone when the save is done."""

from __future__ import annotations

import sqlite3
import threading

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from kehu.db.models import Customer


def test_a_save_waiting_for_another_users_lock_shows_a_busy_cursor(
    qtbot, window, customers, db_path
):
    seen: list[tuple[bool, object, str]] = []

    def on_waiting(waiting: bool) -> None:
        cursor = QGuiApplication.overrideCursor()
        seen.append(
            (waiting, cursor.shape() if cursor else None, window.statusBar().currentMessage())
        )

    window.session.waiting.connect(on_waiting)
    card = window.open_card(customers["bj"])
    card.editors["problems"].set_text("等了一会儿才保存")

    other = sqlite3.connect(db_path, timeout=5, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # another user's save holds the file
    release = threading.Timer(1.0, other.commit)
    release.start()
    try:
        assert card.save() is not False
    finally:
        release.join()
        other.close()

    assert seen[0][0] is True and seen[0][1] == Qt.CursorShape.WaitCursor
    assert "等待" in seen[0][2]
    assert seen[-1][0] is False
    assert QGuiApplication.overrideCursor() is None
    assert "等待" not in window.statusBar().currentMessage()
    assert Customer.get_by_id(customers["bj"]).problems == "等了一会儿才保存"


def test_a_save_without_waiting_changes_no_cursor(qtbot, window, customers):
    seen: list[bool] = []
    window.session.waiting.connect(seen.append)
    card = window.open_card(customers["sh"])
    card.editors["problems"].set_text("马上保存")
    assert card.save() is not False
    assert seen == []
    assert Customer.get_by_id(customers["sh"]).problems == "马上保存"
