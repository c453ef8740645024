"""The route views inside the main window, and the user story of issue 5: a new user builds
a route of ten demo customers by dragging them from the customer list, lets the app order it,
records a visit, and sees tomorrow's rounds on the today panel."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox
from test_routes_view import drop  # tests/ui is on sys.path (rootdir-less test folders)

from kehu.services import demo, routes, visits
from kehu.ui.routes.propose_dialog import ProposeOrderDialog
from kehu.ui.routes.route_dialog import RouteDialog
from kehu.ui.routes.visit_dialog import VisitDialog, to_qdate


def fill_visit(content: str, next_visit: dt.date | None = None):
    def exec_(dialog: VisitDialog) -> int:
        dialog.kind.setCurrentIndex(dialog.kind.findData("routine"))
        dialog.content.setPlainText(content)
        dialog.findings.setPlainText("库存充足")
        dialog.next_step.setPlainText("下周送样品")
        if next_visit:
            dialog.plan_next.setChecked(True)
            dialog.next_visit.setDate(to_qdate(next_visit))
        dialog.accept()
        return dialog.result()

    return exec_


def test_views_are_in_the_main_window_and_today_shows_on_opening(qtbot, window):
    views = window.route_views
    qtbot.waitUntil(lambda: views.today_panel.report is not None)
    assert window.views.indexOf(views.routes_view) > 0
    assert window.views.indexOf(views.visit_reports) > 0
    assert views.today_dock.isVisible()
    assert views.today_panel.day() == dt.date.today()


def test_record_a_visit_from_the_card(window, customers, monkeypatch):
    card = window.open_card(customers["sh"])
    assert card.visits_table.rowCount() == 0
    monkeypatch.setattr(VisitDialog, "exec", fill_visit("介绍新品"))
    window.route_views.record_visit_action.trigger()
    assert card.visits_table.rowCount() == 1
    assert card.visits_table.item(0, 3).text() == "介绍新品"
    report = visits.daily_report(window.session.user.id, dt.date.today())
    assert [r["customer_id"] for r in report] == [customers["sh"]]
    reports = window.route_views.visit_reports  # a tab not opened yet: read when shown
    window.views.setCurrentWidget(reports)
    assert reports.model.rowCount() == 1
    assert reports.model.item(0, 2).text() == "介绍新品"


def test_record_visit_without_a_customer_says_what_to_do(window, monkeypatch):
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    assert window.route_views.record_visit() is None
    assert told


def test_user_story_build_order_visit_and_see_tomorrow(qtbot, window, user, monkeypatch, loaded):
    demo.generate(40, user=user)
    window.refresh()
    loaded(window)
    views = window.route_views
    ids = list(window.model.ids())
    on_routes = routes.routes_of(ids)
    free = [cid for cid in ids if cid not in on_routes][:10]
    assert len(free) == 10

    # 1. a new route, on tomorrow's weekday, every week
    tomorrow = dt.date.today() + dt.timedelta(days=1)

    def new_route(dialog: RouteDialog) -> int:
        dialog.name.setText("明日线")
        dialog.weekdays[tomorrow.isoweekday() - 1].setChecked(True)
        dialog.frequency.setCurrentIndex(dialog.frequency.findData("weekly"))
        dialog.accept()
        return dialog.result()

    window.views.setCurrentWidget(views.routes_view)
    monkeypatch.setattr(RouteDialog, "exec", new_route)
    views.routes_view.new_route_action.trigger()
    route_id = views.routes_view.current_route_id()
    assert route_id is not None

    # 2. drag ten customers from the customer list onto the route's stops
    rows = [ids.index(cid) for cid in free]
    mime = window.model.mimeData([window.model.index(r, 0) for r in rows])
    table = views.routes_view.table
    target = QPoint(10, table.viewport().height() - 3)
    assert drop(table.viewport(), mime, target, Qt.DropAction.CopyAction)
    assert views.routes_view.stops_model.customer_ids() == free

    # 3. let the app order it
    seen = {}

    def accept(dialog: ProposeOrderDialog) -> int:
        seen["summary"] = dialog.summary.text()
        return ProposeOrderDialog.DialogCode.Accepted

    monkeypatch.setattr(ProposeOrderDialog, "exec", accept)
    before = routes.propose(route_id).proposal
    views.routes_view.propose_action.trigger()
    ordered = views.routes_view.stops_model.customer_ids()
    assert sorted(ordered) == sorted(free)
    assert ordered == before.order
    assert f"{before.before_km:.1f}" in seen["summary"]
    assert f"{before.after_km:.1f}" in seen["summary"]

    # 4. record a visit at the first stop, planning the next one for tomorrow
    views.routes_view.table.selectRow(0)
    monkeypatch.setattr(VisitDialog, "exec", fill_visit("首次拜访", tomorrow))
    views.routes_view.visit_action.trigger()
    first = views.routes_view.stops_model.stop_at(0)
    assert first.last_visit == dt.date.today()
    assert first.next_visit == tomorrow

    # 5. tomorrow's rounds on the today panel
    panel = views.today_panel
    panel.tomorrow_button.click()  # the lists are computed off the UI thread
    # a refresh can follow (the report's own commit seen by the poll): wait for the last one
    qtbot.waitUntil(
        lambda: not panel.loading and panel.report is not None and panel.report.day == tomorrow
    )
    assert panel.day() == tomorrow
    due_ids = [item.customer_id for item in panel.report.due]
    assert due_ids[:10] == ordered
    names = panel.rows("due")
    assert names[:10] == [views.routes_view.stops_model.stop_at(r).name for r in range(10)]
    assert "明日线" in panel.summary.text()
