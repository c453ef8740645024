"""File → Move to a server… and Save a copy as a file… (issue 16, point 6, from the window):
a file window moves its database into an empty server database and opens it there; a server
window copies its database into a new file, read back with sqlite3. An existing file, a
non-empty server and a salesperson are refused with their reason and nothing changes. Real
widgets, a real PostgreSQL (tests/backends.py), real files."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import psycopg
import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from backends import settled
from kehu.core import rights
from kehu.db.server import Address
from kehu.services import auth
from kehu.ui.dialogs.server_dialog import ServerDialog

NAMES = {"北京海淀科技有限公司", "上海浦东贸易有限公司", "广州天河商行", "重庆渝中五金店"}


def _told(monkeypatch) -> dict[str, list[str]]:
    """The message boxes shown, by kind (nothing waits for a click)."""
    told: dict[str, list[str]] = {"information": [], "warning": []}
    for kind in told:
        monkeypatch.setattr(QMessageBox, kind, lambda *a, _k=kind, **kw: told[_k].append(a[2]))
    return told


def _moving_to(monkeypatch, address: Address) -> list[ServerDialog]:
    """The Server dialog fills in `address` and clicks its button; the dialogs shown."""
    shown: list[ServerDialog] = []

    def exec_(dialog) -> QDialog.DialogCode:
        shown.append(dialog)
        dialog.host.setText(address.host)
        dialog.port.setValue(address.port)
        dialog.database.setText(address.database)
        dialog.user.setText(address.user)
        dialog.connect_button.click()
        settled(dialog)
        return QDialog.DialogCode(dialog.result())

    monkeypatch.setattr(ServerDialog, "exec", exec_)
    return shown


def _server_names(url: str) -> set[str]:
    with psycopg.connect(url) as conn:
        return {row[0] for row in conn.execute("SELECT name FROM customer")}


def _file_names(path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {row[0] for row in conn.execute("SELECT name FROM customer")}


def _wait_done(qtbot, told) -> None:
    qtbot.waitUntil(lambda: bool(told["information"] or told["warning"]), timeout=60_000)


def test_a_file_moves_to_an_empty_server_and_opens_there(
    qtbot, customers, window, loaded, db_path, pg_server, monkeypatch
):
    url = pg_server.new_database(schema=False)
    told = _told(monkeypatch)
    shown = _moving_to(monkeypatch, Address.from_url(url))
    assert window.move_to_server_action.isEnabled()
    assert not window.copy_to_file_action.isEnabled()  # a file: Back up now copies it
    assert "备份" in window.copy_to_file_action.toolTip()
    window.move_to_server_action.trigger()
    dialog = shown[0]
    assert dialog.windowTitle() == "将数据库迁移到服务器"
    assert dialog.connect_button.text() == "迁移到此处" and "原文件保持不变" in dialog.intro.text()
    _wait_done(qtbot, told)
    assert not told["warning"], told["warning"]
    assert "行数和校验和一致" in told["information"][0]
    assert Address.from_url(url).shown in told["information"][0]
    new = window.replaced_by
    assert new is not None and new is not window
    qtbot.addWidget(new)
    qtbot.waitUntil(lambda: not new.model.is_loading, timeout=10_000)
    assert new.session.database.is_server
    assert set(new.model.ids()) == set(customers.values())  # the same ids, all of them
    assert _server_names(url) == NAMES | {"杭州西湖茶叶有限公司"}
    assert _file_names(db_path) == _server_names(url)  # the file stays as it was
    # and the server window offers the way back, not the move
    assert new.copy_to_file_action.isEnabled() and not new.move_to_server_action.isEnabled()
    with psycopg.connect(url) as conn:
        actions = [r[0] for r in conn.execute("SELECT action FROM audit_entry")]
    assert "move_to_server" in actions
    new.close()
    pg_server.drop(url)


def test_a_server_that_is_not_empty_is_refused_and_nothing_changes(
    qtbot, customers, window, loaded, pg_server, monkeypatch
):
    target = pg_server.new_database()
    script = (  # another office's kehu on that database: its own process
        "from kehu.services.workspace import open_workspace\n"
        "from kehu.services import dossiers\n"
        f"ws = open_workspace({target!r})\n"
        "dossiers.create({'name': '服务器上的客户'}, ws.user)\n"
        "ws.database.close()\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True, timeout=120)
    before = _server_names(target)
    assert before == {"服务器上的客户"}
    told = _told(monkeypatch)
    _moving_to(monkeypatch, Address.from_url(target))
    window.move_to_server_action.trigger()
    _wait_done(qtbot, told)
    assert told["warning"] and "不是空的" in told["warning"][0], told
    assert "Traceback" not in told["warning"][0] and not told["information"]
    assert window.replaced_by is None
    assert _server_names(target) == before
    pg_server.drop(target)


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_a_server_database_is_saved_as_a_new_file_that_reads_back(
    qtbot, customers, window, loaded, tmp_path, monkeypatch
):
    told = _told(monkeypatch)
    chosen = tmp_path / "office copy"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(chosen), ""))
    assert not window.move_to_server_action.isEnabled()
    assert "服务器" in window.move_to_server_action.toolTip()
    window.copy_to_file_action.trigger()
    _wait_done(qtbot, told)
    assert not told["warning"], told["warning"]
    written = tmp_path / "office copy.db"
    assert str(written) in told["information"][0]
    assert _file_names(written) == NAMES | {"杭州西湖茶叶有限公司"}
    with sqlite3.connect(written) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert window.replaced_by is None and window.session.database.is_server


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_an_existing_file_is_refused_and_kept(
    qtbot, customers, window, loaded, tmp_path, monkeypatch
):
    told = _told(monkeypatch)
    existing = tmp_path / "kept.db"
    existing.write_bytes(b"someone's file")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(existing), ""))
    window.copy_to_file_action.trigger()
    _wait_done(qtbot, told)
    assert told["warning"] and "已存在" in told["warning"][0] and not told["information"]
    assert existing.read_bytes() == b"someone's file"


def test_a_salesperson_finds_both_moves_greyed_with_the_reason(qtbot, qapp, workspace, user):
    from kehu.ui.application import open_session_window

    clerk = auth.create_user("li", "李丽", by=user)
    main = open_session_window(workspace, clerk)
    qtbot.addWidget(main)
    qtbot.waitUntil(lambda: not main.model.is_loading, timeout=10_000)
    reason = rights.Refused(clerk, rights.Action.BACKUP).message(main.session.lang)
    for action in (main.move_to_server_action, main.copy_to_file_action):
        assert not action.isEnabled()
        assert action.toolTip() == reason
    assert "管理员" in reason  # said in the user's language: ask an administrator
