"""What a user would see cut off: texts wider than the widget that shows them."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QDateEdit,
    QLabel,
    QListWidget,
    QPushButton,
    QRadioButton,
    QTabBar,
    QWidget,
)

INDICATOR = 22  # the box or circle of a check box / radio button, with its spacing
BUTTON_PADDING = 8


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def elided(root: QWidget) -> list[str]:
    """Every visible text under `root` that does not fit its widget, as "text (need > have)"."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        metrics = widget.fontMetrics()
        if isinstance(widget, QLabel) and widget.text() and not widget.wordWrap():
            if widget.pixmap() is not None and not widget.pixmap().isNull():
                continue
            need = max(metrics.horizontalAdvance(line) for line in widget.text().split("\n"))
            have = widget.contentsRect().width()
            if need > have:
                found.append(f"{widget.text()!r} ({need} > {have})")
        elif isinstance(widget, (QCheckBox, QRadioButton)) and widget.text():
            need = metrics.horizontalAdvance(_plain(widget.text())) + INDICATOR
            if need > widget.width():
                found.append(f"{widget.text()!r} ({need} > {widget.width()})")
        elif isinstance(widget, QPushButton) and widget.text():
            need = metrics.horizontalAdvance(_plain(widget.text())) + BUTTON_PADDING
            if need > widget.width():
                found.append(f"{widget.text()!r} ({need} > {widget.width()})")
        elif isinstance(widget, QDateEdit):
            text = widget.text()
            need = metrics.horizontalAdvance(text) + 20  # the arrow or spin buttons
            if need > widget.width():
                found.append(f"{text!r} ({need} > {widget.width()})")
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                rect = widget.tabRect(index)
                visible = widget.rect().intersected(rect).width()
                if visible < rect.width():
                    found.append(f"tab {widget.tabText(index)!r} behind the scroll arrows")
        elif isinstance(widget, QListWidget) and widget.objectName() == "cardSectionList":
            width = widget.viewport().width()
            for row in range(widget.count()):
                text = widget.item(row).text()
                if metrics.horizontalAdvance(text) + 6 > width:
                    found.append(f"section {text!r} ({width} wide)")
        if (
            isinstance(widget, QAbstractButton)
            and widget.height() < widget.minimumSizeHint().height()
        ):
            found.append(f"{widget.text()!r} squeezed to {widget.height()} px high")
    return found


def overflowing_cells(table) -> list[str]:
    """Cell widgets taller than their row (radio buttons spilling into the next row)."""
    found = []
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            cell = table.cellWidget(row, column)
            if cell is not None and cell.sizeHint().height() > table.rowHeight(row):
                found.append(f"row {row}: {cell.sizeHint().height()} > {table.rowHeight(row)}")
    return found
