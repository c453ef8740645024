"""Side by side review of a merge: per field, which value the kept customer gets."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kehu.core.fields import customer_field
from kehu.core.values import to_text
from kehu.services import merge


class MergeDialog(QDialog):
    """Rows for the fields in which the two customers differ; the default choice is checked
    (the filled value; of two, the newer). `choices()` is what the user chose."""

    def __init__(self, plan: merge.MergePlan, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.plan, self.lang = plan, lang
        self.groups: dict[str, QButtonGroup] = {}
        self.setWindowTitle(self.tr("Merge duplicate customers"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "%1 is kept. %2 is archived and linked to it; its key persons, visits, sale "
                "lines, route stop and categories move over. Choose the value to keep where "
                "they differ; the other value stays in the history. The merge can be undone."
            )
            .replace("%1", f"{plan.keep.code} {plan.keep.values.get('name')}")
            .replace("%2", f"{plan.other.code} {plan.other.values.get('name')}"),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        body = QWidget()
        grid = QGridLayout(body)
        grid.addWidget(self._bold(self.tr("Field")), 0, 0)
        grid.addWidget(self._bold(self.tr("Kept: %1").replace("%1", plan.keep.code or "")), 0, 1)
        grid.addWidget(self._bold(self.tr("Merged: %1").replace("%1", plan.other.code or "")), 0, 2)
        row = 1
        for choice in plan.fields:
            if not choice.differs:
                continue
            grid.addWidget(QLabel(customer_field(choice.name).label(lang)), row, 0)
            group = QButtonGroup(self)
            for column, (value, key) in enumerate(
                ((choice.keep_value, merge.KEEP), (choice.other_value, merge.OTHER)), 1
            ):
                button = QRadioButton(to_text(value) or self.tr("(empty)"), body)
                button.setObjectName(f"choice_{choice.name}_{key}")
                button.setChecked(choice.default == key)
                group.addButton(button, column)
                grid.addWidget(button, row, column)
            self.groups[choice.name] = group
            row += 1
        if row == 1:
            grid.addWidget(QLabel(self.tr("The two records hold the same values.")), row, 0, 1, 3)
        grid.setRowStretch(row + 1, 1)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        moves = QLabel(
            self.tr("Moves %1 key persons, %2 visits and %3 sale lines.")
            .replace("%1", str(plan.persons))
            .replace("%2", str(plan.visits))
            .replace("%3", str(plan.sales)),
            self,
        )
        moves.setObjectName("mergeMoves")
        layout.addWidget(moves)
        buttons = QDialogButtonBox(self)
        self.merge_button = buttons.addButton(
            self.tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.merge_button.setObjectName("mergeButton")
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 520)

    def _bold(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet("font-weight: bold;")
        return label

    def choices(self) -> dict[str, str]:
        return {
            name: merge.KEEP if group.checkedId() == 1 else merge.OTHER
            for name, group in self.groups.items()
        }
