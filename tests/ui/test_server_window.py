"""The main window on a server database (issue 16): what it says about where the data is, live
refresh from another program's saves (LISTEN/NOTIFY, no polling), the conflict dialog, backups
with pg_dump, the check and repair, the file-only actions greyed out with their reason, and a
connection that is lost and comes back. Real PostgreSQL (tests/backends.py), real widgets; the
other user is a second process writing through the services."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
from pathlib import Path

import psycopg
import pytest
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox

from kehu.core.search_keys import SLOTS
from kehu.db.models import Category, Customer
from kehu.services import dossiers
from kehu.ui.dialogs.check_dialog import CheckDialog
from kehu.ui.dialogs.conflict_dialog import MINE, ConflictDialog
from kehu.ui.models.category_tree import CATEGORY

pytestmark = pytest.mark.parametrize("backend", ["postgresql"], indirect=True)


@pytest.fixture(autouse=True)
def _no_dialog_waits(monkeypatch):
    """A failing test leaves an edited card: closing the window must not ask; and no
    unexpected error (a traceback dialog) may reach the user."""
    from kehu.ui.errors import ErrorDialog

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    unexpected: list[str] = []
    monkeypatch.setattr(ErrorDialog, "exec", lambda d: unexpected.append(d.details.toPlainText()))
    yield
    assert not unexpected, unexpected[0]


def _other_program(url: str, body: str) -> None:
    """Another user's kehu on another computer: its own process and connection."""
    script = "from kehu.services.workspace import open_workspace\n"
    script += "from kehu.services import classification, dossiers, visits\n"
    script += f"ws = open_workspace({url!r})\nuser = ws.user\n" + textwrap.dedent(body)
    script += "ws.database.close()\n"
    subprocess.run([sys.executable, "-c", script], check=True, timeout=120)


def _list_text(window, customer_id: int, column: str) -> str | None:
    model = window.model
    row = model.row_of(customer_id)
    if row is None or row < 0:
        return None
    return model.index(row, model.columns.index(column)).data()


