"""Ctrl+P in the main window: the open card becomes a PDF in the print preview, and printing
from the preview is audited."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog

from kehu.db.models import AuditEntry
from kehu.ui.dialogs.print_dialog import PrintDialog
from kehu.ui.dialogs.print_preview import PrintPreviewDialog

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs pdftotext")


def test_ctrl_p_previews_the_open_card_and_audits_the_print(
    qtbot, window, customers, tmp_path, monkeypatch
):
    shown: list[PrintPreviewDialog] = []
    printed_to = tmp_path / "printed.pdf"

    def fake_exec(dialog: PrintPreviewDialog) -> int:
        shown.append(dialog)  # do not block: print at once through a PDF "printer"
        dialog.print_button.click()
        return QDialog.DialogCode.Accepted

    def accept_print(dialog: QPrintDialog) -> int:
        printer: QPrinter = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed_to))
        return QDialog.DialogCode.Accepted

    def choose_preview(dialog: PrintDialog) -> int:
        assert dialog.document().key == "card"  # an open card: its card is proposed
        dialog.preview_button.click()
        return dialog.result()

    monkeypatch.setattr(PrintDialog, "exec", choose_preview)
    monkeypatch.setattr(PrintPreviewDialog, "exec", fake_exec)
    monkeypatch.setattr(QPrintDialog, "exec", accept_print)
    card = window.open_card(customers["hz"])
    assert card is not None
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)

    preview = shown[0]
    text = subprocess.run(
        ["pdftotext", str(preview.pdf_path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "杭州西湖茶叶有限公司" in text
    assert "北京海淀科技有限公司" not in text  # only the open card
    assert preview.page_count() >= 1 and printed_to.stat().st_size > 0

    entry = AuditEntry.select().where(AuditEntry.action == "print").get()
    details = json.loads(entry.details)
    assert entry.entity_id == customers["hz"]
    assert details["kind"] == "card" and details["pages"] == preview.page_count()
    preview.deleteLater()
