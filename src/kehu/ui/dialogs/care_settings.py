"""The care section of the settings dialog: reminders N days ahead, the tray notification
(both per user, declared in ui/settings) and the way to the visit cadence editor (per
database, managers and administrators)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QPushButton, QSpinBox, QWidget

from kehu.ui import settings


class CareSettings(QWidget):
    cadence_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("careSettings")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.days = QSpinBox(self)
        self.days.setObjectName("settingRemindDays")
        self.days.setRange(0, settings.REMIND_DAYS_MAX)
        self.days.setSpecialValueText(self.tr("only the day itself"))
        self.days.setSuffix(self.tr(" days"))
        self.days.setValue(int(settings.get(settings.REMIND_DAYS)))
        self.days.setAccessibleName(self.tr("Remind of birthdays and anniversaries ahead"))
        form.addRow(self.tr("Birthdays and anniversaries ahead:"), self.days)
        self.tray = QCheckBox(
            self.tr("Notify me once a day of today's birthdays and overdue A customers")
        )
        self.tray.setObjectName("settingTrayNotify")
        self.tray.setChecked(bool(settings.get(settings.TRAY_NOTIFY)))
        form.addRow(self.tray)
        self.cadence_button = QPushButton(self.tr("Visit cadence by grade…"), self)
        self.cadence_button.setObjectName("settingCadence")
        self.cadence_button.clicked.connect(self.cadence_requested)
        form.addRow(self.tr("Visits:"), self.cadence_button)

    def save(self) -> None:
        settings.put(settings.REMIND_DAYS, self.days.value())
        settings.put(settings.TRAY_NOTIFY, self.tray.isChecked())
