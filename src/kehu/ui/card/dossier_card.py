"""The dossier card (客户档案卡): identity, the seed's four parts, key persons, categories,
visits and sales (read-only), and the change history.

Edits are validated as the user types; errors block saving, warnings do not. A save made on
top of an old version goes through the conflict dialog. Unsaved changes are never dropped
silently: closing asks, and another user's save does not reload over the user's typing.

This module is the layout and the loading; the parts are mixins beside it: the key persons
(`persons`), the classification page (`categories`), the visits, sales and history tabs
(`activity`), the dirty state, saving and conflicts (`saving`), and sharing and erasing
(`office`).
"""

from __future__ import annotations

import html
import logging
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kehu.core.fields import DOSSIER_PARTS, Section, fields_in, section_label
from kehu.services import classification, dossiers, merge
from kehu.services.dossiers import Dossier
from kehu.ui.card.activity import CardActivity
from kehu.ui.card.categories import CardCategories
from kehu.ui.card.completeness import CardCompleteness
from kehu.ui.card.duplicate_warning import DuplicateWarning
from kehu.ui.card.field_editor import FieldEditor
from kehu.ui.card.office import CardOffice
from kehu.ui.card.persons import KeyPersons
from kehu.ui.card.saving import CardSaving
from kehu.ui.card.sections import CardSections
from kehu.ui.operations import perform
from kehu.ui.operations.merges import undo_merge
from kehu.ui.session import Session

logger = logging.getLogger(__name__)


