"""The database cannot be opened at start: say why, and offer a way on."""

from __future__ import annotations

from PySide6.QtWidgets import QCommandLinkButton, QDialog, QLabel, QVBoxLayout, QWidget

from kehu.services.backups import BackupInfo

RESTORE, OPEN, CREATE, QUIT, RETRY = "restore", "open", "create", "quit", "retry"


class StartProblemDialog(QDialog):
    def __init__(
        self,
        problem: str,
        latest: BackupInfo | None,
        missing: bool,
        parent: QWidget | None = None,
        retry: bool = False,
    ) -> None:
        """`retry`: a server database that could not be reached (no file, no backups here):
        the first way on is to connect again."""
        super().__init__(parent)
        self.setObjectName("startProblemDialog")
        self.setWindowTitle(self.tr("Cannot open the database"))
        self.choice = QUIT
        layout = QVBoxLayout(self)
        text = QLabel(problem, self)
        text.setObjectName("problemText")
        text.setWordWrap(True)
        layout.addWidget(text)
        if retry:
            self._add(
                layout,
                RETRY,
                self.tr("Connect again"),
                self.tr("When the server runs again or the network is back."),
            )
        elif latest is not None:
            customers = "?" if latest.customers is None else f"{latest.customers:,}"
            self._add(
                layout,
                RESTORE,
                self.tr("Restore the latest good backup"),
                self.tr("%1, %2 customers (checked). The current file is kept aside.")
                .replace("%1", latest.taken_at.strftime("%Y-%m-%d %H:%M"))
                .replace("%2", customers),
            )
        elif not missing:
            layout.addWidget(QLabel(self.tr("No good backup of this database was found."), self))
        if missing:
            self._add(
                layout,
                CREATE,
                self.tr("Create a new database here"),
                self.tr("An empty database at this path."),
            )
        self._add(layout, OPEN, self.tr("Open another file…"), self.tr("Choose a database file."))
        self._add(layout, QUIT, self.tr("Quit"), self.tr("Close kehu; nothing is changed."))
        self.setMinimumWidth(520)

    def _add(self, layout: QVBoxLayout, choice: str, title: str, detail: str) -> None:
        button = QCommandLinkButton(title, detail, self)
        button.setObjectName(f"{choice}Choice")
        button.clicked.connect(lambda: self._choose(choice))
        layout.addWidget(button)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()
