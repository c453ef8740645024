"""Help → Manual (F1): the short manual shipped in the package, in the UI's language."""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from kehu.core.i18n import normalise


def manual_text(lang: str) -> str:
    """The manual (Markdown) in `lang`, English when there is none in it."""
    folder = resources.files("kehu").joinpath("resources", "help")
    for name in (f"manual.{normalise(lang)}.md", "manual.en.md"):
        path = folder.joinpath(name)
        if path.is_file():
            return path.read_text(encoding="utf-8")
    return ""


class HelpWindow(QWidget):
    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("helpWindow")
        self.setWindowTitle(self.tr("kehu manual"))
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("helpText")
        self.browser.setAccessibleName(self.tr("Manual"))
        self.browser.setOpenExternalLinks(True)
        self.browser.setMarkdown(manual_text(lang))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self.resize(760, 820)


__all__ = ["HelpWindow", "manual_text"]
