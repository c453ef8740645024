"""Care by grade in the main window: Edit → Visit cadence by grade…, the care section of
Edit → Settings…, and the once-a-day tray notification of today's birthdays and overdue A
customers (fed by the Today panel's report of today, so nothing is read twice)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from kehu.ui.window.care_tray import CareNotifier

if TYPE_CHECKING:
    from kehu.ui.session import Session


class WindowCare:
    """Mixin of the main window: `_install_care()` once the route views (the Today panel)
    exist."""

    session: Session

    def _install_care(self) -> None:
        self.cadence_action = QAction(self.tr("Visit &cadence by grade…"), self)
        self.cadence_action.setObjectName("cadenceAction")
        self.cadence_action.triggered.connect(self.edit_cadence)
        self.addAction(self.cadence_action)
        menus = [a.menu() for a in self.menuBar().actions() if a.menu() is not None]
        edit_menu = menus[1]  # File, Edit, …
        settings_action = getattr(self, "settings_action", None)
        if settings_action is not None and settings_action in edit_menu.actions():
            edit_menu.insertAction(settings_action, self.cadence_action)
        else:
            edit_menu.addAction(self.cadence_action)
        panel = self.route_views.today_panel
        self.care_notifier = CareNotifier(self, self.session.database.shown)
        panel.refreshed.connect(lambda: self.care_notifier.consider(panel.report))

    def edit_cadence(self) -> None:
        from kehu.ui.dialogs.cadence_dialog import CadenceDialog

        CadenceDialog(self.session, self).exec()

    def settings_opened(self, dialog) -> None:
        super().settings_opened(dialog)  # type: ignore[misc]
        from kehu.ui.dialogs.care_settings import CareSettings

        section = CareSettings(dialog)
        section.cadence_requested.connect(self.edit_cadence)
        dialog.add_section(self.tr("Care"), section)
        dialog.accepted.connect(section.save)
        dialog.accepted.connect(self.route_views.today_panel.refresh)


__all__ = ["WindowCare"]
