"""Keyboard paths in the main window (issue 14, point 3): Enter/keypad Enter/Space/F2 open
the card, Down leaves the search box for the list, Escape goes back, Tab order, names."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kehu.ui.window.keyboard import unnamed_controls


def _select_first(qtbot, window):
    window.list_view.setFocus()
    window.list_view.setCurrentIndex(window.model.index(0, 0))
    window.list_view.selectRow(0)
    return window.list_view.current_id()


@pytest.mark.parametrize(
    ("key", "modifier"),
    [
        (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier),
        (Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_F2, Qt.KeyboardModifier.NoModifier),
    ],
)
def test_a_key_on_a_list_row_opens_its_card(qtbot, customers, window, key, modifier):
    customer_id = _select_first(qtbot, window)
    qtbot.keyClick(window.list_view, key, modifier)
    card = window.current_card()
    assert card is not None and card.customer_id == customer_id


def test_down_in_the_search_moves_into_the_list_and_escape_comes_back(
    qtbot, customers, window, loaded
):
    window.focus_search()
    window.search_box.setText("有限公司")
    window.search_box.flush()
    loaded(window)
    qtbot.keyClick(window.search_box, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is window.list_view
    assert window.list_view.current_id() is not None
    qtbot.keyClick(window.list_view, Qt.Key.Key_Return)
    assert window.current_card().customer_id in customers.values()
    window.list_view.setFocus()
    qtbot.keyClick(window.list_view, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is window.search_box


def test_page_down_in_the_search_moves_into_the_list(qtbot, customers, window):
    window.focus_search()
    qtbot.keyClick(window.search_box, Qt.Key.Key_PageDown)
    assert QApplication.focusWidget() is window.list_view


def test_tab_goes_from_search_to_list_to_card(qtbot, customers, window):
    _select_first(qtbot, window)
    qtbot.keyClick(window.list_view, Qt.Key.Key_Return)
    window.focus_search()
    assert window.search_box.nextInFocusChain() is not None
    window.search_box.focusNextChild()
    assert QApplication.focusWidget() is window.list_view
    window.list_view.focusNextChild()
    focused = QApplication.focusWidget()
    assert window.cards.isAncestorOf(focused) or focused is window.cards


def test_every_reachable_control_has_an_accessible_name(qtbot, customers, window):
    _select_first(qtbot, window)
    qtbot.keyClick(window.list_view, Qt.Key.Key_Return)
    card = window.current_card()
    missing = {f"{type(w).__name__}#{w.objectName()}" for w in unnamed_controls(window)}
    for index in range(card.tabs.count()):  # every section of the card in turn
        card.tabs.setCurrentIndex(index)
        missing |= {f"{type(w).__name__}#{w.objectName()}" for w in unnamed_controls(card)}
    assert sorted(missing) == [], sorted(missing)
    assert window.search_box.accessibleName()
    assert window.list_view.accessibleName()
    assert window.categories.view.accessibleName()
    assert card.editors["name"].input.accessibleName() == "客户名称"
