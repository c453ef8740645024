"""The tree of regions (区域) and their routes; customers dropped on a route are added to it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QMimeData, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel

from kehu.services import routes
from kehu.ui.models.customer_table import CUSTOMER_IDS_MIME, decode_ids

KindRole = Qt.ItemDataRole.UserRole + 1  # "region" or "route"
IdRole = Qt.ItemDataRole.UserRole + 2  # region id (None: no region) or route id
Index = QModelIndex | QPersistentModelIndex


class RouteTreeModel(QStandardItemModel):
    customers_dropped = Signal(int, list)  # route id, customer ids

    def __init__(self, parent: Any = None, lang: str = "zh_CN") -> None:
        super().__init__(parent)
        self.lang = lang
        self.setHorizontalHeaderLabels([self.tr("Regions and routes")])

    def reload(self) -> None:
        self.clear()
        self.setHorizontalHeaderLabels([self.tr("Regions and routes")])
        items: dict[int | None, QStandardItem] = {}
        for region_id, parent_id, name in routes.regions():
            item = self._item(name, "region", region_id)
            items[region_id] = item
            items.get(parent_id, self.invisibleRootItem()).appendRow(item)
        by_region: dict[int | None, list[routes.RouteInfo]] = {}
        for info in routes.list_routes():
            by_region.setdefault(info.region_id, []).append(info)
        if by_region.get(None):
            none = self._item(self.tr("(no region)"), "region", None)
            self.invisibleRootItem().appendRow(none)
            items[None] = none
        for region_id, infos in by_region.items():
            parent = items.get(region_id, items.get(None))
            if parent is None:
                continue
            for info in infos:
                label = self.tr("{name} ({count})").format(name=info.name, count=info.stop_count)
                route_item = self._item(label, "route", info.id)
                route_item.setToolTip(info.describe_calendar(self.lang))
                route_item.setDropEnabled(True)
                parent.appendRow(route_item)

    def _item(self, text: str, kind: str, ident: int | None) -> QStandardItem:
        item = QStandardItem(text)
        item.setEditable(False)
        item.setDragEnabled(False)
        item.setDropEnabled(False)
        item.setData(kind, KindRole)
        item.setData(ident, IdRole)
        return item

    def find(self, kind: str, ident: int | None) -> QModelIndex:
        matches = self.match(
            self.index(0, 0),
            IdRole,
            ident,
            -1,
            Qt.MatchFlag.MatchRecursive | Qt.MatchFlag.MatchExactly,
        )
        return next((m for m in matches if m.data(KindRole) == kind), QModelIndex())

    def mimeTypes(self) -> list[str]:
        return [CUSTOMER_IDS_MIME]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return (
            row == -1
            and parent.isValid()
            and parent.data(KindRole) == "route"
            and data.hasFormat(CUSTOMER_IDS_MIME)
        )

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        ids = decode_ids(data)
        if not ids:
            return False
        self.customers_dropped.emit(int(parent.data(IdRole)), ids)
        return True
