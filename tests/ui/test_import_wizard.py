"""The import wizard and the review dialog, driven like a user would."""

from __future__ import annotations

import re
import threading
from dataclasses import replace

import openpyxl
import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton

from kehu.services import dossiers, exports
from kehu.ui.dialogs.import_wizard import PAGE_CHECK, PAGE_DONE, PAGE_MAPPING, ImportWizard
from kehu.ui.dialogs.review_dialog import ReviewDialog


@pytest.fixture
def messy(tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["2024年客户名单"])
    ws.merge_cells("A1:D1")
    ws.append(["单位", "联系电话", "联系人", "手机"])
    ws.append(["北京海淀科技有限公司", "010-62345678", "张三", 13812345678])
    ws.append(["上海浦东贸易公司", 2158881234, "李四", "13912345678"])
    ws.append(["北京海淀科技有限公司", "010-62345678", "张三", "13812345678"])
    path = tmp_path / "messy.xlsx"
    book.save(path)
    return path


def test_wizard_maps_checks_imports_and_undoes(qtbot, workspace, user, messy, monkeypatch):
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Ok)
    wizard = ImportWizard(workspace, user, lang="zh_CN")
    qtbot.addWidget(wizard)
    wizard.path_edit.setText(str(messy))
    wizard.next_button.click()
    assert wizard.pages.currentIndex() == PAGE_MAPPING
    assert wizard.inspection.mapping.header_row == 2
    combo = wizard.mapping_table.cellWidget(0, 2)
    assert combo.currentData() == ""  # 单位 is not a known header
    combo.setCurrentIndex(combo.findData("name"))
    assert wizard.inspection.mapping.targets[:2] == ["name", "phone"]
    wizard.next_button.click()
    assert wizard.pages.currentIndex() == PAGE_CHECK

    with qtbot.waitSignal(wizard.check_finished, timeout=20000) as checked:
        wizard.check_button.click()
    dry = checked.args[0]
    assert (dry.created, dry.skipped, dry.rejected) == (1, 1, 1)
    reasons = [
        wizard.problem_table.item(r, 3).text() for r in range(wizard.problem_table.rowCount())
    ]
    assert any("区号开头的0已丢失" in text for text in reasons)
    assert not dossiers.Customer.select().exists()

    with qtbot.waitSignal(wizard.import_finished, timeout=20000) as finished:
        wizard.next_button.click()
    report = finished.args[0]
    assert wizard.pages.currentIndex() == PAGE_DONE
    assert report.created == 1 and dossiers.Customer.select().count() == 1
    assert wizard.undo_button.isEnabled()
    with qtbot.waitSignal(wizard.import_undone, timeout=5000):
        wizard.undo_button.click()
    assert not dossiers.Customer.select().exists()


def test_wizard_reports_unreadable_files(qtbot, workspace, user, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "Workbook".encode("utf-16-le"))
    wizard = ImportWizard(workspace, user, lang="zh_CN")
    qtbot.addWidget(wizard)
    wizard.path_edit.setText(str(path))
    wizard.next_button.click()
    assert wizard.pages.currentIndex() == 0
    assert shown and ".xlsx" in shown[0]


def test_review_dialog_accepts_field_by_field(qtbot, workspace, user, tmp_path):
    from kehu.services import imports

    cid = dossiers.create({"name": "杭州西湖茶叶有限公司", "email": "old@tea.example"}, user)
    out = exports.export("xlsx", "form", [cid], tmp_path / "form.xlsx", user, {})
    book = openpyxl.load_workbook(out)
    ws = book.active
    rows = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1)}
    ws.cell(rows["email"], 3).value = "new@tea.example"
    ws.cell(rows["industry"], 3).value = "茶叶"
    book.save(out)
    imports.run_import(out, user, imports.ImportOptions(kind="forms"))

    dialog = ReviewDialog(workspace, user, lang="zh_CN")
    qtbot.addWidget(dialog)
    assert dialog.review_list.count() == 1
    shown = {dialog.table.item(r, 1).text(): r for r in range(dialog.table.rowCount())}
    row = shown["电子邮箱"]
    assert dialog.table.item(row, 2).text() == "old@tea.example"
    assert dialog.table.item(row, 3).text() == "new@tea.example"
    dialog.set_accepted("email", True)
    with qtbot.waitSignal(dialog.review_decided) as decided:
        dialog.apply_button.click()
    assert decided.args[0] == cid
    values = dossiers.load(cid).values
    assert values["email"] == "new@tea.example" and values["industry"] is None
    assert dialog.review_list.count() == 0 and dialog.empty_label.isVisibleTo(dialog)
    dialog.grab().save(str(tmp_path / "review.png"))


