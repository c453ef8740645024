"""Edit → Settings… (language saved, PDF font with preview, cards in own window, default
paper) and Help → Manual / F1 (issue 14, points 5 and 6)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel

from kehu.ui import settings, translations
from kehu.ui.dialogs.help_window import HelpWindow, manual_text
from kehu.ui.dialogs.settings_dialog import SettingsDialog, chinese_truetype_fonts


def accept_with(fill):
    def exec_(dialog: SettingsDialog) -> int:
        fill(dialog)
        dialog.buttons.accepted.emit()
        return dialog.result()

    return exec_


def test_settings_are_saved_and_read_at_the_next_start(qtbot, window, monkeypatch):
    def choose(dialog: SettingsDialog):
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        assert dialog.language_note.isVisibleTo(dialog)  # says when it applies
        dialog.own_window.setChecked(True)
        dialog.size.setCurrentIndex(dialog.size.findData("A5"))

    monkeypatch.setattr(SettingsDialog, "exec", accept_with(choose))
    window.settings_action.trigger()
    assert settings.get(settings.LANGUAGE) == "en"
    assert translations.choose_language(None) == "en"  # the next start's language
    assert settings.get(settings.CARDS_IN_WINDOWS) is True
    assert settings.get(settings.PRINT_SIZE) == "A5"
    assert "next start" in window.statusBar().currentMessage() or "下次" in (
        window.statusBar().currentMessage()
    )


def test_cards_in_own_window_from_the_settings(qtbot, customers, window, monkeypatch):
    monkeypatch.setattr(
        SettingsDialog, "exec", accept_with(lambda d: d.own_window.setChecked(True))
    )
    window.settings_action.trigger()
    card = window.open_card(customers["bj"])
    assert window.card_windows and window.card_windows[0].card is card
    assert window.cards.count() == 0


def test_the_default_paper_is_the_print_dialogs(qtbot, customers, window):
    settings.put(settings.PRINT_SIZE, "A5")
    dialog = window.make_print_dialog("card")
    qtbot.addWidget(dialog)
    assert dialog.size.currentData() == "A5"


def test_pdf_font_lists_chinese_truetype_fonts_with_a_preview(qtbot, tmp_path, monkeypatch):
    found = chinese_truetype_fonts()
    assert all(Path(spec.split("#")[0]).suffix.lower() in (".ttf", ".ttc") for spec in found)
    dialog = SettingsDialog(fonts=found)
    qtbot.addWidget(dialog)
    assert dialog.font.count() == len(found) + 1  # and "found automatically"
    if found:
        dialog.font.setCurrentIndex(1)
        assert dialog.preview.font().family() not in ("", QApplication.font().family()) or (
            dialog.preview.toolTip() == found[0]
        )
        dialog._on_accept()
        assert settings.get(settings.PDF_FONT) == found[0]


def test_backups_can_add_a_section(qtbot):
    dialog = SettingsDialog(fonts=[])
    qtbot.addWidget(dialog)
    box = dialog.add_section("Backups", QLabel("every day"))
    assert box.parent() is dialog and box.title() == "Backups"


def test_f1_opens_the_manual_in_the_users_language(qtbot, window):
    window.activateWindow()
    window.help_action.trigger()
    assert isinstance(window.help_window, HelpWindow) and window.help_window.isVisible()
    text = window.help_window.browser.toPlainText()
    assert "拼音" in text and "路线" in text and "共享" in text
    assert window.help_action.shortcut().toString() == "F1"
    window.help_window.close()


def test_the_manual_covers_every_topic_in_both_languages():
    zh, en = manual_text("zh_CN"), manual_text("en")
    for topic in (
        "第一次启动",
        "搜索",
        "档案卡",
        "分类",
        "路线",
        "客户关怀",
        "导入",
        "打印",
        "共用",
    ):
        assert topic in zh
    for topic in ("First start", "Search", "card", "Classification", "Routes", "Care", "Imports",
                  "Printing", "Sharing a file"):  # fmt: skip
        assert topic in en


def test_the_language_applies_at_the_next_start_and_the_dialog_says_so(qtbot, window):
    """Qt retranslates only widgets that rebuild their texts on LanguageChange, which kehu's
    do not: a new language shows from the next start, and the dialog and status bar say so
    in the language on screen."""
    dialog = SettingsDialog([], window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.language_note.isVisible()  # nothing to say yet
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert dialog.language_note.isVisible()
    assert dialog.language_note.text() == "新的语言将在下次启动时生效。"
    dialog.language.setCurrentIndex(dialog.language.findData(""))  # back to what is stored
    assert not dialog.language_note.isVisible()
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.buttons.accepted.emit()
    assert settings.get(settings.LANGUAGE) == "en"
    assert window.menuBar().actions()[0].text().startswith("文件")  # this window stays Chinese
