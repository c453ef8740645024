"""The main window: classification trees | customer list | dossier cards, search on top.

Other views (routes, today…) are added as tabs of the central tab widget with `add_view`.
This module is the layout, the wiring (`_connect_signals`), the list's filters and status
line, and the change-hub subscription; the rest is in `kehu.ui.window`: menus and actions
(`menus`), prints and exports (`exports`), dossier cards in tabs or windows (`cards`), docks
(`docks`) and the remembered geometry (`state`).
"""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QWidget,
)

from kehu.core.changes import Changes
from kehu.db import completeness as stored_completeness
from kehu.db import customer_list
from kehu.db.customer_list import RANK, ListSpec
from kehu.db.tree_counts import TreeCounts
from kehu.services import classification
from kehu.ui import settings
from kehu.ui.analysis.integration import install as install_analysis_view
from kehu.ui.errors import show_error
from kehu.ui.icons import app_icon
from kehu.ui.models.customer_table import CustomerTableModel
from kehu.ui.operations import perform
from kehu.ui.routes.integration import install as install_route_views
from kehu.ui.session import Session
from kehu.ui.widgets.category_panel import CategoryPanel
from kehu.ui.widgets.completeness_filter import CompletenessFilter
from kehu.ui.widgets.customer_list import CustomerListView, saved_columns
from kehu.ui.widgets.search_box import SearchBox
from kehu.ui.window.backups import WindowBackups
from kehu.ui.window.cards import CardTabs, CardWindow
from kehu.ui.window.care import WindowCare
from kehu.ui.window.docks import DockLayout
from kehu.ui.window.exports import WindowExports
from kehu.ui.window.files import DatabaseFiles
from kehu.ui.window.help_settings import WindowHelpSettings
from kehu.ui.window.keyboard import WindowKeyboard
from kehu.ui.window.menus import WindowMenus
from kehu.ui.window.moves import DatabaseMoves
from kehu.ui.window.office import WindowOffice
from kehu.ui.window.printing import WindowPrinting
from kehu.ui.window.state import PreserveGeometry

logger = logging.getLogger(__name__)

POLL_MS = 1000
RELEASE_AFTER_MS = 3000  # background work starts at the latest this long after opening