ENGLISH_WORDS = {"Row", "Column", "Kind", "Reason", "Error", "Warning", "Duplicate"}


def _ascii_words(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z]{2,}", text))


def _to_check_page(qtbot, wizard, path) -> None:
    wizard.path_edit.setText(str(path))
    wizard.next_button.click()
    assert wizard.pages.currentIndex() == PAGE_MAPPING
    combo = wizard.mapping_table.cellWidget(0, 2)
    combo.setCurrentIndex(combo.findData("name"))
    wizard.next_button.click()
    assert wizard.pages.currentIndex() == PAGE_CHECK


def test_the_chinese_wizard_shows_no_english(qtbot, qapp, workspace, user, tmp_path):
    """Headers, kinds, reasons and the summary of a dry run with errors, warnings and
    duplicates are Chinese; only data values (the file and sheet names) are ASCII."""
    from kehu.ui import translations

    book = openpyxl.Workbook()
    for row in [
        ["单位", "联系电话", "成立日期"],
        ["北京海淀科技有限公司", "010-62345678", 45292],  # a date serial: a warning
        ["上海浦东贸易公司", 2158881234, None],  # the 0 of the area code is lost: an error
        ["北京海淀科技有限公司", "010-62345678", None],  # a duplicate of the first row
    ]:
        book.active.append(row)
    messy = tmp_path / "messy.xlsx"
    book.save(messy)
    translations.install(qapp, "zh_CN")
    try:
        wizard = ImportWizard(workspace, user, lang="zh_CN")
        qtbot.addWidget(wizard)
        _to_check_page(qtbot, wizard, messy)
        with qtbot.waitSignal(wizard.check_finished, timeout=20000) as checked:
            wizard.check_button.click()
        report = checked.args[0]
        assert report.errors and report.duplicates and report.warnings
        table = wizard.problem_table
        headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
        assert headers == ["行", "列", "类型", "原因"]
        cells = [table.item(r, c).text() for r in range(table.rowCount()) for c in range(4)]
        kinds = {table.item(r, 2).text() for r in range(table.rowCount())}
        assert kinds == {"错误", "警告", "重复"}
        shown = "\n".join([*headers, *cells, wizard.check_summary.text()])
        assert not _ascii_words(shown) & ENGLISH_WORDS
        data = {"messy", "xlsx", "Sheet", "KH"}
        assert _ascii_words(shown) <= data, _ascii_words(shown) - data
        assert "试运行" in wizard.check_summary.text()
    finally:
        translations.install(qapp, "en")


def test_cancel_in_the_progress_dialog_stops_the_import(
    qtbot, workspace, user, tmp_path, monkeypatch
):
    """The import runs in the one progress dialog; its Cancel stops the run after a batch
    was already written, and that batch is taken out again."""
    from kehu.db.models import ImportBatch
    from kehu.services.imports import customers, plan

    book = openpyxl.Workbook()
    book.active.append(["客户名称", "电话"])
    for i in range(8):
        book.active.append([f"测试公司{i}", f"0571-8700000{i}"])
    path = tmp_path / "eight.xlsx"
    book.save(path)
    monkeypatch.setattr(plan, "PROGRESS_EVERY", 1)
    options = ImportWizard.options
    monkeypatch.setattr(
        ImportWizard, "options", lambda self, dry_run: replace(options(self, dry_run), batch_size=2)
    )
    flushed, go = threading.Event(), threading.Event()
    flush = customers.CustomerImporter._flush

    def paused_flush(self, chunk):
        flush(self, chunk)
        if chunk and not flushed.is_set():
            flushed.set()  # the first batch is committed; wait for the user's Cancel
            assert go.wait(10)

    monkeypatch.setattr(customers.CustomerImporter, "_flush", paused_flush)

    wizard = ImportWizard(workspace, user, lang="zh_CN")
    qtbot.addWidget(wizard)
    wizard.path_edit.setText(str(path))
    wizard.next_button.click()
    wizard.next_button.click()
    assert wizard.pages.currentIndex() == PAGE_CHECK
    wizard.next_button.click()  # Import
    qtbot.waitUntil(flushed.is_set, timeout=10000)
    dialog = wizard.progress_dialog
    assert dialog.isVisible()
    assert dossiers.Customer.select().count() == 2  # written, before the Cancel
    with qtbot.waitSignal(wizard.run_cancelled, timeout=10000):
        dialog.findChild(QPushButton).click()  # the dialog's Cancel button
        go.set()
    assert not dialog.isVisible()
    assert not dossiers.Customer.select().exists()
    assert ImportBatch.get().status == "cancelled"
    assert wizard.pages.currentIndex() == PAGE_CHECK and wizard.next_button.isEnabled()
    assert wizard.check_summary.text() == wizard.tr("Cancelled: nothing was imported.")
