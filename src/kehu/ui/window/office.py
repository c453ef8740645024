"""The main window's Office menu: users and rights, the audit trail, the key persons without
consent, switch user; and on the customers chosen in the list (also its right-click menu):
transfer to another owner, share with a colleague, erase (a privacy request). Each entry is
greyed out where the rights matrix (`kehu.core.rights`) would refuse it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMessageBox

from kehu.core.rights import Action, allowed
from kehu.ui.operations import office, perform, perform_in_background

IN_BACKGROUND = 5000  # a transfer of more customers runs with the progress dialog

if TYPE_CHECKING:
    from kehu.ui.session import Session
    from kehu.ui.widgets.customer_list import CustomerListView


class WindowOffice:
    session: Session
    list_view: CustomerListView

    def _build_office_menu(self, bar) -> None:
        menu = bar.addMenu(self.tr("&Office"))
        menu.setToolTipsVisible(True)  # a greyed action says why
        self.users_action = QAction(self.tr("&Users and rights…"), self)
        self.users_action.setObjectName("usersAction")
        self.users_action.triggered.connect(self.open_users)
        self.audit_action = QAction(self.tr("&Audit trail…"), self)
        self.audit_action.setObjectName("auditAction")
        self.audit_action.triggered.connect(self.open_audit)
        self.switch_user_action = QAction(self.tr("&Log out / switch user…"), self)
        self.switch_user_action.setObjectName("switchUserAction")
        self.switch_user_action.triggered.connect(self.switch_user)
        self.consent_action = QAction(self.tr("Key persons without &consent…"), self)
        self.consent_action.setObjectName("consentAction")
        self.consent_action.triggered.connect(self.open_consent_list)
        self.transfer_selected_action = QAction(self.tr("&Transfer selected to…"), self)
        self.transfer_selected_action.setObjectName("transferSelectedAction")
        self.transfer_selected_action.triggered.connect(self.transfer_selected)
        self.share_selected_action = QAction(self.tr("S&hare selected…"), self)
        self.share_selected_action.setObjectName("shareSelectedAction")
        self.share_selected_action.triggered.connect(self.share_selected)
        self.erase_selected_action = QAction(self.tr("&Erase customer (privacy request)…"), self)
        self.erase_selected_action.setObjectName("eraseSelectedAction")
        self.erase_selected_action.triggered.connect(self.erase_selected)
        for action in (self.users_action, self.audit_action, self.consent_action):
            menu.addAction(action)
        menu.addSeparator()
        on_selection = (
            self.transfer_selected_action,
            self.share_selected_action,
            self.erase_selected_action,
        )
        for action in on_selection:
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.switch_user_action)
        separator = QAction(self)
        separator.setSeparator(True)
        self.list_view.add_row_actions([*on_selection, separator])
        self.list_view.selection_changed.connect(lambda _ids: self.update_office_actions())
        self.update_office_actions()
        self._allow_switch_user()

    def _allow_switch_user(self) -> None:
        """Log out needs logins (a server's are the server's): greyed, with the way to them,
        on a database whose users have no passwords yet."""
        from kehu.services import auth

        can = self.session.database.is_server or auth.needs_login()
        self.switch_user_action.setEnabled(can)
        self.switch_user_action.setToolTip(
            ""
            if can
            else self.tr("Nobody logs in to this database yet: Office → Users gives passwords")
        )

    def update_office_actions(self) -> None:
        user = self.session.user
        self.users_action.setEnabled(
            allowed(user, Action.MANAGE_USERS) or allowed(user, Action.TRANSFER_OWNER)
        )
        self.audit_action.setEnabled(allowed(user, Action.VIEW_AUDIT))
        chosen = self.list_view.selected_count()
        writable = self.session.can_write
        self.transfer_selected_action.setEnabled(
            writable and chosen > 0 and allowed(user, Action.TRANSFER_OWNER)
        )
        self.share_selected_action.setEnabled(
            writable and chosen > 0 and allowed(user, Action.SHARE)
        )
        self.erase_selected_action.setEnabled(
            writable and chosen == 1 and allowed(user, Action.ERASE)
        )
        self.erase_selected_action.setVisible(allowed(user, Action.ERASE))

    def open_users(self):
        from kehu.ui.dialogs.users_dialog import UsersDialog

        dialog = UsersDialog(self.session, self)
        dialog.exec()
        self._allow_switch_user()  # a password given turns the logins on
        return dialog

    def open_audit(self):
        from kehu.ui.dialogs.audit_dialog import AuditDialog

        dialog = AuditDialog(self.session, self)
        dialog.exec()
        return dialog

    def open_consent_list(self):
        from kehu.ui.dialogs.consent_dialog import ConsentDialog

        dialog = ConsentDialog(self.session, self)
        dialog.open_person.connect(self.open_key_person)
        dialog.exec()
        return dialog

    def open_key_person(self, customer_id: int, person_id: int) -> bool:
        """The customer's card, with the key person's dialog on top (from the consent list)."""
        card = self.open_card(customer_id)
        return card is not None and card.open_person(person_id)

    def _chosen(self, title: str) -> list[int]:
        ids = self.list_view.selected_ids()
        if not ids:
            QMessageBox.information(self, title, self.tr("Select customers in the list first."))
        return ids

    def transfer_selected(self):
        """Give the customers chosen in the list to another owner (一键转换负责人)."""
        from kehu.ui.dialogs.transfer_dialog import TransferDialog

        ids = self._chosen(self.tr("Transfer customers"))
        if not ids:
            return None
        dialog = TransferDialog(self.session, len(ids), self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen() is None:
            return None
        to, by = dialog.chosen(), self.session.user

        def told(done) -> None:
            self.statusBar().showMessage(
                self.tr("%1 customers now belong to %2.")
                .replace("%1", f"{done.value.customers:,}")
                .replace("%2", to.display_name),
                6000,
            )

        if len(ids) > IN_BACKGROUND:
            return perform_in_background(
                self.session.hub,
                self.session.tasks,
                self,
                self.tr("Transferring %1 customers…").replace("%1", f"{len(ids):,}"),
                lambda job: office.transfer_customers(by, ids, to, job),
                on_success=told,
                lang=self.session.lang,
            )
        return perform(self.session.hub, self, lambda: office.transfer_customers(by, ids, to), told)

    def share_selected(self):
        from kehu.ui.dialogs.share_dialog import ShareDialog

        ids = self._chosen(self.tr("Share customers"))
        if not ids:
            return None
        dialog = ShareDialog(self.session, ids, self._customer_title(ids[0]), self)
        dialog.exec()
        return dialog

    def _customer_title(self, customer_id: int) -> str:
        row = self.list_view.customer_model().row_of(customer_id)
        if row is None:
            return ""
        model = self.list_view.customer_model()
        parts = []
        for column in ("code", "name"):
            if column in model.columns:
                parts.append(str(model.index(row, model.columns.index(column)).data() or ""))
        return "  ".join(parts)

    def erase_selected(self) -> bool:
        """Erase the one customer chosen in the list (a privacy request), from its card."""
        ids = self._chosen(self.tr("Erase customer"))
        if len(ids) != 1:
            return False
        card = self.open_card(ids[0])
        return card is not None and card.erase_customer()

    def switch_user(self):
        """Log out: the login dialog again; the user who logs in gets a fresh window (every
        view built for them), this one closes. Cancelled, nothing changes. On a server the
        login is the server's: the Server dialog asks for the other user and password, and
        the database opens again under that login (its row-level security then holds)."""
        from PySide6.QtWidgets import QDialog

        from kehu.services import auth
        from kehu.ui.dialogs.login_dialog import LoginDialog

        if self.session.database.is_server:
            return self._switch_server_user()
        if not auth.needs_login():
            return None
        dialog = LoginDialog(self.session.database.path, self, lang=self.session.lang)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.user is None:
            return None
        window = self.opening.open_session_window(
            self.session.workspace, dialog.user, self.session.lang
        )
        if not self.close():
            window.deleteLater()
            return None
        window.show()
        return window

    def _switch_server_user(self):
        from dataclasses import replace

        from kehu.db.server import Address
        from kehu.ui.dialogs.server_dialog import ask_server

        address = Address.from_url(self.session.database.url)
        url = ask_server(self, self.session.lang, replace(address, user="", password=None))
        if url is None:
            return None
        self.replaced_by = self.opening.switch_database(self, url)
        return self.replaced_by
