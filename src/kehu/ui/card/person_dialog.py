"""Editing one key person: every person field from the catalogue, the consent record (PIPL:
basis, date, channel, withdrawn on) among them; sensitive fields stay masked until the user
reveals them, and revealing is written to the audit log. An administrator makes the "copy of
personal data" of a stored person here (Excel or PDF, audited)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kehu.core import sensitivity
from kehu.core.fields import LUNAR, PERSON_FIELDS, SOLAR, Section, fields_in, section_label
from kehu.core.lunar_dates import lunar_birthday_hint
from kehu.core.rights import Action
from kehu.core.validation import parse_date
from kehu.services import dossiers, privacy, sharing
from kehu.ui.card.field_editor import FieldEditor
from kehu.ui.session import Session

COPY_RIGHT = Action.PERSONAL_DATA_COPY  # privacy.personal_data_copy checks this right


class PersonDialog(QDialog):
    def __init__(
        self,
        session: Session,
        person: dict[str, Any] | None,
        customer_id: int | None,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:
        """`today`: the day the lunar birthday's next solar date is counted from."""
        super().__init__(parent)
        self.session = session
        self.today = today or dt.date.today()
        self.person = dict(person or {})
        self.customer_id = customer_id
        self.setWindowTitle(self.tr("Key person") if person else self.tr("New key person"))
        self.editors: dict[str, FieldEditor] = {}
        outer = QVBoxLayout(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        for section in (Section.PERSON, Section.CONSENT):
            group = QGroupBox(section_label(section, session.lang), body)
            form = QFormLayout(group)
            fields = fields_in(section, PERSON_FIELDS)
            for field in fields:
                editor = FieldEditor(field, session.lang, group)
                self.editors[field.name] = editor
                if field.name == "birthday_lunar":
                    self._calendar_choice(editor)
                editor.set_value(self.person.get(field.name))
            for field in fields:
                if field.name == "birthday_lunar":
                    continue  # beside the date, in the birthday's row
                editor = self.editors[field.name]
                label = field.label(session.lang) + ("*" if field.required else "")
                form.addRow(
                    label, self._birthday_row(editor) if field.name == "birthday" else editor
                )
            layout.addWidget(group)
        scroll.setWidget(body)
        outer.addWidget(scroll)
        self.stored = self.person.get("id") is not None
        reveal_row = QHBoxLayout()
        self.reveal_button = QPushButton(self.tr("Show sensitive fields"), self)
        self.reveal_button.setObjectName("revealButton")
        self.reveal_button.clicked.connect(self.reveal)
        note = QLabel(self.tr("Showing them is recorded in the audit log."), self)
        note.setWordWrap(True)
        reveal_row.addWidget(self.reveal_button)
        reveal_row.addWidget(note, 1)
        outer.addLayout(reveal_row)
        if self.stored:
            for field in PERSON_FIELDS:
                if field.sensitive:
                    self.editors[field.name].set_masked(True)
        if not self.stored or not sensitivity.may_reveal(session.user.role):
            self.reveal_button.hide()  # the one rule: only admins and managers reveal
            note.hide()
        self.editors["birthday"].edited.connect(lambda _n: self._show_lunar_hint())
        self.editors["birthday_lunar"].edited.connect(lambda _n: self._show_lunar_hint())
        self._show_lunar_hint()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.copy_button = buttons.addButton(
            self.tr("Copy of personal data…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.setObjectName("personalDataCopy")
        self.copy_button.setToolTip(
            self.tr("Everything stored about this person, with its history (Excel or PDF)")
        )
        self.copy_button.clicked.connect(self.personal_data_copy)
        self.copy_button.setVisible(
            self.stored and sharing.may(session.user, COPY_RIGHT, customer_id)
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self.resize(560, 640)

    def _calendar_choice(self, editor: FieldEditor) -> None:
        """Solar or lunar, nothing else: solar is the empty (usual) value."""
        box = editor.input
        assert isinstance(box, QComboBox)
        box.removeItem(box.findData(SOLAR))
        box.setItemText(0, editor.field.choice_label(SOLAR, self.session.lang))
        box.setToolTip(self.tr("A lunar birthday comes on another solar day every year"))

    def _birthday_row(self, birthday: FieldEditor) -> QWidget:
        """The date, the solar/lunar choice beside it and, for a lunar birthday, when it
        comes: 农历八月十五 (今年 9月25日)."""
        row = QWidget(birthday.parent())
        layout = QVBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        line = QHBoxLayout()
        line.addWidget(birthday, 1)
        line.addWidget(self.editors["birthday_lunar"])
        layout.addLayout(line)
        self.lunar_hint = QLabel(row)
        self.lunar_hint.setObjectName("lunarHint")
        self.lunar_hint.setStyleSheet("color: #1f5fa8;")
        layout.addWidget(self.lunar_hint)
        return row

    def _show_lunar_hint(self) -> None:
        birthday = self.editors["birthday"]
        lunar = self.editors["birthday_lunar"].text() == LUNAR
        text = ""
        if lunar and not birthday.masked and not birthday.has_error and birthday.text().strip():
            try:
                born = parse_date(birthday.text())
            except ValueError:
                born = None
            if born is not None:
                text = lunar_birthday_hint(born, self.today, self.session.lang)
        self.lunar_hint.setText(text)
        self.lunar_hint.setVisible(bool(text))

    def reveal(self) -> None:
        """Show the masked fields, audited (`view_sensitive`), if the user may reveal."""
        masked = [name for name, editor in self.editors.items() if editor.masked]
        if self.customer_id is not None and masked:
            try:
                dossiers.reveal_sensitive(
                    self.customer_id, self.person.get("id"), masked, self.session.user
                )
            except (
                sensitivity.RevealRefused,
                dossiers.NotFoundError,
                dossiers.NotAllowedError,
            ) as exc:
                from kehu.ui.errors import show_error

                show_error(self, exc)
                return
        for name in masked:
            self.editors[name].set_masked(False)
        self.reveal_button.setEnabled(False)
        self._show_lunar_hint()

    def personal_data_copy(self) -> Path | None:
        """Ask where, then write the copy (the file's suffix chooses Excel or PDF)."""
        name = (self.person.get("name") or "person").replace("/", "_")
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Copy of personal data"),
            self.tr("personal data %1.xlsx").replace("%1", name),
            "Excel (*.xlsx);;PDF (*.pdf)",
        )
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() not in (".xlsx", ".pdf"):
            target = target.with_suffix(".pdf" if "pdf" in chosen.lower() else ".xlsx")
        try:
            written = privacy.personal_data_copy(
                self.person["id"], self.session.user, target, self.session.lang
            )
        except Exception as exc:
            from kehu.ui.errors import show_error

            show_error(self, exc)
            return None
        QMessageBox.information(
            self,
            self.tr("Copy of personal data"),
            self.tr("Written to %1. Making it is recorded in the audit log.").replace(
                "%1", str(written)
            ),
        )
        return Path(written)

    def values(self) -> dict[str, Any]:
        """The person as raw texts (parsed by the card when it saves)."""
        result = {name: editor.text() for name, editor in self.editors.items()}
        result["id"] = self.person.get("id")
        return result

    def accept(self) -> None:
        errors = [e for e in self.editors.values() if e.validate() and e.has_error]
        if errors:
            QMessageBox.warning(
                self,
                self.tr("Cannot keep these values"),
                "\n".join(
                    f"{e.field.label(self.session.lang)}: {e.issue.message(self.session.lang)}"
                    for e in errors
                ),
            )
            errors[0].input.setFocus()
            return
        super().accept()
