"""The stops of one route (the right side of the routes view): a header describing the route
and the ordered stops, with what is done to them — customers dropped in, stops dragged into
another order or removed, the proposed order, a visit recorded.

Every change is a write through `kehu.ui.operations.routes`; the change hub then tells the
views, and the routes view shows the route again (`show_route`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
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


class RouteStopsPane(QWidget):
    open_customer_requested = Signal(int)  # customer id (double click on a stop)

    def __init__(
        self, user: User, lang: str, hub: ChangeHub, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.user, self.lang, self.hub = user, lang, hub
        self.stops_model = StopsModel(self)
        self.table = StopsTable()
        self.table.setModel(self.stops_model)
        self.header = QLabel()
        self.header.setObjectName("routeHeader")
        self.header.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.table)
        self.stops_model.stops_dropped.connect(self._on_stops_dropped)
        self.stops_model.customers_dropped.connect(self._on_customers_dropped)
        self.table.doubleClicked.connect(self._on_stop_double_clicked)

    def _perform(self, write: Callable[[], Any]) -> Any:
        return perform(self.hub, self, write)

    @property
    def route_id(self) -> int | None:
        return self.stops_model.route_id

    def show_route(self, route_id: int | None) -> None:
        """Show a route's stops (none: a hint); the selected stops stay selected."""
        selected = self.table.selected_ids() if route_id == self.route_id else []
        if route_id is None:
            self.stops_model.set_stops(None, [])
            self.header.setText(self.tr("Choose a route in the tree, or create one."))
        else:
            try:
                info = routes.get_route(route_id)
            except routes.RouteError:
                self.stops_model.set_stops(None, [])
                self.header.setText(self.tr("This route was deleted."))
                return
            self.stops_model.set_stops(route_id, routes.stops(route_id, self.user))
            self.header.setText(self._describe(info))
            self.table.resizeColumnsToContents()
        self._reselect(selected)

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

    # -- adding and moving stops
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
        route_id = self.route_id
        if route_id is not None:
            self.add_customers(route_id, ids, before)  # type: ignore[arg-type]

    def _on_stops_dropped(self, ids: list[int], before: object) -> None:
        route_id = self.route_id
        if route_id is None:
            return
        self._perform(
            lambda: route_operations.move_stops(self.user, route_id, ids, before)  # type: ignore[arg-type]
        )
        self._reselect(ids)

    def remove_selected(self) -> None:
        route_id, ids = self.route_id, self.table.selected_ids()
        if route_id is None or not ids:
            return
        self._perform(lambda: route_operations.remove_stops(self.user, route_id, ids))

    # -- the order, visits
    def propose_order(self) -> None:
        """Show the proposed order beside the current one; apply it if the user accepts."""
        route_id = self.route_id
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
        route_id = self.route_id
        if route_id is None:
            return
        self._perform(lambda: route_operations.reorder(self.user, route_id, order))

    def record_visit_at_selected(self) -> None:
        ids = self.table.selected_ids()
        if ids:
            self.record_visit(ids[0])

    def record_visit(self, customer_id: int) -> None:
        VisitDialog(self.user, customer_id, parent=self, lang=self.lang, hub=self.hub).exec()

    def _on_stop_double_clicked(self, index: QModelIndex) -> None:
        stop = self.stops_model.stop_at(index.row())
        if stop is not None and stop.visible:
            self.open_customer_requested.emit(stop.customer_id)
