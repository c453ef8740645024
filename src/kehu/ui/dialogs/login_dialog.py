"""Login, shown only when users of the database have passwords."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from kehu.db.models import User
from kehu.services import auth, secrets


class LoginDialog(QDialog):
    def __init__(self, database: Path, parent: QWidget | None = None, lang: str = "en") -> None:
        super().__init__(parent)
        self.database = database
        self.lang = lang
        self.setWindowTitle(self.tr("Log in to kehu"))
        self.user: User | None = None
        form = QFormLayout(self)
        self.users = QComboBox(self)
        for user in User.select().where(User.active == True).order_by(User.display_name):  # noqa: E712
            self.users.addItem(f"{user.display_name} ({user.username})", user.username)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember the password on this computer"), self)
        if not secrets.available():
            self.remember.setEnabled(False)
            self.remember.setToolTip(
                self.tr("This computer has no secure password store: the password is not kept.")
            )
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #b00020;")
        form.addRow(self.tr("User:"), self.users)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.remember)
        form.addRow(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.users.currentIndexChanged.connect(self._on_user_changed)
        self._on_user_changed()

    def _on_user_changed(self) -> None:
        remembered = secrets.recall(self.database, self.users.currentData() or "")
        self.password.setText(remembered or "")
        self.remember.setChecked(remembered is not None)

    def try_login(self) -> None:
        username = self.users.currentData()
        try:
            user = auth.login(username, self.password.text())
        except auth.LoginThrottled as exc:
            self.message.setText(exc.message(self.lang))
            self.password.selectAll()
            return
        if user is None:
            self.message.setText(self.tr("Wrong user name or password."))
            self.password.selectAll()
            return
        if self.remember.isChecked():
            secrets.remember(self.database, username, self.password.text())
        else:
            secrets.forget(self.database, username)
        self.user = user
        self.accept()
