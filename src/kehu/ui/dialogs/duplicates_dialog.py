"""Likely duplicates (score and reasons) with review and merge, and the merges done (undo)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kehu.services import duplicates, merge
from kehu.ui.errors import show_error
from kehu.ui.operations import perform
from kehu.ui.operations.merges import merge_customers, undo_merge
from kehu.ui.session import Session
from kehu.ui.tasks import run_job


class DuplicatesDialog(QDialog):
    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        open_customer: Callable[[int], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("duplicatesDialog")
        self.session, self.lang = session, session.lang
        self.open_customer = open_customer
        self.pairs: list[duplicates.DuplicatePair] = []
        self.setWindowTitle(self.tr("Duplicate customers"))
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._pairs_page(), self.tr("Likely duplicates"))
        self.tabs.addTab(self._merges_page(), self.tr("Merges"))
        layout.addWidget(self.tabs)
        self.resize(900, 560)
        self._fill_merges()

    # -- layout
    def _pairs_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Lowest score:")))
        self.min_score = QSpinBox(page)
        self.min_score.setObjectName("minScore")
        self.min_score.setRange(1, 100)
        self.min_score.setValue(duplicates.DEFAULT_MIN_SCORE)
        top.addWidget(self.min_score)
        self.scan_button = QPushButton(self.tr("Scan"), page)
        self.scan_button.setObjectName("scanButton")
        self.scan_button.clicked.connect(self._on_scan)
        top.addWidget(self.scan_button)
        self.summary = QLabel(page)
        self.summary.setObjectName("duplicatesSummary")
        top.addWidget(self.summary, 1)
        layout.addLayout(top)
        self.table = self._table(
            [
                self.tr("Score"),
                self.tr("Reasons"),
                self.tr("Code"),
                self.tr("Customer"),
                self.tr("Code"),
                self.tr("Possible duplicate"),
            ],
            "duplicatesTable",
        )
        self.table.doubleClicked.connect(lambda _index: self._on_review())
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.review_button = QPushButton(self.tr("Review and merge…"), page)
        self.review_button.setObjectName("reviewButton")
        self.review_button.clicked.connect(self._on_review)
        self.open_button = QPushButton(self.tr("Open both cards"), page)
        self.open_button.setObjectName("openBothButton")
        self.open_button.clicked.connect(self._on_open)
        self.open_button.setEnabled(self.open_customer is not None)
        buttons.addWidget(self.review_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _merges_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.merges_table = self._table(
            [
                self.tr("When"),
                self.tr("Kept"),
                self.tr("Merged"),
                self.tr("By"),
                self.tr("State"),
            ],
            "mergesTable",
        )
        layout.addWidget(self.merges_table, 1)
        self.undo_button = QPushButton(self.tr("Undo merge"), page)
        self.undo_button.setObjectName("undoMergeButton")
        self.undo_button.clicked.connect(self._on_undo)
        row = QHBoxLayout()
        row.addWidget(self.undo_button)
        row.addStretch(1)
        layout.addLayout(row)
        return page

    def _table(self, labels: list[str], name: str) -> QTableWidget:
        table = QTableWidget(0, len(labels), self)
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(labels)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().hide()
        return table

    # -- scanning
    def _on_scan(self) -> None:
        score = self.min_score.value()
        user = self.session.user
        run_job(
            self.session.tasks,
            self,
            self.tr("Looking for duplicates…"),
            lambda job: duplicates.scan(user, score, job=job),
            self.show_pairs,
            lambda exc: show_error(self, exc),
            lang=self.lang,
        )

    def show_pairs(self, pairs: list[duplicates.DuplicatePair]) -> None:
        self.pairs = list(pairs)
        rows = duplicates.report_rows(self.pairs, self.lang)
        self.table.setRowCount(len(rows))
        for r, (score, reasons, code_a, name_a, _o, _p, code_b, name_b, _o2, _p2) in enumerate(
            rows
        ):
            for c, value in enumerate((score, reasons, code_a, name_a, code_b, name_b)):
                item = QTableWidgetItem(str(value))
                if c == 0:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        if rows:
            self.table.selectRow(0)
        self.summary.setText(self.tr("%1 likely duplicate pairs").replace("%1", str(len(rows))))

    def _selected_pair(self) -> duplicates.DuplicatePair | None:
        row = self.table.currentRow()
        return self.pairs[row] if 0 <= row < len(self.pairs) else None

    # -- actions
    def _on_open(self) -> None:
        pair = self._selected_pair()
        if pair is not None and self.open_customer is not None:
            self.open_customer(pair.keep)
            self.open_customer(pair.other)

    def _on_review(self) -> None:
        from kehu.ui.dialogs.merge_dialog import MergeDialog

        pair = self._selected_pair()
        if pair is None:
            return
        user = self.session.user
        try:
            plan = merge.plan(pair.keep, pair.other, user)
        except Exception as exc:  # not visible any more, archived meanwhile
            show_error(self, exc)
            return
        dialog = MergeDialog(plan, self.lang, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        choices = dialog.choices()
        done = perform(self.session.hub, self, lambda: merge_customers(user, plan, choices))
        if done is not None:
            gone = {pair.other}
            self.show_pairs([p for p in self.pairs if not {p.keep, p.other} & gone])
            self._fill_merges()

    def _fill_merges(self) -> None:
        self.merges = merge.recent(self.session.user)
        table = self.merges_table
        table.setRowCount(len(self.merges))
        for r, m in enumerate(self.merges):
            state = self.tr("undone") if m["undone"] else self.tr("merged")
            values = (
                str(m["at"])[:16],
                f"{m['kept_code']} {m['kept_name']}",
                f"{m['merged_code']} {m['merged_name']}",
                m["user"] or "",
                state,
            )
            for c, value in enumerate(values):
                table.setItem(r, c, QTableWidgetItem(value))
        table.resizeColumnsToContents()

    def _on_undo(self) -> None:
        row = self.merges_table.currentRow()
        if not 0 <= row < len(self.merges) or self.merges[row]["undone"]:
            return
        user, merge_id = self.session.user, self.merges[row]["id"]
        done = perform(self.session.hub, self, lambda: undo_merge(user, merge_id))
        if done is not None:
            self._fill_merges()


def open_duplicates(window) -> DuplicatesDialog:
    """Edit → Find duplicates…: the dialog over the main window, opening cards in it."""
    dialog = DuplicatesDialog(window.session, window, open_customer=window.open_card)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
