"""Choose a backup to restore: the backups of this database with date, size and customers,
or another file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kehu.services.backups import BackupInfo


class RestoreDialog(QDialog):
    def __init__(self, found: list[BackupInfo], db_path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore a backup"))
        self.found = found
        self.chosen: Path | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Backups of %1. The one you choose is checked first; the current database is "
                "kept aside before it is replaced."
            ).replace("%1", str(db_path)),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(found), 4, self)
        self.table.setObjectName("backupTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Taken"), self.tr("Kind"), self.tr("Size"), self.tr("Customers")]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for row, info in enumerate(found):
            kind = self.tr("automatic") if info.automatic else self.tr("by hand")
            customers = "?" if info.customers is None else f"{info.customers:,}"
            cells = (
                info.taken_at.strftime("%Y-%m-%d %H:%M"),
                kind,
                _size(info.size),
                customers,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(info.path))
                if column >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._on_selection)
        self.table.doubleClicked.connect(lambda _index: self.accept())
        layout.addWidget(self.table, 1)
        if not found:
            layout.addWidget(QLabel(self.tr("No backups yet: choose a file."), self))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = buttons.addButton(
            self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setEnabled(False)
        other = QPushButton(self.tr("Other file…"), self)
        other.setObjectName("otherFileButton")
        other.clicked.connect(self._choose_file)
        row = QHBoxLayout()
        row.addWidget(other)
        row.addStretch(1)
        row.addWidget(buttons)
        layout.addLayout(row)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.resize(620, 380)
        if found:
            self.table.selectRow(0)

    def _on_selection(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.chosen = self.found[rows[0].row()].path if rows else None
        self.restore_button.setEnabled(self.chosen is not None)

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Restore a backup"), "", "kehu (*.db *.bak *.kehu *.sqlite);;*"
        )
        if path:
            self.chosen = Path(path)
            self.accept()


def _size(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1_000_000:,.1f} MB"
    return f"{max(1, size // 1000):,} kB"
