"""The automatic-backup section of the settings dialog (settings declared in ui/settings)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from kehu.ui import settings

NOTE_WIDTH = 440


class BackupSettings(QWidget):
    """`server_note`: the window is on a server database, whose backups are the server's:
    the section is greyed out (the settings stay for files) and the note says why."""

    def __init__(self, parent: QWidget | None = None, server_note: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupSettings")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        if server_note:
            note = QLabel(server_note, self)
            note.setObjectName("backupServerNote")
            note.setWordWrap(True)
            # a wrapped label's height is not asked of a dialog sized by its hint: room for
            # its lines at the dialog's narrowest (520 px less the margins)
            note.setMinimumHeight(note.heightForWidth(NOTE_WIDTH))
            outer.addWidget(note)
        form = QFormLayout()
        outer.addLayout(form)
        self.automatic = QCheckBox(self.tr("Back up automatically (on close and while working)"))
        self.automatic.setObjectName("settingBackupAutomatic")
        self.automatic.setChecked(bool(settings.get(settings.BACKUP_AUTOMATIC)))
        form.addRow(self.automatic)
        self.every = self._spin(settings.BACKUP_EVERY_HOURS, 1, 24, "settingBackupEvery")
        self.every.setSuffix(self.tr(" h"))
        form.addRow(self.tr("Every:"), self.every)
        self.daily = self._spin(settings.BACKUP_KEEP_DAILY, 1, 60, "settingBackupDaily")
        form.addRow(self.tr("Keep daily backups for (days):"), self.daily)
        self.weekly = self._spin(settings.BACKUP_KEEP_WEEKLY, 0, 52, "settingBackupWeekly")
        form.addRow(self.tr("Keep weekly backups for (weeks):"), self.weekly)
        self.automatic.toggled.connect(self._enable)
        self._enable(self.automatic.isChecked())
        if server_note:
            for editor in (self.automatic, self.every, self.daily, self.weekly):
                editor.setEnabled(False)

    def _spin(self, setting: settings.Setting, low: int, high: int, name: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setObjectName(name)
        spin.setRange(low, high)
        spin.setValue(int(settings.get(setting)))
        return spin

    def _enable(self, on: bool) -> None:
        for spin in (self.every, self.daily, self.weekly):
            spin.setEnabled(on)

    def save(self) -> None:
        settings.put(settings.BACKUP_AUTOMATIC, self.automatic.isChecked())
        settings.put(settings.BACKUP_EVERY_HOURS, self.every.value())
        settings.put(settings.BACKUP_KEEP_DAILY, self.daily.value())
        settings.put(settings.BACKUP_KEEP_WEEKLY, self.weekly.value())
