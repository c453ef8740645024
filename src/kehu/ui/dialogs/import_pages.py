"""The four pages of the import wizard: file, column mapping, check (dry run), done (undo).

Each page holds its widgets and what it does on its own (showing an inspection or a report,
the file dialogs, undo); the wizard (`import_wizard.ImportWizard`) moves between them, reads
the file and runs the import. Messages of the import are English sources shown in `lang`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kehu.exchange.xlsx_columns import load_saved
from kehu.exchange.xlsx_reading import text_of
from kehu.services import imports
from kehu.ui.errors import show_error

logger = logging.getLogger(__name__)

PREVIEW_SAMPLES = 3
PROBLEM_ROWS = 500


class ImportFilePage(QWidget):
    """Step 1: the file, what it holds, its sheet and key-person sheet."""

    sheet_chosen = Signal(str)  # the user picked another sheet: inspect it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        self.path_edit = QLineEdit()
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit)
        row.addWidget(browse)
        form.addRow(self.tr("File (.xlsx or .csv):"), row)
        self.kind_combo = QComboBox()
        for kind, label in (
            ("customers", self.tr("Customers (with key persons)")),
            ("sales", self.tr("Sale lines")),
            ("forms", self.tr("Customer-filled forms (for review)")),
        ):
            self.kind_combo.addItem(label, kind)
        form.addRow(self.tr("What the file holds:"), self.kind_combo)
        self.sheet_combo = QComboBox()
        self.sheet_combo.activated.connect(
            lambda _i: self.sheet_chosen.emit(self.sheet_combo.currentData())
        )
        form.addRow(self.tr("Sheet:"), self.sheet_combo)
        self.persons_combo = QComboBox()
        form.addRow(self.tr("Key persons sheet:"), self.persons_combo)
        self.file_notes = QLabel()
        self.file_notes.setWordWrap(True)
        form.addRow(self.file_notes)

    @property
    def kind(self) -> str:
        return self.kind_combo.currentData()

    def show_sheets(self, inspection: imports.Inspection, lang: str) -> None:
        """The file's sheets (the inspected one chosen) and what reading it noticed."""
        self.sheet_combo.clear()
        self.persons_combo.clear()
        self.persons_combo.addItem(self.tr("(none)"), None)
        for name, hidden in inspection.sheets:
            label = name + (self.tr(" (hidden)") if hidden else "")
            self.sheet_combo.addItem(label, name)
            if name != inspection.sheet:
                self.persons_combo.addItem(label, name)
        self.sheet_combo.setCurrentIndex(self.sheet_combo.findData(inspection.sheet))
        self.file_notes.setText("\n".join(n.message(lang) for n in inspection.notes))

    def _browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a spreadsheet"), "", self.tr("Spreadsheets (*.xlsx *.csv *.txt)")
        )
        if path:
            self.path_edit.setText(path)


