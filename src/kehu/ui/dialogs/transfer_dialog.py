"""Transfer the customers chosen in the list to another owner (一键转换负责人): pick the new
owner among the active colleagues; the transfer itself is `ui.operations.office`."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from kehu.core.rights import role_label
from kehu.db.models import User
from kehu.services import sharing


def user_label(user: User, lang: str) -> str:
    return f"{user.display_name} ({user.username}, {role_label(user.role, lang)})"


class TransferDialog(QDialog):
    def __init__(self, session, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transferDialog")
        self.setWindowTitle(self.tr("Transfer customers"))
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "%1 selected customers get a new owner. Their route stops and planned "
                "visits move with them; each keeps a history entry."
            ).replace("%1", f"{count:,}"),
            self,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.owner = QComboBox(self)
        self.owner.setObjectName("newOwner")
        for user in sharing.transfer_targets(session.user):
            self.owner.addItem(user_label(user, session.lang), user.id)
        form.addRow(self.tr("New owner:"), self.owner)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Transfer"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.owner.count() > 0)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(460, self.sizeHint().height())

    def chosen(self) -> User | None:
        uid = self.owner.currentData()
        return User.get_by_id(uid) if uid is not None else None
