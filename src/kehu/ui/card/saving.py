"""Saving a dossier card: what the user changed, validation errors, the conflict dialog
when someone else saved meanwhile, and never dropping unsaved changes (closing asks; another
user's save does not reload over the user's typing)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QDialog, QMessageBox

from kehu.core.changes import Outcome
from kehu.core.jobs import Cancelled
from kehu.db.customer_activity import stored_version
from kehu.services import dossiers
from kehu.services.dossiers import ConflictError
from kehu.ui.card.field_editor import FieldEditor
from kehu.ui.dialogs.conflict_dialog import ConflictDialog
from kehu.ui.operations import customers as customer_operations
from kehu.ui.operations import perform

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel, QTabWidget

    from kehu.services.dossiers import Dossier
    from kehu.ui.session import Session


class CardSaving:
    """Mixin of the dossier card: the dirty state against the last load (`_snapshot`,
    `_saved_persons`, the saved categories), `save()` with its conflict flow, archiving, and
    what happens on closing or when another user saves."""

    session: Session
    lang: str
    base: Dossier | None
    editors: dict[str, FieldEditor]
    persons: list[dict[str, Any]]
    banner: QLabel
    tabs: QTabWidget
    _snapshot: dict[str, str]
    _saved_persons: list[dict[str, Any]]
    _dirty: bool
    _stale: bool

    # -- dirty state
    def _on_edited(self, _name: str) -> None:
        self._set_dirty(self._compute_dirty())
        self._update_completeness()
        if _name == "name":
            self._update_heading()
        if self.base is None and _name in ("name", "phone", "uscc"):  # a new customer
            self.duplicate_warning.schedule(
                *(self.editors[f].text() for f in ("name", "phone", "uscc"))
            )

    def _changed_fields(self) -> dict[str, str]:
        return {
            name: editor.text()
            for name, editor in self.editors.items()
            if editor.text() != self._snapshot.get(name, "")
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


__all__ = ["CardSaving"]
