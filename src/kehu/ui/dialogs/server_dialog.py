"""File → Open server database…: where a PostgreSQL server database is and who logs in.

The user name is the kehu user (each kehu user is a login role of the server: the server
checks the password, and no kehu login follows). Connect tries the connection first
(`workspace.check_server`, off the UI thread, bounded by libpq's connect_timeout; Cancel
stops waiting) while the open database stays open; a refusal is said here in the user's
language, with every entry kept. The password is remembered, when asked, in the system's
keyring (`kehu.services.secrets`), never in the settings, the logs or the recent list.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from kehu.db import server, server_roles
from kehu.db.errors import DatabaseError, ServerLoginError
from kehu.db.server import Address
from kehu.services import secrets
from kehu.services.workspace import check_server
from kehu.ui.tasks import TaskRunner

logger = logging.getLogger(__name__)

DEFAULT_DATABASE = "kehu"


class ServerDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None = None,
        lang: str = "en",
        address: Address | None = None,
        message: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("serverDialog")
        self.lang = lang
        self.url: str | None = None  # set when Connect succeeded: the URL to open
        self._runner = TaskRunner(self, threads=1)
        self._checking: object | None = None  # the attempt Connect waits for
        self._extra = address.extra if address else ()
        self.setWindowTitle(self.tr("Open a server database"))
        form = QFormLayout(self)
        self.intro = QLabel(
            self.tr(
                "A kehu database on the office's PostgreSQL server. Your user name and "
                "password are the ones the administrator gave you for kehu."
            ),
            self,
        )
        self.intro.setObjectName("serverIntro")
        self.intro.setWordWrap(True)
        form.addRow(self.intro)
        self.host = QLineEdit(self)
        self.host.setObjectName("serverHost")
        self.host.setPlaceholderText(self.tr("e.g. server or 192.168.1.10"))
        self.port = QSpinBox(self)
        self.port.setObjectName("serverPort")
        self.port.setRange(1, 65535)
        self.port.setValue(server.PORT)
        self.database = QLineEdit(DEFAULT_DATABASE, self)
        self.database.setObjectName("serverDatabase")
        self.user = QLineEdit(self)
        self.user.setObjectName("serverUser")
        self.password = QLineEdit(self)
        self.password.setObjectName("serverPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.tls = QComboBox(self)
        self.tls.setObjectName("serverTls")
        labels = {
            "prefer": self.tr("Encrypted when the server offers it"),
            "require": self.tr("Always encrypted"),
            "verify-full": self.tr("Always encrypted, and the server's certificate checked"),
        }
        for mode in server.SSL_MODES:
            self.tls.addItem(labels[mode], mode)
        self.tls.setToolTip(
            self.tr(
                "How the connection is protected (TLS). Ask the administrator; checking the "
                "certificate needs the office's certificate on this computer (docs/SERVER.md)."
            )
        )
        self.remember = QCheckBox(self.tr("Remember the password on this computer"), self)
        self.remember.setObjectName("serverRemember")
        if not secrets.available():
            self.remember.setEnabled(False)
            self.remember.setToolTip(
                self.tr("This computer has no secure password store: the password is not kept.")
            )
        self.message = QLabel(message, self)
        self.message.setObjectName("serverMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setVisible(bool(message))
        form.addRow(self.tr("Server:"), self.host)
        form.addRow(self.tr("Port:"), self.port)
        form.addRow(self.tr("Database:"), self.database)
        form.addRow(self.tr("User name:"), self.user)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Encryption:"), self.tls)
        form.addRow(self.remember)
        form.addRow(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.connect_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.connect_button.setText(self.tr("Connect"))
        self.connect_button.setObjectName("serverConnect")
        self.buttons.accepted.connect(self.try_connect)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.setMinimumWidth(480)
        if address is not None:
            self._fill(address)
        empty = [e for e in (self.host, self.user, self.password) if not e.text()]
        (empty[0] if empty else self.password).setFocus()  # where the user types first

    def _fill(self, address: Address) -> None:
        self.host.setText(address.host)
        self.port.setValue(address.port)
        self.database.setText(address.database)
        self.user.setText(address.user)
        index = self.tls.findData(address.sslmode or server.DEFAULT_SSL_MODE)
        self.tls.setCurrentIndex(max(index, 0))
        remembered = address.password or secrets.recall_server(address)
        self.password.setText(remembered or "")
        self.remember.setChecked(secrets.recall_server(address) is not None)

    def address(self) -> Address:
        """What the entries say (with the password typed, if any)."""
        mode = self.tls.currentData()
        typed = self.user.text().strip()
        return Address(
            host=self.host.text().strip(),
            database=self.database.text().strip(),
            user=server_roles.role_name(typed) if typed else "",  # the kehu user's login role
            port=self.port.value(),
            sslmode="" if mode == server.DEFAULT_SSL_MODE else mode,
            password=self.password.text() or None,
            extra=self._extra,
        )

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """As wide as the entries want, as high as the wrapped texts need at that width (Qt's
        own hint takes their height at a narrower width: a blank band below the buttons)."""
        hint = super().sizeHint()
        width = max(hint.width(), self.minimumWidth())
        return QSize(width, self.layout().heightForWidth(width) or hint.height())

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        if self.isVisible():  # a longer message: the dialog grows to show it whole
            needed = self.layout().heightForWidth(self.width())
            if needed > self.height():
                self.resize(self.width(), needed)

    @property
    def checking(self) -> bool:
        """True while Connect waits for the server's answer (the dialog stays responsive)."""
        return self._checking is not None

    def try_connect(self) -> None:
        """Ask the server off the UI thread (at most libpq's connect_timeout); Cancel stops
        waiting. Accepted, the dialog closes with `url`; refused, it says why, entries kept."""
        address = self.address()
        if not (address.host and address.database and address.user):
            self.show_message(self.tr("Enter the server, the database and your user name."))
            return
        if self._checking is not None:
            return
        url = address.url()
        self._checking = attempt = object()
        self._set_busy(True)
        self.show_message(self.tr("Connecting…"))
        self._runner.start(
            lambda _job: check_server(url),
            on_success=lambda _none: self._connected(attempt, address, url),
            on_failure=lambda exc: self._refused(attempt, exc),
            context=self,
        )

    def _set_busy(self, busy: bool) -> None:
        for entry in (self.host, self.port, self.database, self.user, self.password, self.tls):
            entry.setEnabled(not busy)
        self.connect_button.setEnabled(not busy)

    def _connected(self, attempt: object, address: Address, url: str) -> None:
        if attempt is not self._checking:  # cancelled meanwhile
            return
        self._checking = None
        self._set_busy(False)
        if self.remember.isChecked() and address.password:
            secrets.remember_server(address, address.password)
        elif not self.remember.isChecked():
            secrets.forget_server(address)
        self.url = url
        self.accept()

    def _refused(self, attempt: object, exc: BaseException) -> None:
        if attempt is not self._checking:
            return
        self._checking = None
        self._set_busy(False)
        if not isinstance(exc, DatabaseError):  # not the server's refusal: a bug, shown so
            from kehu.ui.errors import show_error

            show_error(self, exc)
            return
        logger.info("server refused: %s", exc)
        self.show_message(exc.message(self.lang))
        if isinstance(exc, ServerLoginError):
            self.password.setFocus()
            self.password.selectAll()

    def reject(self) -> None:
        """Cancel, also while connecting: the server's late answer is dropped."""
        self._checking = None
        self._set_busy(False)
        super().reject()


def ask_server(
    parent: QWidget | None, lang: str, address: Address | None = None, message: str = ""
) -> str | None:
    """Show the Server dialog; the URL to open (with its password), or None (cancelled)."""
    dialog = ServerDialog(parent, lang, address, message)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    return dialog.url if accepted else None


def reopen_url(parent: QWidget | None, lang: str, shown: str) -> str | None:
    """A recent server (its URL without password): the URL to open, with the remembered or
    libpq's password when the server accepts it; otherwise the Server dialog asks, filled
    in, with the server's reason."""
    url = secrets.with_password(shown)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        check_server(url)
    except DatabaseError as exc:
        logger.info("recent server refused: %s", exc)
        QGuiApplication.restoreOverrideCursor()
        return ask_server(parent, lang, Address.from_url(shown), exc.message(lang))
    QGuiApplication.restoreOverrideCursor()
    return url
