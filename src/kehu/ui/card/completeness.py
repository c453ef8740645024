"""The card's completeness (档案健全度): a bar with the percent and the items still missing,
heaviest first; a click on an item shows its section and puts the cursor in its field.

The score is `kehu.core.completeness.score` of what the card holds now (also unsaved), so it
moves while the user types; the list column shows the stored value of the last save.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kehu.core import completeness as rule
from kehu.db import completeness as stored

if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox, QTableWidget

    from kehu.ui.card.field_editor import FieldEditor
    from kehu.ui.card.sections import CardSections

KeyRole = Qt.ItemDataRole.UserRole + 1
ROWS = 3  # rows of missing items in view
_LOW_STYLE = "QProgressBar::chunk { background: #d9822b; }"
_GOOD_STYLE = "QProgressBar::chunk { background: #3a9d5d; }"
_LINK = QColor("#1a5fb4")


class CompletenessPanel(QWidget):
    """The bar and the missing items; `jump_requested(key)` when an item is clicked."""

    jump_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("completenessPanel")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 2, 0, 2)
        outer.setSpacing(0)
        layout = QHBoxLayout()
        layout.setSpacing(6)
        self.caption = QLabel(self.tr("Completeness"), self)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("completenessBar")
        self.bar.setRange(0, 100)
        self.bar.setFixedWidth(120)
        self.bar.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.bar.setAccessibleName(self.tr("Completeness"))
        self.missing_label = QLabel(self)
        self.missing = QListWidget(self)
        self.missing.setObjectName("completenessMissing")
        self.missing.setAccessibleName(self.tr("Missing items"))
        self.missing.setFlow(QListView.Flow.LeftToRight)
        self.missing.setWrapping(True)
        self.missing.setResizeMode(QListView.ResizeMode.Adjust)
        self.missing.setSpacing(2)
        self.missing.setFrameShape(QListWidget.Shape.NoFrame)
        self.missing.setStyleSheet("QListWidget { background: transparent; }")
        self.missing.setCursor(Qt.CursorShape.PointingHandCursor)
        self.missing.itemClicked.connect(lambda item: self.jump_requested.emit(item.data(KeyRole)))
        self.missing.itemActivated.connect(
            lambda item: self.jump_requested.emit(item.data(KeyRole))
        )
        self.complete_label = QLabel(self.tr("Nothing missing"), self)
        layout.addWidget(self.caption)
        layout.addWidget(self.bar)
        layout.addWidget(self.missing_label)
        layout.addWidget(self.complete_label)
        layout.addStretch(1)
        outer.addLayout(layout)
        outer.addWidget(self.missing)  # the card's whole width: most items in view

    def show_score(self, score: rule.Score, lang: str) -> None:
        self.bar.setValue(score.percent)
        self.bar.setFormat(f"{score.percent} %")
        self.bar.setStyleSheet(_LOW_STYLE if score.percent < rule.LOW else _GOOD_STYLE)
        self.missing.clear()
        for key in score.missing:
            item = QListWidgetItem(rule.ITEM_BY_KEY[key].label(lang))
            item.setData(KeyRole, key)
            item.setForeground(_LINK)
            item.setToolTip(self.tr("Go to this field"))
            self.missing.addItem(item)
        if self.missing.count():  # three whole rows of items, then it scrolls
            pitch = self.missing.sizeHintForRow(0) + 2 * self.missing.spacing()
            self.missing.setMaximumHeight(ROWS * pitch)
        has_missing = bool(score.missing)
        self.missing_label.setText(self.tr("Missing (%1):").replace("%1", str(len(score.missing))))
        self.missing.setVisible(has_missing)
        self.missing_label.setVisible(has_missing)
        self.complete_label.setVisible(not has_missing)


class CardCompleteness:
    """Mixin of the dossier card: `completeness_panel`, kept up to date by
    `_update_completeness()` (after a load and every edit)."""

    lang: str
    editors: dict[str, FieldEditor]
    persons: list[dict[str, Any]]
    category_boxes: dict[int, QComboBox]
    persons_table: QTableWidget
    tabs: CardSections

    def _completeness_panel(self) -> CompletenessPanel:
        self._completeness_context = stored.context()
        self.completeness_panel = CompletenessPanel(self)
        self.completeness_panel.jump_requested.connect(self.jump_to_item)
        return self.completeness_panel

    def current_score(self) -> rule.Score:
        ctx = self._completeness_context
        values = {name: editor.text() for name, editor in self.editors.items()}
        chosen = {sid: box.currentData() for sid, box in self.category_boxes.items()}
        schemes = {
            ctx.scheme_keys[sid] for sid, cat in chosen.items() if cat and sid in ctx.scheme_keys
        }
        stage = None
        if ctx.stage_scheme is not None and chosen.get(ctx.stage_scheme):
            stage = ctx.stages.get(chosen[ctx.stage_scheme])
        return rule.score(values, self.persons, schemes, stage)

    def _update_completeness(self) -> None:
        if hasattr(self, "completeness_panel"):
            self.completeness_panel.show_score(self.current_score(), self.lang)

    def _reload_completeness_context(self) -> None:
        self._completeness_context = stored.context()
        self._update_completeness()

    def _show_page_of(self, widget: QWidget) -> None:
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            if page is not None and page.isAncestorOf(widget):
                self.tabs.setCurrentIndex(index)
                if isinstance(page, QScrollArea):
                    page.ensureWidgetVisible(widget)
                return

    def jump_to_item(self, key: str) -> None:
        """Show the section of a missing item and focus its field (a person: the key-person
        table or its Add button; a scheme: its box on the classification page)."""
        item = rule.ITEM_BY_KEY.get(key)
        if item is None:
            return
        target: QWidget | None = None
        if key.startswith(rule.PERSON):
            target = self.persons_table if self.persons else self.findChild(QWidget, "addPerson")
        elif key.startswith(rule.SCHEME):
            ids = [
                s for s, k in self._completeness_context.scheme_keys.items() if k == item.field_name
            ]
            target = self.category_boxes.get(ids[0]) if ids else None
        elif item.field_name in self.editors:
            target = self.editors[item.field_name].input
        if target is None:
            return
        self._show_page_of(target)
        target.setFocus(Qt.FocusReason.OtherFocusReason)


__all__ = ["CardCompleteness", "CompletenessPanel"]
