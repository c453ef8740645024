"""Help → About names the version, licence and the Python/Qt/PySide6 underneath, and opens
the licences (kehu's own, the components, their texts)."""

from __future__ import annotations

import platform

import PySide6
from PySide6.QtCore import QTimer, qVersion

from kehu import __version__, identity
from kehu.ui.dialogs.licences_dialog import LicencesDialog


def test_about_names_versions_and_licence_and_opens_the_licences(window, qtbot, monkeypatch):
    box, licences_button = window._about_box()
    text = box.text()
    assert f"kehu {__version__}" in text
    assert identity.LICENCE in text
    assert f"Python {platform.python_version()}" in text
    assert f"Qt {qVersion()}" in text and f"PySide6 {PySide6.__version__}" in text
    assert licences_button.text() == "许可证…"
    box.deleteLater()

    opened = []
    monkeypatch.setattr(LicencesDialog, "exec", lambda dialog: opened.append(dialog) or 0)
    QTimer.singleShot(0, lambda: _click_licences(window))
    window.about()
    assert len(opened) == 1


def _click_licences(window) -> None:
    from PySide6.QtWidgets import QMessageBox

    for box in window.findChildren(QMessageBox):
        if box.isVisible():
            for button in box.buttons():
                if button.text() == "许可证…":
                    button.click()


def test_the_licences_dialog_lists_components_and_shows_the_texts(qtbot):
    dialog = LicencesDialog()
    qtbot.addWidget(dialog)
    assert dialog.tabs.count() == 3
    names = [dialog.components.item(row, 0).text() for row in range(dialog.components.rowCount())]
    assert "PySide6_Essentials" in names and "reportlab" in names
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in dialog.notices.toPlainText()
