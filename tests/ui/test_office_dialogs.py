"""The office from the window, driven through the real widgets: an administrator adds a user,
gives a password (and their own), transfers a leaving salesperson's customers and reads the
audit trail, exported to Excel; a salesperson finds those menu entries greyed out."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from kehu.db.models import AuditEntry, Customer, User
from kehu.services import auth, dossiers
from kehu.ui import translations
from kehu.ui.dialogs import users_dialog
from kehu.ui.dialogs.audit_dialog import AuditDialog
from kehu.ui.dialogs.users_dialog import UsersDialog

LEFT = Qt.MouseButton.LeftButton


class _Session:
    def __init__(self, user, lang="zh_CN"):
        self.user, self.lang, self.hub = user, lang, None


@pytest.fixture
def quiet(monkeypatch):
    told = []
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: told.append(a[2]))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(
        users_dialog, "show_error", lambda _w, exc, **k: told.append(exc.message("zh_CN"))
    )
    return told


def _item(dialog, username):
    found = []

    def walk(item):
        if item.text(1) == username:
            found.append(item)
        for i in range(item.childCount()):
            walk(item.child(i))

    for i in range(dialog.tree.topLevelItemCount()):
        walk(dialog.tree.topLevelItem(i))
    return found[0]


def test_an_admin_adds_a_user_sets_passwords_and_transfers(
    qtbot, qapp, workspace, user, quiet, monkeypatch
):
    translations.install(qapp, "zh_CN")
    boss = auth.create_user("boss", "王经理", "manager", by=user)
    leaving = auth.create_user("li", "李丽", manager=boss, by=user)
    for n in range(3):
        dossiers.create({"name": f"李的客户{n}"}, user, owner=leaving)
    dialog = UsersDialog(_Session(user))
    qtbot.addWidget(dialog)
    assert _item(dialog, "boss").child(0).text(1) == "li"  # the hierarchy as a tree

    def fill(form):
        form.username.setText("zhao")
        form.display_name.setText("赵强")
        form.role.setCurrentIndex(form.role.findData("salesperson"))
        form.manager.setCurrentIndex(form.manager.findData(boss.id))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(users_dialog.UserForm, "exec", fill)
    qtbot.mouseClick(dialog.add_button, LEFT)
    assert User.get(User.username == "zhao").manager_id == boss.id
    assert _item(dialog, "boss").childCount() == 2

    answers = iter(["zhao-pass-1", "zhao-pass-1", "root-pass-1", "root-pass-1"])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (next(answers), True))
    dialog.tree.setCurrentItem(_item(dialog, "zhao"))
    qtbot.mouseClick(dialog.password_button, LEFT)
    assert auth.login("zhao", "zhao-pass-1") is not None
    assert auth.login(user.username, "root-pass-1") is not None  # the admin's own, same step

    dialog.tree.setCurrentItem(_item(dialog, "li"))
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("赵强 (zhao)", True))
    qtbot.mouseClick(dialog.transfer_button, LEFT)
    zhao = User.get(User.username == "zhao")
    assert Customer.select().where(Customer.owner == zhao.id).count() == 3
    dialog.tree.setCurrentItem(_item(dialog, "li"))  # the tree was rebuilt after the transfer
    qtbot.mouseClick(dialog.disable_button, LEFT)
    assert not User.get_by_id(leaving.id).active
    assert "已停用" in _item(dialog, "li").text(3)
    translations.install(qapp, "en")


def test_a_refusal_in_the_dialog_says_why(qtbot, workspace, user, quiet):
    clerk = auth.create_user("li", "李丽", by=user)
    dialog = UsersDialog(_Session(clerk))
    qtbot.addWidget(dialog)
    assert not dialog.add_button.isEnabled()
    dialog._run(lambda: auth.create_user("evil", "Evil", "admin", by=clerk))
    assert "推销员无权管理用户" in quiet[-1]


def test_the_audit_trail_filters_and_exports(qtbot, workspace, user, tmp_path, monkeypatch):
    boss = auth.create_user("boss", "王经理", "manager", by=user)
    li = auth.create_user("li", "李丽", manager=boss, by=user)
    other = auth.create_user("chen", "陈明", by=user)
    cid = dossiers.create({"name": "李的客户"}, li)
    dossiers.create({"name": "陈的客户"}, other)
    dialog = AuditDialog(_Session(boss))
    qtbot.addWidget(dialog)
    shown = {dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    assert shown == {"李丽"}  # a manager reads his team's entries only
    admin = AuditDialog(_Session(user))
    qtbot.addWidget(admin)
    admin.action.setCurrentIndex(admin.action.findData("create"))
    admin.customer.setText(Customer.get_by_id(cid).code)
    qtbot.mouseClick(admin.apply_button, LEFT)
    assert admin.table.rowCount() == 1 and "1" in admin.count.text()
    target = tmp_path / "audit.xlsx"
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(admin.export_button, LEFT)
    sheet = openpyxl.load_workbook(target).active
    assert sheet.max_row == 2 and sheet.cell(2, 3).value == "新建客户"
    assert AuditEntry.select().where(AuditEntry.action == "export_audit").count() == 1


def test_the_office_menu_greys_out_what_a_salesperson_may_not(qtbot, qapp, workspace, user):
    from kehu.ui.application import open_session_window

    clerk = auth.create_user("li", "李丽", by=user)
    main = open_session_window(workspace, clerk)
    qtbot.addWidget(main)
    assert not main.users_action.isEnabled() and not main.audit_action.isEnabled()
    admin = open_session_window(workspace, user)
    qtbot.addWidget(admin)
    assert admin.users_action.isEnabled() and admin.audit_action.isEnabled()
