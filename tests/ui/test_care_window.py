"""Care by grade from the window (issue 15): the lunar birthday in the person dialog, the
visit cadence editor, the Today panel's reminder days, the tray and the merged card."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QWidget

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
        assert dialog.lunar_hint.text() == ""  # a solar birthday needs no hint
        box = dialog.editors["birthday_lunar"].input
        assert [box.itemText(i) for i in range(box.count())] == ["公历", "农历"]
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


# -- visit cadence ----------------------------------------------------------------------------


def _grades():
    from kehu.db.models import Scheme

    return sorted(Scheme.get(Scheme.key == "grade").categories, key=lambda c: c.position)


def _graded(user, name, grade, last_visit=None):
    from kehu.db.models import Visit

    cid = dossiers.create({"name": name}, user, categories={grade.scheme_id: grade.id})
    if last_visit:
        Visit.create(customer=cid, salesperson=user, visit_date=last_visit)
    return cid


def test_the_cadence_editor_changes_the_today_panel(qtbot, window, user, monkeypatch):
    from kehu.db.models import Category
    from kehu.ui.dialogs.cadence_dialog import CadenceDialog

    a, b, c = _grades()
    panel = window.route_views.today_panel
    _graded(user, "甲公司", a, dt.date.today() - dt.timedelta(days=10))
    _graded(user, "丁公司", c)  # never visited
    panel.refresh()
    qtbot.waitUntil(lambda: not panel.loading, timeout=10_000)
    assert panel.rows("cadence") == ["甲公司", "丁公司"]

    def edit(dialog: CadenceDialog):
        spins = dialog.spins
        assert [spins[g.id].value() for g in (a, b, c)] == [7, 14, 30]
        assert spins[c.id].specialValueText() == "不定期"
        spins[a.id].setValue(14)  # 10 days ago: no longer overdue
        spins[c.id].setValue(0)  # none
        dialog.buttons.accepted.emit()
        return dialog.result()

    monkeypatch.setattr(CadenceDialog, "exec", edit)
    window.cadence_action.trigger()
    assert [Category.get_by_id(g.id).visit_days for g in (a, b, c)] == [14, 14, None]
    qtbot.waitUntil(lambda: not panel.loading, timeout=10_000)
    assert panel.rows("cadence") == []


def test_the_cadence_editor_is_read_only_for_a_salesperson(qtbot, window, workspace):
    from kehu.core.rights import Refused
    from kehu.services import auth, care
    from kehu.ui.dialogs.cadence_dialog import CadenceDialog

    clerk = auth.create_user("li", "李明", "salesperson")
    window.session.user = clerk
    dialog = CadenceDialog(window.session, window)
    qtbot.addWidget(dialog)
    assert not any(spin.isEnabled() for spin in dialog.spins.values())
    assert dialog.note.isVisibleTo(dialog) and not dialog.defaults_button.isEnabled()
    a = _grades()[0]
    try:
        care.set_cadences({a.id: 3}, clerk)
    except Refused:
        pass
    else:
        raise AssertionError("a salesperson changed a cadence")


# -- reminder days ----------------------------------------------------------------------------


def test_reminder_days_come_from_the_settings(qtbot, window, user, monkeypatch):
    from kehu.ui import settings
    from kehu.ui.dialogs.settings_dialog import SettingsDialog

    soon = dt.date.today() + dt.timedelta(days=12)
    born = soon.replace(year=1980) if (soon.month, soon.day) != (2, 29) else dt.date(1980, 2, 29)
    dossiers.create({"name": "远生日公司"}, user, persons=[{"name": "赵六", "birthday": born}])
    panel = window.route_views.today_panel
    panel.refresh()
    qtbot.waitUntil(lambda: not panel.loading, timeout=10_000)
    assert panel.rows("birthdays") == []  # 12 days ahead: beyond the default 7

    def choose(dialog: SettingsDialog):
        section = dialog.findChild(QWidget, "careSettings")
        section.days.setValue(14)
        section.tray.setChecked(False)
        dialog.buttons.accepted.emit()
        return dialog.result()

    monkeypatch.setattr(SettingsDialog, "exec", choose)
    window.settings_action.trigger()
    assert settings.get(settings.REMIND_DAYS) == 14
    assert settings.get(settings.TRAY_NOTIFY) is False
    qtbot.waitUntil(lambda: not panel.loading, timeout=10_000)
    assert panel.rows("birthdays") == ["远生日公司"]
    title = panel.model.item(2, 0).text()
    assert "14" in title


# -- tray notification ------------------------------------------------------------------------


def test_the_tray_notifies_once_a_day_per_database(qtbot, window, user):
    from kehu.services import today
    from kehu.ui import settings
    from kehu.ui.window.care_tray import CareNotifier

    a = _grades()[0]
    _graded(user, "甲公司", a, dt.date(2026, 9, 1))
    dossiers.create(
        {"name": "戊公司"},
        user,
        persons=[{"name": "王芳", "birthday": MID_AUTUMN_1990, "birthday_lunar": "lunar"}],
    )
    day = dt.date(2026, 9, 25)  # 八月十五 in 2026
    notifier = CareNotifier(window, "/tmp/one.db", clock=lambda: day)
    shown = []
    notifier.notified.connect(lambda title, text: shown.append(text))
    report = today.today(user, day)
    assert notifier.consider(report) is True
    assert "王芳" in shown[0] and "农历八月十五" in shown[0]
    assert "甲公司" in shown[0] and "1" in shown[0]
    assert "王芳" in window.statusBar().currentMessage()  # offscreen: no tray
    assert notifier.consider(report) is False  # once a day
    other = CareNotifier(window, "/tmp/other.db", clock=lambda: day)
    assert other.consider(report) is True  # per database
    later = CareNotifier(window, "/tmp/one.db", clock=lambda: day + dt.timedelta(days=1))
    assert later.consider(today.today(user, day + dt.timedelta(days=1))) is True
    settings.put(settings.TRAY_NOTIFY, False)
    quiet = CareNotifier(window, "/tmp/third.db", clock=lambda: day)
    assert quiet.consider(report) is False


def test_the_window_notifies_from_the_today_panel(qtbot, window, user):
    a = _grades()[0]
    _graded(user, "甲公司", a, dt.date.today() - dt.timedelta(days=30))
    shown = []
    window.care_notifier.notified.connect(lambda title, text: shown.append(text))
    panel = window.route_views.today_panel
    panel.refresh()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "甲公司" in shown[0]


# -- route sheet: overdue stops from the Print dialog -----------------------------------------


def test_the_print_dialog_prints_overdue_stops_only(qtbot, window, user, monkeypatch, tmp_path):
    import shutil
    import subprocess

    import pytest
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QFileDialog

    from kehu.services import routes

    if not shutil.which("pdftotext"):
        pytest.skip("needs pdftotext")
    a, b, _c = _grades()
    late = _graded(user, "甲百货", a, dt.date(2026, 3, 1))
    fresh = _graded(user, "乙超市", a, dt.date(2026, 3, 18))
    late_b = _graded(user, "丙商行", b, dt.date(2026, 2, 1))
    route = routes.create_route(user, "河西线", salesperson_id=user.id, weekdays="1")
    routes.add_stops(route, [fresh, late_b, late], user)
    out = tmp_path / "route.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    dialog = window.make_print_dialog()
    qtbot.addWidget(dialog)
    dialog.select("route")
    assert dialog.overdue.isVisibleTo(dialog)
    dialog.route.setCurrentIndex(dialog.route.findData(route))
    dialog.date.setDate(QDate(2026, 3, 20))
    dialog.overdue.setCurrentIndex(dialog.overdue.findData("only"))
    assert dialog.options()["overdue"] == "only"
    dialog.save_button.click()
    window.print_choice(dialog.choice)
    qtbot.waitUntil(out.exists, timeout=30_000)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "乙超市" not in text
    assert text.index("甲百货") < text.index("丙商行")  # A before B
    dialog.select("card")
    assert not dialog.overdue.isVisibleTo(dialog)


# -- merged customers -------------------------------------------------------------------------


def test_a_merged_card_links_the_kept_customer(qtbot, customers, window, user):
    from kehu.services import merge

    keep = customers["bj"]
    other = dossiers.create({"name": "海淀科技（北京）", "phone": "010-88888888"}, user)
    merge.merge(merge.plan(keep, other, user), {"name": merge.KEEP}, user)
    card = _open(window, other)
    assert card.merge_note.isVisibleTo(card)
    note = card.merge_note.text()
    assert "合并到" in note and "北京海淀科技有限公司" in note and f'href="{keep}"' in note
    card.merge_note.linkActivated.emit(str(keep))
    assert window.current_card().customer_id == keep
    kept_card = window.current_card()
    assert kept_card.merge_note.isVisibleTo(kept_card)
    assert "海淀科技（北京）" in kept_card.merge_note.text()
    assert not _open(window, customers["sh"]).merge_note.isVisibleTo(window)


def test_a_merge_link_to_a_customer_one_cannot_see_names_its_owner(workspace, user):
    from kehu.services import auth, merge

    boss = auth.create_user("wang", "王经理", "manager")
    keep = dossiers.create({"name": "甲公司"}, boss)
    other = dossiers.create({"name": "甲公司（长沙）"}, boss)
    merge.merge(merge.plan(keep, other, boss), {}, boss)
    clerk = auth.create_user("li", "李明", "salesperson")
    into, here = merge.merge_links(other, clerk)
    assert into is not None and not into.visible and into.name == ""
    assert into.owner == "王经理" and here == []
    into, _ = merge.merge_links(other, boss)
    assert into.visible and into.name == "甲公司"


# -- lunar birthdays on the Today panel and in the dialog, across New Year and a leap month ----


def _lunar_person(user, customer, person, born):
    return dossiers.create(
        {"name": customer},
        user,
        persons=[{"name": person, "birthday": born, "birthday_lunar": "lunar"}],
    )


def test_the_today_panel_lists_lunar_birthdays_across_new_year_and_a_leap_month(qtbot, user):
    from kehu.ui.routes import TodayPanel

    _lunar_person(user, "春节公司", "李强", dt.date(1990, 1, 27))  # 正月初一
    _lunar_person(user, "闰月公司", "周敏", dt.date(2020, 6, 1))  # 闰四月初十
    _lunar_person(user, "六月公司", "吴刚", dt.date(1990, 7, 22))  # 六月初一
    panel = TodayPanel(user, day=dt.date(2026, 2, 12), lang="zh_CN")
    qtbot.addWidget(panel)
    assert panel.rows("lunar_birthdays") == ["春节公司"]  # 2026-02-17, New Year's Day
    from kehu.ui.routes.today_panel import SectionRole

    texts = [panel.model.item(r, 0) for r in range(panel.model.rowCount())]
    section = next(t for t in texts if t.data(SectionRole) == "lunar_birthdays")
    assert section.child(0, 1).text() == "李强: 农历正月初一 (今年 2月17日)"
    panel.show_day(dt.date(2026, 5, 22))  # 2026 has no 闰四月: the ordinary 四月初十
    assert panel.rows("lunar_birthdays") == ["闰月公司"]
    panel.show_day(dt.date(2025, 7, 20))  # 2025's 闰六月初一 (07-25) is not a second birthday
    assert panel.rows("lunar_birthdays") == []
    panel.show_day(dt.date(2025, 6, 20))  # the ordinary 六月初一 is 2025-06-25
    assert panel.rows("lunar_birthdays") == ["六月公司"]


def test_the_dialog_says_next_year_for_a_birthday_late_in_the_lunar_year(qtbot, window):
    dialog = PersonDialog(window.session, None, None, window, today=dt.date(2026, 2, 10))
    qtbot.addWidget(dialog)
    dialog.editors["birthday"].input.setText("1991-02-03")  # 腊月十九
    box = dialog.editors["birthday_lunar"].input
    box.setCurrentIndex(box.findData("lunar"))
    assert dialog.lunar_hint.text() == "农历腊月十九 (明年 1月26日)"  # New Year 02-17 passed it
    box.setCurrentIndex(0)  # solar again
    assert dialog.lunar_hint.text() == ""
    assert dialog.values()["birthday_lunar"] == ""


def test_a_merge_is_undone_from_the_merged_card(qtbot, customers, window, user, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from kehu.db.models import Customer
    from kehu.services import merge

    keep = customers["bj"]
    other = dossiers.create(
        {"name": "海淀科技（北京）"}, user, persons=[{"name": "孙丽", "mobile": "13700001111"}]
    )
    merge.merge(merge.plan(keep, other, user), {"name": merge.KEEP}, user)
    assert Customer.get_by_id(other).status == "archived"
    card = _open(window, other)
    assert 'href="undo:' in card.merge_note.text() and "撤销这次合并" in card.merge_note.text()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    link = card.merge_note.text().split('href="')[2].split('"')[0]
    card.merge_note.linkActivated.emit(link)
    assert Customer.get_by_id(other).status == "active"
    assert [p["name"] for p in dossiers.load(other).persons] == ["孙丽"]
    qtbot.waitUntil(lambda: not card.merge_note.isVisibleTo(card), timeout=10_000)
