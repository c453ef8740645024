"""Edit → Add to route… (also on the customer list's menu): the selected customers become
stops of a route chosen in a dialog, at its end or in the proposed order; customers on
another route move there only after the user agrees (the stops pane asks)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kehu.services import routes
from kehu.ui.errors import show_error

END, PROPOSED = "end", "proposed"


class AddToRouteDialog(QDialog):
    def __init__(
        self, choices: list[tuple[int, str]], count: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("addToRouteDialog")
        self.setWindowTitle(self.tr("Add to route"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Add %1 customers as stops of:").replace("%1", f"{count:,}"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.route = QComboBox(self)
        self.route.setObjectName("routeChoice")
        self.route.setAccessibleName(self.tr("Route"))
        for route_id, name in choices:
            self.route.addItem(name, route_id)
        form.addRow(self.tr("Route:"), self.route)
        layout.addLayout(form)
        self.at_end = QRadioButton(self.tr("At the end of the route"), self)
        self.at_end.setObjectName("positionEnd")
        self.at_end.setChecked(True)
        self.proposed = QRadioButton(self.tr("Then order the whole route as proposed"), self)
        self.proposed.setObjectName("positionProposed")
        layout.addWidget(self.at_end)
        layout.addWidget(self.proposed)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(choices))
        layout.addWidget(buttons)
        self.setMinimumWidth(380)

    def route_id(self) -> int | None:
        return self.route.currentData()

    def position(self) -> str:
        return PROPOSED if self.proposed.isChecked() else END


def add_selection_to_route(window: Any, routes_view: Any) -> int | None:
    """Ask for a route and add the list's selection (or the open card) to it; returns the
    route id, None when nothing was added."""
    ids = window.list_view.selected_ids()
    if not ids:
        card = window.current_card()
        ids = [card.customer_id] if card is not None and card.customer_id else []
    if not ids:
        QMessageBox.information(
            window,
            QCoreApplication.translate("AddToRoute", "Add to route"),
            QCoreApplication.translate("AddToRoute", "Select customers in the list first."),
        )
        return None
    choices = [(r.id, r.name) for r in routes.routes_for(window.session.user)]
    if not choices:
        QMessageBox.information(
            window,
            QCoreApplication.translate("AddToRoute", "Add to route"),
            QCoreApplication.translate(
                "AddToRoute", "There is no route yet: create one in Routes."
            ),
        )
        return None
    dialog = AddToRouteDialog(choices, len(ids), window)
    current = routes_view.current_route_id()
    if current is not None and dialog.route.findData(current) >= 0:
        dialog.route.setCurrentIndex(dialog.route.findData(current))
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.route_id() is None:
        return None
    route_id = dialog.route_id()
    routes_view.select_route(route_id)
    if not routes_view.stops.add_customers(route_id, ids):
        return None
    if dialog.position() == PROPOSED:
        try:
            proposal = routes.propose(route_id)
        except routes.RouteError as exc:
            show_error(window, exc)
        else:
            routes_view.select_route(route_id)
            routes_view.stops.apply_order(proposal.proposal.order)
    name = dict(choices)[route_id]
    window.statusBar().showMessage(
        QCoreApplication.translate("AddToRoute", "%1 customers added to the route “%2”")
        .replace("%1", f"{len(ids):,}")
        .replace("%2", name),
        6000,
    )
    return route_id


__all__ = ["AddToRouteDialog", "add_selection_to_route"]
