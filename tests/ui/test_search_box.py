"""The search box filters the list as you type (pinyin aware); Esc clears."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_typing_filters_the_list_and_escape_clears(qtbot, customers, window, loaded):
    box = window.search_box
    qtbot.keyClicks(box, "bjhd")  # pinyin initials of 北京海淀
    qtbot.waitUntil(lambda: window.model.spec.search == "bjhd")
    loaded(window)
    assert list(window.model.ids()) == [customers["bj"]]
    box.setText("重庆")  # Chinese text: set, not typed (keyClicks cannot type it)
    box.flush()
    loaded(window)
    assert list(window.model.ids()) == [customers["cq"]]
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    loaded(window)
    assert box.text() == ""
    assert len(window.model.ids()) == 5
