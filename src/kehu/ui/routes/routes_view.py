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

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QSplitter,
    QTableView,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kehu.core.changes import Changes
from kehu.core.jobs import Cancelled
from kehu.db.models import User
from kehu.services import routes
from kehu.ui.errors import show_error
from kehu.ui.operations import ChangeHub, perform
from kehu.ui.operations import routes as route_operations
from kehu.ui.routes.propose_dialog import ProposeOrderDialog
from kehu.ui.routes.route_dialog import RouteDialog
from kehu.ui.routes.route_tree import IdRole as TreeIdRole
from kehu.ui.routes.route_tree import KindRole, RouteTreeModel
from kehu.ui.routes.stops_model import IdRole, StopsModel
from kehu.ui.routes.visit_dialog import VisitDialog

logger = logging.getLogger(__name__)


class StopsTable(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("routeStops")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.selectionModel().selectedRows()})
        return [self.model().index(r, 0).data(IdRole) for r in rows]


class RoutesView(QWidget):
    open_customer_requested = Signal(int)  # customer id (double click on a stop)

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
        self.tree.setModel(self.tree_model)
        self.tree.setHeaderHidden(True)
        self.tree.setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.tree.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.stops_model = StopsModel(self)
        self.table = StopsTable()
        self.table.setModel(self.stops_model)
        self.header = QLabel()
        self.header.setObjectName("routeHeader")
        self.header.setWordWrap(True)
        self.toolbar = QToolBar()
        self._make_actions()

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.header)
        right_layout.addWidget(self.table)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(right)
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
        self.new_route_action = action(self.tr("New route…"), self._on_new_route)
        self.edit_route_action = action(self.tr("Edit route…"), self._on_edit_route)
        self.delete_route_action = action(self.tr("Delete route"), self._on_delete_route)
        self.toolbar.addSeparator()
        self.remove_stops_action = action(
            self.tr("Remove from route"), self._on_remove_stops, QKeySequence.StandardKey.Delete
        )
        self.propose_action = action(self.tr("Propose order…"), self._on_propose)
        self.visit_action = action(self.tr("Record visit…"), self._on_record_visit)
        self.addActions(self.toolbar.actions())

    def _connect_signals(self) -> None:
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current)
        self.tree_model.customers_dropped.connect(self._on_customers_dropped_on_route)
        self.stops_model.stops_dropped.connect(self._on_stops_dropped)
        self.stops_model.customers_dropped.connect(self._on_customers_dropped)
        self.table.doubleClicked.connect(self._on_stop_double_clicked)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.hub.changed.connect(self._on_changed)

    def _on_changed(self, changes: Changes) -> None:
        if changes.routes_changed or changes.customers_changed or changes.visits_changed:
            self.refresh()

    def _perform(self, write: Callable[[], Any]) -> Any:
        return perform(self.hub, self, write)

    # -- state
    def current_route_id(self) -> int | None:
        return self.stops_model.route_id

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
        selected = self.table.selected_ids() if route_id == self.current_route_id() else []
        if route_id is None:
            self.stops_model.set_stops(None, [])
            self.header.setText(self.tr("Choose a route in the tree, or create one."))
        else:
            try:
                info = routes.get_route(route_id)
            except routes.RouteError:
                self.stops_model.set_stops(None, [])
                self.header.setText(self.tr("This route was deleted."))
                self._update_actions()
                return
            self.stops_model.set_stops(route_id, routes.stops(route_id, self.user))
            self.header.setText(self._describe(info))
            self.table.resizeColumnsToContents()
        self._reselect(selected)
        self._update_actions()

    def _describe(self, info: routes.RouteInfo) -> str:
        parts = [f"<b>{info.name}</b>"]
        if info.region_name:
            parts.append(info.region_name)
        parts.append(info.salesperson_name or self.tr("no salesperson"))
        parts.append(info.describe_calendar(self.lang))
        if info.start_address:
            parts.append(self.tr("start: {address}").format(address=info.start_address))
        parts.append(self.tr("{count} stops").format(count=info.stop_count))
        return " · ".join(parts)

    def _reselect(self, ids: list[int]) -> None:
        selection = self.table.selectionModel()
        for cid in ids:
            row = self.stops_model.row_of(cid)
            if row >= 0:
                selection.select(
                    self.stops_model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows,
                )

    def _update_actions(self) -> None:
        has_route = self.current_route_id() is not None
        has_stops = bool(self.table.selectionModel().selectedRows())
        self.edit_route_action.setEnabled(has_route)
        self.delete_route_action.setEnabled(has_route)
        self.propose_action.setEnabled(has_route and self.stops_model.rowCount() > 1)
        self.remove_stops_action.setEnabled(has_route and has_stops)
        self.visit_action.setEnabled(has_route and has_stops)

    # -- routes and regions
    def _on_new_region(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New region"), self.tr("Region name:"))
        if not ok or not name.strip():
            return
        parent_id = self._current_region_id()
        self._perform(lambda: route_operations.add_region(self.user, name, parent_id))

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

    # -- stops
    def add_customers(self, route_id: int, ids: list[int], before: int | None = None) -> bool:
        """Add customers to a route; those on another route are moved if the user agrees."""

        def write() -> Changes:
            try:
                return route_operations.add_stops(self.user, route_id, ids, before)
            except routes.AlreadyOnRouteError as exc:
                if not self._confirm_move(exc):
                    raise Cancelled() from None
            return route_operations.add_stops(self.user, route_id, ids, before, move=True)

        return self._perform(write) is not None

    def _confirm_move(self, exc: routes.AlreadyOnRouteError) -> bool:
        lines = [
            self.tr("{customer} — on “{route}”").format(
                customer=m.customer_name, route=m.route_name
            )
            for m in exc.memberships[:10]
        ]
        if len(exc.memberships) > 10:
            lines.append(self.tr("… and {n} more").format(n=len(exc.memberships) - 10))
        answer = QMessageBox.question(
            self,
            self.tr("Move customers"),
            self.tr("A customer is on one route only. Move these customers to this route?")
            + "\n\n"
            + "\n".join(lines),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _on_customers_dropped(self, ids: list[int], before: object) -> None:
        route_id = self.current_route_id()
        if route_id is not None:
            self.add_customers(route_id, ids, before)  # type: ignore[arg-type]

    def _on_customers_dropped_on_route(self, route_id: int, ids: list[int]) -> None:
        if route_id == self.current_route_id():
            ids = [cid for cid in ids if self.stops_model.row_of(cid) < 0]
            if not ids:
                return
        self.add_customers(route_id, ids)

    def _on_stops_dropped(self, ids: list[int], before: object) -> None:
        route_id = self.current_route_id()
        if route_id is None:
            return
        self._perform(
            lambda: route_operations.move_stops(self.user, route_id, ids, before)  # type: ignore[arg-type]
        )
        self._reselect(ids)

    def _on_remove_stops(self) -> None:
        route_id, ids = self.current_route_id(), self.table.selected_ids()
        if route_id is None or not ids:
            return
        self._perform(lambda: route_operations.remove_stops(self.user, route_id, ids))

    def _on_propose(self) -> None:
        route_id = self.current_route_id()
        if route_id is None:
            return
        try:
            proposed = routes.propose(route_id)
        except routes.RouteError as exc:
            show_error(self, exc)
            return
        dialog = ProposeOrderDialog(proposed, self.stops_model.customer_ids(), self)
        if dialog.exec() == ProposeOrderDialog.DialogCode.Accepted:
            self.apply_order(proposed.proposal.order)

    def apply_order(self, order: list) -> None:
        route_id = self.current_route_id()
        if route_id is None:
            return
        self._perform(lambda: route_operations.reorder(self.user, route_id, order))

    def _on_record_visit(self) -> None:
        ids = self.table.selected_ids()
        if ids:
            self.record_visit(ids[0])

    def record_visit(self, customer_id: int) -> None:
        VisitDialog(self.user, customer_id, parent=self, lang=self.lang, hub=self.hub).exec()

    def _on_stop_double_clicked(self, index: QModelIndex) -> None:
        stop = self.stops_model.stop_at(index.row())
        if stop is not None and stop.visible:
            self.open_customer_requested.emit(stop.customer_id)
