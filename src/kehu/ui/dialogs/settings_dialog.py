"""Edit → Settings…: the user's settings (declared once in `kehu.ui.settings`).

Language (saved; the texts already on screen change at the next start, which the dialog
says), the PDF font (the Chinese TrueType fonts found on this computer, or a file chosen,
with a preview), cards in their own window, the default paper of printed cards. Other
parts of the application add their own section with `add_section` (backups, for one).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kehu.ui import settings

PREVIEW_TEXT = "客户档案 长沙星城商行 ABC 123 ¥1,234.00"


def chinese_truetype_fonts() -> list[str]:
    """The font specs (path, `#face` for a collection's other faces) of the Chinese
    TrueType fonts of this computer, best first (reportlab embeds only TrueType)."""
    from kehu.exchange import fonts  # reportlab: only when the dialog is opened

    found: list[str] = []
    for path, face in [*fonts.system_candidates(), *fonts.fontconfig_candidates()]:
        spec = f"{path}#{face}" if face else str(path)
        if spec not in found and Path(path).is_file():
            found.append(spec)
    return found


class SettingsDialog(QDialog):
    def __init__(self, fonts: list[str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.language_changed = False
        layout = QVBoxLayout(self)
        self.sections = layout
        self._build_general()
        self._build_printing(chinese_truetype_fonts() if fonts is None else fonts)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def add_section(self, title: str, body: QWidget) -> QGroupBox:
        """A titled section of its own (e.g. automatic backups), above the buttons; the
        section saves itself when `accepted` is emitted."""
        box = QGroupBox(title, self)
        inner = QVBoxLayout(box)
        inner.addWidget(body)
        self.sections.insertWidget(self.sections.count() - 2, box)
        return box

    def _row(self, form: QFormLayout, label: str, widget: QWidget, name: str) -> None:
        widget.setObjectName(name)
        caption = QLabel(label)
        caption.setBuddy(widget)
        widget.setAccessibleName(label.rstrip(":："))
        form.addRow(caption, widget)

    def _build_general(self) -> None:
        box = QGroupBox(self.tr("General"), self)
        form = QFormLayout(box)
        self.language = QComboBox()
        self.language.addItem(self.tr("As the system"), "")
        self.language.addItem("中文（简体）", "zh_CN")
        self.language.addItem("English", "en")
        stored = str(settings.get(settings.LANGUAGE))
        self.language.setCurrentIndex(max(self.language.findData(stored), 0))
        self._row(form, self.tr("Language:"), self.language, "settingLanguage")
        self.language_note = QLabel(self.tr("The new language shows from the next start."))
        self.language_note.setObjectName("languageNote")
        self.language_note.setWordWrap(True)
        self.language_note.setVisible(False)
        form.addRow("", self.language_note)
        self.language.currentIndexChanged.connect(
            lambda _i: self.language_note.setVisible(self.language.currentData() != stored)
        )
        self.own_window = QCheckBox(self.tr("Open cards in their own window"))
        self.own_window.setChecked(bool(settings.get(settings.CARDS_IN_WINDOWS)))
        self._row(form, self.tr("Cards:"), self.own_window, "settingOwnWindow")
        self.sections.addWidget(box)

    def _build_printing(self, fonts: list[str]) -> None:
        box = QGroupBox(self.tr("Printing"), self)
        form = QFormLayout(box)
        self.size = QComboBox()
        self.size.addItem(self.tr("A4 (one card per page)"), "A4")
        self.size.addItem(self.tr("A5 (compact)"), "A5")
        self.size.setCurrentIndex(
            max(self.size.findData(str(settings.get(settings.PRINT_SIZE))), 0)
        )
        self._row(form, self.tr("Card paper:"), self.size, "settingPrintSize")
        row = QHBoxLayout()
        self.font = QComboBox()
        self.font.setObjectName("settingPdfFont")
        self.font.setAccessibleName(self.tr("PDF font"))
        self.font.addItem(self.tr("Found automatically"), "")
        for spec in fonts:
            self.font.addItem(Path(spec.split("#")[0]).name + _face(spec), spec)
        stored = str(settings.get(settings.PDF_FONT))
        if stored and self.font.findData(stored) < 0:
            self.font.addItem(Path(stored.split("#")[0]).name + _face(stored), stored)
        self.font.setCurrentIndex(max(self.font.findData(stored), 0))
        self.browse = QPushButton(self.tr("Choose file…"))
        self.browse.setObjectName("settingFontBrowse")
        self.browse.clicked.connect(self._on_browse)
        row.addWidget(self.font, 1)
        row.addWidget(self.browse)
        caption = QLabel(self.tr("PDF font:"))
        caption.setBuddy(self.font)
        form.addRow(caption, row)
        self.preview = QLabel(PREVIEW_TEXT)
        self.preview.setObjectName("fontPreview")
        self.preview.setMinimumHeight(36)
        form.addRow(self.tr("Preview:"), self.preview)
        self.font_note = QLabel(
            self.tr(
                "Only TrueType fonts (.ttf, .ttc) can be embedded in a PDF; "
                "the found ones cover Chinese."
            )
        )
        self.font_note.setWordWrap(True)
        form.addRow("", self.font_note)
        self.font.currentIndexChanged.connect(lambda _i: self._show_preview())
        self._show_preview()
        self.sections.addWidget(box)

    def _on_browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("PDF font"), "", self.tr("TrueType fonts (*.ttf *.ttc)")
        )
        if not path:
            return
        if self.font.findData(path) < 0:
            self.font.addItem(Path(path).name, path)
        self.font.setCurrentIndex(self.font.findData(path))

    def _show_preview(self) -> None:
        spec = str(self.font.currentData() or "")
        family = preview_family(spec) if spec else ""
        font = QFont(family) if family else QFont()
        font.setPointSize(13)
        self.preview.setFont(font)
        self.preview.setToolTip(spec or self.tr("The first Chinese font found"))

    def _on_accept(self) -> None:
        language = str(self.language.currentData())
        self.language_changed = language != str(settings.get(settings.LANGUAGE))
        settings.put(settings.LANGUAGE, language)
        settings.put(settings.CARDS_IN_WINDOWS, self.own_window.isChecked())
        settings.put(settings.PRINT_SIZE, str(self.size.currentData()))
        settings.put(settings.PDF_FONT, str(self.font.currentData() or ""))
        self.accept()


def _face(spec: str) -> str:
    return f" #{spec.split('#')[1]}" if "#" in spec else ""


_families: dict[str, str] = {}


def preview_family(spec: str) -> str:
    """The Qt family of a font file (loaded once), for the preview."""
    if spec not in _families:
        path, _, face = spec.partition("#")
        font_id = QFontDatabase.addApplicationFont(path)
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        index = int(face) if face.isdigit() else 0
        _families[spec] = families[min(index, len(families) - 1)] if families else ""
    return _families[spec]


__all__ = ["SettingsDialog", "chinese_truetype_fonts"]
