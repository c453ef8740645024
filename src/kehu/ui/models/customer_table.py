"""The customer list model: ids from one ordered SQL query, rows fetched on demand.

The ids arrive page by page from a worker thread (keyset paging in `kehu.db.customer_list`);
the first page comes at once, later pages append rows. Row values are fetched in blocks
around the rows the view asks for and kept in a bounded cache. Sorting re-queries in SQL.
"""

from __future__ import annotations

import json
import logging
from array import array
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from kehu.core.fields import ARCHIVED, CUSTOMER_STATUSES, Kind, choice_label
from kehu.core.validation import format_phone
from kehu.core.values import display, from_db
from kehu.db import customer_list
from kehu.db.customer_list import ListSpec, column_field
from kehu.ui.tasks import Cancelled, TaskRunner

logger = logging.getLogger(__name__)

CUSTOMER_IDS_MIME = "application/x-kehu-customer-ids"
IdRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2  # the raw value
_BLOCK_BEFORE, _BLOCK_AFTER = 40, 160
_CACHE_LIMIT = 20_000
_ARCHIVED = QColor("#8a8a8a")

Index = QModelIndex | QPersistentModelIndex


def encode_ids(ids: Sequence[int]) -> QMimeData:
    mime = QMimeData()
    mime.setData(CUSTOMER_IDS_MIME, QByteArray(json.dumps(list(ids)).encode()))
    return mime


def decode_ids(mime: QMimeData) -> list[int]:
    if not mime.hasFormat(CUSTOMER_IDS_MIME):
        return []
    try:
        return [int(i) for i in json.loads(bytes(mime.data(CUSTOMER_IDS_MIME)).decode())]
    except (ValueError, TypeError):
        return []


ROW_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsDragEnabled
    | Qt.ItemFlag.ItemNeverHasChildren
)


