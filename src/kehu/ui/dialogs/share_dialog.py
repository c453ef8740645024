"""Share customers with a colleague (一键共享客户), to read or to read and edit, and take a
share back. One customer: the dialog lists whom it is shared with. Several (chosen in the
list): the share and the taking back apply to all of them."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kehu.db.models import User
from kehu.services import sharing
from kehu.ui.dialogs.transfer_dialog import user_label
from kehu.ui.errors import show_error
from kehu.ui.operations import office, perform


class ShareDialog(QDialog):
    def __init__(
        self, session, customer_ids: list[int], title: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("shareDialog")
        self.session = session
        self.lang = session.lang
        self.ids = list(customer_ids)
        self.setWindowTitle(self.tr("Share customers"))
        layout = QVBoxLayout(self)
        if len(self.ids) == 1:
            heading = title or self.tr("One customer")
        else:
            heading = self.tr("%1 selected customers").replace("%1", f"{len(self.ids):,}")
        self.heading = QLabel(heading, self)
        self.heading.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.heading)
        self.shares = QTableWidget(0, 2, self)
        self.shares.setObjectName("sharesTable")
        self.shares.setHorizontalHeaderLabels([self.tr("Shared with"), self.tr("May")])
        self.shares.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.shares.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.shares.horizontalHeader().setStretchLastSection(True)
        self.shares.verticalHeader().setVisible(False)
        self.none_label = QLabel(self.tr("Not shared with anyone."), self)
        if len(self.ids) == 1:
            layout.addWidget(self.shares)
            layout.addWidget(self.none_label)
        else:
            self.shares.hide()
            self.none_label.hide()
        self.take_back_button = QPushButton(self.tr("Take the share &back"), self)
        self.take_back_button.setObjectName("takeBack")
        row = QHBoxLayout()
        row.addWidget(self.take_back_button)
        row.addStretch(1)
        layout.addLayout(row)
        group = QGroupBox(self.tr("Share with a colleague"), self)
        form = QFormLayout(group)
        self.colleague = QComboBox(group)
        self.colleague.setObjectName("colleague")
        for user in sharing.colleagues(session.user):
            self.colleague.addItem(user_label(user, self.lang), user.id)
        self.read_only = QRadioButton(self.tr("Read only"), group)
        self.read_edit = QRadioButton(self.tr("Read and edit"), group)
        self.read_only.setChecked(True)
        kinds = QButtonGroup(group)
        kinds.addButton(self.read_only)
        kinds.addButton(self.read_edit)
        access = QHBoxLayout()
        access.addWidget(self.read_only)
        access.addWidget(self.read_edit)
        access.addStretch(1)
        self.share_button = QPushButton(self.tr("&Share"), group)
        self.share_button.setObjectName("shareButton")
        form.addRow(self.tr("Colleague:"), self.colleague)
        form.addRow(self.tr("May:"), access)
        form.addRow("", self.share_button)
        layout.addWidget(group)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.share_button.clicked.connect(self._on_share)
        self.take_back_button.clicked.connect(self._on_take_back)
        self.shares.itemSelectionChanged.connect(self._update_buttons)
        self.refresh()
        self.resize(520, 440 if len(self.ids) == 1 else 300)

    def refresh(self) -> None:
        if len(self.ids) != 1:
            self._update_buttons()
            return
        try:
            found = sharing.shares_of(self.ids[0], self.session.user)
        except Exception as exc:
            show_error(self, exc, lang=self.lang)
            found = []
        self.shares.setRowCount(len(found))
        for r, share in enumerate(found):
            item = QTableWidgetItem(share.display_name)
            item.setData(256, share.user_id)
            self.shares.setItem(r, 0, item)
            may = self.tr("read and edit") if share.can_edit else self.tr("read")
            self.shares.setItem(r, 1, QTableWidgetItem(may))
        self.shares.resizeColumnToContents(0)
        self.shares.setColumnWidth(0, max(self.shares.columnWidth(0) + 24, 200))
        self.none_label.setVisible(not found)
        self._update_buttons()

    def shared_user_ids(self) -> list[int]:
        return [self.shares.item(r, 0).data(256) for r in range(self.shares.rowCount())]

    def _update_buttons(self) -> None:
        if len(self.ids) == 1:
            self.take_back_button.setEnabled(bool(self.shares.selectedItems()))
        else:
            self.take_back_button.setEnabled(self.colleague.count() > 0)
        self.share_button.setEnabled(self.colleague.count() > 0)

    def _colleague(self) -> User | None:
        uid = self.colleague.currentData()
        return User.get_by_id(uid) if uid is not None else None

    def _on_share(self) -> None:
        colleague = self._colleague()
        if colleague is None:
            return
        can_edit = self.read_edit.isChecked()
        done = perform(
            self.session.hub,
            self,
            lambda: office.share(self.session.user, self.ids, colleague, can_edit),
        )
        if done is not None:
            self.status.setText(self.tr("Shared with %1.").replace("%1", colleague.display_name))
            self.refresh()

    def _on_take_back(self) -> None:
        if len(self.ids) == 1:
            rows = sorted({i.row() for i in self.shares.selectedItems()})
            if not rows:
                return
            colleague = User.get_by_id(self.shares.item(rows[0], 0).data(256))
        else:
            colleague = self._colleague()
        if colleague is None:
            return
        done = perform(
            self.session.hub, self, lambda: office.unshare(self.session.user, self.ids, colleague)
        )
        if done is not None:
            self.status.setText(
                self.tr("%1 no longer sees these customers through a share.").replace(
                    "%1", colleague.display_name
                )
            )
            self.refresh()
