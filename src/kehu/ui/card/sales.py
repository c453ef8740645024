"""The card's sales tab: the customer's sale lines (add, change, delete), its product
composition, and the product list the lines pick from."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kehu.core.changes import Changes
from kehu.services import analysis, sales
from kehu.services.sales import SaleInput
from kehu.ui.card.tables import fill_table, read_only_table
from kehu.ui.operations import perform


class SaleLineDialog(QDialog):
    """One sale line: date, product (from the list or typed), category, quantity, amount."""

    def __init__(self, parent: QWidget | None, line: dict[str, Any] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("saleLineDialog")
        self.setWindowTitle(self.tr("Sale line"))
        self.products = {p["name"]: p for p in sales.products()}
        self.date_edit = QDateEdit(QDate.currentDate(), self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.product_box = QComboBox(self)
        self.product_box.setObjectName("saleProduct")
        self.product_box.setEditable(True)
        self.product_box.addItem("")
        self.product_box.addItems(sorted(self.products))
        self.category_box = QComboBox(self)
        self.category_box.setObjectName("saleCategory")
        self.category_box.setEditable(True)
        self.category_box.addItems(sales.product_categories())
        self.quantity_edit = QLineEdit("1", self)
        self.quantity_edit.setObjectName("saleQuantity")
        self.amount_edit = QLineEdit(self)
        self.amount_edit.setObjectName("saleAmount")
        self.amount_edit.setPlaceholderText(self.tr("yuan, e.g. 1,280.50"))
        for widget, name in (
            (self.date_edit, self.tr("Date")),
            (self.product_box, self.tr("Product")),
            (self.category_box, self.tr("Product category")),
            (self.quantity_edit, self.tr("Quantity")),
            (self.amount_edit, self.tr("Amount (yuan)")),
        ):
            widget.setAccessibleName(name)
        form = QFormLayout()
        form.addRow(self.tr("Date"), self.date_edit)
        form.addRow(self.tr("Product"), self.product_box)
        form.addRow(self.tr("Product category"), self.category_box)
        form.addRow(self.tr("Quantity"), self.quantity_edit)
        form.addRow(self.tr("Amount (yuan)"), self.amount_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.product_box.currentTextChanged.connect(self._on_product)
        if line is not None:
            self.date_edit.setDate(QDate(line["date"]))
            self.product_box.setCurrentText(line["product"] or "")
            self.category_box.setCurrentText(line["category"] or "")
            self.quantity_edit.setText(f"{Decimal(line['quantity']).normalize():f}")
            self.amount_edit.setText(f"{Decimal(line['amount_cents']) / 100:.2f}")

    def _on_product(self, name: str) -> None:
        known = self.products.get(name.strip())
        if known is not None:
            self.category_box.setCurrentText(known["category"])

    def values(self) -> SaleInput:
        day: dt.date = self.date_edit.date().toPython()
        return SaleInput(
            day,
            self.product_box.currentText(),
            self.category_box.currentText(),
            self.quantity_edit.text(),
            self.amount_edit.text(),
        )


class ProductListDialog(QDialog):
    """The product list (商品): name, code, category, unit; a product no line names can go."""

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("productListDialog")
        self.setWindowTitle(self.tr("Products"))
        self.session = session
        self.resize(620, 420)
        self.table = read_only_table(
            self,
            [self.tr("Product"), self.tr("Code"), self.tr("Product category"), self.tr("Unit"),
             self.tr("Sale lines")],
            "productTable",
        )  # fmt: skip
        self.name_edit, self.code_edit = QLineEdit(self), QLineEdit(self)
        self.category_edit, self.unit_edit = QLineEdit(self), QLineEdit(self)
        self.name_edit.setObjectName("productName")
        self.category_edit.setObjectName("productCategory")
        form = QHBoxLayout()
        for label, edit in (
            (self.tr("Product"), self.name_edit),
            (self.tr("Code"), self.code_edit),
            (self.tr("Product category"), self.category_edit),
            (self.tr("Unit"), self.unit_edit),
        ):
            form.addWidget(QLabel(label, self))
            form.addWidget(edit)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.new_button = QPushButton(self.tr("New"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        may = sales.may_keep_products(session.user) and session.can_write
        for button in (self.save_button, self.new_button, self.delete_button):
            button.setEnabled(may)
        row = QHBoxLayout()
        row.addStretch(1)
        for button in (self.new_button, self.save_button, self.delete_button):
            row.addWidget(button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(close)
        self.current: int | None = None
        self.table.setAccessibleName(self.tr("Products"))
        for edit, name in (
            (self.name_edit, self.tr("Product")),
            (self.code_edit, self.tr("Code")),
            (self.category_edit, self.tr("Product category")),
            (self.unit_edit, self.tr("Unit")),
        ):
            edit.setAccessibleName(name)
        self.table.itemSelectionChanged.connect(self._on_selected)
        self.save_button.clicked.connect(self._on_save)
        self.new_button.clicked.connect(self._on_new)
        self.delete_button.clicked.connect(self._on_delete)
        self._load()

    def _load(self) -> None:
        self.rows = sales.products()
        fill_table(
            self.table,
            [
                [p["name"], p["code"] or "", p["category"], p["unit"] or "", str(p["lines"])]
                for p in self.rows
            ],
        )

    def _on_selected(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows):
            p = self.rows[row]
            self.current = p["id"]
            self.name_edit.setText(p["name"])
            self.code_edit.setText(p["code"] or "")
            self.category_edit.setText(p["category"])
            self.unit_edit.setText(p["unit"] or "")

    def _on_new(self) -> None:
        self.current = None
        self.table.clearSelection()
        for edit in (self.name_edit, self.code_edit, self.category_edit, self.unit_edit):
            edit.clear()

    def _on_save(self) -> None:
        user, current = self.session.user, self.current
        values = (
            self.name_edit.text(),
            self.code_edit.text(),
            self.category_edit.text(),
            self.unit_edit.text(),
        )

        def run() -> Changes:
            self.current = sales.save_product(user, current, *values)
            return Changes()

        perform(self.session.hub, self, run, on_success=lambda _c: self._load())

    def _on_delete(self) -> None:
        if self.current is None:
            return
        user, current = self.session.user, self.current

        def run() -> Changes:
            sales.delete_product(user, current)
            return Changes()

        perform(self.session.hub, self, run, on_success=lambda _c: (self._on_new(), self._load()))


class SalesPane(QWidget):
    """The sales tab of a card."""

    def __init__(self, card: Any) -> None:
        super().__init__(card)
        self.card = card
        self.session = card.session
        self.customer_id: int | None = None
        self.may_edit = False
        self.lines: list[dict[str, Any]] = []
        self.table = read_only_table(
            self,
            [self.tr("Date"), self.tr("Product"), self.tr("Product category"),
             self.tr("Quantity"), self.tr("Amount")],
            "salesTable",
        )  # fmt: skip
        self.table.setAccessibleName(self.tr("Sale lines"))
        self.add_button = QPushButton(self.tr("Add…"), self)
        self.add_button.setObjectName("addSale")
        self.edit_button = QPushButton(self.tr("Change…"), self)
        self.edit_button.setObjectName("editSale")
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.setObjectName("deleteSale")
        self.products_button = QPushButton(self.tr("Products…"), self)
        self.composition = QLabel(self)
        self.composition.setObjectName("saleComposition")
        self.composition.setWordWrap(True)
        bar = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.products_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.composition)
        self.add_button.clicked.connect(self._on_add)
        self.edit_button.clicked.connect(self._on_edit)
        self.table.doubleClicked.connect(lambda _i: self._on_edit())
        self.delete_button.clicked.connect(self._on_delete)
        self.products_button.clicked.connect(self._on_products)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def load(self, customer_id: int) -> None:
        self.customer_id = customer_id
        self.may_edit = sales.may_edit_sales_of(self.session.user, customer_id)
        self.lines = sales.lines_of(customer_id)
        fill_table(
            self.table,
            [
                [
                    str(s["date"]),
                    s["product"] or "",
                    s["category"] or "",
                    f"{Decimal(s['quantity']).normalize():f}",
                    f"{Decimal(s['amount_cents']) / 100:,.2f}",
                ]
                for s in self.lines
            ],
        )
        table = analysis.customer_products(self.session.user, customer_id, lang=self.session.lang)
        parts = "  ·  ".join(f"{row.label} {row.share}%" for row in table.rows)
        self.composition.setText(
            self.tr("Product composition: %1").replace("%1", parts) if parts else ""
        )
        self._update_buttons()

    def _selected(self) -> dict[str, Any] | None:
        row = self.table.currentRow()
        if not self.table.selectedItems() or not 0 <= row < len(self.lines):
            return None
        return self.lines[row]

    def _update_buttons(self) -> None:
        writable = self.session.can_write and self.customer_id is not None and self.may_edit
        self.add_button.setEnabled(writable)
        chosen = writable and self._selected() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def _write(self, fn) -> None:
        cid = self.customer_id

        def run() -> Changes:
            fn()
            return Changes.of_customers([cid])

        perform(self.session.hub, self, run, on_success=lambda _c: self.load(cid))

    def _on_add(self) -> None:
        dialog = SaleLineDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values, user, cid = dialog.values(), self.session.user, self.customer_id
        self._write(lambda: sales.add_line(user, cid, values))

    def _on_edit(self) -> None:
        line = self._selected()
        if line is None:
            return
        dialog = SaleLineDialog(self, line)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values, user = dialog.values(), self.session.user
        self._write(lambda: sales.update_line(user, line["id"], values))

    def _on_delete(self) -> None:
        line = self._selected()
        if line is None:
            return
        answer = QMessageBox.question(self, self.tr("Delete"), self.tr("Delete this sale line?"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        user = self.session.user
        self._write(lambda: sales.delete_line(user, line["id"]))

    def _on_products(self) -> None:
        ProductListDialog(self.session, self).exec()


__all__ = ["ProductListDialog", "SaleLineDialog", "SalesPane"]