class CustomerTableModel(QAbstractTableModel):
    loading_started = Signal()
    loading_finished = Signal(int)  # number of rows
    load_failed = Signal(object)
    _page_arrived = Signal(int, list, bool)  # from the worker thread

    def __init__(
        self,
        runner: TaskRunner,
        spec: ListSpec,
        lang: str,
        columns: Sequence[str],
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._runner = runner
        self._lang = lang
        self._spec = spec
        self._columns = list(columns)
        self._ids = array("q")
        self._rows: dict[int, tuple[Any, ...]] = {}
        self._generation = 0
        self._loading = False
        self._fetch_names = self._columns_to_fetch()
        self._page_arrived.connect(self._page_loaded, Qt.ConnectionType.QueuedConnection)

    # -- what the list shows
    @property
    def spec(self) -> ListSpec:
        return self._spec

    @property
    def columns(self) -> list[str]:
        return list(self._columns)

    @property
    def generation(self) -> int:
        """Raised by every reload; a reload has finished when not `is_loading`."""
        return self._generation

    @property
    def is_loading(self) -> bool:
        return self._loading

    def ids(self) -> array:
        return self._ids

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, customer_id: int) -> int | None:
        try:
            return self._ids.index(customer_id)
        except ValueError:
            return None

    def set_spec(self, spec: ListSpec) -> None:
        self._spec = spec
        self.reload()

    def set_columns(self, columns: Sequence[str]) -> None:
        self.beginResetModel()
        self._columns = list(columns)
        self._fetch_names = self._columns_to_fetch()
        self._rows.clear()
        self.endResetModel()

    def _columns_to_fetch(self) -> list[str]:
        names = list(self._columns)
        if "status" not in names:
            names.append("status")
        return names

    # -- loading ids off the UI thread
    def reload(self) -> None:
        """Run the spec's id query again (new filter, sort, or someone else's changes)."""
        self._generation += 1
        generation = self._generation
        spec = self._spec
        self._loading = True
        self.loading_started.emit()

        def work(job) -> int:
            total, first = 0, True
            for ids in customer_list.iter_ids(spec):
                job.check()  # raises Cancelled when the task was cancelled
                try:
                    self._page_arrived.emit(generation, ids, first)
                except RuntimeError:  # the model was deleted with its window
                    raise Cancelled() from None
                first = False
                total += len(ids)
            if first:
                self._page_arrived.emit(generation, [], True)
            return total

        self._runner.start(
            work,
            on_success=lambda total: self._finished(generation, total),
            on_failure=lambda exc: self._failed(generation, exc),
            urgent=True,  # the list never waits for counts or the today panel
            context=self,
        )

    def _page_loaded(self, generation: int, ids: list[int], reset: bool) -> None:
        if generation != self._generation:
            return
        if reset:
            self.beginResetModel()
            self._ids = array("q", ids)
            self._rows.clear()
            self.endResetModel()
            return
        if not ids:
            return
        start = len(self._ids)
        self.beginInsertRows(QModelIndex(), start, start + len(ids) - 1)
        self._ids.extend(ids)
        self.endInsertRows()

    def _finished(self, generation: int, total: int) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self.loading_finished.emit(len(self._ids))

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._loading = False
        if not isinstance(exc, Cancelled):
            self.load_failed.emit(exc)

    def refresh_rows(self, ids: Sequence[int] | None = None) -> None:
        """Forget cached rows (all, or these ids) so the view reads them again."""
        if ids is None:
            self._rows.clear()
        else:
            for cid in ids:
                self._rows.pop(cid, None)
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(self._columns) - 1)
            )

    # -- Qt model interface
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.column_label(self._columns[section])
        return None

    def column_label(self, name: str) -> str:
        fdef = column_field(name)
        if fdef is not None:
            return fdef.label(self._lang)
        return {
            "owner": self.tr("Owner"),
            "completeness": self.tr("Completeness"),
            "status": self.tr("Status"),
            "updated_at": self.tr("Updated"),
            "created_at": self.tr("Created"),
        }.get(name, name)

    def _row(self, row: int) -> tuple[Any, ...] | None:
        cid = self._ids[row]
        values = self._rows.get(cid)
        if values is None:
            self._fetch_block(row)
            values = self._rows.get(cid)
        return values

    def _fetch_block(self, row: int) -> None:
        start = max(0, row - _BLOCK_BEFORE)
        wanted = [cid for cid in self._ids[start : row + _BLOCK_AFTER] if cid not in self._rows]
        if len(self._rows) + len(wanted) > _CACHE_LIMIT:
            self._rows.clear()
        fetched = customer_list.fetch_rows(wanted, self._fetch_names)
        for cid in wanted:
            self._rows[cid] = fetched.get(cid, ())  # () : erased meanwhile

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        if role == IdRole:
            return self._ids[index.row()]
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.ToolTipRole,
            SortRole,
        ):
            return None
        values = self._row(index.row())
        if not values:
            return None
        name = self._columns[index.column()]
        raw = values[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole:
            archived = values[self._fetch_names.index("status")] == ARCHIVED
            return QBrush(_ARCHIVED) if archived else None
        if role == SortRole:
            return raw
        text = self.format(name, raw)
        if role == Qt.ItemDataRole.ToolTipRole:
            return text if len(text) > 20 else None
        return text

    def format(self, name: str, raw: Any) -> str:
        if raw is None:
            return ""
        if name == "status":
            return choice_label(CUSTOMER_STATUSES, raw, self._lang)
        if name == "completeness":
            return f"{raw} %"
        fdef = column_field(name)
        if fdef is None:
            return str(raw)[:16] if name.endswith("_at") else str(raw)
        if fdef.kind in (Kind.PHONE, Kind.MOBILE):
            return format_phone(str(raw))
        return display(fdef, from_db(fdef, raw), self._lang)

    def flags(self, index: Index) -> Qt.ItemFlag:
        # Qt asks for every selected cell (Ctrl+A over a million rows): a constant, not
        # four enum ORs per call
        return ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        self.set_spec(
            self._spec.with_(
                sort=self._columns[column],
                descending=order == Qt.SortOrder.DescendingOrder,
            )
        )

    # -- dragging customers onto the classification tree
    def mimeTypes(self) -> list[str]:
        return [CUSTOMER_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids: list[int] = []
        for index in indexes:
            cid = self.id_at(index.row())
            if cid is not None and cid not in ids:
                ids.append(cid)
        return encode_ids(ids)

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction
