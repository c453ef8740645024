"""The left panel: classification trees with live counts, filtering, and tree edits
(add, rename, move by dragging, merge), all audited and undoable.

Edits run through `kehu.ui.operations.categories`; the panel rebuilds or recounts when the
session's change hub says the trees or the classification changed (here or elsewhere)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QInputDialog,
    QMenu,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kehu.core.changes import Changes
from kehu.db.tree_counts import TreeCounts, tree_counts
from kehu.services import classification
from kehu.ui.models.category_tree import (
    CATEGORY,
    SCHEME,
    UNCLASSIFIED,
    CategoryTreeModel,
    IdRole,
    KindRole,
    NameRole,
    SchemeRole,
)
from kehu.ui.operations import categories as category_operations
from kehu.ui.operations import perform
from kehu.ui.session import Session

logger = logging.getLogger(__name__)


class CategoryPanel(QWidget):
    # kind ("" none, "category", "unclassified"), id, scheme id
    filter_changed = Signal(str, int, int)
    counts_updated = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = CategoryTreeModel(self)
        self.view = QTreeView(self)
        self.view.setObjectName("categoryTree")
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self._include_archived = False
        self._counting = False
        self._count_again = False
        self._connect_signals()
        self.reload()

    def _connect_signals(self) -> None:
        self.view.selectionModel().currentChanged.connect(self._on_current)
        self.model.customers_dropped.connect(self.classify)
        self.model.category_dropped.connect(self.move)
        self.session.hub.changed.connect(self._on_changed)

    def _on_changed(self, changes: Changes) -> None:
        if changes.tree_changed:
            self.reload()  # counts too
        elif changes.counts_changed:
            self.refresh_counts()

    # -- contents
    def reload(self) -> None:
        """Rebuild the trees from the database, keeping expansion and the selected node."""
        expanded = self._expanded()
        current = self.current_node()
        first = self.model.rowCount() == 0
        self.model.load(classification.scheme_tree(self.session.lang))
        if first:  # the schemes open, their sub-categories closed
            expanded = [
                (SCHEME, self.model.index(r, 0).data(IdRole)) for r in range(self.model.rowCount())
            ]
        for key in expanded:
            index = self.model.index_for(*key)
            if index.isValid():
                self.view.expand(index)
        if current[0]:
            index = self.model.index_for(current[0], current[1])
            if index.isValid():
                self.view.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                )
            else:
                self.filter_changed.emit("", 0, 0)
        self.refresh_counts()

    def wanted_width(self, most: int = 320) -> int:
        """The width that shows every scheme and category name whole with a count of up to
        five digits ("Occasional customer (C) (12345)"), at most `most`."""
        metrics = self.view.fontMetrics()
        need = 0

        def walk(parent: QModelIndex, depth: int) -> None:
            nonlocal need
            for row in range(self.model.rowCount(parent)):
                index = self.model.index(row, 0, parent)
                name = index.data(NameRole) or index.data() or ""
                text_width = metrics.horizontalAdvance(f"{name} (00000)")
                need = max(need, (depth + 1) * self.view.indentation() + text_width)
                walk(index, depth + 1)

        walk(QModelIndex(), 0)
        scroll_bar = self.view.verticalScrollBar().sizeHint().width()
        return min(most, need + scroll_bar + 2 * self.view.frameWidth() + 12)

    def _expanded(self) -> list[tuple[str, int]]:
        found = []

        def walk(parent: QModelIndex) -> None:
            for row in range(self.model.rowCount(parent)):
                index = self.model.index(row, 0, parent)
                if self.view.isExpanded(index):
                    found.append((index.data(KindRole), index.data(IdRole)))
                walk(index)

        walk(QModelIndex())
        return found

    def set_include_archived(self, include: bool) -> None:
        self._include_archived = include
        self.refresh_counts()

    def refresh_counts(self) -> None:
        """Recount off the UI thread (a million customers take a few hundred ms)."""
        if self._counting:
            self._count_again = True
            return
        self._counting = True
        viewer, archived = self.session.user, self._include_archived
        self.session.tasks.start(
            lambda job: tree_counts(viewer, include_archived=archived),
            on_success=self._counted,
            on_failure=self._count_failed,
            context=self,
        )

    def _counted(self, counts: TreeCounts) -> None:
        self._counting = False
        self.model.apply_counts(counts)
        self.counts_updated.emit(counts)
        if self._count_again:
            self._count_again = False
            self.refresh_counts()

    def _count_failed(self, exc: BaseException) -> None:
        self._counting = False
        logger.warning("counting categories failed: %s", exc)

    # -- filtering
    def current_node(self) -> tuple[str, int, int]:
        index = self.view.currentIndex()
        if not index.isValid() or index.data(KindRole) == SCHEME:
            return "", 0, 0
        return index.data(KindRole), index.data(IdRole), index.data(SchemeRole)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.filter_changed.emit(*self.current_node())

    def select_node(self, kind: str, item_id: int) -> None:
        index = self.model.index_for(kind, item_id)
        if index.isValid():
            self.view.setCurrentIndex(index)

    def clear_filter(self) -> None:
        self.view.setCurrentIndex(QModelIndex())
        self.view.clearSelection()
        self.filter_changed.emit("", 0, 0)

    # -- edits (each recorded for Ctrl+Z; the hub tells the views)
    def _run(self, write: Callable[[], category_operations.Undoable]) -> bool:
        done = perform(
            self.session.hub, self, write, on_success=lambda r: self.session.record(r.value)
        )
        return done is not None

    def classify(self, customer_ids: list[int], category_id: int | None, scheme_id: int) -> None:
        if not customer_ids:
            return
        user = self.session.user
        self._run(lambda: category_operations.classify(user, customer_ids, category_id, scheme_id))

    def move(self, category_id: int, new_parent: int | None) -> None:
        self._run(lambda: category_operations.move(self.session.user, category_id, new_parent))

    def add_category(self, scheme_id: int, parent_id: int | None) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New category"), self.tr("Name:"))
        if ok and name.strip():
            user = self.session.user
            self._run(lambda: category_operations.add(user, scheme_id, name, parent_id))

    def rename(self, index: QModelIndex) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("Rename category"), self.tr("New name:"), text=index.data(NameRole)
        )
        if ok and name.strip() and name.strip() != index.data(NameRole):
            category_id = index.data(IdRole)
            self._run(lambda: category_operations.rename(self.session.user, category_id, name))

    def merge(self, index: QModelIndex) -> None:
        source = index.data(IdRole)
        choices = [
            (node.id, "  " * depth + node.name)
            for scheme in classification.scheme_tree(self.session.lang)
            if scheme.id == index.data(SchemeRole)
            for node, depth in scheme.walk()
            if node.id != source
        ]
        if not choices:
            return
        label, ok = QInputDialog.getItem(
            self,
            self.tr("Merge category"),
            self.tr("Merge “%1” and its customers into:").replace("%1", index.data(NameRole)),
            [text for _cid, text in choices],
            0,
            False,
        )
        if ok:
            target = next(cid for cid, text in choices if text == label)
            self._run(lambda: category_operations.merge(self.session.user, source, target))

    def _menu(self, position: QPoint) -> None:
        index = self.view.indexAt(position)
        if not index.isValid():
            return
        kind, scheme_id = index.data(KindRole), index.data(SchemeRole)
        menu = QMenu(self)
        if kind == SCHEME:
            menu.addAction(self.tr("Add category…"), lambda: self.add_category(scheme_id, None))
        elif kind == CATEGORY:
            category_id = index.data(IdRole)
            menu.addAction(
                self.tr("Add sub-category…"), lambda: self.add_category(scheme_id, category_id)
            )
            menu.addAction(self.tr("Rename…"), lambda: self.rename(index))
            menu.addAction(self.tr("Merge into…"), lambda: self.merge(index))
            if index.parent().data(KindRole) == CATEGORY:
                menu.addAction(self.tr("Move to top level"), lambda: self.move(category_id, None))
        elif kind == UNCLASSIFIED:
            return
        menu.exec(self.view.viewport().mapToGlobal(position))
