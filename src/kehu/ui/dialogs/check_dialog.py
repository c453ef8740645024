"""File → Check and repair the database…: what `kehu check` finds, in plain words, and a
Repair button that rebuilds what can be rebuilt and says what it did."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kehu.core import rights
from kehu.services import repair


class CheckDialog(QDialog):
    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkDialog")
        self.session = session
        self.window_ = parent
        self.setWindowTitle(self.tr("Check the database"))
        layout = QVBoxLayout(self)
        self.verdict = QLabel(self)
        self.verdict.setObjectName("checkVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.verdict)
        self.details = QPlainTextEdit(self)
        self.details.setObjectName("checkDetails")
        self.details.setReadOnly(True)
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.repair_button = buttons.addButton(
            self.tr("Repair"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.repair_button.setObjectName("repairButton")
        self.repair_button.clicked.connect(self._on_repair)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 380)
        self.run_check()

    def run_check(self, done: list[str] | None = None) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            found = repair.health_report(self.session.database, self.session.user)
        finally:
            QApplication.restoreOverrideCursor()
        self.found = found
        lang = self.session.lang
        lines = [f"✓ {text}" for text in done or []]
        lines += [f"✗ {p.message(lang)}" for p in found.problems]
        lines += [f"· {n.message(lang)}" for n in found.notes]
        if found.healthy:
            self.verdict.setText(self.tr("The database is healthy."))
        elif found.repairable:
            self.verdict.setText(
                self.tr("The database has problems. Repair rebuilds those it can rebuild.")
            )
        else:
            self.verdict.setText(
                self.tr("The database has problems that need a backup: File → Restore a backup…")
            )
        if self.session.database.is_server:
            counts = self.tr("%1 customers; the server keeps its files consistent")
        else:
            counts = self.tr("%1 customers; integrity: %2").replace("%2", found.integrity)
        lines.append(counts.replace("%1", f"{found.counts.get('customers', 0):,}"))
        self.details.setPlainText("\n".join(lines))
        self.repair_button.setEnabled(
            found.repairable
            and self.session.can_write
            and rights.allowed(self.session.user, rights.Action.REPAIR, rights.Scope.ALL)
        )

    def _on_repair(self) -> None:
        lang = self.session.lang

        def done(report) -> None:
            texts = [m.message(lang) for m in report.done] or [
                self.tr("Nothing needed rebuilding.")
            ]
            self.run_check(texts)
            if self.window_ is not None and hasattr(self.window_, "refresh"):
                self.window_.refresh()

        self.window_.run_repair(done)
