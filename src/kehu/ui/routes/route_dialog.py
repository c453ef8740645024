"""Create or edit a route: name, region, salesperson, start point, weekdays and frequency."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kehu.core import route_calendar
from kehu.core.changes import value_of
from kehu.services import routes
from kehu.ui.operations import ChangeHub, perform


class RouteDialog(QDialog):
    """`submit(values)` saves (a write of `kehu.ui.operations.routes`, run with `perform` so
    that `hub` hears of it); an error keeps the dialog open and says what is wrong."""

    def __init__(
        self,
        submit: Callable[[dict[str, Any]], Any],
        route: routes.RouteInfo | None = None,
        region_id: int | None = None,
        parent: QWidget | None = None,
        lang: str = "zh_CN",
        hub: ChangeHub | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit route") if route else self.tr("New route"))
        self._submit = submit
        self._hub = hub if hub is not None else ChangeHub(self)
        self.result_value: Any = None
        self.name = QLineEdit()
        self.name.setMaxLength(60)
        self.region = QComboBox()
        self.region.addItem(self.tr("(no region)"), None)
        depth: dict[int | None, int] = {None: -1}
        for rid, parent_id, name in routes.regions():
            depth[rid] = depth.get(parent_id, -1) + 1
            self.region.addItem("    " * depth[rid] + name, rid)
        self.salesperson = QComboBox()
        self.salesperson.addItem(self.tr("(nobody)"), None)
        for uid, name in routes.salespeople():
            self.salesperson.addItem(name, uid)
        self.weekdays = [QCheckBox(route_calendar.weekday_name(d, lang)) for d in range(1, 8)]
        days = QHBoxLayout()
        for box in self.weekdays:
            days.addWidget(box)
        self.frequency = QComboBox()
        for code in route_calendar.FREQUENCIES:
            self.frequency.addItem(route_calendar.frequency_label(code, lang), code)
        self.start_address = QLineEdit()
        self.start_latitude = QLineEdit()
        self.start_longitude = QLineEdit()
        for edit, low, high in ((self.start_latitude, -90, 90), (self.start_longitude, -180, 180)):
            validator = QDoubleValidator(low, high, 7, edit)
            validator.setNotation(QDoubleValidator.Notation.StandardNotation)
            edit.setValidator(validator)
            edit.setPlaceholderText(self.tr("optional"))
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(60)

        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Region"), self.region)
        form.addRow(self.tr("Salesperson"), self.salesperson)
        form.addRow(self.tr("Visit days"), days)
        form.addRow(self.tr("Frequency"), self.frequency)
        form.addRow(self.tr("Start address"), self.start_address)
        form.addRow(self.tr("Start latitude"), self.start_latitude)
        form.addRow(self.tr("Start longitude"), self.start_longitude)
        form.addRow(self.tr("Notes"), self.notes)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._fill(route, region_id)

    def _fill(self, route: routes.RouteInfo | None, region_id: int | None) -> None:
        if route is None:
            self.region.setCurrentIndex(max(0, self.region.findData(region_id)))
            return
        self.name.setText(route.name)
        self.region.setCurrentIndex(max(0, self.region.findData(route.region_id)))
        self.salesperson.setCurrentIndex(max(0, self.salesperson.findData(route.salesperson_id)))
        for day, box in enumerate(self.weekdays, start=1):
            box.setChecked(day in route.weekdays)
        self.frequency.setCurrentIndex(max(0, self.frequency.findData(route.frequency)))
        self.start_address.setText(route.start_address or "")
        if route.start_latitude is not None:
            self.start_latitude.setText(f"{route.start_latitude:.6f}")
        if route.start_longitude is not None:
            self.start_longitude.setText(f"{route.start_longitude:.6f}")
        self.notes.setPlainText(route.notes or "")

    @staticmethod
    def _number(edit: QLineEdit) -> float | None:
        text = edit.text().strip().replace(",", ".")
        return float(text) if text else None

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text(),
            "region_id": self.region.currentData(),
            "salesperson_id": self.salesperson.currentData(),
            "weekdays": [d for d, box in enumerate(self.weekdays, start=1) if box.isChecked()],
            "frequency": self.frequency.currentData(),
            "start_address": self.start_address.text(),
            "start_latitude": self._number(self.start_latitude),
            "start_longitude": self._number(self.start_longitude),
            "notes": self.notes.toPlainText(),
        }

    def accept(self) -> None:
        values = self.values()
        result = perform(self._hub, self, lambda: self._submit(values))
        if result is None:
            return
        self.result_value = value_of(result)
        super().accept()
