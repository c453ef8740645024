"""The today panel: customers due for a visit, overdue follow-ups, coming birthdays.

Any day can be shown (Today / Tomorrow / a date), so the salesperson can look at tomorrow's
rounds the evening before.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kehu.core.changes import Changes
from kehu.db.models import User
from kehu.services import today
from kehu.ui import settings
from kehu.ui.errors import show_error
from kehu.ui.operations import ChangeHub
from kehu.ui.routes.today_all import TodaySectionDialog
from kehu.ui.routes.today_care import TodayCare
from kehu.ui.routes.visit_dialog import VisitDialog, from_qdate, to_qdate
from kehu.ui.tasks import TaskRunner

CustomerRole = Qt.ItemDataRole.UserRole + 1
SectionRole = Qt.ItemDataRole.UserRole + 2  # "due", "overdue", "birthdays"…
MoreRole = Qt.ItemDataRole.UserRole + 3  # on the "… and N more — show all" line


class TodayPanel(TodayCare, QWidget):
    open_customer_requested = Signal(int)
    refreshed = Signal()  # the lists show `report` now

    def __init__(
        self,
        user: User,
        day: dt.date | None = None,
        parent: QWidget | None = None,
        tasks: TaskRunner | None = None,
        lang: str = "zh_CN",
        hub: ChangeHub | None = None,
    ) -> None:
        """With `tasks`, the lists are computed off the UI thread (large offices). `hub`: the
        session's change hub (a panel on its own has its own)."""
        super().__init__(parent)
        self.setObjectName("todayPanel")
        self.user = user
        self.lang = lang
        self.tasks = tasks
        self.hub = hub if hub is not None else ChangeHub(self)
        self.report: today.TodayReport | None = None
        self._shown_generation = -1
        self._generation = 0
        self.date = QDateEdit(to_qdate(day or dt.date.today()))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd ddd")
        # Room for the longest weekday name plus the popup arrow, so the date is never clipped.
        widest = max(
            self.date.fontMetrics().horizontalAdvance(
                self.date.locale().toString(day, "yyyy-MM-dd ddd")
            )
            for day in (to_qdate(dt.date(2026, 11, 23) + dt.timedelta(days=n)) for n in range(7))
        )
        self.date.setMinimumWidth(widest + 36)
        self.date.setObjectName("todayDate")
        self.date.setAccessibleName(self.tr("Day"))
        self.today_button = QPushButton(self.tr("Today"))
        self.tomorrow_button = QPushButton(self.tr("Tomorrow"))
        self.visit_button = QPushButton(self.tr("Record visit…"))
        self.visit_button.setEnabled(False)
        self.section_dialog: TodaySectionDialog | None = None
        self.model = QStandardItemModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName("todayTree")
        self.tree.setAccessibleName(self.tr("Visits due"))
        self.tree.setModel(self.model)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setRootIsDecorated(True)
        self.tree.setAlternatingRowColors(True)
        self.summary = QLabel()
        # Two rows: the dock is narrow, and the date and every button keep their full text.
        row = QHBoxLayout()
        row.addWidget(self.date, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.today_button)
        buttons.addWidget(self.tomorrow_button)
        buttons.addStretch(1)
        buttons.addWidget(self.visit_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree)
        self._connect_signals()
        self.refresh()

    def _connect_signals(self) -> None:
        self.date.dateChanged.connect(lambda *_: self.refresh())
        self.today_button.clicked.connect(lambda: self.show_day(dt.date.today()))
        self.tomorrow_button.clicked.connect(
            lambda: self.show_day(dt.date.today() + dt.timedelta(days=1))
        )
        self.visit_button.clicked.connect(self._on_record_visit)
        self.tree.doubleClicked.connect(self._on_double_click)
        self.tree.installEventFilter(self)
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.hub.changed.connect(self._on_changed)

    def _on_changed(self, changes: Changes) -> None:
        if (
            changes.visits_changed
            or changes.customers_changed
            or changes.routes_changed
            or changes.tree_changed  # a visit cadence
            or changes.classification_changed  # a customer's grade
        ):
            self.refresh()

    def day(self) -> dt.date:
        return from_qdate(self.date.date())

    def show_day(self, day: dt.date) -> None:
        if day == self.day():
            self.refresh()
        else:
            self.date.setDate(to_qdate(day))  # refreshes

    @staticmethod
    def days_ahead() -> int:
        """How many days ahead birthdays and anniversaries are listed (Settings → Care)."""
        days = int(settings.get(settings.REMIND_DAYS))
        return min(max(days, 0), settings.REMIND_DAYS_MAX)

    def refresh(self) -> None:
        day, user, ahead = self.day(), self.user, self.days_ahead()
        self._generation += 1
        if self.tasks is None:
            self._show(self._generation, today.today(user, day, ahead))
            return
        generation = self._generation
        self.summary.setText(self.tr("Loading…"))
        self.tasks.start(
            lambda _report: today.today(user, day, ahead),
            on_success=lambda report: self._show(generation, report),
            on_failure=lambda exc: show_error(self, exc),
            context=self,
        )

    @property
    def loading(self) -> bool:
        """True while a newer report is being computed than the one shown."""
        return self._shown_generation != self._generation

    def _show(self, generation: int, report: today.TodayReport) -> None:
        if generation != self._generation:
            return  # a newer day was asked for meanwhile
        self._shown_generation = generation
        self.report = report
        self.model.clear()
        self.model.setHorizontalHeaderLabels(
            [self.tr("Customer"), self.tr("Why"), self.tr("Phone"), self.tr("Last visit")]
        )
        self._fill_due(self.report)
        self._fill_overdue(self.report)
        self._fill_birthdays(self.report)
        self._fill_care(self.report)
        self.tree.expandAll()
        for column in range(self.model.columnCount()):
            self.tree.resizeColumnToContents(column)
        self.summary.setText(self._summary(self.report))
        self._update_buttons()
        self.refreshed.emit()

    def _summary(self, report: today.TodayReport) -> str:
        if report.is_empty:
            return self.tr("Nothing due on {day}.").format(day=report.day.isoformat())
        routes = ", ".join(r.name for r in report.routes)
        text = self.tr("{day}: {due} to visit, {overdue} overdue, {birthdays} birthdays.").format(
            day=report.day.isoformat(),
            due=f"{report.total('due'):,}",
            overdue=f"{report.total('overdue'):,}",
            birthdays=f"{report.total('birthdays') + report.total('lunar_birthdays'):,}",
        )
        if report.cadence:
            text += " " + self.tr("{n} overdue by visit cadence.").format(
                n=f"{report.total('cadence'):,}"
            )
        if routes:
            text += " " + self.tr("Routes: {routes}").format(routes=routes)
        return text

    def _section(self, title: str, key: str, count: int) -> QStandardItem:
        item = QStandardItem(f"{title} ({count:,})")
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)
        item.setData(key, SectionRole)
        item.setData(title, Qt.ItemDataRole.AccessibleDescriptionRole)
        self.model.appendRow([item, QStandardItem(), QStandardItem(), QStandardItem()])
        return item

    def _more(self, section: QStandardItem, total: int) -> None:
        """The line under a section that lists fewer rows than it has: how many more, and a
        double-click (or Enter) opens them all, page by page."""
        shown = sum(1 for r in range(section.rowCount()) if section.child(r, 0).data(CustomerRole))
        if total > shown:
            more = QStandardItem(
                self.tr("… and {n} more — show all").format(n=f"{total - shown:,}")
            )
            more.setToolTip(self.tr("Double-click to see all {n} rows").format(n=f"{total:,}"))
            more.setData(section.data(SectionRole), SectionRole)
            more.setData(section.data(SectionRole), MoreRole)
            font = QFont(more.font())
            font.setItalic(True)
            more.setFont(font)
            section.appendRow([more, QStandardItem(), QStandardItem(), QStandardItem()])

    def _fill_section(self, title: str, key: str, items: list) -> None:
        section = self._section(title, key, self.report.total(key))
        for item in items:
            customer_id, texts = self.row_texts(key, item)
            row = self._row(section, customer_id, texts)
            if key == "due" and item.visited:
                row[0].setToolTip(self.tr("Visited on this day already"))
        self._more(section, self.report.total(key))

    @staticmethod
    def _row(section: QStandardItem, customer_id: int, texts: list[str]) -> list[QStandardItem]:
        items = [QStandardItem(text) for text in texts]
        tip = " · ".join(text for text in texts if text)  # the reason, off-view in a narrow dock
        for item in items:
            item.setToolTip(tip)
            item.setData(customer_id, CustomerRole)
            item.setData(section.data(SectionRole), SectionRole)
        section.appendRow(items)
        return items

    def row_texts(self, key: str, item) -> tuple[int, list[str]]:
        """(customer id, the four column texts) of one row of section `key`, as listed here
        and in the section's "show all" dialog."""
        if key == "due":
            reasons = []
            if item.route_name:
                reasons.append(
                    self.tr("{route}, stop {n}").format(route=item.route_name, n=item.stop_number)
                )
            if "planned" in item.reasons:
                reasons.append(self.tr("planned visit"))
            name = f"✓ {item.name}" if item.visited else item.name
            last = item.last_visit.isoformat() if item.last_visit else ""
            return item.customer_id, [name, "; ".join(reasons), item.phone or "", last]
        if key == "overdue":
            why = self.tr("planned {day}, {n} days late").format(
                day=item.planned_on.isoformat(), n=item.days_overdue
            )
            if item.next_step:
                why += f" — {item.next_step}"
            last = item.last_visit.isoformat() if item.last_visit else ""
            return item.customer_id, [item.name, why, item.phone or "", last]
        if key == "birthdays":
            when = (
                self.tr("today")
                if item.in_days == 0
                else self.tr("in {n} days").format(n=item.in_days)
            )
            why = f"{item.person_name}: {item.on.strftime('%m-%d')} ({when})"
            if item.age:
                why += " " + self.tr("turns {age}").format(age=item.age)
            return item.customer_id, [item.customer_name, why, item.mobile or "", ""]
        return self.care_texts(key, item)

    def _fill_due(self, report: today.TodayReport) -> None:
        self._fill_section(self.tr("To visit"), "due", report.due)

    def _fill_overdue(self, report: today.TodayReport) -> None:
        self._fill_section(self.tr("Overdue follow-ups"), "overdue", report.overdue)

    def _birthday_title(self, report: today.TodayReport) -> str:
        if report.days_ahead == 0:
            return self.tr("Birthdays today")
        return self.tr("Birthdays in the next {n} days").format(n=report.days_ahead)

    def _fill_birthdays(self, report: today.TodayReport) -> None:
        self._fill_section(self._birthday_title(report), "birthdays", report.birthdays)

    def section_title(self, key: str) -> str:
        """A section's heading (without its count)."""
        for row in range(self.model.rowCount()):
            item = self.model.item(row, 0)
            if item.data(SectionRole) == key:
                return str(item.data(Qt.ItemDataRole.AccessibleDescriptionRole))
        return key

    def more_line(self, key: str) -> QStandardItem | None:
        """The "… and N more" line of section `key` (None when it lists all its rows)."""
        for row in range(self.model.rowCount()):
            item = self.model.item(row, 0)
            if item.data(SectionRole) == key:
                for r in range(item.rowCount()):
                    if item.child(r, 0).data(MoreRole):
                        return item.child(r, 0)
        return None

    def show_all(self, key: str | None) -> TodaySectionDialog | None:
        """All the rows of section `key` in a dialog, page by page (not modal: the panel and
        the customer it opens stay usable)."""
        if key is None or self.report is None:
            return None
        dialog = TodaySectionDialog(
            self.user,
            key,
            self.section_title(key),
            self.report.day,
            self.report.days_ahead,
            self.row_texts,
            [self.tr("Customer"), self.tr("Why"), self.tr("Phone"), self.tr("Last visit")],
            self,
        )
        dialog.open_customer_requested.connect(self.open_customer_requested)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.section_dialog = dialog
        dialog.show()
        return dialog

    # -- actions
    def current_customer_id(self) -> int | None:
        index = self.tree.currentIndex()
        return index.data(CustomerRole) if index.isValid() else None

    def current_section(self) -> str | None:
        index = self.tree.currentIndex()
        if not index.isValid():
            return None
        return self.model.itemFromIndex(index.siblingAtColumn(0)).data(SectionRole)

    def _update_buttons(self) -> None:
        self.visit_button.setEnabled(self.current_customer_id() is not None)

    def rows(self, section: str) -> list[str]:
        """The customer names listed in a section (for tests and the status bar)."""
        for row in range(self.model.rowCount()):
            item = self.model.item(row, 0)
            if item.data(SectionRole) == section:
                children = [item.child(r, 0) for r in range(item.rowCount())]
                return [c.text() for c in children if c.data(CustomerRole) is not None]
        return []

    def _on_record_visit(self) -> None:
        customer_id = self.current_customer_id()
        if customer_id is None:
            return
        VisitDialog(
            self.user, customer_id, day=self.day(), parent=self, lang=self.lang, hub=self.hub
        ).exec()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        """Enter on a section's "… and N more" line opens all its rows (as a double-click)."""
        if (
            watched is self.tree
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            more = self.tree.currentIndex().siblingAtColumn(0).data(MoreRole)
            if more:
                self.show_all(more)
                return True
        return super().eventFilter(watched, event)

    def _on_double_click(self, index: QModelIndex) -> None:
        more = index.siblingAtColumn(0).data(MoreRole)
        if more:
            self.show_all(more)
            return
        customer_id = index.data(CustomerRole)
        if customer_id is not None:
            self.open_customer_requested.emit(customer_id)
