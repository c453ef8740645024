"""The main window: classification trees | customer list | dossier cards, search on top.

Other views (routes, today…) are added as tabs of the central tab widget with `add_view`.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from kehu.core.changes import Changes
from kehu.core.i18n import UserError
from kehu.core.jobs import Cancelled
from kehu.db import customer_list
from kehu.db.customer_list import RANK, ListSpec
from kehu.db.tree_counts import TreeCounts
from kehu.services import classification
from kehu.services.exports import registry as export_kinds
from kehu.ui import settings, temp_files
from kehu.ui.card.dossier_card import DossierCard
from kehu.ui.errors import show_error
from kehu.ui.icons import app_icon
from kehu.ui.models.customer_table import CustomerTableModel
from kehu.ui.operations import perform
from kehu.ui.routes.integration import install as install_route_views
from kehu.ui.session import Session
from kehu.ui.tasks import run_job
from kehu.ui.widgets.category_panel import CategoryPanel
from kehu.ui.widgets.customer_list import CustomerListView, saved_columns
from kehu.ui.widgets.search_box import SearchBox

logger = logging.getLogger(__name__)

POLL_MS = 1000
RELEASE_AFTER_MS = 3000  # background work starts at the latest this long after opening
DOCK_WIDTH = 0.24  # of the window: the customer list keeps the middle
DOCK_MIN_WIDTH = 260


class CardWindow(QWidget):
    """A dossier card in its own window (several can be open)."""

    def __init__(self, card: DossierCard) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.card = card
        self.setWindowIcon(app_icon())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(card)
        card.title_changed.connect(self.setWindowTitle)
        self.setWindowTitle(card.title())
        geometry = settings.get(settings.CARD_GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(820, 720)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.card.confirm_close():
            event.ignore()
            return
        settings.put(settings.CARD_GEOMETRY, self.saveGeometry())
        self.card.closed.emit()
        event.accept()


class MainWindow(QMainWindow):
    list_populated = Signal(int)  # rows, each time the list finished loading

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.setObjectName("mainWindow")
        self.setWindowIcon(app_icon())
        self.card_windows: list[CardWindow] = []
        self._shown_once = False
        self._counts: TreeCounts | None = None
        self._selected_scheme_filter: tuple[str, int, int] = ("", 0, 0)
        # The list first: counts, the today panel and other background work wait until the
        # first page of customers is shown (see _release_background).
        self.session.tasks.hold()
        self._build()
        self._build_actions()
        self._connect_signals()
        self.route_views = install_route_views(self)  # routes, visit reports, today
        self._arrange_docks()
        self._restore_state()
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(POLL_MS)
        self.poll_timer.timeout.connect(self.session.poll)
        self.poll_timer.start()
        self._update_title()
        self.model.reload()
        QTimer.singleShot(RELEASE_AFTER_MS, self._release_background)  # a slow list: not forever

    # -- layout
    def _build(self) -> None:
        self.search_box = SearchBox(self)
        self.archived_box = QCheckBox(self.tr("Show archived"), self)
        self.archived_box.setObjectName("showArchived")
        self.archived_box.setChecked(bool(settings.get(settings.SHOW_ARCHIVED)))
        self.categories = CategoryPanel(self.session, self)
        spec = ListSpec(
            self.session.user,
            include_archived=self.archived_box.isChecked(),
            sort=str(settings.get(settings.LIST_SORT)),
            descending=bool(settings.get(settings.LIST_DESCENDING)),
        )
        if spec.sort not in customer_list.LIST_COLUMNS:
            spec = spec.with_(sort="code", descending=False)
        self.model = CustomerTableModel(
            self.session.tasks, spec, self.session.lang, saved_columns()
        )
        self.list_view = CustomerListView(self)
        self.list_view.setModel(self.model)
        self.cards = QTabWidget(self)
        self.cards.setObjectName("cardTabs")
        self.cards.setTabsClosable(True)
        self.cards.setMovable(True)
        self.cards.setDocumentMode(True)
        self.cards.hide()
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.categories)
        self.splitter.addWidget(self.list_view)
        self.splitter.addWidget(self.cards)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([240, 700, 560])
        self.views = QTabWidget(self)
        self.views.setObjectName("views")
        self.views.addTab(self.splitter, self.tr("Customers"))
        self.setCentralWidget(self.views)
        self.status_file = QLabel(self)
        self.status_counts = QLabel(self)
        self.status_counts.setObjectName("statusCounts")
        self.statusBar().addWidget(self.status_file, 1)
        self.statusBar().addPermanentWidget(self.status_counts)
        self._show_file_status()

    def _arrange_docks(self) -> None:
        """Docks (the today panel) sit at the right, narrow; the user may widen or move them
        and the layout is remembered (saveState). Long texts in docks wrap instead of
        widening the dock."""
        for dock in self.findChildren(QDockWidget):
            for label in dock.findChildren(QLabel):
                label.setWordWrap(True)
            dock.widget().setMinimumWidth(DOCK_MIN_WIDTH)

    def _default_dock_sizes(self) -> None:
        docks = [d for d in self.findChildren(QDockWidget) if d.isVisible() and not d.isFloating()]
        if docks:
            width = max(DOCK_MIN_WIDTH, int(self.width() * DOCK_WIDTH))
            self.resizeDocks(docks, [width] * len(docks), Qt.Orientation.Horizontal)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            if settings.get(settings.WINDOW_STATE).isEmpty():
                QTimer.singleShot(0, self._default_dock_sizes)  # once the layout is set

    def _release_background(self) -> None:
        """Start the work held while the list loaded (counts, today panel, file check)."""
        if self.session.tasks.is_held:
            logger.debug("list shown: background work starts")
            self.session.tasks.release()

    def _on_first_rows(self) -> None:
        if self.session.tasks.is_held:
            QTimer.singleShot(0, self._release_background)  # after the rows are painted

    def add_view(self, widget: QWidget, title: str) -> int:
        """Add a view (routes, today…) as a tab next to "Customers"; returns its index."""
        return self.views.addTab(widget, title)

    def _action(self, text: str, slot, shortcut=None, name: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setObjectName(name)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.new_action = self._action(
            self.tr("&New customer"), self.new_customer, key.New, "newAction"
        )
        self.save_action = self._action(
            self.tr("&Save card"), self.save_current, key.Save, "saveAction"
        )
        self.print_action = self._action(
            export_kinds.find_kind(export_kinds.PDF, "card").menu_text(
                export_kinds.PDF, self.session.lang
            )
            or self.tr("&Print card…"),
            self.print_current,
            key.Print,
            "printAction",
        )
        self.find_action = self._action(self.tr("&Find"), self.focus_search, key.Find, "findAction")
        self.refresh_action = self._action(
            self.tr("&Refresh"), self.refresh, key.Refresh, "refreshAction"
        )
        self.undo_action = self._action(
            self.tr("&Undo classification"), self.undo, key.Undo, "undoAction"
        )
        self.undo_action.setEnabled(False)
        self.close_card_action = self._action(
            self.tr("&Close card"), self.close_current_card, key.Close, "closeCardAction"
        )
        self.open_window_action = self._action(
            self.tr("Open card in own &window"), self.detach_current_card, None, "detachAction"
        )
        self.archive_action = self._action(
            self.tr("&Archive / restore"), self.archive_current, None, "archiveAction"
        )
        self.classify_action = self._action(
            self.tr("&Classify selected…"), self.classify_selected, None, "classifyAction"
        )
        self.quit_action = self._action(self.tr("&Quit"), self.close, key.Quit, "quitAction")
        self.import_action = self._action(
            self.tr("&Import Excel file…"), self.open_import_wizard, None, "importAction"
        )
        self.about_action = self._action(self.tr("&About kehu"), self.about, None, "aboutAction")
        self.export_actions = self._export_actions()
        self.export_xlsx_action = self.export_actions[(export_kinds.XLSX, "list")]
        self.export_cards_xlsx_action = self.export_actions[(export_kinds.XLSX, "card")]
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.save_action)
        file_menu.addSeparator()
        file_menu.addAction(self.print_action)  # then the registry's other prints and exports
        for wanted in (export_kinds.PDF, export_kinds.XLSX):
            for (fmt, _kind), action in self.export_actions.items():
                if fmt == wanted:
                    file_menu.addAction(action)
            file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        for action in (
            self.undo_action,
            self.find_action,
            self.classify_action,
            self.archive_action,
        ):
            edit_menu.addAction(action)
        view_menu = bar.addMenu(self.tr("&View"))
        for action in (self.refresh_action, self.open_window_action, self.close_card_action):
            view_menu.addAction(action)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)
        toolbar = QToolBar(self.tr("Main toolbar"), self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.addAction(self.new_action)
        toolbar.addAction(self.save_action)
        toolbar.addAction(self.print_action)
        toolbar.addAction(self.refresh_action)
        toolbar.addSeparator()
        toolbar.addWidget(self.search_box)
        toolbar.addWidget(self.archived_box)
        self.addToolBar(toolbar)

    def _export_actions(self) -> dict[tuple[str, str], QAction]:
        """An action per (format, kind) the export registry offers in the menu; the card
        print is `print_action` (Ctrl+P)."""
        actions: dict[tuple[str, str], QAction] = {}
        for kind in export_kinds.kinds():
            for fmt in kind.formats:
                text = kind.menu_text(fmt, self.session.lang)
                if text is None or (fmt, kind.name) == (export_kinds.PDF, "card"):
                    continue
                if fmt == export_kinds.XLSX:
                    slot = lambda _checked=False, k=kind.name: self.export_xlsx(k)  # noqa: E731
                    name = f"export_xlsx_{kind.name}"
                else:
                    slot = lambda _checked=False, k=kind.name: self.print_kind(k)  # noqa: E731
                    name = f"print_pdf_{kind.name}"
                actions[(fmt, kind.name)] = self._action(text, slot, None, name)
        return actions

    def _connect_signals(self) -> None:
        self.search_box.search_changed.connect(self._on_search)
        self.archived_box.toggled.connect(self._on_archived_toggled)
        self.categories.filter_changed.connect(self._on_category_filter)
        self.categories.counts_updated.connect(self._on_counts)
        self.list_view.open_requested.connect(self.open_card)
        self.list_view.selection_changed.connect(lambda _ids: self._show_counts())
        self.model.loading_finished.connect(self._on_list_loaded)
        self.model.load_failed.connect(lambda exc: show_error(self, exc))
        self.model.modelReset.connect(self._on_first_rows)
        self.model.loading_finished.connect(lambda _rows: self._on_first_rows())
        self.model.load_failed.connect(lambda _exc: self._on_first_rows())
        self.cards.tabCloseRequested.connect(self.close_card_at)
        self.session.hub.changed.connect(self._on_changed)
        self.session.undo_changed.connect(self.undo_action.setEnabled)

    # -- state
    def _restore_state(self) -> None:
        geometry = settings.get(settings.WINDOW_GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1360, 820)
        state = settings.get(settings.WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)
        splitter = settings.get(settings.MAIN_SPLITTER)
        if not splitter.isEmpty():
            self.splitter.restoreState(splitter)

    def save_state(self) -> None:
        settings.put(settings.WINDOW_GEOMETRY, self.saveGeometry())
        settings.put(settings.WINDOW_STATE, self.saveState())
        settings.put(settings.MAIN_SPLITTER, self.splitter.saveState())
        spec = self.model.spec
        if spec.sort != RANK:
            settings.put(settings.LIST_SORT, spec.sort)
            settings.put(settings.LIST_DESCENDING, spec.descending)
        settings.put(settings.SHOW_ARCHIVED, self.archived_box.isChecked())
        self.list_view.save_columns()

    def _update_title(self) -> None:
        database = self.session.database
        self.setWindowTitle(self.tr("kehu client records — %1").replace("%1", database.path.name))

    def _show_file_status(self) -> None:
        database = self.session.database
        mode = self.tr("shared") if database.mode == "shared" else self.tr("local")
        self.status_file.setText(
            self.tr("Database: %1 (%2 mode) · user %3")
            .replace("%1", str(database.path))
            .replace("%2", mode)
            .replace("%3", self.session.user.display_name)
        )

    def _show_counts(self) -> None:
        shown = self.model.rowCount()
        parts = [self.tr("%1 shown").replace("%1", f"{shown:,}")]
        if self._counts is not None:
            parts.append(self.tr("%1 customers").replace("%1", f"{self._counts.total:,}"))
        selected = len(self.list_view.selectionModel().selectedRows())
        if selected > 1:
            parts.append(self.tr("%1 selected").replace("%1", f"{selected:,}"))
        if self.model.is_loading:
            parts.append(self.tr("loading…"))
        self.status_counts.setText(" · ".join(parts))

    # -- filtering
    def _apply_spec(self, spec: ListSpec) -> None:
        if spec != self.model.spec:
            self.model.set_spec(spec)
            self.list_view.horizontalHeader().setSortIndicator(
                self.model.columns.index(spec.sort) if spec.sort in self.model.columns else -1,
                Qt.SortOrder.DescendingOrder if spec.descending else Qt.SortOrder.AscendingOrder,
            )
            self._show_counts()

    def _on_search(self, text: str) -> None:
        spec = self.model.spec
        if text:
            sort = RANK if not spec.search else spec.sort
            self._apply_spec(spec.with_(search=text, sort=sort))
        else:
            sort = spec.sort if spec.sort != RANK else str(settings.get(settings.LIST_SORT))
            if sort not in customer_list.LIST_COLUMNS:
                sort = "code"
            self._apply_spec(spec.with_(search="", sort=sort))

    def _on_category_filter(self, kind: str, item_id: int, _scheme_id: int) -> None:
        spec = self.model.spec.with_(
            category_id=item_id if kind == "category" else None,
            unclassified_scheme=item_id if kind == "unclassified" else None,
        )
        self._apply_spec(spec)

    def _on_archived_toggled(self, shown: bool) -> None:
        self._apply_spec(self.model.spec.with_(include_archived=shown))
        self.categories.set_include_archived(shown)

    def _on_list_loaded(self, rows: int) -> None:
        self._show_counts()
        self.list_populated.emit(rows)

    def _on_counts(self, counts: TreeCounts) -> None:
        self._counts = counts
        self._show_counts()

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    # -- changes (every write and other users' commits arrive here through the hub)
    def _on_changed(self, changes: Changes) -> None:
        """Re-read what the change concerns: the list, and the open cards."""
        spec = self.model.spec
        filtered = bool(spec.category_id or spec.unclassified_scheme)
        if changes.all:
            self.model.refresh_rows()
            self.model.reload()
        elif changes.customers or (filtered and changes.classification_changed):
            self.model.reload()
            if changes.customers:
                self.model.refresh_rows(sorted(changes.customers))
        for card in self.open_cards():
            if changes.touches_customer(card.customer_id):
                card.refresh_from_database()
            if not changes.all and (
                changes.tree_changed
                or (changes.classification and card.customer_id in changes.customers)
            ):
                card.reload_categories()

    def refresh(self) -> None:
        """Re-read everything visible (F5, after an import or demo data)."""
        self.session.hub.notify(Changes.everything())

    def undo(self) -> None:
        if not self.session.can_undo:
            return
        if perform(self.session.hub, self, self.session.undo_last):
            self.statusBar().showMessage(self.tr("Classification change undone"), 4000)

    # -- cards
    def open_cards(self) -> list[DossierCard]:
        cards = [self.cards.widget(i) for i in range(self.cards.count())]
        return [c for c in cards if isinstance(c, DossierCard)] + [
            w.card for w in self.card_windows
        ]

    def card_for(self, customer_id: int) -> DossierCard | None:
        return next((c for c in self.open_cards() if c.customer_id == customer_id), None)

    def open_card(self, customer_id: int | None) -> DossierCard | None:
        if customer_id is not None:
            existing = self.card_for(customer_id)
            if existing is not None:
                self._focus_card(existing)
                return existing
        try:
            card = DossierCard(self.session, customer_id)
        except Exception as exc:
            show_error(self, exc)
            return None
        card.saved.connect(self._on_card_saved)
        if settings.get(settings.CARDS_IN_WINDOWS):
            self._show_in_window(card)
        else:
            index = self.cards.addTab(card, card.title())
            card.title_changed.connect(lambda title, c=card: self._retitle(c, title))
            self.cards.setCurrentIndex(index)
            self.cards.show()
        return card

    def _retitle(self, card: DossierCard, title: str) -> None:
        index = self.cards.indexOf(card)
        if index >= 0:
            self.cards.setTabText(index, title)

    def _focus_card(self, card: DossierCard) -> None:
        index = self.cards.indexOf(card)
        if index >= 0:
            self.cards.setCurrentIndex(index)
        else:
            window = card.window()
            window.raise_()
            window.activateWindow()

    def _show_in_window(self, card: DossierCard) -> CardWindow:
        window = CardWindow(card)
        self.card_windows.append(window)
        card.closed.connect(lambda w=window: self._forget_window(w))
        window.show()
        return window

    def _forget_window(self, window: CardWindow) -> None:
        if window in self.card_windows:
            self.card_windows.remove(window)
        window.deleteLater()

    def current_card(self) -> DossierCard | None:
        active = self.focusWidget()
        for window in self.card_windows:
            if window.isActiveWindow() or (active and window.isAncestorOf(active)):
                return window.card
        widget = self.cards.currentWidget()
        return widget if isinstance(widget, DossierCard) else None

    def new_customer(self) -> None:
        self.open_card(None)

    def save_current(self) -> None:
        card = self.current_card()
        if card is not None:
            card.save()

    def close_card_at(self, index: int) -> bool:
        card = self.cards.widget(index)
        if isinstance(card, DossierCard) and not card.confirm_close():
            return False
        self.cards.removeTab(index)
        if card is not None:
            card.deleteLater()
        if self.cards.count() == 0:
            self.cards.hide()
        return True

    def close_current_card(self) -> None:
        index = self.cards.currentIndex()
        if index >= 0:
            self.close_card_at(index)

    def detach_current_card(self) -> None:
        index = self.cards.currentIndex()
        card = self.cards.widget(index)
        if not isinstance(card, DossierCard):
            return
        self.cards.removeTab(index)
        if self.cards.count() == 0:
            self.cards.hide()
        card.setParent(None)
        self._show_in_window(card)

    def _on_card_saved(self, customer_id: int) -> None:
        self.statusBar().showMessage(self.tr("Saved"), 3000)
        self.list_view.select_id(customer_id)

    def archive_current(self) -> None:
        card = self.current_card()
        if card is not None:
            card.toggle_archived()
            return
        customer_id = self.list_view.current_id()
        if customer_id is not None:
            card = self.open_card(customer_id)
            if card is not None:
                card.toggle_archived()

    # -- classification of a selection
    def classify_selected(self) -> None:
        ids = self.list_view.selected_ids()
        if not ids:
            QMessageBox.information(
                self, self.tr("Classify"), self.tr("Select customers in the list first.")
            )
            return
        from kehu.ui.dialogs.classify_dialog import ClassifyDialog

        dialog = ClassifyDialog(classification.scheme_tree(), len(ids), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        scheme_id, category_id = dialog.choice()
        self.categories.classify(ids, category_id, scheme_id)

    # -- printing and exchange (kinds from the export registry, work through run_job)
    def _print_ids(self) -> list[int]:
        card = self.current_card()
        ids = [card.customer_id] if card is not None and card.customer_id else []
        return ids or self.list_view.selected_ids()

    def print_current(self) -> None:
        self.print_kind("card")

    def print_kind(self, kind: str) -> None:
        """Make the PDF of `kind` for the open card (or the selection) off the UI thread,
        with the progress dialog, then show it in the print preview."""
        ids = self._print_ids()
        if not ids:
            QMessageBox.information(
                self, self.tr("Print"), self.tr("Open a card or select customers to print.")
            )
            return
        card = self.current_card()
        if card is not None and card.is_dirty and not card.save():
            return
        from kehu.services import exports  # openpyxl and reportlab: not at start-up

        user, lang = self.session.user, self.session.lang
        path = temp_files.new_pdf(f"{kind}.pdf")
        options = {"selection": "window"}

        def work(job):
            return exports.export(
                exports.PDF, kind, ids, path, user, options, job=job, lang=lang, audited=False
            )

        def failed(exc: BaseException) -> None:
            temp_files.remove(path)
            self._on_job_failed(exc)

        run_job(
            self.session.tasks,
            self,
            self.tr("Preparing the PDF…"),
            work,
            lambda result: self._show_pdf(Path(result), kind, ids),
            failed,
            lang,
        )

    def _show_pdf(self, path: Path, kind: str, ids: list[int]) -> None:
        from kehu.ui.dialogs.print_preview import PrintPreviewDialog

        self.statusBar().clearMessage()
        preview = PrintPreviewDialog(path, self)
        preview.audit_as(self.session.user, kind, ids)
        preview.exec()

    def export_xlsx(self, kind: str) -> None:
        """Export the selection (or the whole list) as the Excel file of `kind`."""
        ids = self.list_view.selected_ids() or list(self.model.ids())
        if not ids:
            QMessageBox.information(
                self, self.tr("Export"), self.tr("There are no customers in the list to export.")
            )
            return
        from kehu.services import exports  # openpyxl: not at start-up

        user, lang = self.session.user, self.session.lang
        try:
            exports.prepare(exports.XLSX, kind, user, {}, lang)
        except UserError as exc:
            show_error(self, exc)
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export to Excel"), f"kehu-{kind}.xlsx", self.tr("Excel files (*.xlsx)")
        )
        if not path:
            return
        options = {"selection": "window"}

        def work(job):
            return exports.export(
                exports.XLSX, kind, ids, Path(path), user, options, job=job, lang=lang
            )

        run_job(
            self.session.tasks,
            self,
            self.tr("Exporting %1 customers…").replace("%1", f"{len(ids):,}"),
            work,
            lambda result: self.statusBar().showMessage(
                self.tr("Exported to %1").replace("%1", str(result)), 6000
            ),
            self._on_job_failed,
            lang,
        )

    def _on_job_failed(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            self.statusBar().showMessage(self.tr("Cancelled"), 4000)
        else:
            show_error(self, exc)

    def open_import_wizard(self) -> None:
        from kehu.ui.dialogs.import_wizard import ImportWizard

        wizard = ImportWizard(self.session.workspace, self.session.user, self, self.session.lang)
        wizard.exec()
        self.refresh()

    def about(self) -> None:
        from kehu import __version__

        QMessageBox.about(
            self,
            self.tr("About kehu"),
            self.tr(
                "kehu %1 — client records for small businesses.\n\n"
                "Anyone who can open the database file can read it; per-user visibility "
                "is a convenience, not a lock."
            ).replace("%1", __version__),
        )

    # -- closing
    def closeEvent(self, event: QCloseEvent) -> None:
        for window in list(self.card_windows):
            if not window.card.confirm_close():
                event.ignore()
                return
        for index in range(self.cards.count()):
            card = self.cards.widget(index)
            if isinstance(card, DossierCard) and not card.confirm_close():
                self.cards.setCurrentIndex(index)
                event.ignore()
                return
        self.save_state()
        self.poll_timer.stop()
        for window in list(self.card_windows):
            window.hide()
            window.deleteLater()
        self.card_windows.clear()
        self.session.shutdown()
        event.accept()


__all__ = ["CardWindow", "MainWindow"]
