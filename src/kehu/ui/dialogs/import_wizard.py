"""The import wizard: file → column mapping → check (dry run) → import, with undo.

Standalone: `ImportWizard(workspace, user, parent, lang)`. The import and the dry run run off
the UI thread in the one progress dialog (`kehu.ui.tasks.run_job`), whose Cancel stops the run
and takes out what it wrote; results come back as signals. Messages of the import (problems,
duplicates, the summary) are English sources shown in the wizard's language `lang`.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kehu.core.i18n import normalise
from kehu.exchange.xlsx_columns import load_saved
from kehu.exchange.xlsx_reading import text_of
from kehu.services import imports
from kehu.ui.errors import show_error
from kehu.ui.tasks import Cancelled, TaskRunner, run_job

logger = logging.getLogger(__name__)

PREVIEW_SAMPLES = 3
PROBLEM_ROWS = 500
PAGE_FILE, PAGE_MAPPING, PAGE_CHECK, PAGE_DONE = range(4)


class ImportWizard(QDialog):
    import_finished = Signal(object)  # ImportReport of the real run
    check_finished = Signal(object)  # ImportReport of the dry run
    import_undone = Signal(int)  # batch id
    run_cancelled = Signal()  # the user cancelled a check or an import; nothing was written

    def __init__(
        self, workspace: Any, user: Any, parent: QWidget | None = None, lang: str = "en"
    ) -> None:
        super().__init__(parent)
        self.workspace, self.user = workspace, user
        self.lang = normalise(lang)
        self.progress_dialog = None
        self.inspection: imports.Inspection | None = None
        self.report: imports.ImportReport | None = None
        self.runner = TaskRunner(self)
        self.setWindowTitle(self.tr("Import from Excel"))
        self.resize(900, 600)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._file_page())
        self.pages.addWidget(self._mapping_page())
        self.pages.addWidget(self._check_page())
        self.pages.addWidget(self._done_page())
        self.back_button = QPushButton(self.tr("Back"))
        self.next_button = QPushButton(self.tr("Next"))
        self.close_button = QPushButton(self.tr("Close"))
        self.back_button.clicked.connect(self._back)
        self.next_button.clicked.connect(self._next)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addLayout(buttons)
        self._update_buttons()

    # pages
    def _file_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
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
        self.sheet_combo.activated.connect(lambda _i: self._inspect(self.sheet_combo.currentData()))
        form.addRow(self.tr("Sheet:"), self.sheet_combo)
        self.persons_combo = QComboBox()
        form.addRow(self.tr("Key persons sheet:"), self.persons_combo)
        self.file_notes = QLabel()
        self.file_notes.setWordWrap(True)
        form.addRow(self.file_notes)
        return page

    def _mapping_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
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
        return page

    def _check_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
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
        self.check_button.clicked.connect(self.start_check)
        layout.addWidget(self.check_button)
        self.check_summary = QLabel()
        self.check_summary.setWordWrap(True)
        layout.addWidget(self.check_summary)
        self.problem_table = self._problem_table()
        layout.addWidget(self.problem_table)
        return page

    def _done_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
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
        return page

    # navigation
    def _update_buttons(self) -> None:
        index = self.pages.currentIndex()
        self.back_button.setEnabled(0 < index < PAGE_DONE)
        self.next_button.setVisible(index < PAGE_DONE)
        self.next_button.setText(self.tr("Import") if index == PAGE_CHECK else self.tr("Next"))

    def _back(self) -> None:
        index = self.pages.currentIndex()
        if index == PAGE_CHECK and self.kind == "forms":
            index = PAGE_MAPPING
        self.pages.setCurrentIndex(max(index - 1, 0))
        self._update_buttons()

    def _next(self) -> None:
        index = self.pages.currentIndex()
        if index == PAGE_FILE:
            if not self.open_file(self.path_edit.text()):
                return
            self.pages.setCurrentIndex(PAGE_CHECK if self.kind == "forms" else PAGE_MAPPING)
        elif index == PAGE_MAPPING:
            self.pages.setCurrentIndex(PAGE_CHECK)
        elif index == PAGE_CHECK:
            self.start_import()
            return
        self._update_buttons()

    @property
    def kind(self) -> str:
        return self.kind_combo.currentData()

    def _browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a spreadsheet"), "", self.tr("Spreadsheets (*.xlsx *.csv *.txt)")
        )
        if path:
            self.path_edit.setText(path)

    # step 1 and 2
    def open_file(self, path: str) -> bool:
        """Inspect the file; fills the sheet list and the mapping table. False on error."""
        if not path or not Path(path).exists():
            QMessageBox.warning(self, self.tr("Import"), self.tr("Choose an existing file."))
            return False
        self.path_edit.setText(path)
        if self.kind == "forms":
            return True
        return self._inspect(None)

    def _inspect(self, sheet: str | None) -> bool:
        try:
            self.inspection = imports.inspect(
                self.path_edit.text(), self.kind, sheet, lang=self.lang
            )
        except Exception as exc:
            show_error(self, exc, self.tr("Cannot read this file"))
            return False
        inspection = self.inspection
        self.sheet_combo.clear()
        self.persons_combo.clear()
        self.persons_combo.addItem(self.tr("(none)"), None)
        for name, hidden in inspection.sheets:
            label = name + (self.tr(" (hidden)") if hidden else "")
            self.sheet_combo.addItem(label, name)
            if name != inspection.sheet:
                self.persons_combo.addItem(label, name)
        self.sheet_combo.setCurrentIndex(self.sheet_combo.findData(inspection.sheet))
        self.file_notes.setText("\n".join(n.message(self.lang) for n in inspection.notes))
        self._fill_mapping()
        return True

    def _fill_mapping(self) -> None:
        inspection = self.inspection
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
            self.apply_saved_mapping(load_saved(path))
        except Exception as exc:  # a broken mapping file, or the sheet can no longer be read
            show_error(self, exc, self.tr("Cannot load the mapping"))

    def apply_saved_mapping(self, saved: dict[str, Any]) -> None:
        self.inspection = imports.inspect(
            self.path_edit.text(), self.kind, self.inspection.sheet, saved, self.lang
        )
        self._fill_mapping()

    # step 3 and 4
    def options(self, dry_run: bool) -> imports.ImportOptions:
        inspection = self.inspection
        return imports.ImportOptions(
            kind=self.kind,
            sheet=inspection.sheet if inspection else None,
            persons_sheet=self.persons_combo.currentData() if self.kind == "customers" else None,
            mapping=inspection.mapping if inspection else None,
            on_duplicate=self.duplicate_combo.currentData(),
            dry_run=dry_run,
            skip_hidden_rows=self.hidden_check.isChecked(),
            create_categories=self.create_check.isChecked(),
        )

    def start_check(self) -> None:
        self._run(self.options(dry_run=True), self._checked)

    def start_import(self) -> None:
        self._run(self.options(dry_run=False), self._imported)

    def _run(self, options: imports.ImportOptions, done) -> None:
        path, user = self.path_edit.text(), self.user

        def work(job) -> imports.ImportReport:
            return imports.run_import(path, user, options, job)

        self.check_button.setEnabled(False)
        self.next_button.setEnabled(False)
        label = self.tr("Checking the file…") if options.dry_run else self.tr("Importing…")
        self.progress_dialog = run_job(
            self.runner, self, label, work, done, self._failed, self.lang
        )

    def _failed(self, exc: BaseException) -> None:
        self.check_button.setEnabled(True)
        self.next_button.setEnabled(True)
        if isinstance(exc, Cancelled):
            self.check_summary.setText(self.tr("Cancelled: nothing was imported."))
            self.run_cancelled.emit()
            return
        show_error(self, exc, self.tr("Import failed"))

    def _checked(self, report: imports.ImportReport) -> None:
        self.check_button.setEnabled(True)
        self.next_button.setEnabled(True)
        self.check_summary.setText(report.summary(self.lang))
        self._fill_problems(report)
        self.check_finished.emit(report)

    def _imported(self, report: imports.ImportReport) -> None:
        self.report = report
        self.next_button.setEnabled(True)
        self.pages.setCurrentIndex(PAGE_DONE)
        self._update_buttons()
        lines = [report.summary(self.lang)]
        lines += [p.message(self.lang) for p in report.errors[:PROBLEM_ROWS]]
        lines += [d.message(self.lang) for d in report.duplicates[:PROBLEM_ROWS]]
        self.done_text.setPlainText("\n".join(lines))
        self.rejected_button.setEnabled(bool(report.rejected_rows or report.warnings))
        self.undo_button.setEnabled(report.batch_id is not None)
        self.import_finished.emit(report)

    def _save_rejected(self) -> None:
        if self.report is None:
            return
        default = str(
            Path(self.path_edit.text()).with_name(
                Path(self.path_edit.text()).stem + "_rejected.xlsx"
            )
        )
        path, _f = QFileDialog.getSaveFileName(
            self, self.tr("Save rejected rows"), default, self.tr("Excel workbooks (*.xlsx)")
        )
        if path:
            self.report.write_rejected(path, self.lang)

    def undo_import(self) -> None:
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
        self.import_undone.emit(report.batch_id)

    # the problem table of the dry run
    def _problem_table(self) -> QTableWidget:
        table = QTableWidget(0, 4, self)
        table.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Column"), self.tr("Kind"), self.tr("Reason")]
        )
        table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        return table

    def _fill_problems(self, report: imports.ImportReport) -> None:
        table = self.problem_table
        problems = (report.errors + report.warnings)[:PROBLEM_ROWS]
        duplicates = report.duplicates[:PROBLEM_ROWS]
        table.setRowCount(len(problems) + len(duplicates))
        rows = [
            (
                str(p.row),
                f"{p.column_letter} {p.header or ''}".strip(),
                self.tr("Error") if p.error else self.tr("Warning"),
                p.reason_text(self.lang),
            )
            for p in problems
        ]
        rows += [(str(d.row), "", self.tr("Duplicate"), d.message(self.lang)) for d in duplicates]
        for row, texts in enumerate(rows):
            for col, text in enumerate(texts):
                table.setItem(row, col, QTableWidgetItem(text))
