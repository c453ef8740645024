"""Start-up order: the list first, background work after it; the deferred file check."""

from __future__ import annotations

import sqlite3
import threading

from PySide6.QtWidgets import QMessageBox

from kehu.db import connection
from kehu.services import dossiers
from kehu.services.workspace import open_workspace
from kehu.ui.application import check_in_background, open_session_window
from kehu.ui.tasks import TaskRunner


def test_held_runner_starts_only_urgent_tasks_until_released(qtbot, qapp):
    runner = TaskRunner(threads=2)
    ran: list[str] = []
    lock = threading.Lock()

    def job(name: str):
        def work(_report) -> str:
            with lock:
                ran.append(name)
            return name

        return work

    runner.hold()
    released: list[bool] = []
    runner.when_released(lambda: released.append(True))
    runner.start(job("counts"))
    runner.start(job("list"), urgent=True)
    assert runner.wait(5_000)
    assert ran == ["list"] and not released
    runner.release()
    assert runner.wait(5_000)
    assert sorted(ran) == ["counts", "list"] and released == [True]
    assert not runner.is_held
    runner.when_released(lambda: released.append(True))  # not held: called at once
    assert released == [True, True]


def test_window_releases_background_work_after_the_list(qtbot, window, customers, loaded):
    window.refresh()
    loaded(window)
    assert not window.session.tasks.is_held
    assert window.categories.model.rowCount() > 0
    today = window.route_views.today_panel
    qtbot.waitUntil(lambda: today.report is not None, timeout=10_000)


def _damage(path) -> None:
    """Break the root page of a table the window never reads (the change history)."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=delete")  # fold the WAL into the file
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name='field_change'").fetchone()
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(path, "r+b") as handle:
        handle.seek((root[0] - 1) * page_size)
        handle.write(b"\xff" * 8)


def _open_window(qtbot, path):
    workspace = open_workspace(path, lang="zh_CN")
    window = open_session_window(workspace, workspace.user)
    qtbot.addWidget(window)
    window.show()
    return workspace, window


def test_damaged_big_file_is_reported_after_the_window_shows(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "big.db"
    workspace = open_workspace(path, lang="zh_CN")
    dossiers.create({"name": "北京海淀科技有限公司"}, workspace.user)
    workspace.database.close()
    _damage(path)
    monkeypatch.setattr(connection, "QUICK_CHECK_MAX_BYTES", 0)  # every file counts as big
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    workspace, window = _open_window(qtbot, path)  # opening does not read the whole file
    try:
        assert workspace.database.check_deferred
        check = check_in_background(window)
        assert check is not None
        qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=10_000)
        qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
        assert len(shown) == 1
        assert str(workspace.database.path) in shown[0]
        assert "损坏" in shown[0] or "damaged" in shown[0]
    finally:
        window.close()
        workspace.database.close()


def test_sound_big_file_passes_quietly(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "big.db"
    workspace = open_workspace(path, lang="zh_CN")
    dossiers.create({"name": "上海浦东贸易有限公司"}, workspace.user)
    workspace.database.close()
    monkeypatch.setattr(connection, "QUICK_CHECK_MAX_BYTES", 0)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    workspace, window = _open_window(qtbot, path)
    try:
        check = check_in_background(window)
        assert check is not None
        with qtbot.waitSignal(check.passed, timeout=10_000):
            pass
        assert shown == []
    finally:
        window.close()
        workspace.database.close()


def test_small_file_is_checked_on_open_not_later(qtbot, workspace, user, customers):
    window = open_session_window(workspace, user)
    qtbot.addWidget(window)
    assert not workspace.database.check_deferred
    assert check_in_background(window) is None


def test_today_dock_is_narrow_by_default(qtbot, workspace, user):
    from PySide6.QtCore import Qt

    main = open_session_window(workspace, user)
    qtbot.addWidget(main)
    main.resize(1360, 820)  # the default size
    main.show()
    dock = main.route_views.today_dock
    assert main.dockWidgetArea(dock) == Qt.DockWidgetArea.RightDockWidgetArea
    qtbot.waitUntil(lambda: 0 < dock.width() <= 0.3 * main.width())  # it took half before
    assert main.list_view.width() > 1.5 * dock.width()
    main.close()


def test_the_users_dock_width_is_remembered(qtbot, workspace, user):
    from PySide6.QtCore import Qt

    first = open_session_window(workspace, user)
    qtbot.addWidget(first)
    first.resize(780, 560)  # fits the offscreen screen, so the geometry is restored as is
    first.show()
    dock = first.route_views.today_dock
    qtbot.waitUntil(lambda: 0 < dock.width() < 280)
    # The user widens it (as far as the list's minimum width allows in either language).
    first.resizeDocks([dock], [295], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: dock.width() >= 290)
    first.close()  # remembers the layout
    second = open_session_window(workspace, user)
    qtbot.addWidget(second)
    second.show()
    wide = second.route_views.today_dock
    qtbot.waitUntil(lambda: wide.width() >= 290, timeout=5_000)
    second.close()
