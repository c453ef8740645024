"""Regions in the routes view: new (asking for the parent), rename, move, delete (only an
empty one, or after choosing where its routes go); and the route sheet printed from here.

A mixin of `RoutesView`; every write goes through `kehu.ui.operations.routes`, and the hub
tells the customer classification tree as well (a region is a category of 区域)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QToolButton,
    QWidget,
)

from kehu.db.categories import category_and_descendants
from kehu.services import routes
from kehu.ui.operations import perform
from kehu.ui.operations import routes as route_operations
from kehu.ui.routes.route_tree import IdRole as TreeIdRole
from kehu.ui.routes.route_tree import KindRole

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTreeView

    from kehu.db.models import User
    from kehu.ui.operations import ChangeHub


class RegionDialog(QDialog):
    """A region's name and/or where it (or its routes) go: a parent chosen from the tree."""

    def __init__(
        self,
        title: str,
        parent_label: str,
        name: str | None,
        current_parent: int | None,
        excluded: set[int],
        top_level: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("regionDialog")
        self.setWindowTitle(title)
        form = QFormLayout(self)
        self.name = QLineEdit(name or "", self)
        self.name.setObjectName("regionName")
        self.name.setAccessibleName(self.tr("Region name"))
        if name is not None:
            form.addRow(self.tr("Region name:"), self.name)
        else:
            self.name.hide()
        self.parent_box = QComboBox(self)
        self.parent_box.setObjectName("regionParent")
        self.parent_box.setAccessibleName(parent_label.rstrip(":："))
        if top_level:
            self.parent_box.addItem(top_level, None)
        depth: dict[int | None, int] = {None: -1}
        for region_id, parent_id, region_name in routes.regions():
            depth[region_id] = depth.get(parent_id, -1) + 1
            if region_id in excluded:
                continue
            self.parent_box.addItem("    " * depth[region_id] + region_name, region_id)
        found = self.parent_box.findData(current_parent)
        self.parent_box.setCurrentIndex(max(found, 0))
        form.addRow(QLabel(parent_label, self), self.parent_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(360)

    def chosen_parent(self) -> int | None:
        return self.parent_box.currentData()


class RegionActions:
    """Mixin of `RoutesView`: the region commands of its toolbar and tree menu."""

    user: User
    hub: ChangeHub
    tree: QTreeView

    def _current_region_id(self) -> int | None: ...  # RoutesView

    def _make_region_actions(self, toolbar) -> None:
        """Rename, move and delete in a "Region" menu button: the toolbar stays one row wide."""
        made = []
        for text, slot in (
            (self.tr("Rename region…"), self._on_rename_region),
            (self.tr("Move region…"), self._on_move_region),
            (self.tr("Delete region…"), self._on_delete_region),
        ):
            act = QAction(text, self)
            act.triggered.connect(slot)
            made.append(act)
        self.rename_region_action, self.move_region_action, self.delete_region_action = made
        button = QToolButton(self)
        button.setObjectName("regionMenuButton")
        button.setText(self.tr("Region"))
        button.setToolTip(self.tr("Rename, move or delete the chosen region"))
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        menu.addActions(made)
        button.setMenu(menu)
        toolbar.addWidget(button)
        self.region_button = button
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._tree_menu)

    def _selected_region(self) -> tuple[int, str] | None:
        index = self.tree.currentIndex()
        if not index.isValid() or index.data(KindRole) != "region":
            return None
        region_id = index.data(TreeIdRole)
        return (region_id, index.data()) if region_id is not None else None

    def _update_region_actions(self) -> None:
        chosen = self._selected_region() is not None
        for action in (
            self.rename_region_action,
            self.move_region_action,
            self.delete_region_action,
        ):
            action.setEnabled(chosen)
        self.region_button.setEnabled(chosen)

    def _tree_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        menu.setObjectName("routeTreeMenu")
        menu.addAction(self.new_region_action)
        for action in (
            self.rename_region_action,
            self.move_region_action,
            self.delete_region_action,
        ):
            if action.isEnabled():
                menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.new_route_action)
        if self.current_route_id() is not None:
            for action in (self.edit_route_action, self.print_route_action):
                menu.addAction(action)
        menu.exec(self.tree.viewport().mapToGlobal(position))

    def _on_new_region(self) -> None:
        dialog = RegionDialog(
            self.tr("New region"),
            self.tr("Inside:"),
            "",
            self._current_region_id(),
            set(),
            self.tr("(top level)"),
            self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.name.text().strip():
            return
        name, parent_id = dialog.name.text().strip(), dialog.chosen_parent()
        perform(self.hub, self, lambda: route_operations.add_region(self.user, name, parent_id))

    def _on_rename_region(self) -> None:
        chosen = self._selected_region()
        if chosen is None:
            return
        region_id, old = chosen
        dialog = RegionDialog(self.tr("Rename region"), "", old, None, set(), "", self)
        dialog.parent_box.hide()
        dialog.layout().labelForField(dialog.parent_box).hide()
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        name = dialog.name.text().strip()
        if name and name != old:
            perform(
                self.hub, self, lambda: route_operations.rename_region(self.user, region_id, name)
            )

    def _on_move_region(self) -> None:
        chosen = self._selected_region()
        if chosen is None:
            return
        region_id, name = chosen
        index = self.tree.currentIndex()
        parent_index = index.parent()
        current_parent = parent_index.data(TreeIdRole) if parent_index.isValid() else None
        dialog = RegionDialog(
            self.tr("Move region “%1”").replace("%1", name),
            self.tr("Move into:"),
            None,
            current_parent,
            set(category_and_descendants(region_id)),
            self.tr("(top level)"),
            self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        target = dialog.chosen_parent()
        if target != current_parent:
            perform(
                self.hub, self, lambda: route_operations.move_region(self.user, region_id, target)
            )

    def _on_delete_region(self) -> None:
        chosen = self._selected_region()
        if chosen is None:
            return
        region_id, name = chosen
        count = routes.region_routes(region_id)
        target = None
        if count:
            dialog = RegionDialog(
                self.tr("Delete region “%1”").replace("%1", name),
                self.tr("Its %1 routes go to:").replace("%1", str(count)),
                None,
                None,
                {region_id},
                "",
                self,
            )
            if dialog.parent_box.count() == 0:
                QMessageBox.information(
                    self,
                    self.tr("Delete region"),
                    self.tr("Create another region for its routes first."),
                )
                return
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            target = dialog.chosen_parent()
        else:
            answer = QMessageBox.question(
                self,
                self.tr("Delete region"),
                self.tr("Delete the region “%1”?").replace("%1", name),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        perform(
            self.hub, self, lambda: route_operations.delete_region(self.user, region_id, target)
        )


__all__ = ["RegionActions", "RegionDialog"]