def _warnings(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    return shown


def test_the_window_says_which_server_and_greys_what_only_a_file_can_do(
    qtbot, customers, window, loaded, db_path
):
    database = window.session.database
    assert database.is_server
    assert window.windowTitle().startswith(database.shown)
    assert "服务器" in window.windowTitle()
    assert window.status_file.text().startswith("服务器数据库：postgresql://")
    assert window.backup_action.isEnabled()
    assert not window.restore_action.isEnabled()
    assert "pg_restore" in window.restore_action.toolTip()
    assert not window.backup_timer.isActive()  # no automatic file backups of a server
    assert window.check_action.isEnabled()


def test_another_programs_save_shows_without_polling(qtbot, customers, window, loaded, db_path):
    window.poll_timer.stop()  # nothing polls: the server pushes
    card = window.open_card(customers["gz"])
    grade_a = Category.get(Category.name == "主力客户 (A)")
    _other_program(
        db_path,
        f"""
        dossiers.save(dossiers.load({customers["gz"]}), {{"name": "广州天河百货商行"}}, user)
        classification.assign([{customers["gz"]}, {customers["bj"]}], {grade_a.id}, user)
        """,
    )
    qtbot.waitUntil(
        lambda: _list_text(window, customers["gz"], "name") == "广州天河百货商行", timeout=10_000
    )
    qtbot.waitUntil(lambda: card.editors["name"].text() == "广州天河百货商行", timeout=10_000)
    tree = window.categories.model
    qtbot.waitUntil(
        lambda: tree.item_for(CATEGORY, grade_a.id).text().endswith("(2)"), timeout=10_000
    )


_SECOND_WINDOW = """
import json, sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from kehu.services.workspace import open_workspace
from kehu.ui.application import open_session_window

url, customer, report = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
app = QApplication([])
ws = open_workspace(url)
window = open_session_window(ws, ws.user)
window.show()
window.poll_timer.stop()  # this window does not poll either
card = window.open_card(customer)
report.write_text(json.dumps({"ready": True}))


def wait(condition, seconds=30.0):
    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            report.write_text(json.dumps({"timeout": card.editors["name"].text()}))
            sys.exit(1)
        app.processEvents()
        time.sleep(0.02)


wait(lambda: card.editors["name"].text() == "广州天河百货商行")  # the first window's save
card.editors["industry"].input.setText("百货")
saved = card.save()
report.write_text(json.dumps({"saw": card.editors["name"].text(), "saved": saved}))
for other in window.open_cards():
    other._set_dirty(False)
window.close()
ws.database.close()
"""


def test_two_windows_see_each_others_saves_without_polling(
    qtbot, customers, window, loaded, db_path, tmp_path
):
    """Two kehu windows on the server, each in its own process, neither polling: each sees
    the other's save pushed by the server (NOTIFY/LISTEN)."""
    import json

    window.poll_timer.stop()
    report = tmp_path / "second.json"
    second = subprocess.Popen(
        [sys.executable, "-c", _SECOND_WINDOW, db_path, str(customers["gz"]), str(report)]
    )
    try:
        qtbot.waitUntil(lambda: report.exists(), timeout=60_000)  # the second window is up
        card = window.open_card(customers["gz"])
        card.editors["name"].input.setText("广州天河百货商行")
        assert card.save() is True
        # the second window saw it in its open card, then saved its own change of it
        qtbot.waitUntil(lambda: "saved" in json.loads(report.read_text() or "{}"), timeout=60_000)
        assert json.loads(report.read_text()) == {"saw": "广州天河百货商行", "saved": True}
        qtbot.waitUntil(lambda: card.editors["industry"].text() == "百货", timeout=10_000)
        assert not card.is_dirty
        assert second.wait(timeout=60) == 0
    finally:
        if second.poll() is None:
            second.kill()
    row = Customer.get_by_id(customers["gz"])
    assert (row.name, row.industry) == ("广州天河百货商行", "百货")


def test_today_panel_follows_another_programs_visit(qtbot, customers, window, loaded, db_path):
    window.poll_timer.stop()
    panel = window.route_views.today_panel
    qtbot.waitUntil(lambda: not panel.loading, timeout=10_000)
    today = dt.date.today().isoformat()
    yesterday = (dt.date.today() - dt.timedelta(days=1)).isoformat()
    _other_program(
        db_path,
        f"""
        visits.record_visit({customers["hz"]}, user, visit_date={yesterday!r},
                            content="回访", next_visit_on={today!r})
        """,
    )
    qtbot.waitUntil(lambda: "杭州西湖茶叶有限公司" in panel.rows("due"), timeout=10_000)


def test_two_users_editing_one_dossier_get_the_conflict_dialog(
    qtbot, customers, window, loaded, db_path, monkeypatch
):
    card = window.open_card(customers["cq"])
    card.editors["industry"].input.setText("五金")
    card.editors["address"].input.setText("重庆市渝中区解放碑1号")
    _other_program(
        db_path,
        f'dossiers.save(dossiers.load({customers["cq"]}), {{"industry": "建材"}}, user)\n',
    )
    qtbot.waitUntil(lambda: not card.banner.isHidden(), timeout=10_000)  # pushed, not polled
    assert card.editors["industry"].text() == "五金"  # the user's typing stays
    seen = {}

    def decide(dialog):
        seen["rows"] = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
        dialog.choose(0, MINE)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ConflictDialog, "exec", decide)
    assert card.save() is True
    assert seen["rows"] == ["业种"]
    row = Customer.get_by_id(customers["cq"])
    assert (row.industry, row.address, row.version) == ("五金", "重庆市渝中区解放碑1号", 3)
    history = [(h["field"], h["new"]) for h in dossiers.history(row.id)]
    assert ("industry", "建材") in history  # the other user's value is in the history


def test_back_up_now_writes_a_pg_dump_that_reads_back(
    qtbot, customers, window, loaded, tmp_path, monkeypatch
):
    from kehu.db.pg_cluster import client_binary

    if client_binary("pg_dump") is None:
        pytest.skip("pg_dump is not installed")
    window.back_up_now()
    qtbot.waitUntil(lambda: ".dump" in window.statusBar().currentMessage(), timeout=60_000)
    shown = window.statusBar().currentMessage()
    path = Path(shown.split(" ", 1)[1].split("（")[0].split(" (")[0].strip())
    assert path.suffix == ".dump" and path.stat().st_size > 0
    listed = subprocess.run(
        [client_binary("pg_restore"), "--list", str(path)], capture_output=True, text=True
    )
    assert "TABLE DATA" in listed.stdout and "customer" in listed.stdout


def test_back_up_without_pg_dump_says_how(qtbot, customers, window, loaded, monkeypatch):
    from kehu.db import server_dump

    monkeypatch.setattr(server_dump, "client_binary", lambda name: None)
    shown = _warnings(monkeypatch)
    window.back_up_now()
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    assert "pg_dump" in shown[0] and "PostgreSQL" in shown[0]
    assert "Traceback" not in shown[0]