class MainWindow(
    WindowMenus,
    WindowOffice,
    DatabaseFiles,
    DatabaseMoves,
    WindowCare,
    WindowBackups,
    WindowHelpSettings,
    WindowKeyboard,
    CardTabs,
    WindowPrinting,
    WindowExports,
    DockLayout,
    PreserveGeometry,
    QMainWindow,
):
    list_populated = Signal(int)  # rows, each time the list finished loading

    geometry_setting = settings.WINDOW_GEOMETRY
    default_size = (1360, 820)
    state_setting = settings.WINDOW_STATE
    splitter_settings = {"mainSplitter": settings.MAIN_SPLITTER}

    def __init__(self, session: Session) -> None:
        super().__init__()
        self._closed = False  # set once the window accepted its close: no more reloads
        self.session = session
        self.setObjectName("mainWindow")
        self.setWindowIcon(app_icon())
        self.card_windows: list[CardWindow] = []
        self._counts: TreeCounts | None = None
        # The list first: counts, the today panel and other background work wait until the
        # first page of customers is shown (see _release_background).
        self.session.tasks.hold()
        self._build()
        self._build_actions()
        self._install_file_actions()
        self._install_move_actions()  # after "Open server database…"
        self._install_help_settings()
        self._install_backup_actions()
        self._connect_signals()
        self.route_views = install_route_views(self)  # routes, visit reports, today
        self.analysis_view = install_analysis_view(self)  # composition, ABC, trend
        self._install_care()  # cadence editor, care settings, tray notification
        self._wire_keyboard()
        self._arrange_docks()
        self.restore_geometry()
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(POLL_MS)
        self.poll_timer.timeout.connect(self.session.poll)
        self.poll_timer.start()
        self._update_title()
        self.model.reload()
        self._fill_completeness()
        QTimer.singleShot(RELEASE_AFTER_MS, self._release_background)  # a slow list: not forever

    # -- layout
    def _build(self) -> None:
        self.search_box = SearchBox(self)
        self.archived_box = QCheckBox(self.tr("Show archived"), self)
        self.archived_box.setObjectName("showArchived")
        self.archived_box.setChecked(bool(settings.get(settings.SHOW_ARCHIVED)))
        self.completeness_filter = CompletenessFilter(self)
        self.categories = CategoryPanel(self.session, self)
        spec = ListSpec(
            self.session.user,
            include_archived=self.archived_box.isChecked(),
            sort=str(settings.get(settings.LIST_SORT)),
            descending=bool(settings.get(settings.LIST_DESCENDING)),
        )
        if spec.sort not in customer_list.LIST_COLUMNS:
            spec = spec.with_(sort="code", descending=False)
        self.model = CustomerTableModel(  # goes with the window: no late report to a gone one
            self.session.tasks, spec, self.session.lang, saved_columns(), self
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
        # The trees as wide as their names in this language; the card gets room for its
        # widest tables.
        self.splitter.setSizes([max(200, self.categories.wanted_width()), 480, 680])
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

    def _release_background(self) -> None:
        """Start the work held while the list loaded (counts, today panel, file check)."""
        if self.session.tasks.is_held:
            logger.debug("list shown: background work starts")
            self.session.tasks.release()

    def _on_load_failed(self, exc: BaseException) -> None:
        # a bound slot, not a lambda: Qt drops the connection when the window is deleted
        if self._closed:  # the database went with the window: nobody to tell
            logger.debug("list load of a closed window failed: %s", exc)
            return
        show_error(self, exc)
        self._on_first_rows()

    def _on_first_rows(self) -> None:
        if self.session.tasks.is_held:
            QTimer.singleShot(0, self._release_background)  # after the rows are painted

    def _fill_completeness(self) -> None:
        """An older file has no stored completeness: compute it in the background once the
        list is shown, a batch per short write transaction (startup never waits for it;
        the column is blank and the filter skips those rows until their batch is written)."""
        if not self.session.can_write:
            return

        def done(changed: int) -> None:
            if changed:
                logger.info("completeness computed for %s customers", changed)
                spec = self.model.spec
                self.model.refresh_rows()
                if spec.sort == "completeness" or spec.completeness_below is not None:
                    self.model.reload()

        self.session.tasks.start(
            lambda job: stored_completeness.fill(job, only_missing=True),
            on_success=done,
            on_failure=lambda exc: logger.warning("completeness not computed: %s", exc),
            context=self,
        )

    def add_view(self, widget: QWidget, title: str) -> int:
        """Add a view (routes, today…) as a tab next to "Customers"; returns its index."""
        return self.views.addTab(widget, title)

    def _connect_signals(self) -> None:
        self.search_box.search_changed.connect(self._on_search)
        self.archived_box.toggled.connect(self._on_archived_toggled)
        self.completeness_filter.changed.connect(
            lambda below: self._apply_spec(self.model.spec.with_(completeness_below=below))
        )
        self.categories.filter_changed.connect(self._on_category_filter)
        self.categories.counts_updated.connect(self._on_counts)
        self.list_view.open_requested.connect(self.open_card)
        self.list_view.selection_changed.connect(lambda _ids: self._show_counts())
        self.model.loading_finished.connect(self._on_list_loaded)
        self.model.load_failed.connect(self._on_load_failed)
        self.model.modelReset.connect(self._on_first_rows)
        self.model.loading_finished.connect(lambda _rows: self._on_first_rows())
        self.cards.tabCloseRequested.connect(self.close_card_at)
        self.session.hub.changed.connect(self._on_changed)
        self.session.undo_changed.connect(self.undo_action.setEnabled)
        self.session.file_lost.connect(self._on_file_lost)
        self.session.connection_changed.connect(self._on_connection_changed)
        self.session.waiting.connect(self._on_waiting)

    # -- state
    def save_state(self) -> None:
        self.save_geometry()
        spec = self.model.spec
        if spec.sort != RANK:
            settings.put(settings.LIST_SORT, spec.sort)
            settings.put(settings.LIST_DESCENDING, spec.descending)
        settings.put(settings.SHOW_ARCHIVED, self.archived_box.isChecked())
        self.list_view.save_columns()

    def _update_title(self) -> None:
        database = self.session.database
        if database.is_server:  # the server's URL, without the password
            self.setWindowFilePath("")
            self.setWindowTitle(
                self.tr("%1 (server) — kehu client records").replace("%1", database.shown)
            )
            return
        path = database.path
        self.setWindowFilePath(str(path))
        self.setWindowTitle(
            self.tr("%1 (%2) — kehu client records")
            .replace("%1", path.name)
            .replace("%2", str(path.parent))
        )

    def _show_file_status(self) -> None:
        database = self.session.database
        if database.is_server:
            text = self.tr("Server database: %1 · user %2")
            if self.session.offline:
                text = self.tr("Server database: %1 · the connection was lost; reconnecting…")
            values = [database.shown, self.session.user.display_name]
        else:
            text = self.tr("Database: %1 (%2 mode) · user %3")
            mode = self.tr("shared") if database.mode == "shared" else self.tr("local")
            values = [database.shown, mode, self.session.user.display_name]
        # one pass: a value holding "%2" (a URL's %2F) is not filled in again
        self.status_file.setText(re.sub(r"%(\d)", lambda m: values[int(m[1]) - 1], text))
        if self.session.lost:
            self.status_file.setText(
                self.tr("The database file was replaced or removed: nothing is saved; reopen it")
            )
        elif database.read_only:
            self.status_file.setText(
                self.status_file.text() + " · " + self.tr("read-only: saving is disabled")
            )
        writable = self.session.can_write and not self.session.offline
        self.status_file.setStyleSheet("" if writable else "color: #a00000;")

    def _on_waiting(self, waiting: bool) -> None:
        """A save waits for another user's save to finish (a shared file): say so at once."""
        if waiting:
            self.statusBar().showMessage(self.tr("Waiting for another user to finish saving…"), 0)
        else:
            self.statusBar().clearMessage()
        self.statusBar().repaint()

    def _on_file_lost(self) -> None:
        """The file was replaced or removed: stop writing, keep the edits, say what to do."""
        self.poll_timer.stop()
        self._show_file_status()
        for card in self.open_cards():
            card.allow_saving(False)
        self._allow_backup_actions()
        self._allow_move_actions()
        from kehu.db.errors import FileReplacedError

        QMessageBox.warning(
            self,
            self.tr("The database file changed"),
            FileReplacedError(self.session.database.path).message(self.session.lang),
        )

    def _on_connection_changed(self, online: bool) -> None:
        """A server database: the connection was lost (the status bar says so; saving says
        why it failed, the edits stay) or is back (everything visible is read again)."""
        self._show_file_status()
        if online:
            self.statusBar().showMessage(self.tr("Connected to the database server again"), 8000)

    def _show_counts(self) -> None:
        shown = self.model.rowCount()
        parts = [self.tr("%1 shown").replace("%1", f"{shown:,}")]
        if self._counts is not None:
            parts.append(self.tr("%1 customers").replace("%1", f"{self._counts.total:,}"))
        selected = self.list_view.selected_count()
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

    # -- changes (every write and other users' commits arrive here through the hub)
    def _on_changed(self, changes: Changes) -> None:
        """Re-read what the change concerns: the list, and the open cards."""
        if self._closed:  # a notification queued before the window closed
            return
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

    # -- classification of a selection
    def classify_selected(self) -> None:
        ids = self.list_view.selected_ids()
        if not ids:
            QMessageBox.information(
                self, self.tr("Classify"), self.tr("Select customers in the list first.")
            )
            return
        from kehu.ui.dialogs.classify_dialog import ClassifyDialog

        dialog = ClassifyDialog(classification.scheme_tree(self.session.lang), len(ids), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        scheme_id, category_id = dialog.choice()
        self.categories.classify(ids, category_id, scheme_id)

    # -- closing
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._cards_may_close():
            event.ignore()
            return
        self.save_state()
        self.poll_timer.stop()
        self._close_card_windows()
        self._closed = True
        self.session.shutdown()
        if not getattr(self, "restoring", False):
            self.backup_on_close()
        event.accept()


__all__ = ["CardWindow", "MainWindow"]
