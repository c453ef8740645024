"""The routes view (客户路序): region tree → routes → the ordered stops of the selected route.

Stops are reordered by dragging; customers dragged from the customer list (or from another
route) onto the stop table or onto a route in the tree are added, and customers on another
route are moved only after the user agrees. Every change is one short write transaction,
run through `kehu.ui.operations.routes`; the view reloads when the change hub says routes,
customers or visits changed (here or elsewhere).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QMessageBox,
    QSplitter,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kehu.core.changes import Changes
from kehu.db.models import User
from kehu.services import routes
from kehu.ui.operations import ChangeHub, perform
from kehu.ui.operations import routes as route_operations
from kehu.ui.routes.region_actions import RegionActions
from kehu.ui.routes.route_dialog import RouteDialog
from kehu.ui.routes.route_tree import IdRole as TreeIdRole
from kehu.ui.routes.route_tree import KindRole, RouteTreeModel
from kehu.ui.routes.stops_pane import RouteStopsPane

logger = logging.getLogger(__name__)


class RoutesView(RegionActions, QWidget):
    """The region tree with its routes, the toolbar, and the stops pane (`stops_pane`) of the
    route chosen in the tree; region commands in `region_actions`."""

    open_customer_requested = Signal(int)  # customer id (double click on a stop)
    print_route_requested = Signal(int)  # route id: its route sheet

    def __init__(
        self,
        user: User,
        parent: QWidget | None = None,
        lazy: bool = False,
        lang: str = "zh_CN",
        hub: ChangeHub | None = None,
    ) -> None:
        """`lazy`: read the database only when the view is shown (a tab not yet opened).
        `hub`: the session's change hub (a view on its own has its own)."""
        super().__init__(parent)
        self.setObjectName("routesView")
        self.user = user
        self.lang = lang
        self.lazy = lazy
        self.hub = hub if hub is not None else ChangeHub(self)
        self._stale = False
        self.tree_model = RouteTreeModel(self, lang)
        self.tree = QTreeView()
        self.tree.setObjectName("routeTree")
        self.tree.setAccessibleName(self.tr("Regions and routes"))
        self.tree.setModel(self.tree_model)
        self.tree.setHeaderHidden(True)
        self.tree.setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.tree.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.stops = RouteStopsPane(user, lang, self.hub)
        self.stops_model, self.table, self.header = (
            self.stops.stops_model,
            self.stops.table,
            self.stops.header,
        )
        self.toolbar = QToolBar()
        self._make_actions()

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.stops)
        self.splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.splitter)
        self._connect_signals()
        self.refresh()

    # -- construction
    def _make_actions(self) -> None:
        def action(text: str, slot, shortcut: QKeySequence | None = None) -> QAction:
            act = QAction(text, self)
            act.triggered.connect(slot)
            if shortcut is not None:
                act.setShortcut(shortcut)
                act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.toolbar.addAction(act)
            return act

        self.new_region_action = action(self.tr("New region…"), self._on_new_region)
        self._make_region_actions(self.toolbar)
        self.toolbar.addSeparator()
        self.new_route_action = action(self.tr("New route…"), self._on_new_route)
        self.edit_route_action = action(self.tr("Edit route…"), self._on_edit_route)
        self.delete_route_action = action(self.tr("Delete route"), self._on_delete_route)
        self.print_route_action = action(
            self.tr("Print route sheet…"),
            lambda: self.print_route_requested.emit(self.current_route_id()),
        )
        self.toolbar.addSeparator()
        self.remove_stops_action = action(
            self.tr("Remove from route"),
            self.stops.remove_selected,
            QKeySequence.StandardKey.Delete,
        )
        self.propose_action = action(self.tr("Propose order…"), self.stops.propose_order)
        self.visit_action = action(self.tr("Record visit…"), self.stops.record_visit_at_selected)
        self.addActions(self.toolbar.actions())
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.addActions([self.remove_stops_action, self.visit_action])

    def _connect_signals(self) -> None:
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current)
        self.tree_model.customers_dropped.connect(self._on_customers_dropped_on_route)
        self.stops.open_customer_requested.connect(self.open_customer_requested)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.hub.changed.connect(self._on_changed)

    def _on_changed(self, changes: Changes) -> None:
        if changes.routes_changed or changes.customers_changed or changes.visits_changed:
            self.refresh()

    def _perform(self, write: Callable[[], Any]) -> Any:
        return perform(self.hub, self, write)

    # -- state
    def current_route_id(self) -> int | None:
        return self.stops.route_id

    def _current_region_id(self) -> int | None:
        index = self.tree.currentIndex()
        while index.isValid() and index.data(KindRole) != "region":
            index = index.parent()
        return index.data(TreeIdRole) if index.isValid() else None

    def showEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Reload the tree and the stops (e.g. after another user's change)."""
        if self.lazy and not self.isVisible():
            self._stale = True
            return
        self._stale = False
        route_id = self.current_route_id()
        self.tree_model.reload()
        self.tree.expandAll()
        if route_id is not None and self.tree_model.find("route", route_id).isValid():
            self.select_route(route_id)
        else:
            self._show_route(None)

    def select_route(self, route_id: int) -> None:
        index = self.tree_model.find("route", route_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
        self._show_route(route_id)

    def _on_tree_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and current.data(KindRole) == "route":
            if current.data(TreeIdRole) != self.current_route_id():
                self._show_route(current.data(TreeIdRole))
        else:
            self._show_route(None)

    def _show_route(self, route_id: int | None) -> None:
        self.stops.show_route(route_id)
        self._update_actions()

    def _update_actions(self) -> None:
        has_route = self.current_route_id() is not None
        has_stops = bool(self.table.selectionModel().selectedRows())
        self.edit_route_action.setEnabled(has_route)
        self.delete_route_action.setEnabled(has_route)
        self.print_route_action.setEnabled(has_route)
        self._update_region_actions()
        self.propose_action.setEnabled(has_route and self.stops_model.rowCount() > 1)
        self.remove_stops_action.setEnabled(has_route and has_stops)
        self.visit_action.setEnabled(has_route and has_stops)

    # -- routes and regions
    def _on_new_route(self) -> None:
        dialog = RouteDialog(
            lambda values: route_operations.create_route(self.user, **values),
            region_id=self._current_region_id(),
            parent=self,
            lang=self.lang,
            hub=self.hub,
        )
        if dialog.exec() == RouteDialog.DialogCode.Accepted:
            self.select_route(dialog.result_value)

    def _on_edit_route(self) -> None:
        route_id = self.current_route_id()
        if route_id is None:
            return
        RouteDialog(
            lambda values: route_operations.update_route(self.user, route_id, **values),
            route=routes.get_route(route_id),
            parent=self,
            lang=self.lang,
            hub=self.hub,
        ).exec()

    def _on_delete_route(self) -> None:
        route_id = self.current_route_id()
        if route_id is None:
            return
        info = routes.get_route(route_id)
        answer = QMessageBox.question(
            self,
            self.tr("Delete route"),
            self.tr(
                "Delete the route “{name}”? Its {count} customers stay in the database; "
                "they are only taken off this route."
            ).format(name=info.name, count=info.stop_count),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        perform(
            self.hub,
            self,
            lambda: route_operations.delete_route(self.user, route_id),
            on_success=lambda _changes: self.stops_model.set_stops(None, []),
        )

    def _on_customers_dropped_on_route(self, route_id: int, ids: list[int]) -> None:
        if route_id == self.current_route_id():
            ids = [cid for cid in ids if self.stops_model.row_of(cid) < 0]
            if not ids:
                return
        self.stops.add_customers(route_id, ids)
