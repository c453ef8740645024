"""Duplicates in the window: scan, review side by side, merge, undo; the warning while a new
customer's name is typed (another salesperson's customer stays hidden)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QRadioButton

from kehu.db.models import Customer
from kehu.services import auth, dossiers, merge
from kehu.ui.dialogs.duplicates_dialog import DuplicatesDialog
from kehu.ui.dialogs.merge_dialog import MergeDialog

SHOTS = os.environ.get("KEHU_SCREENSHOTS")  # a folder: save what the tests show


def _shot(widget, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


@pytest.fixture
def twins(workspace, user):
    keep = dossiers.create(
        {"name": "北京海淀华鑫五金有限公司", "phone": "010-88888888", "industry": "五金"},
        user,
        persons=[{"name": "张伟", "role": "owner"}],
    )
    other = dossiers.create(
        {
            "name": "海淀华鑫五金（北京）",
            "phone": "(010)8888-8888",
            "address": "北京市海淀区学院路1号",
        },
        user,
        persons=[{"name": "李娜", "role": "purchasing"}],
    )
    return keep, other


def _scan(qtbot, dialog):
    dialog.scan_button.click()
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=10_000)


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_scan_review_merge_and_undo_from_the_window(qtbot, window, twins, monkeypatch, lang, qapp):
    from kehu.ui import translations

    translations.install(qapp, lang)
    keep, other = twins
    window.session.lang = lang
    dialog = DuplicatesDialog(window.session, window, open_customer=window.open_card)
    qtbot.addWidget(dialog)
    dialog.show()
    _scan(qtbot, dialog)
    assert dialog.table.item(0, 2).text() == Customer.get_by_id(keep).code
    assert int(dialog.table.item(0, 0).text()) >= 80
    _shot(dialog, f"duplicates_{lang}")

    shown = {}

    def review(self):
        shown["dialog"] = self
        _shot(self, f"merge_{lang}")
        self.findChild(QRadioButton, "choice_name_keep").setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(MergeDialog, "exec", review)
    dialog.review_button.click()
    assert shown["dialog"].choices()["address"] == merge.OTHER
    assert Customer.get_by_id(other).status == "archived"
    assert dossiers.load(keep).values["address"] == "北京市海淀区学院路1号"
    assert dialog.table.rowCount() == 0
    assert dialog.merges_table.rowCount() == 1

    dialog.tabs.setCurrentIndex(1)
    dialog.merges_table.selectRow(0)
    dialog.undo_button.click()
    assert Customer.get_by_id(other).status == "active"
    assert dossiers.load(keep).values["address"] is None
    dialog.close()


def test_the_menu_opens_the_duplicates_dialog(qtbot, window, twins):
    window.duplicates_action.trigger()
    dialog = window.duplicates_dialog
    assert dialog.isVisible()
    _scan(qtbot, dialog)
    dialog.table.selectRow(0)
    dialog.open_button.click()
    assert {c.customer_id for c in window.open_cards()} >= set(twins)
    dialog.close()


def test_typing_a_new_customers_name_warns_and_opens_the_duplicate(qtbot, window, twins):
    keep, _other = twins
    window.new_customer()
    card = window.current_card()
    card.editors["name"].input.setText("北京海淀华鑫五金")
    warning = card.duplicate_warning
    qtbot.waitUntil(lambda: warning.isVisible(), timeout=5_000)
    assert Customer.get_by_id(keep).code in warning.text() or "KH" in warning.text()
    _shot(card, "card_duplicate_warning_zh_CN")
    warning.linkActivated.emit(f"open:{warning.found[0].customer_id}")
    assert window.current_card().customer_id in twins
    card.editors["name"].input.setText("")  # nothing typed left to ask about on closing


def test_a_salesperson_learns_only_whom_to_ask(qtbot, workspace, user):
    from kehu.ui.card.duplicate_warning import DuplicateWarning

    a = auth.create_user("a", "李明", "salesperson")
    b = auth.create_user("b", "张丽", "salesperson")
    dossiers.create({"name": "上海浦东恒通食品有限公司", "phone": "021-66666666"}, user, owner=b)
    warning = DuplicateWarning(a)
    qtbot.addWidget(warning)
    warning.schedule("上海浦东恒通食品")
    qtbot.waitUntil(lambda: bool(warning.found), timeout=5_000)
    text = warning.text()
    assert "张丽" in text
    assert "021" not in text and "KH" not in text and "上海浦东恒通食品有限公司" not in text
    assert not warning.found[0].visible
