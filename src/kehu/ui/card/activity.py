"""The card's activity tabs: visits, sales (editable, `kehu.ui.card.sales`) and the change
history (ID numbers masked)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kehu.core import sensitivity
from kehu.core.fields import (
    VISIT_KINDS,
    Section,
    choice_label,
    customer_field,
    person_field,
    section_label,
)
from kehu.db.customer_activity import recent_visits
from kehu.services import classification, dossiers, sales
from kehu.ui.card.sales import SalesPane
from kehu.ui.card.tables import fill_table, read_only_table

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTabWidget

    from kehu.services.dossiers import Dossier


class CardActivity:
    """Mixin of the dossier card: `visits_table`, `sales_table` and `history_table`, filled
    by `_load_lists()` for the loaded customer."""

    lang: str
    base: Dossier | None
    tabs: QTabWidget

    def _add_activity_tabs(self) -> None:
        self.visits_table = read_only_table(
            self,
            [self.tr("Date"), self.tr("Kind"), self.tr("Salesperson"), self.tr("Content"),
             self.tr("Next step")],
            "visitsTable",
        )  # fmt: skip
        self.tabs.addTab(self.visits_table, self.tr("Visits"))
        self.sales_pane = SalesPane(self)  # sale lines can be added, changed, deleted there
        self.sales_table = self.sales_pane.table
        self.tabs.addTab(self.sales_pane, self.tr("Sales"))
        self.history_table = read_only_table(
            self,
            [self.tr("When"), self.tr("Who"), self.tr("Field"), self.tr("Old value"),
             self.tr("New value")],
            "historyTable",
        )  # fmt: skip
        self.tabs.addTab(self.history_table, self.tr("History"))

    def _load_lists(self) -> None:
        if self.base is None:
            return
        cid = self.base.id
        lang = self.lang
        fill_table(
            self.visits_table,
            [
                [
                    str(v["date"] or ""),
                    choice_label(VISIT_KINDS, v["kind"], lang),
                    v["salesperson"] or "",
                    v["content"] or "",
                    v["next_step"] or "",
                ]
                for v in recent_visits(cid)
            ],
        )
        self.sales_pane.load(cid)
        fill_table(self.history_table, [self._history_row(h) for h in dossiers.history(cid)])

    def _history_row(self, change: dict[str, Any]) -> list[str]:
        field = sensitivity.history_field(change["field"])
        old, new = change["old"] or "", change["new"] or ""
        if change["field"].startswith(classification.CATEGORY_FIELD_PREFIX):
            old = classification.history_value(old, self.lang) or ""
            new = classification.history_value(new, self.lang) or ""
        if field is not None and field.sensitive:  # the one rule: history shows masks
            old = sensitivity.masked_text(field, old, self.lang)
            new = sensitivity.masked_text(field, new, self.lang)
        return [
            str(change["at"])[:16],
            change["user"] or "",
            self.history_label(change["field"]),
            old,
            new,
        ]

    def history_label(self, name: str) -> str:
        if name.startswith(classification.CATEGORY_FIELD_PREFIX):
            scheme_id = name[len(classification.CATEGORY_FIELD_PREFIX) :]
            schemes = {str(s.id): s.name for s in classification.scheme_tree(self.lang)}
            return self.tr("Category: %1").replace("%1", schemes.get(scheme_id, scheme_id))
        if name == "status":
            return self.tr("Status")
        if name == sales.HISTORY_FIELD:
            return self.tr("Sale line")
        if name in ("merge", "unmerge"):
            return self.tr("Merged with") if name == "merge" else self.tr("Merge undone")
        if name.startswith("merged."):
            return self.tr("Merged, not kept: %1").replace("%1", self.history_label(name[7:]))
        if name == "person":
            return section_label(Section.PERSON, self.lang)
        if name.startswith("person."):
            try:
                label = person_field(name[7:]).label(self.lang)
            except KeyError:
                label = name[7:]
            return f"{section_label(Section.PERSON, self.lang)}: {label}"
        try:
            return customer_field(name).label(self.lang)
        except KeyError:
            return name


__all__ = ["CardActivity"]
