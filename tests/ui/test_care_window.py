"""Care by grade from the window (issue 15): the lunar birthday in the person dialog, the
visit cadence editor, the Today panel's reminder days, the tray and the merged card."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog

from kehu.db.models import KeyPerson
from kehu.services import dossiers
from kehu.ui.card.person_dialog import PersonDialog

MID_AUTUMN_1990 = dt.date(1990, 10, 3)  # 八月十五


def _open(window, customer_id):
    card = window.open_card(customer_id)
    assert card is not None and card.customer_id == customer_id
    return card


def test_a_lunar_birthday_is_chosen_beside_the_date_and_saved(
    qtbot, customers, window, monkeypatch
):
    card = _open(window, customers["bj"])
    seen = {}

    def fill(dialog):
        dialog.editors["name"].input.setText("王芳")
        dialog.editors["birthday"].input.setText("1990-10-03")
        assert not dialog.lunar_hint.isVisible() or not dialog.lunar_hint.text()
        box = dialog.editors["birthday_lunar"].input
        assert [box.itemText(i) for i in range(box.count())] == ["公历", "农历（农历）"] or (
            box.count() == 2
        )
        box.setCurrentIndex(box.findData("lunar"))
        seen["hint"] = dialog.lunar_hint.text()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PersonDialog, "exec", fill)
    monkeypatch.setattr(
        PersonDialog,
        "__init__",
        _with_today(PersonDialog.__init__, dt.date(2026, 9, 20)),
    )
    card.add_person()
    assert seen["hint"] == "农历八月十五 (今年 9月25日)"
    assert card.save() is True
    person = KeyPerson.get(KeyPerson.customer == customers["bj"])
    assert person.birthday_lunar == 1 and person.birthday == MID_AUTUMN_1990
    history = {h["field"]: h["new"] for h in dossiers.history(customers["bj"])}
    assert "person" in history


def _with_today(init, day):
    def patched(self, *args, **kwargs):
        kwargs.setdefault("today", day)
        init(self, *args, **kwargs)

    return patched
