"""Puts the routes view, the visit reports and the today panel into the main window.

The main window calls `install(self)` once; everything route-specific (tabs, the today dock
shown on opening, the "Record visit…" action for the current card or customer) is wired here
so that the main window only needs that one line. The views refresh themselves: each listens
to the session's change hub.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMenu, QMessageBox

from kehu.ui.routes.daily_report import DailyReportView
from kehu.ui.routes.routes_view import RoutesView
from kehu.ui.routes.today_panel import TodayPanel
from kehu.ui.routes.visit_dialog import VisitDialog

logger = logging.getLogger(__name__)


@dataclass
class RouteViews:
    window: Any  # kehu.ui.main_window.MainWindow (not imported: it imports this module)
    routes_view: RoutesView
    visit_reports: DailyReportView
    today_panel: TodayPanel
    today_dock: QDockWidget
    record_visit_action: QAction
    add_to_route_action: QAction | None = None

    def record_visit(self, customer_id: int | None = None) -> int | None:
        """Record a visit for the given customer, the current card's, or the selected one."""
        window = self.window
        if customer_id is None:
            card = window.current_card()
            if card is not None and card.customer_id is not None:
                customer_id = card.customer_id
            else:
                customer_id = window.list_view.current_id()
        if customer_id is None:
            QMessageBox.information(
                window,
                QCoreApplication.translate("RouteViews", "Record visit"),
                QCoreApplication.translate(
                    "RouteViews", "Open a customer's card or select a customer first."
                ),
            )
            return None
        session = window.session
        dialog = VisitDialog(
            session.user, customer_id, parent=window, lang=session.lang, hub=session.hub
        )
        if dialog.exec() != VisitDialog.DialogCode.Accepted:
            return None
        return dialog.visit_id


def _menu_with(window: Any, action: QAction) -> QMenu | None:
    for item in window.menuBar().actions():
        menu = item.menu()
        if menu is not None and action in menu.actions():
            return menu
    return None


def install(window: Any) -> RouteViews:
    """Add the views to `window` (a MainWindow with `add_view` and a session)."""
    user, lang, hub = window.session.user, window.session.lang, window.session.hub
    routes_view = RoutesView(user, window, lazy=True, lang=lang, hub=hub)
    window.add_view(routes_view, QCoreApplication.translate("RouteViews", "Routes"))
    reports = DailyReportView(user, parent=window, lazy=True, lang=lang, hub=hub)
    window.add_view(reports, QCoreApplication.translate("RouteViews", "Visit reports"))
    today_panel = TodayPanel(user, parent=window, tasks=window.session.tasks, lang=lang, hub=hub)
    dock = QDockWidget(QCoreApplication.translate("RouteViews", "Today"), window)
    dock.setObjectName("todayDock")
    dock.setWidget(today_panel)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    action = QAction(QCoreApplication.translate("RouteViews", "Record &visit…"), window)
    action.setObjectName("recordVisitAction")
    window.addAction(action)
    views = RouteViews(window, routes_view, reports, today_panel, dock, action)
    action.triggered.connect(lambda: views.record_visit())
    edit_menu = _menu_with(window, window.classify_action)
    if edit_menu is not None:
        edit_menu.addAction(action)
    view_menu = _menu_with(window, window.refresh_action)
    if view_menu is not None:
        view_menu.addAction(dock.toggleViewAction())
    for widget in (routes_view, reports, today_panel):
        widget.open_customer_requested.connect(window.open_card)
    _install_route_commands(window, views)
    return views


def _install_route_commands(window: Any, views: RouteViews) -> None:
    """Add to route… on the Edit menu and the list's menu; dragging customers over the
    Routes tab opens it; the routes view prints a route's sheet through File → Print."""
    from kehu.ui.routes.add_to_route import add_selection_to_route

    add = QAction(QCoreApplication.translate("RouteViews", "Add to &route…"), window)
    add.setObjectName("addToRouteAction")
    add.triggered.connect(lambda: add_selection_to_route(window, views.routes_view))
    window.addAction(add)
    views.add_to_route_action = add
    edit_menu = _menu_with(window, window.classify_action)
    if edit_menu is not None:
        edit_menu.addAction(add)
    window.list_view.add_row_actions([views.record_visit_action, add, window.classify_action])
    tabs = window.views.tabBar()
    tabs.setAcceptDrops(True)
    tabs.setChangeCurrentOnDrag(True)
    views.routes_view.print_route_requested.connect(
        lambda route_id: window.open_print_dialog("route", route_id)
    )
