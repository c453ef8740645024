"""Show a proposed economical order: distance before and after, the new order, and the stops
that have no coordinates (left in place). The user accepts it or keeps the current order."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kehu.services.routes import RouteProposal


class ProposeOrderDialog(QDialog):
    def __init__(
        self, proposed: RouteProposal, current: list[int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Propose an economical order"))
        self.proposed = proposed
        proposal = proposed.proposal
        layout = QVBoxLayout(self)
        self.summary = QLabel(self._summary_text())
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(len(proposal.order), 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("New No."), self.tr("Customer"), self.tr("Old No.")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        old_numbers = {cid: n for n, cid in enumerate(current, start=1)}
        unplaced = set(proposal.unplaced)
        for row, cid in enumerate(proposal.order):
            name = proposed.names.get(cid, str(cid))
            if cid in unplaced:
                name = self.tr("{name} (no coordinates, stays)").format(name=name)
            for column, text in enumerate((str(row + 1), name, str(old_numbers.get(cid, "")))):
                self.table.setItem(row, column, QTableWidgetItem(text))
        layout.addWidget(self.table)
        self.unplaced = QLabel(self._unplaced_text())
        self.unplaced.setWordWrap(True)
        self.unplaced.setVisible(bool(proposal.unplaced))
        layout.addWidget(self.unplaced)
        buttons = QDialogButtonBox()
        if proposal.changed:
            self.accept_button = buttons.addButton(
                self.tr("Use the new order"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.keep_button = buttons.addButton(
                self.tr("Keep the current order"), QDialogButtonBox.ButtonRole.RejectRole
            )
        else:
            self.accept_button = None
            self.keep_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, 480)

    def _summary_text(self) -> str:
        proposal = self.proposed.proposal
        if proposal.before_km == 0 and not proposal.changed:
            return self.tr(
                "None of the stops has coordinates (or only one), so no order can be proposed."
            )
        if not proposal.changed:
            return self.tr("The current order is already economical: {km:.1f} km.").format(
                km=proposal.before_km
            )
        percent = 100 * proposal.saving_km / proposal.before_km if proposal.before_km else 0
        return self.tr(
            "Current order: {before:.1f} km. Proposed order: {after:.1f} km "
            "(saves {saving:.1f} km, {percent:.0f} %)."
        ).format(
            before=proposal.before_km,
            after=proposal.after_km,
            saving=proposal.saving_km,
            percent=percent,
        )

    def _unplaced_text(self) -> str:
        return self.tr("Without coordinates, left in their places: {names}").format(
            names=", ".join(self.proposed.unplaced_names)
        )
