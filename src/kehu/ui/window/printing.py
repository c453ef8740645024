"""File → Print… (Ctrl+P): every printed document of the export registry from one dialog
(`PrintDialog`), made off the UI thread, then previewed, sent to the printer or saved as PDF.

What is printed: the open card, the selection or the filtered list, as the user chooses; a
route sheet takes its route's stops. The default paper and watermark come from the settings.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QFileDialog

from kehu.core.i18n import UserError
from kehu.ui import settings, temp_files
from kehu.ui.errors import show_error
from kehu.ui.tasks import run_job

if TYPE_CHECKING:
    from kehu.ui.dialogs.print_dialog import PrintChoice, PrintDialog
    from kehu.ui.models.customer_table import CustomerTableModel
    from kehu.ui.session import Session
    from kehu.ui.widgets.customer_list import CustomerListView


class WindowPrinting:
    """Mixin of the main window: `open_print_dialog()` and the work behind it."""

    session: Session
    model: CustomerTableModel
    list_view: CustomerListView
    last_print_dialog: PrintDialog | None = None

    def _print_scopes(self) -> dict[str, list[int]]:
        from kehu.ui.dialogs.print_dialog import CARD, LIST, SELECTION

        card = self.current_card()
        return {
            CARD: [card.customer_id] if card is not None and card.customer_id else [],
            SELECTION: self.list_view.selected_ids(),
            LIST: list(self.model.ids()),
        }

    def make_print_dialog(self, default: str = "", route_id: int | None = None) -> PrintDialog:
        from kehu.services.routes import definitions
        from kehu.ui.dialogs.print_dialog import PrintDialog

        scopes = self._print_scopes()
        routes = [(r.id, r.name) for r in definitions.routes_for(self.session.user)]
        people = definitions.salespeople()
        defaults = {"size": str(settings.get(settings.PRINT_SIZE))}
        if not default:
            default = "card" if scopes["card"] or scopes["selection"] else "list"
        dialog = PrintDialog(
            {k: len(v) for k, v in scopes.items()}, routes, people, default, defaults, self
        )
        if route_id is not None and dialog.route.findData(route_id) >= 0:
            dialog.route.setCurrentIndex(dialog.route.findData(route_id))
        self.last_print_dialog = dialog
        return dialog

    def open_print_dialog(self, default: str = "", route_id: int | None = None) -> None:
        dialog = self.make_print_dialog(default, route_id)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.choice is None:
            return
        self.print_choice(dialog.choice)

    def print_choice(self, choice: PrintChoice) -> None:
        """Make the PDF of `choice` with the progress dialog, then preview, print or save."""
        from kehu.services import exports
        from kehu.services.routes import records
        from kehu.ui.dialogs.print_dialog import ROUTE, SAVE

        card = self.current_card()
        if card is not None and card.is_dirty and not card.save():
            return
        kind = choice.document.kind
        if choice.scope == ROUTE:
            ids = records.stop_ids(choice.route_id) if choice.route_id else []
        else:
            ids = self._print_scopes().get(choice.scope, [])
        options = {"selection": "window", **choice.options}
        if kind == "list":
            options.setdefault("columns", ",".join(self._printable_columns()))
        font = str(settings.get(settings.PDF_FONT))
        if font:
            options.setdefault("font", font)
        user, lang = self.session.user, self.session.lang
        try:
            exports.prepare(exports.PDF, kind, user, options, lang)
        except UserError as exc:
            show_error(self, exc)
            return
        if choice.action == SAVE:
            target, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save as PDF"), f"kehu-{choice.document.key}.pdf", "PDF (*.pdf)"
            )
            if not target:
                return
            path, audited = Path(target), True
        else:
            path, audited = temp_files.new_pdf(f"{kind}.pdf"), False

        def work(job):
            return exports.export(
                exports.PDF, kind, ids, path, user, options, job=job, lang=lang, audited=audited
            )

        def failed(exc: BaseException) -> None:
            if not audited:
                temp_files.remove(path)
            self._on_job_failed(exc)

        run_job(
            self.session.tasks,
            self,
            self.tr("Preparing the PDF…"),
            work,
            lambda result: self._after_print(Path(result), choice, ids),
            failed,
            lang,
        )

    def _printable_columns(self) -> list[str]:
        from kehu.core.fields import CUSTOMER_FIELDS

        names = {f.name for f in CUSTOMER_FIELDS}
        return [c for c in self.list_view.visual_columns() if c in names]

    def _after_print(self, path: Path, choice: PrintChoice, ids: list[int]) -> None:
        from kehu.ui.dialogs.print_dialog import PRINT, SAVE
        from kehu.ui.dialogs.print_preview import PrintPreviewDialog

        if choice.action == SAVE:
            self.statusBar().showMessage(self.tr("Saved %1").replace("%1", str(path)), 8000)
            return
        self.statusBar().clearMessage()
        preview = PrintPreviewDialog(path, self)
        preview.setObjectName("printPreviewDialog")
        preview.audit_as(self.session.user, choice.document.kind, ids)
        self.last_preview = preview
        if choice.action == PRINT:
            preview.print_document()
            preview.close()
            return
        preview.exec()


__all__ = ["WindowPrinting"]
