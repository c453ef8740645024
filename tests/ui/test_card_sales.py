"""The card's sales tab: a sale line added, changed and deleted through its dialog, with the
product picked from the list; the history shows it; the product list dialog."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QMessageBox

from kehu.db.models import FieldChange, Product, SaleLine
from kehu.ui.card.sales import ProductListDialog, SaleLineDialog


def _fill(monkeypatch, product, category, quantity, amount, day=(2026, 3, 5)):
    def exec_(dialog):
        dialog.date_edit.setDate(QDate(*day))
        dialog.product_box.setCurrentText(product)
        if category:
            dialog.category_box.setCurrentText(category)
        dialog.quantity_edit.setText(quantity)
        dialog.amount_edit.setText(amount)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SaleLineDialog, "exec", exec_)


def test_add_change_delete_a_sale_line(qtbot, customers, window, loaded, monkeypatch):
    loaded(window)
    Product.create(name="火锅底料", category="调味品")
    card = window.open_card(customers["cq"])
    pane = card.sales_pane
    card.tabs.setCurrentWidget(pane)
    _fill(monkeypatch, "火锅底料", "", "12.5", "1,500.00")  # the category comes from the list
    pane.add_button.click()
    assert pane.table.rowCount() == 1
    assert [pane.table.item(0, c).text() for c in range(5)] == [
        "2026-03-05",
        "火锅底料",
        "调味品",
        "12.5",
        "1,500.00",
    ]
    assert "调味品 100.0%" in pane.composition.text()
    pane.table.selectRow(0)
    _fill(monkeypatch, "花椒油", "调味品", "2", "36")
    pane.edit_button.click()
    assert pane.table.item(0, 1).text() == "花椒油" and pane.table.item(0, 4).text() == "36.00"
    pane.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    pane.delete_button.click()
    assert pane.table.rowCount() == 0 and SaleLine.select().count() == 0
    assert FieldChange.select().where(FieldChange.field == "sale").count() == 3
    qtbot.waitUntil(lambda: card.history_table.rowCount() >= 3, timeout=10_000)
    labels = {card.history_table.item(r, 2).text() for r in range(card.history_table.rowCount())}
    assert "销售记录" in labels


def test_the_product_list_dialog(qtbot, window, loaded):
    loaded(window)
    dialog = ProductListDialog(window.session, window)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("花椒油")
    dialog.category_edit.setText("调味品")
    dialog.save_button.click()
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 0).text() == "花椒油"
    dialog.table.selectRow(0)
    dialog.delete_button.click()
    assert dialog.table.rowCount() == 0
