"""All the rows of one section of the Today panel, page by page (the panel lists the first
rows of each section and a "… and 49,378 more — show all" line that opens this).

The rows are read a page at a time (`services.today.section_page`), formatted by the panel
that opened it, so they read as in the panel. Double-clicking a row opens the customer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kehu.db.models import User
from kehu.services import today
from kehu.ui.errors import show_error

PAGE = 200
CustomerRole = Qt.ItemDataRole.UserRole + 1


class TodaySectionDialog(QDialog):
    open_customer_requested = Signal(int)

    def __init__(
        self,
        user: User,
        section: str,
        title: str,
        day: dt.date,
        days_ahead: int,
        texts: Callable[[str, object], tuple[int, list[str]]],
        headers: list[str],
        parent: QWidget | None = None,
    ) -> None:
        """`texts(section, item)` → (customer id, the row's texts), as the panel shows it."""
        super().__init__(parent)
        self.setObjectName("todaySectionDialog")
        self.setWindowTitle(title)
        self.user, self.section, self.day, self.days_ahead = user, section, day, days_ahead
        self.texts, self.headers = texts, headers
        self.offset, self.total = 0, 0
        self.model = QStandardItemModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName("todaySectionRows")
        self.tree.setAccessibleName(title)
        self.tree.setModel(self.model)
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.doubleClicked.connect(self._on_double_click)
        self.position = QLabel()
        self.position.setObjectName("todaySectionPosition")
        self.previous_button = QPushButton(self.tr("Previous page"))
        self.next_button = QPushButton(self.tr("Next page"))
        self.previous_button.clicked.connect(lambda: self.show_page(self.offset - PAGE))
        self.next_button.clicked.connect(lambda: self.show_page(self.offset + PAGE))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.previous_button)
        row.addWidget(self.next_button)
        row.addStretch(1)
        row.addWidget(self.position)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(760, 560)
        self.show_page(0)

    def show_page(self, offset: int) -> None:
        offset = max(offset, 0)
        try:
            page = today.section_page(
                self.user, self.section, self.day, self.days_ahead, offset, PAGE
            )
        except Exception as exc:  # noqa: BLE001 - shown as a message, never a traceback
            show_error(self, exc)
            return
        self.offset, self.total = offset, page.total
        self.model.clear()
        self.model.setHorizontalHeaderLabels(self.headers)
        for item in page.items:
            customer_id, texts = self.texts(self.section, item)
            cells = [QStandardItem(text) for text in texts]
            for cell in cells:
                cell.setData(customer_id, CustomerRole)
                cell.setToolTip(" · ".join(t for t in texts if t))
            self.model.appendRow(cells)
        for column in range(self.model.columnCount()):
            self.tree.resizeColumnToContents(column)
        last = offset + len(page.items)
        self.position.setText(
            self.tr("{first}–{last} of {total}").format(
                first=f"{offset + 1:,}" if page.items else "0",
                last=f"{last:,}",
                total=f"{page.total:,}",
            )
        )
        self.previous_button.setEnabled(offset > 0)
        self.next_button.setEnabled(last < page.total)

    def rows(self) -> list[str]:
        """The first column of the page shown (for tests)."""
        return [self.model.item(r, 0).text() for r in range(self.model.rowCount())]

    def _on_double_click(self, index: QModelIndex) -> None:
        customer_id = index.data(CustomerRole)
        if customer_id is not None:
            self.open_customer_requested.emit(customer_id)
