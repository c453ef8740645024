"""The list's completeness filter (档案健全度): "Completeness below [60 %]"; the threshold is
editable and remembered, the filter itself starts off."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QSpinBox, QWidget

from kehu.ui import settings


class CompletenessFilter(QWidget):
    changed = Signal(object)  # the threshold in %, or None when the filter is off

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("completenessFilter")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.setSpacing(2)
        self.box = QCheckBox(self.tr("Completeness below"), self)
        self.box.setObjectName("completenessBelow")
        self.box.setToolTip(self.tr("Show only the dossiers that are less complete than this"))
        self.threshold = QSpinBox(self)
        self.threshold.setObjectName("completenessThreshold")
        self.threshold.setRange(1, 100)
        self.threshold.setSuffix(" %")
        self.threshold.setValue(int(settings.get(settings.COMPLETENESS_BELOW)))
        self.threshold.setAccessibleName(self.tr("Completeness threshold"))
        layout.addWidget(self.box)
        layout.addWidget(self.threshold)
        self.box.toggled.connect(lambda _on: self._emit())
        self.threshold.valueChanged.connect(self._on_threshold)

    def value(self) -> int | None:
        return self.threshold.value() if self.box.isChecked() else None

    def _on_threshold(self, value: int) -> None:
        settings.put(settings.COMPLETENESS_BELOW, value)
        if self.box.isChecked():
            self._emit()

    def _emit(self) -> None:
        self.changed.emit(self.value())


__all__ = ["CompletenessFilter"]