class ImportMappingPage(QWidget):
    """Step 2: which column is imported as what; mappings saved to and loaded from files.

    `apply_saved` reads the file again with a loaded mapping (it may raise)."""

    def __init__(
        self, apply_saved: Callable[[dict[str, Any]], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.apply_saved = apply_saved
        self.inspection: imports.Inspection | None = None
        self.kind = "customers"
        layout = QVBoxLayout(self)
        self.header_label = QLabel()
        layout.addWidget(self.header_label)
        self.mapping_table = QTableWidget(0, 3)
        self.mapping_table.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("First values"), self.tr("Imported as")]
        )
        self.mapping_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.mapping_table)
        row = QHBoxLayout()
        save = QPushButton(self.tr("Save mapping…"))
        load = QPushButton(self.tr("Load mapping…"))
        save.clicked.connect(self._save_mapping)
        load.clicked.connect(self._load_mapping)
        row.addWidget(save)
        row.addWidget(load)
        row.addStretch(1)
        layout.addLayout(row)

    def show_mapping(self, inspection: imports.Inspection, kind: str) -> None:
        """One row per column of the file: its header, first values and a target to choose."""
        self.inspection, self.kind = inspection, kind
        mapping = inspection.mapping
        table = self.mapping_table
        table.setRowCount(0)
        if mapping is None:
            self.header_label.setText(self.tr("The sheet is empty."))
            return
        self.header_label.setText(self.tr("Header row: %1").replace("%1", str(mapping.header_row)))
        samples = [v for n, v in inspection.preview if n > mapping.header_row][:PREVIEW_SAMPLES]
        table.setRowCount(len(mapping.headers))
        for column, header in enumerate(mapping.headers):
            table.setItem(column, 0, QTableWidgetItem(header))
            values = [text_of(row[column]) for row in samples if column < len(row)]
            table.setItem(column, 1, QTableWidgetItem(" | ".join(v for v in values if v)))
            combo = QComboBox()
            combo.addItem(self.tr("(not imported)"), "")
            for target, label in inspection.targets:
                combo.addItem(label, target)
            combo.setCurrentIndex(max(combo.findData(mapping.targets[column]), 0))
            combo.currentIndexChanged.connect(
                lambda _i, c=column, box=combo: self.set_target(c, box.currentData())
            )
            table.setCellWidget(column, 2, combo)

    def set_target(self, column: int, target: str) -> None:
        """Map a column (a target taken elsewhere is released there)."""
        mapping = self.inspection.mapping
        mapping.set(column, target)
        for row, current in enumerate(mapping.targets):
            combo = self.mapping_table.cellWidget(row, 2)
            if combo is not None and combo.currentData() != current:
                combo.blockSignals(True)
                combo.setCurrentIndex(max(combo.findData(current), 0))
                combo.blockSignals(False)

    def _save_mapping(self) -> None:
        if not self.inspection or not self.inspection.mapping:
            return
        path, _f = QFileDialog.getSaveFileName(
            self, self.tr("Save mapping"), "mapping.json", self.tr("Mappings (*.json)")
        )
        if path:
            Path(path).write_text(self.inspection.mapping.to_json(self.kind), "utf-8")

    def _load_mapping(self) -> None:
        path, _f = QFileDialog.getOpenFileName(
            self, self.tr("Load mapping"), "", self.tr("Mappings (*.json)")
        )
        if not path:
            return
        try:
            self.apply_saved(load_saved(path))
        except Exception as exc:  # a broken mapping file, or the sheet can no longer be read
            show_error(self, exc, self.tr("Cannot load the mapping"))


class ImportCheckPage(QWidget):
    """Step 3: what to do with duplicates and hidden rows; the dry run and its problems."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.duplicate_combo = QComboBox()
        for policy, label in (
            ("skip", self.tr("Skip them")),
            ("update_empty", self.tr("Fill in empty fields of the existing customer")),
            ("overwrite", self.tr("Overwrite the existing customer's fields")),
            ("import_anyway", self.tr("Import them anyway as new customers")),
        ):
            self.duplicate_combo.addItem(label, policy)
        form.addRow(self.tr("Customers already in the database:"), self.duplicate_combo)
        self.hidden_check = QCheckBox(self.tr("Skip rows hidden in Excel"))
        self.create_check = QCheckBox(self.tr("Create missing categories"))
        self.create_check.setToolTip(
            self.tr("A path such as 华东/上海 is found, or created, level by level in the tree.")
        )
        form.addRow(self.hidden_check)
        form.addRow(self.create_check)
        layout.addLayout(form)
        self.check_button = QPushButton(self.tr("Check (dry run)"))
        layout.addWidget(self.check_button)
        self.check_summary = QLabel()
        self.check_summary.setWordWrap(True)
        layout.addWidget(self.check_summary)
        self.problem_table = QTableWidget(0, 4)
        self.problem_table.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Column"), self.tr("Kind"), self.tr("Reason")]
        )
        self.problem_table.horizontalHeader().setSectionResizeMode(
            3, QHeaderView.ResizeMode.Stretch
        )
        layout.addWidget(self.problem_table)

    def show_report(self, report: imports.ImportReport, lang: str) -> None:
        """The dry run's summary, and its problems and duplicates one per row."""
        self.check_summary.setText(report.summary(lang))
        table = self.problem_table
        problems = (report.errors + report.warnings)[:PROBLEM_ROWS]
        duplicates = report.duplicates[:PROBLEM_ROWS]
        table.setRowCount(len(problems) + len(duplicates))
        rows = [
            (
                str(p.row),
                f"{p.column_letter} {p.header or ''}".strip(),
                self.tr("Error") if p.error else self.tr("Warning"),
                p.reason_text(lang),
            )
            for p in problems
        ]
        rows += [(str(d.row), "", self.tr("Duplicate"), d.message(lang)) for d in duplicates]
        for row, texts in enumerate(rows):
            for col, text in enumerate(texts):
                table.setItem(row, col, QTableWidgetItem(text))


