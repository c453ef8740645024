"""Edit → Settings… and Help → Manual (F1) of the main window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog

if TYPE_CHECKING:
    from kehu.ui.dialogs.help_window import HelpWindow
    from kehu.ui.session import Session


class WindowHelpSettings:
    """Mixin of the main window: `_install_help_settings()` after the menus exist."""

    session: Session
    help_window: HelpWindow | None = None

    def _install_help_settings(self) -> None:
        self.settings_action = QAction(self.tr("&Settings…"), self)
        self.settings_action.setObjectName("settingsAction")
        self.settings_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Preferences))
        self.settings_action.triggered.connect(self.open_settings)
        self.help_action = QAction(self.tr("kehu &manual"), self)
        self.help_action.setObjectName("helpAction")
        self.help_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.help_action.triggered.connect(self.show_help)
        for action in (self.settings_action, self.help_action):
            self.addAction(action)
        menus = [a.menu() for a in self.menuBar().actions() if a.menu() is not None]
        edit_menu, help_menu = menus[1], menus[-1]  # File, Edit, …, Help
        edit_menu.addSeparator()
        edit_menu.addAction(self.settings_action)
        first = help_menu.actions()[0] if help_menu.actions() else None
        help_menu.insertAction(first, self.help_action)
        help_menu.insertSeparator(first)

    def make_settings_dialog(self):
        from kehu.ui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(parent=self)
        self.settings_opened(dialog)
        return dialog

    def settings_opened(self, dialog) -> None:
        """Hook: other parts add their sections here (`dialog.add_section`)."""

    def open_settings(self) -> None:
        dialog = self.make_settings_dialog()
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.language_changed:
            self.statusBar().showMessage(
                self.tr("The new language shows from the next start."), 8000
            )

    def show_help(self) -> None:
        from kehu.ui.dialogs.help_window import HelpWindow

        if self.help_window is None:
            self.help_window = HelpWindow(self.session.lang, self)
        self.help_window.show()
        self.help_window.raise_()
        self.help_window.activateWindow()


__all__ = ["WindowHelpSettings"]
