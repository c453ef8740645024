"""Reviewing customer-filled forms (客户填写): field by field, current → proposed, each
accepted or rejected. Nothing reaches the dossier before a person accepts it.

Standalone: `ReviewDialog(workspace, user, parent)`.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kehu.core.i18n import normalise
from kehu.services import imports
from kehu.ui.errors import show_error

logger = logging.getLogger(__name__)

COL_ACCEPT, COL_FIELD, COL_CURRENT, COL_PROPOSED, COL_NOTE = range(5)
WARN_COLOR = QColor("#FCE4D6")


class ReviewDialog(QDialog):
    review_decided = Signal(int)  # customer id (0 when nothing was applied)

    def __init__(
        self, workspace: Any, user: Any, parent: QWidget | None = None, lang: str = "en"
    ) -> None:
        super().__init__(parent)
        self.workspace, self.user = workspace, user
        self.lang = normalise(lang)
        self.lines: list[imports.ReviewLine] = []
        self.setWindowTitle(self.tr("Review customer-filled forms"))
        self.resize(1000, 560)
        self.review_list = QListWidget()
        self.review_list.currentItemChanged.connect(lambda *_: self._show_current())
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Accept"),
                self.tr("Field"),
                self.tr("Now in the dossier"),
                self.tr("Proposed by the customer"),
                self.tr("Note"),
            ]
        )
        header = self.table.horizontalHeader()
        for col in (COL_CURRENT, COL_PROPOSED, COL_NOTE):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        self.empty_label = QLabel(self.tr("No forms are waiting for review."))
        accept_all = QPushButton(self.tr("Accept all"))
        reject_all = QPushButton(self.tr("Reject all"))
        self.apply_button = QPushButton(self.tr("Apply decisions"))
        close = QPushButton(self.tr("Close"))
        accept_all.clicked.connect(lambda: self.set_all(True))
        reject_all.clicked.connect(lambda: self.set_all(False))
        self.apply_button.clicked.connect(self.apply)
        close.clicked.connect(self.accept)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.table)
        buttons = QHBoxLayout()
        for button in (accept_all, reject_all):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.apply_button)
        buttons.addWidget(close)
        right_layout.addLayout(buttons)
        splitter = QSplitter()
        splitter.addWidget(self.review_list)
        splitter.addWidget(right)
        splitter.setSizes([280, 720])
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_label)
        layout.addWidget(splitter)
        self.refresh()

    def refresh(self) -> None:
        self.review_list.clear()
        for review in imports.pending_reviews(self.user, self.lang):
            item = QListWidgetItem(f"{review.customer}\n{review.label} · {review.items}")
            item.setData(Qt.ItemDataRole.UserRole, review.id)
            self.review_list.addItem(item)
        has_reviews = self.review_list.count() > 0
        self.empty_label.setVisible(not has_reviews)
        self.apply_button.setEnabled(has_reviews)
        if has_reviews:
            self.review_list.setCurrentRow(0)
        else:
            self.table.setRowCount(0)

    @property
    def review_id(self) -> int | None:
        item = self.review_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _show_current(self) -> None:
        review_id = self.review_id
        self.lines = imports.review_lines(review_id, self.user, self.lang) if review_id else []
        self.table.setRowCount(len(self.lines))
        for row, line in enumerate(self.lines):
            check = QTableWidgetItem()
            flags = Qt.ItemFlag.ItemIsEnabled
            if line.problem is None:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            check.setFlags(flags)
            check.setCheckState(Qt.CheckState.Unchecked)
            self.table.setItem(row, COL_ACCEPT, check)
            notes = []
            if line.problem:
                notes.append(line.problem)
            if line.changed_since_form:
                notes.append(
                    self.tr(
                        "Changed in the dossier after the form was sent (form showed: %1)"
                    ).replace("%1", line.original or "—")
                )
            texts = (line.label, line.current, line.proposed, "\n".join(notes))
            for col, text in zip(
                (COL_FIELD, COL_CURRENT, COL_PROPOSED, COL_NOTE), texts, strict=True
            ):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if notes:
                    item.setBackground(QBrush(WARN_COLOR))
                self.table.setItem(row, col, item)
        self.table.resizeRowsToContents()

    def set_all(self, accepted: bool) -> None:
        state = Qt.CheckState.Checked if accepted else Qt.CheckState.Unchecked
        for row in range(self.table.rowCount()):
            item = self.table.item(row, COL_ACCEPT)
            if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                item.setCheckState(state)

    def set_accepted(self, key: str, accepted: bool) -> None:
        """Tick or untick one field (by its key, e.g. `email` or `person.new1.name`)."""
        for row, line in enumerate(self.lines):
            if line.key == key:
                state = Qt.CheckState.Checked if accepted else Qt.CheckState.Unchecked
                self.table.item(row, COL_ACCEPT).setCheckState(state)

    def accepted_ids(self) -> set[int]:
        return {
            line.item_id
            for row, line in enumerate(self.lines)
            if self.table.item(row, COL_ACCEPT).checkState() == Qt.CheckState.Checked
        }

    def apply(self) -> None:
        review_id = self.review_id
        if review_id is None:
            return
        try:
            customer_id = imports.decide_review(review_id, self.accepted_ids(), self.user)
        except Exception as exc:
            show_error(self, exc, self.tr("Cannot apply the review"))
            return
        self.review_decided.emit(customer_id or 0)
        self.refresh()
