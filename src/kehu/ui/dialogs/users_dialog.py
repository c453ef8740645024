"""Users and rights (administrators): the manager hierarchy as a tree; add, change, disable a
user, set a password, transfer a leaving user's customers. Every change goes through
`services.users` / `services.transfer`, which check the rights matrix and audit."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kehu.core.changes import Changes
from kehu.core.rights import ROLES, Action, allowed, role_label
from kehu.db.models import User
from kehu.services import auth, transfer, users
from kehu.ui.errors import show_error


class UserForm(QDialog):
    """User name (new users only), display name, role and manager."""

    def __init__(self, lang: str, user: User | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add user") if user is None else self.tr("Change user"))
        form = QFormLayout(self)
        self.username = QLineEdit(self)
        self.display_name = QLineEdit(self)
        self.role = QComboBox(self)
        for role in ROLES:
            self.role.addItem(role_label(role, lang), role)
        self.manager = QComboBox(self)
        self.manager.addItem(self.tr("(none)"), None)
        for other in User.select().where(User.active == True).order_by(User.display_name):  # noqa: E712
            if user is None or other.id != user.id:
                self.manager.addItem(f"{other.display_name} ({other.username})", other.id)
        if user is not None:
            self.username.setText(user.username)
            self.username.setEnabled(False)
            self.display_name.setText(user.display_name)
            self.role.setCurrentIndex(max(self.role.findData(user.role), 0))
            self.manager.setCurrentIndex(max(self.manager.findData(user.manager_id), 0))
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Display name:"), self.display_name)
        form.addRow(self.tr("Role:"), self.role)
        form.addRow(self.tr("Manager:"), self.manager)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def manager_user(self) -> User | None:
        mid = self.manager.currentData()
        return User.get_by_id(mid) if mid is not None else None


class UsersDialog(QDialog):
    """The office's users as the manager tree, with what an administrator does to them."""

    COLUMNS = 4

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.lang = session.lang
        self.setWindowTitle(self.tr("Users and rights"))
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels(
            [self.tr("Name"), self.tr("User name"), self.tr("Role"), self.tr("State")]
        )
        layout.addWidget(self.tree)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add…"), self)
        self.edit_button = QPushButton(self.tr("&Change…"), self)
        self.disable_button = QPushButton(self.tr("&Disable"), self)
        self.password_button = QPushButton(self.tr("Set &password…"), self)
        self.transfer_button = QPushButton(self.tr("&Transfer customers…"), self)
        for button in (
            self.add_button,
            self.edit_button,
            self.disable_button,
            self.password_button,
            self.transfer_button,
        ):
            row.addWidget(button)
        layout.addLayout(row)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self._connect_signals()
        self.refresh()

    def _connect_signals(self) -> None:
        self.add_button.clicked.connect(self._on_add)
        self.edit_button.clicked.connect(self._on_edit)
        self.disable_button.clicked.connect(self._on_disable)
        self.password_button.clicked.connect(self._on_password)
        self.transfer_button.clicked.connect(self._on_transfer)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())

    @property
    def by(self) -> User:
        return self.session.user

    def refresh(self) -> None:
        self.tree.clear()

        def add(parent, node) -> None:
            state = [] if node.active else [self.tr("disabled")]
            if not node.has_password:
                state.append(self.tr("no password"))
            item = QTreeWidgetItem(
                [
                    node.display_name,
                    node.username,
                    role_label(node.role, self.lang),
                    ", ".join(state),
                ]
            )
            item.setData(0, 256, node.id)
            (parent.addChild if parent is not None else self.tree.addTopLevelItem)(item)
            for child in node.children:
                add(item, child)

        for root in users.hierarchy():
            add(None, root)
        self.tree.expandAll()
        for column in range(self.COLUMNS):
            self.tree.resizeColumnToContents(column)
        self._update_buttons()

    def selected(self) -> User | None:
        item = self.tree.currentItem()
        return User.get_by_id(item.data(0, 256)) if item is not None else None

    def _update_buttons(self) -> None:
        admin = allowed(self.by, Action.MANAGE_USERS)
        chosen = self.selected() is not None
        self.add_button.setEnabled(admin)
        for button in (self.edit_button, self.disable_button, self.password_button):
            button.setEnabled(admin and chosen)
        self.transfer_button.setEnabled(chosen and allowed(self.by, Action.TRANSFER_OWNER))

    def _run(self, work) -> bool:
        try:
            work()
        except Exception as exc:  # refusals and checks say why in the user's language
            show_error(self, exc, lang=self.lang)
            return False
        self.refresh()
        return True

    def _on_add(self) -> None:
        form = UserForm(self.lang, None, self)
        if form.exec() != QDialog.DialogCode.Accepted:
            return
        self._run(
            lambda: auth.create_user(
                form.username.text(),
                form.display_name.text(),
                form.role.currentData(),
                manager=form.manager_user(),
                by=self.by,
            )
        )

    def _on_edit(self) -> None:
        target = self.selected()
        if target is None:
            return
        form = UserForm(self.lang, target, self)
        if form.exec() != QDialog.DialogCode.Accepted:
            return
        self._run(
            lambda: users.update_user(
                target,
                self.by,
                display_name=form.display_name.text(),
                role=form.role.currentData(),
                manager=form.manager_user(),
            )
        )

    def _on_disable(self) -> None:
        target = self.selected()
        if target is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Disable user"),
            self.tr(
                "Disable %1? They can no longer log in; their name stays in the history."
            ).replace("%1", target.display_name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._run(lambda: users.disable_user(target, self.by))

    def ask_password(self, title: str) -> str | None:
        text, ok = QInputDialog.getText(
            self, title, self.tr("New password:"), QLineEdit.EchoMode.Password
        )
        if not ok:
            return None
        again, ok = QInputDialog.getText(
            self, title, self.tr("Again:"), QLineEdit.EchoMode.Password
        )
        if not ok:
            return None
        if text != again:
            QMessageBox.warning(
                self, title, self.tr("The two passwords differ; nothing was changed.")
            )
            return None
        return text

    def _on_password(self) -> None:
        target = self.selected()
        if target is None:
            return
        password = self.ask_password(self.tr("Password of %1").replace("%1", target.display_name))
        if password is None:
            return
        own = None
        if auth.turns_logins_on(target, self.by):
            QMessageBox.information(
                self,
                self.tr("Logins start now"),
                self.tr(
                    "This is the first password: from now on everyone logs in. Set your own password too."
                ),
            )
            own = self.ask_password(self.tr("Your own password"))
            if own is None:
                return
        self._run(lambda: users.set_password(target, password, self.by, own_password=own))

    def _on_transfer(self) -> None:
        source = self.selected()
        if source is None:
            return
        choices = [
            u
            for u in User.select().where(User.active == True).order_by(User.display_name)  # noqa: E712
            if u.id != source.id
        ]
        labels = [f"{u.display_name} ({u.username})" for u in choices]
        title = self.tr("Transfer the customers of %1").replace("%1", source.display_name)
        label, ok = QInputDialog.getItem(self, title, self.tr("New owner:"), labels, 0, False)
        if not ok or label not in labels:
            return
        to = choices[labels.index(label)]
        done: list[transfer.Transferred] = []
        if self._run(lambda: done.append(transfer.transfer(None, to, self.by, from_user=source))):
            QMessageBox.information(
                self,
                title,
                self.tr("%1 customers now belong to %2.")
                .replace("%1", str(done[0].customers))
                .replace("%2", to.display_name),
            )
            hub = getattr(self.session, "hub", None)
            if hub is not None:  # the owners changed: every view refreshes
                hub.notify(Changes.everything())
