"""Keyboard paths and accessible names of the main window.

Down or PageDown in the search box moves into the list, Escape in the list goes back to the
search; Enter, keypad Enter, Space and F2 on a row open its card (`CustomerListView`); Tab
goes search → list → card → classification trees. Every control a user can reach has an
accessible name (screen readers, and the tests that walk the window).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QCheckBox, QTabWidget

    from kehu.ui.widgets.category_panel import CategoryPanel
    from kehu.ui.widgets.customer_list import CustomerListView
    from kehu.ui.widgets.search_box import SearchBox


class WindowKeyboard:
    """Mixin of the main window: `_wire_keyboard()` once the widgets exist."""

    search_box: SearchBox
    list_view: CustomerListView
    cards: QTabWidget
    categories: CategoryPanel
    archived_box: QCheckBox

    def _wire_keyboard(self) -> None:
        self.search_box.down_pressed.connect(self.list_view.enter_from_search)
        self.list_view.escape_pressed.connect(self.focus_search)
        self.setTabOrder(self.search_box, self.list_view)
        self.setTabOrder(self.list_view, self.cards)
        self.setTabOrder(self.cards, self.categories.view)
        self.setTabOrder(self.categories.view, self.archived_box)
        self.categories.view.setAccessibleName(self.tr("Classification trees"))
        self.cards.setAccessibleName(self.tr("Open cards"))
        self.views.setAccessibleName(self.tr("Views"))

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()


def unnamed_controls(root: QWidget) -> list[QWidget]:
    """The visible controls under `root` a user can reach by keyboard that have no
    accessible name (nor a text of their own a screen reader would read)."""
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if isinstance(widget, QLabel):
            continue
        if widget.accessibleName():
            continue
        if isinstance(widget, QAbstractButton) and (widget.text() or widget.toolTip()):
            continue
        if widget.objectName().startswith("qt_") or type(widget).__name__ in _INNER:
            continue
        found.append(widget)
    return found


# parts of composite Qt widgets that take focus inside a named parent
_INNER = {"QScrollBar", "QTabBar", "QToolButton", "QHeaderView", "QScrollArea", "QSplitterHandle"}


__all__ = ["WindowKeyboard", "unnamed_controls"]
