"""The line under a new customer's name that says, while typing, that a likely duplicate
exists: the customer itself when the user may see it (open it instead?), otherwise only whom
to ask — never another salesperson's customer's details."""

from __future__ import annotations

import logging

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from kehu.db.models import User
from kehu.services import duplicates

logger = logging.getLogger(__name__)

DELAY_MS = 150  # typing pauses this long before the check runs


class DuplicateWarning(QLabel):
    open_requested = Signal(int)  # customer id

    def __init__(self, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicateWarning")
        self.setWordWrap(True)
        self.setStyleSheet("background: #fde7e9; padding: 4px;")
        self.user = user
        self.found: list[duplicates.Warning] = []
        self._query: tuple[str, str, str] = ("", "", "")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.check_now)
        self.linkActivated.connect(self._on_link)
        self.hide()

    def schedule(self, name: str, phone: str = "", uscc: str = "") -> None:
        """Check again once typing pauses."""
        self._query = (name, phone, uscc)
        self._timer.start()

    def clear(self) -> None:
        self._timer.stop()
        self.found = []
        self.hide()

    def check_now(self) -> None:
        name, phone, uscc = self._query
        try:
            self.found = duplicates.similar_to(self.user, name, phone or None, uscc or None)
        except Exception:  # a warning that fails must not disturb typing
            logger.exception("duplicate check failed")
            self.found = []
        self._show()

    def _show(self) -> None:
        if not self.found:
            self.hide()
            return
        first = self.found[0]
        if first.visible:
            text = self.tr(
                'A likely duplicate exists: %1 %2. <a href="open:%3">Open it instead</a>'
            )
            text = (
                text.replace("%1", first.code or "")
                .replace("%2", first.name or "")
                .replace("%3", str(first.customer_id))
            )
        else:
            text = self.tr(
                "A customer with this name probably exists already, looked after by %1: "
                "ask them before creating a second record."
            ).replace("%1", first.owner_name or self.tr("another user"))
        more = len(self.found) - 1
        if more > 0:
            text += " " + self.tr("(%1 more similar)").replace("%1", str(more))
        self.setText(text)
        self.show()

    def _on_link(self, link: str) -> None:
        if link.startswith("open:"):
            self.open_requested.emit(int(link[5:]))
