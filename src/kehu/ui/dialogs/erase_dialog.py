"""Confirm a privacy erase (PIPL deletion request): what goes for good, a reason (required,
kept in the audit trail), and an explicit "cannot be undone" tick before the button works."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class EraseDialog(QDialog):
    CUSTOMER, PERSON = "customer", "person"

    def __init__(self, kind: str, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eraseDialog")
        self.setWindowTitle(self.tr("Erase for good"))
        layout = QVBoxLayout(self)
        heading = QLabel(what, self)
        heading.setStyleSheet("font-weight: bold;")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        if kind == self.CUSTOMER:
            explanation = self.tr(
                "The customer, its key persons, visits, sales lines and the whole change "
                "history are deleted and their pages overwritten. Only the audit entry (who, "
                "when, why) stays."
            )
        else:
            explanation = self.tr(
                "The key person and every history entry of their values are deleted and "
                "their pages overwritten. Only the audit entry (who, when, why) stays."
            )
        text = QLabel(explanation, self)
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        self.reason = QLineEdit(self)
        self.reason.setObjectName("eraseReason")
        self.reason.setPlaceholderText(self.tr("e.g. deletion request of 2026-12-01"))
        form.addRow(self.tr("Reason:"), self.reason)
        layout.addLayout(form)
        self.sure = QCheckBox(self.tr("I understand that this cannot be undone"), self)
        self.sure.setObjectName("eraseSure")
        layout.addWidget(self.sure)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("&Erase"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(self._update)
        self.sure.toggled.connect(self._update)
        self._update()
        self.resize(500, self.sizeHint().height())

    def _update(self) -> None:
        self.ok.setEnabled(bool(self.reason.text().strip()) and self.sure.isChecked())

    def reason_text(self) -> str:
        return self.reason.text().strip()