def test_restore_and_automatic_backups_are_refused_with_their_reason(
    qtbot, customers, window, loaded, monkeypatch
):
    from kehu.services import backup, backups

    shown = _warnings(monkeypatch)
    window.restore_backup()  # greyed out; called anyway, it says why
    assert shown and "pg_restore" in shown[0]
    with pytest.raises(backup.ServerRestoreError):
        backup.restore(Path("x.db"), window.session.database.url, by=window.session.user)
    with pytest.raises(backups.ServerBackupsError):
        backups.automatic_backup(window.session.database)
    window.automatic_backup(wait=True)  # the window does not try
    window.backup_on_close()


def test_settings_grey_the_automatic_backups_of_a_server(qtbot, customers, window, loaded):
    from kehu.ui.dialogs.backup_settings import BackupSettings

    dialog = window.make_settings_dialog()
    qtbot.addWidget(dialog)
    section = dialog.findChild(BackupSettings, "backupSettings")
    note = section.findChild(QLabel, "backupServerNote")
    assert note is not None and "pg_dump" in note.text()
    assert not section.automatic.isEnabled()


def test_check_and_repair_run_kehus_own_checks_on_the_server(
    qtbot, customers, window, loaded, db_path, pg_server, monkeypatch
):
    dialog = CheckDialog(window.session, window)
    qtbot.addWidget(dialog)
    assert dialog.found.healthy, [p.message("en") for p in dialog.found.problems]
    text = dialog.details.toPlainText()
    assert "服务器" in text and "5 个客户" in text.replace(",", "")
    # a customer loses its search keys (as after a crashed bulk load): the check finds it
    with psycopg.connect(db_path, autocommit=True) as other:
        other.execute(
            "DELETE FROM search_key WHERE id >= %s AND id < %s",
            (customers["sh"] * SLOTS, customers["sh"] * SLOTS + SLOTS),
        )
    dialog.run_check()
    assert not dialog.found.healthy and dialog.found.repairable
    assert dialog.repair_button.isEnabled()
    dialog.repair_button.click()
    qtbot.waitUntil(lambda: dialog.found.healthy, timeout=60_000)
    assert "✓" in dialog.details.toPlainText()
    window.search_box.setText("上海浦东")
    qtbot.waitUntil(lambda: customers["sh"] in list(window.model.ids()), timeout=10_000)


def _terminate_others(pg_server, url: str) -> None:
    name = url.split("?")[0].rsplit("/", 1)[1]
    with pg_server.admin() as admin:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            (name,),
        )


def _allow_connections(pg_server, url: str, allowed: bool) -> None:
    name = url.split("?")[0].rsplit("/", 1)[1]
    with pg_server.admin() as admin:
        admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS {str(allowed).lower()}')


def test_a_server_restart_is_noticed_and_the_window_connects_again(
    qtbot, customers, window, loaded, db_path, pg_server, monkeypatch
):
    shown = _warnings(monkeypatch)
    card = window.open_card(customers["bj"])
    card.editors["industry"].input.setText("软件")
    _allow_connections(pg_server, db_path, False)
    try:
        _terminate_others(pg_server, db_path)  # the server went away
        qtbot.waitUntil(lambda: window.session.offline, timeout=10_000)
        assert "连接" in window.status_file.text()
        assert card.save() is False  # not saved, said in the user's language, edits kept
        assert shown and "连接" in shown[0] and "Traceback" not in shown[0]
        assert card.is_dirty and card.editors["industry"].text() == "软件"
    finally:
        _allow_connections(pg_server, db_path, True)
    qtbot.waitUntil(lambda: not window.session.offline, timeout=30_000)  # connected again
    assert "服务器数据库" in window.status_file.text() and "用户" in window.status_file.text()
    assert card.save() is True
    assert Customer.get_by_id(customers["bj"]).industry == "软件"


def test_a_dropped_idle_connection_is_opened_again_without_a_message(
    qtbot, customers, window, loaded, db_path, pg_server, monkeypatch
):
    shown = _warnings(monkeypatch)
    _terminate_others(pg_server, db_path)  # e.g. a restart during the lunch break
    card = window.open_card(customers["sh"])
    card.editors["industry"].input.setText("贸易")
    assert card.save() is True
    assert shown == []
    assert Customer.get_by_id(customers["sh"]).industry == "贸易"


def test_today_panel_lists_todays_route_on_the_server(qtbot, customers, window, loaded, user):
    from kehu.services import routes

    route = routes.create_route(user, "东线", weekdays=str(dt.date.today().isoweekday()))
    routes.add_stops(route, [customers["gz"], customers["cq"]], user)
    panel = window.route_views.today_panel
    panel.refresh()
    qtbot.waitUntil(lambda: "广州天河商行" in panel.rows("due"), timeout=10_000)
    assert "重庆渝中五金店" in panel.rows("due")
