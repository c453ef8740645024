"""Files out of and into the main window: prints (PDF, shown in the print preview) and Excel
exports of the kinds in the export registry, run off the UI thread with `run_job`; and the
Excel import wizard."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from kehu.core.i18n import UserError
from kehu.core.jobs import Cancelled
from kehu.ui import temp_files
from kehu.ui.errors import show_error
from kehu.ui.tasks import run_job

if TYPE_CHECKING:
    from kehu.ui.models.customer_table import CustomerTableModel
    from kehu.ui.session import Session
    from kehu.ui.widgets.customer_list import CustomerListView


class WindowExports:
    """Mixin of the main window: the print and export actions' slots. What is printed is the
    current card, else the list's selection; what is exported, the selection, else the list.

    Uses the window's `current_card()` (`CardTabs`) and `refresh()`."""

    session: Session
    model: CustomerTableModel
    list_view: CustomerListView

    def _print_ids(self) -> list[int]:
        card = self.current_card()
        ids = [card.customer_id] if card is not None and card.customer_id else []
        return ids or self.list_view.selected_ids()

    def print_current(self) -> None:
        self.print_kind("card")

    def print_kind(self, kind: str) -> None:
        """Make the PDF of `kind` for the open card (or the selection) off the UI thread,
        with the progress dialog, then show it in the print preview."""
        ids = self._print_ids()
        if not ids:
            QMessageBox.information(
                self, self.tr("Print"), self.tr("Open a card or select customers to print.")
            )
            return
        card = self.current_card()
        if card is not None and card.is_dirty and not card.save():
            return
        from kehu.services import exports  # openpyxl and reportlab: not at start-up

        user, lang = self.session.user, self.session.lang
        path = temp_files.new_pdf(f"{kind}.pdf")
        options = {"selection": "window"}

        def work(job):
            return exports.export(
                exports.PDF, kind, ids, path, user, options, job=job, lang=lang, audited=False
            )

        def failed(exc: BaseException) -> None:
            temp_files.remove(path)
            self._on_job_failed(exc)

        run_job(
            self.session.tasks,
            self,
            self.tr("Preparing the PDF…"),
            work,
            lambda result: self._show_pdf(Path(result), kind, ids),
            failed,
            lang,
        )

    def _show_pdf(self, path: Path, kind: str, ids: list[int]) -> None:
        from kehu.ui.dialogs.print_preview import PrintPreviewDialog

        self.statusBar().clearMessage()
        preview = PrintPreviewDialog(path, self)
        preview.audit_as(self.session.user, kind, ids)
        preview.exec()

    def export_xlsx(self, kind: str) -> None:
        """Export the selection (or the whole list) as the Excel file of `kind`."""
        ids = self.list_view.selected_ids() or list(self.model.ids())
        if not ids:
            QMessageBox.information(
                self, self.tr("Export"), self.tr("There are no customers in the list to export.")
            )
            return
        from kehu.services import exports  # openpyxl: not at start-up

        user, lang = self.session.user, self.session.lang
        try:
            exports.prepare(exports.XLSX, kind, user, {}, lang)
        except UserError as exc:
            show_error(self, exc)
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export to Excel"), f"kehu-{kind}.xlsx", self.tr("Excel files (*.xlsx)")
        )
        if not path:
            return
        options = {"selection": "window"}

        def work(job):
            return exports.export(
                exports.XLSX, kind, ids, Path(path), user, options, job=job, lang=lang
            )

        run_job(
            self.session.tasks,
            self,
            self.tr("Exporting %1 customers…").replace("%1", f"{len(ids):,}"),
            work,
            lambda result: self.statusBar().showMessage(
                self.tr("Exported to %1").replace("%1", str(result)), 6000
            ),
            self._on_job_failed,
            lang,
        )

    def _on_job_failed(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            self.statusBar().showMessage(self.tr("Cancelled"), 4000)
        else:
            show_error(self, exc)

    def open_import_wizard(self) -> None:
        from kehu.ui.dialogs.import_wizard import ImportWizard

        wizard = ImportWizard(self.session.workspace, self.session.user, self, self.session.lang)
        wizard.exec()
        self.refresh()


__all__ = ["WindowExports"]
