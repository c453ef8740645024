"""Login, shown only when the database has more than one user."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from kehu.db.models import User
from kehu.services import auth


class LoginDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Log in to kehu"))
        self.user: User | None = None
        form = QFormLayout(self)
        self.users = QComboBox(self)
        for user in User.select().where(User.active == True).order_by(User.display_name):  # noqa: E712
            self.users.addItem(f"{user.display_name} ({user.username})", user.username)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #b00020;")
        form.addRow(self.tr("User:"), self.users)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def try_login(self) -> None:
        user = auth.login(self.users.currentData(), self.password.text())
        if user is None:
            self.message.setText(self.tr("Wrong user name or password."))
            self.password.selectAll()
            return
        self.user = user
        self.accept()
