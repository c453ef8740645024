"""The ordered stops of one route, with drag and drop.

Drags carry two formats: the route's own stop format (a move inside the route) and the
customer ids of the main window's customer list (`application/x-kehu-customer-ids`, a JSON
list of ids), so that stops dragged to another route are moved there and customers dragged
from the customer list are added. The model does not write: it emits what was dropped and
where (the stop to insert before, None for the end) and the view runs the write
(`kehu.ui.operations.routes`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from kehu.core.fields import ACTIVE
from kehu.services.routes import StopRow
from kehu.ui.models.customer_table import CUSTOMER_IDS_MIME, decode_ids

STOPS_MIME = "application/x-kehu-route-stops"  # {"route": id, "ids": [customer ids]}
IdRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex
_GREY = QColor("#8a8a8a")
_ROOT = QModelIndex()


def encode_stops(route_id: int, ids: Sequence[int]) -> QMimeData:
    mime = QMimeData()
    mime.setData(STOPS_MIME, QByteArray(json.dumps({"route": route_id, "ids": list(ids)}).encode()))
    mime.setData(CUSTOMER_IDS_MIME, QByteArray(json.dumps(list(ids)).encode()))
    return mime


def decode_stops(mime: QMimeData) -> tuple[int | None, list[int]]:
    if not mime.hasFormat(STOPS_MIME):
        return None, []
    try:
        data = json.loads(bytes(mime.data(STOPS_MIME)).decode())
        return int(data["route"]), [int(i) for i in data["ids"]]
    except (ValueError, TypeError, KeyError):
        return None, []


class StopsModel(QAbstractTableModel):
    COL_NUMBER, COL_CODE, COL_NAME, COL_ADDRESS, COL_PHONE = range(5)
    COL_PERSON, COL_LAST, COL_NEXT = range(5, 8)

    stops_dropped = Signal(list, object)  # customer ids (stops of this route), before id
    customers_dropped = Signal(list, object)  # customer ids from elsewhere, before id

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.route_id: int | None = None
        self._rows: list[StopRow] = []
        self._headers = [
            self.tr("No."),
            self.tr("Code"),
            self.tr("Customer"),
            self.tr("Address"),
            self.tr("Phone"),
            self.tr("Key person"),
            self.tr("Last visit"),
            self.tr("Next visit"),
        ]

    def set_stops(self, route_id: int | None, rows: list[StopRow]) -> None:
        self.beginResetModel()
        self.route_id = route_id
        self._rows = list(rows)
        self.endResetModel()

    def stop_at(self, row: int) -> StopRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def customer_ids(self) -> list[int]:
        return [r.customer_id for r in self._rows]

    def row_of(self, customer_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.customer_id == customer_id), -1)

    # -- reading
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def _value(self, stop: StopRow, column: int) -> Any:
        return (
            stop.number,
            stop.code,
            stop.name if stop.visible else self.tr("(not visible to you)"),
            stop.address,
            stop.phone,
            stop.key_person,
            stop.last_visit,
            stop.next_visit,
        )[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        stop = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            value = self._value(stop, column)
            if isinstance(value, dt.date):
                return value.isoformat()
            return "" if value is None else str(value)
        if role == IdRole:
            return stop.customer_id
        if role == SortRole:
            return self._value(stop, column)
        if role == Qt.ItemDataRole.ForegroundRole and (not stop.visible or stop.status != ACTIVE):
            return QBrush(_GREY)
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and column == self.COL_NAME
            and stop.visible
            and not stop.has_coordinates
        ):
            return self.tr("No coordinates: the proposed order leaves this stop in place.")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COL_NUMBER:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    # -- drag and drop
    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return (
                Qt.ItemFlag.ItemIsDropEnabled
                if self.route_id is not None
                else Qt.ItemFlag.NoItemFlags
            )
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return [STOPS_MIME, CUSTOMER_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        ids = [self._rows[r].customer_id for r in rows if 0 <= r < len(self._rows)]
        return encode_stops(self.route_id or 0, ids)

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if self.route_id is None:
            return False
        return data.hasFormat(STOPS_MIME) or data.hasFormat(CUSTOMER_IDS_MIME)

    def _before(self, row: int, parent: Index) -> int | None:
        if row < 0 and parent.isValid():
            row = parent.row()  # dropped on a stop: insert before it
        stop = self.stop_at(row)
        return stop.customer_id if stop else None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        before = self._before(row, parent)
        route, ids = decode_stops(data)
        if route == self.route_id and ids:
            self.stops_dropped.emit(ids, before)
            return True
        ids = decode_ids(data)
        if not ids:
            return False
        self.customers_dropped.emit(ids, before)
        return True

    def removeRows(self, row: int, count: int, parent: Index = _ROOT) -> bool:
        return False  # a drag never removes rows itself: the service decides
