"""Routes (客户路序), visit reports and the today panel.

Widgets take the current user and read from `kehu.services.routes`, `visits` and `today`;
they write through `kehu.ui.operations.routes` / `visits` and refresh when the change hub
they are given (the session's, or their own when alone) says what changed. They work on
their own (each is tested alone) and are added to the main window as views.
"""

from kehu.ui.routes.daily_report import DailyReportView
from kehu.ui.routes.routes_view import RoutesView
from kehu.ui.routes.today_panel import TodayPanel
from kehu.ui.routes.visit_dialog import VisitDialog

__all__ = ["DailyReportView", "RoutesView", "TodayPanel", "VisitDialog"]
