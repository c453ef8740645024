"""Edit → Visit cadence by grade…: how often the customers of each grade category are to be
visited (A 7 days, B 14, C 30 by default; "none" for no cadence). Customers visited less
often show as overdue on the Today panel and, on request, on route sheets.

Managers and administrators change it (the classification right); others see it read-only.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kehu.services import care
from kehu.ui.operations import ChangeHub, perform
from kehu.ui.operations import care as care_actions

MAX_DAYS = 366


class CadenceDialog(QDialog):
    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cadenceDialog")
        self.setWindowTitle(self.tr("Visit cadence by grade"))
        self.session = session
        self.editable = care.may_set_cadence(session.user) and session.can_write
        self.rows = care.cadences()
        self.spins: dict[int, QSpinBox] = {}
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Customers of a grade not visited within its cadence are listed as overdue "
                "on the Today panel and can be marked on route sheets."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        for row in self.rows:
            spin = QSpinBox(self)
            spin.setObjectName(f"cadence_{row.category_id}")
            spin.setRange(0, MAX_DAYS)
            spin.setSpecialValueText(self.tr("none"))
            spin.setSuffix(self.tr(" days"))
            spin.setValue(row.visit_days or 0)
            spin.setEnabled(self.editable)
            name = row.shown(session.lang)
            spin.setAccessibleName(name)
            self.spins[row.category_id] = spin
            form.addRow("　" * row.depth + name, spin)
        layout.addLayout(form)
        if not self.rows:
            layout.addWidget(QLabel(self.tr("The grade scheme has no categories."), self))
        self.note = QLabel(self.tr("Only managers and administrators change the cadence."), self)
        self.note.setObjectName("cadenceNote")
        self.note.setWordWrap(True)
        self.note.setVisible(not self.editable)
        layout.addWidget(self.note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.defaults_button = QPushButton(self.tr("Defaults (A 7, B 14, C 30)"), self)
        self.defaults_button.setObjectName("cadenceDefaults")
        self.defaults_button.setEnabled(self.editable)
        self.buttons.addButton(self.defaults_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.editable)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._connect_signals()
        self.setMinimumWidth(420)

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        self.defaults_button.clicked.connect(self._on_defaults)

    def values(self) -> dict[int, int | None]:
        """Category id → days (None: no cadence), as shown."""
        return {cid: (spin.value() or None) for cid, spin in self.spins.items()}

    def _on_defaults(self) -> None:
        for row in self.rows:
            if row.default_days is not None or row.depth == 0:
                self.spins[row.category_id].setValue(row.default_days or 0)

    def _on_accept(self) -> None:
        hub: ChangeHub = self.session.hub
        user, values = self.session.user, self.values()
        if perform(hub, self, lambda: care_actions.set_cadences(user, values)) is None:
            return
        self.accept()


__all__ = ["CadenceDialog"]
