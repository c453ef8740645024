"""Key persons whose consent (PIPL) is missing or withdrawn, among the customers the user
sees; opening one opens the customer's card with that person's dialog, where the consent
record (basis, date, channel, withdrawn on) is edited."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kehu.core.fields import person_field
from kehu.core.values import display
from kehu.services import privacy
from kehu.ui.errors import show_error

IDS = 256  # (customer id, person id) on the first column's item


class ConsentDialog(QDialog):
    open_person = Signal(int, int)  # customer id, key person id

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consentDialog")
        self.session = session
        self.lang = session.lang
        self.setWindowTitle(self.tr("Key persons without consent"))
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "Key persons whose consent to keep their personal data is missing or was "
                "withdrawn (PIPL). Open one to record the consent, or erase the person."
            ),
            self,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("consentTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Code"),
                self.tr("Customer"),
                self.tr("Key person"),
                person_field("role").label(self.lang),
                self.tr("Consent"),
            ]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self._on_open())
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("&Open key person…"), self)
        self.open_button.setObjectName("openPerson")
        self.open_button.clicked.connect(self._on_open)
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.count = QLabel(self)
        row.addWidget(self.open_button)
        row.addWidget(self.refresh_button)
        row.addStretch(1)
        row.addWidget(self.count)
        layout.addLayout(row)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.refresh()
        self.resize(760, 460)

    def refresh(self) -> None:
        try:
            found = privacy.consent_missing(self.session.user)
        except Exception as exc:
            show_error(self, exc, lang=self.lang)
            found = []
        role = person_field("role")
        self.table.setRowCount(len(found))
        for r, (code, name, person) in enumerate(found):
            if person.consent_withdrawn_on:
                state = self.tr("withdrawn on %1").replace("%1", str(person.consent_withdrawn_on))
            else:
                state = self.tr("missing")
            cells = (code, name, person.name, display(role, person.role, self.lang), state)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text or "")
                if c == 0:
                    item.setData(IDS, (person.customer_id, person.id))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.count.setText(self.tr("%1 key persons").replace("%1", f"{len(found):,}"))
        self.open_button.setEnabled(bool(found))
        if found and self.table.currentRow() < 0:
            self.table.selectRow(0)

    def _on_open(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        customer_id, person_id = self.table.item(row, 0).data(IDS)
        self.open_person.emit(customer_id, person_id)
