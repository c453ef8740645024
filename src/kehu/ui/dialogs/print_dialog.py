"""File → Print…: one dialog for every printed document of the export registry.

The user picks a document (client cards A4/A5, customer-information form, route sheet,
blank visit form, daily or monthly visit report, address labels 3×8 or 2×7, the customer
list), whose customers (the open card, the selection, the filtered list; a route sheet
takes its route), and the options the CLI's `kehu export --option` takes. The dialog only
collects the choice (`PrintChoice`); the window makes the PDF and previews, prints or saves it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

CARD, SELECTION, LIST, ROUTE = "card", "selection", "list", "route"  # whose customers
PREVIEW, PRINT, SAVE = "preview", "print", "save"  # what to do with the PDF


@dataclass(frozen=True)
class Document:
    """One entry of the list: a registry kind with fixed options and the options shown."""

    key: str
    kind: str
    fixed: tuple[tuple[str, str], ...] = ()
    shown: tuple[str, ...] = ()  # option widgets: size, visits, prefill, fields, route, …
    by_route: bool = False  # its customers are a route's stops


DOCUMENTS: tuple[Document, ...] = (
    Document("card", "card", (), ("size", "visits", "title")),
    Document("form", "form", (), ("prefill", "fields")),
    Document("route", "route", (), ("route", "date", "overdue"), by_route=True),
    Document("visit_form", "visits", (("blank", "1"),), ("route", "rows", "salesperson")),
    Document("daily", "visits", (), ("date", "salesperson")),
    Document("monthly", "visits", (("month", "1"),), ("date", "salesperson")),
    Document("labels", "labels", (), ("labels", "outline")),
    Document("list", "list", (), ()),
)


@dataclass
class PrintChoice:
    document: Document
    scope: str  # CARD, SELECTION, LIST or ROUTE
    options: dict[str, str] = field(default_factory=dict)
    action: str = PREVIEW
    route_id: int | None = None


class PrintDialog(QDialog):
    """Choose a document, its customers and options; Preview, Print or Save as PDF."""

    def __init__(
        self,
        counts: dict[str, int],
        routes: list[tuple[int, str]],
        salespeople: list[tuple[int, str]],
        default: str = "card",
        defaults: dict[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("printDialog")
        self.setWindowTitle(self.tr("Print"))
        self.counts = counts
        self.choice: PrintChoice | None = None
        defaults = defaults or {}
        self.documents = QListWidget(self)
        self.documents.setObjectName("printDocuments")
        self.documents.setAccessibleName(self.tr("Document"))
        for document in DOCUMENTS:
            item = QListWidgetItem(self._document_label(document.key), self.documents)
            item.setData(Qt.ItemDataRole.UserRole, document.key)
        self.documents.setMinimumWidth(self.documents.sizeHintForColumn(0) + 24)
        self._build_scope()
        self._build_options(routes, salespeople, defaults)
        buttons = QDialogButtonBox(self)
        self.preview_button = buttons.addButton(
            self.tr("Preview…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.preview_button.setObjectName("printPreview")
        self.print_button = buttons.addButton(
            self.tr("Print…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.print_button.setObjectName("printNow")
        self.save_button = buttons.addButton(
            self.tr("Save as PDF…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("printSave")
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.preview_button.setDefault(True)
        right = QVBoxLayout()
        right.addWidget(self.scope_box)
        right.addWidget(self.options_box, 1)
        body = QHBoxLayout()
        body.addWidget(self.documents)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        self._connect_signals(buttons)
        keys = [d.key for d in DOCUMENTS]
        self.documents.setCurrentRow(keys.index(default) if default in keys else 0)

    def _document_label(self, key: str) -> str:
        return {
            "card": self.tr("Client cards"),
            "form": self.tr("Customer information form"),
            "route": self.tr("Route sheet"),
            "visit_form": self.tr("Blank visit form"),
            "daily": self.tr("Daily visit report"),
            "monthly": self.tr("Monthly visit report"),
            "labels": self.tr("Address labels"),
            "list": self.tr("Customer list (as filtered)"),
        }[key]

    # -- layout
    def _build_scope(self) -> None:
        self.scope_box = QGroupBox(self.tr("Customers"), self)
        layout = QVBoxLayout(self.scope_box)
        self.scope_group = QButtonGroup(self)
        self.scope_buttons: dict[str, QRadioButton] = {}
        for scope, text in (
            (CARD, self.tr("The open card")),
            (SELECTION, self.tr("The selected customers (%1)")),
            (LIST, self.tr("All customers in the list (%1)")),
        ):
            count = self.counts.get(scope, 0)
            button = QRadioButton(text.replace("%1", f"{count:,}"), self.scope_box)
            button.setObjectName(f"scope_{scope}")
            button.setEnabled(count > 0)
            self.scope_group.addButton(button)
            self.scope_buttons[scope] = button
            layout.addWidget(button)
        for scope in (CARD, SELECTION, LIST):
            if self.counts.get(scope, 0):
                self.scope_buttons[scope].setChecked(True)
                break

    def _build_options(self, routes, salespeople, defaults: dict[str, str]) -> None:
        self.options_box = QGroupBox(self.tr("Options"), self)
        form = QFormLayout(self.options_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.rows: dict[str, tuple[QLabel, QWidget]] = {}

        def add(name: str, label: str, widget: QWidget) -> None:
            widget.setObjectName(f"option_{name}")
            widget.setAccessibleName(label.rstrip(":："))
            caption = QLabel(label, self.options_box)
            caption.setBuddy(widget)
            form.addRow(caption, widget)
            self.rows[name] = (caption, widget)

        self.size = QComboBox()
        self.size.addItem("A4", "A4")
        self.size.addItem("A5", "A5")
        if defaults.get("size") == "A5":
            self.size.setCurrentIndex(1)
        add("size", self.tr("Paper:"), self.size)
        self.visits = QSpinBox()
        self.visits.setRange(0, 50)
        self.visits.setValue(5)
        add("visits", self.tr("Latest visits on a card:"), self.visits)
        self.title = QComboBox()
        self.title.setEditable(True)
        self.title.addItem("")
        add("title", self.tr("Title (empty: the usual one):"), self.title)
        self.prefill = QCheckBox(self.tr("Filled in with the customers' data (else blank)"))
        self.prefill.setChecked(True)
        add("prefill", self.tr("Form:"), self.prefill)
        self.fields = QCheckBox(self.tr("Every field (not only the form's)"))
        add("fields", self.tr("Fields:"), self.fields)
        self.route = QComboBox()
        self.route.addItem(self.tr("(any route)"), None)
        for route_id, name in routes:
            self.route.addItem(name, route_id)
        add("route", self.tr("Route:"), self.route)
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        add("date", self.tr("Day:"), self.date)
        self.overdue = QComboBox()
        self.overdue.addItem(self.tr("All stops"), "")
        self.overdue.addItem(self.tr("All stops, overdue ones marked"), "mark")
        self.overdue.addItem(self.tr("Only overdue stops, by grade and days"), "only")
        self.overdue.setToolTip(self.tr("Overdue: not visited within the grade's visit cadence"))
        add("overdue", self.tr("Overdue by cadence:"), self.overdue)
        self.rows_spin = QSpinBox()
        self.rows_spin.setRange(1, 60)
        self.rows_spin.setValue(10)
        add("rows", self.tr("Empty rows:"), self.rows_spin)
        self.salesperson = QComboBox()
        self.salesperson.addItem(self.tr("Me"), "")
        self.salesperson.addItem(self.tr("Everyone"), "*")
        for user_id, name in salespeople:
            self.salesperson.addItem(name, str(user_id))
        add("salesperson", self.tr("Salesperson:"), self.salesperson)
        self.labels = QComboBox()
        self.labels.addItem(self.tr("3 × 8 per A4 sheet"), "3x8")
        self.labels.addItem(self.tr("2 × 7 per A4 sheet"), "2x7")
        add("labels", self.tr("Label sheet:"), self.labels)
        self.outline = QCheckBox(self.tr("Draw the label outlines"))
        add("outline", self.tr("Outlines:"), self.outline)
        self.watermark = QCheckBox(self.tr("Watermark with my name and the time"))
        self.watermark.setChecked(defaults.get("watermark") == "1")
        add("watermark", self.tr("Watermark:"), self.watermark)
        self.reveal = QCheckBox(self.tr("Show sensitive fields unmasked (managers)"))
        add("reveal", self.tr("Sensitive:"), self.reveal)

    def _connect_signals(self, buttons: QDialogButtonBox) -> None:
        self.documents.currentRowChanged.connect(self._on_document)
        self.preview_button.clicked.connect(lambda: self._finish(PREVIEW))
        self.print_button.clicked.connect(lambda: self._finish(PRINT))
        self.save_button.clicked.connect(lambda: self._finish(SAVE))
        buttons.rejected.connect(self.reject)
        self.route.currentIndexChanged.connect(lambda _i: self._update_buttons())
        self.scope_group.buttonToggled.connect(lambda *_: self._update_buttons())

    # -- state
    def document(self) -> Document:
        return DOCUMENTS[max(self.documents.currentRow(), 0)]

    def select(self, key: str) -> None:
        self.documents.setCurrentRow([d.key for d in DOCUMENTS].index(key))

    def _on_document(self, _row: int) -> None:
        document = self.document()
        common = ("watermark", "reveal")
        for name, (caption, widget) in self.rows.items():
            shown = name in document.shown or name in common
            caption.setVisible(shown)
            widget.setVisible(shown)
        self.scope_box.setEnabled(not document.by_route)
        self._update_buttons()

    def _update_buttons(self) -> None:
        document = self.document()
        if document.by_route:
            ready = self.route.currentData() is not None
        elif document.key == "visit_form" or (
            document.key == "form" and not self.prefill.isChecked()
        ):
            ready = True  # a blank form needs no customers
        else:
            ready = self.scope() is not None
        for button in (self.preview_button, self.print_button, self.save_button):
            button.setEnabled(ready)

    def scope(self) -> str | None:
        document = self.document()
        if document.by_route:
            return ROUTE
        for scope, button in self.scope_buttons.items():
            if button.isChecked() and button.isEnabled():
                return scope
        return None

    def options(self) -> dict[str, str]:
        """The `--option` values of the chosen document (as the CLI takes them)."""
        document = self.document()
        shown = set(document.shown)
        options = dict(document.fixed)
        if "size" in shown:
            options["size"] = str(self.size.currentData())
        if "visits" in shown:
            options["visits"] = str(self.visits.value())
        if "title" in shown and self.title.currentText().strip():
            options["title"] = self.title.currentText().strip()
        if "prefill" in shown:
            options["prefill"] = "1" if self.prefill.isChecked() else ""
            options["blank"] = "" if self.prefill.isChecked() else "1"
        if "fields" in shown and self.fields.isChecked():
            options["fields"] = "all"
        if "route" in shown and self.route.currentData() is not None:
            options["route"] = str(self.route.currentData())
        if "date" in shown:
            options["date"] = self.date.date().toString("yyyy-MM-dd")
        if "overdue" in shown:
            options["overdue"] = str(self.overdue.currentData() or "")
        if "rows" in shown:
            options["rows"] = str(self.rows_spin.value())
        if "salesperson" in shown and self.salesperson.currentData():
            options["salesperson"] = str(self.salesperson.currentData())
        if "labels" in shown:
            options["labels"] = str(self.labels.currentData())
        if "outline" in shown:
            options["outline"] = "1" if self.outline.isChecked() else ""
        if self.watermark.isChecked():
            options["watermark"] = "1"
        if self.reveal.isChecked():
            options["reveal"] = "1"
        return {k: v for k, v in options.items() if v != ""}

    def set_day(self, day: dt.date) -> None:
        self.date.setDate(QDate(day.year, day.month, day.day))

    def _finish(self, action: str) -> None:
        document = self.document()
        route_id = self.route.currentData() if document.by_route else None
        scope = self.scope() or LIST
        self.choice = PrintChoice(document, scope, self.options(), action, route_id)
        self.accept()


def option_button(dialog: PrintDialog, action: str) -> QPushButton:
    return {PREVIEW: dialog.preview_button, PRINT: dialog.print_button, SAVE: dialog.save_button}[
        action
    ]


__all__ = ["DOCUMENTS", "PrintChoice", "PrintDialog", "option_button"]
