"""Bulk classification of a multi-selection: choose a scheme and a category (or none)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QWidget,
)

from kehu.services.classification import SchemeNode


class ClassifyDialog(QDialog):
    def __init__(self, schemes: Sequence[SchemeNode], count: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Classify customers"))
        self.schemes = list(schemes)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("%1 customers selected.").replace("%1", f"{count:,}")))
        self.scheme_box = QComboBox(self)
        self.scheme_box.setObjectName("schemeBox")
        for scheme in self.schemes:
            self.scheme_box.addItem(scheme.name, scheme.id)
        self.category_box = QComboBox(self)
        self.category_box.setObjectName("categoryBox")
        form.addRow(self.tr("Scheme:"), self.scheme_box)
        form.addRow(self.tr("Category:"), self.category_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.scheme_box.currentIndexChanged.connect(self._fill_categories)
        self._fill_categories()

    def _fill_categories(self) -> None:
        self.category_box.clear()
        scheme = self.schemes[self.scheme_box.currentIndex()] if self.schemes else None
        if scheme is None:
            return
        for node, depth in scheme.walk():
            self.category_box.addItem("    " * depth + node.name, node.id)
        self.category_box.addItem(self.tr("(remove from this scheme)"), None)

    def choice(self) -> tuple[int, int | None]:
        return self.scheme_box.currentData(), self.category_box.currentData()