class ImportDonePage(QWidget):
    """Step 4: what the import did; its rejected rows saved to a file; undo."""

    undone = Signal(int)  # batch id

    def __init__(self, user: Any, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.user, self.lang = user, lang
        self.report: imports.ImportReport | None = None
        self.source = ""  # the imported file: rejected rows are saved beside it
        layout = QVBoxLayout(self)
        self.done_text = QPlainTextEdit()
        self.done_text.setReadOnly(True)
        layout.addWidget(self.done_text)
        row = QHBoxLayout()
        self.rejected_button = QPushButton(self.tr("Save rejected rows…"))
        self.undo_button = QPushButton(self.tr("Undo this import"))
        self.rejected_button.clicked.connect(self._save_rejected)
        self.undo_button.clicked.connect(self.undo_import)
        row.addWidget(self.rejected_button)
        row.addWidget(self.undo_button)
        row.addStretch(1)
        layout.addLayout(row)

    def show_report(self, report: imports.ImportReport, source: str) -> None:
        self.report, self.source = report, source
        lines = [report.summary(self.lang)]
        lines += [p.message(self.lang) for p in report.errors[:PROBLEM_ROWS]]
        lines += [d.message(self.lang) for d in report.duplicates[:PROBLEM_ROWS]]
        self.done_text.setPlainText("\n".join(lines))
        self.rejected_button.setEnabled(bool(report.rejected_rows or report.warnings))
        self.undo_button.setEnabled(report.batch_id is not None)

    def _save_rejected(self) -> None:
        if self.report is None:
            return
        source = Path(self.source)
        default = str(source.with_name(source.stem + "_rejected.xlsx"))
        path, _f = QFileDialog.getSaveFileName(
            self, self.tr("Save rejected rows"), default, self.tr("Excel workbooks (*.xlsx)")
        )
        if path:
            self.report.write_rejected(path, self.lang)

    def undo_import(self) -> None:
        """Take the import out again; asks first when customers were changed since."""
        report = self.report
        if report is None or report.batch_id is None:
            return
        try:
            check = imports.check_undo(report.batch_id)
            force = False
            if not check.safe:
                answer = QMessageBox.question(
                    self,
                    self.tr("Undo import"),
                    self.tr(
                        "Some customers were changed after the import: %1. Undo anyway?"
                    ).replace("%1", ", ".join(check.changed_since[:10])),
                )
                if answer != QMessageBox.StandardButton.Yes:
                    return
                force = True
            imports.undo(report.batch_id, self.user, force=force)
        except Exception as exc:
            show_error(self, exc, self.tr("Cannot undo"))
            return
        self.undo_button.setEnabled(False)
        self.done_text.appendPlainText(self.tr("The import was undone."))
        self.undone.emit(report.batch_id)
