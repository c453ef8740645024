"""Clicking the 客户名称 header orders the list by pinyin (issue 14 point 9), and the search
box ranks the common reading of a polyphone first."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from kehu.services import dossiers

NAMES = ("上海浦东贸易", "北京海淀科技", "盛世华联", "安徽合肥商行", "长沙湘江贸易", "重庆渝中五金")
PINYIN = [
    "安徽合肥商行",
    "北京海淀科技",
    "长沙湘江贸易",
    "重庆渝中五金",
    "上海浦东贸易",
    "盛世华联",
]


def _click_header(qtbot, view, column: int) -> None:
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )


def _names(window) -> list[str]:
    column = window.model.columns.index("name")
    return [window.model.index(r, column).data() for r in range(window.model.rowCount())]


def test_clicking_the_name_header_sorts_by_pinyin(qtbot, workspace, user, window, loaded):
    for name in NAMES:
        dossiers.create({"name": name}, user)
    window.refresh()
    loaded(window)
    column = window.model.columns.index("name")
    assert (
        window.model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        == "客户名称"
    )
    _click_header(qtbot, window.list_view, column)
    loaded(window)
    if window.model.spec.descending:  # the header may start at either order: click again
        _click_header(qtbot, window.list_view, column)
        loaded(window)
    assert window.model.spec.sort == "name" and not window.model.spec.descending
    assert _names(window) == PINYIN  # not Unicode's 上海… first
    _click_header(qtbot, window.list_view, column)
    loaded(window)
    assert window.model.spec.descending
    assert _names(window) == PINYIN[::-1]


def test_typing_initials_ranks_the_common_reading_first(qtbot, workspace, user, window, loaded):
    rare = dossiers.create({"name": "盛世华联"}, user)  # shèng shì; chéng shì is rare
    common = dossiers.create({"name": "长沙湘江贸易"}, user)
    window.refresh()
    loaded(window)
    window.search_box.setText("cs")
    qtbot.waitUntil(lambda: window.model.spec.search == "cs" and not window.model.is_loading)
    ids = list(window.model.ids())
    assert ids.index(common) < ids.index(rare)
