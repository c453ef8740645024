"""Backups and restore from the window, check and repair, and a damaged file at start
(issue 12, points 2, 3 and 5), driven through the real widgets."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys

from PySide6.QtWidgets import QDialog, QMessageBox

from kehu.db import probe
from kehu.db.models import Customer
from kehu.services import backup, backups, dossiers
from kehu.ui import application
from kehu.ui.dialogs import restore_dialog, start_problem_dialog
from kehu.ui.dialogs.check_dialog import CheckDialog


def test_back_up_now_writes_a_verified_backup(qtbot, window, customers, db_path):
    window.backup_action.trigger()
    folder = backups.backup_folder(db_path)
    qtbot.waitUntil(lambda: "备份" in window.statusBar().currentMessage(), timeout=10_000)
    (made,) = backups.list_backups(db_path)
    assert made.path.parent == folder and made.customers == len(customers)
    backups.verify(made.path)


def test_restore_from_the_window_reopens_with_the_backup(
    qtbot, window, customers, db_path, user, monkeypatch
):
    saved = backup.backup(window.session.database, None, by=user)
    dossiers.create({"name": "备份之后新建的客户"}, user)
    identity = probe.identity(db_path)

    def accept(dialog):
        dialog.chosen = saved
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(restore_dialog.RestoreDialog, "exec", accept)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.restore_action.trigger()
    reopened = window.replaced_by
    assert reopened is not None and reopened is not window
    qtbot.addWidget(reopened)
    qtbot.waitUntil(lambda: not reopened.model.is_loading, timeout=10_000)
    names = {c.name for c in Customer.select()}
    assert "备份之后新建的客户" not in names and len(names) == len(customers)
    assert probe.identity(db_path) == identity  # the same file, written in place
    assert list(db_path.parent.glob("kehu.before-restore-*.db"))
    reopened.close()


def test_a_restore_by_another_program_reaches_the_open_window(
    qtbot, window, customers, db_path, user
):
    """The finding: `kehu restore` with the window open; the window's saves went nowhere."""
    saved = backup.backup(window.session.database, None, by=user)
    later = dossiers.create({"name": "恢复之前的客户"}, user)
    window.refresh()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run(
        [sys.executable, "-m", "kehu", "--db", str(db_path), "restore", str(saved), "--quiet"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: later not in set(window.model.ids()), timeout=10_000)
    assert not window.session.lost  # the same file: nothing to reopen
    card = window.open_card(customers["bj"])
    card.editors["problems"].set_text("恢复之后在窗口里保存")
    assert card.save()
    conn = sqlite3.connect(db_path)  # the save is in the file on disk, not in a deleted one
    stored = conn.execute("SELECT problems FROM customer WHERE id = ?", (customers["bj"],))
    assert stored.fetchone()[0] == "恢复之后在窗口里保存"
    conn.close()


def test_check_dialog_names_problems_and_repair_fixes_them(qtbot, window, customers):
    db = window.session.database.db
    db.execute_sql("DROP INDEX customer_code")
    db.execute_sql('DELETE FROM "search_key"')
    dialog = CheckDialog(window.session, window)
    qtbot.addWidget(dialog)
    text = dialog.details.toPlainText()
    assert "customer_code" in text and "没有搜索键" in text
    assert dialog.repair_button.isEnabled()
    dialog.repair_button.click()
    qtbot.waitUntil(lambda: dialog.found.healthy, timeout=15_000)
    assert "已重新创建" in dialog.details.toPlainText()
    assert not dialog.repair_button.isEnabled()


def test_a_damaged_file_at_start_offers_the_latest_good_backup(qtbot, tmp_path, monkeypatch):
    from kehu.services.workspace import open_workspace

    path = tmp_path / "kehu.db"
    ws = open_workspace(path)
    dossiers.create({"name": "损坏前的客户"}, ws.user)
    backups.automatic_backup(ws.database)
    ws.database.close()
    path.write_bytes(b"\0" * 100 + path.read_bytes()[100:])  # the header is gone

    offered = []

    def choose_restore(dialog):
        offered.append(dialog.findChild(object, "restoreChoice") is not None)
        dialog.choice = start_problem_dialog.RESTORE
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(start_problem_dialog.StartProblemDialog, "exec", choose_restore)
    opened = application._open(str(path), "zh_CN", None, offer=True)
    assert offered == [True] and opened is not None
    assert [c.name for c in Customer.select()] == ["损坏前的客户"]
    opened.database.close()
    assert list(tmp_path.glob("kehu.before-restore-*.db"))  # the damaged file kept aside


def test_a_typo_path_at_start_offers_create_open_or_quit(qtbot, tmp_path, monkeypatch):
    seen = []

    def quit_(dialog):
        seen.append(sorted(b.objectName() for b in dialog.findChildren(object) if b.objectName()))
        dialog.choice = start_problem_dialog.QUIT
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(start_problem_dialog.StartProblemDialog, "exec", quit_)
    typo = tmp_path / "typo" / "kehu.db"
    assert application._open(str(typo), "en", None, offer=True) is None
    assert {"createChoice", "openChoice", "quitChoice"} <= set(seen[0])
    assert not typo.parent.exists()


def test_rotation_keeps_seven_days_and_four_weeks(tmp_path):
    db_path = tmp_path / "kehu.db"
    folder = backups.backup_folder(db_path)
    folder.mkdir()
    today = dt.date(2026, 12, 1)
    for days in range(60):
        for hour in (9, 17):
            when = dt.datetime.combine(today - dt.timedelta(days=days), dt.time(hour))
            (folder / f"kehu-auto-{when:%Y%m%d-%H%M%S}.db").write_bytes(b"x")
    (folder / "kehu-20200101-080000.db").write_bytes(b"by hand")
    backups.rotate(db_path, daily=7, weekly=4, today=today)
    left = sorted(p.name for p in folder.iterdir())
    autos = [name for name in left if "-auto-" in name]
    assert "kehu-20200101-080000.db" in left  # made by hand: never rotated away
    assert len(autos) <= 7 + 4 and len(autos) >= 7
    assert f"kehu-auto-{today:%Y%m%d}-170000.db" in autos  # the newest of today
    assert not any(f"{today - dt.timedelta(days=40):%Y%m%d}" in name for name in autos)


def test_the_window_points_to_check_and_repair_after_an_interrupted_load(
    qtbot, qapp, workspace, user, customers
):
    workspace.database.db.execute_sql("DROP INDEX customer_code")
    main = application.open_session_window(workspace, user, "en")
    qtbot.addWidget(main)
    main.show()
    qtbot.waitUntil(lambda: "Check and repair" in main.statusBar().currentMessage(), timeout=10_000)
    main.close()


def test_the_settings_dialog_has_the_backup_section(qtbot, window):
    from kehu.ui import settings

    dialog = window.make_settings_dialog()
    qtbot.addWidget(dialog)
    every = dialog.findChild(object, "settingBackupEvery")
    automatic = dialog.findChild(object, "settingBackupAutomatic")
    assert every is not None and automatic.isChecked()
    every.setValue(2)
    dialog.accept()
    assert settings.get(settings.BACKUP_EVERY_HOURS) == 2
    assert window.backup_timer.interval() == 2 * 3_600_000
