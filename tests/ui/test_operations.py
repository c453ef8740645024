"""Writes report what they changed and one hub tells the views (kehu.ui.operations):
a saved card refreshes its list row and the tree counts, a route change the routes view,
another connection's commit reaches the same hub."""

from __future__ import annotations

import sqlite3

from PySide6.QtWidgets import QMessageBox

from kehu.core.changes import Changes, Outcome
from kehu.core.jobs import Cancelled
from kehu.db.models import Category
from kehu.services import classification, routes
from kehu.ui.models.category_tree import CATEGORY
from kehu.ui.operations import ChangeHub, perform
from kehu.ui.operations import routes as route_operations
from kehu.ui.routes import RoutesView


def _recorded(hub: ChangeHub) -> list[Changes]:
    seen: list[Changes] = []
    hub.changed.connect(seen.append)
    return seen


def _list_text(window, customer_id: int, column: str) -> str | None:
    row = window.model.row_of(customer_id)
    if row is None:
        return None
    return window.model.index(row, window.model.columns.index(column)).data()


def test_saving_a_card_refreshes_the_list_row_and_the_tree_counts(qtbot, customers, window, loaded):
    seen = _recorded(window.session.hub)
    grade = classification.scheme_by_key("grade")
    grade_a = Category.get(Category.name == "主力客户 (A)")
    tree = window.categories.model
    assert tree.item_for(CATEGORY, grade_a.id).text() == "主力客户 (A) (0)"
    card = window.open_card(customers["bj"])
    card.editors["name"].input.setText("北京海淀软件有限公司")
    box = card.category_boxes[grade.id]
    box.setCurrentIndex(box.findData(grade_a.id))
    assert card.save() is True
    assert len(seen) == 1  # one write, one notification
    assert seen[0].customers == {customers["bj"]} and seen[0].classification
    qtbot.waitUntil(
        lambda: _list_text(window, customers["bj"], "name") == "北京海淀软件有限公司",
        timeout=5000,
    )
    qtbot.waitUntil(
        lambda: tree.item_for(CATEGORY, grade_a.id).text() == "主力客户 (A) (1)", timeout=5000
    )
    window.undo_action.trigger()  # the category edit of the card, undone through the hub too
    assert seen[-1].classification and customers["bj"] in seen[-1].customers
    qtbot.waitUntil(
        lambda: tree.item_for(CATEGORY, grade_a.id).text() == "主力客户 (A) (0)", timeout=5000
    )


def test_bulk_classify_counts_and_filtered_list_follow(qtbot, customers, window, loaded):
    target = Category.get(Category.name == "正在交易")
    window.categories.select_node(CATEGORY, target.id)
    loaded(window)
    assert list(window.model.ids()) == []
    window.categories.classify([customers["gz"], customers["cq"]], target.id, target.scheme_id)
    qtbot.waitUntil(
        lambda: sorted(window.model.ids()) == sorted([customers["gz"], customers["cq"]]),
        timeout=5000,
    )
    tree = window.categories.model
    qtbot.waitUntil(lambda: tree.item_for(CATEGORY, target.id).text() == "正在交易 (2)")


def test_a_route_change_refreshes_the_routes_view(qtbot, workspace, user):
    hub = ChangeHub()
    view = RoutesView(user, hub=hub)
    qtbot.addWidget(view)
    other = RoutesView(user, hub=hub)  # a second view on the same hub, e.g. another window
    qtbot.addWidget(other)
    assert view.tree_model.rowCount() == 0
    result = perform(hub, None, lambda: route_operations.create_route(user, name="东线"))
    assert isinstance(result, Outcome) and result.changes.routes
    for shown in (view, other):
        assert shown.tree_model.find("route", result.value).isValid()
    other.select_route(result.value)
    assert other.current_route_id() == result.value
    perform(hub, None, lambda: route_operations.delete_route(user, result.value))
    assert not other.tree_model.find("route", result.value).isValid()
    assert other.current_route_id() is None
    assert routes.list_routes() == []


def test_a_route_created_in_the_window_reaches_the_routes_tab(qtbot, window, user):
    routes_view = window.route_views.routes_view
    window.views.setCurrentWidget(routes_view)
    perform(window.session.hub, window, lambda: route_operations.create_route(user, name="西线"))
    route_id = routes.list_routes()[0].id
    assert routes_view.tree_model.find("route", route_id).isValid()


def test_another_connections_commit_reaches_the_hub(qtbot, customers, window, db_path):
    seen = _recorded(window.session.hub)
    other = sqlite3.connect(db_path)  # another user's program, writing to the same file
    try:
        other.execute(
            "UPDATE customer SET name = ? WHERE id = ?", ("广州天河百货商行", customers["gz"])
        )
        other.commit()
    finally:
        other.close()
    qtbot.waitUntil(lambda: any(c.all for c in seen), timeout=5000)  # the window's poll
    assert seen[0] == Changes.everything()
    qtbot.waitUntil(
        lambda: _list_text(window, customers["gz"], "name") == "广州天河百货商行", timeout=5000
    )


def test_perform_shows_a_failure_and_tells_nobody(qtbot, monkeypatch):
    hub = ChangeHub()
    seen = _recorded(hub)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))

    def refused() -> Changes:
        raise routes.RouteError("Not possible.")  # not in the catalogue: the same in both

    assert perform(hub, None, refused) is None
    assert warnings == ["Not possible."] and seen == []


def test_perform_is_silent_when_the_user_cancels(qtbot, monkeypatch):
    hub = ChangeHub()
    seen = _recorded(hub)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))

    def declined() -> Changes:
        raise Cancelled()  # e.g. the conflict dialog closed with Cancel

    assert perform(hub, None, declined) is None
    assert seen == [] and warnings == []


def test_on_success_runs_before_the_views_are_told(qtbot):
    hub = ChangeHub()
    order: list[str] = []
    hub.changed.connect(lambda _changes: order.append("views"))
    result = perform(
        hub,
        None,
        lambda: Outcome(7, Changes.of_customers([7])),
        on_success=lambda _r: order.append("caller"),
    )
    assert result is not None and result.value == 7
    assert order == ["caller", "views"]
    perform(hub, None, lambda: Changes())  # nothing changed: nobody is told
    assert order == ["caller", "views"]


def test_a_region_added_on_the_routes_tab_appears_in_the_classification_tree(
    qtbot, window, user, monkeypatch
):
    routes_view = window.route_views.routes_view
    window.views.setCurrentWidget(routes_view)
    from kehu.ui.routes.region_actions import RegionDialog

    def name_it(dialog: RegionDialog) -> int:
        dialog.name.setText("华南")
        return RegionDialog.DialogCode.Accepted

    monkeypatch.setattr(RegionDialog, "exec", name_it)
    routes_view.new_region_action.trigger()
    region = Category.get(Category.name == "华南")
    assert routes_view.tree_model.find("region", region.id).isValid()
    assert window.categories.model.item_for(CATEGORY, region.id) is not None  # same hub
