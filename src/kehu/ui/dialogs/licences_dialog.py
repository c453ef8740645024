"""Licences, opened from About: kehu's own licence and the third-party notices (every bundled
component with its version, licence and text, from `kehu.licences`).

Standalone: `LicencesDialog(parent)`; `about_details()` is the versions paragraph About shows.
"""

from __future__ import annotations

import PySide6
from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kehu import licences


def about_details() -> str:
    """Version, licence, and the Python/Qt/PySide6 versions underneath."""
    versions = [*licences.versions(), ("Qt", qVersion()), ("PySide6", PySide6.__version__)]
    text = QCoreApplication.translate("Licences", "Licence: %1").replace(
        "%1", licences.licence_name()
    )
    return text + "\n" + " · ".join(f"{name} {version}" for name, version in versions)


class LicencesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Licences"))
        self.resize(760, 600)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._text(licences.licence_text()), self.tr("kehu"))
        self.components = self._components()
        self.tabs.addTab(self.components, self.tr("Components"))
        self.notices = self._text(licences.notices_text())
        self.tabs.addTab(self.notices, self.tr("Third-party licence texts"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    @staticmethod
    def _text(text: str) -> QPlainTextEdit:
        view = QPlainTextEdit(text)
        view.setReadOnly(True)
        view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        return view

    def _components(self) -> QTableWidget:
        rows = licences.components()
        table = QTableWidget(len(rows), 3)
        table.setHorizontalHeaderLabels(
            [self.tr("Component"), self.tr("Version"), self.tr("Licence")]
        )
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                table.setItem(row, column, QTableWidgetItem(value))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        return table
