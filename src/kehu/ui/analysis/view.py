"""The Analysis view: the chosen analysis, period and scheme; a QtCharts chart beside the table;
a click on a slice or a row filters the customer list; ABC grading applied and undone here.

The figures come from `kehu.services.analysis_report` (computed off the UI thread); the view
only renders them.
"""

from __future__ import annotations

import logging
from decimal import Decimal
from typing import Any

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from kehu.core.changes import Changes
from kehu.core.periods import Period, month_of, preset
from kehu.services import analysis, analysis_abc, analysis_report, exports
from kehu.ui.errors import show_error
from kehu.ui.operations import perform

from .chart import RENDER_HINT, build_chart

logger = logging.getLogger(__name__)

PERIODS = ("12m", "month", "quarter", "year", "custom")


class AnalysisView(QWidget):
    """Signals carry what to show in the customer list: a category (with sub-categories), the
    customers without a category of a scheme, or a set of customer ids."""

    category_chosen = Signal(int)
    unclassified_chosen = Signal(int)
    customers_chosen = Signal(list)
    open_customer_requested = Signal(int)

    def __init__(self, session: Any, parent: QWidget | None = None, lazy: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("analysisView")
        self.session = session
        self.report: analysis_report.Report | None = None
        self.proposal: analysis_abc.AbcProposal | None = None
        self._loaded = False
        self._generation = 0
        self._complete = 0  # the generation whose whole result is shown
        self._warmed = False  # the ranking's arrays were read in the background
        self._build()
        self._connect_signals()
        if not lazy:
            self.refresh()

    # -- layout
    def _build(self) -> None:
        lang = self.session.lang
        self.analysis_box = QComboBox(self)
        self.analysis_box.setObjectName("analysisKind")
        for key, text in (
            ("composition", self.tr("Sales composition")),
            ("products", self.tr("Product composition")),
            ("abc", self.tr("ABC grading")),
            ("trend", self.tr("Sales trend")),
            ("completeness", self.tr("Dossier completeness")),
        ):
            self.analysis_box.addItem(text, key)
        self.period_box = QComboBox(self)
        self.period_box.setObjectName("analysisPeriod")
        labels = {
            "12m": self.tr("Last 12 months"),
            "month": self.tr("This month"),
            "quarter": self.tr("This quarter"),
            "year": self.tr("This year"),
            "custom": self.tr("From – to"),
        }
        for key in PERIODS:
            self.period_box.addItem(labels[key], key)
        today = QDate.currentDate()
        self.first_edit = QDateEdit(today.addMonths(-11), self)
        self.last_edit = QDateEdit(today, self)
        for edit in (self.first_edit, self.last_edit):
            edit.setDisplayFormat("yyyy-MM")
            edit.setCalendarPopup(True)
            edit.setEnabled(False)
        self.scheme_box = QComboBox(self)
        self.scheme_box.setObjectName("analysisScheme")
        for choice in analysis.scheme_choices(lang):
            self.scheme_box.addItem(choice.label, choice.key)
        index = self.scheme_box.findData("grade")
        self.scheme_box.setCurrentIndex(max(index, 0))
        self.a_box, self.b_box = QSpinBox(self), QSpinBox(self)
        for box, value, name in ((self.a_box, 80, "thresholdA"), (self.b_box, 95, "thresholdB")):
            box.setRange(1, 100)
            box.setValue(value)
            box.setSuffix(" %")
            box.setObjectName(name)
        self.a_label = QLabel(self.tr("A up to"), self)
        self.b_label = QLabel(self.tr("B up to"), self)
        self.apply_button = QPushButton(self.tr("Apply grades…"), self)
        self.apply_button.setObjectName("applyGrades")
        self.undo_button = QPushButton(self.tr("Undo grading"), self)
        self.undo_button.setObjectName("undoGrades")
        self.xlsx_button = QPushButton(self.tr("Excel…"), self)
        self.pdf_button = QPushButton(self.tr("PDF…"), self)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        # A tool bar: when the window is narrow the rest goes behind its extension button.
        bar = QToolBar(self)
        bar.setObjectName("analysisBar")
        for widget in (self.analysis_box, self.period_box, self.first_edit, self.last_edit):
            bar.addWidget(widget)
        bar.addWidget(QLabel(self.tr("Group by"), self))
        bar.addWidget(self.scheme_box)
        self._abc_actions = [
            bar.addWidget(w) for w in (self.a_label, self.a_box, self.b_label, self.b_box)
        ]
        bar.addSeparator()
        self._abc_actions += [bar.addWidget(self.apply_button), bar.addWidget(self.undo_button)]
        for button in (self.xlsx_button, self.pdf_button, self.refresh_button):
            bar.addWidget(button)
        self.chart_view = QChartView(self)
        self.chart_view.setObjectName("analysisChart")
        self.chart_view.setRenderHint(RENDER_HINT)
        self.model = QStandardItemModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("analysisTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("analysisNotes")
        self.notes.setReadOnly(True)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("analysisSplitter")
        self.splitter.addWidget(self.chart_view)
        self.splitter.addWidget(self.table)
        self.splitter.setSizes([520, 620])
        self.vertical = QSplitter(Qt.Orientation.Vertical, self)
        self.vertical.setObjectName("analysisNotesSplitter")
        self.vertical.addWidget(self.splitter)
        self.vertical.addWidget(self.notes)
        self.vertical.setStretchFactor(0, 4)
        self.vertical.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(bar)
        layout.addWidget(self.vertical, 1)
        for widget, name in (
            (self.analysis_box, self.tr("Analysis")),
            (self.period_box, self.tr("Period")),
            (self.first_edit, self.tr("From month")),
            (self.last_edit, self.tr("To month")),
            (self.scheme_box, self.tr("Group by")),
            (self.a_box, self.tr("A up to")),
            (self.b_box, self.tr("B up to")),
            (self.chart_view, self.tr("Chart")),
            (self.table, self.tr("Figures")),
            (self.notes, self.tr("Notes")),
        ):
            widget.setAccessibleName(name)
        self._update_controls()

    def _connect_signals(self) -> None:
        self.analysis_box.currentIndexChanged.connect(self._on_choice_changed)
        self.period_box.currentIndexChanged.connect(self._on_choice_changed)
        self.scheme_box.currentIndexChanged.connect(self._on_choice_changed)
        self.first_edit.dateChanged.connect(self._on_choice_changed)
        self.last_edit.dateChanged.connect(self._on_choice_changed)
        self.a_box.valueChanged.connect(self._on_choice_changed)
        self.b_box.valueChanged.connect(self._on_choice_changed)
        self.refresh_button.clicked.connect(self.refresh)
        self.apply_button.clicked.connect(self._on_apply)
        self.undo_button.clicked.connect(self._on_undo)
        self.xlsx_button.clicked.connect(lambda: self._on_export("xlsx"))
        self.pdf_button.clicked.connect(lambda: self._on_export("pdf"))
        self.table.doubleClicked.connect(lambda index: self._on_row(index.row(), open_card=True))
        self.table.clicked.connect(lambda index: self._on_row(index.row()))
        self.session.hub.changed.connect(self._on_changed)

    # -- choices
    @property
    def kind(self) -> str:
        return self.analysis_box.currentData()

    def period(self) -> Period:
        key = self.period_box.currentData()
        if key != "custom":
            return preset(key)
        first, last = self.first_edit.date().toPython(), self.last_edit.date().toPython()
        return Period(min(month_of(first), month_of(last)), max(month_of(first), month_of(last)))

    def _update_controls(self) -> None:
        abc = self.kind == "abc"
        for widget in (
            self.a_label,
            self.a_box,
            self.b_label,
            self.b_box,
            self.apply_button,
            self.undo_button,
        ):
            widget.setVisible(abc)
        may = analysis_abc.may_apply_grades(self.session.user)
        self.apply_button.setEnabled(may and self.proposal is not None)
        self.undo_button.setEnabled(
            may and analysis_abc.last_step_label(self.session.lang) is not None
        )
        self.scheme_box.setEnabled(self.kind in ("composition", "products"))
        custom = self.period_box.currentData() == "custom"
        dated = self.kind != "completeness"  # completeness is of the dossiers as they are now
        self.period_box.setEnabled(dated)
        self.first_edit.setEnabled(custom and dated)
        self.last_edit.setEnabled(custom and dated)

    def _on_choice_changed(self, *_args) -> None:
        self._update_controls()
        self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt
        super().showEvent(event)
        if not self._loaded:
            self.refresh()

    def _on_changed(self, changes: Changes) -> None:
        if self._loaded and self.isVisible():
            self.refresh()

    # -- computing
    def refresh(self) -> None:
        """Compute the chosen analysis off the UI thread; only the newest request is shown."""
        self._loaded = True
        self._generation += 1
        generation = self._generation
        kind, period = self.kind, self.period()
        by = self.scheme_box.currentData() if kind in ("composition", "products") else None
        if kind == "products" and by == analysis.OWNER:
            by = None
        thresholds = (self.a_box.value(), self.b_box.value())
        user, lang = self.session.user, self.session.lang

        def work(_job):
            if kind == "abc":  # the proposal is kept: "Apply grades…" writes it
                proposal = analysis_abc.propose(user, period, thresholds, lang)
                return analysis_report.abc_report(proposal, lang), proposal
            return analysis_report.build(user, kind, period, by, thresholds, lang), None

        def done(result) -> None:
            if generation != self._generation:
                return
            self._complete = generation
            self._show(result)
            if not self._warmed:
                self._warmed = True
                self.session.tasks.start(lambda _job: analysis_abc.prepare(user))

        if kind == "trend":
            # The first paint: the curve, the stages and the products from the summaries;
            # the declines and top customers follow with the whole dashboard.
            def first_paint(_job):
                return analysis_report.build(user, kind, period, lang=lang, first_paint=True), None

            self.session.tasks.start(
                first_paint,
                on_success=lambda result: (
                    self._show(result)
                    if generation == self._generation and self._complete != generation
                    else None
                ),
                on_failure=self._failed,
                context=self,
            )
        self.session.tasks.start(work, on_success=done, on_failure=self._failed, context=self)

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    def _show(self, result) -> None:
        self.report, self.proposal = result
        report = self.report
        self.model.clear()
        self.model.setHorizontalHeaderLabels(report.columns)
        for row in report.rows:
            items = []
            for value in row:
                item = QStandardItem(
                    ""
                    if value is None
                    else (f"{value:,}" if isinstance(value, Decimal) else str(value))
                )
                if isinstance(value, (Decimal, int)):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                items.append(item)
            self.model.appendRow(items)
        self.table.resizeColumnsToContents()
        chart = build_chart(report.chart)
        self.chart_view.setChart(chart)
        for series in chart.series():
            if hasattr(series, "slices"):
                for index, part in enumerate(series.slices()):
                    part.clicked.connect(lambda _=False, i=index: self._on_slice(i))
        self.notes.setPlainText("\n".join([report.subtitle, *report.notes]))
        self._update_controls()

    # -- filtering the customer list
    def _chart_keys(self) -> list[str]:
        report = self.report
        if report is None:
            return []
        if report.analysis not in ("composition", "products"):
            return report.row_keys  # ABC: the bars are the first rows; trend: the months
        keys = [k for k in report.row_keys if k != "total"]
        return [k for k in keys if self._is_chart_key(k)]  # the pie shows the top-level rows

    def _is_chart_key(self, key: str) -> bool:
        report = self.report
        assert report is not None
        index = report.row_keys.index(key)
        label = str(report.rows[index][0])
        return not label.startswith(" ") and (report.rows[index][1] or 0) != 0

    def _on_slice(self, index: int) -> None:
        keys = self._chart_keys()
        if 0 <= index < len(keys):
            self.filter_by(keys[index])

    def _on_row(self, row: int, open_card: bool = False) -> None:
        if self.report is None or row >= len(self.report.row_keys):
            return
        key = self.report.row_keys[row]
        if open_card and key.startswith("customer:"):
            self.open_customer_requested.emit(int(key.split(":")[1]))
            return
        self.filter_by(key)

    def filter_by(self, key: str) -> None:
        """Show the customers behind a row or slice in the customer list."""
        kind, _, value = key.partition(":")
        if kind == "category":
            self.category_chosen.emit(int(value))
        elif kind == "none" and self.kind == "composition":
            scheme = self.scheme_box.currentData()
            self.unclassified_chosen.emit(analysis.resolve_scheme(scheme).id)
        elif kind == "owner":
            self.customers_chosen.emit(analysis.customers_of_owner(self.session.user, int(value)))
        elif kind == "customer":
            self.customers_chosen.emit([int(value)])

    # -- ABC
    def _on_apply(self) -> None:
        proposal = self.proposal
        if proposal is None:
            return
        changes = proposal.transitions()
        moves = "\n".join(f"{old or '—'} → {new}: {n}" for (old, new), n in sorted(changes.items()))
        count = sum(changes.values())
        if not count:
            QMessageBox.information(
                self, self.tr("ABC grading"), self.tr("No customer would change grade.")
            )
            return
        text = self.tr("Apply the proposed grades to {n} customers in one step?").replace(
            "{n}", str(count)
        )
        answer = QMessageBox.question(self, self.tr("ABC grading"), f"{text}\n\n{moves}")
        if answer != QMessageBox.StandardButton.Yes:
            return
        user = self.session.user

        def run() -> Changes:
            applied = analysis_abc.apply(user, proposal)
            logger.info("grading step %s: %s customers", applied.step_id, applied.changed)
            return Changes.everything()

        perform(self.session.hub, self, run)

    def _on_undo(self) -> None:
        label = analysis_abc.last_step_label(self.session.lang)
        if label is None:
            return
        answer = QMessageBox.question(
            self, self.tr("ABC grading"), self.tr("Undo the grading?") + f"\n{label}"
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        user = self.session.user
        perform(self.session.hub, self, lambda: (analysis_abc.undo(user), Changes.everything())[1])

    # -- export
    def _on_export(self, fmt: str) -> None:
        period = self.period()
        name = f"{self.analysis_box.currentText()} {period.label().replace('..', '_')}.{fmt}"
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export analysis"), name, f"*.{fmt}"
        )
        if not path:
            return
        by = self.scheme_box.currentData() if self.kind in ("composition", "products") else ""
        options = {
            "analysis": self.kind,
            "first": period.first,
            "last": period.last,
            "by": "" if (self.kind == "products" and by == analysis.OWNER) else by,
            "thresholds": f"{self.a_box.value()},{self.b_box.value()}",
        }
        user, lang = self.session.user, self.session.lang

        def work(job):
            return exports.export(fmt, "analysis", [], path, user, options, job=job, lang=lang)

        self.session.tasks.start(
            work,
            on_success=lambda out: self.notes.setPlainText(
                self.tr("Written: {path}").replace("{path}", str(out))
            ),
            on_failure=self._failed,
            context=self,
        )
