"""The customer list view: sortable headers (sorted in SQL), chosen and reordered columns
(remembered), multi-select, and dragging customers onto the classification tree."""

from __future__ import annotations

import json

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from kehu.db.customer_list import DEFAULT_COLUMNS, LIST_COLUMNS
from kehu.ui import settings
from kehu.ui.models.customer_table import CustomerTableModel, IdRole

WIDTHS = settings.Setting("list/widths", "{}", str)
QUIET_SELECT_ALL = 20_000  # rows from which "select all" does not tell Qt's views cell by cell
HEADER_EXTRA = 32  # a header section's margins and sort indicator around its title


def saved_columns() -> list[str]:
    stored = [c for c in str(settings.get(settings.LIST_COLUMNS)).split(",") if c in LIST_COLUMNS]
    return stored or list(DEFAULT_COLUMNS)


def _covered(blocks: set[tuple[int, int]]) -> int:
    """Rows covered by (top, bottom) blocks that may overlap (one per selected column span)."""
    count, reach = 0, -1
    for top, bottom in sorted(blocks):
        if bottom > reach:
            count += bottom - max(top, reach + 1) + 1
            reach = bottom
    return count


class CustomerListView(QTableView):
    open_requested = Signal(int)  # customer id
    selection_changed = Signal(int)  # how many rows are selected (ids: `selected_ids()`)
    escape_pressed = Signal()  # back to the search box

    OPEN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space, Qt.Key.Key_F2)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerList")
        self.setAccessibleName(self.tr("Customer list"))
        self.setTabKeyNavigation(False)  # Tab leaves the list for the card (arrows move)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setSortingEnabled(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(24)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSortIndicatorShown(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        header.sectionMoved.connect(lambda *_: self.save_columns())
        header.sectionResized.connect(lambda *_: self._save_widths())
        self.doubleClicked.connect(self._on_double_click)

    def setModel(self, model: CustomerTableModel) -> None:  # type: ignore[override]
        super().setModel(model)
        self.selectionModel().selectionChanged.connect(
            lambda *_: self.selection_changed.emit(self.selected_count())
        )
        model.modelReset.connect(self.restore_widths)
        spec = model.spec
        if spec.sort in model.columns:
            self.horizontalHeader().setSortIndicator(
                model.columns.index(spec.sort),
                Qt.SortOrder.DescendingOrder if spec.descending else Qt.SortOrder.AscendingOrder,
            )
        else:
            self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.restore_widths()

    def customer_model(self) -> CustomerTableModel:
        return self.model()  # type: ignore[return-value]

    def selectAll(self) -> None:  # noqa: N802 (Qt's name; Ctrl+A comes here too)
        """Select every row. Over a long list Qt's own views would ask the model for each
        selected cell's flags when told of the change (minutes for a million rows): the
        selection model stays quiet, the rows are repainted and the count told instead."""
        selection = self.selectionModel()
        if selection is None or self.model().rowCount() < QUIET_SELECT_ALL:
            super().selectAll()
            return
        blocked = selection.blockSignals(True)
        try:
            super().selectAll()
        finally:
            selection.blockSignals(blocked)
        self.viewport().update()
        self.selection_changed.emit(self.selected_count())

    def selected_count(self) -> int:
        """How many rows are selected, from the selection's ranges: Ctrl+A over a million
        rows stays instant (selectedRows() builds an index per row)."""
        return _covered(self._selected_blocks())

    def _selected_blocks(self) -> set[tuple[int, int]]:
        selection = self.selectionModel()
        if selection is None:
            return set()
        return {(block.top(), block.bottom()) for block in selection.selection()}

    def selected_ids(self) -> list[int]:
        """The selected customers' ids, in list order (slices of the model's ids: fast for
        a selection of a million rows)."""
        ids = self.customer_model().ids()
        found: list[int] = []
        reach = -1
        for top, bottom in sorted(self._selected_blocks()):
            if bottom > reach:
                found.extend(ids[max(top, reach + 1) : bottom + 1])
                reach = bottom
        return found

    def current_id(self) -> int | None:
        index = self.currentIndex()
        return index.data(IdRole) if index.isValid() else None

    def select_id(self, customer_id: int) -> bool:
        row = self.customer_model().row_of(customer_id)
        if row is None:
            return False
        self.selectRow(row)
        self.scrollTo(self.model().index(row, 0))
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter, keypad Enter, Space and F2 open the current card; Escape goes back to the
        search box."""
        key = event.key()
        if key in self.OPEN_KEYS and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            customer_id = self.current_id()
            if customer_id is not None:
                self.open_requested.emit(customer_id)
                return
        if key == Qt.Key.Key_Escape:
            self.escape_pressed.emit()
            return
        super().keyPressEvent(event)

    def add_row_actions(self, actions: list[QAction]) -> None:
        """Commands on the selected rows, offered by the right mouse button."""
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.addActions(actions)

    def enter_from_search(self) -> None:
        """Focus the list with a current row (the first when none is), as Down from the search."""
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        model = self.model()
        if model is None or model.rowCount() == 0:
            return
        if not self.currentIndex().isValid():
            self.setCurrentIndex(model.index(0, 0))
            self.selectRow(0)

    def _on_double_click(self, index) -> None:
        if index.isValid():
            self.open_requested.emit(index.data(IdRole))

    # -- columns
    def visual_columns(self) -> list[str]:
        header, model = self.horizontalHeader(), self.customer_model()
        return [model.columns[header.logicalIndex(v)] for v in range(header.count())]

    def save_columns(self) -> None:
        settings.put(settings.LIST_COLUMNS, ",".join(self.visual_columns()))

    def set_columns(self, columns: list[str]) -> None:
        model = self.customer_model()
        header = self.horizontalHeader()
        header.blockSignals(True)
        for logical in range(header.count()):  # back to logical order before the reset
            header.moveSection(header.visualIndex(logical), logical)
        header.blockSignals(False)
        model.set_columns(columns)
        sort = model.spec.sort
        self.horizontalHeader().setSortIndicator(
            columns.index(sort) if sort in columns else -1,
            Qt.SortOrder.DescendingOrder if model.spec.descending else Qt.SortOrder.AscendingOrder,
        )
        self.save_columns()
        self.restore_widths()

    def _header_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        menu.setObjectName("columnMenu")
        current = self.visual_columns()
        model = self.customer_model()
        for name in LIST_COLUMNS:
            action = QAction(model.column_label(name), menu)
            action.setCheckable(True)
            action.setChecked(name in current)
            action.setEnabled(name != "name")
            action.toggled.connect(lambda on, n=name: self.toggle_column(n, on))
            menu.addAction(action)
        menu.addSeparator()
        reset = menu.addAction(self.tr("Default columns"))
        reset.triggered.connect(lambda: self.set_columns(list(DEFAULT_COLUMNS)))
        menu.exec(self.horizontalHeader().mapToGlobal(position))

    def toggle_column(self, name: str, shown: bool) -> None:
        columns = self.visual_columns()
        if shown and name not in columns:
            columns.append(name)
        elif not shown and name in columns and len(columns) > 1:
            columns.remove(name)
        self.set_columns(columns)

    def _save_widths(self) -> None:
        model = self.customer_model()
        if model is None:
            return
        widths = json.loads(str(settings.get(WIDTHS)) or "{}")
        header = self.horizontalHeader()
        for logical, name in enumerate(model.columns):
            if logical < header.count() and header.sectionSize(logical) > 0:
                widths[name] = header.sectionSize(logical)
        settings.put(WIDTHS, json.dumps(widths))

    def restore_widths(self) -> None:
        model = self.customer_model()
        try:
            widths = json.loads(str(settings.get(WIDTHS)) or "{}")
        except ValueError:
            widths = {}
        header = self.horizontalHeader()
        header.blockSignals(True)
        defaults = {"code": 90, "name": 260, "phone": 130, "address": 260, "industry": 100}
        metrics = header.fontMetrics()
        for logical, name in enumerate(model.columns):
            title = str(model.headerData(logical, Qt.Orientation.Horizontal) or "")
            # Never narrower than its title with the sort arrow ("Customer code ▾").
            fitting = max(defaults.get(name, 110), metrics.horizontalAdvance(title) + HEADER_EXTRA)
            header.resizeSection(logical, int(widths.get(name, fitting)))
        header.blockSignals(False)
