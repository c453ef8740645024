"""The search box: results as you type (lightly debounced), Esc clears, Down goes to the list."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

DEBOUNCE_MS = 15


class SearchBox(QLineEdit):
    search_changed = Signal(str)  # the text to search for ("" = no search)
    down_pressed = Signal()  # Down or PageDown: the user wants to move into the results

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchBox")
        self.setClearButtonEnabled(True)
        self.setPlaceholderText(
            self.tr("Search: name, pinyin initials, code, phone, credit code, contact (Ctrl+F)")
        )
        self.setAccessibleName(self.tr("Search customers"))
        self.setMinimumWidth(360)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._emit)
        self.textChanged.connect(lambda _text: self._timer.start())
        self._last = ""

    def _emit(self) -> None:
        text = self.text().strip()
        if text != self._last:
            self._last = text
            self.search_changed.emit(text)

    def flush(self) -> None:
        """Emit now instead of after the debounce (tests, Enter)."""
        self._timer.stop()
        self._emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
            self.flush()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.flush()
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown):
            self.flush()
            self.down_pressed.emit()
            return
        super().keyPressEvent(event)
