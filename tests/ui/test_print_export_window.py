"""The window's File menu drives the export registry: cards to Excel writes a workbook that
opens, the Excel export's progress bar moves and Cancel leaves no file; temporary print
PDFs are deleted when the preview closes and when the app quits; a salesperson cannot
reveal sensitive fields on the card."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog, QProgressDialog, QPushButton

from kehu.db.models import AuditEntry, Customer
from kehu.services import dossiers
from kehu.ui import temp_files
from kehu.ui.card.person_dialog import PersonDialog
from kehu.ui.dialogs.print_preview import PrintPreviewDialog


def file_menu_action(window, name: str) -> QAction:
    file_menu = window.menuBar().actions()[0].menu()
    found = [a for a in file_menu.actions() if a.objectName() == name]
    assert found, [a.objectName() for a in file_menu.actions()]
    return found[0]


def listed(qtbot, window, count: int) -> None:
    window.refresh()
    qtbot.waitUntil(lambda: window.model.rowCount() == count, timeout=20_000)


def save_as(monkeypatch, path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def test_file_menu_export_cards_to_excel_writes_a_card_workbook(
    qtbot, window, customers, tmp_path, monkeypatch
):
    listed(qtbot, window, len(customers))
    out = tmp_path / "cards.xlsx"
    save_as(monkeypatch, out)
    action = file_menu_action(window, "export_xlsx_card")
    assert action.text() == "导出档案卡到 Excel…"
    action.trigger()
    qtbot.waitUntil(out.exists, timeout=20_000)
    qtbot.waitUntil(lambda: "cards.xlsx" in window.statusBar().currentMessage(), timeout=10_000)
    book = openpyxl.load_workbook(out)
    assert "杭州西湖茶叶有限公司" in book.sheetnames and len(book.sheetnames) == 5
    assert book["杭州西湖茶叶有限公司"]["A1"].value == "客户档案"
    assert AuditEntry.select().where(AuditEntry.action == "export").count() == 1


def _many(user, count: int) -> None:
    rows = [
        {"code": f"KH9{n:05d}", "name": f"批量客户{n}", "owner": user.id, "version": 1}
        for n in range(count)
    ]
    Customer.insert_many(rows).execute()


def test_the_excel_export_progress_bar_moves(qtbot, window, user, tmp_path, monkeypatch):
    _many(user, 1600)
    listed(qtbot, window, 1600)
    values: list[tuple[int, int]] = []
    original = QProgressDialog.setValue

    def record(dialog, value):
        values.append((value, dialog.maximum()))
        original(dialog, value)

    monkeypatch.setattr(QProgressDialog, "setValue", record)
    out = tmp_path / "list.xlsx"
    save_as(monkeypatch, out)
    file_menu_action(window, "export_xlsx_list").trigger()
    qtbot.waitUntil(lambda: "list.xlsx" in window.statusBar().currentMessage(), timeout=30_000)
    assert out.exists() and (1500, 1600) in values  # the bar moved towards the total


def test_cancel_of_the_excel_export_leaves_no_file(qtbot, window, customers, tmp_path, monkeypatch):
    listed(qtbot, window, len(customers))
    out = tmp_path / "cancelled.xlsx"
    save_as(monkeypatch, out)
    window.session.tasks.hold()  # the job waits, so that Cancel comes first for sure
    file_menu_action(window, "export_xlsx_list").trigger()
    dialog = window.findChild(QProgressDialog, "jobProgressDialog")
    assert dialog is not None
    dialog.findChild(QPushButton).click()  # the user presses Cancel
    window.session.tasks.release()
    qtbot.wait(200)
    assert window.session.tasks.wait(10_000)
    assert not out.exists() and list(tmp_path.glob("*cancelled*")) == []


def test_the_temporary_print_pdf_is_deleted_when_the_preview_closes(
    qtbot, window, customers, monkeypatch
):
    shown: list[PrintPreviewDialog] = []

    def fake_exec(dialog: PrintPreviewDialog) -> int:
        shown.append(dialog)
        assert dialog.pdf_path.exists() and dialog.pdf_path.name == "card.pdf"
        assert dialog.pdf_path.parent.name.startswith("kehu-print-")
        dialog.done(QDialog.DialogCode.Rejected)  # the user closes the preview
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(PrintPreviewDialog, "exec", fake_exec)
    window.open_card(customers["hz"])
    window.print_current()
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    path = shown[0].pdf_path
    assert not path.exists() and not path.parent.exists()
    assert path not in temp_files.registered()
    assert not AuditEntry.select().where(AuditEntry.action == "export").exists()  # a preview


def test_temporary_files_are_deleted_when_the_app_quits(qapp):
    path = temp_files.new_pdf()
    path.write_bytes(b"%PDF-1.4 customer data")
    QCoreApplication.instance().aboutToQuit.emit()
    assert not path.exists() and not path.parent.exists()


@pytest.mark.parametrize(("role", "may"), [("salesperson", False), ("manager", True)])
def test_only_a_role_that_may_reveal_gets_the_reveal_button(
    qtbot, window, customers, user, monkeypatch, role, may
):
    base = dossiers.load(customers["bj"])
    dossiers.save(base, {}, user, persons=[{"id": None, "name": "李娜", "id_number": "1101"}])
    card = window.open_card(customers["bj"])
    monkeypatch.setattr(window.session.user, "role", role)
    dialog = PersonDialog(window.session, card.persons[0], card.customer_id, card)
    qtbot.addWidget(dialog)
    assert dialog.reveal_button.isHidden() is not may
    errors = []
    monkeypatch.setattr("kehu.ui.errors.show_error", lambda parent, exc: errors.append(exc))
    dialog.reveal()
    assert dialog.editors["id_number"].masked is not may
    assert bool(errors) is not may  # a refused reveal says so
    assert AuditEntry.select().where(AuditEntry.action == "view_sensitive").exists() is may


def test_the_card_history_shows_changed_id_numbers_masked(qtbot, window, customers, user):
    base = dossiers.load(customers["sh"])
    dossiers.save(
        base, {}, user, persons=[{"id": None, "name": "李娜", "id_number": "110105194912310021"}]
    )
    person = dossiers.load(customers["sh"]).persons[0]
    changed = {**person, "id_number": "310115196809121234"}
    dossiers.save(dossiers.load(customers["sh"]), {}, user, persons=[changed])
    assert any(h["field"] == "person.id_number" for h in dossiers.history(customers["sh"]))
    card = window.open_card(customers["sh"])
    table = card.history_table
    cells = [table.item(r, c).text() for r in range(table.rowCount()) for c in (3, 4)]
    assert "110***********0021" in cells and "310***********1234" in cells
    assert "110105194912310021" not in cells and "310115196809121234" not in cells
