"""The today panel and the daily report view on fixed dates (October 2024 starts on a Tuesday)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from kehu.services import dossiers, routes, today, visits
from kehu.ui.routes import DailyReportView, TodayPanel, VisitDialog, today_all
from kehu.ui.tasks import TaskRunner

D = dt.date.fromisoformat


def build(user):
    shop = dossiers.create(
        {"name": "甲商店", "phone": "021-1"},
        user,
        persons=[{"name": "甲老板", "birthday": D("1970-10-03")}],
    )
    other = dossiers.create({"name": "乙商店"}, user)
    late = dossiers.create({"name": "丙商店"}, user)
    route = routes.create_route(user, "周二线", weekdays="2", frequency="weeks13")
    routes.add_stops(route, [other, shop], user)
    visits.record_visit(
        late, user, visit_date="2024-09-20", next_visit_on="2024-09-24", next_step="催款"
    )
    return shop, other, late


def test_sections_on_a_fixed_day_and_the_next(qtbot, workspace, user):
    build(user)
    panel = TodayPanel(user, day=D("2024-09-30"))
    qtbot.addWidget(panel)
    assert panel.rows("due") == []
    assert panel.rows("overdue") == ["丙商店"]
    assert panel.rows("birthdays") == ["甲商店"]
    panel.show_day(D("2024-10-01"))  # the first Tuesday: the route is due
    assert panel.rows("due") == ["乙商店", "甲商店"]
    assert "周二线" in panel.summary.text()
    panel.show_day(D("2024-10-08"))  # second Tuesday: not due; birthday passed
    assert panel.rows("due") == [] and panel.rows("birthdays") == []


def test_record_a_visit_from_the_panel(qtbot, workspace, user, monkeypatch):
    shop, _other, _late = build(user)
    panel = TodayPanel(user, day=D("2024-10-01"))
    qtbot.addWidget(panel)
    section = panel.model.item(0, 0)
    panel.tree.setCurrentIndex(section.child(1, 0).index())
    assert panel.current_customer_id() == shop and panel.visit_button.isEnabled()

    def fill(dialog: VisitDialog) -> int:
        assert dialog.date.date().toString("yyyy-MM-dd") == "2024-10-01"
        dialog.content.setPlainText("按路线拜访")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(VisitDialog, "exec", fill)
    with qtbot.waitSignal(panel.hub.changed):
        panel.visit_button.click()
    assert panel.rows("due") == ["乙商店", "✓ 甲商店"]
    assert visits.daily_report(user.id, D("2024-10-01"))[0]["content"] == "按路线拜访"


def test_long_lists_are_cut_with_a_note(qtbot, workspace, user, monkeypatch):
    build(user)
    monkeypatch.setattr(today, "SHOWN", 1)
    panel = TodayPanel(user, day=D("2024-10-01"))
    qtbot.addWidget(panel)
    assert panel.rows("due") == ["乙商店"]
    section = panel.model.item(0, 0)
    assert section.text().endswith("(2)")  # the true total
    assert section.rowCount() == 2 and section.child(1, 0).text() == "… and 1 more — show all"


def test_the_more_line_opens_every_row_page_by_page(qtbot, workspace, user, monkeypatch):
    shop, other, _late = build(user)
    extra = [dossiers.create({"name": f"丁{n}商店"}, user) for n in range(3)]
    route = routes.routes_for(user)[0].id
    routes.add_stops(route, extra, user)
    monkeypatch.setattr(today, "SHOWN", 2)
    monkeypatch.setattr(today_all, "PAGE", 2)
    panel = TodayPanel(user, day=D("2024-10-01"), lang="zh_CN")
    qtbot.addWidget(panel)
    assert panel.rows("due") == ["乙商店", "甲商店"]
    more = panel.more_line("due")
    assert more is not None and "3" in more.text()
    assert panel.more_line("overdue") is None  # short sections list all their rows
    panel.tree.doubleClicked.emit(more.index())
    dialog = panel.section_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.rows() == ["乙商店", "甲商店"]
    assert dialog.position.text() == "1–2 of 5"
    assert not dialog.previous_button.isEnabled()
    dialog.next_button.click()
    assert dialog.rows() == ["丁0商店", "丁1商店"]
    dialog.next_button.click()
    assert dialog.rows() == ["丁2商店"] and not dialog.next_button.isEnabled()
    with qtbot.waitSignal(panel.open_customer_requested) as opened:
        dialog.tree.doubleClicked.emit(dialog.model.index(0, 0))
    assert opened.args == [extra[2]]
    dialog.close()
    # Enter on the more line does the same
    panel.tree.setCurrentIndex(panel.more_line("due").index())
    qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert panel.section_dialog is not dialog and panel.section_dialog.rows() == [
        "乙商店",
        "甲商店",
    ]
    assert panel.section_dialog.windowTitle() == "To visit"


def test_computed_off_the_ui_thread(qtbot, workspace, user):
    build(user)
    runner = TaskRunner()
    panel = TodayPanel(user, day=D("2024-09-30"), tasks=runner)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.report is not None)
    assert panel.rows("overdue") == ["丙商店"]
    with qtbot.waitSignal(panel.refreshed):
        panel.show_day(D("2024-10-01"))
    assert panel.rows("due") == ["乙商店", "甲商店"]
    runner.wait()


def test_daily_report_day_and_month(qtbot, workspace, user, monkeypatch):
    shop, other, _late = build(user)
    visits.record_visit(shop, user, visit_date="2024-10-01", kind="urgent", content="退货")
    visits.record_visit(other, user, visit_date="2024-10-01", content="下单")
    view = DailyReportView(user, day=D("2024-10-01"))
    qtbot.addWidget(view)
    assert view.model.rowCount() == 2
    assert [view.model.item(r, 0).text() for r in range(2)] == ["甲商店", "乙商店"]
    assert view.model.item(0, 1).text() == "紧急报告"
    view.mode.setCurrentIndex(view.mode.findData("month"))
    assert view.model.rowCount() == 31
    assert view.model.item(0, 4).text() == "2"  # total on 1 October
    assert view.model.item(19, 0).text() == "2024-10-20"
    assert view.model.item(19, 4).text() == ""  # the September visit is not counted
    # double click on a day of the month opens that day
    view.table.doubleClicked.emit(view.model.index(0, 0))
    assert view.mode.currentData() == "day" and view.model.rowCount() == 2

    # double click on a visit edits it
    def edit(dialog: VisitDialog) -> int:
        dialog.content.setPlainText("部分退货")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(VisitDialog, "exec", edit)
    view.table.doubleClicked.emit(view.model.index(0, 0))
    assert view.model.item(0, 2).text() == "部分退货"
