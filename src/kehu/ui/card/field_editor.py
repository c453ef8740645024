"""One editor per catalogue field, with its inline validation message."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from kehu.core.fields import FieldDef, Kind
from kehu.core.validation import Issue, check_value
from kehu.core.values import to_text

MASK = "••••••"
_ERROR_STYLE = "color: #b00020;"
_WARNING_STYLE = "color: #a15c00;"
_PLACEHOLDERS = {
    Kind.DATE: "2024-01-02",
    Kind.MONEY: "12,345.00",
    Kind.POSTAL_CODE: "100000",
    Kind.USCC: "91110000XXXXXXXXXX",
    Kind.MOBILE: "138 0000 0000",
}


def value_text(field: FieldDef, value: Any) -> str:
    """How a stored value is written in its editor (parsed back by kehu.core.values)."""
    if value is None:
        return ""
    return to_text(value) or ""


class FieldEditor(QWidget):
    """An input for one field plus a line that says what is wrong with it, as you type."""

    edited = Signal(str)  # field name

    def __init__(self, field: FieldDef, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.lang = lang
        self.issue: Issue | None = None
        self._masked = False
        self._hidden_value = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        self.input = self._make_input()
        self.input.setObjectName(f"field_{field.name}")
        self.input.setAccessibleName(field.label(lang))
        self.calendar_button: QToolButton | None = None
        if field.kind is Kind.DATE:
            row = QHBoxLayout()
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(self.input, 1)
            row.addWidget(self._calendar_button())
            layout.addLayout(row)
        else:
            layout.addWidget(self.input)
        self.message = QLabel(self)
        self.message.setObjectName(f"issue_{field.name}")
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)

    def _make_input(self) -> QWidget:
        kind = self.field.kind
        if kind is Kind.CHOICE:
            box = QComboBox(self)
            box.addItem("", None)
            for choice in self.field.choices:
                box.addItem(choice.label(self.lang), choice.value)
            box.currentIndexChanged.connect(lambda _i: self._changed())
            return box
        if kind is Kind.LONGTEXT:
            edit = QPlainTextEdit(self)
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(64)
            edit.textChanged.connect(self._changed)
            return edit
        line = QLineEdit(self)
        if self.field.max_length:
            line.setMaxLength(max(self.field.max_length * 2, 20))  # long input gets a message
        if kind in _PLACEHOLDERS:
            line.setPlaceholderText(_PLACEHOLDERS[kind])
        line.textChanged.connect(lambda _t: self._changed())
        return line

    def _calendar_button(self) -> QToolButton:
        """A button that opens a calendar; the chosen day is written as YYYY-MM-DD."""
        button = QToolButton(self)
        button.setObjectName(f"calendar_{self.field.name}")
        button.setText("▾")
        button.setToolTip(self.tr("Choose a date"))
        button.setAccessibleName(self.tr("Choose a date"))
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        self.calendar = QCalendarWidget(menu)
        self.calendar.setObjectName(f"calendarOf_{self.field.name}")
        self.calendar.setGridVisible(True)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.calendar)
        menu.addAction(holder)
        menu.aboutToShow.connect(self._calendar_to_text)
        self.calendar.clicked.connect(lambda day: (self.pick_date(day), menu.close()))
        button.setMenu(menu)
        self.calendar_button = button
        return button

    def _calendar_to_text(self) -> None:
        day = QDate.fromString(self.text().strip(), "yyyy-MM-dd")
        self.calendar.setSelectedDate(day if day.isValid() else QDate.currentDate())

    def pick_date(self, day: QDate) -> None:
        if not self._masked:
            self.input.setText(day.toString("yyyy-MM-dd"))  # textChanged: validated, edited

    # -- value
    def text(self) -> str:
        """The raw input ("" for empty); a masked field gives back its stored value."""
        if self._masked:
            return self._hidden_value
        widget = self.input
        if isinstance(widget, QComboBox):
            value = widget.currentData()
            return "" if value is None else str(value)
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        return widget.text()

    def set_text(self, text: str) -> None:
        widget = self.input
        widget.blockSignals(True)
        if isinstance(widget, QComboBox):
            position = widget.findData(text) if text else 0
            if position < 0:  # a value outside the catalogue (old data): keep it visible
                widget.addItem(text, text)
                position = widget.count() - 1
            widget.setCurrentIndex(position)
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(text)
        else:
            widget.setText(text)
        widget.blockSignals(False)
        self.validate()

    def set_value(self, value: Any) -> None:
        self.set_text(value_text(self.field, value))

    def set_masked(self, masked: bool) -> None:
        """Hide a sensitive value behind a mask; the stored value is kept unchanged."""
        if masked == self._masked:
            return
        if masked:
            self._hidden_value = self.text()
            self._masked = True  # first: the mask itself is not checked as a value
            self.set_text(MASK if self._hidden_value else "")
            self.input.setEnabled(False)
            if self.calendar_button is not None:
                self.calendar_button.setEnabled(False)
        else:
            self._masked = False
            self.set_text(self._hidden_value)
            self.input.setEnabled(True)
            if self.calendar_button is not None:
                self.calendar_button.setEnabled(True)

    @property
    def masked(self) -> bool:
        return self._masked

    # -- validation
    def _changed(self) -> None:
        if self._masked:
            return
        self.validate()
        self.edited.emit(self.field.name)

    def validate(self) -> Issue | None:
        self.issue = None if self._masked else check_value(self.field, self.text())
        if self.issue is None:
            self.message.hide()
            self.message.clear()
            self.input.setStyleSheet("")
        else:
            self.message.setText(self.issue.message(self.lang))
            style = _ERROR_STYLE if self.issue.is_error else _WARNING_STYLE
            self.message.setStyleSheet(style)
            self.message.show()
            border = "#b00020" if self.issue.is_error else "#a15c00"
            self.input.setStyleSheet(f"border: 1px solid {border};")
        return self.issue

    @property
    def has_error(self) -> bool:
        return self.issue is not None and self.issue.is_error
