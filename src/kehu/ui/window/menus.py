"""The main window's actions, menus and toolbar. Prints and Excel exports come from the
export registry: one action per (format, kind) it offers in the menu."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QPushButton, QToolBar

from kehu.services.exports import registry as export_kinds

if TYPE_CHECKING:
    from PySide6.QtWidgets import QCheckBox

    from kehu.ui.session import Session
    from kehu.ui.widgets.completeness_filter import CompletenessFilter
    from kehu.ui.widgets.search_box import SearchBox


class WindowMenus:
    """Mixin of the main window: `_build_actions()` makes the actions (public attributes,
    `*_action`), the menus and the toolbar. The slots live in the window and its other
    mixins (`CardTabs`, `WindowExports`)."""

    session: Session
    search_box: SearchBox
    archived_box: QCheckBox
    completeness_filter: CompletenessFilter

    def _action(self, text: str, slot, shortcut=None, name: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setObjectName(name)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.new_action = self._action(
            self.tr("&New customer"), self.new_customer, key.New, "newAction"
        )
        self.save_action = self._action(
            self.tr("&Save card"), self.save_current, key.Save, "saveAction"
        )
        self.print_action = self._action(
            self.tr("&Print…"), lambda: self.open_print_dialog(), key.Print, "printAction"
        )
        self.find_action = self._action(self.tr("&Find"), self.focus_search, key.Find, "findAction")
        self.refresh_action = self._action(
            self.tr("&Refresh"), self.refresh, key.Refresh, "refreshAction"
        )
        self.undo_action = self._action(
            self.tr("&Undo classification"), self.undo, key.Undo, "undoAction"
        )
        self.undo_action.setEnabled(False)
        self.close_card_action = self._action(
            self.tr("&Close card"), self.close_current_card, key.Close, "closeCardAction"
        )
        self.open_window_action = self._action(
            self.tr("Open card in own &window"), self.detach_current_card, None, "detachAction"
        )
        self.archive_action = self._action(
            self.tr("&Archive / restore"), self.archive_current, None, "archiveAction"
        )
        self.classify_action = self._action(
            self.tr("&Classify selected…"), self.classify_selected, None, "classifyAction"
        )
        self.duplicates_action = self._action(
            self.tr("Find &duplicates…"), self.open_duplicates, None, "duplicatesAction"
        )
        self.quit_action = self._action(self.tr("&Quit"), self.close, key.Quit, "quitAction")
        self.import_action = self._action(
            self.tr("&Import Excel file…"), self.open_import_wizard, None, "importAction"
        )
        self.about_action = self._action(self.tr("&About kehu"), self.about, None, "aboutAction")
        self.export_actions = self._export_actions()
        self.export_xlsx_action = self.export_actions[(export_kinds.XLSX, "list")]
        self.export_cards_xlsx_action = self.export_actions[(export_kinds.XLSX, "card")]
        self._build_menus()
        self._build_toolbar()

    def _export_actions(self) -> dict[tuple[str, str], QAction]:
        """An action per Excel (format, kind) the export registry offers in the menu; every
        PDF is printed from the one Print… dialog (`print_action`, Ctrl+P)."""
        actions: dict[tuple[str, str], QAction] = {}
        for kind in export_kinds.kinds():
            for fmt in kind.formats:
                text = kind.menu_text(fmt, self.session.lang)
                if text is None or fmt == export_kinds.PDF:
                    continue
                if fmt == export_kinds.XLSX:
                    slot = lambda _checked=False, k=kind.name: self.export_xlsx(k)  # noqa: E731
                    name = f"export_xlsx_{kind.name}"
                else:
                    slot = lambda _checked=False, k=kind.name: self.print_kind(k)  # noqa: E731
                    name = f"print_pdf_{kind.name}"
                actions[(fmt, kind.name)] = self._action(text, slot, None, name)
        return actions

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.save_action)
        file_menu.addSeparator()
        file_menu.addAction(self.print_action)  # then the registry's other prints and exports
        for wanted in (export_kinds.PDF, export_kinds.XLSX):
            for (fmt, _kind), action in self.export_actions.items():
                if fmt == wanted:
                    file_menu.addAction(action)
            file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        for action in (
            self.undo_action,
            self.find_action,
            self.classify_action,
            self.archive_action,
            self.duplicates_action,
        ):
            edit_menu.addAction(action)
        view_menu = bar.addMenu(self.tr("&View"))
        for action in (self.refresh_action, self.open_window_action, self.close_card_action):
            view_menu.addAction(action)
        self._build_office_menu(bar)  # kehu.ui.window.office
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Main toolbar"), self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.addAction(self.new_action)
        toolbar.addAction(self.save_action)
        toolbar.addAction(self.print_action)
        toolbar.addAction(self.refresh_action)
        toolbar.addSeparator()
        toolbar.addWidget(self.search_box)
        toolbar.addWidget(self.archived_box)
        toolbar.addWidget(self.completeness_filter)
        self.addToolBar(toolbar)

    def open_duplicates(self) -> None:
        from kehu.ui.dialogs.duplicates_dialog import open_duplicates

        self.duplicates_dialog = open_duplicates(self)

    def about(self) -> None:
        box, licences_button = self._about_box()
        box.exec()
        if box.clickedButton() is licences_button:
            self.show_licences()

    def _about_box(self) -> tuple[QMessageBox, QPushButton]:
        from kehu import __version__
        from kehu.ui.dialogs.licences_dialog import about_details

        box = QMessageBox(self)
        box.setWindowTitle(self.tr("About kehu"))
        box.setIconPixmap(self.windowIcon().pixmap(64, 64))
        box.setText(
            self.tr(
                "kehu %1 — client records for small businesses.\n\n"
                "Anyone who can open the database file can read it; per-user visibility "
                "is a convenience, not a lock."
            ).replace("%1", __version__)
            + "\n\n"
            + about_details()
        )
        licences_button = box.addButton(self.tr("Licences…"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        return box, licences_button

    def show_licences(self) -> None:
        from kehu.ui.dialogs.licences_dialog import LicencesDialog

        LicencesDialog(self).exec()


__all__ = ["WindowMenus"]
