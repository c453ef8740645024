"""The classification trees: schemes, their categories (with counts) and "unclassified".

Drops are not applied by the model: it announces them (`category_dropped`,
`customers_dropped`) and the panel runs the audited service call, then reloads the model.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel

from kehu.db.tree_counts import TreeCounts
from kehu.services.classification import SchemeNode
from kehu.ui.models.customer_table import CUSTOMER_IDS_MIME, decode_ids

CATEGORY_MIME = "application/x-kehu-category"
KindRole = Qt.ItemDataRole.UserRole + 10  # "scheme", "category", "unclassified"
IdRole = Qt.ItemDataRole.UserRole + 11  # category id (or scheme id for schemes)
SchemeRole = Qt.ItemDataRole.UserRole + 12
NameRole = Qt.ItemDataRole.UserRole + 13
CountRole = Qt.ItemDataRole.UserRole + 14

SCHEME, CATEGORY, UNCLASSIFIED = "scheme", "category", "unclassified"


class CategoryTreeModel(QStandardItemModel):
    category_dropped = Signal(int, object)  # category id, new parent id (None: top level)
    customers_dropped = Signal(list, object, int)  # customer ids, category id or None, scheme

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._counts: TreeCounts | None = None
        self._items: dict[tuple[str, int], QStandardItem] = {}

    # -- building
    def load(self, schemes: Sequence[SchemeNode]) -> None:
        self.clear()
        self._items.clear()
        root = self.invisibleRootItem()
        for scheme in schemes:
            item = self._item(SCHEME, scheme.id, scheme.id, scheme.name)
            font = QFont(item.font())
            font.setBold(True)
            item.setFont(font)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDropEnabled
            )
            root.appendRow(item)
            for category in scheme.categories:
                self._add_category(item, category)
            none = self._item(UNCLASSIFIED, scheme.id, scheme.id, self.tr("(unclassified)"))
            none.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDropEnabled
                | Qt.ItemFlag.ItemNeverHasChildren
            )
            none.setForeground(Qt.GlobalColor.darkGray)
            item.appendRow(none)
        if self._counts is not None:
            self.apply_counts(self._counts)

    def _add_category(self, parent: QStandardItem, node) -> None:
        item = self._item(CATEGORY, node.id, node.scheme_id, node.name)
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemIsDropEnabled
        )
        parent.appendRow(item)
        for child in node.children:
            self._add_category(item, child)

    def _item(self, kind: str, item_id: int, scheme_id: int, name: str) -> QStandardItem:
        item = QStandardItem(name)
        item.setEditable(False)
        item.setData(kind, KindRole)
        item.setData(item_id, IdRole)
        item.setData(scheme_id, SchemeRole)
        item.setData(name, NameRole)
        self._items[(kind, item_id)] = item
        return item

    def apply_counts(self, counts: TreeCounts) -> None:
        """Show counts next to the names (a parent counts its sub-categories)."""
        self._counts = counts
        for (kind, item_id), item in self._items.items():
            if kind == CATEGORY:
                number = counts.of(item_id)
            elif kind == UNCLASSIFIED:
                number = counts.unclassified.get(item_id, 0)
            else:
                number = None
            name = item.data(NameRole)
            item.setData(number, CountRole)
            item.setText(name if number is None else f"{name} ({number:,})")

    def item_for(self, kind: str, item_id: int) -> QStandardItem | None:
        return self._items.get((kind, item_id))

    def index_for(self, kind: str, item_id: int) -> QModelIndex:
        item = self.item_for(kind, item_id)
        return item.index() if item is not None else QModelIndex()

    # -- drag and drop
    def mimeTypes(self) -> list[str]:
        return [CATEGORY_MIME, CUSTOMER_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids = [int(index.data(IdRole)) for index in indexes if index.data(KindRole) == CATEGORY]
        mime = QMimeData()
        mime.setData(CATEGORY_MIME, QByteArray(json.dumps(ids[:1]).encode()))
        return mime

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Any
    ) -> bool:
        target = parent  # dropped on an item; between items counts as on the parent
        if not target.isValid():
            return False
        kind = target.data(KindRole)
        if data.hasFormat(CUSTOMER_IDS_MIME):
            return kind in (CATEGORY, UNCLASSIFIED)
        if data.hasFormat(CATEGORY_MIME):
            moved = _category_of(data)
            item = self.item_for(CATEGORY, moved) if moved is not None else None
            if item is None or kind == UNCLASSIFIED:
                return False
            if target.data(SchemeRole) != item.data(SchemeRole):
                return False
            return not (kind == CATEGORY and self._is_inside(target, moved))
        return False

    def _is_inside(self, index: QModelIndex, category_id: int) -> bool:
        while index.isValid():
            if index.data(KindRole) == CATEGORY and index.data(IdRole) == category_id:
                return True
            index = index.parent()
        return False

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Any
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        target = parent  # dropped on an item; between items counts as on the parent
        kind, target_id = target.data(KindRole), target.data(IdRole)
        scheme_id = target.data(SchemeRole)
        if data.hasFormat(CUSTOMER_IDS_MIME):
            ids = decode_ids(data)
            category = target_id if kind == CATEGORY else None
            # Applied after the drop event returns: the model is rebuilt afterwards.
            QTimer.singleShot(0, lambda: self.customers_dropped.emit(ids, category, scheme_id))
        else:
            moved = _category_of(data)
            new_parent = target_id if kind == CATEGORY else None
            QTimer.singleShot(0, lambda: self.category_dropped.emit(moved, new_parent))
        return False  # nothing is removed from the source; the tree reloads from the database


def _category_of(data: QMimeData) -> int | None:
    try:
        ids = json.loads(bytes(data.data(CATEGORY_MIME)).decode())
    except (ValueError, TypeError):
        return None
    return int(ids[0]) if ids else None
