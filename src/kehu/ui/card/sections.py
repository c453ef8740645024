"""The card's sections as a list at the left and one page beside it (instead of ten tabs
squeezed behind scroll arrows): every section name stays readable at any card width.

`CardSections` keeps the small part of QTabWidget's API the card and its parts use
(`addTab`, `insertTab`, `count`, `widget`, `indexOf`, `tabText`, `setCurrentIndex`,
`currentIndex`, `currentWidget`, `currentChanged`), so a new section is one `addTab` call."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QStackedWidget, QWidget


class CardSections(QWidget):
    currentChanged = Signal(int)  # noqa: N815 (QTabWidget's name)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget(self)
        self.list.setObjectName("cardSectionList")
        self.list.setAccessibleName(self.tr("Card sections"))
        self.list.setUniformItemSizes(True)
        self.stack = QStackedWidget(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.list)
        layout.addWidget(self.stack, 1)
        self.list.currentRowChanged.connect(self._on_row)

    def addTab(self, page: QWidget, text: str) -> int:  # noqa: N802
        return self.insertTab(self.count(), page, text)

    def insertTab(self, index: int, page: QWidget, text: str) -> int:  # noqa: N802
        index = max(0, min(index, self.count()))
        self.stack.insertWidget(index, page)
        self.list.insertItem(index, text)
        if self.list.currentRow() < 0:
            self.list.setCurrentRow(0)
        self._fit_list()
        return index

    def _fit_list(self) -> None:
        width = max(self.list.sizeHintForColumn(0), 60)
        self.list.setFixedWidth(width + 2 * self.list.frameWidth() + 12)

    def count(self) -> int:
        return self.stack.count()

    def widget(self, index: int) -> QWidget | None:
        return self.stack.widget(index)

    def indexOf(self, page: QWidget) -> int:  # noqa: N802
        return self.stack.indexOf(page)

    def tabText(self, index: int) -> str:  # noqa: N802
        item = self.list.item(index)
        return item.text() if item is not None else ""

    def setTabText(self, index: int, text: str) -> None:  # noqa: N802
        item = self.list.item(index)
        if item is not None:
            item.setText(text)
            self._fit_list()

    def currentIndex(self) -> int:  # noqa: N802
        return self.stack.currentIndex()

    def currentWidget(self) -> QWidget | None:  # noqa: N802
        return self.stack.currentWidget()

    def setCurrentIndex(self, index: int) -> None:  # noqa: N802
        self.list.setCurrentRow(index)

    def setCurrentWidget(self, page: QWidget) -> None:  # noqa: N802
        self.setCurrentIndex(self.indexOf(page))

    def _on_row(self, row: int) -> None:
        if 0 <= row < self.stack.count():
            self.stack.setCurrentIndex(row)
            self.currentChanged.emit(row)


__all__ = ["CardSections"]
