"""A new, empty database: start empty, load demo data, import an Excel file, or open an
existing database file instead."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

EMPTY, DEMO, IMPORT, OPEN = "empty", "demo", "import", "open"


class FirstStartDialog(QDialog):
    def __init__(self, can_import: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to kehu"))
        self.choice = EMPTY
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("This database has no customers yet. How would you like to start?"), self
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        empty = QCommandLinkButton(
            self.tr("Start empty"), self.tr("Add your customers one by one (Ctrl+N)."), self
        )
        empty.setObjectName("startEmpty")
        demo = QCommandLinkButton(
            self.tr("Load demo data"),
            self.tr("Fictitious customers with contacts, visits and sales to try things out."),
            self,
        )
        demo.setObjectName("loadDemo")
        row = QHBoxLayout()
        count_label = QLabel(self.tr("Demo customers:"), self)
        row.addWidget(count_label)
        self.demo_count = QSpinBox(self)
        count_label.setBuddy(self.demo_count)
        self.demo_count.setAccessibleName(count_label.text())
        self.demo_count.setObjectName("demoCount")
        self.demo_count.setRange(10, 1_000_000)
        self.demo_count.setSingleStep(1000)
        self.demo_count.setValue(2000)
        row.addWidget(self.demo_count)
        row.addStretch(1)
        excel = QCommandLinkButton(
            self.tr("Import an Excel file"),
            self.tr("Bring in the customer list you already keep in Excel or CSV."),
            self,
        )
        excel.setObjectName("importExcel")
        excel.setVisible(can_import)
        existing = QCommandLinkButton(
            self.tr("Open an existing file"),
            self.tr("Your customers are already in a kehu database file (here or on a share)."),
            self,
        )
        existing.setObjectName("openExisting")
        layout.addWidget(empty)
        layout.addWidget(demo)
        layout.addLayout(row)
        layout.addWidget(excel)
        layout.addWidget(existing)
        existing.clicked.connect(lambda: self._choose(OPEN))
        empty.clicked.connect(lambda: self._choose(EMPTY))
        demo.clicked.connect(lambda: self._choose(DEMO))
        excel.clicked.connect(lambda: self._choose(IMPORT))
        self.resize(520, 320)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()