class DossierCard(
    CardSaving, KeyPersons, CardCategories, CardCompleteness, CardActivity, CardOffice, QWidget
):
    saved = Signal(int)  # customer id
    erased = Signal(int)  # customer id: erased from this card (the window closes it)
    title_changed = Signal(str)
    dirty_changed = Signal(bool)
    closed = Signal()
    open_requested = Signal(int)  # another customer's card (a likely duplicate)

    def __init__(
        self, session: Session, customer_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dossierCard")
        self.session = session
        self.lang = session.lang
        self.base: Dossier | None = None
        self.editors: dict[str, FieldEditor] = {}
        self.persons: list[dict[str, Any]] = []
        self.category_boxes: dict[int, QComboBox] = {}
        self._snapshot: dict[str, str] = {}
        self._saved_persons: list[dict[str, Any]] = []
        self._saved_categories: dict[int, int | None] = {}
        self._dirty = False
        self._stale = False
        self._build()
        if customer_id is None:
            self._start_new()
        else:
            self.load(customer_id)

    # -- layout
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        self.heading = QLabel(self)
        self.heading.setObjectName("cardHeading")
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(self.heading, 1)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("saveButton")
        self.save_button.setToolTip(self.tr("Save the card (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.archive_button = QPushButton(self)
        self.archive_button.setObjectName("archiveButton")
        self.archive_button.clicked.connect(self.toggle_archived)
        top.addWidget(self.save_button)
        top.addWidget(self.archive_button)
        for button in self._office_buttons(self):  # share, erase (kehu.ui.card.office)
            top.addWidget(button)
        layout.addLayout(top)
        self.banner = QLabel(self)
        self.banner.setObjectName("cardBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fff4ce; padding: 4px;")
        self.banner.hide()
        layout.addWidget(self.banner)
        self.merge_note = QLabel(self)
        self.merge_note.setObjectName("mergeNote")
        self.merge_note.setWordWrap(True)
        self.merge_note.setStyleSheet("background: #e8f0fb; padding: 4px;")
        self.merge_note.setTextFormat(Qt.TextFormat.RichText)
        self.merge_note.linkActivated.connect(self._on_merge_link)
        self.merge_note.hide()
        layout.addWidget(self.merge_note)
        self.duplicate_warning = DuplicateWarning(self.session.user, self)
        self.duplicate_warning.open_requested.connect(self.open_requested)
        layout.addWidget(self.duplicate_warning)
        layout.addWidget(self._completeness_panel())
        self.tabs = CardSections(self)  # a section list, not ten squeezed tabs
        self.tabs.setObjectName("cardSections")
        layout.addWidget(self.tabs, 1)
        self.tabs.addTab(self._fields_page(Section.IDENTITY), self.tr("Identity"))
        for section in DOSSIER_PARTS:
            page = self._fields_page(section, persons=section is Section.BASICS)
            self.tabs.addTab(page, section_label(section, self.lang))
        self.tabs.addTab(self._classification_page(), self.tr("Classification"))
        self.tabs.addTab(
            self._fields_page(Section.MANAGEMENT), section_label(Section.MANAGEMENT, self.lang)
        )
        self._add_activity_tabs()
        history = self.history_table.horizontalHeader()
        history.setMinimumSectionSize(48)
        history.setStretchLastSection(False)
        for column in (3, 4):  # old and new value share the room left: both stay in view
            history.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        # The time goes under the date and long values wrap, so that in a narrow card (150 %
        # scaling, English section names) the titles and values are not cut off.
        history.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        metrics = history.fontMetrics()
        titles = [self.history_table.horizontalHeaderItem(c).text() for c in range(5)]
        history.resizeSection(0, max(metrics.horizontalAdvance("2026-12-02"),
                                     metrics.horizontalAdvance(titles[0])) + 16)  # fmt: skip
        self.history_table.setWordWrap(True)
        self.history_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        for index in range(self.tabs.count()):  # a table or page is named by its tab
            page = self.tabs.widget(index)
            if not page.accessibleName():
                page.setAccessibleName(self.tabs.tabText(index))

    def _fields_page(self, section: Section, persons: bool = False) -> QWidget:
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field in fields_in(section):
            if field.name == "code":
                continue
            editor = FieldEditor(field, self.lang, body)
            editor.edited.connect(self._on_edited)
            self.editors[field.name] = editor
            form.addRow(field.label(self.lang) + ("*" if field.required else ""), editor)
        layout.addLayout(form)
        if persons:
            layout.addWidget(self._persons_box(body))
        layout.addStretch(1)
        scroll.setWidget(body)
        return scroll

    # -- loading
    @property
    def customer_id(self) -> int | None:
        return self.base.id if self.base else None

    def _start_new(self) -> None:
        self.base = None
        for editor in self.editors.values():
            editor.set_text("")
        self.editors["source"].set_text("visit")
        self.editors["review_state"].set_text("trusted")
        self.persons = []
        self._set_categories({})
        self._after_load()
        self.heading.setText(self.tr("New customer"))

    def load(self, customer_id: int) -> None:
        self.base = dossiers.load(customer_id, self.session.user)
        for name, editor in self.editors.items():
            editor.set_value(self.base.values.get(name))
        self.persons = [dict(p) for p in self.base.persons]
        self._set_categories(classification.categories_of(customer_id))
        self._after_load()
        self._load_lists()

    def _after_load(self) -> None:
        self.duplicate_warning.clear()
        self._snapshot = {name: e.text() for name, e in self.editors.items()}
        self._saved_persons = [dict(p) for p in self.persons]
        self._fill_persons()
        self._stale = False
        self.banner.hide()
        self._set_dirty(False)
        self._update_heading()
        self._update_completeness()
        self._show_merge_links()

    def _show_merge_links(self) -> None:
        """An archived, merged-away card links the customer it was merged into; the kept
        card links those merged into it."""
        into, here = merge.merge_links(self.base.id, self.session.user) if self.base else (None, [])
        parts = []
        if into is not None:
            text = self.tr("Merged into %1").replace("%1", self._link_text(into))
            if into.may_undo and self.session.can_write:
                undo = self.tr("Undo this merge…")
                text += f' · <a href="undo:{into.merge_id}">{undo}</a>'
            parts.append(text)
        if here:
            links = ", ".join(self._link_text(link) for link in here)
            parts.append(self.tr("Merged into this customer: %1").replace("%1", links))
        self.merge_note.setText("<br>".join(parts))
        self.merge_note.setVisible(bool(parts))

    def _on_merge_link(self, link: str) -> None:
        if not link.startswith("undo:"):
            self.open_requested.emit(int(link))
            return
        answer = QMessageBox.question(
            self,
            self.tr("Undo merge"),
            self.tr(
                "Make this customer active again with its key persons, visits and sales, "
                "and give the kept customer its earlier values?"
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        user, merge_id = self.session.user, int(link.removeprefix("undo:"))
        perform(self.session.hub, self, lambda: undo_merge(user, merge_id))

    def _link_text(self, link: merge.MergeLink) -> str:
        if not link.visible:
            who = html.escape(link.owner) or self.tr("its owner")
            return self.tr("a customer you cannot see (ask %1)").replace("%1", who)
        text = html.escape(f"{link.code} {link.name}")
        return f'<a href="{link.customer_id}">{text}</a>'

    def _update_heading(self) -> None:
        name = self.editors["name"].text() or self.tr("New customer")
        if self.base is None:
            text = name
        else:
            text = f"{self.base.code}  {name}"
            if self.base.status == "archived":
                text += "  " + self.tr("(archived)")
        self.heading.setText(text)
        archived = self.base is not None and self.base.status == "archived"
        self.archive_button.setText(self.tr("Restore") if archived else self.tr("Archive"))
        self.archive_button.setEnabled(self.base is not None and self.session.can_write)
        self.allow_saving(self.session.can_write)
        self._update_office_buttons()
        self.title_changed.emit(self.title())

    def allow_saving(self, allowed: bool) -> None:
        """Saving off on a read-only file or one replaced under the window (edits stay)."""
        self.save_button.setEnabled(allowed)
        if not allowed:
            self.archive_button.setEnabled(False)
            self.save_button.setToolTip(
                self.tr("The database cannot be written: see the status bar")
            )

    def title(self) -> str:
        name = self.editors["name"].text() or self.tr("New customer")
        return ("* " if self._dirty else "") + name


__all__ = ["DossierCard"]
