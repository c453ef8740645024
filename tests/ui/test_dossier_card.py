"""The dossier card: edit and save with history, inline validation, conflicts, persons."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from PySide6.QtWidgets import QDialog, QMessageBox

from kehu.db.models import AuditEntry, Customer, KeyPerson
from kehu.services import classification, dossiers
from kehu.ui.card.person_dialog import PersonDialog
from kehu.ui.dialogs.conflict_dialog import MINE, THEIRS, ConflictDialog

VALID_USCC = "91350100M000100Y43"


def _open(window, customer_id):
    card = window.open_card(customer_id)
    assert card is not None and card.customer_id == customer_id
    return card


def test_editing_and_saving_writes_database_and_history(qtbot, customers, window, loaded):
    card = _open(window, customers["bj"])
    card.editors["industry"].input.setText("软件")
    card.editors["employees"].input.setText("120")
    assert card.is_dirty and window.cards.tabText(window.cards.indexOf(card)).startswith("*")
    window.save_action.trigger()  # Ctrl+S
    assert not card.is_dirty
    row = Customer.get_by_id(customers["bj"])
    assert (row.industry, row.employees, row.version) == ("软件", 120, 2)
    history = {h["field"]: (h["old"], h["new"]) for h in dossiers.history(row.id)}
    assert history["industry"] == (None, "软件")
    shown = [card.history_table.item(r, 2).text() for r in range(card.history_table.rowCount())]
    assert "业种" in shown and "职工人数" in shown


def test_invalid_uscc_blocks_saving_with_its_message(qtbot, customers, window, loaded):
    card = _open(window, customers["sh"])
    card.editors["uscc"].input.setText("91350100M000100Y44")  # wrong check character
    message = card.editors["uscc"].message
    assert not message.isHidden()
    assert "校验位不正确" in message.text()
    assert card.save() is False
    assert Customer.get_by_id(customers["sh"]).uscc is None
    assert "校验位不正确" in card.banner.text()
    card.editors["uscc"].input.setText(VALID_USCC)
    assert message.isHidden()
    assert card.save() is True
    assert Customer.get_by_id(customers["sh"]).uscc == VALID_USCC


def test_a_warning_does_not_block_saving(qtbot, customers, window, loaded):
    card = _open(window, customers["sh"])
    card.editors["postal_code"].input.setText("999999")  # unusual, only a warning
    assert card.editors["postal_code"].issue is not None
    assert card.save() is True
    assert Customer.get_by_id(customers["sh"]).postal_code == "999999"


def _save_in_other_process(db_path, customer_id, field, value):
    script = textwrap.dedent(
        f"""
        from kehu.services.workspace import open_workspace
        from kehu.services import dossiers
        ws = open_workspace({str(db_path)!r})
        base = dossiers.load({customer_id})
        dossiers.save(base, {{{field!r}: {value!r}}}, ws.user)
        ws.database.close()
        """
    )
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)


def test_second_process_saving_first_opens_the_conflict_dialog(
    qtbot, customers, window, loaded, db_path, monkeypatch
):
    card = _open(window, customers["gz"])
    card.editors["industry"].input.setText("餐饮")
    card.editors["address"].input.setText("广州市天河路1号")
    _save_in_other_process(db_path, customers["gz"], "industry", "零售")
    # the poll notices the other commit; the card keeps the user's typing
    qtbot.waitUntil(lambda: not card.banner.isHidden(), timeout=5000)
    assert card.editors["industry"].text() == "餐饮"
    seen = {}

    def decide(dialog):
        seen["rows"] = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
        seen["save_enabled"] = dialog.buttons.button(dialog.buttons.StandardButton.Save).isEnabled()
        dialog.choose(0, MINE)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ConflictDialog, "exec", decide)
    assert card.save() is True
    assert seen["rows"] == ["业种"]
    assert seen["save_enabled"] is False  # both changed it: no default choice
    row = Customer.get_by_id(customers["gz"])
    assert (row.industry, row.address, row.version) == ("餐饮", "广州市天河路1号", 3)


def test_taking_theirs_keeps_the_other_users_value(
    qtbot, customers, window, loaded, db_path, monkeypatch
):
    card = _open(window, customers["cq"])
    card.editors["industry"].input.setText("五金")
    _save_in_other_process(db_path, customers["cq"], "industry", "建材")
    monkeypatch.setattr(
        ConflictDialog, "exec", lambda d: (d.choose_all(THEIRS), QDialog.DialogCode.Accepted)[1]
    )
    assert card.save() is True
    assert Customer.get_by_id(customers["cq"]).industry == "建材"
    assert card.editors["industry"].text() == "建材"


def test_unsaved_changes_are_not_lost_on_close(qtbot, customers, window, loaded, monkeypatch):
    card = _open(window, customers["hz"])
    card.editors["industry"].input.setText("茶叶")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    assert window.close_card_at(window.cards.indexOf(card)) is False
    assert window.cards.indexOf(card) >= 0
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Save)
    assert window.close_card_at(window.cards.indexOf(card)) is True
    assert Customer.get_by_id(customers["hz"]).industry == "茶叶"


def test_new_customer_with_key_person_and_category(qtbot, window, loaded, monkeypatch, user):
    window.new_action.trigger()  # Ctrl+N
    card = window.current_card()
    assert card is not None and card.customer_id is None
    card.editors["name"].input.setText("苏州园区精密机械有限公司")
    grade = classification.scheme_by_key("grade")
    box = card.category_boxes[grade.id]
    box.setCurrentIndex(1)

    def fill(dialog):
        dialog.editors["name"].input.setText("张伟")
        dialog.editors["mobile"].input.setText("13812345678")
        dialog.editors["role"].set_text("legal")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PersonDialog, "exec", fill)
    card.add_person()
    assert card.save() is True
    row = Customer.get(Customer.name == "苏州园区精密机械有限公司")
    assert row.code.startswith("KH")
    person = KeyPerson.get(KeyPerson.customer == row.id)
    assert (person.name, person.mobile, person.role) == ("张伟", "13812345678", "legal")
    assert classification.categories_of(row.id) == {grade.id: box.itemData(1)}
    loaded(window)
    assert row.id in list(window.model.ids())


def test_sensitive_fields_are_masked_until_revealed_and_audited(
    qtbot, customers, window, loaded, user
):
    base = dossiers.load(customers["bj"])
    dossiers.save(
        base, {}, user, persons=[{"id": None, "name": "李娜", "id_number": "11010519491231002X"}]
    )
    card = _open(window, customers["bj"])
    dialog = PersonDialog(window.session, card.persons[0], card.customer_id, card)
    qtbot.addWidget(dialog)
    editor = dialog.editors["id_number"]
    assert editor.input.text() == "••••••" and not editor.input.isEnabled()
    assert dialog.values()["id_number"] == "11010519491231002X"  # kept, not overwritten
    dialog.reveal()
    assert editor.input.text() == "11010519491231002X"
    assert AuditEntry.select().where(AuditEntry.action == "view_sensitive").count() >= 1


def test_archive_and_restore_from_the_card(qtbot, customers, window, loaded):
    card = _open(window, customers["gz"])
    card.archive_button.click()
    assert Customer.get_by_id(customers["gz"]).status == "archived"
    loaded(window)
    assert customers["gz"] not in list(window.model.ids())
    card.archive_button.click()
    assert Customer.get_by_id(customers["gz"]).status == "active"


def test_other_process_commit_refreshes_list_and_idle_card(
    qtbot, customers, window, loaded, db_path
):
    card = _open(window, customers["sh"])
    _save_in_other_process(db_path, customers["sh"], "industry", "物流")
    qtbot.waitUntil(lambda: card.editors["industry"].text() == "物流", timeout=5000)
    column = None
    window.list_view.toggle_column("industry", True)
    column = window.model.columns.index("industry")
    row = window.model.row_of(customers["sh"])
    qtbot.waitUntil(lambda: window.model.index(row, column).data() == "物流", timeout=5000)


def test_the_customers_own_notes_and_filing_date_are_on_the_card(qtbot, window, loaded):
    import datetime as dt

    window.new_action.trigger()
    card = window.current_card()
    card.editors["name"].input.setText("无锡备注测试有限公司")
    assert card.editors["filed_on"].text() == ""  # filled in when saved, if left empty
    card.editors["notes"].input.setPlainText("春节前回访；只收现金")
    assert card.save() is True
    row = Customer.get(Customer.name == "无锡备注测试有限公司")
    assert (row.notes, row.filed_on) == ("春节前回访；只收现金", dt.date.today())
    card.editors["filed_on"].input.setText("2015-03-01")
    assert card.save() is True
    assert Customer.get_by_id(row.id).filed_on == dt.date(2015, 3, 1)
    shown = [card.history_table.item(r, 2).text() for r in range(card.history_table.rowCount())]
    assert "建档日期" in shown
