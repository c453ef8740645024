"""The key persons (关键人员) of a card: the table under the basics and its buttons."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kehu.core.fields import PERSON_FIELDS, Section, person_field, section_label
from kehu.core.values import display
from kehu.services import dossiers
from kehu.ui.card.person_dialog import PersonDialog
from kehu.ui.card.tables import fill_table, read_only_table

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTableWidget

    from kehu.ui.session import Session

PERSON_COLUMNS = ("role", "name", "title", "mobile", "phone", "email")


class KeyPersons:
    """Mixin of the dossier card: `persons` (plain dicts, saved with the card) shown in
    `persons_table`; adding, editing or removing one marks the card edited."""

    session: Session
    lang: str
    persons: list[dict[str, Any]]
    persons_table: QTableWidget

    def _persons_box(self, parent: QWidget) -> QWidget:
        box = QWidget(parent)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 8, 0, 0)
        title = QLabel(section_label(Section.PERSON, self.lang), box)
        title.setStyleSheet("font-weight: bold;")
        layout.addWidget(title)
        self.persons_table = read_only_table(
            box, [person_field(n).label(self.lang) for n in PERSON_COLUMNS], "personsTable"
        )
        self.persons_table.setMinimumHeight(140)
        self.persons_table.setAccessibleName(section_label(Section.PERSON, self.lang))
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
        buttons.addWidget(self._erase_person_button(box))  # kehu.ui.card.office
        layout.addLayout(buttons)
        return box

    def _fill_persons(self) -> None:
        rows = []
        for person in self.persons:
            rows.append(
                [display(person_field(n), person.get(n), self.lang) for n in PERSON_COLUMNS]
            )
        fill_table(self.persons_table, rows)

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


__all__ = ["PERSON_COLUMNS", "KeyPersons"]
