"""The daily report view (客户访问日报): one salesperson's visits on one day, or a month;
"Export PDF…" writes what is shown as a PDF report (kehu.services.exports, kind "visits")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QModelIndex, Qt, Signal
from PySide6.QtGui import QGuiApplication, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kehu.core.changes import Changes
from kehu.core.fields import VISIT_KINDS, choice_label
from kehu.db.models import User
from kehu.services import visits
from kehu.ui.operations import ChangeHub
from kehu.ui.routes.visit_dialog import VisitDialog, from_qdate, to_qdate

VisitRole = Qt.ItemDataRole.UserRole + 1
DayRole = Qt.ItemDataRole.UserRole + 2
DAY, MONTH = "day", "month"


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


class DailyReportView(QWidget):
    open_customer_requested = Signal(int)
    exported = Signal(str)  # path of a PDF written by "Export PDF…"

    def __init__(
        self,
        user: User,
        day: dt.date | None = None,
        parent: QWidget | None = None,
        lazy: bool = False,
        lang: str = "zh_CN",
        hub: ChangeHub | None = None,
    ) -> None:
        """`lazy`: read the database only when the view is shown (a tab not yet opened).
        `hub`: the session's change hub (a view on its own has its own)."""
        super().__init__(parent)
        self.setObjectName("dailyReport")
        self.user = user
        self.lang = lang
        self.lazy = lazy
        self.hub = hub if hub is not None else ChangeHub(self)
        self._stale = False
        self.rows: list[dict] = []
        self.salesperson = QComboBox()
        self.salesperson.addItem(self.tr("(everyone)"), None)
        for uid, name in visits.salespeople():
            self.salesperson.addItem(name, uid)
        self.salesperson.setCurrentIndex(max(0, self.salesperson.findData(user.id)))
        self.mode = QComboBox()
        self.mode.addItem(self.tr("Day"), DAY)
        self.mode.addItem(self.tr("Month"), MONTH)
        self.date = QDateEdit(to_qdate(day or dt.date.today()))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.model = QStandardItemModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(True)
        self.summary = QLabel()
        self.export_button = QPushButton(self.tr("Export PDF…"))
        self.export_button.setObjectName("exportPdfButton")
        self.export_button.setToolTip(self.tr("Save the report shown as a PDF to print"))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Salesperson")))
        row.addWidget(self.salesperson)
        row.addWidget(self.mode)
        row.addWidget(self.date)
        row.addStretch(1)
        row.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        self.salesperson.currentIndexChanged.connect(lambda *_: self.refresh())
        self.mode.currentIndexChanged.connect(lambda *_: self.refresh())
        self.date.dateChanged.connect(lambda *_: self.refresh())
        self.table.doubleClicked.connect(self._on_double_click)
        self.export_button.clicked.connect(self.export_pdf)
        self.hub.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, changes: Changes) -> None:
        if changes.visits_changed or changes.customers_changed or changes.users_changed:
            self.refresh()

    def day(self) -> dt.date:
        return from_qdate(self.date.date())

    def set_day(self, day: dt.date, mode: str = DAY) -> None:
        self.mode.blockSignals(True)
        self.mode.setCurrentIndex(self.mode.findData(mode))
        self.mode.blockSignals(False)
        if self.date.date() == QDate(day.year, day.month, day.day):
            self.refresh()
        else:
            self.date.setDate(to_qdate(day))

    def showEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        if self.lazy and not self.isVisible():
            self._stale = True
            return
        self._stale = False
        if self.mode.currentData() == MONTH:
            self._show_month()
        else:
            self._show_day()
        self.table.resizeColumnsToContents()

    def _show_day(self) -> None:
        day = self.day()
        self.rows = visits.daily_report(self.salesperson.currentData(), day, viewer=self.user)
        headers = [
            self.tr("Customer"),
            self.tr("Kind"),
            self.tr("Content"),
            self.tr("Findings"),
            self.tr("Next step"),
            self.tr("Next visit"),
            self.tr("Salesperson"),
        ]
        self.model.clear()
        self.model.setHorizontalHeaderLabels(headers)
        for visit in self.rows:
            values = [
                visit["customer_name"],
                choice_label(VISIT_KINDS, visit["kind"], self.lang),
                visit["content"],
                visit["findings"],
                visit["next_step"],
                visit["next_visit_on"],
                visit["salesperson_name"],
            ]
            items = [QStandardItem(_text(v)) for v in values]
            for item in items:
                item.setData(visit["id"], VisitRole)
            self.model.appendRow(items)
        self.summary.setText(
            self.tr("{n} visits on {day}.").format(n=len(self.rows), day=day.isoformat())
        )

    def _show_month(self) -> None:
        day = self.day()
        summary = visits.month_summary(
            self.salesperson.currentData(), day.year, day.month, viewer=self.user
        )
        headers = [self.tr("Date")] + [kind.label(self.lang) for kind in VISIT_KINDS]
        headers += [self.tr("Total"), self.tr("Customers")]
        self.model.clear()
        self.model.setHorizontalHeaderLabels(headers)
        self.rows = summary
        total = 0
        for entry in summary:
            values = [entry["day"]] + [entry[kind.value] or "" for kind in VISIT_KINDS]
            values += [entry["total"] or "", "、".join(entry["customers"])]
            items = [QStandardItem(_text(v)) for v in values]
            for item in items:
                item.setData(entry["day"], DayRole)
            self.model.appendRow(items)
            total += entry["total"]
        self.summary.setText(
            self.tr("{n} visits in {year}-{month:02d}.").format(
                n=total, year=day.year, month=day.month
            )
        )

    def export_pdf(self) -> Path | None:
        """Ask where, then write the day (or month) shown as a PDF report; returns the path."""
        day, month = self.day(), self.mode.currentData() == MONTH
        stem = f"visits-{day:%Y-%m}" if month else f"visits-{day.isoformat()}"
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export PDF"), f"{stem}.pdf", self.tr("PDF files (*.pdf)")
        )
        if not chosen:
            return None
        path = Path(chosen) if chosen.lower().endswith(".pdf") else Path(chosen + ".pdf")
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            written = self._write_pdf(path, day, month)
        except Exception as exc:  # noqa: BLE001 (shown to the user)
            from kehu.ui.errors import show_error

            QGuiApplication.restoreOverrideCursor()
            show_error(self, exc)
            return None
        QGuiApplication.restoreOverrideCursor()
        self.summary.setText(self.summary.text() + "  " + self.tr("Saved %1").replace("%1", chosen))
        self.exported.emit(str(written))
        return written

    def _write_pdf(self, path: Path, day: dt.date, month: bool) -> Path:
        """One salesperson's day or month is small: written here, in well under a second."""
        from kehu.services import exports

        salesperson = self.salesperson.currentData()
        if month:
            shown = visits.month_report(salesperson, day.year, day.month, viewer=self.user)
        else:
            shown = visits.daily_report(salesperson, day, viewer=self.user)
        options = {
            "date": day.isoformat(),
            "salesperson": "*" if salesperson is None else str(salesperson),
            "month": "1" if month else "",
            "selection": "visit report",
        }
        ids = sorted({row["customer_id"] for row in shown})
        return exports.export("pdf", "visits", ids, path, self.user, options, lang=self.lang)

    def _on_double_click(self, index: QModelIndex) -> None:
        day = index.data(DayRole)
        if day is not None:  # month view: open that day
            self.set_day(day, DAY)
            return
        visit_id = index.data(VisitRole)
        visit = visits.get_visit(visit_id) if visit_id else None
        if visit is None:
            return
        VisitDialog(
            self.user,
            visit["customer_id"],
            visit_id=visit_id,
            parent=self,
            lang=self.lang,
            hub=self.hub,
        ).exec()
