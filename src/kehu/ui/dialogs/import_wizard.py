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
    QDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kehu.core.i18n import normalise
from kehu.services import imports
from kehu.ui.dialogs.import_pages import (
    ImportCheckPage,
    ImportDonePage,
    ImportFilePage,
    ImportMappingPage,
)
from kehu.ui.errors import show_error
from kehu.ui.tasks import Cancelled, TaskRunner, run_job

logger = logging.getLogger(__name__)

PAGE_FILE, PAGE_MAPPING, PAGE_CHECK, PAGE_DONE = range(4)


class ImportWizard(QDialog):
    """Moves between the pages (`import_pages`), reads the file and runs the check and the
    import; the pages' widgets the tests drive are attributes here too."""

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
        self.file_page = ImportFilePage()
        self.mapping_page = ImportMappingPage(self.apply_saved_mapping)
        self.check_page = ImportCheckPage()
        self.done_page = ImportDonePage(user, self.lang)
        self.pages = QStackedWidget()
        for page in (self.file_page, self.mapping_page, self.check_page, self.done_page):
            self.pages.addWidget(page)
        self.path_edit = self.file_page.path_edit
        self.mapping_table = self.mapping_page.mapping_table
        self.check_button = self.check_page.check_button
        self.check_summary = self.check_page.check_summary
        self.problem_table = self.check_page.problem_table
        self.undo_button = self.done_page.undo_button
        self.back_button = QPushButton(self.tr("Back"))
        self.next_button = QPushButton(self.tr("Next"))
        self.close_button = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addLayout(buttons)
        self._connect_signals()
        self._update_buttons()

    def _connect_signals(self) -> None:
        self.back_button.clicked.connect(self._back)
        self.next_button.clicked.connect(self._next)
        self.close_button.clicked.connect(self.reject)
        self.file_page.sheet_chosen.connect(self._inspect)
        self.check_button.clicked.connect(self.start_check)
        self.done_page.undone.connect(self.import_undone)

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
        return self.file_page.kind

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
        self.file_page.show_sheets(self.inspection, self.lang)
        self.mapping_page.show_mapping(self.inspection, self.kind)
        return True

    def apply_saved_mapping(self, saved: dict[str, Any]) -> None:
        self.inspection = imports.inspect(
            self.path_edit.text(), self.kind, self.inspection.sheet, saved, self.lang
        )
        self.mapping_page.show_mapping(self.inspection, self.kind)

    # step 3 and 4
    def options(self, dry_run: bool) -> imports.ImportOptions:
        inspection, check = self.inspection, self.check_page
        return imports.ImportOptions(
            kind=self.kind,
            sheet=inspection.sheet if inspection else None,
            persons_sheet=(
                self.file_page.persons_combo.currentData() if self.kind == "customers" else None
            ),
            mapping=inspection.mapping if inspection else None,
            on_duplicate=check.duplicate_combo.currentData(),
            dry_run=dry_run,
            skip_hidden_rows=check.hidden_check.isChecked(),
            create_categories=check.create_check.isChecked(),
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
        self.check_page.show_report(report, self.lang)
        self.check_finished.emit(report)

    def _imported(self, report: imports.ImportReport) -> None:
        self.report = report
        self.next_button.setEnabled(True)
        self.pages.setCurrentIndex(PAGE_DONE)
        self._update_buttons()
        self.done_page.show_report(report, self.path_edit.text())
        self.import_finished.emit(report)
