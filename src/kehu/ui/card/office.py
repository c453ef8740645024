"""The office on a dossier card: share the customer (and see whom with), erase the customer
or one of its key persons (a PIPL request: administrators, with a reason). The buttons are
greyed out where the service would refuse (`services.sharing.may`, the rights matrix)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton, QWidget

from kehu.core.rights import Action
from kehu.services import sharing
from kehu.ui.operations import office, perform

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTableWidget

    from kehu.services.dossiers import Dossier
    from kehu.ui.session import Session


class CardOffice:
    """Mixin of the dossier card: `share_button`, `erase_button` (top row) and
    `erase_person_button` (under the key persons); `erased` is emitted after an erase."""

    session: Session
    base: Dossier | None
    persons: list[dict[str, Any]]
    persons_table: QTableWidget
    _dirty: bool

    def _office_buttons(self, parent: QWidget) -> list[QPushButton]:
        self.share_button = QPushButton(self.tr("Share…"), parent)
        self.share_button.setObjectName("shareCustomer")
        self.share_button.setToolTip(self.tr("Share this customer with a colleague"))
        self.share_button.clicked.connect(self.open_share)
        self.erase_button = QPushButton(self.tr("Erase…"), parent)
        self.erase_button.setObjectName("eraseCustomer")
        self.erase_button.setToolTip(self.tr("Erase this customer for good (privacy request)"))
        self.erase_button.clicked.connect(self.erase_customer)
        return [self.share_button, self.erase_button]

    def _erase_person_button(self, parent: QWidget) -> QPushButton:
        self.erase_person_button = QPushButton(self.tr("Erase key person…"), parent)
        self.erase_person_button.setObjectName("erasePerson")
        self.erase_person_button.clicked.connect(self.erase_person)
        return self.erase_person_button

    def _update_office_buttons(self) -> None:
        user, cid = self.session.user, self.customer_id
        writable = self.session.can_write and cid is not None
        self.share_button.setEnabled(writable and sharing.may(user, Action.SHARE, cid))
        erase = writable and sharing.may(user, Action.ERASE, cid)
        self.erase_button.setEnabled(erase)
        self.erase_button.setVisible(sharing.may(user, Action.ERASE))
        self.erase_person_button.setEnabled(erase)
        self.erase_person_button.setVisible(sharing.may(user, Action.ERASE))

    def open_share(self):
        from kehu.ui.dialogs.share_dialog import ShareDialog

        if self.customer_id is None:
            return None
        title = f"{self.base.code}  {self.editors['name'].text()}" if self.base else ""
        dialog = ShareDialog(self.session, [self.customer_id], title, self)
        dialog.exec()
        return dialog

    def erase_customer(self) -> bool:
        from kehu.ui.dialogs.erase_dialog import EraseDialog

        if self.base is None:
            return False
        what = self.tr("Erase the customer %1 for good?").replace(
            "%1", f"{self.base.code} {self.editors['name'].text()}"
        )
        dialog = EraseDialog(EraseDialog.CUSTOMER, what, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        reason, cid = dialog.reason_text(), self.base.id
        self._set_dirty(False)  # nothing left to save of an erased customer
        done = perform(
            self.session.hub, self, lambda: office.erase_customer(self.session.user, cid, reason)
        )
        if done is None:
            return False
        self.erased.emit(cid)
        return True

    def erase_person(self) -> bool:
        from kehu.ui.dialogs.erase_dialog import EraseDialog

        row = self.persons_table.currentRow()
        if self.base is None or not 0 <= row < len(self.persons):
            return False
        person = self.persons[row]
        if person.get("id") is None:
            QMessageBox.information(
                self,
                self.tr("Erase key person"),
                self.tr("This key person is not saved yet: remove them instead."),
            )
            return False
        if self._dirty:
            QMessageBox.information(
                self,
                self.tr("Erase key person"),
                self.tr("Save or discard the changes of this card first."),
            )
            return False
        what = self.tr("Erase the key person %1 for good?").replace("%1", person.get("name") or "")
        dialog = EraseDialog(EraseDialog.PERSON, what, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        reason, cid, pid = dialog.reason_text(), self.base.id, person["id"]
        done = perform(
            self.session.hub,
            self,
            lambda: office.erase_person(self.session.user, cid, pid, reason),
        )
        if done is None:
            return False
        self.load(cid)  # the person and their history are gone
        return True

    def open_person(self, person_id: int) -> bool:
        """Show the key person `person_id` in their dialog (from the consent list)."""
        for row, person in enumerate(self.persons):
            if person.get("id") == person_id:
                for index in range(self.tabs.count()):  # the section holding the table
                    if self.tabs.widget(index).isAncestorOf(self.persons_table):
                        self.tabs.setCurrentIndex(index)
                self.persons_table.selectRow(row)
                self.edit_person()
                return True
        return False
