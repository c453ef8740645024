"""Someone else saved the dossier first: choose, field by field, whose value to keep.

Fields only the other user changed are listed with "take theirs" chosen; fields both of you
changed have no default — nothing is overwritten until the user decides.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kehu.core.fields import Section, customer_field, person_field, section_label
from kehu.core.values import display
from kehu.services.dossiers import PERSON_KEY, ConflictError, FieldConflict

MINE, THEIRS = 1, 2


def conflict_label(conflict: FieldConflict, lang: str, persons: list[dict[str, Any]]) -> str:
    if not conflict.field.startswith(PERSON_KEY + "."):
        return customer_field(conflict.field).label(lang)
    _prefix, pid, name = conflict.field.split(".", 2)
    person = next((p for p in persons if str(p.get("id")) == pid), None)
    who = (person or {}).get("name") or ""
    heading = section_label(Section.PERSON, lang)
    if name == "*":
        return f"{heading} {who}".strip()
    return f"{heading} {who}: {person_field(name).label(lang)}"


def conflict_text(conflict: FieldConflict, value: Any, lang: str) -> str:
    if value is None:
        return "—"
    if isinstance(value, dict):  # a whole key person added or removed
        return value.get("name") or "?"
    if conflict.field.startswith(PERSON_KEY + "."):
        name = conflict.field.split(".", 2)[2]
        return display(person_field(name), value, lang) if name != "*" else str(value)
    return display(customer_field(conflict.field), value, lang)


class ConflictDialog(QDialog):
    def __init__(self, error: ConflictError, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.error = error
        self.setWindowTitle(self.tr("Saved by someone else"))
        self.conflicts = [c for c in error.conflicts if c.theirs != c.base]
        layout = QVBoxLayout(self)
        intro = QLabel(error.message(lang), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(self.conflicts), 4, self)
        self.table.setObjectName("conflictTable")
        who = error.their_user or self.tr("the other user")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Saved by %1").replace("%1", who), self.tr("Yours"), ""]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.groups: list[QButtonGroup] = []
        persons = error.current.persons
        for row, conflict in enumerate(self.conflicts):
            self.table.setItem(row, 0, QTableWidgetItem(conflict_label(conflict, lang, persons)))
            self.table.setItem(
                row, 1, QTableWidgetItem(conflict_text(conflict, conflict.theirs, lang))
            )
            self.table.setItem(
                row, 2, QTableWidgetItem(conflict_text(conflict, conflict.mine, lang))
            )
            self.table.setCellWidget(row, 3, self._choice(conflict))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        # rows as tall as their choices: the two radio buttons never overflow their row
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.resizeRowsToContents()
        layout.addWidget(self.table)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update_ok()
        self.resize(760, 420)

    def _choice(self, conflict: FieldConflict) -> QWidget:
        box = QWidget(self.table)
        row = QHBoxLayout(box)
        row.setContentsMargins(6, 2, 6, 2)
        mine = QRadioButton(self.tr("Keep mine"), box)
        theirs = QRadioButton(self.tr("Take theirs"), box)
        group = QButtonGroup(box)
        group.addButton(mine, MINE)
        group.addButton(theirs, THEIRS)
        if conflict.mine == conflict.base or conflict.mine == conflict.theirs:
            theirs.setChecked(True)  # only they changed it: nothing of mine is lost
        group.idClicked.connect(lambda _id: self._update_ok())
        row.addWidget(mine)
        row.addWidget(theirs)
        row.addStretch(1)
        box.setMinimumHeight(box.sizeHint().height())
        self.groups.append(group)
        return box

    def _update_ok(self) -> None:
        decided = all(group.checkedId() in (MINE, THEIRS) for group in self.groups)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(decided)

    def choose(self, row: int, choice: int) -> None:
        self.groups[row].button(choice).setChecked(True)
        self._update_ok()

    def choose_all(self, choice: int) -> None:
        for row in range(len(self.groups)):
            self.choose(row, choice)

    def resolve(
        self, values: dict[str, Any], persons: list[dict[str, Any]] | None
    ) -> tuple[dict[str, Any], list[dict[str, Any]] | None]:
        """My values and persons with every "take theirs" choice applied."""
        values = dict(values)
        persons = [dict(p) for p in persons] if persons is not None else None
        for conflict, group in zip(self.conflicts, self.groups, strict=True):
            is_person = conflict.field.startswith(PERSON_KEY + ".")
            if group.checkedId() != THEIRS:
                if not is_person:
                    values[conflict.field] = conflict.mine  # also undoes a change of theirs
                continue
            if not is_person:
                values.pop(conflict.field, None)  # the stored (their) value stays
                continue
            if persons is None:
                continue  # I did not touch the persons: theirs stay anyway
            _prefix, pid, name = conflict.field.split(".", 2)
            mine = next((p for p in persons if str(p.get("id")) == pid), None)
            if name == "*":
                if conflict.theirs is None and mine is not None:
                    persons.remove(mine)
                elif isinstance(conflict.theirs, dict) and mine is None:
                    persons.append(dict(conflict.theirs))
            elif mine is not None:
                mine[name] = conflict.theirs
        return values, persons


__all__ = ["ConflictDialog", "MINE", "THEIRS"]
