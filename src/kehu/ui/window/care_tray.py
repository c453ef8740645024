"""The tray notification of care by grade: while the app runs, once a day per database, the
key persons whose birthday is today (solar or lunar) and the A customers overdue by their
visit cadence. Without a system tray (offscreen, some desktops) the status bar says it.
Settings → Care turns it off."""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMainWindow, QSystemTrayIcon

from kehu.services import care, today
from kehu.ui import settings
from kehu.ui.icons import app_icon

logger = logging.getLogger(__name__)

MAX_NAMES = 5
MESSAGE_MS = 15_000


class CareNotifier(QObject):
    notified = Signal(str, str)  # title, text: what was shown

    def __init__(
        self,
        window: QMainWindow,
        database_key: str,
        clock: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.database_key = database_key
        self.clock = clock
        self.tray: QSystemTrayIcon | None = None

    def _notified_days(self) -> dict[str, str]:
        try:
            found = json.loads(str(settings.get(settings.TRAY_NOTIFIED)) or "{}")
        except ValueError:
            return {}
        return found if isinstance(found, dict) else {}

    def notified_today(self) -> bool:
        return self._notified_days().get(self.database_key) == self.clock().isoformat()

    def consider(self, report: today.TodayReport | None) -> bool:
        """Notify from the Today panel's report if it is today's, the user wants it, and this
        database was not notified today yet; returns whether a notification was shown."""
        if report is None or report.day != self.clock() or not settings.get(settings.TRAY_NOTIFY):
            return False
        if self.notified_today():
            return False
        try:
            text = self.message(report)
        except Exception:  # noqa: BLE001 - a reminder never interrupts (a lost server): next time
            logger.warning("care notification skipped", exc_info=True)
            return False
        if not text:
            return False
        title = self.tr("kehu: care for today")
        self._show(title, text)
        days = self._notified_days()
        days[self.database_key] = report.day.isoformat()
        settings.put(settings.TRAY_NOTIFIED, json.dumps(days, ensure_ascii=False))
        self.notified.emit(title, text)
        return True

    def message(self, report: today.TodayReport) -> str:
        """Today's birthdays and the overdue A customers, a few names each."""
        lines = []
        names = [f"{b.person_name} ({b.customer_name})" for b in report.birthdays if b.in_days == 0]
        names += [
            f"{b.person_name} ({b.customer_name}, {b.label(report.day, self._lang())})"
            for b in report.lunar_birthdays
            if b.in_days == 0
        ]
        if names:
            lines.append(self.tr("Birthdays today: %1").replace("%1", _few(names, self._lang())))
        top = care.top_grade_ids()
        overdue = [item.name for item in report.cadence if item.category_id in top]
        if overdue:
            lines.append(
                self.tr("%1 A customers overdue for a visit: %2")
                .replace("%1", str(len(overdue)))
                .replace("%2", _few(overdue, self._lang()))
            )
        return "\n".join(lines)

    def _lang(self) -> str:
        return getattr(getattr(self.window, "session", None), "lang", "zh_CN")

    def _show(self, title: str, text: str) -> None:
        if QSystemTrayIcon.isSystemTrayAvailable() and QSystemTrayIcon.supportsMessages():
            if self.tray is None:
                self.tray = QSystemTrayIcon(app_icon(), self)
                self.tray.setToolTip("kehu")
                self.tray.messageClicked.connect(self._bring_window)
            self.tray.show()
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, MESSAGE_MS)
            logger.info("tray notification: %s", text.replace("\n", "; "))
            return
        logger.info("no system tray: care notification in the status bar")
        self.window.statusBar().showMessage(f"{title} — {text.replace(chr(10), '; ')}", MESSAGE_MS)

    def _bring_window(self) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()


def _few(names: list[str], lang: str) -> str:
    shown = ("、" if lang.startswith("zh") else ", ").join(names[:MAX_NAMES])
    return shown + (f" … (+{len(names) - MAX_NAMES})" if len(names) > MAX_NAMES else "")


__all__ = ["CareNotifier"]
