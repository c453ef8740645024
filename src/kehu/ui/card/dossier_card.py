"""The dossier card (客户档案卡): identity, the seed's four parts, key persons, categories,
visits and sales (read-only), and the change history.

Edits are validated as the user types; errors block saving, warnings do not. A save made on
top of an old version goes through the conflict dialog. Unsaved changes are never dropped
silently: closing asks, and another user's save does not reload over the user's typing.
"""

from __future__ import annotations

import logging
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kehu.core import sensitivity
from kehu.core.changes import Outcome
from kehu.core.fields import (
    DOSSIER_PARTS,
    PERSON_FIELDS,
    VISIT_KINDS,
    Section,
    choice_label,
    customer_field,
    fields_in,
    person_field,
    section_label,
)
from kehu.core.jobs import Cancelled
from kehu.core.values import display
from kehu.db.customer_activity import recent_sales, recent_visits, stored_version
from kehu.services import classification, dossiers
from kehu.services.dossiers import ConflictError, Dossier
from kehu.ui.card.field_editor import FieldEditor
from kehu.ui.card.person_dialog import PersonDialog
from kehu.ui.dialogs.conflict_dialog import ConflictDialog
from kehu.ui.operations import customers as customer_operations
from kehu.ui.operations import perform
from kehu.ui.session import Session

logger = logging.getLogger(__name__)

_PERSON_COLUMNS = ("role", "name", "title", "mobile", "phone", "email")


def _section_label(section: Section, lang: str) -> str:
    return section_label(section, lang)


def _table(parent: QWidget, headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))


