"""The office from the main window, driven through the real widgets (zh_CN): the audit trail
in the user's language with its filters, a manager's team only, and its Excel copy read back;
transferring and sharing the customers chosen in the list; sharing from the card and taking
the share back; erasing a customer and a key person (administrators, with a reason); the key
persons without consent, opening the person; the consent record edited in the person dialog;
the copy of personal data. A salesperson finds what she may not do greyed out or hidden."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from PySide6.QtCore import QDate, QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from kehu.core.rights import Refused
from kehu.db.models import AuditEntry, Customer, CustomerShare, FieldChange, KeyPerson, User
from kehu.services import audit_trail, auth, dossiers, transfer
from kehu.ui.card.person_dialog import PersonDialog
from kehu.ui.dialogs.audit_dialog import AuditDialog
from kehu.ui.dialogs.consent_dialog import ConsentDialog
from kehu.ui.dialogs.erase_dialog import EraseDialog
from kehu.ui.dialogs.share_dialog import ShareDialog
from kehu.ui.dialogs.transfer_dialog import TransferDialog

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def told(monkeypatch):
    said: list[str] = []
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: said.append(a[2]))
    return said


def _select(window, ids) -> None:
    view = window.list_view
    view.clearSelection()
    for cid in ids:
        row = window.model.row_of(cid)
        view.selectionModel().select(
            window.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )


def _open(window, customer_id):
    card = window.open_card(customer_id)
    assert card is not None
    return card


def _texts(table, column):
    return [table.item(r, column).text() for r in range(table.rowCount())]


# -- 1. the audit trail


def test_the_audit_trail_reads_in_chinese_filters_and_exports(
    qtbot, window, user, tmp_path, monkeypatch
):
    boss = auth.create_user("boss", "王经理", "manager", by=user)
    li = auth.create_user("li", "李丽", manager=boss, by=user)
    chen = auth.create_user("chen", "陈明", by=user)
    mine = dossiers.create({"name": "李的客户"}, li)
    dossiers.create({"name": "陈的客户"}, chen)
    dossiers.archive(mine, li)
    AuditEntry.create(  # an old entry: outside the default month
        user=li, user_name="李丽", action="login", at=dt.datetime(2025, 3, 1, 9, 0)
    )
    assert window.audit_action.isEnabled()
    dialog = AuditDialog(window.session, window)
    qtbot.addWidget(dialog)
    actions = _texts(dialog.table, 2)
    assert "新建客户" in actions and "归档客户" in actions and "添加用户" in actions
    assert "create" not in actions and "archive" not in actions
    labels = [dialog.action.itemText(i) for i in range(dialog.action.count())]
    assert "归档客户" in labels and "archive" not in labels

    dialog.action.setCurrentIndex(dialog.action.findData("create"))
    dialog.user.setCurrentIndex(dialog.user.findData(li.id))
    qtbot.mouseClick(dialog.apply_button, LEFT)
    assert _texts(dialog.table, 2) == ["新建客户"] and _texts(dialog.table, 1) == ["李丽"]
    dialog.action.setCurrentIndex(0)
    dialog.customer.setText(Customer.get_by_id(mine).code)
    qtbot.mouseClick(dialog.apply_button, LEFT)
    assert sorted(_texts(dialog.table, 2)) == sorted(["新建客户", "归档客户"])
    dialog.customer.setText("")
    qtbot.mouseClick(dialog.apply_button, LEFT)
    assert "登录" not in _texts(dialog.table, 2)  # 2025 is outside the date range
    dialog.start.setDate(QDate(2025, 2, 1))
    dialog.end.setDate(QDate(2025, 3, 31))
    qtbot.mouseClick(dialog.apply_button, LEFT)
    assert _texts(dialog.table, 2) == ["登录"]
    assert "1" in dialog.count.text()

    dialog.start.setDate(QDate(2025, 1, 1))
    dialog.end.setDate(QDate.currentDate())
    target = tmp_path / "审计.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(dialog.export_button, LEFT)
    sheet = openpyxl.load_workbook(target).active
    assert sheet.cell(1, 3).value == "操作"
    written = [sheet.cell(r, 3).value for r in range(2, sheet.max_row + 1)]
    assert sorted(written) == sorted(["新建客户", "归档客户", "登录"])  # the filters hold
    exported = AuditEntry.get(AuditEntry.action == "export_audit")
    assert '"rows": 3' in exported.details and "file_sha256" in exported.details


def test_a_manager_reads_only_his_teams_entries(qtbot, window, user):
    boss = auth.create_user("boss", "王经理", "manager", by=user)
    li = auth.create_user("li", "李丽", manager=boss, by=user)
    chen = auth.create_user("chen", "陈明", by=user)
    dossiers.create({"name": "李的客户"}, li)
    dossiers.create({"name": "陈的客户"}, chen)

    class Session:
        lang, hub = "zh_CN", None

    Session.user = boss
    dialog = AuditDialog(Session(), window)
    qtbot.addWidget(dialog)
    assert set(_texts(dialog.table, 1)) == {"李丽"}
    users = {dialog.user.itemData(i) for i in range(1, dialog.user.count())}
    assert users == {boss.id, li.id}  # the filter offers the team only
    with pytest.raises(Refused):  # the service, not only the dialog, keeps the others out
        audit_trail.rows(boss, audit_trail.TrailFilter(user_id=chen.id))
    clerk_rows = audit_trail.rows(user, audit_trail.TrailFilter(user_id=chen.id))
    assert clerk_rows and {r.user for r in clerk_rows} == {"陈明"}


# -- 2. transfer the chosen customers


def test_transfer_the_customers_chosen_in_the_list(
    qtbot, customers, window, loaded, user, monkeypatch
):
    zhao = auth.create_user("zhao", "赵强", by=user)
    loaded(window)
    assert not window.transfer_selected_action.isEnabled()  # nothing chosen yet
    _select(window, [customers["bj"], customers["sh"]])
    assert window.transfer_selected_action.isEnabled()
    assert window.transfer_selected_action in window.list_view.actions()  # right-click menu

    def choose(dialog):
        dialog.owner.setCurrentIndex(dialog.owner.findData(zhao.id))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(TransferDialog, "exec", choose)
    window.transfer_selected_action.trigger()
    owners = {c.id: c.owner_id for c in Customer.select()}
    assert owners[customers["bj"]] == zhao.id and owners[customers["sh"]] == zhao.id
    assert owners[customers["gz"]] == user.id
    entry = AuditEntry.get(AuditEntry.action == "transfer")
    assert '"customers": 2' in entry.details
    assert "赵强" in window.statusBar().currentMessage()


def test_a_salesperson_finds_transfer_and_erase_greyed_out(qtbot, qapp, workspace, user):
    from kehu.ui.application import open_session_window

    clerk = auth.create_user("li", "李丽", by=user)
    cid = dossiers.create({"name": "李的客户"}, clerk)
    main = open_session_window(workspace, clerk)
    qtbot.addWidget(main)
    qtbot.waitUntil(lambda: not main.model.is_loading, timeout=10_000)
    _select(main, [cid])
    assert not main.transfer_selected_action.isEnabled()
    assert not main.erase_selected_action.isVisible() or not main.erase_selected_action.isEnabled()
    assert main.share_selected_action.isEnabled()  # her own customer: she may share it
    card = main.open_card(cid)
    assert card.share_button.isEnabled()
    assert not card.erase_button.isEnabled() and card.erase_button.isHidden()
    assert card.erase_person_button.isHidden()
    card._set_dirty(False)


# -- 3. share from the card and from the list, and take it back


def test_share_from_the_card_and_take_it_back(qtbot, customers, window, loaded, user, monkeypatch):
    zhao = auth.create_user("zhao", "赵强", by=user)
    card = _open(window, customers["hz"])
    seen: list[list[str]] = []

    def drive(dialog):
        assert dialog.none_label.isVisibleTo(dialog)
        dialog.colleague.setCurrentIndex(dialog.colleague.findData(zhao.id))
        dialog.read_edit.setChecked(True)
        qtbot.mouseClick(dialog.share_button, LEFT)
        seen.append(_texts(dialog.shares, 0) + _texts(dialog.shares, 1))
        share = CustomerShare.get(CustomerShare.customer == customers["hz"])
        assert share.user_id == zhao.id and share.can_edit
        dialog.shares.selectRow(0)
        qtbot.mouseClick(dialog.take_back_button, LEFT)
        seen.append(_texts(dialog.shares, 0))
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(ShareDialog, "exec", drive)
    qtbot.mouseClick(card.share_button, LEFT)
    assert seen == [["赵强", "可读可改"], []]
    assert CustomerShare.select().count() == 0
    assert [
        e.action for e in AuditEntry.select().where(AuditEntry.action.in_(("share", "unshare")))
    ] == [
        "share",
        "unshare",
    ]
    card._set_dirty(False)


def test_share_the_customers_chosen_in_the_list(
    qtbot, customers, window, loaded, user, monkeypatch
):
    zhao = auth.create_user("zhao", "赵强", by=user)
    loaded(window)
    _select(window, [customers["bj"], customers["gz"]])

    def drive(dialog):
        assert "2" in dialog.heading.text() and dialog.shares.isHidden()
        dialog.colleague.setCurrentIndex(dialog.colleague.findData(zhao.id))
        qtbot.mouseClick(dialog.share_button, LEFT)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(ShareDialog, "exec", drive)
    window.share_selected_action.trigger()
    shared = {(s.customer_id, bool(s.can_edit)) for s in CustomerShare.select()}
    assert shared == {(customers["bj"], False), (customers["gz"], False)}
    visible = dossiers.load(customers["bj"], zhao)  # zhao now reads it
    assert visible.id == customers["bj"]


# -- 4. erase a customer or a key person


def test_the_erase_dialog_wants_a_reason_and_a_tick(qtbot, window):
    dialog = EraseDialog(EraseDialog.CUSTOMER, "彻底删除客户 KH000001？", window)
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled()
    dialog.reason.setText("删除请求")
    assert not dialog.ok.isEnabled()
    dialog.sure.setChecked(True)
    assert dialog.ok.isEnabled()
    dialog.reason.setText("  ")
    assert not dialog.ok.isEnabled()


def _erase_with(reason):
    def fill(dialog):
        dialog.reason.setText(reason)
        dialog.sure.setChecked(True)
        assert dialog.ok.isEnabled()
        return QDialog.DialogCode.Accepted

    return fill


def test_erase_a_customer_from_the_list(qtbot, customers, window, loaded, monkeypatch):
    loaded(window)
    _select(window, [customers["cq"]])
    assert window.erase_selected_action.isEnabled()
    monkeypatch.setattr(EraseDialog, "exec", _erase_with("客户要求删除"))
    window.erase_selected_action.trigger()
    assert Customer.get_or_none(Customer.id == customers["cq"]) is None
    assert window.card_for(customers["cq"]) is None  # its card closed
    entry = AuditEntry.get(AuditEntry.action == "erase")
    assert "客户要求删除" in entry.details
    loaded(window)
    assert customers["cq"] not in list(window.model.ids())


def test_erase_a_key_person_from_the_card(qtbot, window, customers, user, monkeypatch):
    base = dossiers.load(customers["bj"])
    dossiers.save(base, {}, user, persons=[{"id": None, "name": "李娜", "mobile": "13800000000"}])
    base = dossiers.load(customers["bj"])
    dossiers.save(base, {}, user, persons=[{**base.persons[0], "mobile": "13911111111"}])
    person_id = KeyPerson.get(KeyPerson.name == "李娜").id
    assert FieldChange.select().where(FieldChange.person_id == person_id).count() > 0
    card = _open(window, customers["bj"])
    card.persons_table.selectRow(0)
    monkeypatch.setattr(EraseDialog, "exec", _erase_with("本人撤回同意"))
    qtbot.mouseClick(card.erase_person_button, LEFT)
    assert KeyPerson.get_or_none(KeyPerson.id == person_id) is None
    assert FieldChange.select().where(FieldChange.person_id == person_id).count() == 0
    assert card.persons == [] and card.persons_table.rowCount() == 0
    assert "本人撤回同意" in AuditEntry.get(AuditEntry.action == "erase_person").details


# -- 5. key persons without consent, 7. the consent record


def test_key_persons_without_consent_open_the_person(qtbot, window, customers, user, monkeypatch):
    for key, person in (
        ("bj", {"name": "有同意", "consent_basis": "consent", "consent_date": dt.date(2026, 1, 5)}),
        ("sh", {"name": "没同意"}),
        (
            "gz",
            {
                "name": "撤回了",
                "consent_basis": "consent",
                "consent_withdrawn_on": dt.date(2026, 6, 1),
            },
        ),
    ):
        base = dossiers.load(customers[key])
        dossiers.save(base, {}, user, persons=[{"id": None, **person}])
    opened: list[str] = []

    def edit(dialog):
        opened.append(dialog.editors["name"].text())
        dialog.editors["consent_basis"].set_text("consent")
        dialog.editors["consent_date"].input.setText("2026-11-30")
        dialog.editors["consent_channel"].input.setText("纸质同意书")
        dialog.editors["consent_withdrawn_on"].input.setText("")
        return QDialog.DialogCode.Accepted

    def drive(dialog):
        assert sorted(_texts(dialog.table, 2)) == ["撤回了", "没同意"]
        states = dict(zip(_texts(dialog.table, 2), _texts(dialog.table, 4), strict=True))
        assert states == {"没同意": "缺失", "撤回了": "2026-06-01 已撤回"}
        row = _texts(dialog.table, 2).index("没同意")
        dialog.table.selectRow(row)
        qtbot.mouseClick(dialog.open_button, LEFT)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(PersonDialog, "exec", edit)
    monkeypatch.setattr(ConsentDialog, "exec", drive)
    window.consent_action.trigger()
    assert opened == ["没同意"]
    card = window.card_for(customers["sh"])
    assert card is not None and card.save() is True  # the consent record, saved with the card
    person = KeyPerson.get(KeyPerson.name == "没同意")
    assert (person.consent_basis, person.consent_date, person.consent_channel) == (
        "consent",
        dt.date(2026, 11, 30),
        "纸质同意书",
    )
    assert person.consent_withdrawn_on is None
    left = ConsentDialog(window.session, window)
    qtbot.addWidget(left)
    assert _texts(left.table, 2) == ["撤回了"]


def test_the_consent_record_is_part_of_the_person_dialog(qtbot, window, customers, user, told):
    base = dossiers.load(customers["hz"])
    dossiers.save(base, {}, user, persons=[{"id": None, "name": "王芳"}])
    card = _open(window, customers["hz"])
    dialog = PersonDialog(window.session, card.persons[0], card.customer_id, card)
    qtbot.addWidget(dialog)
    for name in ("consent_basis", "consent_date", "consent_channel", "consent_withdrawn_on"):
        assert name in dialog.editors
    dialog.editors["consent_withdrawn_on"].input.setText("2026-13-45")  # not a date
    dialog.accept()
    assert told and dialog.result() != QDialog.DialogCode.Accepted


# -- 6. the copy of personal data


def test_an_admin_makes_the_copy_of_personal_data(
    qtbot, window, customers, user, tmp_path, monkeypatch, told
):
    base = dossiers.load(customers["bj"])
    dossiers.save(base, {}, user, persons=[{"id": None, "name": "李娜", "mobile": "13800000000"}])
    card = _open(window, customers["bj"])
    dialog = PersonDialog(window.session, card.persons[0], card.customer_id, card)
    qtbot.addWidget(dialog)
    assert dialog.copy_button.isVisibleTo(dialog)
    target = tmp_path / "李娜.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(dialog.copy_button, LEFT)
    book = openpyxl.load_workbook(target)
    values = {row[0].value: row[1].value for row in book.worksheets[0].iter_rows(min_row=2)}
    assert "李娜" in values.values() and "13800000000" in values.values()
    assert told and str(target) in told[-1]
    assert AuditEntry.select().where(AuditEntry.action == "personal_data_copy").count() == 1


def test_a_salesperson_has_no_copy_of_personal_data_button(qtbot, qapp, workspace, user):
    clerk = auth.create_user("li", "李丽", by=user)
    dossiers.create({"name": "李的客户"}, clerk, persons=[{"name": "王芳"}])
    person = KeyPerson.get(KeyPerson.name == "王芳")

    class Session:
        lang, hub = "zh_CN", None

    Session.user = clerk
    dialog = PersonDialog(Session(), {"id": person.id, "name": "王芳"}, person.customer_id)
    qtbot.addWidget(dialog)
    assert not dialog.copy_button.isVisibleTo(dialog)
    assert User.get_by_id(clerk.id).role == "salesperson"


def test_a_read_only_share_cannot_be_shared_on(qtbot, qapp, workspace, user):
    from kehu.ui.application import open_session_window

    li = auth.create_user("li", "李丽", by=user)
    zhao = auth.create_user("zhao", "赵强", by=user)
    read = dossiers.create({"name": "只读共享的客户"}, li)
    edit = dossiers.create({"name": "可改共享的客户"}, li)
    transfer.share([read], zhao, False, user)
    transfer.share([edit], zhao, True, user)
    main = open_session_window(workspace, zhao)
    qtbot.addWidget(main)
    assert not main.open_card(read).share_button.isEnabled()
    assert main.open_card(edit).share_button.isEnabled()
    for card in main.open_cards():
        card._set_dirty(False)


def test_a_large_transfer_runs_with_the_progress_dialog(
    qtbot, customers, window, loaded, user, monkeypatch
):
    from kehu.ui.window import office as window_office

    zhao = auth.create_user("zhao", "赵强", by=user)
    monkeypatch.setattr(window_office, "IN_BACKGROUND", 2)  # "large": more than two
    loaded(window)
    chosen = [customers["bj"], customers["sh"], customers["gz"]]
    _select(window, chosen)

    def choose(dialog):
        dialog.owner.setCurrentIndex(dialog.owner.findData(zhao.id))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(TransferDialog, "exec", choose)
    window.transfer_selected_action.trigger()
    owned = lambda: Customer.select().where(Customer.owner == zhao.id).count()  # noqa: E731
    qtbot.waitUntil(lambda: owned() == 3, timeout=10_000)
    qtbot.waitUntil(lambda: "赵强" in window.statusBar().currentMessage(), timeout=10_000)


def test_a_manager_transfers_within_his_team_only(qtbot, workspace, user):
    boss = auth.create_user("boss", "王经理", "manager", by=user)
    li = auth.create_user("li", "李丽", manager=boss, by=user)
    auth.create_user("chen", "陈明", by=user)  # another team

    class Session:
        lang, hub = "zh_CN", None

    Session.user = boss
    dialog = TransferDialog(Session(), 3)
    qtbot.addWidget(dialog)
    offered = {dialog.owner.itemData(i) for i in range(dialog.owner.count())}
    assert offered == {li.id}


def test_log_out_is_greyed_with_the_way_to_logins_until_someone_has_a_password(
    qtbot, window, loaded, user, monkeypatch
):
    """Without logins Log out had done nothing; it says how logins begin, and once a
    password is given it logs out: the other user's login gives a fresh window."""
    from PySide6.QtWidgets import QDialog

    from kehu.ui.dialogs import users_dialog
    from kehu.ui.dialogs.login_dialog import LoginDialog

    assert not window.switch_user_action.isEnabled()
    assert "密码" in window.switch_user_action.toolTip()

    def give_passwords(dialog) -> int:  # what the administrator does in Office → Users
        auth.create_user("li", "李丽", password="s3cret!!", own_password="admin-pass-1", by=user)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(users_dialog.UsersDialog, "exec", give_passwords)
    window.users_action.trigger()
    assert window.switch_user_action.isEnabled()
    assert "密码" not in window.switch_user_action.toolTip()  # the reason went with it

    def log_in_as_li(dialog) -> QDialog.DialogCode:
        dialog.users.setCurrentIndex(dialog.users.findData("li"))
        dialog.password.setText("s3cret!!")
        dialog.try_login()
        return QDialog.DialogCode(dialog.result())

    monkeypatch.setattr(LoginDialog, "exec", log_in_as_li)
    new = window.switch_user()
    assert new is not None and new is not window
    qtbot.addWidget(new)
    qtbot.waitUntil(lambda: not new.model.is_loading, timeout=10_000)
    assert new.session.user.username == "li" and not window.isVisible()
    assert list(new.model.ids()) == []  # none of the administrator's customers are hers
    new.close()
