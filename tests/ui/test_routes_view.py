"""The routes view with real widgets: drag and drop of stops and customers, route dialogs,
the proposed order, and the moving question."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from kehu.services import dossiers, routes
from kehu.ui.models.customer_table import encode_ids
from kehu.ui.operations import routes as route_operations
from kehu.ui.routes import RoutesView
from kehu.ui.routes.propose_dialog import ProposeOrderDialog
from kehu.ui.routes.route_dialog import RouteDialog
from kehu.ui.routes.stops_model import StopsModel


def drop(widget, mime, pos: QPoint, action=Qt.DropAction.MoveAction) -> bool:
    """What Qt delivers to a view during a drag: enter, move, drop at `pos`."""
    actions = Qt.DropAction.MoveAction | Qt.DropAction.CopyAction
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos, actions, mime, buttons, modifiers)
    enter.setDropAction(action)
    QApplication.sendEvent(widget, enter)
    move = QDragMoveEvent(pos, actions, mime, buttons, modifiers)
    move.setDropAction(action)
    QApplication.sendEvent(widget, move)
    if not move.isAccepted():
        return False
    event = QDropEvent(QPointF(pos), actions, mime, buttons, modifiers)
    event.setDropAction(action)
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def above_row(view, row: int) -> QPoint:
    rect = view.table.visualRect(view.stops_model.index(row, 1))
    return QPoint(rect.center().x(), rect.top() + 1)


def below_all(view) -> QPoint:
    return QPoint(10, view.table.viewport().height() - 3)


def names(view) -> list[str]:
    return [view.stops_model.stop_at(r).name for r in range(view.stops_model.rowCount())]


@pytest.fixture
def customers(workspace, user):
    return [
        dossiers.create({"name": f"客户{i}", "latitude": 31.0, "longitude": 121.0 + i * 0.01}, user)
        for i in range(5)
    ]


@pytest.fixture
def view(qtbot, workspace, user):
    widget = RoutesView(user)
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_stops_model_passes_the_model_tester(qtmodeltester, workspace, user, customers):
    route = routes.create_route(user, "A线")
    routes.add_stops(route, customers, user)
    model = StopsModel()
    model.set_stops(route, routes.stops(route, user))
    qtmodeltester.check(model)
    assert model.rowCount() == 5


def test_drag_customers_from_the_list_then_reorder_stops_by_dragging(view, user, customers, qtbot):
    route = routes.create_route(user, "A线")
    view.refresh()
    view.select_route(route)
    # drop three customers from the customer list on the empty stop table
    assert drop(
        view.table.viewport(), encode_ids(customers[:3]), below_all(view), Qt.DropAction.CopyAction
    )
    assert names(view) == ["客户0", "客户1", "客户2"]
    # two more, dropped above the second stop
    assert drop(
        view.table.viewport(),
        encode_ids(customers[3:]),
        above_row(view, 1),
        Qt.DropAction.CopyAction,
    )
    assert names(view) == ["客户0", "客户3", "客户4", "客户1", "客户2"]
    # drag the last stop above the first one
    mime = view.stops_model.mimeData([view.stops_model.index(4, 0)])
    assert drop(view.table.viewport(), mime, above_row(view, 0))
    assert names(view) == ["客户2", "客户0", "客户3", "客户4", "客户1"]
    # drag two stops together to the end
    mime = view.stops_model.mimeData([view.stops_model.index(0, 0), view.stops_model.index(2, 0)])
    assert drop(view.table.viewport(), mime, below_all(view))
    assert names(view) == ["客户0", "客户4", "客户1", "客户2", "客户3"]
    # what the user sees is what is stored, numbered 1…5
    stored = routes.stops(route, user)
    assert [s.name for s in stored] == names(view)
    assert [view.stops_model.index(r, 0).data() for r in range(5)] == ["1", "2", "3", "4", "5"]


def test_drop_customers_on_a_route_in_the_tree(view, user, customers):
    first = routes.create_route(user, "A线")
    second = routes.create_route(user, "B线")
    view.refresh()
    view.select_route(first)
    index = view.tree_model.find("route", second)
    rect = view.tree.visualRect(index)
    assert drop(
        view.tree.viewport(), encode_ids(customers[:2]), rect.center(), Qt.DropAction.CopyAction
    )
    assert routes.stop_order(second) == customers[:2]
    label = view.tree_model.find("route", second).data()  # "B线 (2)" or, translated, "B线（2）"
    assert label.startswith("B线") and label.rstrip(")）").endswith("2")


def test_moving_a_customer_from_another_route_asks(view, user, customers, monkeypatch):
    first = routes.create_route(user, "A线")
    second = routes.create_route(user, "B线")
    routes.add_stops(first, customers[:2], user)
    view.refresh()
    view.select_route(second)
    questions = []

    def answer(reply):
        def question(parent, title, text, *args, **kwargs):
            questions.append(text)
            return reply

        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    drop(
        view.table.viewport(), encode_ids([customers[0]]), below_all(view), Qt.DropAction.CopyAction
    )
    assert "A线" in questions[-1] and "客户0" in questions[-1]
    assert routes.stop_order(second) == []
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    drop(
        view.table.viewport(), encode_ids([customers[0]]), below_all(view), Qt.DropAction.CopyAction
    )
    assert names(view) == ["客户0"]
    assert routes.stop_order(first) == [customers[1]]


def test_create_edit_and_delete_a_route_through_the_dialogs(view, user, customers, monkeypatch):
    region = routes.add_region("上海", user)
    view.refresh()
    view.tree.setCurrentIndex(view.tree_model.find("region", region))

    def fill_and_accept(dialog: RouteDialog) -> int:
        dialog.name.setText("浦东线")
        dialog.weekdays[1].setChecked(True)  # Tuesday
        dialog.frequency.setCurrentIndex(dialog.frequency.findData("weeks13"))
        dialog.start_latitude.setText("31.2")
        dialog.start_longitude.setText("121.5")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(RouteDialog, "exec", fill_and_accept)
    view.new_route_action.trigger()
    info = routes.list_routes()[0]
    assert (info.name, info.region_id, info.weekdays, info.frequency) == (
        "浦东线",
        region,
        (2,),
        "weeks13",
    )
    assert view.current_route_id() == info.id
    assert "浦东线" in view.header.text()

    def rename(dialog: RouteDialog) -> int:
        assert dialog.name.text() == "浦东线"
        dialog.name.setText("浦东A线")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(RouteDialog, "exec", rename)
    view.edit_route_action.trigger()
    assert routes.get_route(info.id).name == "浦东A线"

    routes.add_stops(info.id, customers, user)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    view.delete_route_action.trigger()
    assert routes.list_routes() == []
    assert len(customers) == 5 and all(dossiers.load(c) for c in customers)
    assert view.current_route_id() is None


def test_a_bad_route_name_keeps_the_dialog_open(view, user, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    dialog = RouteDialog(
        lambda values: route_operations.create_route(user, **values), parent=view, hub=view.hub
    )
    dialog.name.setText("   ")
    dialog.accept()
    assert dialog.result() == 0
    assert warnings and "路线名称" in warnings[0]
    assert routes.list_routes() == []


def test_propose_order_dialog_shows_distances_and_is_applied(view, user, monkeypatch):
    lons = [121.04, 121.01, 121.03, 121.02]
    ids = [
        dossiers.create({"name": f"点{i}", "latitude": 31.0, "longitude": lon}, user)
        for i, lon in enumerate(lons)
    ]
    blank = dossiers.create({"name": "无坐标"}, user)
    route = routes.create_route(user, "A线", start_latitude=31.0, start_longitude=121.0)
    routes.add_stops(route, ids[:2] + [blank] + ids[2:], user)
    view.refresh()
    view.select_route(route)
    shown = {}

    def look(dialog: ProposeOrderDialog) -> int:
        shown["summary"] = dialog.summary.text()
        shown["unplaced"] = dialog.unplaced.text()
        shown["order"] = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
        return shown.get("reply", ProposeOrderDialog.DialogCode.Rejected)

    monkeypatch.setattr(ProposeOrderDialog, "exec", look)
    view.propose_action.trigger()
    proposal = routes.propose(route).proposal
    assert f"{proposal.before_km:.1f}" in shown["summary"]
    assert f"{proposal.after_km:.1f}" in shown["summary"]
    assert "无坐标" in shown["unplaced"]
    assert shown["order"][0] == "点1" and "无坐标" in shown["order"][2]
    assert names(view) == ["点0", "点1", "无坐标", "点2", "点3"]  # kept
    shown["reply"] = ProposeOrderDialog.DialogCode.Accepted
    view.propose_action.trigger()
    assert names(view) == ["点1", "点3", "无坐标", "点2", "点0"]
    assert routes.propose(route).proposal.changed is False


def test_remove_stops_keeps_the_customers(view, user, customers):
    route = routes.create_route(user, "A线")
    routes.add_stops(route, customers, user)
    view.refresh()
    view.select_route(route)
    view.table.selectRow(1)
    view.remove_stops_action.trigger()
    assert names(view) == ["客户0", "客户2", "客户3", "客户4"]
    assert dossiers.load(customers[1]).values["name"] == "客户1"
