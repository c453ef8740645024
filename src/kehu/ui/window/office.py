"""The main window's Office menu: users and rights, the audit trail, switch user. Each entry
is greyed out where the rights matrix (`kehu.core.rights`) would refuse it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from kehu.core.rights import Action, allowed

if TYPE_CHECKING:
    from kehu.ui.session import Session


class WindowOffice:
    session: Session

    def _build_office_menu(self, bar) -> None:
        menu = bar.addMenu(self.tr("&Office"))
        self.users_action = QAction(self.tr("&Users and rights…"), self)
        self.users_action.setObjectName("usersAction")
        self.users_action.triggered.connect(self.open_users)
        self.audit_action = QAction(self.tr("&Audit trail…"), self)
        self.audit_action.setObjectName("auditAction")
        self.audit_action.triggered.connect(self.open_audit)
        self.switch_user_action = QAction(self.tr("&Log out / switch user…"), self)
        self.switch_user_action.setObjectName("switchUserAction")
        self.switch_user_action.triggered.connect(self.switch_user)
        for action in (self.users_action, self.audit_action, self.switch_user_action):
            menu.addAction(action)
        self.update_office_actions()

    def update_office_actions(self) -> None:
        user = self.session.user
        self.users_action.setEnabled(
            allowed(user, Action.MANAGE_USERS) or allowed(user, Action.TRANSFER_OWNER)
        )
        self.audit_action.setEnabled(allowed(user, Action.VIEW_AUDIT))

    def open_users(self):
        from kehu.ui.dialogs.users_dialog import UsersDialog

        dialog = UsersDialog(self.session, self)
        dialog.exec()
        return dialog

    def open_audit(self):
        from kehu.ui.dialogs.audit_dialog import AuditDialog

        dialog = AuditDialog(self.session, self)
        dialog.exec()
        return dialog

    def switch_user(self):
        """Log out: the login dialog again; the user who logs in gets a fresh window (every
        view built for them), this one closes. Cancelled, nothing changes."""
        from PySide6.QtWidgets import QDialog

        from kehu.services import auth
        from kehu.ui.application import open_session_window
        from kehu.ui.dialogs.login_dialog import LoginDialog

        if not auth.needs_login():
            return None
        dialog = LoginDialog(self.session.database.path, self, lang=self.session.lang)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.user is None:
            return None
        window = open_session_window(self.session.workspace, dialog.user, self.session.lang)
        if not self.close():
            window.deleteLater()
            return None
        window.show()
        return window
