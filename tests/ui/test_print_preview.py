"""The print preview: pages, navigation, zoom, printing (to a PDF printer) and saving a copy."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog

from kehu.services import dossiers, exports
from kehu.ui.dialogs.print_preview import PrintPreviewDialog


@pytest.fixture
def cards_pdf(workspace, user, tmp_path) -> Path:
    ids = [
        dossiers.create(
            {"name": f"预览客户{n}", "address": "上海市黄浦区南京东路1号", "phone": "021-63210000"},
            user,
            persons=[{"name": "钱七", "mobile": "13700000000"}],
        )
        for n in range(3)
    ]
    return exports.export("pdf", "card", ids, tmp_path / "cards.pdf", user, {"selection": "t"})


@pytest.fixture
def preview(qtbot, cards_pdf):
    dialog = PrintPreviewDialog(cards_pdf)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.page_count() == 3, timeout=5000)
    return dialog


def test_pages_and_navigation(qtbot, preview):
    # the label is translated ("of 3" / "共 3 页"): an earlier UI test may have left zh_CN on
    assert preview.page_count_label.text() == preview.tr("of %1").replace("%1", "3")
    assert re.search(r"(?<!\d)3(?!\d)", preview.page_count_label.text())
    assert preview.current_page() == 0
    assert not preview.previous_button.isEnabled() and preview.next_button.isEnabled()
    preview.next_button.click()
    assert preview.current_page() == 1 and preview.page_box.value() == 2
    preview.go_to(99)
    assert preview.current_page() == 2 and not preview.next_button.isEnabled()
    preview.previous_button.click()
    assert preview.current_page() == 1


def test_zoom_in_out_and_fit(qtbot, preview):
    preview.set_zoom(1.0)
    preview.zoom_in_button.click()
    assert preview.zoom_factor() == pytest.approx(1.25)
    preview.zoom_out_button.click()
    preview.zoom_out_button.click()
    assert preview.zoom_factor() == pytest.approx(0.75)
    preview.zoom_box.setCurrentIndex(0)
    preview.zoom_box.activated.emit(0)
    assert preview.view.zoomMode() == preview.view.ZoomMode.FitToWidth


def test_print_goes_through_the_print_dialog(qtbot, preview, tmp_path, monkeypatch):
    target = tmp_path / "printed.pdf"

    def accept(dialog: QPrintDialog) -> int:
        printer: QPrinter = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    with qtbot.waitSignal(preview.printed, timeout=20_000) as signal:
        preview.print_button.click()
    assert signal.args == [3]
    assert target.stat().st_size > 10_000
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True).stdout
        assert re.search(r"Pages:\s+3", info)
        width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
        assert abs(width - 595) < 3 and abs(height - 842) < 3  # A4, as the document


def test_cancelled_print_dialog_prints_nothing(qtbot, preview, monkeypatch):
    monkeypatch.setattr(QPrintDialog, "exec", lambda _self: QDialog.DialogCode.Rejected)
    seen = []
    preview.printed.connect(seen.append)
    preview.print_button.click()
    assert seen == []


def test_save_as_pdf_copies_the_file(qtbot, preview, cards_pdf, tmp_path, monkeypatch):
    target = tmp_path / "copy"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(preview.saved) as signal:
        preview.save_button.click()
    saved = Path(signal.args[0])
    assert saved.suffix == ".pdf" and saved.read_bytes() == cards_pdf.read_bytes()


def test_screenshot_shows_a_rendered_page(qtbot, preview, tmp_path):
    preview.resize(700, 800)
    qtbot.waitUntil(lambda: preview.view.isVisible(), timeout=2000)
    qtbot.wait(200)
    image = preview.grab().toImage()
    path = tmp_path / "preview.png"
    image.save(str(path))
    # the page area is mostly white paper with dark text: more than two colours in the middle
    colours = {image.pixel(x, y) for x in range(100, 600, 7) for y in range(150, 600, 7)}
    assert len(colours) > 3