class DossierCard(QWidget):
    saved = Signal(int)  # customer id
    title_changed = Signal(str)
    dirty_changed = Signal(bool)
    closed = Signal()

    def __init__(
        self, session: Session, customer_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dossierCard")
        self.session = session
        self.lang = session.lang
        self.base: Dossier | None = None
        self.editors: dict[str, FieldEditor] = {}
        self.persons: list[dict[str, Any]] = []
        self.category_boxes: dict[int, QComboBox] = {}
        self._snapshot: dict[str, str] = {}
        self._saved_persons: list[dict[str, Any]] = []
        self._saved_categories: dict[int, int | None] = {}
        self._dirty = False
        self._stale = False
        self._build()
        if customer_id is None:
            self._start_new()
        else:
            self.load(customer_id)

    # -- layout
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        self.heading = QLabel(self)
        self.heading.setObjectName("cardHeading")
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(self.heading, 1)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("saveButton")
        self.save_button.setToolTip(self.tr("Save the card (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.archive_button = QPushButton(self)
        self.archive_button.setObjectName("archiveButton")
        self.archive_button.clicked.connect(self.toggle_archived)
        top.addWidget(self.save_button)
        top.addWidget(self.archive_button)
        layout.addLayout(top)
        self.banner = QLabel(self)
        self.banner.setObjectName("cardBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fff4ce; padding: 4px;")
        self.banner.hide()
        layout.addWidget(self.banner)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("cardTabs")
        layout.addWidget(self.tabs, 1)
        self.tabs.addTab(self._fields_page(Section.IDENTITY), self.tr("Identity"))
        for section in DOSSIER_PARTS:
            page = self._fields_page(section, persons=section is Section.BASICS)
            self.tabs.addTab(page, _section_label(section, self.lang))
        self.tabs.addTab(self._classification_page(), self.tr("Classification"))
        self.tabs.addTab(
            self._fields_page(Section.MANAGEMENT), _section_label(Section.MANAGEMENT, self.lang)
        )
        self.visits_table = _table(
            self,
            [self.tr("Date"), self.tr("Kind"), self.tr("Salesperson"), self.tr("Content"),
             self.tr("Next step")],
            "visitsTable",
        )  # fmt: skip
        self.tabs.addTab(self.visits_table, self.tr("Visits"))
        self.sales_table = _table(
            self,
            [self.tr("Date"), self.tr("Product"), self.tr("Product category"),
             self.tr("Quantity"), self.tr("Amount")],
            "salesTable",
        )  # fmt: skip
        self.tabs.addTab(self.sales_table, self.tr("Sales"))
        self.history_table = _table(
            self,
            [self.tr("When"), self.tr("Who"), self.tr("Field"), self.tr("Old value"),
             self.tr("New value")],
            "historyTable",
        )  # fmt: skip
        self.tabs.addTab(self.history_table, self.tr("History"))

    def _fields_page(self, section: Section, persons: bool = False) -> QWidget:
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field in fields_in(section):
            if field.name == "code":
                continue
            editor = FieldEditor(field, self.lang, body)
            editor.edited.connect(self._on_edited)
            self.editors[field.name] = editor
            form.addRow(field.label(self.lang) + ("*" if field.required else ""), editor)
        layout.addLayout(form)
        if persons:
            layout.addWidget(self._persons_box(body))
        layout.addStretch(1)
        scroll.setWidget(body)
        return scroll

    def _persons_box(self, parent: QWidget) -> QWidget:
        box = QWidget(parent)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 8, 0, 0)
        title = QLabel(_section_label(Section.PERSON, self.lang), box)
        title.setStyleSheet("font-weight: bold;")
        layout.addWidget(title)
        self.persons_table = _table(
            box, [person_field(n).label(self.lang) for n in _PERSON_COLUMNS], "personsTable"
        )
        self.persons_table.setMinimumHeight(140)
        self.persons_table.doubleClicked.connect(lambda _i: self.edit_person())
        layout.addWidget(self.persons_table)
        buttons = QHBoxLayout()
        for text, slot, name in (
            (self.tr("Add…"), self.add_person, "addPerson"),
            (self.tr("Edit…"), self.edit_person, "editPerson"),
            (self.tr("Remove"), self.remove_person, "removePerson"),
        ):
            button = QPushButton(text, box)
            button.setObjectName(name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return box

    def _classification_page(self) -> QWidget:
        page = QWidget(self)
        self.classification_form = QFormLayout(page)
        self._fill_category_boxes()
        return page

    def _fill_category_boxes(self) -> None:
        form = self.classification_form
        while form.rowCount():
            form.removeRow(0)
        self.category_boxes.clear()
        for scheme in classification.scheme_tree():
            box = QComboBox(self)
            box.setObjectName(f"scheme_{scheme.id}")
            box.addItem(self.tr("(none)"), None)
            for node, depth in scheme.walk():
                box.addItem("    " * depth + node.name, node.id)
            box.currentIndexChanged.connect(lambda _i: self._on_edited("category"))
            self.category_boxes[scheme.id] = box
            form.addRow(scheme.name, box)

    # -- loading
    @property
    def customer_id(self) -> int | None:
        return self.base.id if self.base else None

    def _start_new(self) -> None:
        self.base = None
        for editor in self.editors.values():
            editor.set_text("")
        self.editors["source"].set_text("visit")
        self.editors["review_state"].set_text("trusted")
        self.persons = []
        self._set_categories({})
        self._after_load()
        self.heading.setText(self.tr("New customer"))

    def load(self, customer_id: int) -> None:
        self.base = dossiers.load(customer_id, self.session.user)
        for name, editor in self.editors.items():
            editor.set_value(self.base.values.get(name))
        self.persons = [dict(p) for p in self.base.persons]
        self._set_categories(classification.categories_of(customer_id))
        self._after_load()
        self._load_lists()

    def _set_categories(self, categories: dict[int, int]) -> None:
        self._saved_categories = {sid: categories.get(sid) for sid in self.category_boxes}
        for sid, box in self.category_boxes.items():
            box.blockSignals(True)
            position = box.findData(categories.get(sid)) if categories.get(sid) else 0
            box.setCurrentIndex(max(position, 0))
            box.blockSignals(False)

    def _after_load(self) -> None:
        self._snapshot = {name: e.text() for name, e in self.editors.items()}
        self._saved_persons = [dict(p) for p in self.persons]
        self._fill_persons()
        self._stale = False
        self.banner.hide()
        self._set_dirty(False)
        self._update_heading()

    def _update_heading(self) -> None:
        name = self.editors["name"].text() or self.tr("New customer")
        if self.base is None:
            text = name
        else:
            text = f"{self.base.code}  {name}"
            if self.base.status == "archived":
                text += "  " + self.tr("(archived)")
        self.heading.setText(text)
        archived = self.base is not None and self.base.status == "archived"
        self.archive_button.setText(self.tr("Restore") if archived else self.tr("Archive"))
        self.archive_button.setEnabled(self.base is not None)
        self.title_changed.emit(self.title())

    def title(self) -> str:
        name = self.editors["name"].text() or self.tr("New customer")
        return ("* " if self._dirty else "") + name

    def _load_lists(self) -> None:
        if self.base is None:
            return
        cid = self.base.id
        lang = self.lang
        _fill(
            self.visits_table,
            [
                [
                    str(v["date"] or ""),
                    choice_label(VISIT_KINDS, v["kind"], lang),
                    v["salesperson"] or "",
                    v["content"] or "",
                    v["next_step"] or "",
                ]
                for v in recent_visits(cid)
            ],
        )
        _fill(
            self.sales_table,
            [
                [
                    str(s["date"]),
                    s["product"] or "",
                    s["category"] or "",
                    f"{s['quantity']}",
                    f"{Decimal(s['amount_cents']) / 100:,.2f}",
                ]
                for s in recent_sales(cid)
            ],
        )
        _fill(self.history_table, [self._history_row(h) for h in dossiers.history(cid)])

    def _history_row(self, change: dict[str, Any]) -> list[str]:
        field = sensitivity.history_field(change["field"])
        old, new = change["old"] or "", change["new"] or ""
        if field is not None and field.sensitive:  # the one rule: history shows masks
            old = sensitivity.masked_text(field, old, self.lang)
            new = sensitivity.masked_text(field, new, self.lang)
        return [
            str(change["at"])[:16],
            change["user"] or "",
            self.history_label(change["field"]),
            old,
            new,
        ]

    def history_label(self, name: str) -> str:
        if name.startswith(classification.CATEGORY_FIELD_PREFIX):
            scheme_id = name[len(classification.CATEGORY_FIELD_PREFIX) :]
            schemes = {str(s.id): s.name for s in classification.scheme_tree()}
            return self.tr("Category: %1").replace("%1", schemes.get(scheme_id, scheme_id))
        if name == "status":
            return self.tr("Status")
        if name == "person":
            return _section_label(Section.PERSON, self.lang)
        if name.startswith("person."):
            try:
                label = person_field(name[7:]).label(self.lang)
            except KeyError:
                label = name[7:]
            return f"{_section_label(Section.PERSON, self.lang)}: {label}"
        try:
            return customer_field(name).label(self.lang)
        except KeyError:
            return name

    # -- key persons
    def _fill_persons(self) -> None:
        rows = []
        for person in self.persons:
            rows.append(
                [display(person_field(n), person.get(n), self.lang) for n in _PERSON_COLUMNS]
            )
        _fill(self.persons_table, rows)

    def _person_from_dialog(self, dialog: PersonDialog) -> dict[str, Any]:
        raw = dialog.values()
        person = dossiers.parse_values({k: v for k, v in raw.items() if k != "id"}, PERSON_FIELDS)
        person["id"] = raw.get("id")
        return person

    def add_person(self) -> None:
        dialog = PersonDialog(self.session, None, self.customer_id, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.persons.append(self._person_from_dialog(dialog))
            self._fill_persons()
            self._on_edited("persons")

    def edit_person(self) -> None:
        row = self.persons_table.currentRow()
        if not 0 <= row < len(self.persons):
            return
        dialog = PersonDialog(self.session, self.persons[row], self.customer_id, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.persons[row] = self._person_from_dialog(dialog)
            self._fill_persons()
            self._on_edited("persons")

    def remove_person(self) -> None:
        row = self.persons_table.currentRow()
        if 0 <= row < len(self.persons):
            del self.persons[row]
            self._fill_persons()
            self._on_edited("persons")

    # -- dirty state
    def _on_edited(self, _name: str) -> None:
        self._set_dirty(self._compute_dirty())
        if _name == "name":
            self._update_heading()

    def _changed_fields(self) -> dict[str, str]:
        return {
            name: editor.text()
            for name, editor in self.editors.items()
            if editor.text() != self._snapshot.get(name, "")
        }

    def _changed_categories(self) -> dict[int, int | None]:
        return {
            sid: box.currentData()
            for sid, box in self.category_boxes.items()
            if box.currentData() != self._saved_categories.get(sid)
        }

    def _compute_dirty(self) -> bool:
        return bool(
            self._changed_fields()
            or self.persons != self._saved_persons
            or self._changed_categories()
        )

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)
            self.title_changed.emit(self.title())

    @property
    def is_dirty(self) -> bool:
        return self._dirty

    # -- saving
    def errors(self) -> list[FieldEditor]:
        return [e for e in self.editors.values() if e.validate() and e.has_error]

    def save(self) -> bool:
        """Save; returns False when nothing was saved (errors, conflict cancelled, failure)."""
        errors = self.errors()
        if errors:
            self._show_errors(errors)
            return False
        result = perform(self.session.hub, self, self._write, on_success=self._saved_card)
        if result is None:
            return False
        self.saved.emit(result.value.customer_id)
        return True

    def _saved_card(self, result: Outcome[customer_operations.SavedCard]) -> None:
        for change in result.value.undo:
            self.session.record(change)
        self.load(result.value.customer_id)

    def _show_errors(self, errors: list[FieldEditor]) -> None:
        lines = [
            f"{e.field.label(self.lang)}: {e.issue.message(self.lang)}" for e in errors if e.issue
        ]
        self.banner.setText(
            self.tr("Not saved. Correct the fields marked in red:") + "\n" + "\n".join(lines)
        )
        self.banner.show()
        first = errors[0]
        for index in range(self.tabs.count()):
            if self.tabs.widget(index).isAncestorOf(first):
                self.tabs.setCurrentIndex(index)
                break
        first.input.setFocus()

    def _write(self) -> Outcome[customer_operations.SavedCard]:
        """The save itself (run by `perform`); a declined conflict raises `Cancelled`."""
        user = self.session.user
        values = dossiers.parse_values(self._changed_fields())
        categories = self._changed_categories()
        if self.base is None:
            return customer_operations.create_card(user, values, self.persons, categories)
        persons = self.persons if self.persons != self._saved_persons else None
        base = self.base
        while True:
            try:
                return customer_operations.save_card(user, base, values, persons, categories)
            except ConflictError as conflict:
                dialog = ConflictDialog(conflict, self.lang, self)
                if dialog.exec() != QDialog.DialogCode.Accepted:
                    self._stale = True
                    self.banner.setText(
                        self.tr("Not saved: someone else changed this customer meanwhile.")
                    )
                    self.banner.show()
                    raise Cancelled() from None
                values, persons = dialog.resolve(values, persons)
                base = conflict.current

    def toggle_archived(self) -> None:
        if self.base is None or not self.maybe_save_first():
            return
        customer_id, archive = self.base.id, self.base.status != "archived"
        perform(
            self.session.hub,
            self,
            lambda: customer_operations.set_archived(self.session.user, customer_id, archive),
            on_success=lambda _changes: self.load(customer_id),
        )

    def maybe_save_first(self) -> bool:
        if not self._dirty:
            return True
        return self.save()

    # -- closing and other users
    def confirm_close(self) -> bool:
        """Ask about unsaved changes; True when the card may close."""
        if not self._dirty:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("“%1” has unsaved changes. Save them?").replace(
                "%1", self.editors["name"].text() or self.tr("New customer")
            ),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def refresh_from_database(self) -> None:
        """Someone else may have saved: reload unless the user is editing."""
        if self.base is None:
            return
        version = stored_version(self.base.id)
        if version is None:
            self.banner.setText(self.tr("This customer was erased by someone else."))
            self.banner.show()
            return
        if version == self.base.version:
            self._load_lists()
            return
        if self._dirty:
            self._stale = True
            self.banner.setText(
                self.tr(
                    "Someone else saved this customer while you were editing. Your changes "
                    "are kept; when you save, you choose field by field whose values to keep."
                )
            )
            self.banner.show()
            return
        self.load(self.base.id)

    def reload_categories(self) -> None:
        chosen = {sid: box.currentData() for sid, box in self.category_boxes.items()}
        saved = dict(self._saved_categories)
        self._fill_category_boxes()
        if self.base is not None and not self._changed_categories_from(chosen, saved):
            self._set_categories(classification.categories_of(self.base.id))
        else:
            self._saved_categories = saved
            for sid, box in self.category_boxes.items():
                position = box.findData(chosen.get(sid)) if chosen.get(sid) else 0
                box.setCurrentIndex(max(position, 0))

    @staticmethod
    def _changed_categories_from(chosen: dict, saved: dict) -> bool:
        return any(chosen.get(sid) != saved.get(sid) for sid in chosen)


__all__ = ["DossierCard"]
