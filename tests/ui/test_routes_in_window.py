"""Routes from the window (issue 14, point 1): Add to route… on the list, dragging over the
Routes tab opens it, remove a stop, regions new (parent asked) / rename / move / delete,
the customer 区域 tree follows, and the routes view prints a route's sheet."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from kehu.services import routes
from kehu.ui.dialogs.print_dialog import PrintDialog
from kehu.ui.models.customer_table import CUSTOMER_IDS_MIME
from kehu.ui.routes.add_to_route import AddToRouteDialog
from kehu.ui.routes.region_actions import RegionDialog
from kehu.ui.routes.route_tree import IdRole, KindRole


@pytest.fixture
def route(customers, user):
    region = routes.add_region("西南", user)
    return routes.create_route(user, "渝中一线", region_id=region, salesperson_id=user.id)


def answer(dialog_class, fill):
    def exec_(dialog) -> int:
        fill(dialog)
        dialog.accept()
        return QDialog.DialogCode.Accepted

    return exec_


def select_ids(window, ids):
    window.list_view.clearSelection()
    for cid in ids:
        row = window.model.row_of(cid)
        window.list_view.selectionModel().select(
            window.model.index(row, 0),
            window.list_view.selectionModel().SelectionFlag.Select
            | window.list_view.selectionModel().SelectionFlag.Rows,
        )


def tree_index(view, kind, ident):
    return view.tree_model.find(kind, ident)


def test_add_to_route_from_the_list_menu(qtbot, customers, route, window, monkeypatch):
    select_ids(window, [customers["cq"], customers["bj"]])
    assert window.route_views.add_to_route_action in window.list_view.actions()
    monkeypatch.setattr(
        AddToRouteDialog,
        "exec",
        answer(AddToRouteDialog, lambda d: d.route.setCurrentIndex(d.route.findData(route))),
    )
    window.route_views.add_to_route_action.trigger()
    assert set(routes.stop_order(route)) == {customers["cq"], customers["bj"]}
    view = window.route_views.routes_view
    window.views.setCurrentWidget(view)
    assert view.current_route_id() == route and view.stops_model.rowCount() == 2
    assert "渝中一线" in window.statusBar().currentMessage()


def test_dragging_customers_over_the_routes_tab_opens_it(qtbot, customers, window):
    bar = window.views.tabBar()
    routes_tab = window.views.indexOf(window.route_views.routes_view)
    assert window.views.currentIndex() != routes_tab
    mime = QMimeData()
    mime.setData(CUSTOMER_IDS_MIME, str(customers["bj"]).encode())
    point = bar.tabRect(routes_tab).center()
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(point, actions, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(bar, enter)
    move = QDragMoveEvent(point, actions, mime, Qt.MouseButton.LeftButton,
                          Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(bar, move)
    qtbot.waitUntil(lambda: window.views.currentIndex() == routes_tab, timeout=5_000)


def test_remove_a_stop_from_the_stops_menu(qtbot, customers, route, user, window):
    routes.add_stops(route, [customers["cq"], customers["bj"]], user)
    view = window.route_views.routes_view
    window.views.setCurrentWidget(view)
    view.select_route(route)
    view.table.selectRow(0)
    assert view.remove_stops_action in view.table.actions()
    view.remove_stops_action.trigger()
    assert routes.stop_order(route) == [customers["bj"]]
    assert view.stops_model.rowCount() == 1


def test_new_region_asks_for_its_parent_and_the_customer_tree_follows(
    qtbot, customers, route, window, monkeypatch, loaded
):
    view = window.route_views.routes_view
    window.views.setCurrentWidget(view)
    parent_id = next(r for r, _p, n in routes.regions() if n == "西南")
    view.tree.setCurrentIndex(tree_index(view, "route", route))  # inside 西南…

    def top_level(dialog: RegionDialog):
        assert dialog.chosen_parent() == parent_id  # …is proposed, and can be changed
        dialog.name.setText("华东")
        dialog.parent_box.setCurrentIndex(dialog.parent_box.findData(None))

    monkeypatch.setattr(RegionDialog, "exec", answer(RegionDialog, top_level))
    view.new_region_action.trigger()
    added = {n: p for _r, p, n in routes.regions()}
    assert added["华东"] is None
    loaded(window)
    names = _category_tree_names(window)
    assert "华东" in names


def _category_tree_names(window) -> list[str]:
    model = window.categories.model
    found = []

    def walk(parent):
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            found.append(str(index.data()).split(" (")[0].split("（")[0].strip())
            walk(index)

    from PySide6.QtCore import QModelIndex

    walk(QModelIndex())
    return found


def test_rename_move_and_delete_a_region(qtbot, customers, route, user, window, monkeypatch):
    view = window.route_views.routes_view
    window.views.setCurrentWidget(view)
    west = next(r for r, _p, n in routes.regions() if n == "西南")
    east = routes.add_region("华东", user)
    view.refresh()
    view.tree.setCurrentIndex(tree_index(view, "region", west))
    assert view.rename_region_action.isEnabled()
    monkeypatch.setattr(
        RegionDialog, "exec", answer(RegionDialog, lambda d: d.name.setText("西南区"))
    )
    view.rename_region_action.trigger()
    assert {n for _r, _p, n in routes.regions()} == {"西南区", "华东"}
    # move 西南区 into 华东
    view.tree.setCurrentIndex(tree_index(view, "region", west))
    monkeypatch.setattr(
        RegionDialog,
        "exec",
        answer(RegionDialog, lambda d: d.parent_box.setCurrentIndex(d.parent_box.findData(east))),
    )
    view.move_region_action.trigger()
    assert dict((r, p) for r, p, _n in routes.regions())[west] == east
    # delete 西南区: its route goes to 华东 first
    view.tree.setCurrentIndex(tree_index(view, "region", west))
    monkeypatch.setattr(
        RegionDialog,
        "exec",
        answer(RegionDialog, lambda d: d.parent_box.setCurrentIndex(d.parent_box.findData(east))),
    )
    view.delete_region_action.trigger()
    assert [n for _r, _p, n in routes.regions()] == ["华东"]
    assert routes.get_route(route).region_id == east
    # the last region keeps its routes: nowhere else to put them, the user is told
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    view.tree.setCurrentIndex(tree_index(view, "region", east))
    view.delete_region_action.trigger()
    assert told and [n for _r, _p, n in routes.regions()] == ["华东"]
    # an empty region goes after a question
    north = routes.add_region("华北", user)
    view.refresh()
    view.tree.setCurrentIndex(tree_index(view, "region", north))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    view.delete_region_action.trigger()
    assert [n for _r, _p, n in routes.regions()] == ["华东"]


def test_the_routes_view_prints_the_route_sheet(qtbot, customers, route, user, window, monkeypatch):
    routes.add_stops(route, [customers["cq"]], user)
    view = window.route_views.routes_view
    window.views.setCurrentWidget(view)
    view.select_route(route)
    shown = []

    def look(dialog: PrintDialog) -> int:
        shown.append((dialog.document().key, dialog.route.currentData()))
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(PrintDialog, "exec", look)
    assert view.print_route_action.isEnabled()
    view.print_route_action.trigger()
    assert shown == [("route", route)]


def test_region_items_are_regions(customers, route, window):
    view = window.route_views.routes_view
    window.views.setCurrentWidget(view)
    index = view.tree_model.index(0, 0)
    assert index.data(KindRole) == "region" and index.data(IdRole) is not None
