"""The card's classification page: one combo box per scheme, its categories indented."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QWidget

from kehu.services import classification


class CardCategories:
    """Mixin of the dossier card: `category_boxes` (scheme id → box) and the categories as
    last saved, to tell what the user changed."""

    category_boxes: dict[int, QComboBox]
    _saved_categories: dict[int, int | None]

    def _classification_page(self) -> QWidget:
        page = QWidget(self)
        self.classification_form = QFormLayout(page)
        self._fill_category_boxes()
        return page

    def _fill_category_boxes(self) -> None:
        form = self.classification_form
        while form.rowCount():
            form.removeRow(0)
        self.category_boxes.clear()
        for scheme in classification.scheme_tree(self.lang):
            box = QComboBox(self)
            box.setObjectName(f"scheme_{scheme.id}")
            box.setAccessibleName(scheme.name)
            box.addItem(self.tr("(none)"), None)
            for node, depth in scheme.walk():
                box.addItem("    " * depth + node.name, node.id)
            box.currentIndexChanged.connect(lambda _i: self._on_edited("category"))
            self.category_boxes[scheme.id] = box
            form.addRow(scheme.name, box)

    def _set_categories(self, categories: dict[int, int]) -> None:
        self._saved_categories = {sid: categories.get(sid) for sid in self.category_boxes}
        for sid, box in self.category_boxes.items():
            box.blockSignals(True)
            position = box.findData(categories.get(sid)) if categories.get(sid) else 0
            box.setCurrentIndex(max(position, 0))
            box.blockSignals(False)

    def _changed_categories(self) -> dict[int, int | None]:
        return {
            sid: box.currentData()
            for sid, box in self.category_boxes.items()
            if box.currentData() != self._saved_categories.get(sid)
        }

    def reload_categories(self) -> None:
        """The schemes changed: rebuild the boxes, keeping what the user chose unsaved."""
        chosen = {sid: box.currentData() for sid, box in self.category_boxes.items()}
        saved = dict(self._saved_categories)
        self._fill_category_boxes()
        if self.base is not None and not self._changed_categories_from(chosen, saved):
            self._set_categories(classification.categories_of(self.base.id))
        else:
            self._saved_categories = saved
            for sid, box in self.category_boxes.items():
                position = box.findData(chosen.get(sid)) if chosen.get(sid) else 0
                box.setCurrentIndex(max(position, 0))
        self._reload_completeness_context()

    @staticmethod
    def _changed_categories_from(chosen: dict, saved: dict) -> bool:
        return any(chosen.get(sid) != saved.get(sid) for sid in chosen)


__all__ = ["CardCategories"]
