"""Record or edit a visit report (日常报告 / 紧急报告 / 定期报告)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kehu.core.fields import VISIT_KINDS
from kehu.db.models import Customer, User
from kehu.services import visits
from kehu.ui.operations import ChangeHub, perform
from kehu.ui.operations import visits as visit_operations


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class VisitDialog(QDialog):
    """Saving runs `kehu.ui.operations.visits`; `hub` hears what changed."""

    def __init__(
        self,
        user: User,
        customer_id: int,
        *,
        visit_id: int | None = None,
        day: dt.date | None = None,
        parent: QWidget | None = None,
        lang: str = "zh_CN",
        hub: ChangeHub | None = None,
    ) -> None:
        super().__init__(parent)
        self.user = user
        self.hub = hub if hub is not None else ChangeHub(self)
        self.customer_id = customer_id
        self.visit_id = visit_id
        self.setWindowTitle(self.tr("Edit visit report") if visit_id else self.tr("Record visit"))
        customer = Customer.get_or_none(Customer.id == customer_id)
        self.customer_label = QLabel(f"{customer.code}  {customer.name}" if customer else "")
        self.date = QDateEdit(to_qdate(day or dt.date.today()))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.kind = QComboBox()
        for kind in VISIT_KINDS:
            self.kind.addItem(kind.label(lang), kind.value)
        self.content = QPlainTextEdit()
        self.findings = QPlainTextEdit()
        self.next_step = QPlainTextEdit()
        for edit in (self.content, self.findings, self.next_step):
            edit.setMinimumHeight(60)
        self.plan_next = QCheckBox(self.tr("Plan the next visit"))
        self.next_visit = QDateEdit(to_qdate((day or dt.date.today()) + dt.timedelta(days=7)))
        self.next_visit.setCalendarPopup(True)
        self.next_visit.setDisplayFormat("yyyy-MM-dd")
        self.next_visit.setEnabled(False)
        self.plan_next.toggled.connect(self.next_visit.setEnabled)
        next_row = QHBoxLayout()
        next_row.addWidget(self.plan_next)
        next_row.addWidget(self.next_visit, 1)

        form = QFormLayout()
        form.addRow(self.tr("Customer"), self.customer_label)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Content"), self.content)
        form.addRow(self.tr("Findings"), self.findings)
        form.addRow(self.tr("Next step"), self.next_step)
        form.addRow(self.tr("Next visit"), next_row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(480, 520)
        if visit_id:
            self._fill(visit_id)

    def _fill(self, visit_id: int) -> None:
        visit = visits.get_visit(visit_id)
        if visit is None:
            return
        self.date.setDate(to_qdate(visit["visit_date"]))
        self.kind.setCurrentIndex(max(0, self.kind.findData(visit["kind"])))
        self.content.setPlainText(visit["content"] or "")
        self.findings.setPlainText(visit["findings"] or "")
        self.next_step.setPlainText(visit["next_step"] or "")
        if visit["next_visit_on"]:
            self.plan_next.setChecked(True)
            self.next_visit.setDate(to_qdate(visit["next_visit_on"]))

    def values(self) -> dict:
        return {
            "visit_date": from_qdate(self.date.date()),
            "kind": self.kind.currentData(),
            "content": self.content.toPlainText(),
            "findings": self.findings.toPlainText(),
            "next_step": self.next_step.toPlainText(),
            "next_visit_on": (
                from_qdate(self.next_visit.date()) if self.plan_next.isChecked() else None
            ),
        }

    def accept(self) -> None:
        values, visit_id = self.values(), self.visit_id
        if visit_id:
            done = perform(
                self.hub, self, lambda: visit_operations.update_visit(self.user, visit_id, **values)
            )
        else:
            done = perform(
                self.hub,
                self,
                lambda: visit_operations.record_visit(self.user, self.customer_id, **values),
            )
            if done is not None:
                self.visit_id = done.value
        if done is not None:
            super().accept()
