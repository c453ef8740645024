"""A new, empty database: start empty, load demo data, or import an Excel file."""

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

EMPTY, DEMO, IMPORT = "empty", "demo", "import"


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
        row.addWidget(QLabel(self.tr("Demo customers:"), self))
        self.demo_count = QSpinBox(self)
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
        layout.addWidget(empty)
        layout.addWidget(demo)
        layout.addLayout(row)
        layout.addWidget(excel)
        empty.clicked.connect(lambda: self._choose(EMPTY))
        demo.clicked.connect(lambda: self._choose(DEMO))
        excel.clicked.connect(lambda: self._choose(IMPORT))
        self.resize(520, 320)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()
