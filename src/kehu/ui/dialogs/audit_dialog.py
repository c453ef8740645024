"""The audit trail (档案使用全过程可追溯) for administrators (everything) and managers (their
team's): filtered by user, action, dates and customer code; exported to Excel. Actions show
in the user's language (`kehu.core.audit_actions`), in the table, the filter and the copy."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kehu.core.i18n import translate
from kehu.services import audit_trail
from kehu.ui.errors import show_error


class AuditDialog(QDialog):
    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.lang = session.lang
        self.setWindowTitle(self.tr("Audit trail"))
        self.resize(900, 520)
        layout = QVBoxLayout(self)
        filters = QFormLayout()
        self.user = QComboBox(self)
        self.user.addItem(self.tr("(everyone)"), None)
        self.user.setObjectName("auditUser")
        self.action = QComboBox(self)
        self.action.setObjectName("auditAction")
        self.action.addItem(self.tr("(all actions)"), None)
        try:
            for user in audit_trail.readable_users(session.user):
                self.user.addItem(f"{user.display_name} ({user.username})", user.id)
            for code, label in audit_trail.action_choices(session.user, self.lang):
                self.action.addItem(label, code)
        except Exception as exc:  # refused: the table stays empty and says why
            show_error(self, exc, lang=self.lang)
        dates = QHBoxLayout()
        self.start = QDateEdit(QDate.currentDate().addMonths(-1), self)
        self.end = QDateEdit(QDate.currentDate(), self)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            dates.addWidget(edit)
        self.customer = QLineEdit(self)
        self.customer.setPlaceholderText(self.tr("customer code, e.g. KH000123"))
        filters.addRow(self.tr("User:"), self.user)
        filters.addRow(self.tr("Action:"), self.action)
        filters.addRow(self.tr("From / to:"), dates)
        filters.addRow(self.tr("Customer:"), self.customer)
        layout.addLayout(filters)
        buttons = QHBoxLayout()
        self.apply_button = QPushButton(self.tr("&Show"), self)
        self.export_button = QPushButton(self.tr("Export to &Excel…"), self)
        self.count = QLabel(self)
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch()
        buttons.addWidget(self.count)
        layout.addLayout(buttons)
        self.table = QTableWidget(0, len(audit_trail.COLUMNS), self)
        self.table.setHorizontalHeaderLabels([translate(c, self.lang) for c in audit_trail.COLUMNS])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.apply_button.clicked.connect(self._on_apply)
        self.export_button.clicked.connect(self._on_export)
        self._on_apply()

    def wanted(self) -> audit_trail.TrailFilter:
        return audit_trail.TrailFilter(
            user_id=self.user.currentData(),
            action=self.action.currentData(),
            start=self.start.date().toPython(),
            end=self.end.date().toPython(),
            customer_code=self.customer.text().strip() or None,
        )

    def _on_apply(self) -> None:
        try:
            rows = audit_trail.rows(self.session.user, self.wanted())
        except Exception as exc:
            show_error(self, exc, lang=self.lang)
            return
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(audit_trail.cells(row, self.lang)):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.count.setText(self.tr("%1 entries").replace("%1", str(len(rows))))

    def _on_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the audit trail"), "audit.xlsx", "Excel (*.xlsx)"
        )
        if not path:
            return
        try:
            count = audit_trail.export_xlsx(self.session.user, self.wanted(), Path(path), self.lang)
        except Exception as exc:
            show_error(self, exc, lang=self.lang)
            return
        self.count.setText(
            self.tr("%1 entries written to %2")
            .replace("%1", str(count))
            .replace("%2", Path(path).name)
        )
